"""Removed ids as the derived files show them: each tombstone with what replaced it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from anthology.model import Registry

if TYPE_CHECKING:
    from anthology.render.view import Entry


@dataclass(frozen=True)
class RemovedView:
    id: str
    date: str
    reason: str
    replaced_by: str | None
    replacement: Entry | None  # the recommendation `replaced_by` names, when it is one


def removed_views(registry: Registry, entries: dict[str, Entry]) -> list[RemovedView]:
    """One per removed id (the first tombstone of an id), by id."""
    found: dict[str, RemovedView] = {}
    for removal in registry.removed:
        if removal.id and removal.id not in found:
            found[removal.id] = RemovedView(removal.id, removal.date or "", removal.reason or "",
                                            removal.replaced_by,
                                            entries.get(removal.replaced_by or ""))
    return [found[name] for name in sorted(found)]
