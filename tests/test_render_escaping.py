"""User text can't break the page: it renders as literal text in lists, headings and tables.

The pages are parsed with cmark-gfm (GitHub's own Markdown parser) with raw HTML allowed
and no tag filter, so any escape that failed would show up as markup in the HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from anthology.cache import Memo
from anthology.config import load_config
from anthology.pipeline import load_registry
from anthology.render import render_all
from anthology.render.markdown import code, href, md
from hypothesis import given, settings
from hypothesis import strategies as st

cmarkgfm = pytest.importorskip("cmarkgfm")

NASTY = ("Use `a|b` with *stars*, _under_ and #hash <script>alert(1)</script> "
         "[x](javascript:alert(1)) ![i](https://e.example/i.png) &amp; ~~gone~~ \\* 1. done")
TOPICS = """\
topics:
  - id: training-optimization
    title: "Training | optimization <b>bold</b> *x*"
    scope: "Scope with | pipe and [link](javascript:alert(1))"
"""
PAPER = """\
id: Kingma001
title: "Adam | *A* `Method` <script>alert(2)</script> [x](javascript:alert(3))"
first_author: Kingma
year: 2014
url: "https://e.example/a)b|c<d>\\"q"
recommendations:
  - id: MLR-2014-Kingma001-0001
    text: "{nasty}\\nsecond line"
    topic: training-optimization
    status: standard
    implementations: ["a|b", "<img src=x onerror=alert(1)>"]
    evidence:
      - url: https://e.example/ok
        note: "| note | <script>alert(4)</script>"
  - id: MLR-2014-Kingma001-0002
    text: "# Not a heading | {nasty}"
    topic: training-optimization
    status: deprecated
    superseded_by: [MLR-2014-Kingma001-0001]
    deprecated:
      date: 2020-01-01
      reason: "- not a list | {nasty}"
"""
README = """\
# Readme
<!-- anthology:begin summary -->
<!-- anthology:end summary -->
<!-- anthology:begin latest -->
<!-- anthology:end latest -->
"""


class Page(HTMLParser):
    """The tags, link targets, table shapes and visible text of some HTML."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.tables: list[list[int]] = []  # cells in each row of each table
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs.extend(v or "" for k, v in attrs if k in ("href", "src"))
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append(0)
        elif tag in ("td", "th"):
            self.tables[-1][-1] += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def visible(self) -> str:
        return " ".join("".join(self.text).split())


def to_html(markdown: str) -> Page:
    options = cmarkgfm.Options.CMARK_OPT_UNSAFE
    return Page(cmarkgfm.markdown_to_html_with_extensions(
        markdown, options=options, extensions=["table", "strikethrough", "autolink"]))


@pytest.fixture
def rendered(registry: Callable[..., Path]) -> dict[str, Page]:
    root = registry(**{"Kingma001.yaml": PAPER.replace("{nasty}", NASTY.replace("\\", "\\\\"))})
    (root / "registry" / "topics.yaml").write_text(TOPICS)
    (root / "README.md").write_text(README)
    config = load_config(root)
    result = render_all(load_registry(config, Memo.for_root(root)), config, write=True)
    assert result.diagnostics == []
    return {name: to_html((root / name).read_text()) for name in ("REGISTRY.md", "README.md")}


@pytest.mark.parametrize("name", ["REGISTRY.md", "README.md"])
def test_no_markup_comes_from_user_text(rendered: dict[str, Page], name: str) -> None:
    page = rendered[name]
    assert not {"script", "img", "b", "del", "code"} & set(page.tags)
    assert page.tags.count("h1") == 1
    assert page.tags.count("em") == (1 if name == "REGISTRY.md" else 0)  # "*Scope:*"
    assert all(h.startswith(("#", "https://", "REGISTRY.md#")) for h in page.hrefs), page.hrefs


@pytest.mark.parametrize("name", ["REGISTRY.md", "README.md"])
def test_user_text_reads_literally_on_one_line(rendered: dict[str, Page], name: str) -> None:
    page = rendered[name]
    assert f"{NASTY} second line" in page.visible
    assert "Training | optimization <b>bold</b> *x*" in page.visible


def test_headings_and_lists_stay_what_the_page_made_them(rendered: dict[str, Page]) -> None:
    page = rendered["REGISTRY.md"]
    assert f"# Not a heading | {NASTY}" in page.visible
    assert f"Why: - not a list | {NASTY}" in page.visible
    assert "Adam | *A* `Method` <script>alert(2)</script> [x](javascript:alert(3))" in page.visible
    assert page.tags.count("h1") == 1


def test_tables_keep_their_columns(rendered: dict[str, Page]) -> None:
    for page in rendered.values():
        assert page.tables
        for rows in page.tables:
            assert len(set(rows)) == 1, rows


def test_links_are_web_addresses_that_stay_inside_the_link(rendered: dict[str, Page]) -> None:
    hrefs = rendered["REGISTRY.md"].hrefs
    assert "https://e.example/a%29b%7Cc%3Cd%3E%22q" in hrefs
    assert not [h for h in hrefs if "javascript" in h.lower()]


@pytest.mark.parametrize("text, expected", [
    ("a|b", "a\\|b"),
    ("*x* _y_ `z`", "\\*x\\* \\_y\\_ \\`z\\`"),
    ("<script>", "&lt;script&gt;"),
    ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
    ("one\ntwo\r\nthree\u2028four", "one two three four"),
    ("Q&A &amp; &#42;", "Q&A &amp;amp; &amp;\\#42;"),
    ("- item", "\\- item"),
    ("2017. A year", "2017\\. A year"),
    ("back\\slash", "back\\\\slash"),
    (None, ""),
])
def test_md_escapes(text: str | None, expected: str) -> None:
    assert md(text) == expected


def test_code_spans_hold_any_backticks_and_pipes() -> None:
    assert code("a`b|c") == "``a`b\\|c``"
    assert code("`x`", table=False) == "`` `x` ``"


@pytest.mark.parametrize("url, expected", [
    ("javascript:alert(1)", ""),
    ("data:text/html,x", ""),
    ("https://e.example/a b(c)", "https://e.example/a%20b%28c%29"),
    ("https://e.example/?a=1&copy=2", "https://e.example/?a=1&amp;copy=2"),
])
def test_href_keeps_only_web_addresses(url: str, expected: str) -> None:
    assert href(url) == expected
    if expected:
        assert re.fullmatch(r"[^\s()<>|`\\\"]+", expected)
        assert html.unescape(expected).startswith("https://")


TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
                             max_codepoint=0x2FF) | st.sampled_from("|*_`<>[]()!#-+=~$&;\\:. 1"),
               max_size=40)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_text_reads_literally_in_a_list_and_a_table(text: str) -> None:
    expected = " ".join(text.split())
    cases = {f"- {md(text)}\n": expected,
             f"| a |\n| --- |\n| {md(text)} |\n": f"a {expected}".strip()}
    for markdown, visible in cases.items():
        page = to_html(markdown)
        assert page.visible == visible, markdown
        assert set(page.tags) <= {"ul", "li", "p", "table", "thead", "tbody", "tr", "th", "td",
                                  "a"}, markdown
        assert all(h.startswith(("http://", "https://", "mailto:")) for h in page.hrefs)
        if page.tables:
            assert page.tables[0] == [1, 1], markdown
