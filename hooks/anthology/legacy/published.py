"""The registry the older format's build step published (`--ids-from`): its ids are public.

Each entry of its `recommendations` list has an `id` (MLR-<year>-<Surname><NNN>-<NNNN>),
the `recommendation` text, a `topic` and a `source` naming the paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from anthology import loader
from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.legacy.research import text, written
from anthology.naming import Conventions

E, W = Severity.ERROR, Severity.WARNING
NO_LIST = Code("LEGACY003", E, "the published registry has no 'recommendations' list",
               "recommendations: {} (a mapping)")
BAD_ENTRY = Code("LEGACY004", W, "a published entry has no usable id or text; it is skipped",
                 "- id: MLR-17 (not the convention)")
CODES = [NO_LIST, BAD_ENTRY]


@dataclass
class Published:
    id: str
    paper_id: str  # the id's paper part
    year: int | None
    text: str
    topic: str | None
    title: str | None
    first_author: str | None
    arxiv: str | None
    where: tuple[str, int, int]


def read(path: str, raw: bytes, conventions: Conventions
         ) -> tuple[list[Published], list[Diagnostic]]:
    document, found = loader.load(path, raw)
    if document is None or any(d.severity is E for d in found):
        return [], found
    data = document.data
    entries = data.get("recommendations") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return [], [*found, NO_LIST.at(path, 1, 1, "expected a 'recommendations' list, as the "
                                       "old build step wrote it")]
    published = []
    root = loader.compose(document.text)
    for i, entry in enumerate(entries):
        where = (path, *document.position(("recommendations", i)))
        item = entry if isinstance(entry, dict) else {}
        rec_id, body = text(item.get("id")), text(item.get("recommendation"))
        match = conventions.recommendation_id.fullmatch(rec_id or "")
        if match is None or body is None:
            found.append(BAD_ENTRY.at(*where, f"entry {rec_id or i + 1} is skipped: it needs an "
                                      "id following the convention and a recommendation text"))
            continue
        found_source = item.get("source")
        source: dict[str, Any] = found_source if isinstance(found_source, dict) else {}
        year = source.get("year")
        published.append(Published(
            match.group(0), match.group(2), year if isinstance(year, int) else int(match.group(1)),
            body, text(item.get("topic")), text(source.get("paper")),
            text(source.get("first_author")),
            written(root, ("recommendations", i, "source", "arxiv_id")), where))
    return published, found
