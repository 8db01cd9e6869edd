"""Identifiers: papers, recommendations and topics follow the naming conventions.

- paper id = ASCII letters of `first_author` + a counter (Kingma001); file stem == id;
- recommendation id = MLR-<paper year>-<paper id>-<sequence>, unique in the registry;
- topics are hyphenated lowercase, declared once; a recommendation names a declared
  topic, not an alias;
- contexts and subtopics are hyphenated lowercase and declared once; `applies_to` names
  declared contexts and `subtopic` a subtopic of the recommendation's own topic;
- live recommendations of a topic have different names;
- an id present at the base revision still exists (retire by deprecating, never delete;
  `gone.py`), unless a tombstone removes it on purpose (`tombstones.py`).

Published ids are immutable: the rules that tie an id to its paper's surname or year
apply only to ids the change introduces (absent at the base revision), so correcting a
year or a surname never asks for a new id.
"""

from __future__ import annotations

import difflib
from collections import Counter
from pathlib import PurePosixPath
from typing import Any

from anthology.baseline import Baseline
from anthology.checks import gone, tombstones
from anthology.checks.gone import NO_BASE, REMOVED
from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.model import Located, Paper, Recommendation, Registry, Term
from anthology.naming import TOPIC_ID, Conventions, full_name_surname, surname_letters
from anthology.suggest import did_you_mean

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
UNKNOWN_TOPIC = Code("ID010", E, "a recommendation or a paper names a topic that is not "
                     "declared", "topic: optimisation")
ALIAS_TOPIC = Code("ID011", E, "a recommendation or a paper names a topic by a legacy alias",
                   "topic: optimization (alias of training-optimization)")
UNKNOWN_CONTEXT = Code("ID014", E, "applies_to names a context that is not declared",
                       "applies_to: [llm-pretrain] when the context is llm-pretraining")
UNKNOWN_SUBTOPIC = Code("ID015", E, "a subtopic that is not declared under the recommendation's "
                        "topic", "subtopic: schedules under a topic declaring lr-schedules")
DUPLICATE_NAME = Code("ID016", E, "two live recommendations of one topic share a name",
                      "name: AdamW on two standard training-optimization entries")
BAD_TERM_ID = Code("ID017", E, "a context or subtopic id is not hyphenated lowercase",
                   "contexts: [{id: LLM_pretraining, ...}]")
DUPLICATE_TERM = Code("ID018", E, "a context, or a subtopic of one topic, is declared twice",
                      "two contexts with id: vision")
FULL_NAME = Code("ID019", E, "first_author is a full name, not the surname",
                 "first_author: Edward J. Hu")
CODES = [NO_PAPER_ID, BAD_PAPER_ID, STEM, DUPLICATE_PAPER, NO_REC_ID, BAD_REC_ID,
         DUPLICATE_REC, BAD_TOPIC_ID, DUPLICATE_TOPIC, UNKNOWN_TOPIC, ALIAS_TOPIC, REMOVED,
         NO_BASE, UNKNOWN_CONTEXT, UNKNOWN_SUBTOPIC, DUPLICATE_NAME, BAD_TERM_ID, DUPLICATE_TERM,
         FULL_NAME]

FIX = "; `anthology fix` assigns one"


def check(registry: Registry, context: Any) -> list[Diagnostic]:
    conventions = Conventions(context.config)
    baseline = context.baseline if isinstance(context.baseline, Baseline) else None
    found = _topics(registry)
    paper_ids = Counter(p.id for p in registry.papers if p.id)
    rec_ids = Counter(r.id for r in registry.recommendations if r.id)
    well_named = set()
    topics_read = registry.topics_document is not None  # else a FILE or YAML error says why
    for paper in registry.papers:
        published = baseline is not None and paper.id is not None and \
            baseline.has(paper.id, paper.document)
        paper_found = _paper(paper, conventions, paper_ids, published)
        if not any(d.code == BAD_PAPER_ID.code for d in paper_found):
            well_named.add(id(paper))
        found.extend(paper_found)
    topic_ids = registry.topic_by_id if topics_read else None
    for rec in registry.recommendations:
        if rec.id is None:
            if "id" not in rec.raw:
                found.append(NO_REC_ID.at(*rec.at(), "recommendation has no id" +
                                          _rec_fix(rec.paper, conventions)))
            continue
        if baseline is None or not baseline.has(rec.id, rec.document):  # a new id
            found.extend(_rec_id(rec, conventions, id(rec.paper) in well_named))
        if rec_ids[rec.id] > 1:
            found.append(DUPLICATE_REC.at(*rec.at("id"), f"recommendation id '{rec.id}' is "
                                          f"used {rec_ids[rec.id]} times in the registry"))
        if topic_ids is not None and rec.topic is not None and rec.topic not in topic_ids:
            found.extend(_topic(registry, rec.topic, rec, ("topic",), "topic: {}"))
    for paper in registry.papers if topics_read else []:
        topics = paper.raw.get("topics")
        for i, name in enumerate(topics if isinstance(topics, list) else []):
            if isinstance(name, str):
                found.extend(_topic(registry, name, paper, ("topics", i), "{} in topics"))
    for rec in registry.recommendations:
        if rec.applies_to or rec.subtopic is not None:
            found.extend(_vocabulary(registry, rec))
    found.extend(_names(registry))
    found.extend(gone.check(registry, context))
    found.extend(tombstones.check(registry, context))
    return found


def _rec_id(rec: Recommendation, conventions: Conventions, paper_well_named: bool
            ) -> list[Diagnostic]:
    """A new recommendation id against the conventions and its paper's year and id."""
    assert rec.id is not None
    paper = rec.paper
    expected = (conventions.recommendation_prefix_for(paper.year, paper.id)
                if paper.year is not None and paper.id and paper_well_named else None)
    if conventions.recommendation_id.fullmatch(rec.id) and \
            (expected is None or rec.id.startswith(expected)):
        return []
    digits = "N" * conventions.sequence_digits
    want = f"{expected}{digits}" if expected else \
        f"{conventions.prefix}-<year>-<paper id>-{digits}"
    return [BAD_REC_ID.at(*rec.at("id"), f"recommendation id '{rec.id}' should look like "
                          f"{want}")]


def _vocabulary(registry: Registry, rec: Recommendation) -> list[Diagnostic]:
    found = []
    for i, name in enumerate(rec.applies_to):
        if name not in registry.context_by_id:
            found.append(UNKNOWN_CONTEXT.at(*rec.at("applies_to", i), f"context '{name}' is not "
                                            "declared under 'contexts' in the topics file" +
                                            _suggest(name, list(registry.context_by_id))))
    topic = registry.topic_by_id.get(rec.topic or "")
    if rec.subtopic is not None and topic is not None:
        known = [t.id for t in topic.subtopics if t.id is not None]
        if rec.subtopic not in known:
            found.append(UNKNOWN_SUBTOPIC.at(*rec.at("subtopic"), f"subtopic '{rec.subtopic}' is "
                                             f"not declared under topic '{topic.id}'" +
                                             _suggest(rec.subtopic, known)))
    return found


def _suggest(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"; did you mean '{close[0]}'?"
    return f" (known: {', '.join(sorted(known))})" if known else "; none is declared yet"


def _names(registry: Registry) -> list[Diagnostic]:
    first: dict[tuple[str, str], Recommendation] = {}
    found = []
    for rec in registry.recommendations:
        if rec.name is None or rec.topic is None or not rec.is_live:
            continue
        earlier = first.setdefault((rec.topic, " ".join(rec.name.casefold().split())), rec)
        if earlier is not rec:
            path, line, _ = earlier.at("name")
            found.append(DUPLICATE_NAME.at(*rec.at("name"), f"name '{rec.name}' is already used "
                                           f"by {earlier.id} ({path}:{line}) in topic "
                                           f"'{rec.topic}'; live practices of a topic need "
                                           "names a reader can tell apart"))
    return found
def _topic(registry: Registry, name: str, entity: Located, key: tuple[str | int, ...],
           write: str) -> list[Diagnostic]:
    """Findings for a topic name; its position is looked up only when there is one."""
    if name in registry.topic_by_id:
        return []
    where = entity.at(*key)
    alias = registry.topic_by_alias.get(name)
    if alias is not None:
        return [ALIAS_TOPIC.at(*where, f"'{name}' is a legacy alias; write "
                               f"{write.format(alias.id)}")]
    return [UNKNOWN_TOPIC.at(*where, f"topic '{name}' is not declared in the topics file"
                             + _topic_hint(registry, name))]


def _topic_hint(registry: Registry, topic: str) -> str:
    names = {alias: t.id for alias, t in registry.topic_by_alias.items() if t.id}
    names.update((name, name) for name in registry.topic_by_id)
    hint = did_you_mean(topic, names, cutoff=0.6)
    if hint:
        return hint
    return f" (known: {', '.join(sorted(registry.topic_by_id)) or 'none declared'})"


def _rec_fix(paper: Paper, conventions: Conventions) -> str:
    """What `anthology fix` says it does for a recommendation without an id (paperfix.py)."""
    if paper.id and conventions.paper_id.fullmatch(paper.id) and paper.year is not None:
        return FIX
    return "; `anthology fix` assigns one once its paper has a valid id and a year"


def _paper(paper: Paper, conventions: Conventions, paper_ids: Counter[str],
           published: bool) -> list[Diagnostic]:
    author = paper.first_author
    match = conventions.paper_id.fullmatch(paper.id) if paper.id else None
    surname = full_name_surname(author, match.group(1) if match else None) if author else None
    named = [FULL_NAME.at(*paper.at("first_author"), f"first_author '{author}' is a full name: "
                          f"write the surname only (first_author: {surname})")] if surname else []
    if paper.id is None:
        if "id" in paper.raw:
            return named
        if surname:
            why = "; `anthology fix` assigns one once first_author is the surname"
        elif not (author and surname_letters(author)):
            why = "; `anthology fix` derives one from first_author (the surname): add it"
        else:
            why = FIX
        return [*named, NO_PAPER_ID.at(*paper.at(), "paper has no id" + why)]
    found = []
    letters = surname_letters(surname or author) if author and not published else None
    if not published and (match is None or (letters and match.group(1) != letters)):
        want = f"{letters or '<Surname>'}{'N' * conventions.counter_digits}"
        found.append(BAD_PAPER_ID.at(*paper.at("id"), f"paper id '{paper.id}' should look like "
                                     f"{want} (first author's surname, then a counter)"))
    name = paper.document.path.rpartition("/")[2]  # PurePosixPath(...).stem, without a Path
    dot = name.rfind(".")
    stem = name[:dot] if 0 < dot < len(name) - 1 else name
    if paper.one_per_file and stem != paper.id and not found:
        found.append(STEM.at(*paper.at("id"), f"file is named '{stem}' but holds paper "
                             f"'{paper.id}'; run: git mv {paper.document.path} "
                             f"{PurePosixPath(paper.document.path).with_name(paper.id + '.yaml')}"))
    if paper_ids[paper.id] > 1:
        found.append(DUPLICATE_PAPER.at(*paper.at("id"), f"paper id '{paper.id}' is used by "
                                        f"{paper_ids[paper.id]} papers; give this one the next "
                                        "free counter"))
    return named + found


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
        found.extend(_terms(topic.subtopics, "subtopic", f" (topic {topic.id})"))
    found.extend(_terms(registry.contexts, "context", ""))
    return found


def _terms(terms: list[Term], kind: str, owner: str) -> list[Diagnostic]:
    found, seen = [], set()
    for term in terms:
        if term.id is None:
            continue
        if not TOPIC_ID.fullmatch(term.id):
            found.append(BAD_TERM_ID.at(*term.at("id"), f"{kind} id '{term.id}'{owner} must "
                                        "be hyphenated lowercase, like llm-pretraining"))
        elif term.id in seen:
            found.append(DUPLICATE_TERM.at(*term.at("id"), f"{kind} '{term.id}'{owner} is "
                                           "declared more than once; keep one"))
        seen.add(term.id)
    return found
