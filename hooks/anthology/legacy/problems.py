"""What the old data got wrong, or what the import had to decide, tied to an imported paper
so it can be reported at a position in the imported files."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from anthology.diagnostics import Code

if TYPE_CHECKING:
    from anthology.legacy.drafts import Draft


@dataclass
class Problem:
    code: Code
    message: str
    draft: Draft
    key: str | None = None  # the paper field it is about
    recommendation: str | None = None  # the recommendation id it is about
    source: tuple[str, int, int] | None = None  # where in the old files
