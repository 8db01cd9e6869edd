"""The browsing page in headless Chromium: a permalink to a removed id says what became of it."""

from __future__ import annotations

from typing import Any

import pytest
from site_registry import build, write_sample

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture then skips, or fails under CI, saying why
    expect = None

pytest_plugins = ["site_browser"]  # browser, open_page, watch, serve
TOMBSTONES = """\
removed:
  - id: MLR-2016-Ba001-0001
    date: 2026-12-01
    reason: Duplicate of the pre-LN practice <b>kept</b> elsewhere.
    replaced_by: MLR-2020-Xiong001-0001
  - id: Ba001
    date: 2026-12-01
    reason: Entered twice by the migration.
"""


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = write_sample(tmp_path_factory.mktemp("removed"))
    (root / "registry" / "removed.yaml").write_text(TOMBSTONES)
    return build(root, root / "public").as_uri()


def test_a_removed_id_shows_its_reason_and_leads_to_its_replacement(open_page: Any,
                                                                    url: str) -> None:
    page = open_page(url + "#MLR-2016-Ba001-0001")
    notice = page.locator("#removed-notice")
    expect(notice).to_have_text("MLR-2016-Ba001-0001 was removed on 2026-12-01: Duplicate of the "
                                "pre-LN practice <b>kept</b> elsewhere. Replaced by "
                                "MLR-2020-Xiong001-0001.")
    assert page.locator("#removed-notice b").count() == 0, "the reason is text, not markup"
    notice.locator("a").click()
    expect(page.locator("#MLR-2020-Xiong001-0001.highlight")).to_be_visible()
    expect(notice).to_have_count(0)


def test_a_removed_paper_without_replacement_and_a_live_id(open_page: Any, url: str) -> None:
    page = open_page(url + "#q=adam&id=Ba001")
    expect(page.locator("#removed-notice")).to_have_text(
        "Ba001 was removed on 2026-12-01: Entered twice by the migration.")
    page = open_page(url + "#MLR-2020-Xiong001-0001")
    expect(page.locator("#MLR-2020-Xiong001-0001.highlight")).to_be_visible()
    assert page.locator("#removed-notice").count() == 0


def test_a_removed_id_gets_one_message_not_two(open_page: Any, url: str) -> None:
    page = open_page(url + "#MLR-2016-Ba001-0001")
    expect(page.locator("#removed-notice")).to_be_visible()
    assert page.locator("#results .notice").count() == 0
