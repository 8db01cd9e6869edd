"""Shared fixtures: a registry written into tmp_path, and no network but 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from anthology.cli import main
from fake_arxiv import fake_arxiv  # noqa: F401

TOPICS = """\
topics:
  - id: training-optimization
    title: Training optimization
    scope: Optimizers and schedules.
    aliases: [optimization]
  - id: model-stability
    title: Model stability
    scope: Normalization and initialization.
"""


@pytest.fixture(autouse=True)
def only_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests may talk to servers of their own on 127.0.0.1, and nothing else."""
    real_connect = socket.socket.connect

    def guarded(sock: socket.socket, address: Any) -> Any:
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0]
            if host not in ("127.0.0.1", "::1", "localhost"):
                raise OSError(f"test tried to reach {host}: only 127.0.0.1 is allowed")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHOLOGY_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """Write a registry: `registry(**{"Kingma001.yaml": "..."})`; cwd becomes its root."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "registry" / "papers").mkdir(parents=True)
    (tmp_path / "registry" / "topics.yaml").write_text(TOPICS)

    def write(**files: str) -> Path:
        for name, text in files.items():
            target = tmp_path / "registry" / "papers" / name
            target.write_text(textwrap.dedent(text))
        return tmp_path

    return write


@pytest.fixture
def run_check(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str]]:
    def run(*args: str) -> tuple[int, str]:
        status = main(["check", "--offline", *args])
        return status, capsys.readouterr().out

    return run


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True,
                          check=True)
    return done.stdout


@pytest.fixture
def git_repo() -> Iterator[Callable[[Path], None]]:
    def init(root: Path) -> None:
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-qm", "registry")

    yield init
