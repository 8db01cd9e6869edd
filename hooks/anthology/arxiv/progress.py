"""Progress of a long arXiv lookup, on a terminal only: ids checked / total, batches left."""

from __future__ import annotations

from typing import TextIO


class TerminalProgress:
    """Shown when `stream` is a terminal and more than `few` batches are needed."""

    def __init__(self, stream: TextIO, batch_size: int, few: int = 3) -> None:
        self.stream = stream
        self.threshold = max(batch_size, 1) * few
        self.shown = False
        self.active = _isatty(stream)

    def __call__(self, settled: int, total: int, batches_left: int) -> None:
        if not self.active or total <= self.threshold:
            return
        plural = "" if batches_left == 1 else "es"
        self.stream.write(f"\rarXiv: {settled}/{total} ids checked, {batches_left} "
                          f"batch{plural} left ")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
