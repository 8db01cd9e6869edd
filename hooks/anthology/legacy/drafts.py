"""A legacy paper as a v1 paper in the making: its fields, recommendations and notes.

- each `sota` line is a recommendation (standard; experimental when the paper was
  `experimental: true`), each `sota_maybe` line an experimental one;
- `models` become the `implementations` of the `sota` recommendations;
- an `attic` paper's recommendations are deprecated with the attic's reason; one with no
  `sota` line gets a single deprecated recommendation from its first key takeaway (or
  its title), and the notes say so;
- a paper titled "Name: what it does" with a single recommendation gives it that `name`
  (Adam, LoRA, ZeRO); the old data has no names otherwise, and none are invented;
- whatever v1 has no field for is written into the paper's `notes`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from anthology.arxiv.identifiers import parse
from anthology.diagnostics import Code, Severity
from anthology.fix.paperfix import canonical_arxiv
from anthology.legacy.names import surname
from anthology.legacy.problems import Problem
from anthology.legacy.research import LegacyPaper
from anthology.legacy.topics import TopicNames

YEAR_KEY = Code("LEGACY012", Severity.WARNING, "a paper's year differs from the year it is "
                "listed under", "2017:\n  - title: ...\n    year: 2018")
CODES = [YEAR_KEY]
NO_REASON = "Moved to the attic in the old data, which gives no reason."


@dataclass
class DraftRecommendation:
    text: str
    status: str
    origin: str  # sota, sota_maybe, takeaway, title, published
    implementations: list[str] = field(default_factory=list)
    reason: str | None = None  # for deprecated ones
    superseded_by: list[str] = field(default_factory=list)
    id: str | None = None
    kept: bool = False  # the id comes from the published registry
    name: str | None = None


@dataclass
class Draft:
    legacy: LegacyPaper | None  # None for a paper known only from the published registry
    title: str | None
    full_author: str | None
    first_author: str | None
    year: int | None
    arxiv: str | None
    key_takeaways: list[str]
    notes: list[str]
    topic: str | None
    recommendations: list[DraftRecommendation]
    paper_id: str | None = None

    @property
    def arxiv_base(self) -> str | None:
        return arxiv_base(self.arxiv)


def arxiv_base(arxiv: str | None) -> str | None:
    """The versionless canonical form of an arXiv id, or None when it is not one."""
    parsed = parse(arxiv) if arxiv else None
    return parsed.id.base if parsed is not None and parsed.id is not None else None


def draft(paper: LegacyPaper, names: TopicNames) -> tuple[Draft, list[Problem]]:
    notes: list[str] = []
    author = surname(paper.first_author) if paper.first_author else None
    if paper.first_author and author != paper.first_author:
        notes.append(f"First author as the old data wrote it: {paper.first_author}.")
    year = paper.year or paper.year_key
    listed = paper.year is not None and paper.year_key is not None and paper.year != paper.year_key
    if listed:
        notes.append(f"Listed under {paper.year_key} in the old data.")
    topic = names.first(paper.topics)
    if paper.topics and paper.topics != [topic]:
        notes.append(f"Topics in the old data: {', '.join(paper.topics)}.")
    notes.extend(f"Historical impact: {line}" for line in paper.historical_impact)
    notes.extend(paper.notes)
    arxiv = canonical_arxiv(paper.arxiv) if paper.arxiv else None
    recommendations = _recommendations(paper, notes)
    if len(recommendations) == 1:
        recommendations[0].name = name_from_title(paper.title)
    result = Draft(paper, paper.title, paper.first_author, author, year,
                   arxiv or paper.arxiv, list(paper.key_takeaways), notes, topic,
                   recommendations)
    problems = [Problem(YEAR_KEY, f"year {paper.year} differs from the year the paper is "
                        f"listed under ({paper.year_key}); {paper.year} was kept", result,
                        "year", source=paper.where)] if listed else []
    for key, value in paper.other.items():
        notes.append(f"Old field '{key}': {_flat(value)}")
    if paper.attic is not None:
        for key, value in paper.attic.other.items():
            notes.append(f"Old attic field '{key}': {_flat(value)}")
    return result, problems


def name_from_title(title: str | None) -> str | None:
    """The method's name when a title reads "Name: what it does", else None."""
    head, colon, _ = (title or "").partition(":")
    head = " ".join(head.split())
    return head if colon and 0 < len(head) <= 40 and len(head.split()) <= 4 else None


def drop_shared_names(drafts: list[Draft]) -> None:
    """A name taken from two titles of one topic (a paper listed twice) names neither."""
    seen: dict[tuple[str | None, str], int] = {}
    named = [(d.topic, r) for d in drafts for r in d.recommendations if r.name]
    for topic, rec in named:
        key = (topic, (rec.name or "").casefold())
        seen[key] = seen.get(key, 0) + 1
    for topic, rec in named:
        if seen[(topic, (rec.name or "").casefold())] > 1:
            rec.name = None


def _recommendations(paper: LegacyPaper, notes: list[str]) -> list[DraftRecommendation]:
    attic = paper.attic
    status = "deprecated" if attic else "experimental" if paper.experimental else "standard"
    recs = [DraftRecommendation(line, status, "sota", list(paper.models))
            for line in paper.sota]
    recs += [DraftRecommendation(line, "deprecated" if attic else "experimental", "sota_maybe")
             for line in paper.sota_maybe]
    if paper.models and not paper.sota:
        notes.append(f"Models that use it (old field 'models'): {', '.join(paper.models)}.")
    if attic is None:
        return recs
    if not recs:
        origin, text = (("takeaway", paper.key_takeaways[0]) if paper.key_takeaways
                        else ("title", paper.title or "(untitled)"))
        where = "first key takeaway" if origin == "takeaway" else "title"
        recs.append(DraftRecommendation(text, "deprecated", origin))
        notes.append(f"The old data moved this paper to the attic without a 'sota' line; its "
                     f"deprecated recommendation repeats the paper's {where}.")
    for rec in recs:
        rec.reason = attic.reason or NO_REASON
    notes.append("Moved to the attic before the import: deprecated.date is the date of the "
                 "import, not of the retirement.")
    return recs


def _flat(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
