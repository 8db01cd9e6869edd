"""For the arXiv tests: an injected clock, a client wired to the fake server, paper files."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from anthology.arxiv.cache import ArxivCache
from anthology.arxiv.client import Client, Settings
from fake_arxiv import FakeArxiv


class FakeClock:
    """Time that moves only when the code under test sleeps (or a test advances it)."""

    def __init__(self, start: float | None = None) -> None:
        self.t = time.time() if start is None else start
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += max(seconds, 0.0)

    def advance(self, seconds: float) -> None:
        self.t += seconds


FAST = Settings(spacing=0.0, deadline=60.0, connect_timeout=2.0, read_timeout=2.0, retries=3)


def client_for(server: FakeArxiv, folder: Path | None, clock: Any = None,
               warnings: list[str] | None = None, **settings: Any) -> Client:
    cache = ArxivCache(folder, warn=(warnings.append if warnings is not None else lambda _: None))
    return Client(replace(FAST, **{"api": server.url, **settings}), cache, clock=clock)


FAST_CONFIG = "[arxiv]\nspacing = 0.0\ndeadline = 10.0\nretries = 1\n"


def paper(pid: str, title: str, author: str, year: int, arxiv: str, evidence: str = "") -> str:
    extra = f"\n    evidence:\n      - arxiv: {json.dumps(evidence)}" if evidence else ""
    return (f"id: {pid}\ntitle: {json.dumps(title)}\nfirst_author: {json.dumps(author)}\n"
            f"year: {year}\narxiv: {json.dumps(arxiv)}\nrecommendations:\n"
            f"  - id: MLR-{year}-{pid}-0001\n    text: Do the thing.\n"
            f"    topic: training-optimization\n    status: standard{extra}\n")
