"""`anthology render`, `anthology run` and the anthology-render hook under real git and
pre-commit: a commit that changes a recommendation fails until the docs are staged."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from anthology.cli import main
from conftest import git
from ruamel.yaml import YAML
from test_render_golden import FIXTURE, copy_fixture
from test_render_sections import KINGMA

HERE = Path(__file__).resolve().parents[1]
README = "# r\n<!-- anthology:begin summary -->\n<!-- anthology:end summary -->\n"
DOCS = ("REGISTRY.md", "README.md", "registry.json")


@pytest.fixture
def root(registry: Callable[..., Path]) -> Path:
    root = registry(**{"Kingma001.yaml": KINGMA})
    (root / "README.md").write_text(README)
    return root


def anthology(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def test_render_says_what_it_rewrote_then_nothing(root: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert anthology(capsys, "render") == (1, "REGISTRY.md was rewritten\nREADME.md was rewritten\n"
                                              "registry.json was rewritten\n")
    assert anthology(capsys, "render") == (0, "")
    assert anthology(capsys, "render", "--check") == (0, "")


def test_render_check_writes_nothing_and_fails_when_stale(root: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    status, out = anthology(capsys, "render", "--check")
    assert status == 1
    assert "REGISTRY.md is out of date; run `anthology render`" in out
    assert not (root / "REGISTRY.md").exists() and (root / "README.md").read_text() == README


def test_a_registry_with_errors_is_not_rendered(root: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    paper = root / "registry" / "papers" / "Kingma001.yaml"
    paper.write_text(paper.read_text().replace("status: standard", "status: stable"))
    status, out = anthology(capsys, "render")
    assert status == 1  # the check hooks print the findings: the render does not repeat them
    assert out == "anthology render: not rendered: the registry has 1 error (`anthology check` " \
        "lists them)\n"
    assert not (root / "REGISTRY.md").exists() and (root / "README.md").read_text() == README


def test_render_diagnostics_fail_the_render(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "README.md").write_text("<!-- anthology:begin summary -->\n")
    status, out = anthology(capsys, "render")
    assert status == 1
    assert "README.md:1:1: error[RENDER001] section 'summary' has no" in out
    assert not (root / "REGISTRY.md").exists()


def test_run_checks_then_renders(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = anthology(capsys, "run", "--offline")
    assert status == 1 and "REGISTRY.md was rewritten" in out
    assert anthology(capsys, "run", "--offline")[0] == 0
    paper = root / "registry" / "papers" / "Kingma001.yaml"
    paper.write_text(paper.read_text().replace("MLR-2014-Kingma001-0001", "MLR-2014-Kingma001-1"))
    before = (root / "REGISTRY.md").read_bytes()
    status, out = anthology(capsys, "run", "--offline")
    assert status == 1 and "error[ID006]" in out and "no derived file was written" in out
    assert (root / "REGISTRY.md").read_bytes() == before


def _environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "ANTHOLOGY_OFFLINE": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    env.pop("GITHUB_ACTIONS", None)
    return env


def _manifest_hook(hook_id: str) -> dict[str, object]:
    manifest = HERE / ".pre-commit-hooks.yaml"
    hooks = YAML(typ="safe").load(manifest.read_text()) if manifest.is_file() else []
    found = [h for h in hooks if h.get("id") == hook_id]
    if not found:
        pytest.fail(f"{hook_id} is not defined in .pre-commit-hooks.yaml")
    return dict(found[0])


def _package_copy(target: Path) -> Path:
    """The working tree's package, as pip would build it for a consumer."""
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "dist")
    for name in ("hooks", "schema"):
        shutil.copytree(HERE / name, target / name, ignore=skip)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (HERE / name).is_file():
            shutil.copy2(HERE / name, target / name)
    return target


def _commit(repo: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "commit", "-m", message], cwd=repo, env=env,
                          capture_output=True, text=True, check=False)


def test_a_commit_that_changes_a_recommendation_fails_until_the_docs_are_staged(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    hook = _manifest_hook("anthology-render")
    package = _package_copy(tmp_path / "package")
    repo = copy_fixture(tmp_path / "consumer")
    config = {"repos": [{"repo": "local", "hooks": [{
        **{k: v for k, v in hook.items() if k not in ("minimum_pre_commit_version",)},
        "additional_dependencies": [str(package)]}]}]}
    YAML().dump(config, repo / ".pre-commit-config.yaml")
    monkeypatch.chdir(repo)
    assert anthology(capsys, "render")[0] == 1  # the docs start in sync
    env = _environment(tmp_path / "pre-commit-home")
    git(repo, "init", "-q", "-b", "main")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env,
                   check=True, capture_output=True)
    git(repo, "add", "-A")
    first = _commit(repo, env, "registry")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "anthology render" in first.stderr and "Passed" in first.stderr

    paper = repo / "papers" / "Xiong001.yaml"
    paper.write_text(paper.read_text().replace("pre-LN Transformers", "pre-LN models"))
    git(repo, "add", "papers/Xiong001.yaml")
    failed = _commit(repo, env, "reword a recommendation")
    out = failed.stdout + failed.stderr
    assert failed.returncode == 1, out
    assert "REGISTRY.md was rewritten" in out and "registry.json was rewritten" in out
    assert "files were updated: `git add` them and commit again" in out
    assert git(repo, "log", "--format=%s").split() == ["registry"]
    assert "Train pre-LN models without" in (repo / "REGISTRY.md").read_text()

    git(repo, "add", *DOCS)
    passed = _commit(repo, env, "reword a recommendation")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert git(repo, "status", "--porcelain") == ""


def test_try_repo_installs_the_hook_with_its_templates(tmp_path: Path) -> None:
    """pre-commit installs this repository (not editable) the way a consumer's would."""
    _manifest_hook("anthology-render")
    repo = copy_fixture(tmp_path / "consumer")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    env = _environment(tmp_path / "pre-commit-home")

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(HERE),
                               "anthology-render", "--all-files"], cwd=repo, env=env,
                              capture_output=True, text=True, check=False)

    stale = try_repo()
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert "REGISTRY.md was rewritten" in stale.stdout
    for name in DOCS:
        assert (repo / name).read_bytes() == (FIXTURE / "golden" / name).read_bytes()
    git(repo, "add", "-A")
    fresh = try_repo()
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
