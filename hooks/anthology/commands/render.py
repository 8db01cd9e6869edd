"""`anthology render [--check]`: regenerate REGISTRY.md, the README sections and the export.

The checks run first (offline); a registry with errors is not rendered, so a bad commit
never half-rewrites the docs. Their findings are not repeated here (the check hooks print
them): one line says how many errors stopped the render. Exit 1 when a file was rewritten
(or, with --check, would be).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from contextlib import redirect_stdout
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from anthology.commands.check import add_hook_option

    parser.add_argument("files", nargs="*", help=argparse.SUPPRESS)  # pre-commit's, with --hook
    add_hook_option(parser)
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when a derived file is out of date (for CI)")
    parser.add_argument("--format", choices=("text", "json", "github"), default=None,
                        help="format of the diagnostics (default: github under GitHub Actions, "
                        "else text)")


def run(args: argparse.Namespace) -> int:
    from anthology.commands.check import CHECK_NAMES, check

    if args.files and not args.hook:
        print("anthology render: takes no file names (it renders the whole registry)",
              file=sys.stderr)
        return 2
    checks = argparse.Namespace(paths=[], only=list(CHECK_NAMES), format="json",
                                offline=True, strict=False, base=None)
    found = io.StringIO()
    with redirect_stdout(found):
        status, (config, _memo, registry) = check(checks)
    if status != 0:
        errors = json.loads(found.getvalue())["summary"]["errors"]
        print(f"anthology render: not rendered: the registry has {errors} error"
              f"{'' if errors == 1 else 's'} (`anthology check` lists them)", file=sys.stderr)
        return int(status)
    return render(config, registry, only_check=args.check, fmt=args.format)


def render(config: Any, registry: Any, only_check: bool, fmt: str | None) -> int:
    """Render (or compare) every derived file and say which ones changed."""
    from anthology import report
    from anthology.diagnostics import exit_status
    from anthology.render import render_all

    result = render_all(registry, config, write=not only_check)
    if result.diagnostics:
        report.write(result.diagnostics, fmt or report.default_format(), sys.stdout)
    for shown in result.changed:
        print(f"{shown} is out of date; run `anthology render`" if only_check
              else f"{shown} was rewritten")
    if result.changed and not only_check:
        report.updated(sys.stdout)
    if result.changed or exit_status(result.diagnostics, strict=False):
        return 1
    return 0
