"""Atom feeds in the shape export.arxiv.org/api/query serves them."""

from __future__ import annotations

import zlib
from datetime import datetime, timezone
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from .papers import FakePaper, FakeVersion

ATOM = "http://www.w3.org/2005/Atom"
ARXIV = "http://arxiv.org/schemas/atom"
OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/"

# Like the classic arXiv feed, the arxiv: and opensearch: prefixes are declared on each
# element rather than on <feed>: a namespace-aware parser copes, a regex may not.
_OS = f'xmlns:opensearch="{OPENSEARCH}"'
_AX = f'xmlns:arxiv="{ARXIV}"'


def render_feed(query: str, entries: list[str], total: int, start: int, per_page: int) -> bytes:
    """A whole feed around already rendered entries; `query` is the echoed query string."""
    today = datetime.now(timezone.utc).strftime("%Y-%m-%dT00:00:00-05:00")
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<feed xmlns="{ATOM}">\n'
        f'  <link href={quoteattr("http://arxiv.org/api/query?" + quote(query))}'
        ' rel="self" type="application/atom+xml"/>\n'
        f'  <title type="html">{escape("ArXiv Query: " + query)}</title>\n'
        f"  <id>http://arxiv.org/api/{zlib.crc32(query.encode()):08x}</id>\n"
        f"  <updated>{today}</updated>\n"
        f"  <opensearch:totalResults {_OS}>{total}</opensearch:totalResults>\n"
        f"  <opensearch:startIndex {_OS}>{start}</opensearch:startIndex>\n"
        f"  <opensearch:itemsPerPage {_OS}>{per_page}</opensearch:itemsPerPage>\n"
    )
    return (head + "".join(entries) + "</feed>\n").encode("utf-8")


def render_entry(paper: FakePaper, number: int, version: FakeVersion) -> str:
    """One <entry> for version `number` of `paper`."""
    vid = f"{paper.arxiv_id}v{number}"
    lines = [
        "  <entry>",
        f"    <id>http://arxiv.org/abs/{vid}</id>",
        f"    <updated>{version.date}</updated>",
        f"    <published>{paper.published}</published>",
        f"    <title>{escape(version.title)}</title>",
        f"    <summary>  {escape(paper.summary)}\n</summary>",
        *(f"    <author>\n      <name>{escape(a)}</name>\n    </author>" for a in paper.authors),
    ]
    if paper.doi:
        lines.append(f"    <arxiv:doi {_AX}>{escape(paper.doi)}</arxiv:doi>")
        lines.append(f'    <link title="doi" href={quoteattr("http://dx.doi.org/" + paper.doi)}'
                     ' rel="related"/>')
    if paper.comment:
        lines.append(f"    <arxiv:comment {_AX}>{escape(paper.comment)}</arxiv:comment>")
    lines += [
        f'    <link href="http://arxiv.org/abs/{vid}" rel="alternate" type="text/html"/>',
        f'    <link title="pdf" href="http://arxiv.org/pdf/{vid}" rel="related"'
        ' type="application/pdf"/>',
        f'    <arxiv:primary_category {_AX} term="{paper.categories[0]}" scheme="{ARXIV}"/>',
        *(f'    <category term="{c}" scheme="{ARXIV}"/>' for c in paper.categories),
        "  </entry>\n",
    ]
    return "\n".join(lines)


def render_error(query: str, code: str, message: str) -> bytes:
    """The error feed: one entry titled Error, totalResults 1 (so do not trust it)."""
    url = quoteattr(f"http://arxiv.org/api/errors#{code}")
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    entry = (
        "  <entry>\n"
        f"    <id>http://arxiv.org/api/errors#{escape(code)}</id>\n"
        "    <title>Error</title>\n"
        f"    <summary>{escape(message)}</summary>\n"
        f"    <updated>{now}</updated>\n"
        f'    <link href={url} rel="alternate" type="text/html"/>\n'
        "    <author>\n      <name>arXiv api core</name>\n    </author>\n"
        "  </entry>\n"
    )
    return render_feed(query, [entry], total=1, start=0, per_page=1)
