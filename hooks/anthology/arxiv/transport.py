"""One HTTP request to the arXiv API, over requests, bounded by the run's deadline.

requests is imported only here, and only when a request is made. A `requests.Session`
honours HTTP(S)_PROXY / NO_PROXY from the environment. Every failure to get a complete
response is a `TransportError` with a short, readable reason.
"""

from __future__ import annotations

import http.client
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any, Protocol


class Clock(Protocol):
    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)


class TransportError(Exception):
    """No complete response: connection refused or reset, timeout, cut-off body.

    `retry` is set for the failures worth another try (a reset, a cut-off body); not for
    those that say the network or arXiv is out of reach (refused, no DNS, timeouts).
    """

    def __init__(self, message: str, retry: bool = False) -> None:
        super().__init__(message)
        self.retry = retry


class Transport(Protocol):
    def __call__(self, url: str, params: Mapping[str, str], timeout: tuple[float, float],
                 deadline: float) -> Response: ...


class HttpTransport:
    """GET with a descriptive User-Agent; the body is read in chunks and abandoned at `deadline`."""

    def __init__(self, user_agent: str, clock: Clock) -> None:
        import requests  # here, not at the first request: its import must not delay a slot

        self.clock = clock
        self._session: Any = requests.Session()
        self._session.headers["User-Agent"] = user_agent

    def __call__(self, url: str, params: Mapping[str, str], timeout: tuple[float, float],
                 deadline: float) -> Response:
        import requests
        import urllib3

        try:
            with self._session.get(url, params=dict(params), timeout=timeout,
                                   stream=True) as response:
                chunks = []
                # read1 returns what has arrived, so a trickling body meets the deadline
                while chunk := response.raw.read1(65536, decode_content=True):
                    chunks.append(chunk)
                    if self.clock.now() > deadline:
                        raise TransportError("the time limit passed while arXiv was answering")
                return Response(response.status_code, b"".join(chunks), dict(response.headers))
        except (requests.RequestException, urllib3.exceptions.HTTPError) as err:
            raise TransportError(*describe(err)) from None
        except (OSError, ValueError) as err:
            raise TransportError(f"the request failed ({type(err).__name__})") from None

    def close(self) -> None:
        self._session.close()


def describe(err: Exception) -> tuple[str, bool]:
    """A short reason for a failed request, and whether it is worth retrying."""
    import requests
    import urllib3

    cause = _root_cause(err)
    detail = f" ({type(cause).__name__})" if cause is not err else ""
    if isinstance(err, requests.ConnectTimeout):
        return "connecting to arXiv timed out", False
    if isinstance(err, (requests.ReadTimeout, urllib3.exceptions.ReadTimeoutError)):
        return "arXiv did not answer in time", False
    if isinstance(err, requests.exceptions.ProxyError):
        return "the proxy failed" + detail, False
    if isinstance(err, requests.exceptions.SSLError):
        return "the TLS connection failed" + detail, False
    if isinstance(cause, (urllib3.exceptions.IncompleteRead, http.client.IncompleteRead)) or \
            isinstance(err, requests.exceptions.ChunkedEncodingError):
        return "the response was cut off", True
    if isinstance(cause, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError)):
        return "the connection was reset", True
    if isinstance(cause, ConnectionRefusedError):
        return "arXiv refused the connection", False
    if isinstance(cause, socket.gaierror):
        return "the name of arXiv's host could not be looked up (no network or no DNS)", False
    if isinstance(err, requests.ConnectionError):
        return "could not connect to arXiv" + detail, False
    return f"the request failed{detail or f' ({type(err).__name__})'}", False


def _root_cause(err: BaseException) -> BaseException:
    seen = {id(err)}
    while True:
        nxt = err.__cause__ or err.__context__ or (
            err.args[-1] if err.args and isinstance(err.args[-1], BaseException) else None)
        if nxt is None or id(nxt) in seen:
            return err
        seen.add(id(nxt))
        err = nxt


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delay seconds or an HTTP date)."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)
