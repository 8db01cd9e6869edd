"""Another anthology reuses the hooks: a reading list, through the real pre-commit.

The consumer in `fixtures/reuse` keeps every paper in one file, has its own taxonomy and
title, lists papers by topic without recommendations, and cites papers from 1881 on by
DOI, ISBN, URL or arXiv id, with authors in Cyrillic and Chinese. `pre-commit try-repo`
installs this working tree the way a consumer's pre-commit would and runs every hook.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from anthology.cli import main
from conftest import git

HERE = Path(__file__).resolve().parents[1]
CONSUMER = HERE / "tests" / "fixtures" / "reuse"
HOOKS = re.findall(r"^- id: (\S+)", (HERE / ".pre-commit-hooks.yaml").read_text(), re.MULTILINE)


def consumer(root: Path) -> Path:
    shutil.copytree(CONSUMER, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "reading list")
    return root


def try_repo(root: Path, home: Path) -> tuple[int, str]:
    """Every hook of this repository, as the consumer's pre-commit runs them."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "ANTHOLOGY_OFFLINE": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    env.pop("GITHUB_ACTIONS", None)
    done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(HERE),
                           "--all-files", "--verbose"], cwd=root, env=env,
                          capture_output=True, text=True, check=False)
    return done.returncode, done.stdout + done.stderr


def test_a_reading_list_runs_every_hook(tmp_path: Path) -> None:
    home = tmp_path / "pre-commit-home"
    root = consumer(tmp_path / "reading-list")
    status, out = try_repo(root, home)
    assert status == 1, out  # the first run writes the derived files
    assert (root / "REGISTRY.md").is_file()
    git(root, "add", "-A")

    status, out = try_repo(root, home)
    assert status == 0, out
    assert out.count("Passed") == len(HOOKS) >= 8, out

    page = (root / "REGISTRY.md").read_text()
    assert page.splitlines()[2] == "# Classic machine learning reading list"
    assert "Ian Goodfellow, Yoshua Bengio, et al., 2016" in page
    assert "Андрей Николаевич Тихонов and Василий Яковлевич Арсенин, 1977" in page
    assert "(https://doi.org/10.2307/2369148)" in page
    assert "(https://openlibrary.org/isbn/0470991240)" in page
    for practice_word in ("recommendation", "attic", "deprecated", "standard", "Standard"):
        assert practice_word not in page
    readme = (root / "README.md").read_text()
    assert "| **All topics** | **7** |" in readme and "Standard" not in readme
    assert "Alex Krizhevsky, Ilya Sutskever, et al., 2012." in readme

    broken(root, *BROKEN)
    status, out = try_repo(root, home)
    assert status == 1, out
    for _, _, where in BROKEN:
        assert where in out, out


BROKEN = [
    ('isbn: "0470991240"', 'isbn: "0470991241"', "papers.yaml:26:19: error[CITE004]"),
    ('doi: "10.2307/2369148"', 'doi: "10.23/2369148"', "papers.yaml:7:12: error[CITE001]"),
    ("year: 1881", "year: 1781", "papers.yaml:6:9: error[SCHEMA005]"),
    ("topics: [vision]\n", "topics: [computer-vision]\n", "papers.yaml:45:12: error[ID010]"),
    ("authors: [Laurens van der Maaten,", "authors: [Geoffrey Hinton, Laurens van der Maaten,",
     "papers.yaml:34:13: error[CITE007]"),
]


def broken(root: Path, *changes: tuple[str, str, str]) -> None:
    papers = root / "papers.yaml"
    text = papers.read_text()
    for old, new, _ in changes:
        assert old in text
        text = text.replace(old, new, 1)
    papers.write_text(text)


@pytest.mark.parametrize(("old", "new", "where"), BROKEN)
def test_a_broken_reading_list_is_refused_with_positions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        old: str, new: str, where: str) -> None:
    root = consumer(tmp_path / "reading-list")
    broken(root, (old, new, where))
    monkeypatch.chdir(root)
    assert main(["run", "--offline"]) == 1
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if ": error[" in line] == [
        line for line in out.splitlines() if line.startswith(where)], out
    assert not (root / "REGISTRY.md").exists()  # nothing is rendered from a broken registry


pytest_plugins = ["site_browser"]  # browser, open_page, watch
ARTIFACTS = Path(os.environ.get("ANTHOLOGY_ARTIFACTS") or HERE / "build" / "test-artifacts")


def test_the_reading_list_page_in_a_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str],
                                            open_page: Any) -> None:
    root = consumer(tmp_path / "reading-list")
    monkeypatch.chdir(root)
    assert main(["site"]) == 0
    assert "wrote site/index.html (7 papers)" in capsys.readouterr().out
    page = open_page((root / "site" / "index.html").as_uri(), ready=False)
    assert page.title() == "Classic machine learning reading list"
    assert page.inner_text("h1") == "Classic machine learning reading list"
    assert page.locator("main h2").all_inner_texts() == [
        "Statistics", "Regularisation", "Representation learning", "Vision"]
    assert page.locator("#Tikhonov001 .byline").inner_text() == (
        "Андрей Николаевич Тихонов and Василий Яковлевич Арсенин, 1977 · ISBN 0470991240")
    assert page.locator("#Newcomb001 a").get_attribute("href") == (
        "https://doi.org/10.2307/2369148")
    assert page.locator("script").count() == 0
    assert page.locator("#Goodfellow001").count() == 1  # listed twice, one anchor
    assert "attic" not in page.inner_text("body").lower()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "reading-list.png"), full_page=True)


def test_add_appends_to_the_one_file_of_papers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str],
                                               fake_arxiv: Any) -> None:
    root = consumer(tmp_path / "reading-list")
    (root / "anthology.toml").write_text((root / "anthology.toml").read_text() +
                                         "[arxiv]\nspacing = 0.0\nretries = 1\n")
    monkeypatch.chdir(root)
    monkeypatch.setenv("ANTHOLOGY_ARXIV_API", fake_arxiv.url)
    monkeypatch.delenv("ANTHOLOGY_OFFLINE", raising=False)
    before = (root / "papers.yaml").read_text()
    assert main(["add", "1711.05101", "--topic", "regularisation"]) == 0
    assert "wrote papers.yaml (Loshchilov001: Decoupled Weight Decay" in capsys.readouterr().out
    assert (root / "papers.yaml").read_text() == before + (
        "\n"
        "- id: Loshchilov001\n"
        "  title: Decoupled Weight Decay Regularization\n"
        "  first_author: Loshchilov\n"
        "  year: 2017\n"
        '  arxiv: "1711.05101"\n'
        "  topics: [regularisation]\n")
    assert main(["check", "--offline"]) == 0, capsys.readouterr().out


def test_add_never_ends_in_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str],
                                       fake_arxiv: Any) -> None:
    root = consumer(tmp_path / "reading-list")
    monkeypatch.chdir(root)
    monkeypatch.setenv("ANTHOLOGY_ARXIV_API", fake_arxiv.url)
    monkeypatch.delenv("ANTHOLOGY_OFFLINE", raising=False)
    (root / "papers.yaml").write_text("id: Newcomb001\ntitle: One paper, not a list\n")
    assert main(["add", "1711.05101", "--topic", "regularisation"]) == 1
    err = capsys.readouterr().err
    assert "papers.yaml holds one paper, not a list of papers" in err
    (root / "anthology.toml").write_text('papers = ["papers.yaml"]\ntopics = "taxonomy.yaml"\n')
    assert main(["add", "1711.05101", "--topic", "regularisation"]) == 2
    assert "--text is needed" in capsys.readouterr().err
