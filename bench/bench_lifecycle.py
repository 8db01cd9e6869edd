"""Time the living-registry commands against the obvious way of doing the same work.

    python bench/bench_lifecycle.py [--commits 1000] [--papers 10000]

Feed: `anthology site`'s history pass (one `git log`, one `git cat-file --batch`) over a
history of N commits, against reading each commit's registry with `git ls-tree` and
`git show` per changed file (what a checkout per commit amounts to), same history, same run.
Near-duplicates: the prefix-filtered similarity join of `anthology report` against
comparing every pair, on the same texts (all pairs only at a size it can finish), then
the join alone on the texts of a synthetic registry of --papers papers.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "hooks"))

from anthology.cache import Memo  # noqa: E402
from anthology.config import load_config  # noqa: E402
from anthology.history import read_history  # noqa: E402
from anthology.similar import distinctive, jaccard, similar_pairs  # noqa: E402
from generate import TOPICS, paper  # noqa: E402

OUT = HERE / "out" / "history"
ENV = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.com",
       "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.com"}


def git(root: Path, *args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=root, env=ENV, check=True,
                          capture_output=True).stdout


def make_history(root: Path, commits: int) -> None:
    """One paper added per commit, and every fifth commit promotes or deprecates one."""
    if root.exists():
        shutil.rmtree(root)
    papers = root / "registry" / "papers"
    papers.mkdir(parents=True)
    (root / "registry" / "topics.yaml").write_text(TOPICS)
    git(root, "init", "-q", "-b", "main")
    stream = []  # fast-import keeps a 1,000-commit history to seconds
    for n in range(commits):
        paper_id, text = paper(n)
        files = [(f"registry/papers/{paper_id}.yaml", text)]
        if n % 5 == 4:
            old_id, old = paper(n - 4)
            files.append((f"registry/papers/{old_id}.yaml", old.replace(
                "status: standard", "status: deprecated\n    deprecated: {date: 2024-01-01, "
                "reason: Replaced.}", 1)))
        stream.append(f"commit refs/heads/main\ncommitter b <b@example.com> {1_700_000_000 + n} "
                      f"+0000\ndata {len(f'paper {n}')}\npaper {n}\n")
        for path, body in files:
            data = body.encode()
            stream.append(f"M 100644 inline {path}\ndata {len(data)}\n{body}\n")
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, env=ENV, check=True,
                   input="".join(stream).encode())
    git(root, "reset", "-q", "--hard", "main")


def per_commit(root: Path) -> int:
    """The alternative: list and read each commit's changed files with their own git calls."""
    shas = git(root, "rev-list", "main").decode().split()
    reads = 0
    for sha in shas:
        names = git(root, "diff-tree", "--root", "--no-commit-id", "--name-only", "-r",
                    sha).decode().split()
        for name in names:
            git(root, "show", f"{sha}:{name}")
            reads += 1
    return reads


def timed(run):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--papers", type=int, default=10000)
    args = parser.parse_args()

    make_history(OUT, args.commits)
    os.chdir(OUT)
    config = load_config()
    ours, history = timed(lambda: read_history(config, Memo(None)))
    theirs, reads = timed(lambda: per_commit(OUT))
    print(f"feed history, {history.commits} commits, {len(history.events)} changes: "
          f"{ours:.2f} s; per-commit git reads ({reads} files): {theirs:.2f} s; "
          f"ratio {ours / theirs:.3f}x")

    texts = synthetic_texts(2000)
    ours, pairs = timed(lambda: similar_pairs(texts, 0.5))
    sets = distinctive(texts)[0]
    theirs, brute = timed(lambda: [(i, j) for i in range(len(sets))
                                   for j in range(i + 1, len(sets))
                                   if jaccard(sets[i], sets[j]) >= 0.5])
    assert {(i, j) for i, j, _ in pairs} == set(brute)
    print(f"near-duplicates, 2,000 practices: {ours:.3f} s; all pairs: {theirs:.2f} s; "
          f"ratio {ours / theirs:.4f}x (the same {len(brute)} pairs)")
    texts = synthetic_texts(args.papers * 3)
    seconds, pairs = timed(lambda: similar_pairs(texts, 0.5))
    print(f"near-duplicates, {args.papers} papers ({len(texts)} practices): {seconds:.2f} s, "
          f"{len(pairs)} pairs (all pairs would compare {len(texts) ** 2 // 2:,})")


def synthetic_texts(count: int) -> list[str]:
    """Sentences over a Zipf-distributed vocabulary, as in real prose; 2% are re-worded
    copies of an earlier one (a few words swapped), the near-duplicates to find."""
    rng = random.Random(count)
    vocabulary = [f"w{i}" for i in range(6000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    texts: list[str] = []
    for n in range(count):
        if n > 50 and rng.random() < 0.02:
            words = rng.choice(texts).split()
            for _ in range(rng.randint(1, 3)):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
        else:
            words = rng.choices(vocabulary, weights, k=rng.randint(15, 45))
        texts.append(" ".join(words))
    return texts


if __name__ == "__main__":
    main()
