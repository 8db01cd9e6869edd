"""Tests of the fake arXiv API itself, over real HTTP with requests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import pytest
import requests
from defusedxml import ElementTree as SafeET
from fake_arxiv import (
    EDGE_CASE_PAPERS,
    WITHDRAWN,
    FakeArxiv,
    FaultKind,
    fake_arxiv_fixture,  # noqa: F401  (provides the fake_arxiv fixture)
    http_date,
    parse_id,
    synthetic_papers,
)

NS = {
    "a": "http://www.w3.org/2005/Atom",
    "arxiv": "http://arxiv.org/schemas/atom",
    "os": "http://a9.com/-/spec/opensearch/1.1/",
}
UA = "anthology-tests/0.1 (mailto:tests@example.invalid)"


@pytest.fixture
def http() -> Iterator[requests.Session]:
    with requests.Session() as session:
        session.trust_env = False  # never go through an environment proxy: 127.0.0.1 only
        session.headers["User-Agent"] = UA
        yield session


def query(http: requests.Session, server: FakeArxiv, ids: list[str], method: str = "GET",
          **params: Any) -> requests.Response:
    data = {"id_list": ",".join(ids), **params}
    if method == "POST":
        return http.post(server.url, data=data, timeout=5)
    return http.get(server.url, params=data, timeout=5)


def feed(resp: requests.Response) -> Element:
    root: Element = SafeET.fromstring(resp.content)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    return root


def entries(resp: requests.Response) -> dict[str, Element]:
    """Entries keyed by their versioned <id>."""
    return {e.findtext("a:id", namespaces=NS) or "": e for e in feed(resp).findall("a:entry", NS)}


def total(resp: requests.Response) -> int:
    return int(feed(resp).findtext("os:totalResults", namespaces=NS) or -1)


def abs_url(vid: str) -> str:
    return f"http://arxiv.org/abs/{vid}"


# -- the query API ---------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_found_ids_come_back_versioned_with_metadata(
        fake_arxiv: FakeArxiv, http: requests.Session, method: str) -> None:
    resp = query(http, fake_arxiv, ["1706.03762", "2004.00004"], method, max_results=2)
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].startswith("application/atom+xml")
    got = entries(resp)
    assert set(got) == {abs_url("1706.03762v1"), abs_url("2004.00004v2")}
    attention = got[abs_url("1706.03762v1")]
    assert attention.findtext("a:title", namespaces=NS) == "Attention Is All You Need"
    assert attention.findtext("a:published", namespaces=NS) == "2017-06-12T17:57:34Z"
    names = [n.text for n in attention.findall("a:author/a:name", NS)]
    assert names[0] == "Ashish Vaswani" and len(names) == 8
    prim = attention.find("arxiv:primary_category", NS)
    assert prim is not None and prim.get("term") == "cs.CL"
    revised = got[abs_url("2004.00004v2")]
    assert revised.findtext("a:title", namespaces=NS) == (
        "Synthetic paper, revised title of version two")
    assert revised.findtext("a:published", namespaces=NS) == "2020-04-05T13:00:00Z"
    assert revised.findtext("a:updated", namespaces=NS) == "2020-06-07T14:00:00Z"
    assert revised.findtext("arxiv:doi", namespaces=NS) == "10.5555/synthetic.2004.00004"
    pdf = [ln.get("href") for ln in revised.findall("a:link", NS) if ln.get("title") == "pdf"]
    assert pdf == ["http://arxiv.org/pdf/2004.00004v2"]


def test_requested_version_is_served(fake_arxiv: FakeArxiv, http: requests.Session) -> None:
    got = entries(query(http, fake_arxiv, ["2004.00004v1", "1706.03762v9"]))
    assert list(got) == [abs_url("2004.00004v1")]  # v9 does not exist: no entry
    v1 = got[abs_url("2004.00004v1")]
    assert v1.findtext("a:title", namespaces=NS) == "Synthetic paper, first title of version one"
    assert v1.findtext("a:updated", namespaces=NS) == "2020-04-05T13:00:00Z"


def test_edge_case_papers_arrive_as_stored(fake_arxiv: FakeArxiv, http: requests.Session) -> None:
    ids = [p.arxiv_id for p in EDGE_CASE_PAPERS] + ["math.GT/9901001"]
    got = entries(query(http, fake_arxiv, ids, max_results=len(ids)))
    assert len(got) == len(EDGE_CASE_PAPERS)

    def text(vid: str, path: str) -> str:
        return got[abs_url(vid)].findtext(path, namespaces=NS) or ""

    assert "\n  " in text("2001.00001v1", "a:title")
    assert "$\\omega$" in text("2002.00002v1", "a:title")
    names = [n.text for n in got[abs_url("2003.00003v1")].findall("a:author/a:name", NS)]
    assert names == ["José Müller-Ñúñez", "ATLAS Collaboration", "Peter H. N. de With"]
    assert text("2005.00005v2", "arxiv:comment") == WITHDRAWN
    assert text("hep-th/9901001v1", "a:published").startswith("1999-01-04")
    assert text("2101.00007v1", "a:published").startswith("2020-12-30")
    assert text("0901.0008v1", "a:title").startswith("Synthetic")


def test_missing_id_gives_no_entry(fake_arxiv: FakeArxiv, http: requests.Session) -> None:
    resp = query(http, fake_arxiv, ["2999.99999", "1412.6980", "hep-th/9912999"])
    assert resp.status_code == 200
    assert list(entries(resp)) == [abs_url("1412.6980v1")]
    assert total(resp) == 1


@pytest.mark.parametrize("bad", [
    "arXiv:1412.6980", "1412.6980V1", "14126980", " 1412.6980", "hep_th/9901001", "1412.698",
])
def test_malformed_id_fails_the_batch(
        fake_arxiv: FakeArxiv, http: requests.Session, bad: str) -> None:
    resp = query(http, fake_arxiv, ["1706.03762", bad])
    assert resp.status_code == 400
    (entry,) = feed(resp).findall("a:entry", NS)
    assert entry.findtext("a:title", namespaces=NS) == "Error"
    assert entry.findtext("a:id", namespaces=NS) == (
        f"http://arxiv.org/api/errors#incorrect_id_format_for_{bad}")
    assert total(resp) == 1


def test_error_status_200_imitates_the_older_api(
        fake_arxiv: FakeArxiv, http: requests.Session) -> None:
    fake_arxiv.error_status = 200
    resp = query(http, fake_arxiv, ["nonsense"])
    assert resp.status_code == 200
    assert [e.findtext("a:title", namespaces=NS) for e in feed(resp).findall("a:entry", NS)] == [
        "Error"]


def test_parse_id() -> None:
    assert parse_id("1706.03762v7") == ("1706.03762", 7)
    assert parse_id("math.GT/0309136") == ("math/0309136", None)
    assert parse_id("https://arxiv.org/abs/1706.03762") is None


def test_max_results_defaults_to_10_and_truncates(http: requests.Session) -> None:
    papers = synthetic_papers(15)
    ids = [p.arxiv_id for p in papers]
    assert ids[0] == "2301.00001" and ids[-1] == "2301.00015"
    with FakeArxiv(papers) as server:
        default = query(http, server, ids)
        assert len(entries(default)) == 10 and total(default) == 15
        assert len(entries(query(http, server, ids, max_results=15))) == 15
        rest = entries(query(http, server, ids, start=10, max_results=10))
        assert set(rest) == {abs_url(f"{i}v1") for i in ids[10:]}


def test_order_is_shuffled_seeded_and_duplicates_collapse(http: requests.Session) -> None:
    ids = [p.arxiv_id for p in synthetic_papers(8)]
    orders = []
    for _ in range(2):
        with FakeArxiv(synthetic_papers(8), seed=7) as server:
            resp = query(http, server, ids + ids[:3] + [ids[0] + "v1"], max_results=20)
            got = [e.findtext("a:id", "", NS) for e in feed(resp).findall("a:entry", NS)]
            orders.append(got)
    expected = [abs_url(f"{i}v1") for i in ids]
    assert sorted(orders[0]) == sorted(expected)  # a permutation, duplicates collapsed
    assert orders[0] != expected
    assert orders[0] == orders[1]  # same seed, same order
    with FakeArxiv(synthetic_papers(2), seed=7) as server:  # even two ids get swapped
        assert list(entries(query(http, server, ids[:2]))) == expected[1::-1]


def test_other_paths_and_long_urls(fake_arxiv: FakeArxiv, http: requests.Session) -> None:
    assert http.get(fake_arxiv.base_url + "/api/other", timeout=5).status_code == 404
    ids = [p.arxiv_id for p in synthetic_papers(700)]
    assert query(http, fake_arxiv, ids, max_results=700).status_code == 414
    assert query(http, fake_arxiv, ids, "POST", max_results=700).status_code == 200


# -- scripted faults -------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "status", "retry_after"), [
    ("503", 503, "5"), ("503", 503, http_date(120)), ("503", 503, None),
    ("429", 429, "3600"), ("429", 429, None), ("500", 500, None), ("502", 502, None),
])
def test_status_faults(fake_arxiv: FakeArxiv, http: requests.Session, kind: str, status: int,
                       retry_after: str | None) -> None:
    fake_arxiv.script(kind, times=2, retry_after=retry_after)
    for _ in range(2):
        resp = query(http, fake_arxiv, ["1706.03762"])
        assert resp.status_code == status
        assert resp.headers.get("Retry-After") == retry_after
    resp = query(http, fake_arxiv, ["1706.03762"])
    assert resp.status_code == 200 and "Retry-After" not in resp.headers
    assert len(entries(resp)) == 1


def test_faults_are_consumed_in_order(fake_arxiv: FakeArxiv, http: requests.Session) -> None:
    fake_arxiv.script(FaultKind.HTTP_500)
    fake_arxiv.script("empty_feed")
    assert [f.kind for f in fake_arxiv.pending_faults] == [FaultKind.HTTP_500, FaultKind.EMPTY_FEED]
    assert query(http, fake_arxiv, ["1706.03762"]).status_code == 500
    empty = query(http, fake_arxiv, ["1706.03762"])
    assert empty.status_code == 200 and entries(empty) == {} and total(empty) == 0
    assert len(entries(query(http, fake_arxiv, ["1706.03762"]))) == 1
    with pytest.raises(ValueError):
        fake_arxiv.script("teapot")


def test_403_and_html_pages(fake_arxiv: FakeArxiv, http: requests.Session) -> None:
    fake_arxiv.script("403")
    fake_arxiv.script("html")
    for status in (403, 200):
        resp = query(http, fake_arxiv, ["1706.03762"])
        assert resp.status_code == status
        assert resp.headers["Content-Type"].startswith("text/html")
        assert resp.text.startswith("<!DOCTYPE html>")


def test_malformed_xml(fake_arxiv: FakeArxiv, http: requests.Session) -> None:
    fake_arxiv.script("malformed_xml")
    resp = query(http, fake_arxiv, ["1706.03762"])
    assert resp.status_code == 200
    with pytest.raises(ParseError):
        SafeET.fromstring(resp.content)


def test_reset_raises_connection_error(fake_arxiv: FakeArxiv, http: requests.Session) -> None:
    fake_arxiv.script("reset")
    with pytest.raises(requests.ConnectionError):
        query(http, fake_arxiv, ["1706.03762"])
    assert query(http, fake_arxiv, ["1706.03762"]).status_code == 200  # the server survives


@pytest.mark.parametrize("kind", ["truncated", "reset_mid_body"])
def test_broken_bodies_raise(fake_arxiv: FakeArxiv, http: requests.Session, kind: str) -> None:
    fake_arxiv.script(kind)
    with pytest.raises(requests.RequestException):
        query(http, fake_arxiv, ["1706.03762"])
    assert query(http, fake_arxiv, ["1706.03762"]).status_code == 200


def test_truncated_body_is_short_of_content_length(
        fake_arxiv: FakeArxiv, http: requests.Session) -> None:
    fake_arxiv.script("truncated")
    resp = http.get(fake_arxiv.url, params={"id_list": "1706.03762"}, stream=True, timeout=5)
    assert resp.status_code == 200 and int(resp.headers["Content-Length"]) > 0
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        resp.content  # noqa: B018


def test_delay_before_headers(fake_arxiv: FakeArxiv, http: requests.Session) -> None:
    fake_arxiv.script("delay", seconds=0.15)
    t0 = time.monotonic()
    resp = http.get(fake_arxiv.url, params={"id_list": "1706.03762"}, stream=True, timeout=5)
    assert time.monotonic() - t0 >= 0.15
    assert len(entries(resp)) == 1
    fake_arxiv.script("delay", seconds=0.1)
    with pytest.raises(requests.exceptions.ReadTimeout):  # a client read timeout trips on it
        http.get(fake_arxiv.url, params={"id_list": "1706.03762"}, timeout=0.02)


def test_slow_body(fake_arxiv: FakeArxiv, http: requests.Session) -> None:
    fake_arxiv.script("slow", chunk=512, pause=0.04)
    t0 = time.monotonic()
    resp = http.get(fake_arxiv.url, params={"id_list": "1706.03762"}, stream=True, timeout=5)
    headers_at = time.monotonic() - t0
    body = resp.content
    pauses = (len(body) - 1) // 512
    assert pauses >= 3
    assert time.monotonic() - t0 - headers_at >= 0.04 * pauses * 0.9
    assert len(entries(resp)) == 1


# -- request log and lifecycle ---------------------------------------------------------------


def test_request_log(fake_arxiv: FakeArxiv, http: requests.Session) -> None:
    fake_arxiv.script("503")
    query(http, fake_arxiv, ["1706.03762", "1412.6980"], max_results=2)
    query(http, fake_arxiv, ["2004.00004"], "POST", max_results=1)
    first, second = fake_arxiv.log.records
    assert (first.method, second.method) == ("GET", "POST")
    assert first.path == second.path == "/api/query"
    assert first.ids == ("1706.03762", "1412.6980") and second.ids == ("2004.00004",)
    assert second.params["max_results"] == ["1"]
    assert first.user_agent == second.user_agent == UA
    assert first.fault is FaultKind.HTTP_503 and second.fault is None
    assert second.monotonic >= first.monotonic and len(fake_arxiv.log.gaps()) == 1
    assert abs(first.wall - time.time()) < 60
    fake_arxiv.log.clear()
    assert len(fake_arxiv.log) == 0


def test_stop_joins_threads_and_closes_the_port(http: requests.Session) -> None:
    before = set(threading.enumerate())
    server = FakeArxiv(EDGE_CASE_PAPERS).start()
    url = server.url
    assert query(http, server, ["1706.03762"]).status_code == 200  # leaves a keep-alive open
    server.stop()
    assert set(threading.enumerate()) <= before
    with pytest.raises(requests.ConnectionError):
        requests.get(url, timeout=1, proxies={"http": "", "https": ""})
    with pytest.raises(RuntimeError):
        server.url  # noqa: B018
