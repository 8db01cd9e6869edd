"""`anthology run`: every check with the given options, then the render (the main hook).

The render runs only when the checks pass; exit 1 when a check fails or a derived file
changed (or, with --check, would change).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from anthology.commands.check import add_check_options

    parser.add_argument("paths", nargs="*", metavar="PATH", type=Path,
                        help="report check findings only on these files (the render always "
                        "covers the whole registry)")
    add_check_options(parser)
    parser.add_argument("--check", action="store_true",
                        help="write no derived file; exit 1 when one is out of date (for CI)")


def run(args: argparse.Namespace) -> int:
    from anthology.commands.check import check
    from anthology.commands.render import render

    status, (config, _memo, registry) = check(args)
    if status != 0:
        print("anthology: the checks failed, so no derived file was written", file=sys.stderr)
        return int(status)
    return render(config, registry, only_check=args.check, fmt=args.format)
