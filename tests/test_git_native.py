"""The git-native guarantees on real commits: installed pre-commit hooks in a tmp repository.

The hooks are the manifest's own (`.pre-commit-hooks.yaml`: entry, always_run, files),
run with `language: unsupported` so they use the `anthology` of this environment
instead of installing the package for every test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TOPICS, git
from papers import GOOD, KINGMA, LOSHCHILOV, TOMBSTONES, lost_ids
from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parents[1]
LAYOUT = '[render]\noutputs = ["registry-md", "json"]\n'


def environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "ANTHOLOGY_OFFLINE": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
           "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
    for name in ("GITHUB_ACTIONS", "PRE_COMMIT_FROM_REF", "PRE_COMMIT_TO_REF"):
        env.pop(name, None)
    return env


def manifest_hooks(*ids: str) -> list[dict[str, object]]:
    hooks = YAML(typ="safe").load((HERE / ".pre-commit-hooks.yaml").read_text())
    by_id = {h["id"]: h for h in hooks}
    return [{**{k: v for k, v in by_id[i].items() if k != "minimum_pre_commit_version"},
             "language": "unsupported"} for i in ids]


class Repo:
    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.root, self.env = root, env
        self.papers = root / "registry" / "papers"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(args), cwd=self.root, env=self.env, capture_output=True,
                              text=True, check=False)

    def commit(self, message: str) -> tuple[int, str]:
        done = self.run("git", "commit", "-qm", message)
        return done.returncode, done.stdout + done.stderr

    def commit_all(self, message: str) -> tuple[int, str]:
        self.run("git", "add", "-A")
        status, out = self.commit(message)
        if status != 0 and "was rewritten" in out:  # the derived files, to stage too
            self.run("git", "add", "-A")
            status, out = self.commit(message)
        return status, out


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    root = tmp_path / "repo"
    (root / "registry" / "papers").mkdir(parents=True)
    (root / "registry" / "topics.yaml").write_text(TOPICS)
    (root / "anthology.toml").write_text(LAYOUT)
    for name, text in GOOD.items():
        (root / "registry" / "papers" / name).write_text(text)
    config = {"repos": [{"repo": "local", "hooks": manifest_hooks("anthology-fix", "anthology")}]}
    YAML().dump(config, root / ".pre-commit-config.yaml")
    env = environment(tmp_path / "pre-commit-home")
    git(root, "init", "-q", "-b", "main")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=root, env=env,
                   check=True, capture_output=True)
    repo = Repo(root, env)
    status, out = repo.commit_all("registry")
    assert status == 0, out
    return repo


def test_deleting_a_paper_file_is_refused_naming_each_lost_id(repo: Repo) -> None:
    git(repo.root, "rm", "-q", "registry/papers/Kingma001.yaml")
    status, out = repo.commit("drop Kingma001")
    assert status == 1, out
    assert lost_ids(out) == {"Kingma001.yaml": {"Kingma001", "MLR-2014-Kingma001-0001",
                                                "MLR-2014-Kingma001-0002"}}, out
    assert "restore the file (git checkout HEAD -- registry/papers/Kingma001.yaml)" in out
    assert out.count("ids are public") == 1, out  # the fix is said once, for the whole file
    assert "Kingma001" in git(repo.root, "ls-tree", "-r", "--name-only", "HEAD")


def test_a_renamed_paper_file_runs_the_hooks(repo: Repo) -> None:
    git(repo.root, "mv", "registry/papers/Kingma001.yaml", "registry/papers/adam.yaml")
    status, out = repo.commit("rename")
    assert status == 1 and "error[ID003]" in out, out


def test_the_range_check_finds_a_deletion_already_committed(repo: Repo) -> None:
    git(repo.root, "rm", "-q", "registry/papers/Loshchilov001.yaml")
    git(repo.root, "commit", "-qm", "drop", "--no-verify")
    done = repo.run(sys.executable, "-m", "pre_commit", "run", "--from-ref", "HEAD~1",
                    "--to-ref", "HEAD")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "error[ID012] paper Loshchilov001 and recommendation MLR-2017-Loshchilov001-0001 " \
        "exist at HEAD~1 but are gone (the file was deleted)" in out


def test_correcting_the_year_of_a_committed_paper_keeps_its_ids(repo: Repo) -> None:
    paper = repo.papers / "Loshchilov001.yaml"
    paper.write_text(LOSHCHILOV.replace("year: 2017", "year: 2019"))
    status, out = repo.commit_all("Loshchilov001: the year of the published version")
    assert status == 0, out
    assert paper.read_text() == LOSHCHILOV.replace("year: 2017", "year: 2019")
    assert "MLR-2017-Loshchilov001-0001" in (repo.root / "REGISTRY.md").read_text()


def test_a_new_recommendation_follows_the_corrected_year(repo: Repo) -> None:
    paper = repo.papers / "Loshchilov001.yaml"
    paper.write_text(LOSHCHILOV.replace("year: 2017", "year: 2019") + """\
  - id: MLR-2017-Loshchilov001-0002
    text: Scale weight decay with the number of updates.
    topic: training-optimization
    status: experimental
""")
    status, out = repo.commit_all("another recommendation")
    assert status == 1
    assert "Loshchilov001.yaml:11:9: error[ID006] recommendation id 'MLR-2017-Loshchilov001-0002' " \
           "should look like MLR-2019-Loshchilov001-NNNN" in out, out


def test_a_file_that_does_not_parse_reports_only_its_own_error(repo: Repo) -> None:
    (repo.papers / "Kingma001.yaml").write_text(KINGMA.replace("title: \"Adam", "title: [\"Adam"))
    status, out = repo.commit_all("broken")
    assert status == 1
    assert "error[YAML005]" in out and "ID012" not in out, out


def test_an_unrelated_commit_does_not_load_the_registry(repo: Repo) -> None:
    (repo.papers / "Kingma001.yaml").write_text("title: [unclosed\n")
    git(repo.root, "commit", "-qam", "broken on purpose", "--no-verify")
    (repo.root / "train.py").write_text("print('hello')\n")
    status, out = repo.commit_all("an unrelated script")
    assert status == 0, out
    assert "YAML005" not in out


def test_a_deletion_with_tombstones_passes_and_the_attic_lists_them(repo: Repo) -> None:
    git(repo.root, "rm", "-q", "registry/papers/Kingma001.yaml")
    (repo.root / "registry" / "removed.yaml").write_text(TOMBSTONES)
    status, out = repo.commit_all("remove Kingma001, entered twice")
    assert status == 0, out
    attic = (repo.root / "REGISTRY.md").read_text().split("### Removed ids")[1]
    assert "| `Kingma001` | 2026-12-01 | Entered twice by the migration. |  |" in attic
    assert git(repo.root, "status", "--porcelain") == ""

    (repo.papers / "Kingma001.yaml").write_text(KINGMA)
    status, out = repo.commit_all("Kingma001 again")
    assert status == 1
    assert "Kingma001.yaml:1:5: error[REMOVED001] 'Kingma001' was removed" in out, out


def test_each_problem_of_a_commit_is_said_once_across_the_hooks(repo: Repo) -> None:
    """The fix hook leaves to the check hook what it reports too, with its fix."""
    git(repo.root, "mv", "registry/papers/Kingma001.yaml", "registry/papers/adam.yaml")
    status, out = repo.commit("rename")
    assert status == 1 and out.count("file is named 'adam'") == 1, out
    assert "error[ID003]" in out and "FIX006" not in out, out
    git(repo.root, "mv", "registry/papers/adam.yaml", "registry/papers/Kingma001.yaml")
    (repo.papers / "Kingma001.yaml").write_text(KINGMA + "  - [unclosed\n")
    status, out = repo.commit_all("broken")
    assert status == 1 and out.count("error[YAML") == 1 and "FIX008" not in out, out
