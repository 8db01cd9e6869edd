"""The fixes inside one paper: missing ids, arXiv ids in canonical form.

Each change is recorded as an `Edit` (where, the new value, what it was), so the file
fixer can report it with a position and verify the rewritten file holds exactly the
old data plus these edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from anthology.arxiv.identifiers import parse
from anthology.document import Path
from anthology.fix.numbering import Numbering
from anthology.locators import parse_doi, parse_isbn
from anthology.naming import full_name_surname, surname_letters


@dataclass(frozen=True)
class Edit:
    where: Path
    value: str
    old: Any  # None when the key was missing
    kind: str  # "paper id", "recommendation id", "arxiv", "doi" or "isbn"


@dataclass(frozen=True)
class Unfixable:
    where: Path
    message: str


def canonical_arxiv(raw: str) -> str | None:
    """The canonical form of a written arXiv id, or None when it is not one."""
    parsed = parse(raw)
    return parsed.id.canonical if parsed.id is not None else None


def _missing(mapping: CommentedMap, key: str) -> bool:
    return mapping.get(key) in (None, "")


def _set(mapping: CommentedMap, key: str, value: Any) -> None:
    if key in mapping:
        mapping[key] = value
    else:
        mapping.insert(0, key, value)


class PaperFix:
    def __init__(self, numbering: Numbering, scalar_text: Any) -> None:
        self.numbering = numbering
        self.scalar_text = scalar_text  # where -> the value as written, for non-strings
        self.edits: list[Edit] = []
        self.unfixable: list[Unfixable] = []

    def paper(self, paper: CommentedMap, where: Path, path: str | None) -> None:
        """Fix one paper; `path` is its file when the file holds only this paper."""
        author = paper.get("first_author")
        if _missing(paper, "id"):
            surname = full_name_surname(author) if isinstance(author, str) else None
            if surname:
                self.unfixable.append(Unfixable(where, f"no paper id assigned: first_author "
                                                f"'{author}' is a full name; write the surname "
                                                f"only (first_author: {surname})"))
            elif isinstance(author, str) and surname_letters(author):
                new = self.numbering.paper_id(author, path)
                self.edits.append(Edit((*where, "id"), new, paper.get("id"), "paper id"))
                _set(paper, "id", new)
            else:
                self.unfixable.append(Unfixable(where, "no paper id assigned: the paper needs a "
                                                "first_author with letters to derive it from"))
        self._arxiv(paper, where)
        for key in ("doi", "isbn"):
            self._locator(paper, key, where)
        recs = paper.get("recommendations")
        for i, rec in enumerate(recs if isinstance(recs, CommentedSeq) else []):
            if isinstance(rec, CommentedMap):
                self._recommendation(paper, rec, (*where, "recommendations", i))

    def _recommendation(self, paper: CommentedMap, rec: CommentedMap, where: Path) -> None:
        if _missing(rec, "id"):
            paper_id, year = paper.get("id"), paper.get("year")
            if (isinstance(paper_id, str) and self.numbering.conventions.paper_id.fullmatch(
                    paper_id) and isinstance(year, int) and not isinstance(year, bool)):
                new = self.numbering.recommendation_id(year, paper_id)
                self.edits.append(Edit((*where, "id"), new, rec.get("id"), "recommendation id"))
                _set(rec, "id", new)
            else:
                self.unfixable.append(Unfixable(where, "no recommendation id assigned: its paper "
                                                "needs a valid id and a year (an integer)"))
        evidence = rec.get("evidence")
        for i, item in enumerate(evidence if isinstance(evidence, CommentedSeq) else []):
            if isinstance(item, CommentedMap):
                self._arxiv(item, (*where, "evidence", i))

    def _arxiv(self, mapping: CommentedMap, where: Path) -> None:
        value = mapping.get("arxiv")
        if value is None or isinstance(value, (bool, CommentedMap, CommentedSeq)):
            return
        written = value if isinstance(value, str) else self.scalar_text((*where, "arxiv"))
        canonical = canonical_arxiv(written) if written else None
        if canonical is None or (canonical == value and isinstance(value, str)):
            return
        style = SingleQuotedScalarString if isinstance(value, SingleQuotedScalarString) \
            else DoubleQuotedScalarString
        mapping["arxiv"] = style(canonical)
        self.edits.append(Edit((*where, "arxiv"), canonical, written, "arxiv"))

    def _locator(self, paper: CommentedMap, key: str, where: Path) -> None:
        """A DOI or an ISBN in canonical form: a bare DOI, an ISBN's digits as a string."""
        value = paper.get(key)
        if value is None or isinstance(value, (bool, CommentedMap, CommentedSeq)):
            return
        written = value if isinstance(value, str) else self.scalar_text((*where, key))
        if not written:
            return
        canonical = (parse_doi if key == "doi" else parse_isbn)(written).canonical
        if canonical is None or (canonical == value and isinstance(value, str)):
            return
        style = SingleQuotedScalarString if isinstance(value, SingleQuotedScalarString) \
            else DoubleQuotedScalarString
        paper[key] = style(canonical)
        self.edits.append(Edit((*where, key), canonical, written, key))
