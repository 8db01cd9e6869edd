"""arXiv out of reach: one line says so, under `anthology run` and under real pre-commit.

The arXiv API is pointed at a port on 127.0.0.1 where nothing listens, so every
connection is refused at once, the way a commit made without network fails.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from anthology.cli import main
from arxiv_fakes import FAST_CONFIG, paper
from conftest import git
from papers import GOOD

HERE = Path(__file__).resolve().parents[1]
PAPERS = {**GOOD, **{f"Example{i:03d}.yaml": paper(f"Example{i:03d}", f"Paper {i}", "Example",
                                                   2020, f"2001.{i:05d}") for i in range(1, 6)}}
README = "# r\n<!-- anthology:begin summary -->\n<!-- anthology:end summary -->\n"
LINE = ("could not ask arXiv: arXiv refused the connection; 7 arXiv id(s) not checked online "
        "(the offline checks ran); skip the network with --offline or ANTHOLOGY_OFFLINE=1")


@pytest.fixture
def refused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_anthology_run_prints_one_line_for_an_unreachable_arxiv(
        registry: Callable[..., Path], git_repo: Callable[[Path], None], refused_port: int,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = registry(**PAPERS)
    (root / "README.md").write_text(README)
    (root / "anthology.toml").write_text(FAST_CONFIG)
    git_repo(root)
    monkeypatch.delenv("ANTHOLOGY_OFFLINE", raising=False)
    monkeypatch.setenv("ANTHOLOGY_ARXIV_API", f"http://127.0.0.1:{refused_port}/api/query")
    assert main(["run"]) == 1  # the derived files are written the first time
    capsys.readouterr()
    assert main(["run"]) == 0
    captured = capsys.readouterr()
    lines = (captured.out + captured.err).splitlines()
    assert lines == [f".:0:0: warning[ARXIV012] {LINE}"]
    assert main(["run", "--strict"]) == 1


def _consumer(root: Path) -> Path:
    (root / "registry" / "papers").mkdir(parents=True)
    (root / "registry" / "topics.yaml").write_text(
        (HERE / "tests" / "conftest.py").read_text().split('TOPICS = """\\\n')[1].split('"""')[0])
    for name, text in PAPERS.items():
        (root / "registry" / "papers" / name).write_text(text)
    (root / "README.md").write_text(README)
    (root / "anthology.toml").write_text(FAST_CONFIG)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    return root


def test_pre_commit_shows_the_line_on_a_passing_run(tmp_path: Path, refused_port: int) -> None:
    repo = _consumer(tmp_path / "consumer")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "home"),
           "ANTHOLOGY_ARXIV_API": f"http://127.0.0.1:{refused_port}/api/query",
           "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
    env.pop("ANTHOLOGY_OFFLINE", None)
    env.pop("GITHUB_ACTIONS", None)
    # without --verbose: the manifest's `verbose: true` is what shows the line
    done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(HERE),
                           "anthology-arxiv", "--all-files"], cwd=repo, env=env,
                          capture_output=True, text=True, check=False)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert "Passed" in out
    assert out.count("ARXIV012") == 1 and LINE in out, out
    assert "arXiv" not in out.replace(LINE, "").replace("anthology arxiv", ""), out
