"""arXiv: every id is well formed and canonical, and (online) names the paper recorded.

Offline, always: the id format, its canonical form, one paper per arXiv id, and the
paper's year against the id's. Online (unless --offline or ANTHOLOGY_OFFLINE=1): each id
exists on arXiv, and a paper's title, first author and year agree with arXiv's. Only
confirmed problems are errors; an id arXiv could not be asked about is a warning.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from anthology.arxiv.identifiers import Parsed, candidate, parse
from anthology.arxiv.metadata import authors_match, collapse, id_years, titles_match
from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.model import Located, Paper, Registry
from anthology.suggest import did_you_mean

if TYPE_CHECKING:
    from anthology.arxiv.client import Client
    from anthology.arxiv.feed import Entry
    from anthology.config import Config

NAME = "arxiv"
E, W = Severity.ERROR, Severity.WARNING
MALFORMED = Code("ARXIV001", E, "an arXiv id that is not well formed",
                 'arxiv: "1713.05101" (there is no month 13)')
NOT_CANONICAL = Code("ARXIV002", E, "an arXiv id not written in canonical form",
                     'arxiv: "arXiv:1711.05101" (write "1711.05101")')
DUPLICATE = Code("ARXIV003", E, "two papers share an arXiv id (a paper is in the registry "
                 "twice)", 'arxiv: "1711.05101" on Loshchilov001 and Loshchilov002')
YEAR_VS_ID = Code("ARXIV004", W, "a paper's year differs from its arXiv id's year (fine when "
                  "it was published elsewhere first)", 'year: 2015 with arxiv: "1711.05101"')
NOT_FOUND = Code("ARXIV005", E, "arXiv has no paper with this id (missing from two answers)",
                 'arxiv: "2999.99999"')
UNCHECKED = Code("ARXIV006", W, "arXiv could not be asked about an id (network, rate limit, "
                 "time limit); fails only with --strict", "any id while arXiv is unreachable")
TITLE = Code("ARXIV007", E, "the title differs from arXiv's",
             'title: "Attention Is All You Want" for arxiv: "1706.03762"')
OLD_TITLE = Code("ARXIV008", W, "the title is an earlier version's; arXiv's current title "
                 "differs", "the v1 title of a paper retitled in v2")
AUTHOR = Code("ARXIV009", E, "first_author is not arXiv's first author",
              'first_author: Shazeer for arxiv: "1706.03762" (Vaswani is first)')
YEAR = Code("ARXIV010", W, "the year is neither the id's nor arXiv's first version's",
            'year: 2020 for an id from January 2021 whose v1 is from January 2021')
WITHDRAWN = Code("ARXIV011", W, "arXiv says the paper was withdrawn",
                 "a paper whose arXiv comment reads 'This paper has been withdrawn'")
UNREACHED = Code("ARXIV012", W, "arXiv could not be reached (no network or DNS, refused, time "
                 "limit, errors after retries): one line for all the ids left unchecked; fails "
                 "only with --strict", "a commit made offline without --offline")
CODES = [MALFORMED, NOT_CANONICAL, DUPLICATE, YEAR_VS_ID, NOT_FOUND, UNCHECKED, TITLE,
         OLD_TITLE, AUTHOR, YEAR, WITHDRAWN, UNREACHED]

FEW_BATCHES = 3  # progress shows on a terminal when more batches than this are needed


@dataclass
class Occurrence:
    """An arXiv id written in the registry: on a paper, or as a recommendation's evidence."""

    owner: Located  # the paper or the recommendation
    keys: tuple[str | int, ...]  # to the id from there
    parsed: Parsed
    paper: Paper | None  # set when it is the paper's own id

    @property
    def where(self) -> tuple[str, int, int]:
        """Where to report: positions are found only for ids with something to report."""
        return self.owner.at(*self.keys)

    @property
    def key(self) -> str | None:
        return self.parsed.id.canonical if self.parsed.id else None


def check(registry: Registry, context: Any) -> list[Diagnostic]:
    occurrences = list(_occurrences(registry, date.today()))
    found = _offline(occurrences)
    if not context.offline and any(occ.key for occ in occurrences):
        found.extend(_online(occurrences, context.config))
    return found


def _online(occurrences: list[Occurrence], config: Config) -> list[Diagnostic]:
    from anthology.arxiv.client import Outcome, open_client
    from anthology.arxiv.progress import TerminalProgress

    progress = TerminalProgress(sys.stderr, int(config.get("arxiv", "batch_size")), FEW_BATCHES)
    client = open_client(config, progress)
    results = client.lookup(occ.key for occ in occurrences if occ.key)
    found: list[Diagnostic] = []
    titles: list[tuple[Paper, str, Entry]] = []
    unreached: set[str] = set()
    for occ in occurrences:
        result = results.get(occ.key) if occ.key else None
        if result is None or occ.key is None:
            continue
        if result.outcome is Outcome.UNKNOWN and result.reason == client.stopped:
            unreached.add(occ.key)
        elif result.outcome is Outcome.NOT_FOUND:
            found.append(NOT_FOUND.at(*occ.where, f"arXiv has no paper {occ.key} (it was "
                                      "missing from two answers, asked apart)" +
                                      _evidence_hint(occ, occurrences)))
        elif result.outcome is Outcome.UNKNOWN:
            found.append(UNCHECKED.at(*occ.where, f"could not check {occ.key} on arXiv: "
                                      f"{result.reason}"))
        elif result.entry is not None:
            found.extend(compare(occ, result.entry))
            if occ.paper is not None and occ.paper.title is not None and occ.key:
                titles.append((occ.paper, occ.key, result.entry))
    found.extend(_titles(titles, client))
    progress.finish()
    if unreached:
        found.append(UNREACHED.at(".", 0, 0, f"could not ask arXiv: {client.stopped}; "
                                  f"{len(unreached)} arXiv id(s) not checked online (the offline "
                                  "checks ran); skip the network with --offline or "
                                  "ANTHOLOGY_OFFLINE=1"))
    return found


def _titles(titles: list[tuple[Paper, str, Entry]], client: Client) -> list[Diagnostic]:
    """Titles against arXiv's current one, then (for mismatches) against earlier versions."""
    from anthology.arxiv.client import Outcome

    differ = [(paper, key, entry) for paper, key, entry in titles
              if paper.title is not None and not titles_match(paper.title, entry.title)]
    wanted = {key: [f"{entry.base}v{n}" for n in range(1, entry.version)]
              for _, key, entry in differ if key == entry.base}  # an unpinned id: the latest
    older = client.lookup(k for keys in wanted.values() for k in keys) if wanted else {}
    found = []
    for paper, key, entry in differ:
        lookups = [older[k] for k in wanted.get(key, []) if k in older]
        earlier = [r.entry for r in lookups if r.entry is not None]
        code, message = title_problem(paper.title or "", entry, earlier)
        unknown = [r.reason for r in lookups if r.outcome is Outcome.UNKNOWN]
        if code is TITLE and unknown:
            code, message = UNCHECKED, (f"{message}; earlier versions of {key} could not be "
                                        f"checked: {unknown[0]}")
        found.append(code.at(*paper.at("title"), message))
    return found


def _occurrences(registry: Registry, today: date) -> list[Occurrence]:
    found = []
    for paper in registry.papers:
        if paper.arxiv is not None:
            found.append(Occurrence(paper, ("arxiv",), parse(paper.arxiv, today), paper))
        for rec in paper.recommendations:
            if not rec.evidence:
                continue  # no mapping in it, so no id to check
            evidence = rec.raw.get("evidence")
            for i, item in enumerate(evidence if isinstance(evidence, list) else []):
                if isinstance(item, dict) and isinstance(item.get("arxiv"), str):
                    found.append(Occurrence(rec, ("evidence", i, "arxiv"),
                                            parse(item["arxiv"], today), None))
    return found


def _offline(occurrences: list[Occurrence]) -> list[Diagnostic]:
    found = []
    by_base: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in occurrences:
        parsed, arxiv_id = occ.parsed, occ.parsed.id
        if arxiv_id is None:
            found.append(MALFORMED.at(*occ.where, f"arXiv id '{parsed.written}' "
                                      f"{parsed.problem}" + _evidence_hint(occ, occurrences)))
            continue
        if not parsed.is_canonical:
            found.append(NOT_CANONICAL.at(*occ.where, f"arXiv id '{parsed.written}' is not in "
                                          f'canonical form: write "{arxiv_id.canonical}" '
                                          "(`anthology fix` rewrites it)"))
        paper = occ.paper
        if paper is None:
            continue
        by_base[arxiv_id.base].append(occ)
        if paper.year is not None and paper.year not in id_years(arxiv_id):
            found.append(YEAR_VS_ID.at(*paper.at("year"), f"year {paper.year} differs from "
                                       f"arXiv id {arxiv_id} (first announced "
                                       f"{arxiv_id.year}-{arxiv_id.month:02d}); fine only if "
                                       "the paper was published elsewhere first"))
    for base, same in by_base.items():
        for occ in same if len(same) > 1 else []:
            others = ", ".join(f"{o.paper.id or '(no id)'} in {o.owner.document.path}" for o in same
                               if o is not occ and o.paper is not None)
            found.append(DUPLICATE.at(*occ.where, f"arXiv id {base} is also the id of {others}; "
                                      "a paper belongs in the registry once"))
    return found


def _evidence_hint(occ: Occurrence, occurrences: list[Occurrence]) -> str:
    """For evidence, the registry paper whose arXiv id is a typo away, if there is one."""
    if occ.paper is not None:
        return ""
    papers = {o.parsed.id.base for o in occurrences if o.paper is not None and o.parsed.id}
    written = re.sub(r"v\d+$", "", candidate(occ.parsed.written))
    return did_you_mean(written, papers, cutoff=0.85)


def compare(occ: Occurrence, entry: Entry) -> list[Diagnostic]:
    """A found id: withdrawn or not; for a paper, its first author and year against arXiv's."""
    found, paper = [], occ.paper
    key = parse(paper.arxiv).id if paper and paper.arxiv else None
    if entry.comment and "withdrawn" in entry.comment.casefold():
        found.append(WITHDRAWN.at(*occ.where, f"arXiv says {entry.base} was withdrawn: "
                                  f"'{collapse(entry.comment)}'"))
    if paper is None or key is None:
        return found
    recorded = paper.first_author
    if recorded is not None and entry.authors and not authors_match(recorded, entry.authors[0]):
        later = [i for i, name in enumerate(entry.authors[1:], 2) if authors_match(recorded, name)]
        hint = f" ({recorded} is author {later[0]})" if later else ""
        found.append(AUTHOR.at(*paper.at("first_author"), f"first_author differs from arXiv's "
                               f"for {key}: recorded '{recorded}', arXiv has "
                               f"'{entry.authors[0]}'{hint}"))
    published = entry.published_year
    if paper.year is not None and published is not None and paper.year in id_years(key) and \
            paper.year not in id_years(key, published):
        found.append(YEAR.at(*paper.at("year"), f"year {paper.year} is neither the year of id "
                             f"{key} ({key.year}) nor that of arXiv's first version "
                             f"({published}); fine only if it was published elsewhere first"))
    return found


def title_problem(recorded: str, current: Entry, older: list[Entry]) -> tuple[Code, str]:
    """The code and message for a title that differs from arXiv's current one."""
    now = collapse(current.title)
    for entry in older:
        if titles_match(recorded, entry.title):
            return OLD_TITLE, (f"title is the one of v{entry.version}; arXiv's current title "
                               f"(v{current.version}) is '{now}'")
    return TITLE, f"title differs from arXiv's: recorded '{collapse(recorded)}', arXiv has '{now}'"
