"""Succession: the attic's links are consistent and every history leads somewhere.

- `superseded_by` and `deprecated` appear only on deprecated recommendations, and a
  deprecated recommendation has a `deprecated` block (date and reason);
- every successor exists, is not the recommendation itself, and links form no cycle (a
  successor missing for a reason another finding gives, deleted since the base or in a
  file that does not load, is left to that finding);
- following successors from a deprecated recommendation reaches a live one, or ends at
  one retired with no successor (a warning);
- a successor's paper is not older than its predecessor's (a warning); the date of
  deprecation is a real date, not before either paper's year and not in the future.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from anthology.baseline import Baseline
from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.model import Recommendation, Registry
from anthology.naming import Conventions
from anthology.suggest import did_you_mean

NAME = "succession"
E, W = Severity.ERROR, Severity.WARNING
SUCCESSOR_ON_LIVE = Code("SUCC001", E, "'superseded_by' on a recommendation that is not "
                         "deprecated", "status: standard with superseded_by: [...]")
BLOCK_ON_LIVE = Code("SUCC002", E, "a 'deprecated' block on a recommendation that is not "
                     "deprecated", "status: experimental with deprecated: {...}")
NO_BLOCK = Code("SUCC003", E, "a deprecated recommendation has no 'deprecated' block",
                "status: deprecated without deprecated: {date, reason}")
UNKNOWN_SUCCESSOR = Code("SUCC004", E, "a successor that does not exist",
                         "superseded_by: [MLR-2099-Nobody001-0001]")
SELF_SUCCESSOR = Code("SUCC005", E, "a recommendation supersedes itself",
                      "MLR-2017-Loshchilov001-0001 superseded_by itself")
CYCLE = Code("SUCC006", E, "succession links form a cycle", "A -> B -> A")
RETIRED_END = Code("SUCC007", W, "a succession chain ends at a retired recommendation",
                   "A -> B, and B is deprecated with no successor")
OLDER_SUCCESSOR = Code("SUCC008", W, "a successor's paper is older than its predecessor's",
                       "a 2020 practice superseded by one from a 2017 paper")
EARLY_DATE = Code("SUCC009", E, "deprecated before its own or its successor's paper existed",
                  "date: 2015-01-01 for a practice from a 2017 paper")
FUTURE_DATE = Code("SUCC010", E, "a date of deprecation in the future", "date: 2999-01-01")
BAD_DATE = Code("SUCC011", E, "a date of deprecation that is not a calendar date",
                "date: 2023-02-30")
CODES = [SUCCESSOR_ON_LIVE, BLOCK_ON_LIVE, NO_BLOCK, UNKNOWN_SUCCESSOR, SELF_SUCCESSOR, CYCLE,
         RETIRED_END, OLDER_SUCCESSOR, EARLY_DATE, FUTURE_DATE, BAD_DATE]


def check(registry: Registry, context: Any, today: datetime.date | None = None) -> list[Diagnostic]:
    today = today or datetime.date.today()
    explained = _explained(registry, context)
    found: list[Diagnostic] = []
    for rec in registry.recommendations:
        if rec.status == "deprecated":
            if not isinstance(rec.raw.get("deprecated"), dict):
                found.append(NO_BLOCK.at(*rec.at("status"), "a deprecated recommendation needs "
                                         "deprecated: {date: YYYY-MM-DD, reason: ...}"))
            found.extend(_date(registry, rec, today))
        elif rec.status is not None:
            if "superseded_by" in rec.raw:
                found.append(SUCCESSOR_ON_LIVE.at(*rec.at("superseded_by", key=True),
                             f"only deprecated recommendations have successors; this one is "
                             f"{rec.status}"))
            if "deprecated" in rec.raw:
                found.append(BLOCK_ON_LIVE.at(*rec.at("deprecated", key=True),
                             f"set status: deprecated, or remove this block (status is "
                             f"{rec.status})"))
        if rec.superseded_by:
            found.extend(_links(registry, rec, explained))
    found.extend(_cycles(registry))
    found.extend(_chain_ends(registry))
    return found


def _explained(registry: Registry, context: Any) -> Callable[[str], bool]:
    """Whether another finding already says why a successor id is missing.

    An id gone since the base revision is reported by the ids check (ID012; the baseline
    is loaded only when that check runs), and an id of a paper whose file does not load
    by that file's error. Reporting the link too would be a cascade.
    """
    baseline = context.baseline
    gone = set(baseline.missing(registry.recommendation_by_id)) \
        if isinstance(baseline, Baseline) else set()
    broken = {_stem(path) for path in registry.unloaded}
    if not broken:
        return gone.__contains__
    pattern = Conventions(context.config).recommendation_id

    def explained(target: str) -> bool:
        match = pattern.fullmatch(target)
        return target in gone or (match is not None and match.group(2) in broken)

    return explained


def _stem(path: str) -> str:
    name = path.rpartition("/")[2]
    return name.rpartition(".")[0] or name


def _links(registry: Registry, rec: Recommendation,
           explained: Callable[[str], bool]) -> list[Diagnostic]:
    found = []
    for i, target in enumerate(rec.superseded_by):
        successor = registry.recommendation_by_id.get(target)
        if target == rec.id:
            found.append(SELF_SUCCESSOR.at(*rec.at("superseded_by", i), f"{rec.id} names itself "
                                           "as its successor"))
        elif successor is None:
            if not explained(target):
                found.append(UNKNOWN_SUCCESSOR.at(*rec.at("superseded_by", i),
                                                  _unknown(registry, target)))
        elif (successor.paper.year is not None and rec.paper.year is not None
              and successor.paper.year < rec.paper.year):
            found.append(OLDER_SUCCESSOR.at(*rec.at("superseded_by", i), f"successor {target} "
                                            f"comes from a {successor.paper.year} paper, older "
                                            f"than this {rec.paper.year} one"))
    return found


def _unknown(registry: Registry, target: str) -> str:
    removal = next((r for r in registry.removed if r.id == target), None)
    if removal is not None:
        instead = f"name {removal.replaced_by} instead" if removal.replaced_by else \
            "name the practice that replaces it, or none"
        return f"successor '{target}' was removed on purpose (tombstone file); {instead}"
    hint = did_you_mean(target, registry.recommendation_by_id.keys(), cutoff=0.9)  # a typo
    return f"successor '{target}' is not a recommendation in the registry{hint}"


def _date(registry: Registry, rec: Recommendation, today: datetime.date) -> list[Diagnostic]:
    if rec.deprecated_date is None:
        return []
    try:
        date = datetime.date.fromisoformat(rec.deprecated_date)
    except ValueError:
        if len(rec.deprecated_date) != 10:
            return []  # the schema reports the form
        return [BAD_DATE.at(*rec.at("deprecated", "date"), f"'{rec.deprecated_date}' is not a "
                            "calendar date")]
    if date > today:
        return [FUTURE_DATE.at(*rec.at("deprecated", "date"), f"{date} is in the future")]
    years = [(rec.paper.year, "its own paper")] + [
        (s.paper.year, f"its successor {s.id}'s paper") for s in registry.successors(rec)]
    for year, whose in years:
        if year is not None and date.year < year:
            return [EARLY_DATE.at(*rec.at("deprecated", "date"), f"deprecated on {date}, before "
                                  f"{whose} ({year})")]
    return []


def _cycles(registry: Registry) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    state: dict[str | None, int] = {}  # 1 while on the current path, 2 when finished
    for start in registry.recommendations:
        if start.id is None or start.id in state or not start.superseded_by:
            continue  # without successors, a practice is on no cycle
        path: list[Recommendation] = []
        stack: list[tuple[Recommendation, int]] = [(start, 0)]
        while stack:
            rec, index = stack.pop()
            if index == 0:
                state[rec.id] = 1
                path.append(rec)
            successors = [s for s in registry.successors(rec) if s.id != rec.id]
            if index < len(successors):
                stack.append((rec, index + 1))
                nxt = successors[index]
                if state.get(nxt.id) == 1:
                    loop = path[path.index(nxt):]
                    chain = " -> ".join(str(r.id) for r in [*loop, nxt])
                    found.append(CYCLE.at(*loop[0].at("superseded_by"), f"succession cycle: "
                                          f"{chain}"))
                elif nxt.id not in state:
                    stack.append((nxt, 0))
            else:
                state[rec.id] = 2
                path.pop()
    return found


def _chain_ends(registry: Registry) -> list[Diagnostic]:
    """Warn where every path of successors ends at a retired (successor-less) practice."""
    reaches_live: set[int] | None = None  # walked once, and only if a chain needs it
    found = []
    for rec in registry.recommendations:
        if rec.status != "deprecated" or not rec.id or not rec.superseded_by:
            continue
        if not any(s.id != rec.id for s in registry.successors(rec)):
            continue
        if reaches_live is None:
            reaches_live = _reaching_live(registry)
        if id(rec) not in reaches_live:
            found.append(RETIRED_END.at(*rec.at("superseded_by"), f"following successors "
                                        f"from {rec.id} never reaches a live practice"))
    return found


def _reaching_live(registry: Registry) -> set[int]:
    """Recommendations (by `id()`) from which successors lead to one not deprecated.

    One walk backwards over predecessor links, from the live practices that something
    names as its successor: linear in the size of the registry, and exact even where
    links form a cycle. A practice naming a successor that does not exist counts as
    reaching one: where that chain went is unknown, and the missing link is reported.
    """
    named, known = registry.predecessors, registry.recommendation_by_id
    frontier = [rec for rec in registry.recommendations
                if rec.status != "deprecated" and rec.id in named
                or any(target not in known for target in rec.superseded_by)]
    reached = {id(rec) for rec in frontier}
    while frontier:
        rec = frontier.pop()
        if rec.id is None or registry.recommendation_by_id.get(rec.id) is not rec:
            continue  # nothing links to a recommendation without an id, or to a duplicate
        for before in registry.predecessors.get(rec.id, []):
            if id(before) not in reached and before.id != rec.id:
                reached.add(id(before))
                frontier.append(before)
    return reached
