"""Tombstones: ids removed on purpose (`removed:` in the tombstone file, config `removed`).

Part of the ids check. A tombstoned id may be absent from the registry (that is the
point), can never be used again, must not still exist, and its `replaced_by` names an
id that exists. ID012 does not report a tombstoned id as gone.
"""

from __future__ import annotations

from typing import Any

from anthology.baseline import Baseline
from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.model import Located, Registry, Removal

E = Severity.ERROR
REUSED = Code("REMOVED001", E, "a removed id is used again",
              "a new paper with id: Ba001 after Ba001 was tombstoned")
STILL_THERE = Code("REMOVED002", E, "a tombstone names an id that still exists",
                   "removed: [{id: MLR-2016-Ba001-0001, ...}] with the entry still in its file")
NO_REPLACEMENT = Code("REMOVED003", E, "replaced_by names an id the registry does not have",
                      "replaced_by: MLR-2020-Xiong001-0009 (a typo)")
TWICE = Code("REMOVED004", E, "an id is tombstoned twice", "two tombstones with id: Ba001")
CODES = [REUSED, STILL_THERE, NO_REPLACEMENT, TWICE]


def removed_ids(registry: Registry) -> set[str]:
    return {r.id for r in registry.removed if r.id}


def check(registry: Registry, context: Any) -> list[Diagnostic]:
    if not registry.removed:
        return []
    baseline = context.baseline if isinstance(context.baseline, Baseline) else None
    entries: dict[str, Located] = {}
    for paper in registry.papers:
        if paper.id:
            entries.setdefault(paper.id, paper)
    for rec in registry.recommendations:
        if rec.id:
            entries.setdefault(rec.id, rec)
    first: dict[str, Removal] = {}
    found = []
    for removal in registry.removed:
        if removal.id is None:
            continue  # the schema check reports it
        earlier = first.setdefault(removal.id, removal)
        if earlier is not removal:
            found.append(TWICE.at(*removal.at("id"), f"'{removal.id}' is already removed on "
                                  f"line {earlier.at('id')[1]}; keep one tombstone"))
            continue
        entry = entries.get(removal.id)
        if entry is not None:
            found.append(_alive(removal, entry, baseline))
        target = removal.replaced_by
        if target is not None and target not in entries:
            also = " (it is removed too)" if target in removed_ids(registry) else ""
            found.append(NO_REPLACEMENT.at(*removal.at("replaced_by"), f"replaced_by '{target}' "
                                           f"is not an id in the registry{also}; name the paper "
                                           "or recommendation that replaces it"))
    return found


def _alive(removal: Removal, entry: Located, baseline: Baseline | None) -> Diagnostic:
    path, line, _ = entry.at("id")
    if baseline is not None and not baseline.has(str(removal.id), entry.document):
        tomb_path, tomb_line, _ = removal.at("id")
        return REUSED.at(path, *entry.at("id")[1:], f"'{removal.id}' was removed "
                         f"({tomb_path}:{tomb_line}) and ids are never used again; give this "
                         "entry a new id (delete its id line and run `anthology fix`)")
    return STILL_THERE.at(*removal.at("id"), f"'{removal.id}' is removed here but still "
                          f"exists ({path}:{line}); delete that entry too, or drop this tombstone")
