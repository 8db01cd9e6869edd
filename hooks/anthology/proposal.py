"""A practice proposed through the issue form: its fields, parsed and validated.

The form (`.github/ISSUE_TEMPLATE/new-practice.yml`, written by `anthology render`) and
this parser share `FIELDS`, so a label changes in one place. GitHub posts a form's body
as Markdown: `### Label`, a blank line, the answer, with `_No response_` for an empty one.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from anthology.arxiv.identifiers import parse
from anthology.model import Registry

NO_RESPONSE = "_No response_"
STATUSES = ("experimental", "standard")


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str  # input, textarea, dropdown, multi
    required: bool
    help: str


FIELDS = (
    Field("arxiv", "arXiv id", "input", True, "The paper that justifies the practice, e.g. "
          "2106.09685."),
    Field("name", "Name", "input", True, "What practitioners call it, at most 60 characters, "
          "e.g. AdamW, Pre-LN, WSD schedule."),
    Field("text", "Recommendation", "textarea", True, "What to do, when to do it and when not."),
    Field("topic", "Topic", "dropdown", True, "Where the practice belongs."),
    Field("applies_to", "Applies to", "multi", True, "The kinds of training it is meant for."),
    Field("status", "Status", "dropdown", True, "experimental: promising, not yet widely "
          "adopted; standard: what current recipes do."),
    Field("evidence", "Evidence", "textarea", False, "Other papers that support it, one per "
          "line: an arXiv id, then a note."),
    Field("replaces", "Replaces", "input", False, "Ids of the practices this one replaces, "
          "separated by commas; they move to the attic."),
    Field("title", "Paper title", "input", False, "Only needed when arXiv can't be reached."),
    Field("first_author", "First author's surname", "input", False,
          "Only needed when arXiv can't be reached."),
    Field("year", "Year of the paper's first arXiv version", "input", False,
          "Only needed when arXiv can't be reached."),
)
_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)


@dataclass
class Proposal:
    arxiv: str = ""
    name: str = ""
    text: str = ""
    topic: str = ""
    applies_to: list[str] = field(default_factory=list)
    status: str = ""
    evidence: list[tuple[str, str]] = field(default_factory=list)  # (arXiv id, note)
    replaces: list[str] = field(default_factory=list)
    title: str = ""
    first_author: str = ""
    year: int | None = None


def answers(body: str) -> dict[str, str]:
    """Label -> answer, as GitHub writes a filled-in form; empty for `_No response_`."""
    found: dict[str, str] = {}
    body = body.replace("\r\n", "\n")
    headings = list(_HEADING.finditer(body))
    for n, heading in enumerate(headings):
        end = headings[n + 1].start() if n + 1 < len(headings) else len(body)
        value = body[heading.end():end].strip()
        found[heading.group(1)] = "" if value == NO_RESPONSE else value
    return found


def read(body: str, registry: Registry) -> tuple[Proposal, list[str]]:
    """The proposal, and every problem with it, each naming the field by its label."""
    given = answers(body)
    proposal, problems = Proposal(), []
    for spec in FIELDS:
        value = given.get(spec.label, "")
        if not value:
            if spec.required:
                problems.append(f"{spec.label}: missing (the form's '### {spec.label}' "
                                "section is empty or absent)")
            continue
        problem = _take(proposal, spec.key, value, registry)
        if problem:
            problems.append(f"{spec.label}: {problem}")
    return proposal, problems


def _take(p: Proposal, key: str, value: str, registry: Registry) -> str | None:
    line = " ".join(value.split())
    if key == "arxiv":
        parsed = parse(line)
        if parsed.id is None:
            return f"'{line}' {parsed.problem}"
        p.arxiv = parsed.id.base
    elif key == "name":
        if len(line) > 60:
            return f"{len(line)} characters; keep it to 60"
        p.name = line
    elif key == "text":
        p.text = line
    elif key == "topic":
        p.topic = line
        return _known(line, sorted(registry.topic_by_id), "topic")
    elif key == "applies_to":
        p.applies_to = [c.strip() for c in line.split(",") if c.strip()]
        contexts = sorted(registry.context_by_id)
        return next(filter(None, (_known(c, contexts, "context") for c in p.applies_to)), None)
    elif key == "status":
        p.status = line
        if line not in STATUSES:
            return f"'{line}' is not one of {', '.join(STATUSES)}"
    elif key == "evidence":
        return _evidence(p, value)
    elif key == "replaces":
        p.replaces = [i.strip() for i in line.split(",") if i.strip()]
        missing = [i for i in p.replaces if i not in registry.recommendation_by_id]
        return f"no practice {', '.join(missing)} in the registry" if missing else None
    elif key == "year":
        if not re.fullmatch(r"\d{4}", line):
            return f"'{line}' is not a year"
        p.year = int(line)
    else:
        setattr(p, key, line)
    return None


def _evidence(p: Proposal, value: str) -> str | None:
    for raw in value.splitlines():
        line = raw.strip().lstrip("-*").strip()
        if not line:
            continue
        first, _, note = line.partition(" ")
        parsed = parse(first.rstrip(":,"))
        if parsed.id is None:
            return f"'{line}' does not start with an arXiv id ({parsed.problem})"
        p.evidence.append((parsed.id.base, note.strip(" :-–")))
    return None


def _known(value: str, known: list[str], what: str) -> str | None:
    if value in known:
        return None
    close = difflib.get_close_matches(value, known, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else f" (known: {', '.join(known)})"
    return f"'{value}' is not a declared {what}{hint}"
