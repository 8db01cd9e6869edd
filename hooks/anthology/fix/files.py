"""Fix the registry's files (or the ones named), numbering new ids across all of them."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from anthology.baseline import NoBaseline, load_baseline
from anthology.cache import Memo
from anthology.config import Config
from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.fix.filefix import PAPER_ID, REC_ID, Outcome, fix_file, rename_problem
from anthology.fix.numbering import Numbering
from anthology.fix.triage import needs_fix
from anthology.naming import Conventions
from anthology.pipeline import (
    YAML_SUFFIXES,
    NotRead,
    load_document,
    load_registry,
    paper_files,
    read_file,
)

NO_BASE = Code("FIX011", Severity.NOTE, "new ids were numbered without the base revision",
               "outside a git repository, or before the first commit")
CODES = [NO_BASE]


def fix_paths(config: Config, memo: Memo, paths: Sequence[Path],
              base: str) -> tuple[list[Outcome], list[Diagnostic]]:
    """Outcomes for each file (nothing is written here), and notes about the run."""
    registry = load_registry(config, memo, paths)
    current = [p.id for p in registry.papers if p.id] + \
        [r.id for r in registry.recommendations if r.id] + \
        [r.id for r in registry.removed if r.id]  # a removed id is never given out again
    notes: list[Diagnostic] = []
    try:
        base_ids = load_baseline(config, registry, memo, base).ids
    except NoBaseline as reason:
        base_ids = {}
        notes.append(NO_BASE.at(".", 0, 0, f"new ids were numbered from the working tree only: "
                                f"{reason}"))
    numbering = Numbering(Conventions(config), current, base_ids)
    outcomes = []
    for path in _targets(config, paths):
        shown = config.relative(path)
        try:
            raw = read_file(path, config.get("", "max_file_bytes"))
        except NotRead as reason:
            outcomes.append(Outcome(shown, b"", diagnostics=[reason.code.at(shown, 0, 0,
                                                                            reason.message)]))
            continue
        document, found = load_document(shown, raw, memo)
        if (document is None or any(d.severity is Severity.ERROR for d in found)
                or needs_fix(document.data, raw)):
            outcome = fix_file(shown, raw, numbering)
        else:  # nothing to fix: no round trip, only what needs a hand
            outcome = Outcome(shown, raw, diagnostics=rename_problem(document))
        outcome.file = path
        outcomes.append(outcome)
    assigned = any(d.code in (PAPER_ID.code, REC_ID.code)
                   for o in outcomes for d in o.diagnostics)
    return outcomes, notes if assigned else []


def _targets(config: Config, paths: Sequence[Path]) -> list[Path]:
    if not paths:
        return paper_files(config)
    topics = Path(os.path.realpath(config.topics_path))
    found: dict[Path, None] = {}
    for entry in paths:
        candidates = sorted(entry.rglob("*")) if entry.is_dir() else [entry]
        for path in candidates:
            if (path.suffix in YAML_SUFFIXES and not path.is_dir()
                    and Path(os.path.realpath(path)) != topics):
                found[path] = None
    return list(found)
