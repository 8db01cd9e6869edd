"""The page of a reading list (papers by topic, no recommendations), written as plain HTML.

A reading list has nothing to filter by status or to follow through an attic, so its page
is the list itself: no script, every paper under each of its topics, by year.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from anthology.render.anchors import slug
from anthology.render.papers import PaperView
from anthology.render.view import TopicView, View


def reading_page(view: View, title: str, intro: str, style: str, csp: str,
                 template: str) -> str:
    topics = [t for t in view.topics if t.papers]
    seen: set[str] = set()  # a paper under several topics has its id on the first only
    values = {
        "csp": csp, "title": escape(title), "style": style,
        "intro": escape(f"{intro} {len(view.papers)} papers in {len(topics)} topics."),
        "contents": "".join(f'<li><a href="#{_anchor(t)}">{escape(t.title)}</a> '
                            f"({len(t.papers)})</li>" for t in topics),
        "sections": "\n".join(_topic(t, seen) for t in topics),
    }
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], template)


def _anchor(topic: TopicView) -> str:
    return "topic-" + escape(slug(topic.id))


def _topic(topic: TopicView, seen: set[str]) -> str:
    scope = f'<p class="scope">{escape(topic.scope)}</p>' if topic.scope else ""
    items = "\n".join(_paper(p, seen) for p in topic.papers)
    return (f'<section aria-labelledby="{_anchor(topic)}"><h2 id="{_anchor(topic)}">'
            f'{escape(topic.title)}</h2>{scope}<ul class="cards">\n{items}\n</ul></section>')


def _paper(paper: PaperView, seen: set[str]) -> str:
    title = escape(paper.title)
    if paper.link and re.match(r"https?://", paper.link):
        title = f'<a href="{escape(paper.link)}">{title}</a>'
    year = f", {paper.year}" if paper.year else ""
    where = _locator(paper)
    notes: list[Any] = [escape(t) for t in paper.key_takeaways]
    notes += [f"<em>Note:</em> {escape(n)}" for n in paper.notes]
    listed = "<ul>" + "".join(f"<li>{n}</li>" for n in notes) + "</ul>" if notes else ""
    anchor = "" if paper.id in seen else f' id="{escape(paper.id)}"'
    seen.add(paper.id)
    return (f'<li class="card"{anchor}><p class="paper"><strong>{title}</strong>'
            f'</p><p class="byline">{escape(paper.byline)}{year}{where}</p>{listed}</li>')


def _locator(paper: PaperView) -> str:
    if paper.arxiv:
        return f" · arXiv:{escape(paper.arxiv)}"
    if paper.doi:
        return f" · DOI {escape(paper.doi)}"
    if paper.isbn:
        return f" · ISBN {escape(paper.isbn)}"
    return ""
