"""This repository's own registry on the page, as a practitioner would try it in Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from anthology.cache import Memo
from anthology.config import load_config
from anthology.model import Registry
from anthology.pipeline import load_registry
from anthology.site.build import build_site
from test_site_browser import ARTIFACTS

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture then skips, or fails under CI, saying why
    expect = None

pytest_plugins = ["site_browser"]  # browser, open_page, watch
ROOT = Path(__file__).resolve().parents[1]
@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(load_config(ROOT), Memo(None))


@pytest.fixture(scope="module")
def url(registry: Registry, tmp_path_factory: pytest.TempPathFactory) -> str:
    page, _ = build_site(registry, tmp_path_factory.mktemp("own"))
    return page.as_uri()


def cards(page: Any) -> list[str]:
    return page.eval_on_selector_all("#results article.card", "cs => cs.map(c => c.id)")


def test_learning_rate_schedule_ranks_schedule_practices_first(open_page: Any, url: str,
                                                              registry: Registry) -> None:
    schedules = {r.id for r in registry.recommendations if r.subtopic == "lr-schedules"}
    page = open_page(url)
    page.locator("#q").press_sequentially("learning rate schedule")
    # the summary quotes the query: the cards below are those of the whole phrase
    expect(page.locator("#summary")).to_contain_text("\u201clearning rate schedule\u201d, "
                                                     "best first")
    top = cards(page)[:5]
    assert len(top) == 5 and set(top) <= schedules, top


@pytest.mark.parametrize("typo", ["adamv", "adanw", "admaw"])
def test_a_one_letter_typo_still_finds_adamw(open_page: Any, url: str, typo: str) -> None:
    page = open_page(url)
    page.locator("#q").press_sequentially(typo)
    expect(page.locator("#summary")).to_contain_text(f"\u201c{typo}\u201d, best first")
    expect(page.locator("#results article.card h3").first).to_have_text("AdamW")


def test_fsdp_full_sharding_relates_zero_sharding(open_page: Any, url: str) -> None:
    page = open_page(url + "#MLR-2023-Zhao002-0001")
    card = page.locator("[id='MLR-2023-Zhao002-0001']")
    expect(card.locator(".related")).to_have_attribute("open", "")
    expect(card.locator(".related a[data-id='MLR-2019-Rajbhandari001-0001']")).to_be_visible()


def test_the_feed_forward_chain_reads_relu_gelu_swiglu(open_page: Any, url: str) -> None:
    page = open_page(url + "#MLR-2020-Shazeer002-0001")
    steps = page.locator("[id='MLR-2020-Shazeer002-0001'] .chain li")
    expect(steps).to_have_count(3)
    texts = steps.all_text_contents()
    assert ["ReLU" in texts[0], "GELU" in texts[1], "SwiGLU" in texts[2]] == [True] * 3, texts


@pytest.mark.parametrize(("name", "viewport", "address"), [
    ("1280", {"width": 1280, "height": 900}, ""),
    ("375", {"width": 375, "height": 740}, ""),
    ("375-swiglu", {"width": 375, "height": 740}, "#MLR-2020-Shazeer002-0001"),
    ("1280-fsdp", {"width": 1280, "height": 900}, "#MLR-2023-Zhao002-0001"),
    ("1280-search", {"width": 1280, "height": 900}, "#q=learning%20rate%20schedule"),
])
def test_screenshots_of_this_registry_are_saved(open_page: Any, url: str, name: str,
                                                viewport: dict[str, int], address: str) -> None:
    page = open_page(url + address, viewport=viewport)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{name}: the page scrolls sideways ({width}px)"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"registry-{name}.png"
    page.screenshot(path=str(shot))  # the first screenful: what a reader sees on arrival
    assert shot.stat().st_size > 10_000
