"""Time `anthology check --offline` against check-jsonschema on the same synthetic files.

    python bench/bench_check.py [--papers 10000]

check-jsonschema runs in a virtualenv of its own with ruamel.yaml.clib (its fastest
setup) and validates the paper schema alone; anthology runs every offline check
(schema, ids with the git base revision, succession, arXiv format). Figures are
printed as ratios against check-jsonschema measured in the same run. Targets at
10,000 papers: cold <= 0.6x, warm (nothing changed) <= 0.15x, doubling the papers
<= 2.2x, `anthology --version` < 150 ms, peak memory < 300 MB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import generate

HERE = Path(__file__).resolve().parent
SCHEMA = HERE.parent / "schema" / "paper.schema.json"
OUT = HERE / "out"


def timed(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit status) of one run of `argv`."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def best(runs: int, argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    results = [timed(argv, cwd, env) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def check_jsonschema() -> Path:
    venv = OUT / "cj-venv"
    binary = venv / "bin" / "check-jsonschema"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "check-jsonschema",
                        "ruamel.yaml.clib"], check=True)
    return binary


def registry(count: int) -> Path:
    root = generate(OUT / f"registry-{count}", count)
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.com",
           "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.com"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "synthetic"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True)
    return root


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    anthology = shutil.which("anthology") or sys.exit("install anthology first (pip install .)")
    baseline = check_jsonschema()
    small, large = registry(args.papers), registry(2 * args.papers)
    env = {**os.environ, "ANTHOLOGY_OFFLINE": "1"}
    files = sorted(str(p.relative_to(small)) for p in (small / "registry" / "papers").iterdir())

    cj, cj_mem = best(args.runs, [str(baseline), "--schemafile", str(SCHEMA), *files], small, env)
    check = [anthology, "check", "--offline"]
    colds, warms, peak = [], [], 0.0
    for _ in range(args.runs):
        cache = tempfile.mkdtemp()
        env_cold = {**env, "ANTHOLOGY_CACHE_DIR": cache}
        seconds, memory, status = timed(check, small, env_cold)
        assert status == 0, "the synthetic registry should be clean"
        colds.append(seconds)
        warm, warm_memory, _ = timed(check, small, env_cold)
        warms.append(warm)
        peak = max(peak, memory, warm_memory)
        shutil.rmtree(cache)
    cold, warm = min(colds), min(warms)
    doubled = min(timed(check, large, {**env, "ANTHOLOGY_CACHE_DIR": tempfile.mkdtemp()})[0]
                  for _ in range(args.runs))
    version = statistics.median(timed([anthology, "--version"], small, env)[0] for _ in range(9))
    cj_version = statistics.median(timed([str(baseline), "--version"], small, env)[0]
                                   for _ in range(5))

    print(f"papers: {args.papers} (3 recommendations each), best of {args.runs} runs")
    print(f"check-jsonschema --schemafile (schema only): {cj:.2f} s, {cj_mem:.0f} MB")
    print(f"anthology check --offline, cold:  {cold:.2f} s = {cold / cj:.2f}x  (target <= 0.60x)")
    print(f"anthology check --offline, warm:  {warm:.2f} s = {warm / cj:.2f}x  (target <= 0.15x)")
    print(f"doubling to {2 * args.papers} papers (cold): {doubled:.2f} s = {doubled / cold:.2f}x "
          "the time  (target <= 2.2x)")
    print(f"anthology --version: {version * 1000:.0f} ms = {version / cj_version:.2f}x "
          f"check-jsonschema --version ({cj_version * 1000:.0f} ms)  (target < 150 ms)")
    print(f"peak memory: {peak:.0f} MB = {peak / cj_mem:.2f}x check-jsonschema  (target < 300 MB)")


if __name__ == "__main__":
    main()
