"""arXiv: placeholder until the arXiv checks land."""

from __future__ import annotations

from typing import Any

from anthology.diagnostics import Code, Diagnostic
from anthology.model import Registry

NAME = "arxiv"
CODES: list[Code] = []


def check(registry: Registry, context: Any) -> list[Diagnostic]:
    return []
