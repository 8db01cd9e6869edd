"""DOIs and ISBNs as the registry writes them: parsed offline, in one canonical form.

A DOI is written bare (`10.1145/3065386`): a doi.org URL or a `doi:` prefix is read and
rewritten by `anthology fix`. An ISBN is written as its digits only (`9780262035613`):
hyphens, spaces and an `ISBN` prefix are read and dropped by `anthology fix`. Problems
carry the offset of the character at fault in the written value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

DOI_LINK = "https://doi.org/"
ISBN_LINK = "https://openlibrary.org/isbn/"
_DOI_PREFIX = re.compile(r"(?i)(?:https?://(?:dx\.)?doi\.org/|doi:\s*)")
_REGISTRANT = re.compile(r"10\.[0-9]{4,9}(?:\.[0-9]+)*/")
_ISBN_PREFIX = re.compile(r"(?i)isbn(?:-1[03])?:?\s*")


@dataclass(frozen=True)
class Parsed:
    canonical: str | None  # None when the value is not well formed
    problem: str = ""  # why it is not well formed
    offset: int = 0  # of the character at fault in the written value
    check_digit: bool = False  # the only problem is the check digit


def parse_doi(written: str) -> Parsed:
    prefix = _DOI_PREFIX.match(written)
    start = prefix.end() if prefix else 0
    doi = unquote(written[start:]) if prefix and prefix.group().lower().startswith("http") \
        else written[start:]
    if not doi.startswith("10."):
        return Parsed(None, "a DOI starts with '10.'", start)
    registrant = _REGISTRANT.match(doi)
    if registrant is None:
        return Parsed(None, "a DOI's prefix is '10.' and 4 to 9 digits, then '/'", start + 3)
    if registrant.end() == len(doi):
        return Parsed(None, "the DOI has nothing after the '/'", start + len(doi))
    space = re.search(r"[\s\x00-\x1f]", doi)
    if space is not None:
        return Parsed(None, "a DOI has no spaces or control characters",
                      start + space.start())
    return Parsed(doi)


def parse_isbn(written: str) -> Parsed:
    prefix = _ISBN_PREFIX.match(written)
    start = prefix.end() if prefix else 0
    chars = [(i, ch.upper()) for i, ch in enumerate(written) if i >= start and ch not in "- "]
    for n, (i, ch) in enumerate(chars):
        if not (ch.isdigit() and ch.isascii()) and not (ch == "X" and n == 9 == len(chars) - 1):
            return Parsed(None, "an ISBN has only digits (and an X as an ISBN-10's last)", i)
    digits = "".join(ch for _, ch in chars)
    if len(digits) not in (10, 13):
        return Parsed(None, f"an ISBN has 10 or 13 digits, this one {len(digits)}",
                      chars[-1][0] if chars else start)
    if len(digits) == 13 and not digits.startswith(("978", "979")):
        return Parsed(None, "an ISBN-13 starts with 978 or 979", chars[0][0])
    expected = isbn_check_digit(digits[:-1])
    if digits[-1] != expected:
        return Parsed(None, f"the check digit is {digits[-1]} but the other digits give "
                      f"{expected}: a digit is mistyped", chars[-1][0], check_digit=True)
    return Parsed(digits)


def isbn_check_digit(body: str) -> str:
    """The last character of an ISBN-10 (9 digits given) or an ISBN-13 (12 given)."""
    if len(body) == 9:
        total = sum((10 - i) * int(d) for i, d in enumerate(body))
        value = (11 - total % 11) % 11
        return "X" if value == 10 else str(value)
    total = sum((3 if i % 2 else 1) * int(d) for i, d in enumerate(body))
    return str((10 - total % 10) % 10)


def doi_link(doi: str) -> str:
    return DOI_LINK + quote(doi, safe="/:;()")


def isbn_link(isbn: str) -> str:
    return ISBN_LINK + quote(isbn, safe="")
