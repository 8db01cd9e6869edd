"""Batched lookups against the fake arXiv API over real HTTP: outcomes, faults, retries."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from anthology.arxiv.client import Outcome, settings_from
from anthology.config import Config
from arxiv_fakes import FakeClock, client_for
from fake_arxiv import FakeArxiv, http_date, synthetic_papers

FOUND, NOT_FOUND, UNKNOWN = Outcome.FOUND, Outcome.NOT_FOUND, Outcome.UNKNOWN
REAL, MISSING = "1706.03762", "2999.99999"


def outcomes(results: dict[str, object]) -> dict[str, Outcome]:
    return {key: lookup.outcome for key, lookup in results.items()}  # type: ignore[attr-defined]


def test_found_and_not_found(fake_arxiv: FakeArxiv, tmp_path: Path) -> None:
    arxiv = client_for(fake_arxiv, tmp_path, FakeClock())
    results = arxiv.lookup([REAL, MISSING, "2004.00004v1", "1706.03762v9"])
    assert outcomes(results) == {REAL: FOUND, MISSING: NOT_FOUND, "2004.00004v1": FOUND,
                                 "1706.03762v9": NOT_FOUND}
    entry = results[REAL].entry
    assert entry is not None and entry.authors[0] == "Ashish Vaswani"
    assert results["2004.00004v1"].entry.title == (  # type: ignore[union-attr]
        "Synthetic paper, first title of version one")
    # "not found" needs two answers without the id: the second asks only for the missing ones
    assert [r.ids for r in fake_arxiv.log] == [
        (REAL, MISSING, "2004.00004v1", "1706.03762v9"), (MISSING, "1706.03762v9")]
    assert fake_arxiv.log[0].params["max_results"] == ["100"]


def test_an_empty_feed_once_is_not_proof_of_absence(fake_arxiv: FakeArxiv, tmp_path: Path) -> None:
    fake_arxiv.script("empty_feed")
    results = client_for(fake_arxiv, tmp_path, FakeClock()).lookup([REAL, MISSING])
    assert outcomes(results) == {REAL: FOUND, MISSING: NOT_FOUND}


RETRIED = ["503", "429", "500", "502", "reset", "reset_mid_body", "truncated", "malformed_xml",
           "html"]


@pytest.mark.parametrize("fault", RETRIED)
def test_a_passing_fault_is_retried(fake_arxiv: FakeArxiv, tmp_path: Path, fault: str) -> None:
    fake_arxiv.script(fault, times=2)
    arxiv = client_for(fake_arxiv, tmp_path, FakeClock())
    assert outcomes(arxiv.lookup([REAL, MISSING])) == {REAL: FOUND, MISSING: NOT_FOUND}
    assert arxiv.requests == 4  # two faults, the answer, the confirmation of the missing id


@pytest.mark.parametrize("fault", [*RETRIED, "403"])
def test_a_lasting_fault_is_unknown_never_not_found(
        fake_arxiv: FakeArxiv, tmp_path: Path, fault: str) -> None:
    fake_arxiv.script(fault, times=10)
    arxiv = client_for(fake_arxiv, tmp_path, FakeClock(), retries=3)
    results = arxiv.lookup([REAL, MISSING])
    assert outcomes(results) == {REAL: UNKNOWN, MISSING: UNKNOWN}
    assert results[MISSING].reason
    assert len(fake_arxiv.log) == (1 if fault == "403" else 4)  # 403 is not asked again


def test_a_fault_while_confirming_leaves_the_id_unknown(
        fake_arxiv: FakeArxiv, tmp_path: Path) -> None:
    arxiv = client_for(fake_arxiv, tmp_path, FakeClock(), retries=0)
    fake_arxiv.script("delay")  # the first answer is normal
    fake_arxiv.script("503")
    assert outcomes(arxiv.lookup([MISSING])) == {MISSING: UNKNOWN}


def test_network_down_is_unknown(fake_arxiv: FakeArxiv, tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port that nothing listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    arxiv = client_for(fake_arxiv, tmp_path, FakeClock(), api=f"http://127.0.0.1:{port}/api/query")
    results = arxiv.lookup([REAL, MISSING])
    assert outcomes(results) == {REAL: UNKNOWN, MISSING: UNKNOWN}
    assert "refused" in results[REAL].reason
    assert arxiv.requests == 1  # a machine without network is not held up by retries


def test_timeouts_and_refusals_are_not_retried(fake_arxiv: FakeArxiv, tmp_path: Path) -> None:
    fake_arxiv.script("delay", seconds=0.3)
    arxiv = client_for(fake_arxiv, tmp_path, FakeClock(), read_timeout=0.05)
    results = arxiv.lookup([REAL])
    assert outcomes(results) == {REAL: UNKNOWN} and "in time" in results[REAL].reason
    assert arxiv.requests == 1


def test_ids_arxiv_rejects_are_unknown_and_the_rest_is_asked_again(
        fake_arxiv: FakeArxiv, tmp_path: Path) -> None:
    for status in (400, 200):  # the older API sent the error feed with 200
        fake_arxiv.error_status = status
        fake_arxiv.log.clear()
        results = client_for(fake_arxiv, tmp_path / str(status), FakeClock()).lookup(
            [REAL, "1706_03762"])
        assert outcomes(results) == {REAL: FOUND, "1706_03762": UNKNOWN}
        assert [r.ids for r in fake_arxiv.log] == [(REAL, "1706_03762"), (REAL,)]


def test_250_ids_take_3_requests(tmp_path: Path) -> None:
    papers = synthetic_papers(250)
    with FakeArxiv(papers) as server:
        arxiv = client_for(server, tmp_path, FakeClock())
        results = arxiv.lookup(p.arxiv_id for p in papers)
        assert set(outcomes(results).values()) == {FOUND} and len(results) == 250
        assert [len(r.ids) for r in server.log] == [100, 100, 50]
        assert {r.params["max_results"][0] for r in server.log} == {"100"}


def test_spacing_and_user_agent_from_the_request_log(tmp_path: Path) -> None:
    papers = synthetic_papers(30)
    with FakeArxiv(papers) as server:
        arxiv = client_for(server, tmp_path, batch_size=10, spacing=0.05)
        arxiv.lookup(p.arxiv_id for p in papers)
        assert len(server.log) == 3
        assert all(gap >= 0.05 for gap in server.log.gaps())
        agents = {r.user_agent for r in server.log}
        assert agents == {arxiv.settings.user_agent}
        assert arxiv.settings.user_agent.startswith("anthology-hooks/")


def test_spacing_holds_across_runs(fake_arxiv: FakeArxiv, tmp_path: Path) -> None:
    clock = FakeClock()
    client_for(fake_arxiv, tmp_path, clock, spacing=3.0).lookup([REAL])
    clock.advance(1.0)
    clock.sleeps.clear()
    client_for(fake_arxiv, tmp_path, clock, spacing=3.0).lookup(["1412.6980"])
    assert clock.sleeps == [pytest.approx(2.0)]


def test_backoff_doubles_and_honours_retry_after(fake_arxiv: FakeArxiv, tmp_path: Path) -> None:
    clock = FakeClock()
    fake_arxiv.script("503", times=2)
    fake_arxiv.script("429", retry_after="7")  # less than the backoff: the backoff wins
    fake_arxiv.script("429", retry_after="40")
    fake_arxiv.script("503", retry_after=http_date(120))
    arxiv = client_for(fake_arxiv, tmp_path, clock, spacing=3.0, retries=5, deadline=200.0)
    assert outcomes(arxiv.lookup([REAL])) == {REAL: FOUND}
    waits = [s for s in clock.sleeps if s > 0]
    assert waits[:4] == [pytest.approx(3.0), pytest.approx(6.0), pytest.approx(12.0),
                         pytest.approx(40.0)]
    assert 120 - 61 - 1 <= waits[4] <= 120 - 61 + 1  # an HTTP date, whole seconds, 61 s later
    assert len(waits) == 5 and len(fake_arxiv.log) == 6


def test_deadline_stops_retries(fake_arxiv: FakeArxiv, tmp_path: Path) -> None:
    clock = FakeClock()
    start = clock.now()
    fake_arxiv.script("503", times=20)
    arxiv = client_for(fake_arxiv, tmp_path, clock, spacing=3.0, retries=10, deadline=20.0)
    results = arxiv.lookup([REAL, MISSING])
    assert outcomes(results) == {REAL: UNKNOWN, MISSING: UNKNOWN}
    assert clock.now() - start < 20.0
    assert len(fake_arxiv.log) == 3  # at 0, 3 and 9 s; the next try (21 s) is past the limit
    assert "time" in results[REAL].reason


def test_retry_after_past_the_deadline_holds_off_the_next_runs(
        fake_arxiv: FakeArxiv, tmp_path: Path) -> None:
    clock = FakeClock()
    fake_arxiv.script("429", retry_after="3600")
    first = client_for(fake_arxiv, tmp_path, clock).lookup([REAL])
    assert outcomes(first) == {REAL: UNKNOWN}
    clock.advance(60)
    again = client_for(fake_arxiv, tmp_path, clock).lookup([REAL])
    assert outcomes(again) == {REAL: UNKNOWN} and "not asked again before" in again[REAL].reason
    assert len(fake_arxiv.log) == 1
    clock.advance(3600)
    assert outcomes(client_for(fake_arxiv, tmp_path, clock).lookup([REAL])) == {REAL: FOUND}


def test_a_slow_body_is_abandoned_at_the_deadline(fake_arxiv: FakeArxiv, tmp_path: Path) -> None:
    fake_arxiv.script("slow", chunk=64, pause=0.05)
    arxiv = client_for(fake_arxiv, tmp_path, deadline=0.3, read_timeout=5.0)
    results = arxiv.lookup([REAL])
    assert outcomes(results) == {REAL: UNKNOWN} and "time limit" in results[REAL].reason


def test_proxies_come_from_the_environment(
        fake_arxiv: FakeArxiv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", fake_arxiv.base_url)  # the fake answers proxied requests
    arxiv = client_for(fake_arxiv, tmp_path, FakeClock(), api="http://export.arxiv.invalid/api/query")
    assert outcomes(arxiv.lookup([REAL])) == {REAL: FOUND}
    assert fake_arxiv.log[0].headers.get("Host") == "export.arxiv.invalid"


def test_settings_from_config_and_environment(tmp_path: Path) -> None:
    config = Config(tmp_path, "anthology.toml", {"arxiv": {
        "api": "http://mirror.example/api/query", "batch_size": 50, "spacing": 5,
        "contact": "registry@example.org"}})
    settings = settings_from(config, {})
    assert (settings.api, settings.batch_size, settings.spacing, settings.deadline) == (
        "http://mirror.example/api/query", 50, 5.0, 20.0)
    assert settings.user_agent.endswith("; mailto:registry@example.org)")
    defaults = settings_from(Config(tmp_path, "defaults", {}), {})
    assert defaults.api == "https://export.arxiv.org/api/query" and defaults.spacing == 3.0
    assert defaults.batch_size == 100 and "mailto" not in defaults.user_agent
    override = {"ANTHOLOGY_ARXIV_API": "http://127.0.0.1:1/api/query"}
    assert settings_from(config, override).api == "http://127.0.0.1:1/api/query"
