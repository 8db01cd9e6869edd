"""A draft as a v1 paper file: canonical key order, written the way the registry's own
files are (2-space mappings, lists indented under their key, flow lists for ids and
implementations), so `anthology fix` finds nothing to change in it."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from anthology.fix.roundtrip import Layout, dump
from anthology.legacy.drafts import Draft, DraftRecommendation


def paper_text(draft: Draft, today: str) -> str:
    paper = CommentedMap()
    _put(paper, "id", draft.paper_id)
    _put(paper, "title", draft.title)
    _put(paper, "first_author", draft.first_author)
    _put(paper, "year", draft.year)
    if draft.arxiv:
        paper["arxiv"] = DoubleQuotedScalarString(draft.arxiv)
    if draft.key_takeaways:
        paper["key_takeaways"] = CommentedSeq(draft.key_takeaways)
    if draft.notes:
        paper["notes"] = CommentedSeq(draft.notes)
    paper["recommendations"] = CommentedSeq(
        [_recommendation(rec, draft.topic, today) for rec in draft.recommendations])
    return dump(paper, Layout())


def _recommendation(rec: DraftRecommendation, topic: str | None, today: str) -> CommentedMap:
    out = CommentedMap()
    _put(out, "id", rec.id)
    _put(out, "name", rec.name)
    out["text"] = rec.text
    _put(out, "topic", topic)
    out["status"] = rec.status
    if rec.superseded_by:
        out["superseded_by"] = _flow(rec.superseded_by)
    if rec.status == "deprecated":
        out["deprecated"] = CommentedMap([("date", DoubleQuotedScalarString(today)),
                                          ("reason", rec.reason or "")])
    if rec.implementations:
        out["implementations"] = _flow(rec.implementations)
    return out


def _flow(items: list[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _put(mapping: CommentedMap, key: str, value: Any) -> None:
    if value is not None:
        mapping[key] = value
