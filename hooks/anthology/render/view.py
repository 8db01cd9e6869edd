"""The registry as the derived files show it.

Topics in taxonomy order, each with its recommendations; every recommendation with its
paper, its anchor on the page, what it replaced and its whole succession chains. Both the
Markdown templates and the JSON export read this one view, so they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from anthology.model import Evidence, Recommendation, Registry, Term
from anthology.render.anchors import assign_anchors
from anthology.render.chains import chains, paths
from anthology.render.papers import PaperView, arxiv_link, paper_view
from anthology.render.reading import Group, histories, one_line, practice_groups
from anthology.render.removed import RemovedView, removed_views

STATUSES = ("standard", "experimental", "deprecated")


@dataclass(frozen=True)
class EvidenceView:
    arxiv: str | None
    url: str | None
    note: str | None
    link: str | None


@dataclass(frozen=True)
class TermView:
    """A context (where a practice applies) or a subtopic."""

    id: str
    title: str
    scope: str


@dataclass(eq=False)
class Entry:
    """One recommendation, with its links to the rest of the registry resolved."""

    id: str
    name: str | None
    text: str
    status: str
    topic_id: str
    subtopic_id: str | None
    applies_to: list[str]
    paper: PaperView
    implementations: list[str]
    evidence: list[EvidenceView]
    date: str | None
    reason: str | None
    anchor: str = ""
    topic: TopicView | None = None
    successors: list[Entry] = field(default_factory=list)
    predecessors: list[Entry] = field(default_factory=list)
    chains: list[list[Entry | None]] = field(default_factory=list)  # None: steps left out
    more_chains: int = 0
    now: list[Entry] = field(default_factory=list)  # where its successors lead, for the attic
    contexts: list[TermView] = field(default_factory=list)  # applies_to, resolved

    @property
    def summary(self) -> str:
        """The text in one line: its first sentence, cut at a word when long."""
        return one_line(self.text)

    @property
    def is_live(self) -> bool:
        return self.status in ("standard", "experimental")

    @property
    def label(self) -> str:
        """What a reader calls it: its name, else its id."""
        return self.name or self.id

    @property
    def heading(self) -> str:
        """Its heading in REGISTRY.md: the name with the id beside it, or the id alone."""
        return f"{self.name} · {self.id}" if self.name else self.id


@dataclass(eq=False)
class TopicView:
    id: str
    title: str
    scope: str
    aliases: list[str]
    anchor: str = ""
    entries: list[Entry] = field(default_factory=list)
    subtopics: list[TermView] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)  # current practice, as REGISTRY.md shows it
    papers: list[PaperView] = field(default_factory=list)  # listing it in `topics`, by year

    @property
    def reading(self) -> list[PaperView]:
        """Its papers that justify no recommendation: further reading, or a reading list."""
        return [p for p in self.papers if not p.recommended]

    def with_status(self, status: str) -> list[Entry]:
        return [e for e in self.entries if e.status == status]

    @property
    def live(self) -> list[Entry]:
        return self.with_status("standard") + self.with_status("experimental")

    @property
    def counts(self) -> dict[str, int]:
        return {s: len(self.with_status(s)) for s in STATUSES} | {"total": len(self.entries)}


@dataclass
class View:
    topics: list[TopicView]
    entries: list[Entry]  # by id
    papers: list[PaperView]  # by id
    anchors: dict[str, str]  # the page's own headings: contents, summary, attic
    contexts: list[TermView] = field(default_factory=list)
    removed: list[RemovedView] = field(default_factory=list)  # tombstones, by id
    title: str = ""  # config `title`; "" lets a template use its own
    description: str = ""  # config `description`

    @property
    def reading_list(self) -> bool:
        """Papers and no recommendations: the derived files list papers by topic."""
        return not self.entries and bool(self.papers)

    @property
    def attic(self) -> list[Entry]:
        order = {t.id: i for i, t in enumerate(self.topics)}
        deprecated = [e for e in self.entries if e.status == "deprecated"]
        return sorted(deprecated, key=lambda e: (order.get(e.topic_id, len(order)),
                                                 e.date or "", e.id))

    @property
    def counts(self) -> dict[str, int]:
        return {s: sum(t.counts[s] for t in self.topics) for s in (*STATUSES, "total")}

    @property
    def histories(self) -> list[list[Entry]]:
        """Each succession chain through the attic once, oldest step first."""
        return histories(self)

    def latest(self, limit: int) -> list[Entry]:
        """The newest live practices by paper year, then id."""
        live = [e for e in self.entries if e.is_live and e.topic is not None]
        return sorted(live, key=lambda e: (-(e.paper.year or 0), e.id))[:limit]


def build_view(registry: Registry) -> View:
    papers = {id(p): paper_view(p) for p in registry.papers}
    entries = {r.id: _entry(r, papers[id(r.paper)]) for r in registry.recommendations
               if r.id is not None and registry.recommendation_by_id.get(r.id) is r}
    for rec in registry.recommendations:
        entry = entries.get(rec.id or "")
        if entry is None:
            continue
        entry.successors = [entries[s] for s in dict.fromkeys(rec.superseded_by)
                            if s in entries and s != rec.id]
        for successor in entry.successors:
            successor.predecessors.append(entry)
    ordered = [entries[k] for k in sorted(entries)]
    for entry in ordered:
        entry.predecessors.sort(key=lambda e: e.id)
    up = paths(ordered, lambda e: e.predecessors)
    down = paths(ordered, lambda e: e.successors)
    for entry in ordered:
        entry.chains, entry.more_chains = chains(entry, up, down)
        if not entry.is_live and entry.successors:
            ends = {path.far for path in down.first[id(entry)]}
            entry.now = sorted(ends, key=lambda e: e.id)
    topics = [TopicView(t.id, t.title or t.id, t.scope or "", list(t.aliases),
                        subtopics=_terms(t.subtopics))
              for t in registry.topics if t.id is not None]
    by_id: dict[str, TopicView] = {}
    for topic in topics:
        by_id.setdefault(topic.id, topic)
    contexts = _terms(registry.contexts)
    context_by_id = {c.id: c for c in contexts}
    for entry in ordered:
        entry.topic = by_id.get(entry.topic_id)
        if entry.topic is not None:
            entry.topic.entries.append(entry)
        entry.contexts = [context_by_id[c] for c in dict.fromkeys(entry.applies_to)
                          if c in context_by_id]
    for topic in by_id.values():
        topic.groups = practice_groups(topic, contexts)
    for paper in sorted(papers.values(), key=lambda p: (p.year or 0, p.id)):
        for topic_id in paper.topics:
            if topic_id in by_id:
                by_id[topic_id].papers.append(paper)
    view = View(list(by_id.values()), ordered,
                sorted({p.id: p for p in papers.values()}.values(), key=lambda p: p.id), {},
                contexts, removed_views(registry, entries))
    assign_anchors(view)
    return view


def _terms(terms: list[Term]) -> list[TermView]:
    found: dict[str, TermView] = {}
    for t in terms:
        if t.id is not None and t.id not in found:
            found[t.id] = TermView(t.id, t.title or t.id, t.scope or "")
    return list(found.values())


def _evidence(evidence: Evidence) -> EvidenceView:
    return EvidenceView(evidence.arxiv, evidence.url, evidence.note,
                        arxiv_link(evidence.arxiv, evidence.url))


def _entry(rec: Recommendation, paper: PaperView) -> Entry:
    return Entry(rec.id or "", rec.name, rec.text or "", rec.status or "", rec.topic or "",
                 rec.subtopic, list(rec.applies_to), paper, list(rec.implementations),
                 [_evidence(e) for e in rec.evidence], rec.deprecated_date, rec.deprecated_reason)
