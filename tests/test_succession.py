"""Succession: every rule of the attic, a snippet in and the code and line out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import git
from papers import GOOD, KINGMA, LOSHCHILOV, RunCheck, WriteRegistry, codes

CHAIN_END = LOSHCHILOV.replace("    status: standard", """\
    status: deprecated
    deprecated:
      date: 2020-01-01
      reason: Retired.""")


def run(registry: WriteRegistry, run_check: RunCheck,
        **files: str) -> tuple[int, list[tuple[str, int, str]]]:
    registry(**{**GOOD, **files})
    status, out = run_check("--only", "succession")
    return status, codes(out)


def test_good_chain_is_clean(registry: WriteRegistry, run_check: RunCheck) -> None:
    assert run(registry, run_check) == (0, [])


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("    status: standard", "    status: standard\n    superseded_by: [MLR-2014-Kingma001-0001]",
     ("Kingma001.yaml", 19, "SUCC001")),
    ("    status: standard", "    status: standard\n    deprecated: {date: 2020-01-01, reason: x}",
     ("Kingma001.yaml", 19, "SUCC002")),
    ("    deprecated:\n      date: 2019-01-01\n      reason: Under Adam an L2 term is scaled by the"
     " adaptive denominator.\n", "", ("Kingma001.yaml", 10, "SUCC003")),
    ("[MLR-2017-Loshchilov001-0001]", "[MLR-2099-Nobody001-0001]", ("Kingma001.yaml", 11, "SUCC004")),
    ("[MLR-2017-Loshchilov001-0001]", "[MLR-2014-Kingma001-0001]", ("Kingma001.yaml", 11, "SUCC005")),
    ("date: 2019-01-01", "date: 2016-01-01", ("Kingma001.yaml", 13, "SUCC009")),
    ("date: 2019-01-01", "date: 2999-01-01", ("Kingma001.yaml", 13, "SUCC010")),
    ("date: 2019-01-01", "date: 2019-02-30", ("Kingma001.yaml", 13, "SUCC011")),
])
def test_each_rule(registry: WriteRegistry, run_check: RunCheck,
                   old: str, new: str, expected: tuple[str, int, str]) -> None:
    assert old in KINGMA
    status, found = run(registry, run_check, **{"Kingma001.yaml": KINGMA.replace(old, new)})
    assert status == 1
    assert found == [expected]


def test_cycle(registry: WriteRegistry, run_check: RunCheck) -> None:
    looped = CHAIN_END.replace("      reason: Retired.", "      reason: Retired.\n"
                               "    superseded_by: [MLR-2014-Kingma001-0001]")
    status, found = run(registry, run_check, **{"Loshchilov001.yaml": looped})
    assert status == 1
    assert ("Kingma001.yaml", 11, "SUCC006") in found or ("Loshchilov001.yaml", 14, "SUCC006") in found
    assert [code for _, _, code in found].count("SUCC006") == 1


def test_chain_ending_at_a_retired_practice_warns(registry: WriteRegistry,
                                                   run_check: RunCheck) -> None:
    status, found = run(registry, run_check, **{"Loshchilov001.yaml": CHAIN_END})
    assert status == 0
    assert found == [("Kingma001.yaml", 11, "SUCC007")]
    assert run_check("--only", "succession", "--strict")[0] == 1


def test_older_successor_warns(registry: WriteRegistry, run_check: RunCheck) -> None:
    older = LOSHCHILOV.replace("year: 2017", "year: 2013").replace("MLR-2017-", "MLR-2013-")
    kingma = KINGMA.replace("MLR-2017-Loshchilov001", "MLR-2013-Loshchilov001")
    status, found = run(registry, run_check, **{"Loshchilov001.yaml": older,
                                                "Kingma001.yaml": kingma})
    assert status == 0
    assert found == [("Kingma001.yaml", 11, "SUCC008")]


def test_retired_without_successor_is_allowed(registry: WriteRegistry,
                                              run_check: RunCheck) -> None:
    retired = KINGMA.replace("    superseded_by: [MLR-2017-Loshchilov001-0001]\n", "")
    assert run(registry, run_check, **{"Kingma001.yaml": retired}) == (0, [])


def test_an_unknown_successor_close_to_a_known_one_says_which(registry: WriteRegistry,
                                                              run_check: RunCheck) -> None:
    status, _ = run(registry, run_check, **{"Kingma001.yaml": KINGMA.replace(
        "[MLR-2017-Loshchilov001-0001]", "[MLR-2017-Loshchilov001-001]")})
    out = run_check("--only", "succession")[1]
    assert status == 1
    assert "successor 'MLR-2017-Loshchilov001-001' is not a recommendation in the registry; " \
        "did you mean MLR-2017-Loshchilov001-0001?" in out
    run(registry, run_check, **{"Kingma001.yaml": KINGMA.replace(
        "[MLR-2017-Loshchilov001-0001]", "[MLR-2099-Nobody001-0001]")})
    assert "did you mean" not in run_check("--only", "succession")[1]


ZHANG = """\
id: Zhang001
title: Root Mean Square Layer Normalization
first_author: Zhang
year: 2019
arxiv: "1910.07467"
recommendations:
  - id: MLR-2019-Zhang001-0001
    text: Normalize with RMSNorm.
    topic: training-optimization
    status: standard
"""
# Kingma001-0001 -> Loshchilov001-0001 (retired too) -> Zhang001-0001 (live)
RETIRED = LOSHCHILOV.replace("    status: standard", """\
    status: deprecated
    superseded_by: [MLR-2019-Zhang001-0001]
    deprecated:
      date: 2020-01-01
      reason: Retired.""")


def test_deleting_a_successor_is_reported_once_as_a_lost_id(
        registry: WriteRegistry, run_check: RunCheck,
        git_repo: Callable[[Path], None]) -> None:
    root = registry(**{**GOOD, "Loshchilov001.yaml": RETIRED, "Zhang001.yaml": ZHANG})
    git_repo(root)
    assert run_check("--only", "ids,succession") == (0, "")
    git(root, "rm", "-q", "registry/papers/Zhang001.yaml")
    status, out = run_check("--only", "ids,succession")
    # not also an unknown successor (SUCC004), nor a chain that no longer ends live (SUCC007)
    assert (status, codes(out)) == (1, [("Zhang001.yaml", 1, "ID012")]), out
    status, out = run_check("--only", "succession")  # without the ids check, the link is reported
    assert (status, codes(out)) == (1, [("Loshchilov001.yaml", 11, "SUCC004")]), out


def test_a_successor_in_a_file_that_does_not_load_is_not_reported_again(
        registry: WriteRegistry, run_check: RunCheck) -> None:
    registry(**{**GOOD, "Loshchilov001.yaml": RETIRED,
                "Zhang001.yaml": ZHANG + "  - [unclosed\n"})
    status, out = run_check("--only", "succession")
    assert status == 1 and [code for *_, code in codes(out)] == ["YAML005"], out


def test_an_id_three_edits_away_is_not_suggested(registry: WriteRegistry,
                                                 run_check: RunCheck) -> None:
    run(registry, run_check, **{"Kingma001.yaml": KINGMA.replace(
        "[MLR-2017-Loshchilov001-0001]", "[MLR-2020-Loshchilov002-0001]")})
    out = run_check("--only", "succession")[1]
    assert "error[SUCC004] successor 'MLR-2020-Loshchilov002-0001' is not a recommendation in " \
        "the registry\n" in out


def test_a_tombstoned_successor_names_its_replacement(
        registry: WriteRegistry, run_check: RunCheck) -> None:
    root = registry(**{"Kingma001.yaml": KINGMA})
    (root / "registry" / "removed.yaml").write_text(
        "removed:\n  - id: MLR-2017-Loshchilov001-0001\n    date: 2026-12-01\n"
        "    reason: Entered twice.\n    replaced_by: MLR-2014-Kingma001-0002\n")
    status, out = run_check("--only", "succession")
    assert status == 1 and codes(out) == [("Kingma001.yaml", 11, "SUCC004")]
    assert "successor 'MLR-2017-Loshchilov001-0001' was removed on purpose (tombstone file); " \
        "name MLR-2014-Kingma001-0002 instead" in out
