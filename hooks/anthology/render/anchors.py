"""Anchors in REGISTRY.md: GitHub's slugs for headings, and explicit ones for entries.

A named entry's heading carries an explicit anchor, its id's slug, so links made before
names existed keep working; an unnamed one is headed by its id, whose slug is the same.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from anthology.render.view import Entry, View


def slug(text: str) -> str:
    """The anchor GitHub gives a heading with this text."""
    return re.sub(r"[^\w\- ]", "", " ".join(text.split()).lower()).replace(" ", "-")


class Slugger:
    """Anchors in page order, numbered on repeats the way GitHub numbers them."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, text: str) -> str:
        base = slug(text)
        anchor, n = base, self.seen.get(base, 0)
        while anchor in self.seen:
            n += 1
            anchor = f"{base}-{n}"
        self.seen[base] = n
        self.seen[anchor] = 0
        return anchor


def assign_anchors(view: View) -> None:
    """Anchors in the order the shipped page has its headings."""
    anchor = Slugger()
    view.anchors["contents"] = anchor("Contents")
    if view.reading_list:
        for topic in view.topics:
            topic.anchor = anchor(topic.title)
        return
    view.anchors["summary"] = anchor("Summary")
    for topic in view.topics:
        topic.anchor = anchor(topic.title)
        for group in topic.groups:
            for entry in group.entries:
                entry.anchor = _entry_anchor(entry, anchor)
    view.anchors["attic"] = anchor("Attic")
    for entry in view.attic:
        entry.anchor = _entry_anchor(entry, anchor)
    for entry in view.entries:
        entry.anchor = entry.anchor or slug(entry.id)


def _entry_anchor(entry: Entry, anchor: Slugger) -> str:
    heading = anchor(entry.heading)
    return slug(entry.id) if entry.name else heading
