"""Ids gone since the base revision: part of the ids check.

Ids are public, so an id present at the base revision (see `anthology.baserev`) must
still exist, unless a tombstone removes it on purpose. One finding per file names every
id that file lost; a file that no longer loads keeps its own error instead.
"""

from __future__ import annotations

from typing import Any

from anthology.checks import tombstones
from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.model import Registry

E, N = Severity.ERROR, Severity.NOTE
REMOVED = Code("ID012", E, "an id present at the base revision is gone",
               "deleting MLR-2014-Kingma001-0002 instead of deprecating it")
NO_BASE = Code("ID013", N, "the base-revision rule was skipped", "outside a git repository")


def check(registry: Registry, context: Any) -> list[Diagnostic]:
    baseline = context.baseline
    if isinstance(baseline, str):
        document = registry.topics_document
        where = (document.path, 1, 1) if document else (".", 0, 0)
        return [NO_BASE.at(*where, f"ids were not compared with the base revision: "
                           f"{baseline}")]
    if baseline is None or not baseline.ids:  # no registry file changed since the base
        return []
    current = {p.id for p in registry.papers} | {r.id for r in registry.recommendations} | \
        tombstones.removed_ids(registry)
    tombstone_file = context.config.relative(context.config.removed_path)
    loaded = {d.path for d in registry.documents}
    lost: dict[str, list[str]] = {}  # path at the base -> its ids that are gone
    for name, path in sorted(baseline.missing(current).items()):
        if path not in registry.unloaded:  # else the file's own error stands
            lost.setdefault(path, []).append(name)
    return [REMOVED.at(path, 1, 1, _lost(ids, path, path not in loaded, baseline.ref,
                                         tombstone_file)) for path, ids in lost.items()]


def _lost(ids: list[str], path: str, deleted: bool, ref: str, tombstone_file: str) -> str:
    """One message for all the ids a file lost: what is gone, then the fix, once."""
    papers = [i for i in ids if "-" not in i]
    recs = [i for i in ids if "-" in i]
    named = " and ".join(f"{kind}{'s' if len(names) > 1 else ''} {', '.join(names)}"
                         for kind, names in (("paper", papers), ("recommendation", recs))
                         if names)
    one = len(ids) == 1
    gone = f"{named} {'exists' if one else 'exist'} at {ref} but {'is' if one else 'are'} gone"
    it, them = ("it", "it") if one else ("them", "each")
    if deleted:
        return (f"{gone} (the file was deleted); ids are public: restore the file (git checkout "
                f"{ref} -- {path}) and deprecate what it no longer recommends (status: "
                f"deprecated); to remove {it} on purpose, list {them} in {tombstone_file} "
                "(id, date, reason)")
    practice = "the practice" if one else "the practices"
    return (f"{gone}; ids are public: deprecate {practice} (status: deprecated) instead of "
            f"deleting or renumbering {it}; to remove {it} on purpose, list {them} in "
            f"{tombstone_file} (id, date, reason)")
