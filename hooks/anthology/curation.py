"""What needs a curator's eye: aged, lingering, unsupported, thin and duplicated practices.

Each finding names the practice and why it is listed. Ages count from the paper's year
and the newest evidence's arXiv year; how long a practice has been experimental counts
from the commit that added it (from git), or from its paper's year without history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from anthology.arxiv.identifiers import parse
from anthology.config import Config
from anthology.model import Recommendation, Registry
from anthology.similar import similar_pairs


@dataclass(frozen=True)
class Finding:
    kind: str  # stale, lingering, unsupported, thin, duplicate
    id: str  # a recommendation, topic or context id
    name: str
    detail: str
    other: str | None = None  # the other recommendation of a duplicate pair


@dataclass
class Curation:
    as_of: date
    findings: list[Finding] = field(default_factory=list)

    def of(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]


def curate(registry: Registry, config: Config, as_of: date,
           added: dict[str, date] | None = None) -> Curation:
    """`added` maps a recommendation id to the date of the commit that introduced it."""
    result = Curation(as_of)
    live = [r for r in registry.recommendations if r.is_live and r.id]
    stale_years = int(config.get("report", "stale_years"))
    months = int(config.get("report", "experimental_months"))
    for rec in live:
        newest = _newest_year(rec)
        if rec.status == "standard" and newest is not None and \
                as_of.year - newest > stale_years:
            result.findings.append(Finding("stale", rec.id or "", rec.label,
                                           f"standard, and its newest paper is from {newest}"))
        since = (added or {}).get(rec.id or "") or (
            date(rec.paper.year, 1, 1) if rec.paper.year else None)
        if rec.status == "experimental" and since is not None and \
                _months(since, as_of) > months:
            result.findings.append(Finding("lingering", rec.id or "", rec.label,
                                           f"experimental since {since.isoformat()}"))
        if not rec.evidence and not rec.implementations:
            result.findings.append(Finding("unsupported", rec.id or "", rec.label,
                                           "no evidence and no implementations"))
    result.findings.extend(_thin(registry, live, int(config.get("report", "min_live"))))
    result.findings.extend(_duplicates(live, float(config.get("report",
                                                              "duplicate_similarity"))))
    return result


def _duplicates(live: list[Recommendation], threshold: float) -> list[Finding]:
    """Pairs across papers with similar texts, or with one name (in different topics)."""
    pairs: dict[tuple[int, int], str] = {}
    for i, j, score in similar_pairs([r.text or "" for r in live], threshold):
        pairs[(i, j)] = f"{score:.0%} similar text"
    by_name: dict[str, list[int]] = {}
    for n, rec in enumerate(live):
        if rec.name and rec.name.strip():
            by_name.setdefault(" ".join(rec.name.casefold().split()), []).append(n)
    for same in by_name.values():
        for a, b in zip(same, same[1:], strict=False):
            pairs.setdefault((a, b), "the same name")
    return [Finding("duplicate", live[i].id or "", live[i].label, why, other=live[j].id)
            for (i, j), why in sorted(pairs.items()) if live[i].paper is not live[j].paper]


def _newest_year(rec: Recommendation) -> int | None:
    years = [rec.paper.year] if rec.paper.year else []
    for evidence in rec.evidence:
        parsed = parse(evidence.arxiv).id if evidence.arxiv else None
        if parsed is not None:
            years.append(parsed.year)
    return max(years, default=None)


def _months(since: date, until: date) -> int:
    return (until.year - since.year) * 12 + until.month - since.month


def _thin(registry: Registry, live: list[Recommendation], minimum: int) -> list[Finding]:
    found = []
    for topic in registry.topics:
        count = sum(1 for r in live if r.topic == topic.id)
        if topic.id and count < minimum:
            found.append(Finding("thin", topic.id, topic.title or topic.id,
                                 f"topic with {count} live practices"))
    for context in registry.contexts:
        count = sum(1 for r in live if context.id in r.applies_to)
        if context.id and count < minimum:
            found.append(Finding("thin", context.id, context.title or context.id,
                                 f"context with {count} live practices"))
    return found
