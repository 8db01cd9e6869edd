"""The browsing page in real headless Chromium: finding, following, safety and layout."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from site_registry import ALL, LIVE, XSS_TEXT

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture then skips, or fails under CI, saying why
    expect = None

pytest_plugins = ["site_browser"]  # browser, open_page, watch, serve, sample_site, url
Open = Any
Watch = Any
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
ARTIFACTS = Path(os.environ.get("ANTHOLOGY_ARTIFACTS") or
                 Path(__file__).resolve().parents[1] / "build" / "test-artifacts")


def card_ids(page: Any) -> list[str]:
    return page.eval_on_selector_all("#results article.card", "cards => cards.map(c => c.id)")


def highlighted(page: Any) -> list[str]:
    return page.eval_on_selector_all(".card.highlight",
                                     "cards => cards.map(c => c.id || c.closest('tr').previousElementSibling.id)")


def in_view(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and 0 <= box["y"] < page.viewport_size["height"]


def headings(page: Any) -> list[str]:
    return page.eval_on_selector_all("#results .group-title", "hs => hs.map(h => h.textContent)")


def names(page: Any) -> list[str]:
    return page.eval_on_selector_all("#results article.card h3",
                                     "hs => hs.map(h => h.textContent)")


def test_the_page_opens_on_the_current_practices_by_topic(open_page: Open, url: str) -> None:
    page = open_page(url)
    expect(page.locator("#summary")).to_have_text(f"{LIVE} current practices in 5 topics")
    assert len(card_ids(page)) == LIVE
    assert "MLR-2014-Kingma001-0001" not in card_ids(page)
    assert headings(page) == [
        "Training optimization 4 current practices", "Model stability 1 current practice",
        "Attention techniques 2 current practices", "Model architecture 1 current practice",
        "Distributed optimization 2 current practices"]
    # newest paper first within a topic; cards lead with the name, the id beside it
    assert names(page)[:4] == ["Single cosine decay", "Label smoothing", "AdamW",
                               "Adam bias correction"]
    card = page.locator("[id='MLR-2017-Loshchilov001-0001']")
    expect(card.locator(".card-head .id")).to_have_text("MLR-2017-Loshchilov001-0001")


def test_nothing_matching_says_so(open_page: Open, url: str) -> None:
    page = open_page(url)
    page.locator("#q").fill("zzzz qqqq")
    expect(page.locator("#results .empty")).to_be_visible()
    assert card_ids(page) == []


def test_the_status_filter_reveals_the_attic(open_page: Open, url: str) -> None:
    page = open_page(url)
    page.select_option("#status", "all")
    expect(page.locator("#summary")).to_have_text(f"{ALL} recommendations in 5 topics")
    assert "MLR-2014-Kingma001-0001" in card_ids(page)
    page.select_option("#status", "deprecated")
    expect(page.locator("#summary")).to_have_text(f"{ALL - LIVE} retired practices in 4 topics")
    assert page.locator("#results .badge-attic").count() >= ALL - LIVE
    assert "status=deprecated" in page.url


def test_topic_filter_and_sort_orders(open_page: Open, url: str) -> None:
    page = open_page(url + "#status=all")
    page.select_option("#topic", "model-stability")
    expect(page.locator("#summary")).to_have_text("3 recommendations in Model stability")
    page.select_option("#sort", "year")
    expect(page.locator("#results .card").first).to_have_id("MLR-2023-Touvron001-0001")
    assert card_ids(page) == ["MLR-2023-Touvron001-0001", "MLR-2020-Xiong001-0001",
                              "MLR-2017-Vaswani001-0001"]
    page.select_option("#sort", "id")
    expect(page.locator("#results .card").first).to_have_id("MLR-2017-Vaswani001-0001")


def test_the_address_restores_a_shared_view(open_page: Open, url: str) -> None:
    page = open_page(url + "#q=adam&status=all&sort=year&view=table")
    assert page.input_value("#q") == "adam"
    assert page.input_value("#status") == "all" and page.input_value("#sort") == "year"
    assert page.is_checked('input[name="view"][value="table"]')
    expect(page.locator("#summary")).to_have_text(
        "3 recommendations match \u201cadam\u201d")  # in the chosen order, not best first
    expect(page.locator("#results tbody tr")).to_have_count(3)


def test_clicking_a_successor_moves_to_it_and_highlights_it(open_page: Open, url: str) -> None:
    page = open_page(url + "#MLR-2017-Vaswani001-0001")
    chain = page.locator("#MLR-2017-Vaswani001-0001 .chain a")
    expect(chain).to_have_text(["Pre-LN", "RMSNorm pre-norm"])
    chain.first.click()
    expect(page.locator("#MLR-2020-Xiong001-0001")).to_have_class("card highlight")
    assert highlighted(page) == ["MLR-2020-Xiong001-0001"]
    assert page.evaluate("document.activeElement.id") == "MLR-2020-Xiong001-0001"
    assert in_view(page, "#MLR-2020-Xiong001-0001")
    assert page.url.endswith("MLR-2020-Xiong001-0001")
    page.locator("#MLR-2020-Xiong001-0001 .now a").click()
    expect(page.locator("#MLR-2023-Touvron001-0001")).to_have_class("card highlight")
    page.go_back()
    expect(page.locator("#MLR-2020-Xiong001-0001")).to_have_class("card highlight")


def test_a_card_shows_its_paper_evidence_and_related_practices(open_page: Open, url: str) -> None:
    page = open_page(url)
    card = page.locator("[id='MLR-2017-Loshchilov001-0001']")
    expect(card.locator(".paper a")).to_have_attribute("href", "https://arxiv.org/abs/1711.05101")
    expect(card.locator(".paper")).to_contain_text("Loshchilov (2017)")
    expect(card.locator(".facts dd").nth(1)).to_have_text("llama2, gpt3")
    expect(card.locator(".facts a[href='https://arxiv.org/abs/2307.09288']")).to_be_visible()
    card.locator(".related summary").click()
    same_paper = card.locator(".related ul").first
    expect(same_paper.locator("a")).to_have_text(["SGDR warm restarts"])
    related = card.locator(".related a").all_text_contents()
    assert "Adam + L2 penalty" not in related  # its history is the card's History already


@pytest.mark.parametrize("served", [False, True], ids=["file", "http-sub-path"])
def test_a_permalink_opens_the_right_card(open_page: Open, url: str, sample_site: Path,
                                          serve: Any, served: bool) -> None:
    base = serve(sample_site.parent) if served else url
    page = open_page(base + "#MLR-2020-Xiong001-0001")
    assert highlighted(page) == ["MLR-2020-Xiong001-0001"]
    assert in_view(page, "#MLR-2020-Xiong001-0001")
    assert page.input_value("#status") == "all", "a card in the attic is shown with the attic"
    expect(page.locator("#MLR-2020-Xiong001-0001 .text")).to_have_text(
        "Put layer normalization inside the residual branch (pre-LN).")
    expect(page.locator("#MLR-2020-Xiong001-0001 h3")).to_have_text("Pre-LN")
    assert page.evaluate("performance.getEntriesByType('resource').length") == 0


def test_registry_text_renders_as_text_and_runs_nothing(open_page: Open, url: str,
                                                        watch: Watch) -> None:
    page = open_page(url + "#q=evil&status=all")
    assert names(page)[0] == "<b>Evil</b> name"
    assert page.inner_text("#MLR-2021-Evil001-0001 .text") == XSS_TEXT
    assert page.inner_text("#MLR-2021-Evil001-0002 .text") == "</script><script>alert(8)</script>"
    paper = page.inner_text("#MLR-2021-Evil001-0001 .paper")
    assert "<b>Bold</b> claims & <i>tags</i>" in paper and "<svg onload=alert(3)>" in paper
    assert "<style>body{display:none}</style>" in page.inner_text("#MLR-2021-Evil001-0002")
    planted = "#results img, #results script, #results svg, #results iframe, #results b, " \
              "#results i, #results style, #results [onerror], #results [onload], #results [onclick]"
    assert page.locator(planted).count() == 0
    assert page.evaluate("[...document.links].filter(a => !/^(https?|file):$/.test(a.protocol))"
                         ".map(a => a.href)") == []
    assert watch.dialogs == []


def test_the_policy_refuses_a_script_that_gets_in(open_page: Open, url: str,
                                                  watch: Watch) -> None:
    page = open_page(url)
    ran = page.evaluate("""() => new Promise(resolve => {
        document.addEventListener('securitypolicyviolation', e => resolve(e.violatedDirective));
        const s = document.createElement('script');
        s.textContent = 'window.planted = true';
        document.body.append(s);
    })""")
    assert ran.startswith("script-src")
    assert page.evaluate("window.planted") is None
    assert any("Content Security Policy" in e for e in watch.errors)
    watch.errors.clear()


def test_keyboard_alone_reaches_a_cards_links_and_follows_them(open_page: Open, url: str) -> None:
    page = open_page(url + "#status=all")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the recommendations"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "results"
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => { const a = document.activeElement;
        const style = getComputedStyle(a);
        return [a.tagName, a.closest('.card') && a.closest('.card').id,
                style.outlineStyle, parseFloat(style.outlineWidth)] }""")
    assert focused[0] == "A" and focused[1] and focused[2] != "none" and focused[3] >= 2
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.chain') !== null"):
            break
    target = page.evaluate("document.activeElement.dataset.id")
    assert target
    page.keyboard.press("Enter")
    expect(page.locator(f"[id='{target}']")).to_have_class("card highlight")
    assert page.evaluate("document.activeElement.id") == target
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"


def test_the_table_view_opens_a_row_in_place(open_page: Open, url: str) -> None:
    page = open_page(url)
    page.check('input[name="view"][value="table"]')
    expect(page.locator("#results tbody tr")).to_have_count(LIVE)
    page.click("#results a[data-id='MLR-2014-Kingma001-0002']")
    detail = page.locator("#results tr.detail .card")
    expect(detail).to_have_class("card highlight")
    expect(detail.locator(".text")).to_have_text("Use bias correction for Adam's moment estimates.")
    assert "view=table" in page.url


def test_landmarks_and_labels(open_page: Open, url: str) -> None:
    page = open_page(url + "#status=all")
    assert page.evaluate("document.documentElement.lang") == "en"
    for role in ("banner", "search", "main", "contentinfo"):
        expect(page.get_by_role(role)).to_have_count(1)
    unlabelled = page.evaluate("""[...document.querySelectorAll('input, select')]
        .filter(c => !c.labels || c.labels.length === 0).map(c => c.outerHTML)""")
    assert unlabelled == []
    assert page.evaluate("""[...document.querySelectorAll('article.card')].every(c =>
        document.getElementById(c.getAttribute('aria-labelledby')))""")
    expect(page.get_by_role("status")).to_have_text(f"{ALL} recommendations in 5 topics")


CONTRAST = """() => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => { for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3); } return [255, 255, 255]; };
  const selectors = ['body', '.banner p', '.hint', '.summary', '.card .text', '.topic', '.paper a',
    '.arxiv', '.retired', '.badge-standard', '.badge-experimental', '.badge-attic',
    '.related summary', '.highlight .text', '.highlight .topic', 'label', '.footer', '.id',
    '.group-count', '.highlight .id'];
  return selectors.flatMap(s => [...document.querySelectorAll(s)].slice(0, 3).map(el => {
      const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
      return [s, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; }));
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_is_readable(open_page: Open, url: str, scheme: str) -> None:
    page = open_page(url + "#MLR-2014-Kingma001-0001")
    page.emulate_media(color_scheme=scheme)
    ratios = page.evaluate(CONTRAST)
    assert len({s for s, _ in ratios}) >= 15
    low = [(s, round(r, 2)) for s, r in ratios if r < 4.5]
    assert low == [], f"below WCAG AA 4.5:1 in {scheme}: {low}"
