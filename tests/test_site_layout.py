"""The page's layout in Chromium at 1280 and 375 px: no sideways scrolling, ids that wrap only
between their parts, a focus ring that is never cut off, and screenshots saved as artifacts
(build/test-artifacts/, or ANTHOLOGY_ARTIFACTS)."""

from __future__ import annotations

from typing import Any

import pytest
from test_site_browser import ARTIFACTS, DESKTOP, PHONE

pytest_plugins = ["site_browser"]  # browser, open_page, watch, url
Open = Any


# Each hyphen-separated part of an id must sit on one line: a part drawn in two boxes broke.
BROKEN_IDS = """() => [...document.querySelectorAll('.id')].flatMap((el) => {
  const text = el.textContent;
  const broken = [];
  let at = 0;
  for (const part of text.split(/(?<=-)/)) {
    const range = document.createRange();
    const start = locate(el, at), end = locate(el, at + part.replace(/-$/, '').length);
    range.setStart(start[0], start[1]);
    range.setEnd(end[0], end[1]);
    const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
    if (lines.size > 1) broken.push(text);
    at += part.length;
  }
  return broken;
  function locate(root, offset) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (offset <= node.length) return [node, offset];
      offset -= node.length;
    }
    return [root, root.childNodes.length];
  }
})"""

# The focus ring (outline plus its offset) of the focused element, inside the viewport and
# not cut by an ancestor that clips its overflow.
RING_CLIPPED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const grow = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
  const r = el.getBoundingClientRect();
  const ring = { left: r.left - grow, right: r.right + grow, top: r.top - grow, bottom: r.bottom + grow };
  if (style.outlineStyle === 'none' || grow < 2) return 'no ring';
  if (ring.left < 0 || ring.right > document.documentElement.clientWidth) return 'viewport';
  for (let a = el.parentElement; a; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const b = a.getBoundingClientRect();
    if (ring.left < b.left || ring.right > b.right) return a.tagName + '.' + a.className;
  }
  return '';
}"""


def test_at_375_px_ids_never_break_mid_token_and_the_focus_ring_shows(open_page: Open,
                                                                       url: str) -> None:
    for view in ("cards", "table"):
        page = open_page(url + f"#status=all&view={view}&id=MLR-2023-Zhao002-0001", viewport=PHONE)
        page.locator("#results .related summary").first.click() if view == "cards" else None
        assert page.locator(".id").count() >= 10
        assert page.evaluate(BROKEN_IDS) == [], view
        page.locator("#q").focus()
        clipped = {}
        for _ in range(40):
            page.keyboard.press("Tab")
            tag = page.evaluate("document.activeElement.tagName + ' ' + "
                                "document.activeElement.textContent.slice(0, 30)")
            problem = page.evaluate(RING_CLIPPED)
            if problem and not tag.startswith("BODY"):
                clipped[tag] = problem
        assert clipped == {}, view


@pytest.mark.parametrize(("name", "viewport", "address"), [
    ("1280", DESKTOP, ""), ("375", PHONE, ""),
    ("1280-chain", DESKTOP, "#status=all&id=MLR-2020-Shazeer002-0001"),
    ("375-chain", PHONE, "#status=all&id=MLR-2020-Shazeer002-0001"),
    ("1280-search", DESKTOP, "#q=learnig%20rate"),
    ("375-table", PHONE, "#view=table&status=all&id=MLR-2017-Vaswani001-0001"),
])
def test_layout_fits_and_screenshots_are_saved(open_page: Open, url: str, name: str,
                                               viewport: dict[str, int], address: str) -> None:
    page = open_page(url + address, viewport=viewport)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{name}: the page scrolls sideways ({width}px)"
    assert page.locator("#q").bounding_box()["width"] > viewport["width"] / 2
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    shot = ARTIFACTS / f"site-{name}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
