"""The Atom feed the arXiv query API answers with, parsed with defusedxml.

defusedxml refuses entity expansion ("billion laughs") and external entities, so a
hostile or broken response can't exhaust memory or make the parser read local files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
_ABS = re.compile(r"https?://arxiv\.org/abs/(?P<base>.+?)v(?P<version>\d+)")
_ERROR = re.compile(r"https?://arxiv\.org/api/errors#(?P<code>.*)")
BAD_ID = "incorrect_id_format_for_"


class FeedError(Exception):
    """The body is not an arXiv Atom feed (HTML, truncated or malformed XML)."""


@dataclass(frozen=True)
class Entry:
    base: str  # the id without version, as arXiv writes it
    version: int
    title: str  # as served: may be wrapped over lines and hold LaTeX
    authors: tuple[str, ...]
    published: str  # v1 date, ISO 8601
    updated: str
    comment: str | None = None
    doi: str | None = None

    @property
    def published_year(self) -> int | None:
        head = self.published[:4]
        return int(head) if head.isdigit() else None


@dataclass
class Feed:
    entries: list[Entry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # codes, e.g. incorrect_id_format_for_X

    @property
    def malformed_ids(self) -> list[str]:
        return [code[len(BAD_ID):] for code in self.errors if code.startswith(BAD_ID)]


def parse_feed(body: bytes) -> Feed:
    try:
        root = fromstring(body)
    except (ParseError, DefusedXmlException, ValueError) as err:
        raise FeedError(f"unreadable response ({type(err).__name__}: {err})") from None
    if root.tag != ATOM + "feed":
        raise FeedError(f"unexpected response: <{root.tag}> instead of an Atom feed")
    feed = Feed()
    for element in root.iter(ATOM + "entry"):
        raw_id = _text(element, ATOM + "id")
        if error := _ERROR.fullmatch(raw_id):
            feed.errors.append(error["code"])
        elif found := _ABS.fullmatch(raw_id):
            feed.entries.append(_entry(element, found["base"], int(found["version"])))
        else:
            raise FeedError(f"unexpected entry id {raw_id!r}")
    return feed


def _entry(element: Element, base: str, version: int) -> Entry:
    authors = tuple(" ".join((name.text or "").split())
                    for name in element.iterfind(f"{ATOM}author/{ATOM}name"))
    return Entry(base, version, _text(element, ATOM + "title"), authors,
                 _text(element, ATOM + "published"), _text(element, ATOM + "updated"),
                 _text(element, ARXIV + "comment") or None, _text(element, ARXIV + "doi") or None)


def _text(element: Element, tag: str) -> str:
    return element.findtext(tag) or ""
