"""The older format's research file: papers in lists keyed by year.

Every field is read leniently (a string where a list was expected becomes a one-item
list) and each paper remembers where it stood, so problems can be reported against
the old file. arXiv ids are taken as written: an unquoted `1412.6980` is a float to
YAML, and its trailing zero would otherwise be lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from anthology import loader
from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.document import Path

E, W = Severity.ERROR, Severity.WARNING
NOT_YEARS = Code("LEGACY001", E, "the research file is not a mapping of years to lists of papers",
                 "- title: Adam (a list at the top level)")
NOT_PAPER = Code("LEGACY002", W, "an entry under a year is not a paper mapping; it is skipped",
                 "2017:\n  - just a title")
CODES = [NOT_YEARS, NOT_PAPER]

KNOWN = ("title", "arxiv_id", "first_author", "year", "key_takeaways", "topics",
         "historical_impact", "note", "notes", "models", "sota", "sota_maybe", "experimental",
         "attic")


@dataclass
class Attic:
    reason: str | None
    superseded_by: list[str]
    see_also: list[str]
    other: dict[str, Any]


@dataclass
class LegacyPaper:
    where: tuple[str, int, int]  # position in the research file
    title: str | None
    arxiv: str | None  # as written
    first_author: str | None
    year: int | None
    year_key: int | None
    key_takeaways: list[str]
    topics: list[str]
    historical_impact: list[str]
    notes: list[str]
    models: list[str]
    sota: list[str]
    sota_maybe: list[str]
    experimental: bool
    attic: Attic | None
    other: dict[str, Any] = field(default_factory=dict)  # fields v1 has no place for

    @property
    def label(self) -> str:
        return f"{self.title or '(untitled)'} ({self.year or self.year_key or 'no year'})"


def read(path: str, raw: bytes) -> tuple[list[LegacyPaper], list[Diagnostic]]:
    document, found = loader.load(path, raw)
    if document is None or any(d.severity is E for d in found):
        return [], found
    data = document.data
    if not isinstance(data, dict):
        return [], [*found, NOT_YEARS.at(path, 1, 1, "expected years as keys, each with a list "
                                         "of papers")]
    root = loader.compose(document.text)
    papers: list[LegacyPaper] = []
    for key, items in data.items():
        if not isinstance(items, list):
            found.append(NOT_YEARS.at(path, *_position(root, (key,)),
                                      f"'{key}' should hold a list of papers"))
            continue
        for i, item in enumerate(items):
            where = (key, i)
            if not isinstance(item, dict):
                found.append(NOT_PAPER.at(path, *_position(root, where), "not a paper; "
                                          "skipped (nothing in it can be imported)"))
                continue
            papers.append(_paper(document.path, root, where, item, _year(key)))
    return papers, found


def _paper(path: str, root: Any, where: Path, item: dict[str, Any],
           year_key: int | None) -> LegacyPaper:
    notes = strings(item.get("note")) + strings(item.get("notes"))
    attic = item.get("attic")
    year = item.get("year")
    return LegacyPaper(
        (path, *_position(root, where)), text(item.get("title")),
        written(root, (*where, "arxiv_id")), text(item.get("first_author")),
        year if isinstance(year, int) and not isinstance(year, bool) else _year(year),
        year_key, strings(item.get("key_takeaways")), strings(item.get("topics")),
        strings(item.get("historical_impact")), notes, strings(item.get("models")),
        strings(item.get("sota")), strings(item.get("sota_maybe")),
        item.get("experimental") is True, _attic(attic) if attic is not None else None,
        {k: v for k, v in item.items() if k not in KNOWN
         or (k == "experimental" and not isinstance(v, bool))})


def _attic(value: Any) -> Attic:
    if not isinstance(value, dict):
        return Attic(text(value), [], [], {})
    return Attic(text(value.get("reason")), strings(value.get("superseded_by")),
                 strings(value.get("see_also")),
                 {k: v for k, v in value.items() if k not in ("reason", "superseded_by",
                                                              "see_also")})


def _node(root: Any, where: Path) -> Any:
    """The YAML node at `where`; mapping keys match as text (year keys are numbers)."""
    node = root
    for step in where:
        if node.id == "mapping":
            node = next((v for k, v in node.value if str(k.value) == str(step)), None)
        elif node.id == "sequence" and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            node = None
        if node is None:
            return None
    return node


def _position(root: Any, where: Path) -> tuple[int, int]:
    node = _node(root, where)
    mark = (node or root).start_mark
    return mark.line + 1, mark.column + 1


def written(root: Any, where: Path) -> str | None:
    """A scalar as written (`1412.6980`, where YAML would read the float 1412.698)."""
    node = _node(root, where)
    if node is None or node.id != "scalar" or node.tag.endswith(":null"):
        return None
    return str(node.value).strip() or None


def _year(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    written = " ".join(str(value).split()) if not isinstance(value, str) else value.strip()
    return written or None


def strings(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [] if value is None else [value]
    return [t for t in (text(item) for item in items) if t]
