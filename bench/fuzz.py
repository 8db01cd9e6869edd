"""Run the property-based fuzz test of the suite for longer, and keep what it finds.

    python bench/fuzz.py [--examples 2000]

The suite runs tests/test_fuzz.py with a few examples; this runs the same test with
many, stores any failing example in tests/fuzz-examples/ (commit it with the fix: every
suite run replays it) and prints Hypothesis's statistics: how many examples ran, and
how many failed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000)
    args = parser.parse_args()
    env = {**os.environ, "ANTHOLOGY_FUZZ_EXAMPLES": str(args.examples),
           "ANTHOLOGY_FUZZ_STORE": "1"}
    argv = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
            "--hypothesis-show-statistics", "tests/test_fuzz.py"]
    start = time.perf_counter()
    status = subprocess.run(argv, cwd=ROOT, env=env).returncode
    print(f"fuzz: {args.examples} examples asked for, {time.perf_counter() - start:.0f} s, "
          f"{'no failure' if status == 0 else 'FAILURES (stored in tests/fuzz-examples/)'}")
    return status


if __name__ == "__main__":
    sys.exit(main())
