"""`anthology diff [--base REF]`: the practice-level change from the base to the work tree.

Added, deprecated (with successors by name), promoted, re-statused, moved, reworded
(a word diff) and removed practices, and papers added: what a reviewer of a pull
request wants to read, as Markdown (fit for a comment or $GITHUB_STEP_SUMMARY), JSON or
plain text. Exit 0 (also when nothing changed), 2 when the base can't be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from anthology.changes import Change, Comparison

HEADINGS = {"added": "Added", "deprecated": "Deprecated", "promoted": "Promoted to standard",
            "status": "Status changed", "moved": "Moved to another topic",
            "reworded": "Reworded", "removed": "Removed", "paper": "Papers added"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base", metavar="REF", default=None,
                        help="revision to compare with (default: as for `anthology check`)")
    parser.add_argument("--format", choices=("markdown", "json", "text"), default="text",
                        help="output format (default: text)")


def run(args: argparse.Namespace) -> int:
    from anthology.baserev import NoBaseline, base_revision
    from anthology.cache import Memo
    from anthology.changes import compare
    from anthology.config import load_config
    from anthology.gitrepo import GitError
    from anthology.pipeline import load_registry
    from anthology.revision import registry_at

    config = load_config()
    memo = Memo.for_root(config.root)
    after = load_registry(config, memo)
    try:
        resolved = base_revision(config, args.base)
        base, commit = resolved.label, resolved.rev
        before = registry_at(config, commit, memo)
    except (GitError, NoBaseline) as err:
        named = args.base or config.get("", "base")
        shown = f" '{named}'" if named else ""
        print(f"anthology diff: can't read the base revision{shown}: {err}. Name one with "
              "--base REF (in CI, fetch the history: actions/checkout with fetch-depth: 0)",
              file=sys.stderr)
        return 2
    memo.save()
    comparison = compare(before, after)
    write = {"markdown": markdown, "json": as_json, "text": text}[args.format]
    sys.stdout.write(write(comparison, base, commit[:12]))
    return 0


def counts(comparison: Comparison) -> str:
    parts = []
    for kind, heading in HEADINGS.items():
        n = len(comparison.of(kind))
        if n:
            what = (f"paper{'s' if n > 1 else ''} added" if kind == "paper"
                    else heading.lower())
            parts.append(f"{n} {what}")
    return ", ".join(parts) or "no practice-level change"


def markdown(comparison: Comparison, base: str, commit: str) -> str:
    from anthology.render.markdown import code, md

    lines = [f"## Practice changes since `{base}` ({commit})", "", f"**{counts(comparison)}**",
             ""]
    for kind, heading in HEADINGS.items():
        changes = comparison.of(kind)
        if not changes:
            continue
        lines += [f"### {heading}", ""]
        for change in changes:
            lines.append(f"- **{md(change.name)}** ({code(change.id, table=False)}): "
                         + _markdown_detail(change))
        lines.append("")
    return "\n".join(lines)


def _markdown_detail(change: Change) -> str:
    from anthology.changes import word_diff
    from anthology.render.markdown import code, link, md

    if change.kind == "deprecated":
        successors = ", ".join(f"**{md(name)}** ({code(i, table=False)})"
                               for i, name in change.successors)
        replaced = f"replaced by {successors}" if successors else "retired with no successor"
        return replaced + (f". {md(change.reason)}" if change.reason else "")
    if change.kind == "reworded":
        marks = {"=": "{}", "-": "~~{}~~", "+": "**{}**"}
        return " ".join(marks[op].format(md(words)) for op, words in
                        word_diff(change.old, change.new))
    if change.kind == "paper" and change.new:
        return link(f"arXiv {change.new}", f"https://arxiv.org/abs/{change.new}") \
            if not change.new.startswith("http") else link(change.new, change.new)
    return md(_plain_detail(change))


def _plain_detail(change: Change) -> str:
    if change.kind == "added":
        return f"{change.new}, topic {change.topic}"
    if change.kind == "removed":
        if not change.reason:
            return "removed with no tombstone"
        merged = "".join(f" Replaced by {name} ({i})." for i, name in change.successors)
        return f"removed: {change.reason}{merged}"
    if change.kind == "paper":
        return change.new or ""
    return f"{change.old} → {change.new}"


def text(comparison: Comparison, base: str, commit: str) -> str:
    from anthology.changes import word_diff

    lines = [f"Practice changes since {base} ({commit}): {counts(comparison)}"]
    for change in comparison.changes:
        if change.kind == "deprecated":
            names = ", ".join(f"{name} ({i})" for i, name in change.successors)
            detail = f"replaced by {names}" if names else "retired with no successor"
        elif change.kind == "reworded":
            marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
            detail = " ".join(marks[op].format(w) for op, w in word_diff(change.old, change.new))
        else:
            detail = _plain_detail(change)
        lines.append(f"  {change.kind:<10} {change.name} ({change.id}): {detail}")
    return "\n".join(lines) + "\n"


def as_json(comparison: Comparison, base: str, commit: str) -> str:
    from anthology.changes import word_diff

    items = []
    for change in comparison.changes:
        item = asdict(change)
        item["successors"] = [{"id": i, "name": n} for i, n in change.successors]
        if change.kind == "reworded":
            item["words"] = [{"op": op, "text": words}
                             for op, words in word_diff(change.old, change.new)]
        items.append(item)
    return json.dumps({"base": base, "commit": commit, "changes": items}, indent=2,
                      ensure_ascii=False) + "\n"
