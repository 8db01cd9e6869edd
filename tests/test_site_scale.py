"""The page with 10,000 recommendations: it renders a window, not the whole registry."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from site_registry import build, write_synthetic

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture then skips, or fails under CI, saying why
    expect = None

pytest_plugins = ["site_browser"]  # browser, open_page, watch
PAGE = 40  # cards per window in page.js


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[dict[str, Any]]]:
    root = write_synthetic(tmp_path_factory.mktemp("big"), 10_000)
    page = build(root, root / "site")
    html = page.read_text(encoding="utf-8")
    found = re.search(r'id="registry-data">(.*?)</script>', html, re.S)
    assert found is not None
    return page.as_uri(), json.loads(found.group(1))["recommendations"]


def live(recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in recs if r["status"] != "deprecated"]


def cards(page: Any) -> int:
    return int(page.locator("#results article.card").count())


def test_only_a_window_of_cards_is_rendered(open_page: Any, big: Any) -> None:
    url, recs = big
    assert len(recs) >= 10_000
    page = open_page(url)
    expect(page.locator("#summary")).to_have_text(
        f"{len(live(recs)):,} current practices in 3 topics")
    assert cards(page) == PAGE
    page.locator('[data-more="later"]').scroll_into_view_if_needed()
    expect(page.locator("#results article.card")).to_have_count(2 * PAGE)


def test_typing_narrows_ten_thousand_to_one_paper(open_page: Any, big: Any) -> None:
    url, recs = big
    paper = recs[len(recs) // 2]["paper"]["id"]
    expected = [r for r in live(recs) if r["paper"]["id"] == paper]
    page = open_page(url)
    page.locator("#q").press_sequentially(paper.lower())
    expect(page.locator("#summary")).to_contain_text(f"match \u201c{paper.lower()}\u201d, best first")
    found = page.eval_on_selector_all("article.card", "cs => cs.map(c => c.id)")
    # the paper's own practices first; papers one typo away from its id follow
    assert sorted(found[:len(expected)]) == sorted(r["id"] for r in expected)


def test_a_permalink_deep_in_the_list_opens_a_window_around_it(open_page: Any, big: Any) -> None:
    url, recs = big
    ranks = {"training-optimization": 0, "model-stability": 1, "model-architecture": 2}
    last = sorted(live(recs), key=lambda r: (ranks[r["topic"]["id"]], -r["paper"]["year"],
                                             r["id"]))[-1]["id"]
    page = open_page(f"{url}#{last}")
    expect(page.locator(f"[id='{last}']")).to_have_class("card highlight")
    assert cards(page) == PAGE
    assert page.locator("#results article.card").last.get_attribute("id") == last
    earlier = page.locator('[data-more="earlier"]')
    expect(earlier).to_be_visible()
    earlier.click()
    expect(page.locator("#results article.card")).to_have_count(2 * PAGE)
    expect(page.locator(f"[id='{last}']")).to_have_class("card highlight")
