"""`anthology diff`: the practice-level change between the base revision and the work tree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from anthology.cli import main
from conftest import git
from papers import WriteRegistry

ADAM = """\
id: Kingma001
title: "Adam: A Method for Stochastic Optimization"
first_author: Kingma
year: 2014
arxiv: "1412.6980"
recommendations:
  - id: MLR-2014-Kingma001-0001
    name: Adam with L2 weight decay
    text: Add an L2 penalty to the loss as weight decay when training with Adam.
    topic: training-optimization
    status: standard
  - id: MLR-2014-Kingma001-0002
    name: Adam bias correction
    text: Use bias correction for the moment estimates.
    topic: training-optimization
    status: experimental
"""

ADAMW = """\
id: Loshchilov001
title: Decoupled Weight Decay Regularization
first_author: Loshchilov
year: 2017
arxiv: "1711.05101"
recommendations:
  - id: MLR-2017-Loshchilov001-0001
    name: AdamW
    text: Use decoupled weight decay (AdamW) instead of an L2 term with Adam.
    topic: training-optimization
    status: standard
"""

RETIRED = """\
    status: deprecated
    superseded_by: [MLR-2017-Loshchilov001-0001]
    deprecated:
      date: 2019-01-01
      reason: Under Adam an L2 term is scaled by the adaptive denominator.
"""


@pytest.fixture
def two_states(registry: WriteRegistry, git_repo: object) -> Path:
    """A commit with Adam; then, in the work tree, AdamW replaces Adam's L2 decay."""
    root = registry(**{"Kingma001.yaml": ADAM})
    git_repo(root)  # type: ignore[operator]
    changed = (ADAM.replace("    status: standard\n", RETIRED, 1)
               .replace("status: experimental", "status: standard")
               .replace("for the moment estimates", "for Adam's first and second moment "
                        "estimates"))
    registry(**{"Kingma001.yaml": changed, "Loshchilov001.yaml": ADAMW})
    return root


def test_markdown_names_the_added_and_the_deprecated_practice(
        two_states: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "**1 added, 1 deprecated, 1 promoted to standard, 1 reworded, 1 paper added**" in out
    assert "### Added\n\n- **AdamW** (`MLR-2017-Loshchilov001-0001`): standard" in out
    assert ("- **Adam with L2 weight decay** (`MLR-2014-Kingma001-0001`): replaced by "
            "**AdamW** (`MLR-2017-Loshchilov001-0001`). Under Adam an L2 term") in out
    assert "Use bias correction for ~~the~~ **Adam's first and second** moment estimates." in out
    assert ("- **Decoupled Weight Decay Regularization** (`Loshchilov001`): "
            "[arXiv 1711.05101](https://arxiv.org/abs/1711.05101)") in out


def test_json_carries_each_change_and_the_word_diff(
        two_states: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--format", "json"]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    kinds = [(c["kind"], c["id"]) for c in changes]
    assert kinds == [("added", "MLR-2017-Loshchilov001-0001"),
                     ("deprecated", "MLR-2014-Kingma001-0001"),
                     ("promoted", "MLR-2014-Kingma001-0002"),
                     ("reworded", "MLR-2014-Kingma001-0002"),
                     ("paper", "Loshchilov001")]
    assert changes[1]["successors"] == [{"id": "MLR-2017-Loshchilov001-0001", "name": "AdamW"}]
    assert {"op": "+", "text": "Adam's first and second"} in changes[3]["words"]


def test_a_removed_practice_and_a_moved_one(registry: WriteRegistry, git_repo: object,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    root = registry(**{"Kingma001.yaml": ADAM})
    git_repo(root)  # type: ignore[operator]
    without = ADAM[: ADAM.index("  - id: MLR-2014-Kingma001-0002")]
    registry(**{"Kingma001.yaml": without.replace("topic: training-optimization",
                                                  "topic: model-stability")})
    assert main(["diff"]) == 0
    out = capsys.readouterr().out
    assert ("moved      Adam with L2 weight decay (MLR-2014-Kingma001-0001): "
            "training-optimization → model-stability") in out
    assert "removed    Adam bias correction (MLR-2014-Kingma001-0002)" in out


def test_nothing_changed_says_so(registry: WriteRegistry, git_repo: object,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    git_repo(registry(**{"Kingma001.yaml": ADAM}))  # type: ignore[operator]
    assert main(["diff", "--format", "markdown"]) == 0
    assert "**no practice-level change**" in capsys.readouterr().out


def test_a_base_that_does_not_exist_is_a_clear_error(
        registry: WriteRegistry, git_repo: object, capsys: pytest.CaptureFixture[str]) -> None:
    git_repo(registry(**{"Kingma001.yaml": ADAM}))  # type: ignore[operator]
    assert main(["diff", "--base", "origin/nope"]) == 2
    err = capsys.readouterr().err
    assert "can't read the base revision 'origin/nope'" in err
    assert "fetch-depth: 0" in err


def test_the_base_is_read_from_git_not_the_work_tree(two_states: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    git(two_states, "add", "-A")
    git(two_states, "commit", "-qm", "AdamW")
    assert main(["diff", "--base", "HEAD~1", "--format", "text"]) == 0
    assert "deprecated Adam with L2 weight decay" in " ".join(capsys.readouterr().out.split())


def test_a_long_unchanged_run_is_shortened_around_the_change() -> None:
    from anthology.changes import word_diff

    old = " ".join(f"w{i}" for i in range(40))
    new = old.replace("w20", "X")
    runs = word_diff(old, new, context=3)
    assert runs == [("=", "… w17 w18 w19"), ("-", "w20"), ("+", "X"), ("=", "w21 w22 w23 …")]


def test_a_tombstoned_removal_gives_its_reason_and_replacement(
        registry: WriteRegistry, git_repo: object, capsys: pytest.CaptureFixture[str]) -> None:
    root = registry(**{"Kingma001.yaml": ADAM, "Loshchilov001.yaml": ADAMW})
    git_repo(root)  # type: ignore[operator]
    registry(**{"Kingma001.yaml": ADAM[: ADAM.index("  - id: MLR-2014-Kingma001-0001")]
                + ADAM[ADAM.index("  - id: MLR-2014-Kingma001-0002"):]})
    (root / "registry" / "removed.yaml").write_text(
        "removed:\n  - id: MLR-2014-Kingma001-0001\n    date: 2026-12-01\n"
        "    reason: Entered twice by the migration.\n"
        "    replaced_by: MLR-2017-Loshchilov001-0001\n")
    assert main(["diff"]) == 0
    assert ("removed    Adam with L2 weight decay (MLR-2014-Kingma001-0001): removed: Entered "
            "twice by the migration. Replaced by AdamW (MLR-2017-Loshchilov001-0001).") in \
        capsys.readouterr().out
