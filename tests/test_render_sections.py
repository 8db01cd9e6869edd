"""README sections: markers in, generated text between them, every marker problem a
diagnostic with its line."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from anthology.cache import Memo
from anthology.checks import all_codes
from anthology.config import load_config
from anthology.pipeline import load_registry
from anthology.render import RenderResult, render_all
from anthology.render.sections import fill, find_sections

KNOWN = {"summary", "latest", "codes"}.__contains__
KINGMA = """\
id: Kingma001
title: "Adam: A Method for Stochastic Optimization"
first_author: Kingma
year: 2014
arxiv: "1412.6980"
recommendations:
  - id: MLR-2014-Kingma001-0001
    text: Use bias-corrected moment estimates.
    topic: training-optimization
    status: standard
"""


def problems(text: str) -> list[tuple[str, int]]:
    _, found = find_sections("README.md", textwrap.dedent(text), KNOWN)
    return [(d.code, d.line) for d in found]


def test_balanced_sections_are_found() -> None:
    sections, found = find_sections("README.md", "a\n<!-- anthology:begin summary -->\nold\n"
                                    "<!--anthology:end   summary-->\n", KNOWN)
    assert found == [] and [(s.name, s.begin, s.end) for s in sections] == [("summary", 1, 3)]


@pytest.mark.parametrize("text, expected", [
    ("# t\n<!-- anthology:begin summary -->\ntext\n", [("RENDER001", 2)]),
    ("# t\n\n<!-- anthology:end latest -->\n", [("RENDER002", 3)]),
    ("<!-- anthology:begin summary -->\n<!-- anthology:end latest -->\n", [("RENDER003", 2)]),
    ("<!-- anthology:begin summary -->\n<!-- anthology:begin latest -->\n"
     "<!-- anthology:end summary -->\n", [("RENDER003", 2)]),
    ("<!-- anthology:begin sumary -->\n<!-- anthology:end sumary -->\n", [("RENDER004", 1)]),
    ("ok\n<!-- anthology:begin -->\n", [("RENDER005", 2)]),
    ("<!-- anthology:begin summary extra -->\n", [("RENDER005", 1)]),
    ("# just a readme\n", [("RENDER006", 1)]),
])
def test_marker_problems_have_a_code_and_a_line(text: str, expected: list[tuple[str, int]]
                                                ) -> None:
    assert problems(text) == expected


def test_markers_inside_fenced_code_or_prose_are_not_markers() -> None:
    text = """\
        Write `<!-- anthology:begin summary -->` in your README.
        ~~~~markdown
        <!-- anthology:begin summary -->
        ```
        <!-- anthology:end nothing -->
        ~~~~
        <!-- anthology:begin latest -->
        <!-- anthology:end latest -->
        """
    sections, found = find_sections("README.md", textwrap.dedent(text), KNOWN)
    assert found == [] and [s.name for s in sections] == ["latest"]


def test_fill_keeps_the_file_s_own_line_endings_outside_and_inside() -> None:
    text = "top\r\n<!-- anthology:begin summary -->\r\nold\r\n<!-- anthology:end summary -->\r\nend"
    sections, _ = find_sections("README.md", text, KNOWN)
    assert fill(text, sections, {"summary": "| a |\n| - |\n"}) == (
        "top\r\n<!-- anthology:begin summary -->\r\n\r\n| a |\r\n| - |\r\n\r\n"
        "<!-- anthology:end summary -->\r\nend")


@pytest.fixture
def root(registry: Callable[..., Path]) -> Path:
    return registry(**{"Kingma001.yaml": KINGMA})


def render(root: Path, write: bool = True) -> RenderResult:
    config = load_config(root)
    return render_all(load_registry(config, Memo.for_root(root)), config, write=write)


def test_a_bad_readme_leaves_every_file_as_it_was(root: Path) -> None:
    (root / "README.md").write_text("# t\n<!-- anthology:begin summary -->\n")
    result = render(root)
    assert [(d.path, d.line, d.code) for d in result.diagnostics] == [("README.md", 2, "RENDER001")]
    assert result.changed == []
    assert not (root / "REGISTRY.md").exists() and not (root / "registry.json").exists()


def test_a_missing_readme_is_a_diagnostic(root: Path) -> None:
    result = render(root)
    assert [(d.path, d.code) for d in result.diagnostics] == [("README.md", "RENDER007")]


def test_a_crlf_readme_is_filled_without_touching_the_rest(root: Path) -> None:
    before = b"# Title\r\n\r\n<!-- anthology:begin summary -->\r\n<!-- anthology:end summary -->\r\n"
    (root / "README.md").write_bytes(before + b"after\r\n")
    assert render(root).changed == ["REGISTRY.md", "README.md", "registry.json"]
    data = (root / "README.md").read_bytes()
    assert data.startswith(before[:-len(b"<!-- anthology:end summary -->\r\n")])
    assert data.endswith(b"\r\n<!-- anthology:end summary -->\r\nafter\r\n")
    assert b"| [Training optimization](REGISTRY.md#training-optimization) | 1 | 0 | 0 | 1 |\r\n" \
        in data
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert render(root) == RenderResult([], [])


def test_the_codes_section_lists_every_diagnostic_code(root: Path) -> None:
    (root / "README.md").write_text("<!-- anthology:begin codes -->\n<!-- anthology:end codes -->\n")
    render(root)
    text = (root / "README.md").read_text()
    codes = [c for module in all_codes() for c in module.CODES]
    assert len(codes) > 20
    for c in codes:
        assert f"| {c.code} | {c.severity.value} |" in text
    for code in ("RENDER001", "RENDER007", "RENDER010", "RENDER011", "RENDER020"):
        assert f"| {code} | error |" in text
    assert "| SUCC006 | error | succession links form a cycle | `A -> B -> A` |" in text


def test_readme_links_point_at_the_page_from_the_readme_s_folder(root: Path) -> None:
    (root / "anthology.toml").write_text('[render]\nreadme = "docs/README.md"\n'
                                         'registry_md = "REGISTRY.md"\n')
    (root / "docs").mkdir()
    (root / "docs" / "README.md").write_text("<!-- anthology:begin latest -->\n"
                                             "<!-- anthology:end latest -->\n")
    assert render(root).diagnostics == []
    assert "[MLR-2014-Kingma001-0001](../REGISTRY.md#mlr-2014-kingma001-0001)" in (
        root / "docs" / "README.md").read_text()
