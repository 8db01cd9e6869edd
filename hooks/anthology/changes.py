"""Practice-level changes between two states of a registry, as a reviewer reads them.

A change is about one recommendation (or one new paper): added, reworded, promoted or
otherwise re-statused, deprecated (with its successors), moved to another topic, or
removed. The same comparison serves `anthology diff` and the Atom feed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from anthology.model import Paper, Recommendation, Registry

# The order a reviewer reads them in.
KINDS = ("added", "deprecated", "promoted", "status", "moved", "reworded", "removed", "paper")


@dataclass(frozen=True)
class Change:
    kind: str
    id: str
    name: str  # what a reader calls the practice (or the paper's title)
    topic: str | None = None
    old: str | None = None  # the previous text, status or topic
    new: str | None = None
    successors: tuple[tuple[str, str], ...] = ()  # (id, name) of what replaced it
    reason: str | None = None  # why it was deprecated or removed


@dataclass
class Comparison:
    changes: list[Change] = field(default_factory=list)

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]


def compare(before: Registry, after: Registry) -> Comparison:
    """What changed from `before` to `after` (a removal carries its tombstone's reason)."""
    old, new = before.recommendation_by_id, after.recommendation_by_id
    changes: list[Change] = []
    for rec_id, rec in new.items():
        was = old.get(rec_id)
        if was is None:
            changes.append(Change("added", rec_id, rec.label, rec.topic, new=rec.status))
        else:
            changes.extend(_differences(was, rec, after))
    tombstones = {t.id: t for t in after.removed if t.id}
    for rec_id, was in old.items():
        if rec_id not in new:
            tombstone = tombstones.get(rec_id)
            successor = tombstone.replaced_by if tombstone else None
            changes.append(Change(
                "removed", rec_id, was.label, was.topic, old=was.status,
                reason=tombstone.reason if tombstone else None,
                successors=((successor, new[successor].label if successor in new
                             else successor),) if successor else ()))
    known = {p.id for p in before.papers if p.id}
    changes.extend(_paper_added(p) for p in after.papers if p.id and p.id not in known)
    rank = {kind: i for i, kind in enumerate(KINDS)}
    changes.sort(key=lambda c: (rank[c.kind], c.topic or "", c.id))
    return Comparison(changes)


def _differences(was: Recommendation, rec: Recommendation, after: Registry) -> list[Change]:
    found: list[Change] = []
    rec_id = rec.id or ""
    if was.status != rec.status:
        if rec.status == "deprecated":
            known = after.recommendation_by_id
            successors = tuple((s, known[s].label if s in known else s)
                               for s in rec.superseded_by)
            found.append(Change("deprecated", rec_id, rec.label, rec.topic, old=was.status,
                                new=rec.status, successors=successors,
                                reason=rec.deprecated_reason))
        else:
            kind = ("promoted" if (was.status, rec.status) == ("experimental", "standard")
                    else "status")
            found.append(Change(kind, rec_id, rec.label, rec.topic, old=was.status,
                                new=rec.status))
    if was.topic != rec.topic:
        found.append(Change("moved", rec_id, rec.label, rec.topic, old=was.topic,
                            new=rec.topic))
    if _words(was.text) != _words(rec.text):
        found.append(Change("reworded", rec_id, rec.label, rec.topic, old=was.text,
                            new=rec.text))
    return found


def _paper_added(paper: Paper) -> Change:
    return Change("paper", paper.id or "", paper.title or paper.id or "", None,
                  new=paper.arxiv or paper.url)


def _words(text: str | None) -> list[str]:
    return (text or "").split()


def word_diff(old: str | None, new: str | None, context: int = 8) -> list[tuple[str, str]]:
    """(op, words) runs, op one of "=", "-", "+": a word-level diff of two texts.

    An unchanged run keeps `context` words next to each change; the rest reads "…".
    """
    a, b = _words(old), _words(new)
    runs: list[tuple[str, str]] = []
    opcodes = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            words = a[i1:i2]
            head = words[:context] if n > 0 else []
            tail = words[-context:] if n < len(opcodes) - 1 else []
            if len(head) + len(tail) < len(words):
                words = [*head, "…", *tail]
            runs.append(("=", " ".join(words)))
            continue
        if i2 > i1:
            runs.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("+", " ".join(b[j1:j2])))
    return runs
