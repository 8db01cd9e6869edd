"""FakeArxiv: a real HTTP server on 127.0.0.1 imitating export.arxiv.org/api/query."""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .faults import CANNED, PAGE, Fault, FaultKind
from .feed import render_entry, render_error, render_feed
from .log import RequestLog, RequestRecord
from .papers import FakePaper, parse_id

Params = Mapping[str, list[str]]


def split_ids(params: Params) -> tuple[str, ...]:
    return tuple(i for v in params.get("id_list", []) for i in v.split(",") if i)


class FakeArxiv:
    """The arXiv query API on 127.0.0.1:<random port>; see the package docstring."""

    def __init__(self, papers: Iterable[FakePaper] = (), *, seed: int | None = 0,
                 error_status: int = 400, max_url_length: int = 7000) -> None:
        self.error_status = error_status  # 200 imitates the older API
        self.max_url_length = max_url_length  # longer request targets get 414
        self.log = RequestLog()
        self._papers: dict[str, FakePaper] = {}
        self._faults: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._random = random.Random(seed)
        self._stopping = threading.Event()
        self._open: set[socket.socket] = set()
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None
        self.add(*papers)

    # -- papers and faults ---------------------------------------------------------------
    def add(self, *papers: FakePaper) -> None:
        with self._lock:
            self._papers.update((p.arxiv_id, p) for p in papers)

    def script(self, kind: FaultKind | str, times: int = 1, *, seconds: float = 0.0,
               retry_after: str | float | None = None, chunk: int = 256,
               pause: float = 0.01) -> None:
        """Queue `times` copies of a fault; each request consumes the oldest one."""
        ra = None if retry_after is None else str(retry_after)
        fault = Fault(FaultKind(kind), seconds, ra, chunk, pause)
        with self._lock:
            self._faults.extend([fault] * times)

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    @property
    def pending_faults(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def _next_fault(self) -> Fault | None:
        with self._lock:
            return self._faults.popleft() if self._faults else None

    # -- the API itself ------------------------------------------------------------------
    def respond(self, params: Params, *, empty: bool = False) -> tuple[int, bytes]:
        """Status and Atom body for an /api/query request with these parameters."""
        # Echoed unencoded in the feed's title and self link, as arXiv does.
        query = (f"search_query=&id_list={','.join(split_ids(params))}"
                 f"&start={_last(params, 'start', '0')}"
                 f"&max_results={_last(params, 'max_results', '10')}")
        wanted: list[tuple[str, int | None]] = []
        for raw in split_ids(params):
            parsed = parse_id(raw)
            if parsed is None:
                return self.error_status, render_error(
                    query, f"incorrect_id_format_for_{raw}", f"incorrect id format for {raw}")
            wanted.append(parsed)
        try:
            start = max(int(_last(params, "start", "0")), 0)
            max_results = max(int(_last(params, "max_results", "10")), 0)
        except ValueError:
            return self.error_status, render_error(query, "start_and_max_results_must_be_integers",
                                                   "start and max_results must be integers")
        entries: dict[tuple[str, int], str] = {}  # keyed by versioned id: duplicates collapse
        with self._lock:
            for base, number in wanted:
                paper = self._papers.get(base)
                found = paper.version(number) if paper and not empty else None
                if paper and found:
                    entries.setdefault((base, found[0]), render_entry(paper, *found))
            page = list(entries.values())[start:start + max_results]
            if len(page) > 1:  # a real shuffle: never the order asked for
                shuffled = page[:]
                while shuffled == page:
                    self._random.shuffle(shuffled)
                page = shuffled
        return 200, render_feed(query, page, len(entries), start, max_results)

    # -- server lifecycle ----------------------------------------------------------------
    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("FakeArxiv is not started")
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    @property
    def url(self) -> str:
        return self.base_url + "/api/query"

    def start(self) -> FakeArxiv:
        if self._httpd is not None:
            raise RuntimeError("FakeArxiv already started")
        self._stopping.clear()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01},
            name="fake-arxiv", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop accepting, cut open connections, join every server thread."""
        if self._httpd is None or self._thread is None:
            return
        self._stopping.set()
        self._httpd.shutdown()
        with self._lock:
            for sock in self._open:
                _shutdown(sock)
        self._httpd.server_close()  # joins the handler threads (block_on_close)
        self._thread.join()
        self._httpd = self._thread = None

    def __enter__(self) -> FakeArxiv:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # -- used by the handler -------------------------------------------------------------
    def _register(self, sock: socket.socket, alive: bool) -> None:
        with self._lock:
            if not alive:
                self._open.discard(sock)
                return
            self._open.add(sock)
            if self._stopping.is_set():
                _shutdown(sock)

    def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._stopping.wait(seconds)


def _last(params: Params, name: str, default: str) -> str:
    return params.get(name, [default])[-1]


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # so that server_close() joins the handler threads
    block_on_close = True
    fake: FakeArxiv

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients hanging up and scripted resets are expected; a bug in the double is not.
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like the real service
    timeout = 30  # a safety net; stop() does not wait for it
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes: without this, Nagle's algorithm and
        # the client's delayed ACK add ~40 ms to every response.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.fake._register(self.connection, alive=True)

    def finish(self) -> None:
        self.server.fake._register(self.connection, alive=False)
        with contextlib.suppress(OSError):
            super().finish()

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._serve(b"")

    def do_POST(self) -> None:
        self._serve(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

    def _serve(self, body: bytes) -> None:
        fake = self.server.fake
        target = urlsplit(self.path)
        params = parse_qs(target.query, keep_blank_values=True)
        form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        for key, values in form.items():
            params.setdefault(key, []).extend(values)
        fault = fake._next_fault()
        kind = fault.kind if fault else None
        fake.log.append(RequestRecord(
            time.monotonic(), time.time(), self.command, target.path, params, split_ids(params),
            self.headers.get("User-Agent"), dict(self.headers.items()), kind))
        fake._sleep(fault.seconds if fault else 0.0)
        if kind is FaultKind.RESET:
            return self._reset()
        ctype = "application/atom+xml; charset=UTF-8"
        if len(self.path) > fake.max_url_length:
            status, payload = 414, PAGE.format("414 Request-URI Too Long", "").encode()
            ctype = "text/html"
        elif target.path != "/api/query":
            status, payload = 404, PAGE.format("404 Not Found", "").encode()
            ctype = "text/html"
        elif kind in CANNED:
            status, page = CANNED[kind]
            payload, ctype = page.encode(), "text/html; charset=utf-8"
        else:
            status, payload = fake.respond(params, empty=kind is FaultKind.EMPTY_FEED)
            if kind is FaultKind.MALFORMED_XML:
                payload = payload[: len(payload) // 2]
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        if fault and fault.retry_after is not None:
            self.send_header("Retry-After", fault.retry_after)
        self.end_headers()
        if kind in (FaultKind.TRUNCATED, FaultKind.RESET_MID_BODY):
            self.wfile.write(payload[: len(payload) // 2])
            self.close_connection = True
            return self._reset() if kind is FaultKind.RESET_MID_BODY else None
        if kind is FaultKind.SLOW and fault:
            for i in range(0, len(payload), max(fault.chunk, 1)):
                fake._sleep(fault.pause if i else 0.0)
                self.wfile.write(payload[i:i + fault.chunk])
            return None
        self.wfile.write(payload)
        return None

    def _reset(self) -> None:
        """Close with SO_LINGER 0, so the peer sees a TCP reset rather than a clean end."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True
