"""The registry model: topics, papers, recommendations and the succession graph.

Built once from loaded documents and shared by every check and renderer. The model is
tolerant: values of the wrong type become None or empty here, and the schema check is
the one that reports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from anthology.diagnostics import Diagnostic, Severity
from anthology.document import Document, Path

LIVE = ("standard", "experimental")


@dataclass
class Located:
    document: Document
    where: Path  # from the document's root to this entity

    def at(self, *keys: str | int, key: bool = False) -> tuple[str, int, int]:
        """(path, line, col) of a field of this entity, for a diagnostic."""
        line, col = self.document.position(self.where + keys, key=key)
        return self.document.path, line, col


@dataclass
class Term(Located):
    """A declared context (where a practice applies) or a topic's subtopic."""

    id: str | None
    title: str | None
    scope: str | None


@dataclass
class Removal(Located):
    """A tombstone: an id removed on purpose, never to be used again."""

    id: str | None
    date: str | None
    reason: str | None
    replaced_by: str | None


@dataclass
class Topic(Located):
    id: str | None
    title: str | None
    scope: str | None
    aliases: list[str]
    subtopics: list[Term] = field(default_factory=list)


@dataclass
class Evidence:
    arxiv: str | None
    url: str | None
    note: str | None


@dataclass(eq=False)
class Recommendation(Located):
    id: str | None
    name: str | None
    text: str | None
    topic: str | None
    subtopic: str | None
    applies_to: list[str]
    status: str | None
    superseded_by: list[str]
    deprecated_date: str | None
    deprecated_reason: str | None
    implementations: list[str]
    evidence: list[Evidence]
    paper: Paper
    raw: dict[str, Any]

    @property
    def is_live(self) -> bool:
        return self.status in LIVE

    @property
    def label(self) -> str:
        """What a reader calls it: its name, else its id."""
        return self.name or self.id or "(no id)"


@dataclass(eq=False)
class Paper(Located):
    id: str | None
    title: str | None
    first_author: str | None
    year: int | None
    arxiv: str | None
    url: str | None
    key_takeaways: list[str]
    notes: list[str]
    raw: dict[str, Any]
    recommendations: list[Recommendation] = field(default_factory=list)
    one_per_file: bool = True
    authors: list[str] = field(default_factory=list)
    doi: str | None = None
    isbn: str | None = None
    topics: list[str] = field(default_factory=list)  # paper-level, beside its recommendations'


@dataclass
class Registry:
    topics: list[Topic]
    papers: list[Paper]
    documents: list[Document]
    topics_document: Document | None
    load_diagnostics: list[Diagnostic] = field(default_factory=list)
    contexts: list[Term] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    removed_document: Document | None = None

    @cached_property
    def unloaded(self) -> set[str]:
        """Paths of files that did not load (a parse or read error says why)."""
        loaded = {d.path for d in self.documents}
        return {d.path for d in self.load_diagnostics
                if d.severity is Severity.ERROR and d.path not in loaded}

    @cached_property
    def recommendations(self) -> list[Recommendation]:
        return [rec for paper in self.papers for rec in paper.recommendations]

    @cached_property
    def recommendation_by_id(self) -> dict[str, Recommendation]:
        found: dict[str, Recommendation] = {}
        for rec in self.recommendations:
            if rec.id is not None:
                found.setdefault(rec.id, rec)
        return found

    @cached_property
    def topic_by_id(self) -> dict[str, Topic]:
        return {t.id: t for t in self.topics if t.id is not None}

    @cached_property
    def context_by_id(self) -> dict[str, Term]:
        return {c.id: c for c in self.contexts if c.id is not None}

    @cached_property
    def topic_by_alias(self) -> dict[str, Topic]:
        return {alias: t for t in self.topics for alias in t.aliases}

    def successors(self, rec: Recommendation) -> list[Recommendation]:
        return [self.recommendation_by_id[s] for s in rec.superseded_by
                if s in self.recommendation_by_id]

    @cached_property
    def predecessors(self) -> dict[str, list[Recommendation]]:
        """Recommendation id -> the recommendations that name it in `superseded_by`."""
        found: dict[str, list[Recommendation]] = {}
        for rec in self.recommendations:
            for target in rec.superseded_by:
                found.setdefault(target, []).append(rec)
        return found


def build(documents: list[Document], topics_document: Document | None,
          load_diagnostics: list[Diagnostic],
          removed_document: Document | None = None) -> Registry:
    topics = _topics(topics_document) if topics_document is not None else []
    contexts = _terms(topics_document, ("contexts",)) if topics_document is not None else []
    papers: list[Paper] = []
    for document in documents:
        if isinstance(document.data, dict):
            papers.append(_paper(document, (), document.data, one_per_file=True))
        elif isinstance(document.data, list):
            papers.extend(_paper(document, (i,), item, one_per_file=False)
                          for i, item in enumerate(document.data) if isinstance(item, dict))
    return Registry(topics, papers, documents, topics_document, load_diagnostics, contexts,
                    _removals(removed_document), removed_document)


def _removals(document: Document | None) -> list[Removal]:
    if document is None or not isinstance(document.data, dict):
        return []
    items = document.data.get("removed")
    return [Removal(document, ("removed", i), _str(item.get("id")), _str(item.get("date")),
                    _str(item.get("reason")), _str(item.get("replaced_by")))
            for i, item in enumerate(items if isinstance(items, list) else [])
            if isinstance(item, dict)]


def _topics(document: Document) -> list[Topic]:
    data = document.data if isinstance(document.data, dict) else {}
    items = data.get("topics")
    return [Topic(document, ("topics", i), _str(item.get("id")), _str(item.get("title")),
                  _str(item.get("scope")), _strings(item.get("aliases")),
                  _terms(document, ("topics", i, "subtopics")))
            for i, item in enumerate(items if isinstance(items, list) else [])
            if isinstance(item, dict)]


def _terms(document: Document, where: Path) -> list[Term]:
    """The {id, title, scope} mappings of the list at `where` in the topics file."""
    items: Any = document.data
    for key in where:
        if isinstance(key, str):
            items = items.get(key) if isinstance(items, dict) else None
        else:
            items = items[key] if isinstance(items, list) and key < len(items) else None
    return [Term(document, (*where, i), _str(item.get("id")), _str(item.get("title")),
                 _str(item.get("scope")))
            for i, item in enumerate(items if isinstance(items, list) else [])
            if isinstance(item, dict)]


def _paper(document: Document, where: Path, raw: dict[str, Any], one_per_file: bool) -> Paper:
    paper = Paper(document, where, _str(raw.get("id")), _str(raw.get("title")),
                  _str(raw.get("first_author")), _year(raw.get("year")),
                  _str(raw.get("arxiv")), _str(raw.get("url")),
                  _strings(raw.get("key_takeaways")), _strings(raw.get("notes")), raw,
                  one_per_file=one_per_file, authors=_strings(raw.get("authors")),
                  doi=_str(raw.get("doi")), isbn=_str(raw.get("isbn")),
                  topics=_strings(raw.get("topics")))
    recs = raw.get("recommendations")
    for i, item in enumerate(recs if isinstance(recs, list) else []):
        if isinstance(item, dict):
            paper.recommendations.append(_recommendation(paper, where + ("recommendations", i),
                                                         item))
    return paper


def _recommendation(paper: Paper, where: Path, raw: dict[str, Any]) -> Recommendation:
    deprecated = raw.get("deprecated")
    deprecated = deprecated if isinstance(deprecated, dict) else {}
    evidence = raw.get("evidence")
    return Recommendation(
        paper.document, where, _str(raw.get("id")), _str(raw.get("name")),
        _str(raw.get("text")), _str(raw.get("topic")), _str(raw.get("subtopic")),
        _strings(raw.get("applies_to")), _str(raw.get("status")),
        _strings(raw.get("superseded_by")),
        _str(deprecated.get("date")), _str(deprecated.get("reason")),
        _strings(raw.get("implementations")),
        [Evidence(_str(e.get("arxiv")), _str(e.get("url")), _str(e.get("note")))
         for e in (evidence if isinstance(evidence, list) else []) if isinstance(e, dict)],
        paper, raw)


def _year(value: Any) -> int | None:
    """A whole-number year, also when written as a float (`2020.0`, which the schema
    reports), so the rules that depend on the year still apply."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
