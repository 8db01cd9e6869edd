"""Headless Chromium for the page's tests: Debian's binary driven by Playwright.

No browser is downloaded: Playwright launches the system Chromium. Without one the
browser tests skip, except under CI (the CI variable set), where they fail. Every page
a test opens is watched: a dialog, a console error, an uncaught exception or a request to
any host but 127.0.0.1 fails the test.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from site_registry import build, write_sample

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-quic", "--disable-extensions", "--disable-default-apps",
]
DESKTOP = {"width": 1280, "height": 900}


def chromium_paths() -> list[str]:
    """ANTHOLOGY_CHROMIUM if set, else every Chromium or Chrome on PATH, Debian's first."""
    named = os.environ.get("ANTHOLOGY_CHROMIUM")
    if named:
        return [named]
    found = (shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome"))
    return list(dict.fromkeys(path for path in found if path))


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI needs the browser tests to run, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import Error, expect, sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (pip install playwright)")
    paths = chromium_paths()
    if not paths:
        unavailable("no Chromium found (apt-get install chromium)")
    expect.set_options(timeout=30_000)
    with sync_playwright() as playwright:
        failures = []
        for path in paths:  # a distribution's snap stub may be first on PATH and not start
            try:
                launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
                break
            except Error as err:
                failures.append(f"{path}: {err.message.splitlines()[0]}")
        else:
            unavailable("Chromium did not start: " + "; ".join(failures))
        yield launched
        launched.close()


@dataclass
class Watch:
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    remote: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return ([f"dialog: {d}" for d in self.dialogs] + [f"error: {e}" for e in self.errors]
                + [f"request to {r}" for r in self.remote])


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("file", "data", "about") or parts.hostname == "127.0.0.1"


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def open_page(browser: Any, watch: Watch) -> Iterator[Callable[..., Any]]:
    """`open_page(url, viewport=DESKTOP)`: a fresh tab on the page, once its script ran."""
    contexts: list[Any] = []

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_request(route: Any) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    def open_(url: str, viewport: dict[str, int] = DESKTOP, ready: bool = True) -> Any:
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        context.route("**/*", on_request)
        page = context.new_page()
        page.on("dialog", on_dialog)
        page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: watch.errors.append(str(e)))
        page.on("request", lambda r: None if is_local(r.url) else watch.remote.append(r.url))
        page.goto(url)
        if ready:
            page.wait_for_selector("html[data-ready]", state="attached")
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not watch.problems(), watch.problems()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """`serve(folder)`: the folder over HTTP on 127.0.0.1, at a sub-path; returns its URL."""
    servers: list[ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        root = folder.parent.parent
        handler = functools.partial(_Quiet, directory=str(root))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        sub_path = folder.relative_to(root).as_posix()
        return f"http://127.0.0.1:{server.server_address[1]}/{sub_path}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small hand-written registry's page (tests/site_registry.py), built once."""
    root = write_sample(tmp_path_factory.mktemp("sample"))
    return build(root, root / "public" / "anthology")


@pytest.fixture(scope="session")
def url(sample_site: Path) -> str:
    return sample_site.as_uri()
