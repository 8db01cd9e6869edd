"""The checks. Each is a module with `NAME`, `CODES` and `check(registry, context)`.

A check is a pure function from the registry model (and the run's context) to
diagnostics; it never reads files itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from types import ModuleType

ORDER = ("schema", "ids", "succession", "citations", "arxiv")


class _Checks(Mapping[str, ModuleType]):
    """Check modules by name, imported on first use to keep start-up fast."""

    def __getitem__(self, name: str) -> ModuleType:
        if name not in ORDER:
            raise KeyError(name)
        return importlib.import_module(f"anthology.checks.{name}")

    def __iter__(self) -> Iterator[str]:
        return iter(ORDER)

    def __len__(self) -> int:
        return len(ORDER)


CHECKS = _Checks()


CODE_OWNERS = (
    "anthology.pipeline", "anthology.loader", *(f"anthology.checks.{name}" for name in ORDER),
    "anthology.checks.tombstones",
    "anthology.render.sections", "anthology.render.markdown", "anthology.render.writer",
    "anthology.fix.filefix", "anthology.fix.files",
    "anthology.legacy.research", "anthology.legacy.published", "anthology.legacy.importer",
    "anthology.legacy.drafts", "anthology.legacy.identity", "anthology.legacy.attic",
)


def all_codes() -> list[ModuleType]:
    """Every module that owns diagnostic codes, in the order the docs list them."""
    return [importlib.import_module(name) for name in CODE_OWNERS]
