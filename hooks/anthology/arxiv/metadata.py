"""Comparing what the registry records with what arXiv says: title, first author, year.

Titles are compared after normalisation (NFKC, case-folded, LaTeX and punctuation
stripped, whitespace collapsed) and need only be similar; surnames are compared with
accents folded; the year may be the id's year or the year of the first version.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from anthology.arxiv.identifiers import ArxivId
from anthology.naming import surname_letters

TITLE_SIMILARITY = 0.9
_LATEX_COMMAND = re.compile(r"\\([A-Za-z]+)")
_NOT_WORD = re.compile(r"[\W_]+")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_PARTICLES = frozenset({"de", "da", "di", "del", "della", "der", "den", "des", "du", "la", "le",
                        "van", "von", "dos", "das", "ten", "ter", "bin", "ibn", "st"})
_GROUP_WORDS = frozenset({"collaboration", "team", "group", "consortium", "project"})


def normalise_title(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).casefold()
    text = _LATEX_COMMAND.sub(r" \1 ", text)
    return " ".join(_NOT_WORD.sub(" ", text).split())


def titles_match(recorded: str, published: str) -> bool:
    """Similar enough after normalisation, or the same main title without its subtitle."""
    a, b = normalise_title(recorded), normalise_title(published)
    if not a or not b:
        return a == b
    if difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= TITLE_SIMILARITY:
        return True
    return any(normalise_title(x.split(":", 1)[0]) == normalise_title(y)
               for x, y in ((published, recorded), (recorded, published)) if ":" in x)


def collapse(text: str) -> str:
    """A title as it reads: the API wraps long titles over several lines."""
    return " ".join(text.split())


def _tokens(name: str) -> list[str]:
    if "," in name:  # "Vaswani, Ashish": the surname comes first
        name = name.split(",", 1)[0]
    words = [w for w in name.split() if w.strip(".").casefold() not in _SUFFIXES]
    return [folded for w in words if len(folded := surname_letters(w).casefold()) > 1]


def _surname_forms(name: str) -> set[str]:
    """Every reading of a name's surname: each word, and each run of words up to the end."""
    tokens = _tokens(name)
    return set(tokens) | {"".join(tokens[i:]) for i in range(len(tokens))}


def authors_match(recorded: str, first_author: str) -> bool:
    """The recorded first author (a surname, or a full name) names arXiv's first author."""
    return bool(_surname_forms(recorded) & _surname_forms(first_author))


def surname(full_name: str) -> str:
    """The surname to record for an arXiv author name: 'Peter H. N. de With' -> 'de With'."""
    name = " ".join(full_name.split())
    if "," in name:
        return name.split(",", 1)[0].strip()
    words = [w for w in name.split() if w.strip(".").casefold() not in _SUFFIXES] or [name]
    if words[-1].casefold() in _GROUP_WORDS:
        return " ".join(words)
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def id_years(arxiv_id: ArxivId, published_year: int | None = None) -> set[int]:
    """Years a paper with this id may carry: the id's year, or the first version's year.

    Without the first version's date, a January id also allows the December before
    (submitted then, announced and numbered in January).
    """
    if published_year is not None:
        return {arxiv_id.year, published_year}
    return {arxiv_id.year, arxiv_id.year - 1} if arxiv_id.month == 1 else {arxiv_id.year}
