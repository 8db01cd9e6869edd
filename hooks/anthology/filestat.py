"""Registry files a run finds unchanged by their stat are not read, as git's index does.

For each file the stats memo keeps its (mtime, ctime, size, inode) and the blob id of the
bytes read with that stat. A file whose stat still matches is known by that id, and its
bytes are read only if a finding needs a position. A stat is recorded only for a file
unchanged for two seconds, so an edit within the clock's granularity can't hide behind
an equal stat; ctime changes with every write and can't be set back.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from anthology.cache import Memo
from anthology.document import Unread
from anthology.loader import blob_digest

SETTLED_NS = 2_000_000_000


def _key(status: os.stat_result) -> tuple[int, int, int, int]:
    return status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino


class Stats:
    def __init__(self, root: Path, limit: int) -> None:
        self.memo = Memo.for_root(root, "stats")
        self.limit = limit  # a larger file is read, so that its size is reported
        self.now = time.time_ns()
        self.seen: dict[str, os.stat_result] = {}  # stats taken before reading

    def unread(self, path: str, shown: str) -> Unread | None:
        """The file as recorded, when its stat says it has not changed since."""
        try:
            status = os.stat(path)
        except OSError:
            return None  # reading it says why
        entry = self.memo.get("stat:" + shown)
        if entry is not None and stat.S_ISREG(status.st_mode) and \
                status.st_size <= self.limit and tuple(entry[:4]) == _key(status):
            return Unread(path, entry[4])
        self.seen[shown] = status
        return None

    def record(self, shown: str, raw: bytes) -> None:
        """Remember the bytes just read with the stat taken before reading them."""
        status = self.seen.pop(shown, None)
        if status is None or not stat.S_ISREG(status.st_mode):
            return
        if self.now - max(status.st_mtime_ns, status.st_ctime_ns) > SETTLED_NS:
            self.memo.put("stat:" + shown, (*_key(status), blob_digest(raw)))

    def save(self) -> None:
        self.memo.save()
