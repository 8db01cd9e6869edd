"""Time `git commit` through installed hooks: a one-file registry edit and an unrelated .py edit.

    python bench/bench_commit.py [--runs 7]

Two copies of this repository's registry (papers, topics, README, derived files) get
`pre-commit install`ed with the anthology hooks of `.pre-commit-config.yaml`:
  before  the hooks as they were: `files` patterns only, no file names, so a commit
          that touches no registry file runs no hook (and a pure deletion none either);
  after   this tree's hooks: `always_run` with `--hook`, which exits at once when the
          change leaves the registry, its config, templates and derived files alone.
Both run the `anthology` installed in this environment, so the figures compare the
hook wiring, not two versions of the checks. Each commit is timed (wall-clock, and
the CPU time of all its processes), the median of --runs, the two setups interleaved;
printed as seconds and after/before.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
BEFORE = [
    {"id": "anthology-fix", "name": "anthology fix", "entry": "anthology fix",
     "language": "unsupported", "pass_filenames": False, "require_serial": True,
     "files": r"(\.ya?ml|(^|/)(anthology|pyproject)\.toml)$"},
    {"id": "anthology", "name": "anthology", "entry": "anthology run",
     "language": "unsupported", "pass_filenames": False, "require_serial": True,
     "files": r"(\.ya?ml|(^|/)(anthology|pyproject)\.toml|\.md|\.j2|\.json)$"},
]
PAPER = "registry/papers/Kingma001.yaml"


def environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "ANTHOLOGY_OFFLINE": "1",
           "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.com",
           "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.com",
           "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
    for name in ("GITHUB_ACTIONS", "PRE_COMMIT_FROM_REF", "PRE_COMMIT_TO_REF"):
        env.pop(name, None)
    return env


def after_hooks() -> list[dict[str, object]]:
    config = YAML(typ="safe").load((ROOT / ".pre-commit-config.yaml").read_text())
    return [h for repo in config["repos"] for h in repo["hooks"]
            if str(h["id"]).startswith("anthology")]


def setup(folder: Path, hooks: list[dict[str, object]], env: dict[str, str]) -> Path:
    for name in ("registry",):
        shutil.copytree(ROOT / name, folder / name)
    for name in ("README.md", "REGISTRY.md", "registry.json"):
        shutil.copy2(ROOT / name, folder / name)
    (folder / "train.py").write_text("STEPS = 0\n")
    YAML().dump({"repos": [{"repo": "local", "hooks": hooks}]},
                folder / ".pre-commit-config.yaml")
    for args in (["init", "-q", "-b", "main"], ["add", "-A"],
                 ["commit", "-qm", "start", "--no-verify"]):
        subprocess.run(["git", *args], cwd=folder, env=env, check=True)
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=folder, env=env,
                   check=True, capture_output=True)
    return folder


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def commit(folder: Path, env: dict[str, str], kind: str, n: int) -> tuple[float, float]:
    if kind == "py":
        (folder / "train.py").write_text(f"STEPS = {n}\n")
    else:
        paper = folder / PAPER
        text = paper.read_text()
        words = ("sound starting points", "good starting points")
        old, new = (words[0], words[1]) if n % 2 else (words[1], words[0])
        paper.write_text(text.replace(old, new, 1) if old in text else text)
        subprocess.run(["anthology", "render"], cwd=folder, env=env, capture_output=True)
    subprocess.run(["git", "add", "-A"], cwd=folder, env=env, check=True)
    start, start_cpu = time.perf_counter(), cpu()
    done = subprocess.run(["git", "commit", "-qm", f"{kind} {n}"], cwd=folder, env=env,
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start, cpu() - start_cpu
    if done.returncode != 0:
        sys.exit(f"commit failed in {folder.name}:\n{done.stdout}{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        env = environment(Path(tmp) / "home")
        setups = {"before": setup(Path(tmp) / "before", BEFORE, env),
                  "after": setup(Path(tmp) / "after", after_hooks(), env)}
        text = (ROOT / PAPER).read_text()
        if "sound starting points" not in text:
            sys.exit(f"{PAPER} no longer has the word this bench edits")
        times: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for n in range(1, runs + 2):
            for kind in ("registry", "py"):
                for name, folder in setups.items():
                    elapsed = commit(folder, env, kind, n)
                    if n > 1:  # the first round warms caches
                        times.setdefault((name, kind), []).append(elapsed)
    print(f"git commit through installed hooks, median of {runs}: wall-clock seconds, then "
          "CPU seconds of every process the commit ran (steadier on a busy machine)")
    print(f"{'commit':<24}{'before':>8}{'after':>8}{'ratio':>7}   {'cpu before':>10}"
          f"{'after':>8}{'ratio':>7}")
    for kind, label in (("registry", "one-file registry edit"), ("py", "unrelated .py edit")):
        row = []
        for i in (0, 1):
            before = statistics.median(t[i] for t in times[("before", kind)])
            after = statistics.median(t[i] for t in times[("after", kind)])
            row.append(f"{before:>8.3f}{after:>8.3f}{after / before:>6.2f}x")
        print(f"{label:<24}{row[0]}   {row[1]:>}")


if __name__ == "__main__":
    main()
