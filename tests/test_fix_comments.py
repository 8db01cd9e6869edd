"""Round trips and key reordering keep comments, blank lines and quoting in place."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from anthology.fix import roundtrip
from anthology.fix.keyorder import order_paper

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
