"""The request log: what clients sent, when, and with which headers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

from .faults import FaultKind


@dataclass(frozen=True)
class RequestRecord:
    monotonic: float  # time.monotonic() when the request was parsed
    wall: float  # time.time() at the same moment
    method: str
    path: str  # without the query string
    params: dict[str, list[str]]  # query string and form body merged
    ids: tuple[str, ...]  # id_list as sent, split on commas
    user_agent: str | None
    headers: dict[str, str] = field(default_factory=dict)
    fault: FaultKind | None = None  # the scripted fault this request consumed


class RequestLog:
    """Thread-safe list of RequestRecord, oldest first."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._records: list[RequestRecord] = []

    def append(self, record: RequestRecord) -> None:
        with self._lock:
            self._records.append(record)

    def clear(self) -> None:
        with self._lock:
            self._records.clear()

    @property
    def records(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._records)

    def gaps(self) -> list[float]:
        """Seconds between consecutive requests (monotonic clock)."""
        t = [r.monotonic for r in self.records]
        return [b - a for a, b in zip(t, t[1:], strict=False)]

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[RequestRecord]:
        return iter(self.records)

    def __getitem__(self, index: int) -> RequestRecord:
        return self.records[index]
