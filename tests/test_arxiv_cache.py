"""The arXiv results cache: lifetimes, zero requests when warm, corruption and concurrency."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from anthology.arxiv.cache import DAY, ArxivCache, folder_for
from anthology.arxiv.client import Outcome
from anthology.config import Config
from arxiv_fakes import FakeClock, client_for
from fake_arxiv import FakeArxiv, synthetic_papers

REAL, MISSING = "1706.03762", "2999.99999"


def test_a_warm_cache_makes_zero_requests(fake_arxiv: FakeArxiv, tmp_path: Path) -> None:
    clock = FakeClock()
    client_for(fake_arxiv, tmp_path, clock).lookup([REAL, MISSING, "2004.00004v1"])
    asked = len(fake_arxiv.log)
    again = client_for(fake_arxiv, tmp_path, clock)
    results = again.lookup([REAL, MISSING, "2004.00004v1"])
    assert len(fake_arxiv.log) == asked and again.requests == 0
    assert {k: v.outcome for k, v in results.items()} == {
        REAL: Outcome.FOUND, MISSING: Outcome.NOT_FOUND, "2004.00004v1": Outcome.FOUND}
    assert results[REAL].entry is not None and results[REAL].entry.title == (
        "Attention Is All You Need")


def test_lifetimes(fake_arxiv: FakeArxiv, tmp_path: Path) -> None:
    clock = FakeClock()
    client_for(fake_arxiv, tmp_path, clock).lookup([REAL, MISSING])

    def asked_after(days: float) -> list[tuple[str, ...]]:
        clock.advance(days * DAY)
        fake_arxiv.log.clear()
        client_for(fake_arxiv, tmp_path, clock).lookup([REAL, MISSING])
        return [r.ids for r in fake_arxiv.log]

    assert asked_after(0.5) == []  # both fresh
    assert asked_after(0.6) == [(MISSING,), (MISSING,)]  # not-found lasts about a day
    assert asked_after(19) == [(MISSING,), (MISSING,)]  # found lasts weeks
    assert asked_after(17)[0] == (REAL, MISSING)  # ... but not five of them


def test_unknown_is_never_cached(fake_arxiv: FakeArxiv, tmp_path: Path) -> None:
    fake_arxiv.script("403")
    clock = FakeClock()
    assert client_for(fake_arxiv, tmp_path, clock).lookup([REAL])[REAL].outcome is Outcome.UNKNOWN
    assert client_for(fake_arxiv, tmp_path, clock).lookup([REAL])[REAL].outcome is Outcome.FOUND
    assert len(fake_arxiv.log) == 2


@pytest.mark.parametrize("content", [
    b"{not json", b"\xff\xfe\x00", b"[]", b'{"format": 999, "entries": {}}',
    b'{"format": 1, "entries": {"1706.03762": {"at": 1e18, "found": 3}}}',
    b'{"format": 1, "entries": {"1706.03762": {"at": "now", "found": {"title": 1}}}}',
])
def test_a_corrupt_cache_is_discarded_with_a_warning(
        fake_arxiv: FakeArxiv, tmp_path: Path, content: bytes) -> None:
    (tmp_path / "arxiv-results.json").write_bytes(content)
    (tmp_path / "arxiv-schedule").write_bytes(content)
    warnings: list[str] = []
    clock = FakeClock()
    results = client_for(fake_arxiv, tmp_path, clock, warnings).lookup([REAL])
    assert results[REAL].outcome is Outcome.FOUND
    whole_file_bad = not content.startswith(b'{"format": 1')
    assert len(warnings) == int(whole_file_bad)
    assert all("arxiv-results.json" in w for w in warnings)
    data = json.loads((tmp_path / "arxiv-results.json").read_text())
    assert REAL in data["entries"]  # rewritten whole


def test_an_unwritable_cache_folder_only_costs_time(fake_arxiv: FakeArxiv, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    results = client_for(fake_arxiv, blocker / "cache", FakeClock()).lookup([REAL])
    assert results[REAL].outcome is Outcome.FOUND


def test_without_a_folder_the_spacing_still_holds(fake_arxiv: FakeArxiv) -> None:
    clock = FakeClock()
    arxiv = client_for(fake_arxiv, None, clock, spacing=3.0, batch_size=1)
    arxiv.lookup([REAL, "1412.6980"])
    assert [s for s in clock.sleeps if s > 0] == [pytest.approx(3.0)]


WORKER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from anthology.arxiv.cache import ArxivCache
    from anthology.arxiv.client import Client, Settings
    url, folder, first, count = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    ids = [f"2301.{i:05d}" for i in range(first, first + count)]
    for chunk in range(0, count, 10):
        client = Client(Settings(api=url, spacing=0.0, batch_size=5), ArxivCache(folder))
        results = client.lookup(ids[chunk:chunk + 10])
        assert all(r.outcome.value == "found" for r in results.values()), results
""")


def test_concurrent_runs_do_not_corrupt_the_cache(tmp_path: Path) -> None:
    workers, per_worker = 4, 40
    with FakeArxiv(synthetic_papers(workers * per_worker)) as server:
        runs = [subprocess.Popen([sys.executable, "-c", WORKER, server.url, str(tmp_path),
                                  str(1 + w * per_worker), str(per_worker)])
                for w in range(workers)]
        assert [run.wait(timeout=60) for run in runs] == [0] * workers
    entries = json.loads((tmp_path / "arxiv-results.json").read_text())["entries"]
    assert len(entries) == workers * per_worker  # every process's results, none lost
    warm = ArxivCache(tmp_path)
    assert all(warm.get(f"2301.{i:05d}", FakeClock().now()) is not None
               for i in range(1, workers * per_worker + 1))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files left


def test_where_the_cache_lives(tmp_path: Path) -> None:
    plain = Config(tmp_path, "defaults", {})
    configured = Config(tmp_path, "anthology.toml", {"arxiv": {"cache_dir": ".cache/arxiv"}})
    env = {"ANTHOLOGY_CACHE_DIR": str(tmp_path / "env")}
    assert folder_for(plain, env) == tmp_path / "env"
    assert folder_for(configured, env) == tmp_path / "env"  # the environment wins
    assert folder_for(configured, {}) == tmp_path / ".cache" / "arxiv"
    assert folder_for(plain, {"XDG_CACHE_HOME": str(tmp_path / "xdg")}) is not None
    assert folder_for(configured, {**env, "ANTHOLOGY_NO_CACHE": "1"}) is None
