"""The JSON export: the whole registry for other tools, links resolved both ways.

Described by `schema/export.schema.json`. Keys are sorted and lists come in a fixed
order (topics as in the taxonomy, papers and recommendations by id), so the same
registry always gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from anthology.render.papers import PaperView
from anthology.render.view import Entry, TermView, TopicView, View

FORMAT_VERSION = 1


def export(view: View) -> dict[str, Any]:
    ids = _ids_by_paper(view)
    return {
        "format": "anthology-export",
        "version": FORMAT_VERSION,
        "counts": view.counts,
        "topics": [_topic(t) for t in view.topics],
        "contexts": [_term(c) for c in view.contexts],
        "papers": [_paper(p, ids) for p in view.papers],
        "recommendations": [_recommendation(e) for e in view.entries],
        "removed": [{"id": r.id, "date": r.date, "reason": r.reason,
                     "replaced_by": r.replaced_by} for r in view.removed],
    }


def export_text(view: View) -> str:
    return json.dumps(export(view), sort_keys=True, ensure_ascii=False, indent=2) + "\n"


def _topic(topic: TopicView) -> dict[str, Any]:
    return {"id": topic.id, "title": topic.title, "scope": topic.scope,
            "aliases": topic.aliases, "counts": topic.counts,
            "subtopics": [_term(s) for s in topic.subtopics]}


def _term(term: TermView) -> dict[str, Any]:
    return {"id": term.id, "title": term.title, "scope": term.scope}


def _paper_ref(paper: PaperView) -> dict[str, Any]:
    return {"id": paper.id, "title": paper.title, "first_author": paper.first_author,
            "authors": paper.authors, "year": paper.year, "arxiv": paper.arxiv, "doi": paper.doi,
            "isbn": paper.isbn, "url": paper.url, "link": paper.link}


def _ids_by_paper(view: View) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for entry in view.entries:
        found.setdefault(id(entry.paper), []).append(entry.id)
    return found


def _paper(paper: PaperView, ids: dict[int, list[str]]) -> dict[str, Any]:
    return {**_paper_ref(paper), "topics": paper.topics, "key_takeaways": paper.key_takeaways,
            "notes": paper.notes, "recommendations": ids.get(id(paper), [])}


def _recommendation(entry: Entry) -> dict[str, Any]:
    topic = entry.topic
    return {
        "id": entry.id,
        "name": entry.name,
        "text": entry.text,
        "status": entry.status,
        "topic": {"id": entry.topic_id, "title": topic.title if topic else None},
        "subtopic": entry.subtopic_id,
        "applies_to": entry.applies_to,
        "paper": _paper_ref(entry.paper),
        "implementations": entry.implementations,
        "evidence": [{"arxiv": e.arxiv, "url": e.url, "note": e.note, "link": e.link}
                     for e in entry.evidence],
        "deprecated": ({"date": entry.date, "reason": entry.reason}
                       if entry.status == "deprecated" else None),
        "successors": [e.id for e in entry.successors],
        "predecessors": [e.id for e in entry.predecessors],
        "current": [e.id for e in entry.now],
        "chains": [[e.id if e else None for e in chain] for chain in entry.chains],
        "anchor": entry.anchor,
    }
