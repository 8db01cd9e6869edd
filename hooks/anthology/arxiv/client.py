"""Batched lookups against the arXiv query API, following arxiv.md's policy for a hook.

Ids fresh in the cache are answered from it. The rest go in batches (at most 100 ids, with
`max_results` sent), one request at a time, spaced by the shared schedule, each within the
run's deadline. 429, 5xx, resets and unreadable bodies are retried with capped exponential
backoff that honours Retry-After; a refused connection, a failed DNS lookup or a timeout
ends the run's asking at once (the network or arXiv is out of reach, and retrying would
only hold up the commit). An id is "not found" only when two answers,
at least one spacing apart, both lack it; anything short of an answer is "unknown".
Requests start at least `spacing` seconds after the previous one started and ended.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from anthology import __version__
from anthology.arxiv.cache import MISSING, ArxivCache, folder_for
from anthology.arxiv.feed import Entry, Feed, FeedError, parse_feed
from anthology.arxiv.transport import (
    Clock,
    HttpTransport,
    Response,
    SystemClock,
    Transport,
    TransportError,
    retry_after,
)
from anthology.config import Config

BACKOFF_CAP = 60.0
USER_AGENT = (f"anthology-hooks/{__version__} (registry arXiv check; one batched request "
              "at a time, results cached)")
_VERSIONED = re.compile(r"(?P<base>.+?)v(?P<version>\d+)")


class Outcome(str, Enum):
    FOUND = "found"
    NOT_FOUND = "not found"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Lookup:
    outcome: Outcome
    entry: Entry | None = None
    reason: str = ""  # why the outcome is unknown


@dataclass(frozen=True)
class Settings:
    api: str = "https://export.arxiv.org/api/query"
    batch_size: int = 100
    spacing: float = 3.0
    deadline: float = 20.0
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    retries: int = 3
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class _Failure:
    reason: str
    retry: bool = False
    wait: float | None = None  # Retry-After, in seconds


Progress = Callable[[int, int, int], None]  # ids settled, ids asked for, batches left


class Client:
    def __init__(self, settings: Settings, cache: ArxivCache, clock: Clock | None = None,
                 transport: Transport | None = None, progress: Progress | None = None) -> None:
        self.settings = settings
        self.cache = cache
        self.clock = clock or SystemClock()
        self.transport = transport  # made on the first request: a warm cache needs no HTTP
        self.progress = progress
        self.deadline = self.clock.now() + settings.deadline
        self.requests = 0
        self.stopped: str | None = None  # once set, no further requests this run

    def lookup(self, keys: Iterable[str]) -> dict[str, Lookup]:
        """Outcome per id as given (canonical, with or without a version)."""
        results: dict[str, Lookup] = {}
        todo: list[str] = []
        now = self.clock.now()
        for key in dict.fromkeys(keys):
            cached = self.cache.get(key, now)
            if isinstance(cached, Entry):
                results[key] = Lookup(Outcome.FOUND, cached)
            elif cached == MISSING:
                results[key] = Lookup(Outcome.NOT_FOUND)
            else:
                todo.append(key)
        missing_once: list[str] = []
        asked = set(todo)
        self._ask(todo, results, missing_once, asked)
        self._ask(missing_once, results, None, asked)
        self.cache.save(self.clock.now())
        return results

    def _ask(self, keys: list[str], results: dict[str, Lookup], missing_once: list[str] | None,
             asked: set[str]) -> None:
        size = max(1, min(self.settings.batch_size, 100))
        batches = deque(keys[i:i + size] for i in range(0, len(keys), size))
        while batches:
            batch = batches.popleft()
            answer = self._fetch(batch) if self.stopped is None else _Failure(self.stopped)
            if isinstance(answer, _Failure):
                results.update((key, Lookup(Outcome.UNKNOWN, reason=answer.reason))
                               for key in batch)
            elif answer.errors:
                rest = self._rejected(batch, answer, results)
                if rest:
                    batches.appendleft(rest)
            else:
                self._settle(batch, answer, results, missing_once)
            if self.progress is not None:
                self.progress(len(asked & results.keys()), len(asked), len(batches))

    def _settle(self, batch: list[str], feed: Feed, results: dict[str, Lookup],
                missing_once: list[str] | None) -> None:
        now = self.clock.now()
        for key in batch:
            entry = _match(key, feed.entries)
            if entry is not None:
                results[key] = Lookup(Outcome.FOUND, entry)
                self.cache.put(key, entry, now)
            elif missing_once is not None:
                missing_once.append(key)
            else:
                results[key] = Lookup(Outcome.NOT_FOUND)
                self.cache.put(key, MISSING, now)

    def _rejected(self, batch: list[str], feed: Feed, results: dict[str, Lookup]) -> list[str]:
        """Ids arXiv refused as malformed are unknown; the rest of the batch is asked again."""
        bad = set(feed.malformed_ids) & set(batch)
        if not bad:
            reason = f"arXiv answered with an error ({', '.join(feed.errors)})"
            results.update((key, Lookup(Outcome.UNKNOWN, reason=reason)) for key in batch)
            return []
        for key in bad:
            results[key] = Lookup(Outcome.UNKNOWN, reason="arXiv rejects the format of this id")
        return [key for key in batch if key not in bad]

    def _fetch(self, batch: list[str]) -> Feed | _Failure:
        s = self.settings
        params = {"id_list": ",".join(batch), "max_results": str(max(s.batch_size, len(batch)))}
        if self.transport is None:
            self.transport = HttpTransport(s.user_agent, self.clock)
        attempt = 0
        while True:
            now = self.clock.now()
            slot = self.cache.reserve(now, s.spacing, self.deadline)
            if slot is None:
                return self._stop(self._too_late(now))
            self.clock.sleep(slot - now)
            self.requests += 1
            left = max(0.001, self.deadline - self.clock.now())
            timeout = (min(s.connect_timeout, left), min(s.read_timeout, left))
            try:
                answer = _classify(self.transport(s.api, params, timeout, self.deadline),
                                   self.clock.now())
            except TransportError as err:
                answer = _Failure(str(err), retry=err.retry)
            # spacing counts from the end of this request too: arXiv sees them apart even
            # when this one arrived late
            self.cache.hold_off(self.clock.now() + s.spacing, self.clock.now())
            if not isinstance(answer, _Failure):
                return answer
            if not answer.retry:
                return self._stop(answer.reason)
            attempt += 1
            now = self.clock.now()
            delay = min(BACKOFF_CAP, max(s.spacing, 0.001) * 2 ** (attempt - 1))
            if answer.wait is not None:
                delay = max(delay, answer.wait)
                self.cache.hold_off(now + answer.wait, now)
            if attempt > s.retries:
                return self._stop(f"{answer.reason}; gave up after {attempt} attempts")
            if now + delay >= self.deadline:
                return self._stop(f"{answer.reason}; no time left to retry within the "
                                  f"{s.deadline:g} s limit")
            self.cache.hold_off(now + delay, now)

    def _stop(self, reason: str) -> _Failure:
        self.stopped = reason
        return _Failure(reason)

    def _too_late(self, now: float) -> str:
        at = self.cache.next_request(now)
        if at > self.deadline and at - now > self.settings.spacing + 1:
            when = time.strftime("%H:%M:%S", time.localtime(at))
            return f"arXiv is not asked again before {when} (it asked clients to wait)"
        return f"not asked: the {self.settings.deadline:g} s time limit for arXiv was reached"


def _classify(response: Response, now: float) -> Feed | _Failure:
    status = response.status
    if status in (200, 400):
        try:
            feed = parse_feed(response.body)
        except FeedError as err:
            if status == 400:
                return _Failure("arXiv answered HTTP 400")
            return _Failure(f"arXiv sent an {err}", retry=True)
        if status == 400 and not feed.errors:
            return _Failure("arXiv answered HTTP 400")
        return feed
    wait = retry_after(response.headers.get("Retry-After"), now)
    if status == 429 or status >= 500:
        return _Failure(f"arXiv answered HTTP {status}", retry=True, wait=wait)
    if status == 403:
        return _Failure("arXiv refused the request (HTTP 403)")
    return _Failure(f"arXiv answered HTTP {status}")


def _match(key: str, entries: list[Entry]) -> Entry | None:
    """The entry for an id: entries come in any order, so match by id, never by position."""
    versioned = _VERSIONED.fullmatch(key)
    if versioned:
        base, version = versioned["base"], int(versioned["version"])
        return next((e for e in entries if e.base == base and e.version == version), None)
    candidates = [e for e in entries if e.base == key]
    return max(candidates, key=lambda e: e.version) if candidates else None


def open_client(config: Config, progress: Progress | None = None) -> Client:
    """A client with the configured settings and the shared cache; problems with the cache
    are printed as warnings."""
    def warn(message: str) -> None:
        print(f"anthology: warning: {message}", file=sys.stderr)

    return Client(settings_from(config), ArxivCache(folder_for(config), warn), progress=progress)


def settings_from(config: Config, environ: Mapping[str, str] = os.environ) -> Settings:
    """Settings from the config's `arxiv` section; ANTHOLOGY_ARXIV_API overrides the URL."""
    def get(key: str) -> Any:
        return config.get("arxiv", key)

    contact = str(get("contact"))
    agent = USER_AGENT if not contact else USER_AGENT[:-1] + f"; mailto:{contact})"
    return Settings(environ.get("ANTHOLOGY_ARXIV_API") or str(get("api")), int(get("batch_size")),
                    float(get("spacing")), float(get("deadline")), float(get("connect_timeout")),
                    float(get("read_timeout")), int(get("retries")), agent)
