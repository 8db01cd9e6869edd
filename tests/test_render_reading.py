"""REGISTRY.md as a reader meets it on GitHub: parsed with cmark-gfm, GitHub's own parser.

Each topic opens with a current-practice table; entries are headed by name with the id
beside; every in-page link lands on an anchor, and the anchors of every id (shared
before names existed) still exist.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from anthology.render.anchors import Slugger, slug
from anthology.render.reading import one_line
from test_render_golden import copy_fixture, render

cmarkgfm = pytest.importorskip("cmarkgfm")

IDS = ["MLR-2014-Kingma001-0001", "MLR-2014-Kingma001-0002", "MLR-2017-Loshchilov002-0001",
       "MLR-2017-Loshchilov002-0002", "MLR-2017-Vaswani001-0001", "MLR-2017-Vaswani001-0002",
       "MLR-2017-Vaswani001-0003", "MLR-2020-Xiong001-0001", "MLR-2020-Xiong001-0002"]


class GitHubPage(HTMLParser):
    """Anchors (explicit ids, and the slugs GitHub gives headings), links, headings, tables."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.headings: list[tuple[str, str]] = []  # (tag, visible text)
        self.tables: list[list[list[str]]] = []  # rows of cells
        self.text: list[str] = []
        self.all_text = ""
        self._heading: str | None = None
        self._cell: list[str] | None = None
        self.feed(text)
        slugger = Slugger()
        self.ids |= {slugger(text) for _, text in self.headings}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and str(found.get("href", "")).startswith("#"):
            self.links.append(str(found["href"])[1:])
        if tag in ("h1", "h2", "h3"):
            self._heading, self.text = tag, []
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell, self.text = [], []

    def handle_endtag(self, tag: str) -> None:
        if tag == self._heading:
            self.headings.append((tag, "".join(self.text).strip()))
            self._heading = None
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self.text).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        self.all_text += data


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> GitHubPage:
    site = copy_fixture(tmp_path_factory.mktemp("reading") / "anthology")
    render(site)
    markdown = (site / "REGISTRY.md").read_text()
    return GitHubPage(cmarkgfm.markdown_to_html_with_extensions(
        markdown, options=cmarkgfm.Options.CMARK_OPT_UNSAFE,
        extensions=["table", "strikethrough", "autolink", "tagfilter"]))


def test_every_in_page_link_lands_and_every_id_keeps_its_anchor(page: GitHubPage) -> None:
    assert page.links and set(page.links) <= page.ids, set(page.links) - page.ids
    assert {slug(i) for i in IDS} <= page.ids


def test_entries_are_headed_by_name_with_the_id_beside(page: GitHubPage) -> None:
    h3 = [text for tag, text in page.headings if tag == "h3"]
    assert "Pre-LN · MLR-2020-Xiong001-0001" in h3
    assert "MLR-2014-Kingma001-0002" in h3  # no name: the id stands alone
    assert len(h3) == len(IDS)


def test_each_topic_opens_with_its_current_practice_table(page: GitHubPage) -> None:
    header = ["Practice", "In one line", "Status", "Applies to", "Paper", "Year"]
    practice = [t for t in page.tables if t[0] == header]
    assert len(practice) == 4  # optimizers, other, model stability, attention
    optimizers = practice[0][1:]
    assert [row[0] for row in optimizers] == ["AdamW + cosine decay", "MLR-2014-Kingma001-0002"]
    assert optimizers[0][2:4] == ["standard", "LLM pretraining, Fine-tuning"]
    assert [row[5] for row in optimizers] == ["2017", "2014"]  # newest first
    assert all(len(row) == 6 for table in practice for row in table)


def test_the_attic_tells_each_history_once_by_name(page: GitHubPage) -> None:
    text = " ".join(page.all_text.split())
    assert "Model stability: Post-LN (2017) → Pre-LN (2020, standard)" in text
    assert text.count("Adam + L2 penalty (2014) → AdamWR (warm restarts) (2017) → "
                      "AdamW + cosine decay (2017, standard)") == 3  # history + 2 successions


@pytest.mark.parametrize(("text", "expected"), [
    ("Use AdamW. Then decay.", "Use AdamW."),
    ("Scale by 1/sqrt(d_k). Always.", "Scale by 1/sqrt(d_k)."),
    ("e.g. this stays whole", "e.g. this stays whole"),
    ("word " * 30, ("word " * 22).strip() + "…"),
])
def test_one_line_is_the_first_sentence_cut_at_a_word(text: str, expected: str) -> None:
    assert one_line(text) == expected
    assert len(one_line(text)) <= 111
