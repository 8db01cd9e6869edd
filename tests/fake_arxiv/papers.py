"""Papers the fake arXiv API serves: the data model, the edge-case set and a generator."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Deliberately simple, like the brief for the double: shape only, no month or era checks.
NEW_STYLE = re.compile(r"(?P<id>\d{4}\.\d{4,5})(?:v(?P<v>\d+))?")
OLD_STYLE = re.compile(
    r"(?P<archive>[a-z]+(?:-[a-z]+)?)(?:\.[A-Za-z-]+)?/(?P<number>\d{7})(?:v(?P<v>\d+))?"
)


def parse_id(raw: str) -> tuple[str, int | None] | None:
    """Split a requested id into (id without version, version or None); None when malformed.

    An old-style subject class is dropped (`math.GT/0309136` -> `math/0309136`). Nothing is
    stripped or case-folded: `arXiv:` prefixes, an uppercase `V` or spaces are malformed.
    """
    if m := NEW_STYLE.fullmatch(raw):
        base = m["id"]
    elif m := OLD_STYLE.fullmatch(raw):
        base = f"{m['archive']}/{m['number']}"
    else:
        return None
    return base, int(m["v"]) if m["v"] else None


@dataclass(frozen=True)
class FakeVersion:
    title: str  # served verbatim, so a wrapped title keeps its newline and spaces
    date: str  # submission time of this version, e.g. "2017-11-14T18:51:33Z"


@dataclass(frozen=True)
class FakePaper:
    arxiv_id: str  # without version, e.g. "1711.05101" or "hep-th/9901001"
    versions: tuple[FakeVersion, ...]  # v1 first
    authors: tuple[str, ...]
    categories: tuple[str, ...] = ("cs.LG",)  # the first is the primary category
    comment: str | None = None  # withdrawal notices live here; the API has no flag
    doi: str | None = None
    summary: str = "Synthetic abstract: the test double does not serve real abstracts."

    @property
    def published(self) -> str:
        return self.versions[0].date

    def version(self, number: int | None) -> tuple[int, FakeVersion] | None:
        """The requested version (latest when None), or None if it does not exist."""
        n = len(self.versions) if number is None else number
        return (n, self.versions[n - 1]) if 1 <= n <= len(self.versions) else None


def _one(
    arxiv_id: str, title: str, date: str, *authors: str,
    categories: tuple[str, ...] = ("cs.LG",), comment: str | None = None,
) -> FakePaper:
    """A paper with a single version."""
    return FakePaper(arxiv_id, (FakeVersion(title, date),), authors, categories, comment)


# Real papers with their true title, authors, category and v1 date. Only v1 is modelled,
# so the served <id> ends in v1 although arXiv now serves later versions of these.
REAL_PAPERS: tuple[FakePaper, ...] = (
    _one("1706.03762", "Attention Is All You Need", "2017-06-12T17:57:34Z",
         "Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit", "Llion Jones",
         "Aidan N. Gomez", "Lukasz Kaiser", "Illia Polosukhin", categories=("cs.CL", "cs.LG")),
    _one("1711.05101", "Decoupled Weight Decay Regularization", "2017-11-14T18:51:33Z",
         "Ilya Loshchilov", "Frank Hutter", categories=("cs.LG", "cs.NE", "math.OC")),
    _one("1412.6980", "Adam: A Method for Stochastic Optimization", "2014-12-22T13:54:29Z",
         "Diederik P. Kingma", "Jimmy Ba", categories=("cs.LG",)),
)

WITHDRAWN = "This paper has been withdrawn by the author due to a crucial error in Lemma 2"

SYNTHETIC_EDGE_CASES: tuple[FakePaper, ...] = (
    _one("2001.00001",
         "Synthetic paper for wrapped titles: a long heading that the API\n  breaks over\n"
         "  several lines", "2020-01-02T10:00:00Z", "Alice Example", "Bob Example"),
    _one("2002.00002", "Synthetic paper with LaTeX: the $\\omega$-limit of a $k$-space",
         "2020-02-03T11:00:00Z", "Carol Example", categories=("math.GT", "math.AT")),
    _one("2003.00003", "Synthetic paper with non-ASCII and collaboration authors",
         "2020-03-04T12:00:00Z", "José Müller-Ñúñez", "ATLAS Collaboration",
         "Peter H. N. de With", categories=("hep-ex",)),
    FakePaper("2004.00004", (
        FakeVersion("Synthetic paper, first title of version one", "2020-04-05T13:00:00Z"),
        FakeVersion("Synthetic paper, revised title of version two", "2020-06-07T14:00:00Z"),
    ), ("Dan Example",), doi="10.5555/synthetic.2004.00004"),
    FakePaper("2005.00005", (
        FakeVersion("Synthetic paper that was later withdrawn", "2020-05-06T15:00:00Z"),
        FakeVersion("Synthetic paper that was later withdrawn", "2020-05-20T16:00:00Z"),
    ), ("Erin Example",), comment=WITHDRAWN),
    _one("hep-th/9901001", "Synthetic old-style paper on strings", "1999-01-04T09:00:00Z",
         "Frank Example", categories=("hep-th",)),
    # Submitted on 30 December, announced (and numbered) in January.
    _one("2101.00007", "Synthetic paper submitted in December with a January id",
         "2020-12-30T17:00:00Z", "Grace Example", comment="12 pages, 3 figures"),
    _one("0901.0008", "Synthetic paper with a four-digit number", "2009-01-05T08:00:00Z",
         "Heidi Example", categories=("astro-ph",)),
)

EDGE_CASE_PAPERS: tuple[FakePaper, ...] = SYNTHETIC_EDGE_CASES + REAL_PAPERS


def synthetic_papers(n: int, prefix: str = "2301", first: int = 1) -> list[FakePaper]:
    """`n` plain papers with ids `<prefix>.00001` onwards, for batch and benchmark tests."""
    return [
        _one(f"{prefix}.{i:05d}", f"Synthetic paper number {i} for batch tests",
             f"20{prefix[:2]}-{prefix[2:]}-02T{i % 24:02d}:00:00Z", f"Author{i} Example")
        for i in range(first, first + n)
    ]
