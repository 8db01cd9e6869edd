"""`anthology site [--out DIR]`: write the static browsing page (one self-contained HTML file)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from anthology.cache import Memo
    from anthology.config import Config
    from anthology.model import Registry


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", metavar="DIR", type=Path, default=None,
                        help="folder to write index.html into (default: config 'site.out', site/)")


def run(args: argparse.Namespace) -> int:
    from anthology.cache import Memo
    from anthology.config import load_config
    from anthology.pipeline import load_registry
    from anthology.report import write
    from anthology.site.build import build_site

    config = load_config()
    memo = Memo.for_root(config.root)
    registry = load_registry(config, memo)
    memo.save()
    if registry.load_diagnostics:
        print("anthology site: some registry files could not be read; the page leaves them out:",
              file=sys.stderr)
        write(registry.load_diagnostics, "text", sys.stderr)
    out = args.out if args.out is not None else config.path("site", "out")
    try:
        target, changed = build_site(registry, out, str(config.get("", "title")),
                                     str(config.get("", "description")))
    except OSError as err:
        print(f"anthology site: cannot write to {out}: {err}", file=sys.stderr)
        return 2
    shown = config.relative(target)
    print(f"{'wrote' if changed else 'unchanged:'} {shown} "
          f"({len(registry.recommendations) or len(registry.papers)} "
          f"{'recommendations' if registry.recommendations else 'papers'})")
    return _feed(config, registry, memo, out)


def _feed(config: Config, registry: Registry, memo: Memo, out: Path) -> int:
    from anthology.fix.atomic import write_if_changed
    from anthology.history import read_history
    from anthology.site.feed import FEED, feed
    from anthology.site.page import TITLE

    history = read_history(config, memo)
    if history.problem:
        print(f"anthology site: no {FEED}: the git history can't be read ({history.problem})",
              file=sys.stderr)
        return 0
    title = str(config.get("", "title")) or TITLE
    text = feed(history, registry, title, str(config.get("site", "url")),
                int(config.get("site", "feed_entries")))
    target = out / FEED
    changed = write_if_changed(target, text.encode("utf-8"))
    note = (" (a shallow clone: only the changes it can see)" if history.shallow else "")
    print(f"{'wrote' if changed else 'unchanged:'} {config.relative(target)} "
          f"({min(len(history.events), int(config.get('site', 'feed_entries')))} changes"
          f"{note})")
    return 0
