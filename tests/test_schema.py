"""Schema: a YAML snippet in, the code and the line of the offending value out."""

from __future__ import annotations

import pytest
from papers import GOOD, KINGMA, RunCheck, WriteRegistry, codes


def test_good_registry_is_clean(registry: WriteRegistry, run_check: RunCheck) -> None:
    registry(**GOOD)
    assert run_check("--only", "schema") == (0, "")


@pytest.mark.parametrize(("change", "expected"), [
    (("title: \"Adam: A Method for Stochastic Optimization\"\n", ""), ("Kingma001.yaml", 1, "SCHEMA001")),
    (("year: 2014", "year: '2014'"), ("Kingma001.yaml", 4, "SCHEMA003")),
    (("    status: standard", "    status: stable"), ("Kingma001.yaml", 18, "SCHEMA004")),
    (("first_author: Kingma", "first_author: Kingma\ntitel: typo"), ("Kingma001.yaml", 4, "SCHEMA002")),
    (("date: 2019-01-01", "date: 1 January 2019"), ("Kingma001.yaml", 13, "SCHEMA005")),
    (("arxiv: \"1412.6980\"\n", ""), ("Kingma001.yaml", 1, "SCHEMA001")),
    (("      reason: Under Adam an L2 term is scaled by the adaptive denominator.\n", ""),
     ("Kingma001.yaml", 13, "SCHEMA001")),
    (("superseded_by: [MLR-2017-Loshchilov001-0001]", "superseded_by: []"),
     ("Kingma001.yaml", 11, "SCHEMA005")),
])
def test_each_rule(registry: WriteRegistry, run_check: RunCheck,
                   change: tuple[str, str], expected: tuple[str, int, str]) -> None:
    old, new = change
    assert old in KINGMA
    registry(**{**GOOD, "Kingma001.yaml": KINGMA.replace(old, new)})
    status, out = run_check("--only", "schema")
    assert status == 1
    assert codes(out) == [expected], out


def test_messages_are_plain_words(registry: WriteRegistry, run_check: RunCheck) -> None:
    registry(**{**GOOD, "Kingma001.yaml": KINGMA.replace("year: 2014", "year: '2014'")})
    _, out = run_check("--only", "schema")
    assert "'year' must be an integer, not a string \"2014\"" in out


def test_list_file_top_level(registry: WriteRegistry, run_check: RunCheck) -> None:
    registry(**{"many.yaml": "- just a string\n", "scalar.yaml": "hello\n"})
    status, out = run_check("--only", "schema")
    assert status == 1
    assert ("many.yaml", 1, "SCHEMA003") in codes(out)
    assert ("scalar.yaml", 1, "SCHEMA006") in codes(out)


def test_a_list_of_papers_is_a_registry_file(registry: WriteRegistry,
                                             run_check: RunCheck) -> None:
    indented = "".join(("  " + line if line else line) + "\n" for line in KINGMA.splitlines())
    registry(**{"all.yaml": "- " + indented[2:]})
    status, out = run_check("--only", "schema,succession")
    assert codes(out) == [("all.yaml", 11, "SUCC004")], out


def test_topics_file_is_validated(registry: WriteRegistry, run_check: RunCheck) -> None:
    root = registry(**GOOD)
    (root / "registry" / "topics.yaml").write_text("topics:\n  - id: x\n    title: X\n")
    status, out = run_check("--only", "schema")
    assert codes(out) == [("topics.yaml", 2, "SCHEMA001")]


@pytest.mark.parametrize(("name", "text", "whole"), [
    ("topics.yaml", "topic:\n  - id: x\n", "the topics file"),
    ("removed.yaml", "tombstones:\n  - id: Kingma001\n", "the tombstone file"),
])
def test_a_misspelled_top_key_names_the_file_it_is_in(registry: WriteRegistry,
                                                      run_check: RunCheck, name: str, text: str,
                                                      whole: str) -> None:
    root = registry(**GOOD)
    (root / "registry" / name).write_text(text)
    status, out = run_check("--only", "schema")
    assert status == 1
    assert f"error[SCHEMA001] {whole} is missing required key '{name[:-5]}'" in out, out
    assert "the paper" not in out
