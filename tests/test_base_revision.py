"""The base revision follows the context: --base, config, pre-commit's range, a pull request."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import git
from papers import GOOD, KINGMA, RunCheck, WriteRegistry, codes, lost_ids

PULL_REQUEST = {"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request",
                "GITHUB_BASE_REF": "main"}


@pytest.fixture
def history(registry: WriteRegistry, git_repo: Callable[[Path], None]) -> Path:
    """main with the good registry; branch `topic` deletes Loshchilov001 in one commit."""
    root = registry(**GOOD)
    git_repo(root)
    git(root, "checkout", "-q", "-b", "topic")
    git(root, "rm", "-q", "registry/papers/Loshchilov001.yaml")
    git(root, "commit", "-qm", "drop")
    return root


def gone(out: str) -> set[str]:
    return set().union(*lost_ids(out).values())


def test_pre_commits_range_is_the_base(history: Path, run_check: RunCheck,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRE_COMMIT_FROM_REF", "main")
    monkeypatch.setenv("PRE_COMMIT_TO_REF", "HEAD")
    status, out = run_check("--only", "ids")
    assert status == 1
    assert gone(out) == {"Loshchilov001", "MLR-2017-Loshchilov001-0001"}
    assert "exist at main but are gone" in out


def test_a_pull_request_compares_with_the_merge_base(history: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     run_check: RunCheck) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--no-local", str(history), str(clone))
    git(clone, "checkout", "-q", "topic")
    monkeypatch.chdir(clone)
    for name, value in PULL_REQUEST.items():
        monkeypatch.setenv(name, value)
    status, out = run_check("--only", "ids", "--format", "text")
    assert status == 1
    assert "exist at the merge-base with origin/main but are gone" in out
    assert run_check("--only", "ids", "--base", "HEAD", "--format", "text") == (0, "")


def test_a_shallow_clone_says_the_rule_did_not_run_and_how_to_fix_it(
        history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        run_check: RunCheck) -> None:
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "topic", f"file://{history}",
        str(clone))
    monkeypatch.chdir(clone)
    for name, value in PULL_REQUEST.items():
        monkeypatch.setenv(name, value)
    status, out = run_check("--only", "ids", "--format", "text")
    assert status == 0
    assert codes(out) == [("topics.yaml", 1, "ID013")]
    assert "not compared with the base revision" in out and "fetch-depth: 0" in out
    assert "Traceback" not in out


def test_a_missing_base_is_a_note_naming_it(history: Path, run_check: RunCheck) -> None:
    status, out = run_check("--only", "ids", "--base", "origin/nowhere")
    assert status == 0
    assert "note[ID013]" in out and "'origin/nowhere' does not exist here" in out


def test_a_configured_base_comes_before_the_context(history: Path, run_check: RunCheck,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (history / "anthology.toml").write_text('base = "HEAD"\n')
    monkeypatch.setenv("PRE_COMMIT_FROM_REF", "main")
    monkeypatch.setenv("PRE_COMMIT_TO_REF", "HEAD")
    assert run_check("--only", "ids") == (0, "")


def test_a_published_surname_is_never_asked_to_change(registry: WriteRegistry,
                                                      run_check: RunCheck,
                                                      git_repo: Callable[[Path], None]) -> None:
    root = registry(**GOOD)
    git_repo(root)
    paper = root / "registry" / "papers" / "Kingma001.yaml"
    paper.write_text(KINGMA.replace("first_author: Kingma", "first_author: Kingmá-Ba"))
    assert run_check("--only", "ids") == (0, "")
    newcomer = KINGMA.replace("Kingma001", "Adam001").replace("arxiv: \"1412.6980\"\n", "url: https://example.org\n")
    (root / "registry" / "papers" / "Adam001.yaml").write_text(newcomer)
    status, out = run_check("--only", "ids")
    assert status == 1 and ("Adam001.yaml", 1, "ID002") in codes(out), out
