"""Round trips and key reordering keep comments, blank lines and quoting in place."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from anthology.fix import roundtrip
from anthology.fix.keyorder import order_paper
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "fix"


def reordered(text: str, in_list: bool = False) -> str:
    text = textwrap.dedent(text)
    trip = roundtrip.load(text)
    assert trip.exact
    papers = trip.data if in_list else [trip.data]
    for paper in papers:
        order_paper(paper, text.split("\n"), trip.layout.sequence - trip.layout.offset,
                    in_list)
    return trip.dump()


def real_papers() -> list[Path]:
    return sorted((ROOT / "registry" / "papers").glob("*.yaml"))


@pytest.mark.parametrize("path", [*sorted(FIXTURES.glob("*.yaml")), *real_papers()],
                         ids=lambda p: p.name)
def test_files_round_trip_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    trip = roundtrip.load(text)
    assert trip.exact
    assert trip.dump() == text


@pytest.mark.parametrize(("text", "layout"), [
    ("a:\n- x\nb:\n  c: 1\n", (2, 2, 0)),
    ("a:\n    - x\nb:\n    c: 1\n", (4, 6, 4)),
    ("- a: 1\n  b:\n    - x\n", (2, 4, 2)),
])
def test_layout_is_detected_not_assumed(text: str, layout: tuple[int, int, int]) -> None:
    trip = roundtrip.load(text)
    assert (trip.layout.mapping, trip.layout.sequence, trip.layout.offset) == layout
    assert trip.exact and trip.dump() == text


def test_a_layout_ruamel_cannot_reproduce_is_marked() -> None:
    assert not roundtrip.load("a: ~\nb: [1,2]\n").exact


def test_comment_above_a_key_that_becomes_first_goes_above_the_list_item() -> None:
    assert reordered("""\
        id: X001
        recommendations:
          - text: t
            # the id of this recommendation
            id: MLR-1
            topic: x
        """) == textwrap.dedent("""\
        id: X001
        recommendations:
          # the id of this recommendation
          - id: MLR-1
            text: t
            topic: x
        """)


def test_comments_after_block_scalars_and_empty_flow_lists_move_with_their_key() -> None:
    assert reordered("""\
        title: T
        notes: []
        # about the year
        year: 2020
        key_takeaways:
          - |
            literal
        # about the id
        id: X001
        """) == textwrap.dedent("""\
        # about the id
        id: X001
        title: T
        # about the year
        year: 2020
        key_takeaways:
          - |
            literal
        notes: []
        """)


def test_blank_lines_and_end_of_line_comments_stay_put() -> None:
    assert reordered("""\
        title: T  # eol title

        # spaced
        id: X001   # eol id
        year: 2020
        # end of mapping
        """) == textwrap.dedent("""\
        # spaced
        id: X001   # eol id
        title: T  # eol title
        year: 2020
        # end of mapping
        """)


def test_a_list_of_papers_keeps_its_flush_left_dashes() -> None:
    assert reordered("""\
        - title: One
          id: A001
          recommendations:
            - text: t
              id: MLR-1
        # between papers
        - id: B001
          title: Two
        """, in_list=True) == textwrap.dedent("""\
        - id: A001
          title: One
          recommendations:
            - id: MLR-1
              text: t
        # between papers
        - id: B001
          title: Two
        """)


PAPER_VALUES = {
    "id": "X001", "title": "'T: a title'", "first_author": "X", "year": "2020",
    "arxiv": '"2001.00001"', "key_takeaways": "\n  - one\n  - two", "notes": "[]",
}
REC_VALUES = {"id": "MLR-2020-X001-0001", "text": "|\n      literal\n      text",
              "topic": "model-stability", "status": "deprecated",
              "superseded_by": "[MLR-2021-Y001-0001]",
              "deprecated": "\n      date: \"2021-01-01\"\n      reason: r",
              "implementations": "\n      - a"}


def _entry(indent: str, key: str, value: str, comment: str) -> str:
    if "\n" in value:
        return f"{indent}{key}:{'' if value.startswith(chr(10)) else ' '}{value}"
    return f"{indent}{key}: {value}  {comment}"


@settings(max_examples=50, deadline=None)
@given(st.permutations(list(PAPER_VALUES)), st.permutations(list(REC_VALUES)),
       st.booleans(), st.booleans())
def test_every_comment_stays_above_its_key_whatever_the_order(
        paper_keys: list[str], rec_keys: list[str], blank: bool, dash_comment: bool) -> None:
    gap = "\n" if blank else ""
    lines = ["# header"]
    for i, key in enumerate(paper_keys):
        lines.append(f"{gap}# about {key}" if i else "")
        value = PAPER_VALUES[key]
        lines.append(_entry("", key, value, f"# eol {key}"))
    lines.append("recommendations:\n  - # first" if dash_comment else "recommendations:")
    for i, key in enumerate(rec_keys):
        if i:
            lines.append(f"    # about rec {key}")
        value = REC_VALUES[key]
        indent = "  - " if i == 0 and not dash_comment else "    "
        lines.append(_entry(indent, key, value, f"# eol rec {key}"))
    text = "\n".join(line for line in lines if line) + "\n# end\n"
    trip = roundtrip.load(text)
    assert trip.exact or dash_comment  # ruamel moves a comment after `- ` above it
    order_paper(trip.data, text.split("\n"), 2, False)
    out = trip.dump()
    again = roundtrip.load(out)
    assert list(again.data) == [*PAPER_VALUES, "recommendations"]
    assert not order_paper(again.data, out.split("\n"), 2, False)
    assert out.startswith("# header\n") and out.endswith("# end\n")
    out_lines = out.split("\n")
    for key in paper_keys[1:]:
        at = next(i for i, line in enumerate(out_lines) if line.startswith(f"{key}:"))
        assert out_lines[at - 1] == f"# about {key}"
        assert "\n" in PAPER_VALUES[key] or out_lines[at].endswith(f"# eol {key}")
    for key in rec_keys[1:]:
        at = next(i for i, line in enumerate(out_lines) if line.startswith(f"    {key}:")
                  or line.startswith(f"  - {key}:"))
        assert out_lines[at - 1].strip() == f"# about rec {key}"
        assert "\n" in REC_VALUES[key] or out_lines[at].endswith(f"# eol rec {key}")
