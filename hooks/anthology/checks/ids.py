"""Identifiers: papers, recommendations and topics follow the naming conventions.

- paper id = ASCII letters of `first_author` + a counter (Kingma001); file stem == id;
- recommendation id = MLR-<paper year>-<paper id>-<sequence>, unique in the registry;
- topics are hyphenated lowercase, declared once; a recommendation names a declared
  topic, not an alias;
- an id present at the base revision still exists (retire by deprecating, never delete).
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath
from typing import Any

from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.model import Paper, Registry
from anthology.naming import TOPIC_ID, Conventions, surname_letters

NAME = "ids"
E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE
NO_PAPER_ID = Code("ID001", E, "a paper has no id", "a paper file without 'id:'")
BAD_PAPER_ID = Code("ID002", E, "a paper id does not follow the first author's surname",
                    "id: Adam001 with first_author: Kingma")
STEM = Code("ID003", E, "a paper file is not named after its paper id",
            "registry/papers/adam.yaml holding id: Kingma001")
DUPLICATE_PAPER = Code("ID004", E, "two papers share an id (a surname counter is reused)",
                       "Kingma001 in two files")
NO_REC_ID = Code("ID005", E, "a recommendation has no id", "- text: ... without 'id:'")
BAD_REC_ID = Code("ID006", E, "a recommendation id does not follow MLR-<year>-<paper id>-NNNN",
                  "MLR-2015-Kingma001-0001 in a 2014 paper")
DUPLICATE_REC = Code("ID007", E, "two recommendations share an id", "MLR-...-0001 twice")
BAD_TOPIC_ID = Code("ID008", E, "a topic id is not hyphenated lowercase", "id: Training_Opt")
DUPLICATE_TOPIC = Code("ID009", E, "a topic id or alias is declared twice",
                       "alias 'attention' on two topics")
UNKNOWN_TOPIC = Code("ID010", E, "a recommendation names a topic that is not declared",
                     "topic: optimisation")
ALIAS_TOPIC = Code("ID011", E, "a recommendation names a topic by a legacy alias",
                   "topic: optimization (alias of training-optimization)")
REMOVED = Code("ID012", E, "an id present at the base revision is gone",
               "deleting MLR-2014-Kingma001-0002 instead of deprecating it")
NO_BASE = Code("ID013", N, "the base-revision rule was skipped", "outside a git repository")
CODES = [NO_PAPER_ID, BAD_PAPER_ID, STEM, DUPLICATE_PAPER, NO_REC_ID, BAD_REC_ID,
         DUPLICATE_REC, BAD_TOPIC_ID, DUPLICATE_TOPIC, UNKNOWN_TOPIC, ALIAS_TOPIC, REMOVED,
         NO_BASE]

FIX = "; `anthology fix` assigns one"


def check(registry: Registry, context: Any) -> list[Diagnostic]:
    conventions = Conventions(context.config)
    found = _topics(registry)
    paper_ids = Counter(p.id for p in registry.papers if p.id)
    rec_ids = Counter(r.id for r in registry.recommendations if r.id)
    well_named = set()
    for paper in registry.papers:
        paper_found = _paper(paper, conventions, paper_ids)
        if not any(d.code == BAD_PAPER_ID.code for d in paper_found):
            well_named.add(id(paper))
        found.extend(paper_found)
    for rec in registry.recommendations:
        if rec.id is None:
            if "id" not in rec.raw:
                found.append(NO_REC_ID.at(*rec.at(), "recommendation has no id" + FIX))
            continue
        match = conventions.recommendation_id.fullmatch(rec.id)
        paper = rec.paper
        expected = (conventions.recommendation_prefix_for(paper.year, paper.id)
                    if paper.year is not None and paper.id and id(paper) in well_named else None)
        if match is None or (expected is not None and not rec.id.startswith(expected)):
            want = f"{expected}{'N' * conventions.sequence_digits}" if expected else \
                f"{conventions.prefix}-<year>-<paper id>-{'N' * conventions.sequence_digits}"
            found.append(BAD_REC_ID.at(*rec.at("id"), f"recommendation id '{rec.id}' should "
                                       f"look like {want}"))
        if rec_ids[rec.id] > 1:
            found.append(DUPLICATE_REC.at(*rec.at("id"), f"recommendation id '{rec.id}' is "
                                          f"used {rec_ids[rec.id]} times in the registry"))
        if rec.topic is not None and rec.topic not in registry.topic_by_id:
            alias = registry.topic_by_alias.get(rec.topic)
            if alias is not None:
                found.append(ALIAS_TOPIC.at(*rec.at("topic"), f"'{rec.topic}' is a legacy "
                                            f"alias; write topic: {alias.id}"))
            else:
                known = ", ".join(sorted(registry.topic_by_id)) or "none declared"
                found.append(UNKNOWN_TOPIC.at(*rec.at("topic"), f"topic '{rec.topic}' is not "
                                              f"declared in the topics file (known: {known})"))
    found.extend(_removed_since_base(registry, context))
    return found


def _paper(paper: Paper, conventions: Conventions, paper_ids: Counter[str]) -> list[Diagnostic]:
    if paper.id is None:
        return [] if "id" in paper.raw else [NO_PAPER_ID.at(*paper.at(), "paper has no id" + FIX)]
    found = []
    letters = surname_letters(paper.first_author) if paper.first_author else None
    match = conventions.paper_id.fullmatch(paper.id)
    if match is None or (letters and match.group(1) != letters):
        want = f"{letters or '<Surname>'}{'N' * conventions.counter_digits}"
        found.append(BAD_PAPER_ID.at(*paper.at("id"), f"paper id '{paper.id}' should look like "
                                     f"{want} (first author's surname, then a counter)"))
    stem = PurePosixPath(paper.document.path).stem
    if paper.one_per_file and stem != paper.id and not found:
        found.append(STEM.at(*paper.at("id"), f"file is named '{stem}' but holds paper "
                             f"'{paper.id}'; run: git mv {paper.document.path} "
                             f"{PurePosixPath(paper.document.path).with_name(paper.id + '.yaml')}"))
    if paper_ids[paper.id] > 1:
        found.append(DUPLICATE_PAPER.at(*paper.at("id"), f"paper id '{paper.id}' is used by "
                                        f"{paper_ids[paper.id]} papers; give this one the next "
                                        "free counter"))
    return found


def _topics(registry: Registry) -> list[Diagnostic]:
    found, seen = [], set()
    for topic in registry.topics:
        if topic.id is None:
            continue
        if not TOPIC_ID.fullmatch(topic.id):
            found.append(BAD_TOPIC_ID.at(*topic.at("id"), f"topic id '{topic.id}' must be "
                                         "hyphenated lowercase, like training-optimization"))
        for i, name in enumerate([topic.id, *topic.aliases]):
            if name in seen:
                spot = topic.at("id") if i == 0 else topic.at("aliases", i - 1)
                found.append(DUPLICATE_TOPIC.at(*spot, f"'{name}' is declared more than once "
                                                "as a topic id or alias"))
            seen.add(name)
    return found


def _removed_since_base(registry: Registry, context: Any) -> list[Diagnostic]:
    baseline = context.baseline
    if isinstance(baseline, str):
        where = registry.topics_document.path if registry.topics_document else "."
        return [NO_BASE.at(where, 1, 1, f"ids were not compared with the base revision: "
                           f"{baseline}")]
    if baseline is None:
        return []
    current = {p.id for p in registry.papers} | {r.id for r in registry.recommendations}
    found = []
    for gone, path in sorted(baseline.ids.items()):
        if gone in current:
            continue
        kind = "recommendation" if "-" in gone else "paper"
        found.append(REMOVED.at(path, 1, 1, f"{kind} {gone} exists at {baseline.ref} but is gone; "
                                "ids are public: deprecate the practice (status: deprecated) "
                                "instead of deleting or renumbering it"))
    return found
