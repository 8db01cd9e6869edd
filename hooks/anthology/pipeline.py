"""Config -> registry files -> documents (memoised) -> model -> checks -> diagnostics."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anthology.cache import Memo
from anthology.config import Config
from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.document import Document
from anthology.loader import blob_digest, load
from anthology.model import Registry, build

YAML_SUFFIXES = (".yaml", ".yml")
MISSING = Code("FILE001", Severity.ERROR, "a configured registry file or folder does not exist",
               'topics = "registry/topic.yaml" (a typo) in anthology.toml')
UNREADABLE = Code("FILE002", Severity.ERROR, "a registry file can't be read",
                  "a paper file without read permission")
CODES = [MISSING, UNREADABLE]


@dataclass
class Context:
    """What checks may know beyond the registry itself."""

    config: Config
    memo: Memo
    offline: bool = False
    strict: bool = False
    base: str | None = None
    baseline: Any = None  # anthology.baseline.Baseline, loaded only when the ids check runs
    notes: list[str] = field(default_factory=list)


def paper_files(config: Config, extra: Sequence[Path] = ()) -> list[Path]:
    """Every registry file of papers, in a stable order, plus extra files or folders."""
    found: dict[str, Path] = {}  # keyed by the path diagnostics show, so no file loads twice
    topics = config.relative(config.topics_path)
    for entry in [*config.paper_paths, *(Path(os.path.abspath(p)) for p in extra)]:
        if entry.is_dir():
            names = [os.path.join(folder, name) for folder, _, files in os.walk(entry)
                     for name in files if name.endswith(YAML_SUFFIXES)]
            paths = [Path(name) for name in sorted(names)]
        else:
            paths = [entry] if entry.exists() else []
        for path in paths:
            shown = config.relative(path)
            if shown != topics:
                found.setdefault(shown, path)
    return list(found.values())


def load_document(path: str, raw: bytes, memo: Memo) -> tuple[Document | None, list[Diagnostic]]:
    digest = blob_digest(raw)
    cached = memo.get("load:" + digest)
    if cached is not None:
        ok, data, found = cached
        diagnostics = [Diagnostic(path, line, col, Severity(sev), code, message)
                       for line, col, sev, code, message in found]
        if not ok:
            return None, diagnostics
        text = raw.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
        return Document(path, text, data, digest), diagnostics
    document, diagnostics = load(path, raw)
    memo.put("load:" + digest, (document is not None, document.data if document else None,
                                [(d.line, d.col, d.severity.value, d.code, d.message)
                                 for d in diagnostics]))
    return document, diagnostics


@dataclass
class RegistryFiles:
    """The raw bytes of every registry file, by the path diagnostics show."""

    topics: tuple[str, bytes] | None
    papers: list[tuple[str, bytes]]
    problems: list[Diagnostic] = field(default_factory=list)  # missing or unreadable files


def read_files(config: Config, extra: Sequence[Path] = ()) -> RegistryFiles:
    files = RegistryFiles(None, [])
    for configured in [config.topics_path, *config.paper_paths, *extra]:
        if not configured.exists():
            key = "topics" if configured == config.topics_path else "papers"
            origin = (f"the default '{key}'; set it in anthology.toml or [tool.anthology]"
                      if config.source == "defaults" else f"'{key}' in {config.source}")
            message = "no such file or folder" + ("" if configured in extra else f" ({origin})")
            files.problems.append(MISSING.at(config.relative(configured), 0, 0, message))
    if config.topics_path.is_file():
        files.topics = _read(config, config.topics_path, files.problems)
    for path in paper_files(config, extra):
        paper = _read(config, path, files.problems)
        if paper is not None:
            files.papers.append(paper)
    return files


def _read(config: Config, path: Path, problems: list[Diagnostic]) -> tuple[str, bytes] | None:
    try:
        return config.relative(path), path.read_bytes()
    except OSError as err:
        problems.append(UNREADABLE.at(config.relative(path), 0, 0, f"can't be read: "
                                      f"{err.strerror or err}"))
        return None


def load_registry(config: Config, memo: Memo, extra: Sequence[Path] = (),
                  files: RegistryFiles | None = None) -> Registry:
    files = files or read_files(config, extra)
    diagnostics: list[Diagnostic] = list(files.problems)
    topics_document = None
    if files.topics is not None:
        topics_document, found = load_document(*files.topics, memo)
        diagnostics.extend(found)
    documents: list[Document] = []
    for path, raw in files.papers:
        document, found = load_document(path, raw, memo)
        diagnostics.extend(found)
        if document is not None:
            documents.append(document)
    return build(documents, topics_document, diagnostics)


def run_checks(registry: Registry, context: Context, only: Iterable[str]) -> list[Diagnostic]:
    from anthology.checks import CHECKS

    diagnostics = list(registry.load_diagnostics)
    for name in only:
        diagnostics.extend(CHECKS[name].check(registry, context))
    return sorted(set(diagnostics), key=lambda d: (d.path, d.line, d.col, d.code, d.message))
