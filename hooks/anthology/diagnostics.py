"""What every check produces: a finding with a stable code at a file, line and column."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # informational; never fails a run


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int  # 1-based; 0 when the finding is about the file as a whole
    col: int  # 1-based; 0 when the finding is about the file as a whole
    severity: Severity
    code: str
    message: str

    def fails(self, strict: bool) -> bool:
        if self.severity is Severity.ERROR:
            return True
        return strict and self.severity is Severity.WARNING


@dataclass(frozen=True)
class Code:
    """A diagnostic code a check owns, documented with an example that triggers it."""

    code: str
    severity: Severity
    summary: str
    example: str = ""

    def at(self, path: str, line: int, col: int, message: str) -> Diagnostic:
        return Diagnostic(path, line, col, self.severity, self.code, message)


def exit_status(diagnostics: list[Diagnostic], strict: bool) -> int:
    return 1 if any(d.fails(strict) for d in diagnostics) else 0
