"""What a reader scans first: a practice in one line, a topic's current practice in groups,
and the attic's histories told by name.

A topic's live practices are grouped by subtopic when its recommendations name one, else by
the first context they apply to (in the order the topics file declares contexts); within a
group the newest paper comes first, standard before experimental.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from anthology.render.chains import walks

if TYPE_CHECKING:
    from anthology.render.view import Entry, TermView, TopicView, View

ONE_LINE = 110  # characters, at most, of a practice's one-line summary
UNSCOPED = "Not yet scoped"
OTHER = "Other"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")


def one_line(text: str, limit: int = ONE_LINE) -> str:
    """The first sentence of `text`, cut at a word boundary with "…" when too long."""
    text = " ".join(text.split())
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;:-–—(")
    return cut + "…"


@dataclass
class Group:
    title: str
    entries: list[Entry]


def newest_first(entry: Entry) -> tuple[int, bool, str]:
    return -(entry.paper.year or 0), entry.status != "standard", entry.id


def practice_groups(topic: TopicView, contexts: list[TermView]) -> list[Group]:
    live = sorted(topic.live, key=newest_first)
    if topic.subtopics and any(e.subtopic_id for e in live):
        keys = [(s.id, s.title) for s in topic.subtopics]
        key_of = {e.id: e.subtopic_id for e in live}
        rest = OTHER
    else:
        keys = [(c.id, c.title) for c in contexts]
        order = {c.id: i for i, c in enumerate(contexts)}
        key_of = {e.id: min(e.applies_to, key=lambda c: order.get(c, len(order)), default=None)
                  for e in live}
        rest = UNSCOPED
    groups = [Group(title, [e for e in live if key_of[e.id] == key]) for key, title in keys]
    known = {key for key, _ in keys}
    groups.append(Group(rest, [e for e in live if key_of[e.id] not in known]))
    return [g for g in groups if g.entries]


def histories(view: View) -> list[list[Entry]]:
    """Every succession chain through the attic once, by topic, then by its first paper.

    Chains are walked whole from each first practice, so a long chain is listed once and
    costs its length, not its length for each of its practices.
    """
    order = {t.id: i for i, t in enumerate(view.topics)}
    found = [chain for first in view.entries if not first.predecessors
             for chain in walks(first, lambda e: e.successors)
             if any(not e.is_live for e in chain)]
    return sorted(found, key=lambda chain: (
        order.get(chain[0].topic_id, len(order)), chain[0].paper.year or 0, chain[0].id))
