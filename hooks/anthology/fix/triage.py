"""Which files `anthology fix` must round-trip, decided from the fast loader's data.

ruamel.yaml's round trip is pure Python and costs milliseconds a file; the plain data the
loader already holds (libyaml, memoised by content) tells whether a fix would change
anything: a missing id, an arXiv id, DOI or ISBN not in canonical form, keys out of
canonical order, CR line endings or a byte-order mark. A file for which this says no is
left as it is, so a new fix in paperfix.py needs its test here too.
"""

from __future__ import annotations

from typing import Any

from anthology.fix.keyorder import DEPRECATED, EVIDENCE, PAPER, RECOMMENDATION, canonical
from anthology.fix.paperfix import canonical_arxiv
from anthology.locators import parse_doi, parse_isbn


def needs_fix(data: Any, raw: bytes) -> bool:
    """True when `anthology fix` may change this file (so it must take the round trip)."""
    if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw:
        return True
    if isinstance(data, dict):
        return _paper(data)
    if isinstance(data, list):
        return any(_paper(item) for item in data if isinstance(item, dict))
    return False


def _paper(paper: dict[str, Any]) -> bool:
    if _missing(paper, "id") or _arxiv(paper) or _unordered(paper, PAPER):
        return True
    if _locator(paper, "doi", parse_doi) or _locator(paper, "isbn", parse_isbn):
        return True
    recommendations = paper.get("recommendations")
    for rec in recommendations if isinstance(recommendations, list) else []:
        if not isinstance(rec, dict):
            continue
        if _missing(rec, "id") or _unordered(rec, RECOMMENDATION):
            return True
        deprecated = rec.get("deprecated")
        if isinstance(deprecated, dict) and _unordered(deprecated, DEPRECATED):
            return True
        evidence = rec.get("evidence")
        for item in evidence if isinstance(evidence, list) else []:
            if isinstance(item, dict) and (_arxiv(item) or _unordered(item, EVIDENCE)):
                return True
    return False


def _missing(mapping: dict[str, Any], key: str) -> bool:
    return mapping.get(key) in (None, "")


def _unordered(mapping: dict[str, Any], order: tuple[str, ...]) -> bool:
    keys = list(mapping)
    return canonical(keys, order) != keys


def _arxiv(mapping: dict[str, Any]) -> bool:
    value = mapping.get("arxiv")
    if value is None or isinstance(value, (bool, dict, list)):
        return False
    if not isinstance(value, str):
        return True  # a number: its written form decides, in the round trip
    return canonical_arxiv(value) not in (None, value)


def _locator(paper: dict[str, Any], key: str, parse: Any) -> bool:
    value = paper.get(key)
    if value is None or isinstance(value, (bool, dict, list)):
        return False
    if not isinstance(value, str):
        return True  # a number (an ISBN's digits): written as a string in the round trip
    return parse(value).canonical not in (None, value)
