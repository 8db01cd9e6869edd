"""`anthology check [PATH...]`: validate the registry and report every finding once."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from anthology.config import Config
    from anthology.diagnostics import Diagnostic

CHECK_NAMES = ("schema", "ids", "succession", "citations", "arxiv")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", type=Path,
                        help="report only on these files or folders (the whole registry is "
                        "still loaded, so cross-file rules stay right)")
    add_check_options(parser)


def add_check_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--only", type=_names, default=list(CHECK_NAMES),
                        help=f"comma-separated checks to run (default: {','.join(CHECK_NAMES)})")
    parser.add_argument("--format", choices=("text", "json", "github"), default=None,
                        help="output format (default: github under GitHub Actions, else text)")
    parser.add_argument("--offline", action="store_true",
                        help="no network (also ANTHOLOGY_OFFLINE=1)")
    parser.add_argument("--strict", action="store_true", help="warnings fail too")
    parser.add_argument("--base", metavar="REF", default=None,
                        help="revision whose ids must still exist (default: config 'base', else "
                        "pre-commit's --from-ref, a pull request's base, HEAD)")
    add_hook_option(parser)


def add_hook_option(parser: argparse.ArgumentParser) -> None:
    from anthology.gate import HELP

    parser.add_argument("--hook", action="store_true", help=HELP)


def _names(value: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    unknown = [n for n in names if n not in CHECK_NAMES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown check {', '.join(unknown) or '(none)'}; "
                                         f"choose from {', '.join(CHECK_NAMES)}")
    return names


def run(args: argparse.Namespace) -> int:
    status: int = check(args, replay=True)[0]
    return status


def check(args: argparse.Namespace, replay: bool = False):  # type: ignore[no-untyped-def]
    """Run the checks; returns (exit status, (config, memo, registry)) for callers that go on.

    With `replay`, an offline run whose inputs are all unchanged replays the findings
    of the last identical run, and returns None for the registry (it was not built).
    """
    from anthology import snapshot
    from anthology.baseline import NoBaseline, load_baseline
    from anthology.baserev import base_revision
    from anthology.cache import Memo
    from anthology.config import load_config
    from anthology.pipeline import Context, load_registry, read_files, run_checks

    config = load_config()
    base, why = None, ""
    if "ids" in args.only:
        try:
            base = base_revision(config, args.base)
        except NoBaseline as reason:
            why = str(reason)
    paths = [] if getattr(args, "hook", False) else list(getattr(args, "paths", []))
    memo = Memo.for_root(config.root)
    runs = Memo.for_root(config.root, "runs")
    offline = args.offline or os.environ.get("ANTHOLOGY_OFFLINE", "") not in ("", "0")
    gc.disable()  # loading makes millions of objects and no garbage: no collector passes
    try:
        files = read_files(config, paths)
        key = (snapshot.fingerprint(config, files, args.only, base.rev if base else why,
                                    base.label if base else why)
               if replay and (offline or "arxiv" not in args.only) else None)
        replayed = runs.get(key) if key else None
        registry = load_registry(config, memo, files=files) if replayed is None else None
        gc.freeze()  # what is loaded lives until exit: spare it the collector's passes
    finally:
        gc.enable()
    if registry is None:
        frozen, counts = replayed or ([], {})
        return _report(args, config, paths, snapshot.thaw(frozen), counts), (config, memo, None)
    context = Context(config, memo, offline=offline, strict=args.strict,
                      base=base.label if base else None)
    if "ids" in args.only:
        try:
            context.baseline = load_baseline(config, registry, memo, base) if base else why
        except NoBaseline as reason:
            context.baseline = str(reason)
    diagnostics = run_checks(registry, context, args.only)
    counts = {"files": len(registry.documents), "papers": len(registry.papers),
              "recommendations": len(registry.recommendations)}
    memo.save()
    if key:
        runs.put(key, (snapshot.freeze(diagnostics), counts))
        runs.save()
    return _report(args, config, paths, diagnostics, counts), (config, memo, registry)


def _report(args: argparse.Namespace, config: Config, paths: list[Path],
            diagnostics: list[Diagnostic], counts: dict[str, int]) -> int:
    from anthology import report
    from anthology.diagnostics import exit_status

    if paths:
        wanted = [config.relative(p) for p in paths]
        diagnostics = [d for d in diagnostics
                       if any(d.path == w or d.path.startswith(w.rstrip("/") + "/")
                              for w in wanted)]
    report.write(diagnostics, args.format or report.default_format(), sys.stdout, **counts)
    return exit_status(diagnostics, args.strict)
