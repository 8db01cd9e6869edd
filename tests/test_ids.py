"""Identifiers: naming conventions, topics, and the git-native rule."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from anthology.naming import surname_letters
from conftest import git
from papers import GOOD, KINGMA, LOSHCHILOV, RunCheck, WriteRegistry, codes, lost_ids


def test_good_registry_is_clean(registry: WriteRegistry, run_check: RunCheck,
                                git_repo: Callable[[Path], None]) -> None:
    git_repo(registry(**GOOD))
    assert run_check("--only", "ids") == (0, "")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("id: Kingma001\n", "", ("Kingma001.yaml", 1, "ID001")),
    ("id: Kingma001", "id: Adam001", ("Kingma001.yaml", 1, "ID002")),
    ("id: Kingma001", "id: Kingma01", ("Kingma001.yaml", 1, "ID002")),
    ("  - id: MLR-2014-Kingma001-0002\n    text", "  - text", ("Kingma001.yaml", 15, "ID005")),
    ("MLR-2014-Kingma001-0002", "MLR-2015-Kingma001-0002", ("Kingma001.yaml", 15, "ID006")),
    ("MLR-2014-Kingma001-0002", "MLR-2014-Kingma001-2", ("Kingma001.yaml", 15, "ID006")),
    ("topic: training-optimization\n    status: standard", "topic: optimisation\n    status: standard",
     ("Kingma001.yaml", 17, "ID010")),
    ("topic: training-optimization\n    status: standard", "topic: optimization\n    status: standard",
     ("Kingma001.yaml", 17, "ID011")),
])
def test_each_rule(registry: WriteRegistry, run_check: RunCheck,
                   old: str, new: str, expected: tuple[str, int, str]) -> None:
    assert old in KINGMA
    registry(**{**GOOD, "Kingma001.yaml": KINGMA.replace(old, new)})
    status, out = run_check("--only", "ids")
    assert status == 1
    assert [c for c in codes(out) if c[2] != "ID013"] == [expected], out


def test_alias_message_names_the_canonical_topic(registry: WriteRegistry,
                                                 run_check: RunCheck) -> None:
    registry(**{**GOOD, "Kingma001.yaml": KINGMA.replace(
        "topic: training-optimization\n    status: standard", "topic: optimization\n    status: standard")})
    assert "write topic: training-optimization" in run_check("--only", "ids")[1]


def test_file_stem_must_match_and_the_fix_is_spelled_out(registry: WriteRegistry,
                                                        run_check: RunCheck) -> None:
    registry(**{"adam.yaml": KINGMA, "Loshchilov001.yaml": LOSHCHILOV})
    status, out = run_check("--only", "ids")
    assert ("adam.yaml", 1, "ID003") in codes(out)
    assert "git mv registry/papers/adam.yaml registry/papers/Kingma001.yaml" in out


def test_reused_counter_and_duplicate_recommendation(registry: WriteRegistry,
                                                     run_check: RunCheck) -> None:
    twin = LOSHCHILOV.replace("Loshchilov001", "Kingma001").replace("first_author: Loshchilov",
                                                                    "first_author: Kingma")
    twin = twin.replace("MLR-2017-Kingma001-0001", "MLR-2014-Kingma001-0001").replace("2017", "2014")
    registry(**{"Kingma001.yaml": KINGMA, "Kingma001b.yaml": twin})
    status, out = run_check("--only", "ids")
    found = [code for _, _, code in codes(out)]
    assert found.count("ID004") == 2 and found.count("ID007") == 2


def test_topic_ids_are_hyphenated_lowercase_and_declared_once(
        registry: WriteRegistry, run_check: RunCheck) -> None:
    root = registry(**GOOD)
    (root / "registry" / "topics.yaml").write_text(
        "topics:\n  - id: training-optimization\n    title: T\n    scope: S\n"
        "    aliases: [optimization]\n  - id: Model_Stability\n    title: M\n    scope: S\n"
        "    aliases: [optimization]\n")
    _, out = run_check("--only", "ids")
    assert ("topics.yaml", 6, "ID008") in codes(out)
    assert ("topics.yaml", 9, "ID009") in codes(out)


@pytest.mark.parametrize(("surname", "letters"), [
    ("Müller", "Muller"), ("de With", "deWith"), ("Straße", "Strasse"), ("Łukasz-Nowak", "LukaszNowak"),
    ("O'Neil", "ONeil"), ("Šimánek", "Simanek")])
def test_surnames_fold_to_ascii_letters(surname: str, letters: str) -> None:
    assert surname_letters(surname) == letters


def test_deleting_a_committed_recommendation_is_refused(
        registry: WriteRegistry, run_check: RunCheck,
        git_repo: Callable[[Path], None]) -> None:
    root = registry(**GOOD)
    git_repo(root)
    paper = root / "registry" / "papers" / "Kingma001.yaml"
    paper.write_text(KINGMA.split("  - id: MLR-2014-Kingma001-0002")[0])
    status, out = run_check("--only", "ids")
    assert status == 1
    assert codes(out) == [("Kingma001.yaml", 1, "ID012")]
    assert "MLR-2014-Kingma001-0002 exists at HEAD" in out


def test_deleting_a_committed_paper_file_and_base_ref(
        registry: WriteRegistry, run_check: RunCheck,
        git_repo: Callable[[Path], None]) -> None:
    root = registry(**GOOD)
    git_repo(root)
    git(root, "rm", "-q", "registry/papers/Loshchilov001.yaml")
    git(root, "commit", "-qm", "drop")
    status, out = run_check("--only", "ids", "--base", "HEAD~1")
    assert status == 1
    assert lost_ids(out) == {"Loshchilov001.yaml": {"Loshchilov001",
                                                    "MLR-2017-Loshchilov001-0001"}}
    assert "exist at HEAD~1 but are gone" in out
    assert run_check("--only", "ids") == (0, "")  # the deletion itself is now the base


def test_outside_git_the_rule_is_skipped_with_a_note(
        registry: WriteRegistry, run_check: RunCheck) -> None:
    registry(**GOOD)
    status, out = run_check("--only", "ids")
    assert status == 0
    assert "note[ID013]" in out and "not inside a git work tree" in out


def test_an_unknown_topic_close_to_a_known_one_says_which(registry: WriteRegistry,
                                                          run_check: RunCheck) -> None:
    registry(**{**GOOD, "Kingma001.yaml": KINGMA.replace(
        "topic: training-optimization\n    status: standard",
        "topic: training-optimisation\n    status: standard")})
    out = run_check("--only", "ids")[1]
    assert "topic 'training-optimisation' is not declared in the topics file; did you mean " \
        "training-optimization?" in out
    registry(**{"Kingma001.yaml": KINGMA.replace(
        "topic: training-optimization\n    status: standard", "topic: optimisation\n    status: "
        "standard")})
    assert "did you mean training-optimization?" in run_check("--only", "ids")[1]  # an alias
    registry(**{"Kingma001.yaml": KINGMA.replace(
        "topic: training-optimization\n    status: standard", "topic: robotics\n    status: "
        "standard")})
    out = run_check("--only", "ids")[1]
    assert "did you mean" not in out and "(known: model-stability, training-optimization)" in out


def test_a_full_name_as_first_author_says_write_the_surname(registry: WriteRegistry,
                                                           run_check: RunCheck) -> None:
    registry(**{**GOOD, "Kingma001.yaml": KINGMA.replace("first_author: Kingma",
                                                         "first_author: Diederik P. Kingma")})
    status, out = run_check("--only", "ids")
    assert status == 1
    assert [c for c in codes(out) if c[2] != "ID013"] == [("Kingma001.yaml", 3, "ID019")], out
    assert "first_author 'Diederik P. Kingma' is a full name: write the surname only " \
        "(first_author: Kingma)" in out
    registry(**{"Kingma001.yaml": KINGMA.replace("first_author: Kingma",
                                                 "first_author: Diederik Kingma")})
    assert "(first_author: Kingma)" in run_check("--only", "ids")[1]  # the id says which part


@pytest.mark.parametrize("surname", ["de With", "van der Maaten", "Le Scao", "Jimenez Rezende"])
def test_surnames_of_several_words_are_not_full_names(registry: WriteRegistry,
                                                      run_check: RunCheck, surname: str) -> None:
    letters = surname_letters(surname)
    registry(**{f"{letters}001.yaml": KINGMA.replace("first_author: Kingma",
                                                     f"first_author: {surname}")
                .replace("Kingma001", f"{letters}001")})
    assert "ID019" not in run_check("--only", "ids")[1]


@pytest.mark.parametrize(("author", "says"), [
    ("Kingma", "paper has no id; `anthology fix` assigns one"),
    ("Diederik P. Kingma", "`anthology fix` assigns one once first_author is the surname"),
    ("'123'", "`anthology fix` derives one from first_author (the surname): add it"),
])
def test_check_says_what_fix_does_for_a_missing_paper_id(
        registry: WriteRegistry, run_check: RunCheck, capsys: pytest.CaptureFixture[str],
        author: str, says: str) -> None:
    from anthology.cli import main

    registry(**{"Kingma001.yaml": KINGMA.replace("id: Kingma001\n", "").replace(
        "first_author: Kingma", f"first_author: {author}")})
    out = run_check("--only", "ids")[1]
    assert f"{says}\n" in out or f"{says} " in out, out
    assert main(["fix"]) == 1
    fixed = (Path("registry/papers/Kingma001.yaml").read_text().startswith("id: Kingma0"))
    assert fixed == (author == "Kingma"), capsys.readouterr().out


def test_check_says_what_fix_does_for_a_missing_recommendation_id(
        registry: WriteRegistry, run_check: RunCheck) -> None:
    registry(**{"Kingma001.yaml": KINGMA.replace("  - id: MLR-2014-Kingma001-0002\n    text",
                                                 "  - text").replace("id: Kingma001", "id: K1")})
    out = run_check("--only", "ids")[1]
    assert "recommendation has no id; `anthology fix` assigns one once its paper has a valid id " \
        "and a year" in out
