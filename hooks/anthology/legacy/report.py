"""The imported files, checked as the registry's own checks would, and the import's own
problems placed at the paper or recommendation they are about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anthology.cache import Memo
from anthology.checks import ORDER
from anthology.config import Config
from anthology.diagnostics import Diagnostic
from anthology.legacy.problems import Problem
from anthology.model import Registry
from anthology.pipeline import Context, RegistryFiles, load_registry, run_checks

if TYPE_CHECKING:
    from anthology.legacy.drafts import Draft


def run_checks_on(config: Config, memo: Memo, files: dict[str, tuple[Draft, str]]
                  ) -> tuple[Registry, list[Diagnostic]]:
    """Every check, offline, on the imported files and the taxonomy."""
    topics = config.topics_path
    registry = load_registry(config, memo, files=RegistryFiles(
        (config.relative(topics), topics.read_bytes()),
        [(path, text.encode("utf-8")) for path, (_, text) in files.items()]))
    context = Context(config, memo, offline=True)
    found = run_checks(registry, context, ORDER)
    shown = set(files)
    return registry, [d for d in found if d.path in shown]


def locate(problem: Problem, registry: Registry, files: dict[str, tuple[Draft, str]]) -> Diagnostic:
    path = next(p for p, (d, _) in files.items() if d is problem.draft)
    paper = next((p for p in registry.papers if p.document.path == path), None)
    source = f" ({problem.source[0]}:{problem.source[1]})" if problem.source else ""
    message = problem.message + source
    if paper is None:
        return problem.code.at(path, 1, 1, message)
    if problem.recommendation is not None:
        for i, rec in enumerate(paper.recommendations):
            if rec.id == problem.recommendation:
                return problem.code.at(*paper.at("recommendations", i, "id"), message)
    return problem.code.at(*paper.at(*([problem.key] if problem.key else [])), message)
