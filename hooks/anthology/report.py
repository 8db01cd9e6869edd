"""Reporters: diagnostics as text, JSON or GitHub workflow annotations."""

from __future__ import annotations

import json
import os
from collections import Counter
from typing import Any, TextIO

from anthology.diagnostics import Diagnostic

FORMATS = ("text", "json", "github")


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def summary(diagnostics: list[Diagnostic], **counts: int) -> dict[str, Any]:
    by_severity = Counter(d.severity.value for d in diagnostics)
    return {"errors": by_severity["error"], "warnings": by_severity["warning"],
            "notes": by_severity["note"], **counts}


def write(diagnostics: list[Diagnostic], fmt: str, out: TextIO, **counts: int) -> None:
    if fmt == "json":
        payload = {"diagnostics": [{"path": d.path, "line": d.line, "col": d.col,
                                    "severity": d.severity.value, "code": d.code,
                                    "message": d.message} for d in diagnostics],
                   "summary": summary(diagnostics, **counts)}
        out.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    for d in diagnostics:
        out.write((github_line(d) if fmt == "github" else text_line(d)) + "\n")
    if fmt == "text" and len(diagnostics) > 1:  # one line needs no count
        s = summary(diagnostics)
        out.write(f"{s['errors']} error(s), {s['warnings']} warning(s)\n")


def updated(out: TextIO) -> None:
    """After a hook rewrote files: pre-commit stops the commit, which needs them staged."""
    if os.environ.get("PRE_COMMIT") == "1":
        out.write("files were updated: `git add` them and commit again\n")


def text_line(d: Diagnostic) -> str:
    return f"{d.path}:{d.line}:{d.col}: {d.severity.value}[{d.code}] {d.message}"


def github_line(d: Diagnostic) -> str:
    level = {"error": "error", "warning": "warning"}.get(d.severity.value, "notice")
    props = f"file={_prop(d.path)},line={max(d.line, 1)},col={max(d.col, 1)},title={d.code}"
    return f"::{level} {props}::{_data(d.message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
