"""A contributor's commit on a clone of this repository, through the installed hooks.

One edit to one paper file, then `git commit` (which fails: the render rewrote the
derived files), `git add`, `git commit` again (which passes): the time of both attempts.
The clone is of the revision the comparison is made with, so both versions read a
registry they know. The hooks are that revision's .pre-commit-config.yaml (`anthology`
from PATH), with ruff and mypy skipped as for a contributor who edits only YAML, and
no network (ANTHOLOGY_OFFLINE=1).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from versions import OUT, REPO, measure, shim

PAPER = Path("registry/papers/Ba001.yaml")
MARK = " (bench edit)"
IDENTITY = {"GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.com",
            "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.com"}


def clone(rev: str) -> Path:
    """A clone of this repository at `rev` with the hooks installed (into bench/out)."""
    repo = OUT / "commit-repo"
    if repo.exists():
        shutil.rmtree(repo)
    subprocess.run(["git", "clone", "-q", str(REPO), str(repo)], check=True)
    subprocess.run(["git", "checkout", "-q", "-B", "bench", rev], cwd=repo, check=True)
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, check=True,
                   capture_output=True, env={**os.environ, "PRE_COMMIT_HOME": str(OUT / "pch")})
    return repo


def attempts(repo: Path, rev: str | None, round_: int) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, attempts) for one edit committed in as many attempts as
    it takes."""
    env = {**os.environ, **IDENTITY, "PRE_COMMIT_HOME": str(OUT / "pch"), "SKIP": "ruff,mypy",
           "ANTHOLOGY_OFFLINE": "1", "ANTHOLOGY_CACHE_DIR": str(OUT / f"cache-commit-{rev}"),
           "PATH": f"{shim(rev, OUT / f'bin-{rev}')}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    paper = repo / PAPER
    lines = paper.read_text().split("\n")
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("text: "))
    edited = lines[at].removesuffix(MARK)
    lines[at] = edited if edited != lines[at] else edited + MARK
    paper.write_text("\n".join(lines))
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    wall, cpu, tries = 0.0, 0.0, 0
    while tries < 3:
        seconds, used, status = measure(["git", "commit", "-qm", f"edit {round_}"], repo, env)
        wall, cpu, tries = wall + seconds, cpu + used, tries + 1
        if status == 0:
            return wall, cpu, tries
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    raise SystemExit(f"the commit did not pass in 3 attempts (see git status in {repo})")
