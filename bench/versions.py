"""Run `anthology` as it is now or as it was at an earlier revision, in the same run.

The earlier source is taken with `git archive` into bench/out and imported through
PYTHONPATH (the dependencies are the same virtualenv's), so a figure can be printed as
a ratio against the previous behaviour measured on the same machine, in the same minute.
`measure` gives the CPU time of a command and everything it ran besides the wall time:
on a machine shared with other work, wall time mostly measures the neighbours.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
# main before `fix` skipped clean files, arXiv failures became one line and templates were
# cached; its registry (format v2) is the one both versions commit to in the commit figure
BEFORE = "c74b644"


def source(rev: str | None) -> Path:
    """The `hooks` folder to import anthology from: this tree's, or `rev`'s."""
    if rev is None:
        return REPO / "hooks"
    target = OUT / f"anthology-{rev}"
    if not (target / "hooks").is_dir():
        target.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", rev, "hooks", "schema"], cwd=REPO,
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target / "hooks"


ANTHOLOGY = [sys.executable, "-m", "anthology"]


def environment(rev: str | None, base: dict[str, str], cache: Path) -> dict[str, str]:
    """`base` plus what runs the given version with a cache of its own."""
    return {**base, "PYTHONPATH": str(source(rev)), "ANTHOLOGY_CACHE_DIR": str(cache)}


def shim(rev: str | None, folder: Path) -> Path:
    """A folder holding an `anthology` script that runs that version (for hooks on PATH)."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "anthology"
    script.write_text(f"#!/bin/sh\nPYTHONPATH={source(rev)} exec {sys.executable} -m anthology "
                      '"$@"\n')
    os.chmod(script, 0o755)
    return folder


def measure(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of it and all it waited for, exit status) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    process.stdout.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(process.pid, 0)
    return (time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
            os.waitstatus_to_exitcode(status))
