"""What arXiv said, kept on disk, and when it may next be asked: shared by every hook run.

- `arxiv-results.json`: per id, found (metadata) or missing, with the time it was learnt.
  Found entries stay fresh for three to five weeks (spread by id, so a registry checked in
  one go does not expire in one go), missing ones for a day; unknown outcomes are never kept.
- `arxiv-schedule`: the earliest time the next request may start, so arXiv's spacing and a
  `Retry-After` hold across runs.

Both are rewritten atomically (temporary file + os.replace) while holding an exclusive lock
on `arxiv.lock`, and results are merged with what other processes wrote meanwhile. A file
that can't be read is discarded with a warning; a folder that can't be written only costs
time.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from anthology.arxiv.feed import Entry
from anthology.cache import cache_folder
from anthology.config import Config

FORMAT = 1
DAY = 86400.0
MISSING_LIFETIME = DAY
HOLD_OFF_LIMIT = DAY  # a schedule further ahead than this is treated as corrupt
MISSING = "missing"


def folder_for(config: Config, environ: Mapping[str, str] = os.environ) -> Path | None:
    """ANTHOLOGY_CACHE_DIR, else the config's `arxiv.cache_dir`, else the user's cache folder;
    None with ANTHOLOGY_NO_CACHE."""
    if environ.get("ANTHOLOGY_NO_CACHE"):
        return None
    if environ.get("ANTHOLOGY_CACHE_DIR"):
        return Path(environ["ANTHOLOGY_CACHE_DIR"])
    if config.get("arxiv", "cache_dir"):
        return config.path("arxiv", "cache_dir")
    return cache_folder()


def found_lifetime(key: str) -> float:
    return (21 + zlib.crc32(key.encode()) % 14) * DAY


class ArxivCache:
    def __init__(self, folder: Path | None, warn: Callable[[str], None] = lambda _: None) -> None:
        self.folder = folder
        self.warn = warn
        self._entries: dict[str, dict[str, Any]] = self._read_results(warn=True)
        self._new: dict[str, dict[str, Any]] = {}
        self._next_request = 0.0  # used when there is no folder

    # -- results -------------------------------------------------------------------------
    def get(self, key: str, now: float) -> Entry | str | None:
        """The fresh cached outcome for an id as queried: an Entry, MISSING, or None."""
        item = self._new.get(key) or self._entries.get(key)
        if item is None or not _fresh(key, item, now):
            return None
        if item.get("missing") is True:
            return MISSING
        return _entry(item.get("found"))

    def put(self, key: str, outcome: Entry | str, now: float) -> None:
        if isinstance(outcome, Entry):
            self._new[key] = {"at": now, "found": asdict(outcome)}
        else:
            self._new[key] = {"at": now, "missing": True}

    def save(self, now: float) -> None:
        if self.folder is None or not self._new:
            return
        with contextlib.suppress(OSError), self._lock():
            merged = {k: v for k, v in self._read_results(warn=False).items()
                      if _fresh(k, v, now)}
            for key, item in self._new.items():
                if key not in merged or merged[key]["at"] <= item["at"]:
                    merged[key] = item
            self._write(self.folder / "arxiv-results.json",
                        json.dumps({"format": FORMAT, "entries": merged}, ensure_ascii=False,
                                   sort_keys=True))
            self._entries, self._new = merged, {}

    # -- schedule ------------------------------------------------------------------------
    def reserve(self, now: float, spacing: float, deadline: float) -> float | None:
        """Book the next request slot: the time to start it, or None if not before `deadline`."""
        try:
            with self._lock():
                slot = max(now, self._read_schedule(now))
                if slot >= deadline:
                    return None
                self._write_schedule(slot + spacing)
                return slot
        except OSError:
            slot = max(now, self._next_request)
            if slot >= deadline:
                return None
            self._next_request = slot + spacing
            return slot

    def hold_off(self, until: float, now: float) -> None:
        """Nobody asks before `until` (arXiv said Retry-After, or requests keep failing)."""
        try:
            with self._lock():
                if until > self._read_schedule(now):
                    self._write_schedule(until)
        except OSError:
            self._next_request = max(self._next_request, until)

    def next_request(self, now: float) -> float:
        try:
            return max(now, self._read_schedule(now))
        except OSError:
            return max(now, self._next_request)

    # -- files ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        if self.folder is None:
            raise OSError("no cache folder")
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "arxiv.lock", "a+b") as handle:
            _lock_file(handle)
            yield  # closing the file releases the lock

    def _read_results(self, warn: bool) -> dict[str, dict[str, Any]]:
        if self.folder is None:
            return {}
        path = self.folder / "arxiv-results.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as err:
            if warn:
                self.warn(f"discarded the unreadable arXiv cache {path} ({err})")
            return {}
        entries = data.get("entries") if isinstance(data, dict) else None
        if not isinstance(entries, dict) or data.get("format") != FORMAT:
            if warn:
                self.warn(f"discarded the arXiv cache {path}: not a cache this version wrote")
            return {}
        return {k: v for k, v in entries.items()
                if isinstance(v, dict) and type(v.get("at")) in (int, float)}

    def _read_schedule(self, now: float) -> float:
        assert self.folder is not None
        try:
            value = float((self.folder / "arxiv-schedule").read_text(encoding="ascii"))
        except (FileNotFoundError, ValueError, UnicodeDecodeError):
            return 0.0
        return value if value - now <= HOLD_OFF_LIMIT else 0.0

    def _write_schedule(self, value: float) -> None:
        assert self.folder is not None
        self._write(self.folder / "arxiv-schedule", repr(value))

    @staticmethod
    def _write(path: Path, text: str) -> None:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def _fresh(key: str, item: dict[str, Any], now: float) -> bool:
    at: float = item["at"]
    if at > now + 60:
        return False
    lifetime = MISSING_LIFETIME if item.get("missing") is True else found_lifetime(key)
    return now - at < lifetime


def _entry(raw: Any) -> Entry | None:
    try:
        entry = Entry(**raw)
        entry = Entry(**{**raw, "authors": tuple(entry.authors)})
    except TypeError:
        return None
    ok = (isinstance(entry.base, str) and isinstance(entry.version, int)
          and isinstance(entry.title, str) and all(isinstance(a, str) for a in entry.authors)
          and isinstance(entry.published, str))
    return entry if ok else None


def _lock_file(handle: IO[bytes]) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
