"""Scriptable faults: what the fake server does instead of (or on top of) a normal answer."""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import formatdate
from enum import Enum


class FaultKind(str, Enum):
    """What to do instead of (or on top of) a normal response."""

    DELAY = "delay"  # normal response after `seconds` (every kind honours `seconds`)
    SLOW = "slow"  # normal response, body trickled `chunk` bytes at a time, `pause` apart
    HTTP_403 = "403"  # HTML robot page
    HTTP_429 = "429"
    HTTP_500 = "500"
    HTTP_502 = "502"
    HTTP_503 = "503"
    RESET = "reset"  # close the socket with a TCP reset, no response at all
    RESET_MID_BODY = "reset_mid_body"  # headers and half the body, then a reset
    TRUNCATED = "truncated"  # full Content-Length, half the body, then a clean close
    MALFORMED_XML = "malformed_xml"  # HTTP 200, the feed cut in half
    HTML = "html"  # HTTP 200 with an HTML maintenance page
    EMPTY_FEED = "empty_feed"  # HTTP 200, valid feed with no entries, even for existing ids


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    seconds: float = 0.0  # wait before the status line
    retry_after: str | None = None  # Retry-After header value, for any kind
    chunk: int = 256  # SLOW: bytes per write
    pause: float = 0.01  # SLOW: seconds between writes


def http_date(seconds_from_now: float) -> str:
    """An HTTP-date for Retry-After, e.g. 'Wed, 21 Oct 2026 07:28:00 GMT'."""
    return formatdate(time.time() + seconds_from_now, usegmt=True)


PAGE = (
    "<!DOCTYPE html>\n<html><head><title>{0}</title></head>"
    "<body><h1>{0}</h1><p>{1}</p></body></html>\n"
)
CANNED: dict[FaultKind, tuple[int, str]] = {
    FaultKind.HTTP_403: (403, PAGE.format(
        "403 Forbidden", "Access denied: automated robot suspected. See arxiv.org/help/robots.")),
    FaultKind.HTTP_429: (429, PAGE.format("429 Too Many Requests", "Rate exceeded.")),
    FaultKind.HTTP_500: (500, PAGE.format("500 Internal Server Error", "Internal error.")),
    FaultKind.HTTP_502: (502, PAGE.format("502 Bad Gateway", "Bad gateway.")),
    FaultKind.HTTP_503: (503, PAGE.format("503 Service Unavailable", "Try again later.")),
    FaultKind.HTML: (200, PAGE.format("arXiv maintenance", "arXiv is undergoing maintenance.")),
}
