"""An on-disk memo of work derived from file contents (parsed data, schema findings).

Keys are content digests, so an entry can never be stale, and a memo written by another
release is not read (findings may be worded differently there). The file is rewritten
atomically (temporary file + rename): two hook processes at once can only lose each
other's new entries, never corrupt the file. Entries of a kind a run used (parsed files,
schema findings) that it did not use are dropped: they belong to earlier file versions.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from anthology import __version__

FORMAT = 3  # bump when the shape of cached values changes
STAMP = f"{FORMAT}:{__version__}"  # a new release may word its findings differently
KEEP_RUNS = 16  # whole-run results kept besides the ones a run used (one per hook, say)
SMALL = 500  # in a memo of N >= SMALL entries, fewer than N / SMALL new ones are not saved


def cache_folder() -> Path:
    configured = os.environ.get("ANTHOLOGY_CACHE_DIR")
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "anthology"


def kept(name: str, make: Callable[[], Any]) -> Any:
    """A value (of the types marshal writes) made once and kept in the cache folder as
    `name`, which must change when the value would: made again when the file is
    missing or unreadable, never kept with ANTHOLOGY_NO_CACHE."""
    if os.environ.get("ANTHOLOGY_NO_CACHE"):
        return make()
    file = cache_folder() / name
    try:
        return marshal.loads(file.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = make()
    _store(file, value)
    return value


def _store(file: Path, value: Any) -> None:
    """Write `value` marshalled, atomically (temporary file + rename)."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(marshal.dumps(value))
            os.replace(tmp, file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a cache that can't be written only costs time


class Memo:
    def __init__(self, file: Path | None) -> None:
        self.file = file
        self._loaded: dict[str, Any] | None = None if file is not None else {}
        self._used: dict[str, Any] = {}
        self._dirty = False

    @classmethod
    def for_root(cls, root: Path, kind: str = "memo") -> Memo:
        """The memo of one repository; `kind` keeps small, hot memos in files of their own."""
        if os.environ.get("ANTHOLOGY_NO_CACHE"):
            return cls(None)
        name = hashlib.sha1(str(root.resolve()).encode()).hexdigest()[:16]
        return cls(cache_folder() / f"{kind}-{name}.marshal")

    @property
    def _old(self) -> dict[str, Any]:
        if self._loaded is None:
            self._loaded = self._read()
        return self._loaded

    def get(self, key: str) -> Any:
        if key in self._used:
            return self._used[key]
        value = self._old.get(key)
        if value is not None:
            self._used[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        self._used[key] = value
        self._dirty = True

    def save(self) -> None:
        if self.file is None or self._loaded is None and not self._dirty:
            return
        dropped = self._dropped()
        if not (self._dirty or dropped):
            return
        if self._few_new():
            return  # rewriting every entry for one new file costs more than redoing that file
        kept = {k: v for k, v in self._old.items() if k not in dropped}
        _store(self.file, (STAMP, {**kept, **self._used}))

    def _dropped(self) -> set[str]:
        """Old entries this run shows are obsolete: the unused ones of a kind it used (a
        file's earlier versions), not those of kinds it never asked for, which another
        command, or another split hook, still needs; and all but the last KEEP_RUNS runs."""
        kinds = {key.partition(":")[0] for key in self._used}
        unused = [key for key in self._old if key not in self._used]
        runs = [key for key in unused if key.startswith("run:")]
        return set(runs[:-KEEP_RUNS]) | {key for key in unused if not key.startswith("run:")
                                         and key.partition(":")[0] in kinds}

    def _few_new(self) -> bool:
        """A run over a large memo that added only a handful of entries (one edited file)."""
        new = sum(1 for key in self._used if key not in self._old and not key.startswith("run:"))
        return len(self._old) >= SMALL and new * SMALL < len(self._old)

    def _read(self) -> dict[str, Any]:
        assert self.file is not None
        try:
            with self.file.open("rb") as stream:
                # loads of the whole file: load(stream) reads it a few bytes at a time
                version, entries = marshal.loads(stream.read())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return entries if version == STAMP and isinstance(entries, dict) else {}
