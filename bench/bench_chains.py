"""Time check and render on one long succession chain against as many unrelated practices.

    python bench/bench_chains.py [--links 10000]

Both registries hold the same papers, one recommendation each, byte for byte the same
size; in the first every recommendation is superseded by the next one (a single chain
of LINKS links), in the second each is retired with no successor, unrelated to the
others. Succession checks and chain rendering are linear, so the chain costs about
what the unrelated practices cost, and the ratios must not grow with --links. Targets:
check at most 1.5; render at most 2, as each practice of the chain shows up to 14 of
its steps where an unrelated one shows itself (measured at 10,000: 0.88 and 1.65).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "chains"
TOPICS = """\
topics:
  - id: training-optimization
    title: Training optimization
    scope: Optimizers and schedules.
"""
CONFIG = '[render]\noutputs = ["registry-md", "json"]\n'


def author(index: int) -> str:
    letters = ""
    while True:
        index, rest = divmod(index, 26)
        letters = chr(ord("a") + rest) + letters
        if not index:
            return "Ch" + letters


def write_registry(root: Path, links: int, chained: bool) -> Path:
    if root.exists():
        shutil.rmtree(root)
    papers = root / "registry" / "papers"
    papers.mkdir(parents=True)
    (root / "registry" / "topics.yaml").write_text(TOPICS)
    (root / "anthology.toml").write_text(CONFIG)
    for index in range(links + 1):
        paper_id = f"{author(index)}001"
        lines = [f"id: {paper_id}", f"title: Synthetic paper {index}",
                 f"first_author: {author(index)}", "year: 2020",
                 f'arxiv: "2001.{index + 1:05d}"', "recommendations:",
                 f"  - id: MLR-2020-{paper_id}-0001", f"    text: Practice {index}.",
                 "    topic: training-optimization"]
        link = f"[MLR-2020-{author(index + 1)}001-0001]"
        if index == links:
            lines += ["    status: standard"]
        else:  # the same bytes either way: a successor, or an implementation of that name
            lines += ["    status: deprecated",
                      f"    {'superseded_by' if chained else 'implementations'}: {link}",
                      "    deprecated:", "      date: 2021-01-01", "      reason: Replaced."]
        (papers / f"{paper_id}.yaml").write_text("\n".join(lines) + "\n")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


def timed(argv: list[str], cwd: Path) -> float:
    env = {**os.environ, "ANTHOLOGY_NO_CACHE": "1", "ANTHOLOGY_OFFLINE": "1"}
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(argv)} failed in {cwd}:\n{done.stdout}{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    anthology = [sys.executable, "-m", "anthology"]
    roots = {kind: write_registry(OUT / kind, args.links, kind == "chain")
             for kind in ("chain", "unrelated")}
    print(f"{args.links} links in one chain vs {args.links + 1} unrelated practices "
          f"(best of {args.runs})")
    for command in (["check", "--offline", "--only", "schema,ids,succession"], ["render"]):
        runs: dict[str, list[float]] = {kind: [] for kind in roots}
        for _ in range(args.runs):  # alternated, so a busy moment hits both alike
            for kind, root in roots.items():
                runs[kind].append(timed([*anthology, *command], root))
        times = {kind: min(found) for kind, found in runs.items()}
        print(f"  {command[0]:<7} chain {times['chain']:6.2f} s   unrelated "
              f"{times['unrelated']:6.2f} s   ratio {times['chain'] / times['unrelated']:.2f}")


if __name__ == "__main__":
    main()
