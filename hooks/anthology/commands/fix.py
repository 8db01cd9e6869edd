"""`anthology fix [PATH...]`: assign missing ids, canonicalise arXiv ids and key order.

Comments, blank lines and quoting are kept; a file with nothing to fix is not
rewritten. Exit 1 when a file changed (or, with --check, would change) or something
needs a hand (a YAML error, a file to rename, an id that can't be derived), else 0.
With --hook, what the check hooks report as well is left to them, so a commit shows it
once.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from anthology.diagnostics import Diagnostic


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from anthology.commands.check import add_hook_option

    parser.add_argument("paths", nargs="*", metavar="PATH", type=Path,
                        help="fix only these files or folders (default: the whole registry; "
                        "new ids are numbered against the whole registry either way)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a file would change")
    parser.add_argument("--base", metavar="REF", default=None,
                        help="revision whose ids count as used (default: as for `anthology check`)")
    add_hook_option(parser)
    parser.add_argument("--format", choices=("text", "json", "github"), default=None,
                        help="output format (default: github under GitHub Actions, else text)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list every change (default: what needs a hand, then a summary)")


def run(args: argparse.Namespace) -> int:
    from anthology import report
    from anthology.cache import Memo
    from anthology.config import load_config
    from anthology.diagnostics import Severity
    from anthology.fix.atomic import write_if_changed
    from anthology.fix.files import fix_paths

    config = load_config()
    memo = Memo.for_root(config.root)
    outcomes, notes = fix_paths(config, memo, [] if args.hook else list(args.paths),
                               args.base or config.get("", "base"))
    memo.save()
    changed = [o for o in outcomes if o.new is not None]
    if not args.check:
        for outcome in changed:
            assert outcome.new is not None and outcome.file is not None
            write_if_changed(outcome.file, outcome.new)
    diagnostics = [*notes, *sorted((d for o in outcomes for d in o.diagnostics),
                                   key=lambda d: (d.path, d.line, d.col, d.code))]
    if args.hook:  # the check hooks run next and say these once, with the fix
        diagnostics = [d for d in diagnostics if not d.code.startswith(CHECKS_REPORT)]
    fmt = args.format or report.default_format()
    shown = diagnostics if args.verbose or fmt == "json" else \
        [d for d in diagnostics if d.severity is not Severity.NOTE or d.code not in KINDS]
    report.write(shown, fmt, sys.stdout, files=len(outcomes), changed=len(changed))
    if fmt == "text" and changed:
        verb = "would rewrite" if args.check else "rewrote"
        print(f"anthology fix: {verb} {len(changed)} file(s) ({', '.join(o.path for o in changed)})"
              f": {summary(diagnostics)}" + ("" if args.verbose else "; -v lists each change"))
        if not args.check:
            report.updated(sys.stdout)
    needs_hand = any(d.severity is Severity.ERROR for d in diagnostics)
    return 1 if changed or needs_hand else 0


# What the checks report too: a file that does not load (YAML, FILE), its name (FIX006 is
# ID003), an id that can't be derived (FIX007: ID001 or ID005 say what is missing).
CHECKS_REPORT = ("YAML", "FILE", "FIX006", "FIX007", "FIX008")


KINDS = {"FIX001": "paper id(s) assigned", "FIX002": "recommendation id(s) assigned",
         "FIX003": "arXiv id(s) made canonical", "FIX004": "key order in {} file(s)",
         "FIX005": "line endings in {} file(s)", "FIX012": "DOI(s) or ISBN(s) made canonical"}


def summary(diagnostics: list[Diagnostic]) -> str:
    """'2 recommendation id(s) assigned, key order in 1 file(s)': the changes, per kind."""
    counts = Counter(d.code for d in diagnostics if d.code in KINDS)
    return ", ".join(KINDS[code].format(n) if "{}" in KINDS[code] else f"{n} {KINDS[code]}"
                     for code, n in sorted(counts.items())) or "layout only"
