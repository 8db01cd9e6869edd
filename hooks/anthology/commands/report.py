"""`anthology report`: what needs a curator's eye, as Markdown or JSON.

Standard practices whose papers have aged, experimental ones never promoted or retired,
practices without evidence or implementations, topics and contexts with few live
practices, and near-duplicate texts across papers. Thresholds live in `[report]` config.
Exit 0 (a report is information, not a verdict), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from anthology.curation import Curation

SECTIONS = {
    "stale": "Standard practices whose papers have aged",
    "lingering": "Experimental for a long time: promote or retire?",
    "unsupported": "No evidence and no implementations",
    "thin": "Topics and contexts with few live practices",
    "duplicate": "Near-duplicate practices",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown",
                        help="output format (default: markdown)")
    parser.add_argument("--as-of", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help="the day ages count to (default: today)")


def run(args: argparse.Namespace) -> int:
    from anthology.cache import Memo
    from anthology.config import load_config
    from anthology.curation import curate
    from anthology.history import read_history
    from anthology.pipeline import load_registry

    config = load_config()
    memo = Memo.for_root(config.root)
    registry = load_registry(config, memo)
    history = read_history(config, memo)
    memo.save()
    added: dict[str, date] = {}
    for commit, change in history.events:  # newest first: the last one seen is the oldest
        if change.kind == "added":
            added[change.id] = date.fromisoformat(commit.date[:10])
    curation = curate(registry, config, args.as_of or date.today(), added)
    if history.problem:
        print(f"anthology report: no git history ({history.problem}); experimental ages "
              "count from paper years", file=sys.stderr)
    sys.stdout.write(as_json(curation) if args.format == "json" else markdown(curation))
    return 0


def markdown(curation: Curation) -> str:
    from anthology.render.markdown import code, md

    total = len(curation.findings)
    lines = [f"## Curation report, {curation.as_of.isoformat()}", "",
             f"{total} item{'s' if total != 1 else ''} to look at.", ""]
    for kind, heading in SECTIONS.items():
        findings = curation.of(kind)
        if not findings:
            continue
        lines += [f"### {heading} ({len(findings)})", ""]
        for f in findings:
            other = f" and {code(f.other, table=False)}" if f.other else ""
            lines.append(f"- **{md(f.name)}** ({code(f.id, table=False)}{other}): {md(f.detail)}")
        lines.append("")
    return "\n".join(lines)


def as_json(curation: Curation) -> str:
    return json.dumps({"as_of": curation.as_of.isoformat(),
                       "findings": [asdict(f) for f in curation.findings]},
                      indent=2, ensure_ascii=False) + "\n"
