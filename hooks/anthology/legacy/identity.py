"""Ids for the imported papers and recommendations.

Published ids are public and linked, so each one is kept: matched to its paper by arXiv
id (else by title) and to its recommendation by text (exactly, after whitespace and case;
then, within the paper, by the most similar text left). A published recommendation whose
text is gone from the research file is kept as a deprecated one; one whose paper is gone
brings its paper back from the published `source`. New ids follow the convention: next
free counter per surname, next free sequence number per paper.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field

from anthology.diagnostics import Code, Severity
from anthology.legacy.drafts import Draft, DraftRecommendation, arxiv_base
from anthology.legacy.names import surname
from anthology.legacy.problems import Problem
from anthology.legacy.published import Published
from anthology.legacy.topics import TopicNames
from anthology.naming import Conventions, surname_letters

SIMILAR = 0.6
GONE = ("Published by the old registry as {id}, but no longer in the research file; kept "
        "so that the public id still resolves.")


W, N = Severity.WARNING, Severity.NOTE
GONE_TEXT = Code("LEGACY008", W, "a published recommendation's text is no longer in the "
                 "research file; it is kept as a deprecated one", "a sota line deleted after "
                 "the old registry was built")
SIMILAR_TEXT = Code("LEGACY009", N, "a published id was matched by similar text",
                    "a sota line reworded after the old registry was built")
GONE_PAPER = Code("LEGACY010", W, "a published recommendation's paper is not in the research "
                  "file; the paper is brought back from the published source",
                  "a paper deleted from research.yaml after the old registry was built")
TWO_IDS = Code("LEGACY011", W, "published ids of one paper name different paper ids",
               "MLR-2017-Smith001-0001 and MLR-2017-Smith002-0002 for one paper")
CODES = [GONE_TEXT, SIMILAR_TEXT, GONE_PAPER, TWO_IDS]


@dataclass
class Identity:
    kept: int = 0  # recommendation ids
    new: int = 0
    kept_papers: int = 0
    new_papers: int = 0
    problems: list[Problem] = field(default_factory=list)

    def problem(self, code: Code, message: str, draft: Draft, entry: Published) -> None:
        self.problems.append(Problem(code, message, draft, recommendation=entry.id,
                                     source=entry.where))


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(".")


def title_key(title: str | None) -> str:
    return normalise(title or "")


def keep_published(drafts: list[Draft], published: list[Published], names: TopicNames,
                   research: str) -> Identity:
    """Give drafts the published ids; adds drafts for papers only the registry knows."""
    identity = Identity()
    by_arxiv: dict[str, list[Draft]] = defaultdict(list)
    by_title: dict[str, list[Draft]] = defaultdict(list)
    for d in drafts:
        if d.arxiv_base:
            by_arxiv[d.arxiv_base].append(d)
        by_title[title_key(d.title)].append(d)
    unmatched: list[tuple[Published, Draft]] = []
    for entry in published:
        base = arxiv_base(entry.arxiv)
        candidates = by_arxiv.get(base, []) if base else []
        if not candidates and entry.title:
            candidates = by_title.get(title_key(entry.title), [])
        if not candidates:
            candidates = [_paper_from_registry(entry, names, research)]
            drafts.append(candidates[0])
            by_title[title_key(entry.title)].append(candidates[0])
            if base:
                by_arxiv[base].append(candidates[0])
            identity.problem(GONE_PAPER, f"{entry.id}: its paper is not in {research}; the paper "
                             "is brought back from the published source", candidates[0], entry)
        target = next((d for d in candidates if _find(d, entry.text) is not None), candidates[0])
        if target.paper_id is None:
            target.paper_id = entry.paper_id
        elif target.paper_id != entry.paper_id:
            identity.problem(TWO_IDS, f"{entry.id} names paper {entry.paper_id}, but other "
                             f"published ids of this paper name {target.paper_id}; the id is "
                             "kept as it is", target, entry)
        rec = _find(target, entry.text)
        if rec is None:
            unmatched.append((entry, target))
        else:
            rec.id, rec.kept = entry.id, True
            identity.kept += 1
    for entry, target in unmatched:
        _keep_unmatched(entry, target, identity, research)
    for d in drafts:
        if d.paper_id and d.full_author:
            d.first_author = surname(d.full_author, _letters(d.paper_id))
    identity.kept_papers = sum(1 for d in drafts if d.paper_id)
    return identity


def _find(draft: Draft, text: str) -> DraftRecommendation | None:
    wanted = normalise(text)
    return next((r for r in draft.recommendations if r.id is None
                 and normalise(r.text) == wanted), None)


def _keep_unmatched(entry: Published, target: Draft, identity: Identity, research: str) -> None:
    free = [r for r in target.recommendations if r.id is None]
    scored = [(difflib.SequenceMatcher(None, normalise(entry.text), normalise(r.text)).ratio(),
               i) for i, r in enumerate(free)]
    best = max(scored, default=(0.0, -1))
    if best[0] >= SIMILAR:
        rec = free[best[1]]
        rec.id, rec.kept = entry.id, True
        identity.problem(SIMILAR_TEXT, f"{entry.id} kept for a reworded recommendation: "
                         f"published as '{entry.text}'", target, entry)
    else:
        status = "deprecated"
        target.recommendations.append(DraftRecommendation(
            entry.text, status, "published", reason=GONE.format(id=entry.id), id=entry.id,
            kept=True))
        if target.legacy is not None:  # else the whole paper is reported as gone
            identity.problem(GONE_TEXT, f"{entry.id}: its text is no longer in {research}; "
                             "kept as a deprecated recommendation", target, entry)
    identity.kept += 1


def _paper_from_registry(entry: Published, names: TopicNames, research: str) -> Draft:
    topic = names.resolve(entry.topic) if entry.topic else None
    notes = [f"Not in {research}: brought back from the published registry, whose "
             "recommendations name it."]
    author = surname(entry.first_author, _letters(entry.paper_id)) if entry.first_author else None
    if entry.first_author and author != entry.first_author:
        notes.append(f"First author as the old data wrote it: {entry.first_author}.")
    if entry.topic and entry.topic != topic:
        notes.append(f"Topic in the old data: {entry.topic}.")
    return Draft(None, entry.title, entry.first_author, author, entry.year, entry.arxiv, [],
                 notes, topic, [], paper_id=entry.paper_id)


def _letters(paper_id: str) -> str:
    return paper_id.rstrip("0123456789")


def assign_new(drafts: list[Draft], conventions: Conventions, identity: Identity) -> None:
    """Convention ids for every paper and recommendation that has none yet."""
    counters: dict[str, set[int]] = defaultdict(set)
    for d in drafts:
        match = conventions.paper_id.fullmatch(d.paper_id or "")
        if match:
            counters[match.group(1)].add(int(match.group(2)))
    for d in drafts:
        if d.paper_id is None:
            letters = surname_letters(d.first_author or "") or "Unknown"
            counter = max(counters[letters], default=0) + 1
            counters[letters].add(counter)
            d.paper_id = conventions.paper_id_for(letters, counter)
            identity.new_papers += 1
        used = set()
        for rec in d.recommendations:
            match = conventions.recommendation_id.fullmatch(rec.id or "")
            if match and match.group(2) == d.paper_id:
                used.add(int(match.group(3)))
        for rec in d.recommendations:
            if rec.id is None and d.year is not None:
                sequence = max(used, default=0) + 1
                used.add(sequence)
                rec.id = conventions.recommendation_id_for(d.year, d.paper_id, sequence)
                identity.new += 1
