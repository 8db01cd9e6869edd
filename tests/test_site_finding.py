"""Finding a practice on the page in Chromium: relevance search with typos, counts that agree
with the list, related practices, chains by name, and a message for an unknown permalink."""

from __future__ import annotations

from typing import Any

import pytest
from site_registry import ALL, LIVE
from test_site_browser import card_ids, headings, names

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture then skips, or fails under CI, saying why
    expect = None

pytest_plugins = ["site_browser"]  # browser, open_page, watch, url
Open = Any


def test_counts_agree_with_what_is_listed(open_page: Open, url: str) -> None:
    page = open_page(url)
    menu = page.eval_on_selector_all("#topic option", "os => os.map(o => o.textContent)")
    assert menu == ["All topics", "Training optimization (4)", "Model stability (1)",
                    "Attention techniques (2)", "Model architecture (1)",
                    "Distributed optimization (2)"]
    page.select_option("#status", "all")
    expect(page.locator("#summary")).to_have_text(f"{ALL} recommendations in 5 topics")
    assert "Model stability (3)" in page.eval_on_selector_all(
        "#topic option", "os => os.map(o => o.textContent)")
    page.select_option("#topic", "model-stability")
    expect(page.locator("#summary")).to_have_text("3 recommendations in Model stability")
    assert len(card_ids(page)) == 3 and headings(page) == ["Model stability 3 recommendations"]


@pytest.mark.parametrize(("query", "first"), [
    ("adamw", "AdamW"),
    ("adamq", "AdamW"),  # one letter wrong
    ("muller", "Label smoothing"),  # the author, accents folded
    ("Compute-Optimal", "Single cosine decay"),  # the paper's title
    ("mlr-2017-vaswani", "Scaled dot-product attention"),
    ("weight decay adamw", "AdamW"),
    ("learnig rate", "Single cosine decay"),  # a letter dropped
    ("prenorm", "RMSNorm pre-norm"),  # "pre-norm" written as one word
    ("fsdp sharding", "FSDP full sharding"),
])
def test_search_ranks_by_relevance_and_forgives_a_typo(open_page: Open, url: str, query: str,
                                                        first: str) -> None:
    page = open_page(url)
    page.locator("#q").press_sequentially(query)
    expect(page.locator("#summary")).to_contain_text(f"\u201c{query}\u201d, best first")
    assert names(page)[0] == first
    assert headings(page) == []  # best first, not by topic
    assert "q=" in page.url


def test_not_every_word_needs_to_match(open_page: Open, url: str) -> None:
    page = open_page(url)
    page.locator("#q").fill("adamw zebra")
    expect(page.locator("#summary")).to_contain_text("match")
    assert names(page)[0] == "AdamW"


def test_the_search_algorithm_in_the_page(open_page: Open, url: str) -> None:
    page = open_page(url)
    found = page.evaluate("""() => {
      const s = anthologySearch([], []);
      return [s.tokens("Pre-LN for the RMSNorm, d_k; Müller's LR"),
              ["optimiser:optimizer", "learnig:learning", "adamw:adamw", "teh:the", "ab:abcd",
               "adam:adamw", "adamq:adamw", "abcd:acbd", "abcd:bcda"].map(p =>
                 s.oneEdit(...p.split(":")))];
    }""")
    assert found == [["pre", "ln", "preln", "rmsnorm", "d", "k", "dk", "muller", "s", "mullers",
                      "lr", "learning", "rate"],
                     [True, True, True, True, False, True, True, True, False]]


# oneEdit against the textbook dynamic programme (optimal string alignment distance <= 1),
# on every pair of strings of up to four letters from {a, b, c}.
ONE_EDIT_AGREES = """() => {
  const s = anthologySearch([], []);
  const distance = (a, b) => {
    const d = [...Array(a.length + 1)].map((_, i) => [...Array(b.length + 1)].map((_, j) => i || j ? (i ? (j ? 0 : i) : j) : 0));
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
    return d[a.length][b.length];
  };
  const words = [""];
  for (const w of words) if (w.length < 4) for (const c of "abc") words.push(w + c);
  const wrong = [];
  for (const a of words) for (const b of words) {
    if (s.oneEdit(a, b) !== (distance(a, b) <= 1)) wrong.push(a + ":" + b);
  }
  return [words.length, wrong.slice(0, 5)];
}"""


def test_one_edit_is_the_edit_distance_at_most_one(open_page: Open, url: str) -> None:
    page = open_page(url)
    assert page.evaluate(ONE_EDIT_AGREES) == [121, []]


def test_an_unknown_or_removed_permalink_shows_a_message(open_page: Open, url: str) -> None:
    page = open_page(url + "#MLR-2099-Nobody001-0001")
    notice = page.locator("#results .notice")
    expect(notice).to_contain_text("There is no recommendation MLR-2099-Nobody001-0001")
    expect(notice).to_have_attribute("role", "alert")
    assert len(card_ids(page)) == LIVE  # and the current practices below it
    page.locator("#q").fill("adamw")
    expect(page.locator("#results .notice")).to_have_count(0)


def test_related_means_the_same_practice_family_not_the_same_year(open_page: Open,
                                                                  url: str) -> None:
    page = open_page(url + "#MLR-2023-Zhao002-0001")
    card = page.locator("[id='MLR-2023-Zhao002-0001']")
    expect(card.locator(".related")).to_have_attribute("open", "")
    alike = card.locator(".related li")
    expect(alike.first.locator("a")).to_have_text("ZeRO sharding stages")
    expect(alike.first).to_contain_text("both in PyTorch FSDP")
    texts = card.locator(".related a").all_text_contents()
    assert "RMSNorm pre-norm" not in texts  # the same year (2023), nothing else in common


def test_snippets_end_at_a_word(open_page: Open, url: str) -> None:
    page = open_page(url + "#MLR-2019-Rajbhandari001-0001")
    snippet = page.locator("[id='MLR-2019-Rajbhandari001-0001'] .related .snippet").first
    expect(snippet).to_be_visible()
    text = snippet.text_content()
    full = ("Use fully sharded data parallelism when parameters, gradients and optimizer state "
            "do not fit on one GPU, gathering one block's parameters at a time.")
    assert text.endswith("\u2026") and len(text) <= 91
    assert full.startswith(text[:-1]) and full[len(text) - 1] in " ,"  # cut before a space


def test_a_succession_chain_reads_by_name(open_page: Open, url: str) -> None:
    page = open_page(url + "#MLR-2020-Shazeer002-0001")
    steps = page.locator("[id='MLR-2020-Shazeer002-0001'] .chain li")
    expect(steps).to_have_count(3)
    texts = [" ".join(t.split()) for t in steps.all_text_contents()]
    assert texts == ["ReLU FFN attic", "GELU FFN attic", "SwiGLU FFN (this one)"]
