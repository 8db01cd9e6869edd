"""A paper as the derived files show it: who wrote it, when, and one link to read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from anthology.locators import doi_link, isbn_link, parse_doi, parse_isbn
from anthology.model import Paper

ARXIV_ABS = "https://arxiv.org/abs/"


def arxiv_link(arxiv: str | None, url: str | None) -> str | None:
    if arxiv:
        return ARXIV_ABS + quote(arxiv, safe="./")
    return url or None


def byline(authors: list[str], first_author: str) -> str:
    """'First', 'First and Second', or 'First, Second, et al.' as a reader expects."""
    if len(authors) > 2:
        return f"{authors[0]}, {authors[1]}, et al."
    if len(authors) == 2:
        return f"{authors[0]} and {authors[1]}"
    return authors[0] if authors else first_author


@dataclass(frozen=True)
class PaperView:
    id: str
    title: str
    first_author: str
    year: int | None
    arxiv: str | None
    url: str | None
    link: str | None  # arXiv, else the DOI, else the URL, else the ISBN's catalogue page
    key_takeaways: list[str]
    notes: list[str]
    authors: list[str] = field(default_factory=list)
    doi: str | None = None
    isbn: str | None = None
    topics: list[str] = field(default_factory=list)  # paper-level topic ids
    recommended: bool = False  # it justifies at least one recommendation

    @property
    def byline(self) -> str:
        return byline(self.authors, self.first_author)


def paper_view(paper: Paper) -> PaperView:
    doi = parse_doi(paper.doi).canonical if paper.doi else None
    isbn = parse_isbn(paper.isbn).canonical if paper.isbn else None
    link = (arxiv_link(paper.arxiv, None) or (doi_link(doi) if doi else None) or paper.url
            or (isbn_link(isbn) if isbn else None))
    return PaperView(paper.id or "", paper.title or "", paper.first_author or "", paper.year,
                     paper.arxiv, paper.url, link, list(paper.key_takeaways), list(paper.notes),
                     list(paper.authors), doi or paper.doi, isbn or paper.isbn,
                     list(dict.fromkeys(paper.topics)), bool(paper.recommendations))
