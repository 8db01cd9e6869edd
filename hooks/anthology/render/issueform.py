"""The "new practice" issue form for GitHub, its topic and context options from the registry.

A derived file like REGISTRY.md: `anthology render` rewrites it when a topic or context
is added, so the form never offers a choice the checks would refuse. Labels come from
`anthology.proposal.FIELDS`, which `anthology from-issue` reads the answers by.
"""

from __future__ import annotations

import json

from anthology.model import Registry
from anthology.proposal import FIELDS, STATUSES, Field

HEADER = """\
# Written by `anthology render` from registry/topics.yaml: edit that file, not this one.
name: New practice
description: Propose a training practice, backed by a paper, for the registry.
title: "New practice: "
labels: [new-practice]
body:
  - type: markdown
    attributes:
      value: >-
        A maintainer turns this form into a pull request with `anthology from-issue`.
        One practice per form; the paper's metadata comes from arXiv.
"""


def issue_form(registry: Registry) -> str:
    options = {
        "topic": [t.id for t in registry.topics if t.id],
        "applies_to": [c.id for c in registry.contexts if c.id],
        "status": list(STATUSES),
    }
    lines = [HEADER.rstrip("\n")]
    for field in FIELDS:
        lines.extend(_field(field, options.get(field.key)))
    return "\n".join(lines) + "\n"


def _field(field: Field, options: list[str] | None) -> list[str]:
    kind = {"multi": "dropdown"}.get(field.kind, field.kind)
    lines = [f"  - type: {kind}", f"    id: {field.key}", "    attributes:",
             f"      label: {_quote(field.label)}", f"      description: {_quote(field.help)}"]
    if field.kind == "multi":
        lines.append("      multiple: true")
    if options is not None:
        lines.append("      options:")
        lines.extend(f"        - {_quote(option)}" for option in options)
    lines += ["    validations:", f"      required: {'true' if field.required else 'false'}"]
    return lines


def _quote(text: str) -> str:
    """A YAML scalar that reads back as exactly `text` (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)
