"""End to end: another repository runs our hooks through the real pre-commit.

`pre-commit try-repo` installs this working tree the way a consumer's pre-commit
would (a non-editable pip install into its own virtualenv), then runs the hooks in
a consumer repository with its own layout and configuration.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import git
from papers import GOOD, KINGMA

HERE = Path(__file__).resolve().parents[1]
LAYOUT = 'topics = "taxonomy.yaml"\npapers = ["refs"]\n'
TOPICS = (HERE / "tests" / "conftest.py").read_text().split('TOPICS = """\\\n')[1].split('"""')[0]


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def consumer(root: Path, papers: dict[str, str]) -> Path:
    (root / "refs").mkdir(parents=True)
    (root / "anthology.toml").write_text(LAYOUT)
    (root / "taxonomy.yaml").write_text(TOPICS)
    for name, text in papers.items():
        (root / "refs" / name).write_text(text)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "registry")
    return root


def try_repo(root: Path, home: Path, *hooks: str) -> tuple[int, str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "ANTHOLOGY_OFFLINE": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    env.pop("GITHUB_ACTIONS", None)
    outputs, status = [], 0
    for hook in hooks:
        done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(HERE), hook,
                               "--all-files", "--verbose"], cwd=root, env=env,
                              capture_output=True, text=True, check=False)
        outputs.append(done.stdout + done.stderr)
        status = max(status, done.returncode)
    return status, "\n".join(outputs)


def test_a_consumer_repository_with_its_own_layout(tmp_path: Path, pre_commit_home: Path) -> None:
    bad = consumer(tmp_path / "bad", {**GOOD, "Kingma001.yaml": KINGMA.replace(
        "status: standard", "status: stable")})
    status, out = try_repo(bad, pre_commit_home, "anthology-schema")
    assert status == 1, out
    assert "refs/Kingma001.yaml:18:13: error[SCHEMA004]" in out

    good = consumer(tmp_path / "good", GOOD)
    status, out = try_repo(good, pre_commit_home, "anthology-schema", "anthology-ids",
                           "anthology-succession")
    assert status == 0, out
    assert out.count("Passed") == 3

    (good / "refs" / "Kingma001.yaml").write_text(KINGMA.split("  - id: MLR-2014-Kingma001-0002")[0])
    status, out = try_repo(good, pre_commit_home, "anthology-ids")
    assert status == 1, out
    assert "refs/Kingma001.yaml:1:1: error[ID012] recommendation MLR-2014-Kingma001-0002" in out


def test_a_staged_deletion_runs_the_consumers_hook(tmp_path: Path, pre_commit_home: Path) -> None:
    root = consumer(tmp_path / "consumer", GOOD)
    git(root, "rm", "-q", "refs/Kingma001.yaml")
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "ANTHOLOGY_OFFLINE": "1"}
    env.pop("GITHUB_ACTIONS", None)
    done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(HERE),
                           "anthology-ids", "--verbose"], cwd=root, env=env,
                          capture_output=True, text=True, check=False)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "error[ID012] paper Kingma001 and recommendations MLR-2014-Kingma001-0001, " \
        "MLR-2014-Kingma001-0002 exist at HEAD but are gone" in out
