"""`anthology import-legacy RESEARCH_YAML`: migrate from the older year-keyed format.

Writes one v1 paper file per paper into --out (default: the configured papers folder),
keeping the ids of the published registry given with --ids-from. When a paper's topics
name no topic of the taxonomy, nothing is written: a topic map to fill in is printed on
standard output (and the reason on standard error), for --topic-map. Exit 0 when the
imported registry passes the checks, 1 when problems are reported (or topics are
missing), 2 when the inputs can't be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("research", metavar="RESEARCH_YAML", type=Path,
                        help="the old research file: lists of papers keyed by year")
    parser.add_argument("--ids-from", metavar="REGISTRY_YAML", type=Path, default=None,
                        help="the registry the old build step published; its ids are kept")
    parser.add_argument("--topic-map", metavar="FILE", type=Path, default=None,
                        help="YAML mapping 'legacy-name: topic-id' for names the taxonomy "
                        "does not know")
    parser.add_argument("--out", metavar="DIR", type=Path, default=None,
                        help="where to write the paper files (default: the configured "
                        "papers folder)")
    parser.add_argument("--format", choices=("text", "json", "github"), default=None,
                        help="output format (default: github under GitHub Actions, else text)")


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from anthology import report
    from anthology.cache import Memo
    from anthology.config import load_config
    from anthology.diagnostics import exit_status
    from anthology.fix.atomic import write_if_changed
    from anthology.legacy.importer import Refused, migrate

    config = load_config()
    memo = Memo.for_root(config.root)
    out = args.out or config.paper_paths[0]
    fmt = args.format or report.default_format()
    try:
        migration = migrate(config, memo, args.research, args.ids_from, args.topic_map, out,
                            date.today().isoformat())
    except Refused as refused:
        report.write(refused.diagnostics, fmt, sys.stderr)
        print("anthology import-legacy: nothing was written", file=sys.stderr)
        return 2
    memo.save()
    if migration.topic_map is not None:
        report.write(migration.diagnostics, fmt, sys.stderr)
        print("anthology import-legacy: nothing was written. Some papers have no topic the "
              "taxonomy knows: fill in the topic map printed on standard output and pass it "
              "with --topic-map.", file=sys.stderr)
        sys.stdout.write(migration.topic_map)
        return 1
    written = sum(write_if_changed(path, data) for path, data in migration.files.items())
    diagnostics = sorted(migration.diagnostics,
                         key=lambda d: (d.path, d.line, d.col, d.code, d.message))
    identity = migration.identity
    report.write(diagnostics, fmt, sys.stdout, papers=migration.papers,
                 recommendations=migration.recommendations, kept_ids=identity.kept,
                 new_ids=identity.new)
    if fmt == "text":
        problems = sum(1 for d in diagnostics if d.severity.value != "note")
        print(f"imported {migration.papers} paper(s) into {config.relative(out)} "
              f"({written} file(s) written, {len(migration.files) - written} unchanged)\n"
              f"  recommendations: {migration.recommendations}\n"
              f"  ids kept from the published registry: {identity.kept} recommendation(s), "
              f"{identity.kept_papers} paper(s)\n"
              f"  new ids: {identity.new} recommendation(s), {identity.new_papers} paper(s)\n"
              f"  problems found: {f'{problems} (listed above)' if problems else 'none'}")
    return exit_status(diagnostics, strict=False)
