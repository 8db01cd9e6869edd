"""Citations: how a paper says where to read it and who wrote it, checked offline.

- a DOI is well formed and written bare (`10.1145/3065386`, not a doi.org URL);
- an ISBN has 10 or 13 digits whose check digit is right, written without hyphens;
- no two papers share a DOI or an ISBN;
- when a paper lists its `authors`, the first one's name carries `first_author`.

DOIs are not resolved online: doi.org answers a lookup with a redirect to the publisher,
whose sites often refuse scripts, so a failure would say little about the DOI itself.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.locators import Parsed, parse_doi, parse_isbn
from anthology.model import Paper, Registry
from anthology.naming import names_surname

NAME = "citations"
E = Severity.ERROR
BAD_DOI = Code("CITE001", E, "a DOI that is not well formed", 'doi: "10.11/abc" (the prefix '
               "needs 4 to 9 digits)")
DOI_FORM = Code("CITE002", E, "a DOI not written bare; `anthology fix` rewrites it",
                'doi: "https://doi.org/10.1145/3065386"')
BAD_ISBN = Code("CITE003", E, "an ISBN that is not 10 or 13 digits", 'isbn: "978026203561"')
ISBN_DIGIT = Code("CITE004", E, "an ISBN whose check digit is wrong (a digit is mistyped)",
                  'isbn: "9780262035614"')
ISBN_FORM = Code("CITE005", E, "an ISBN not written as digits only; `anthology fix` rewrites "
                 "it", 'isbn: "978-0-262-03561-3"')
DUPLICATE = Code("CITE006", E, "two papers share a DOI or an ISBN (a paper is in the registry "
                 "twice)", 'doi: "10.1145/3065386" on two papers')
AUTHOR = Code("CITE007", E, "the first of `authors` is not `first_author`",
              "first_author: Hinton with authors: [Alex Krizhevsky, ...]")
CODES = [BAD_DOI, DOI_FORM, BAD_ISBN, ISBN_DIGIT, ISBN_FORM, DUPLICATE, AUTHOR]


def check(registry: Registry, context: Any) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    seen: dict[tuple[str, str], list[Paper]] = defaultdict(list)
    for paper in registry.papers:
        for key, parse in (("doi", parse_doi), ("isbn", parse_isbn)):
            written = paper.doi if key == "doi" else paper.isbn
            if written is None:
                continue
            parsed = parse(written)
            found.extend(_locator(paper, key, written, parsed))
            if parsed.canonical is not None:
                seen[(key, parsed.canonical.casefold())].append(paper)
        found.extend(_authors(paper))
    for (key, value), papers in seen.items():
        if len(papers) > 1:
            ids = ", ".join(p.id or "a paper without id" for p in papers)
            found.extend(DUPLICATE.at(*p.at(key), f"{key} {value} is on {len(papers)} papers "
                                      f"({ids}); keep one paper and merge the other into it")
                         for p in papers)
    return found


def _locator(paper: Paper, key: str, written: str, parsed: Parsed) -> list[Diagnostic]:
    if parsed.canonical is None:
        code = ISBN_DIGIT if parsed.check_digit else (BAD_DOI if key == "doi" else BAD_ISBN)
        example = "10.1145/3065386" if key == "doi" else "9780262035613"
        return [code.at(*_char(paper, key, parsed.offset), f"{key} '{written}' is not well "
                        f"formed: {parsed.problem} (like {example})")]
    if parsed.canonical != written:
        code = DOI_FORM if key == "doi" else ISBN_FORM
        return [code.at(*paper.at(key), f"write {key}: \"{parsed.canonical}\" rather than "
                        f"'{written}'; `anthology fix` rewrites it")]
    return []


def _char(paper: Paper, key: str, offset: int) -> tuple[str, int, int]:
    """The position of one character inside a value written on one line."""
    path, line, col = paper.at(key)
    text = paper.document.text.split("\n")
    row = text[line - 1] if 0 < line <= len(text) else ""
    quoted = col <= len(row) and row[col - 1] in "'\""
    if row[col - 1:].startswith(("|", ">")):
        return path, line, col
    return path, line, col + offset + (1 if quoted else 0)


def _authors(paper: Paper) -> list[Diagnostic]:
    if not paper.authors or not paper.first_author:
        return []
    if names_surname(paper.authors[0], paper.first_author):
        return []
    return [AUTHOR.at(*paper.at("authors", 0), f"the first author is '{paper.authors[0]}' "
                      f"but first_author is '{paper.first_author}'; put the first author's "
                      "surname in first_author, or the authors in their published order")]
