"""The data the page embeds.

PROVISIONAL ADAPTER: the page is meant to embed exactly the registry's JSON export
(`anthology.render.export`, documented by `schema/export.schema.json`). Until that module
lands, this builds a stand-in of the same spirit so the page can be written and tested.
Replace the body of `site_data` with a call to the export function when it exists.
"""

from __future__ import annotations

from typing import Any

from anthology.model import Registry


def site_data(registry: Registry) -> dict[str, Any]:
    return {
        "topics": [{"id": t.id, "title": t.title, "scope": t.scope} for t in registry.topics],
        "papers": [{"id": p.id, "title": p.title, "first_author": p.first_author,
                    "year": p.year, "arxiv": p.arxiv, "url": p.url} for p in registry.papers],
        "recommendations": [
            {"id": r.id, "text": r.text, "topic": r.topic, "status": r.status, "paper": r.paper.id,
             "implementations": r.implementations,
             "evidence": [{"arxiv": e.arxiv, "url": e.url, "note": e.note} for e in r.evidence],
             "superseded_by": r.superseded_by,
             "predecessors": [p.id for p in registry.predecessors.get(r.id or "", [])],
             "deprecated": ({"date": r.deprecated_date, "reason": r.deprecated_reason}
                            if r.status == "deprecated" else None)}
            for r in registry.recommendations],
    }
