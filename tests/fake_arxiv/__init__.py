"""A fake arXiv query API for tests: real HTTP on 127.0.0.1, scripted faults, request log.

    with FakeArxiv(EDGE_CASE_PAPERS) as server:       # or the `fake_arxiv` fixture
        server.script("503", times=2, retry_after="5")
        run_client(base_url=server.url)                # http://127.0.0.1:<port>/api/query
        assert [r.ids for r in server.log] == [...]

Modules: papers (FakePaper, EDGE_CASE_PAPERS, synthetic_papers), feed (Atom rendering),
faults (FaultKind, Fault), log (RequestLog, RequestRecord), server (FakeArxiv).
tests/conftest.py makes the fixture available with `from fake_arxiv import fake_arxiv`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .faults import Fault, FaultKind, http_date
from .log import RequestLog, RequestRecord
from .papers import (
    EDGE_CASE_PAPERS,
    REAL_PAPERS,
    SYNTHETIC_EDGE_CASES,
    WITHDRAWN,
    FakePaper,
    FakeVersion,
    parse_id,
    synthetic_papers,
)
from .server import FakeArxiv

__all__ = [
    "EDGE_CASE_PAPERS", "REAL_PAPERS", "SYNTHETIC_EDGE_CASES", "WITHDRAWN", "FakeArxiv",
    "FakePaper", "FakeVersion", "Fault", "FaultKind", "RequestLog", "RequestRecord",
    "fake_arxiv", "fake_arxiv_fixture", "http_date", "parse_id", "synthetic_papers",
]


@pytest.fixture(name="fake_arxiv")
def fake_arxiv_fixture() -> Iterator[FakeArxiv]:
    """A started FakeArxiv serving EDGE_CASE_PAPERS; stopped (threads joined) afterwards."""
    with FakeArxiv(EDGE_CASE_PAPERS) as server:
        yield server


# The fixture is named by its marker, so either binding provides `fake_arxiv`. conftest.py
# imports this one; a test module importing it directly uses `fake_arxiv_fixture`, which
# keeps linters from seeing each `fake_arxiv` argument as a redefinition of the import.
fake_arxiv = fake_arxiv_fixture
