"""arXiv identifiers: parse, canonicalise and validate them, with no network.

New style `YYMM.NNNN` (0704 to 1412) or `YYMM.NNNNN` (from 1501), old style
`archive/YYMMNNN` (1991 to 2007-03); both with an optional `vN`. The canonical form has
no `arXiv:` prefix, no URL, no subject class, a lowercase `v` and no spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

ARCHIVES = frozenset({
    "acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph", "bayes-an", "chao-dyn",
    "chem-ph", "cmp-lg", "comp-gas", "cond-mat", "cs", "dg-ga", "funct-an", "gr-qc", "hep-ex",
    "hep-lat", "hep-ph", "hep-th", "math", "math-ph", "mtrl-th", "nlin", "nucl-ex", "nucl-th",
    "patt-sol", "physics", "plasm-ph", "q-alg", "q-bio", "quant-ph", "solv-int", "supr-con"})

NEW_STYLE = re.compile(r"(?P<yy>\d\d)(?P<mm>\d\d)\.(?P<number>\d+)(?:v(?P<version>\d+))?")
OLD_STYLE = re.compile(r"(?P<archive>[a-z]+(?:-[a-z]+)?)(?P<subject>\.[a-z-]+)?/"
                       r"(?P<yy>\d\d)(?P<mm>\d\d)(?P<number>\d{3})(?:v(?P<version>\d+))?")
_PREFIX = re.compile(r"arxiv\s*:\s*", re.IGNORECASE)
_URL = re.compile(r"https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/(?P<id>.+?)(?:\.pdf)?/?",
                  re.IGNORECASE)
_VERSION = re.compile(r"[vV](?=\d+$)")


@dataclass(frozen=True)
class ArxivId:
    base: str  # canonical, without version: "1711.05101", "math/0309136"
    version: int | None
    year: int  # year of first announcement, from YYMM
    month: int

    @property
    def canonical(self) -> str:
        return self.base if self.version is None else f"{self.base}v{self.version}"

    def __str__(self) -> str:
        return self.canonical


@dataclass(frozen=True)
class Parsed:
    """What a written id turned out to be: valid (`id`) or not (`problem`), canonical or not."""

    written: str
    id: ArxivId | None
    problem: str | None = None

    @property
    def is_canonical(self) -> bool:
        return self.id is not None and self.written == self.id.canonical


def candidate(text: str) -> str:
    """The written id with the non-canonical decorations removed (not yet validated)."""
    value = "".join(text.split())
    url = _URL.fullmatch(value)
    if url:
        value = url["id"]
    value = _PREFIX.sub("", value, count=1) if _PREFIX.match(value) else value
    value = _VERSION.sub("v", value)
    if "/" in value:
        archive, _, rest = value.partition("/")
        value = f"{archive.lower()}/{rest}"
    return value


def parse(text: str, today: date | None = None) -> Parsed:
    """Validate an id as written; `today` bounds new-style ids (none from the future)."""
    today = today or date.today()
    if m := NEW_STYLE.fullmatch(text):  # as written in a clean registry: nothing to strip
        return Parsed(text, *_new_style(m, today))
    value = candidate(text)
    if m := NEW_STYLE.fullmatch(value):
        return Parsed(text, *_new_style(m, today))
    if m := OLD_STYLE.fullmatch(value):
        return Parsed(text, *_old_style(m))
    return Parsed(text, None, "is not an arXiv id: expected YYMM.NNNNN (e.g. 1711.05101) or "
                  "archive/YYMMNNN (e.g. hep-th/9901001)")


def _version(m: re.Match[str]) -> tuple[int | None, str | None]:
    raw = m["version"]
    if raw is None:
        return None, None
    if raw.startswith("0"):
        return None, f"has version v{raw}; versions are v1, v2, ..."
    return int(raw), None


def _new_style(m: re.Match[str], today: date) -> tuple[ArxivId | None, str | None]:
    yy, mm, number = m.group("yy", "mm", "number")
    yymm, month, year = int(yy + mm), int(mm), 2000 + int(yy)
    version, problem = _version(m)
    if not 1 <= month <= 12:
        problem = f"has month {mm}; YYMM needs a month from 01 to 12"
    elif yymm < 704:
        problem = f"starts with {yy}{mm}; new-style ids begin at 0704 (April 2007)"
    elif (year, month) > (today.year, today.month):
        problem = f"starts with {yy}{mm}, a month that has not happened yet"
    elif yymm <= 1412 and len(number) != 4:
        problem = f"has a {len(number)}-digit number; ids up to 1412 have 4 digits (YYMM.NNNN)"
    elif yymm >= 1501 and len(number) != 5:
        problem = f"has a {len(number)}-digit number; ids from 1501 have 5 digits (YYMM.NNNNN)"
    elif set(number) == {"0"}:
        problem = "has number zero; numbers start at 1"
    if problem:
        return None, problem
    return ArxivId(f"{yy}{mm}.{number}", version, year, month), None


def _old_style(m: re.Match[str]) -> tuple[ArxivId | None, str | None]:
    archive, month = m["archive"], int(m["mm"])
    year = (1900 if int(m["yy"]) >= 91 else 2000) + int(m["yy"])
    version, problem = _version(m)
    if archive not in ARCHIVES:
        problem = f"names archive '{archive}', which is not an arXiv archive"
    elif not 1 <= month <= 12:
        problem = f"has month {m['mm']}; YYMM needs a month from 01 to 12"
    elif not (1991, 1) <= (year, month) <= (2007, 3):
        problem = f"is old-style with {m['yy']}{m['mm']}; old-style ids run from 1991 to 2007-03"
    if problem:
        return None, problem
    return ArxivId(f"{archive}/{m['yy']}{m['mm']}{m['number']}", version, year, month), None
