"""`anthology from-issue BODY.md`: turn a filled-in "new practice" issue form into registry data.

The recommendation goes into its paper's file when the paper is in the registry already,
else into a new paper file whose metadata comes from arXiv (online) or from the form's
optional paper fields (offline). Practices named under "Replaces" move to the attic,
superseded by the new one. Every problem with the form is reported at once, by label.
Exit 0 written, 1 refused (a bad form, no metadata), 2 usage errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from anthology.config import Config
    from anthology.model import Registry
    from anthology.proposal import Proposal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("body", metavar="BODY.md", type=Path,
                        help="the issue's Markdown body as GitHub posts it ('-' for stdin)")
    parser.add_argument("--offline", action="store_true",
                        help="no network (also ANTHOLOGY_OFFLINE=1): the paper's metadata "
                        "must then come from the form")


def run(args: argparse.Namespace) -> int:
    from anthology.cache import Memo
    from anthology.config import load_config
    from anthology.pipeline import load_registry
    from anthology.proposal import read

    try:
        body = sys.stdin.read() if str(args.body) == "-" else args.body.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return _fail(2, f"can't read {args.body}: {err}")
    config = load_config()
    registry = load_registry(config, Memo.for_root(config.root))
    proposal, problems = read(body, registry)
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems)
        return _fail(1, f"the form has {len(problems)} problem{'s' * (len(problems) > 1)}; "
                     f"nothing written:\n{listed}")
    paper = next((p for p in registry.papers if _same_arxiv(p.arxiv, proposal.arxiv)), None)
    numbering = _numbering(config, registry)
    if paper is not None and paper.id and paper.year:
        rec_id = numbering.recommendation_id(paper.year, paper.id)
        target = paper.document.path
        _edit(config, target, lambda data: _papers(data)[paper.id].setdefault(
            "recommendations", []).append(_recommendation(rec_id, proposal)))
    else:
        metadata, why = _metadata(config, args, proposal)
        if metadata is None:
            return _fail(1, f"{why}; nothing written")
        title, first_author, year = metadata
        paper_id = numbering.paper_id(first_author)
        rec_id = numbering.recommendation_id(year, paper_id)
        target = _new_paper(config, paper_id, title, first_author, year, proposal, rec_id)
    for old in proposal.replaces:
        _retire(config, registry, old, rec_id, proposal.name)
    print(f"anthology from-issue: wrote {rec_id} ({proposal.name}) to {target}"
          + (f"; {', '.join(proposal.replaces)} moved to the attic" if proposal.replaces
             else ""))
    return 0


def _same_arxiv(written: str | None, base: str) -> bool:
    from anthology.arxiv.identifiers import parse

    parsed = parse(written).id if written else None
    return parsed is not None and parsed.base == base


def _metadata(config: Config, args: argparse.Namespace,
              p: Proposal) -> tuple[tuple[str, str, int] | None, str]:
    from anthology.arxiv.metadata import collapse, surname
    from anthology.commands.add import fetch_entry

    offline = args.offline or os.environ.get("ANTHOLOGY_OFFLINE", "") not in ("", "0")
    why = "the network is off (--offline or ANTHOLOGY_OFFLINE)"
    if not offline:
        entry, why, _reached = fetch_entry(config, p.arxiv)
        if entry is not None:
            return (collapse(entry.title), surname(entry.authors[0]),
                    entry.published_year or 2000 + int(p.arxiv[:2])), ""
    if p.title and p.first_author and p.year:
        return (p.title, p.first_author, p.year), ""
    missing = [label for key, label in (("title", "Paper title"),
                                        ("first_author", "First author's surname"),
                                        ("year", "Year of the paper's first arXiv version"))
               if not getattr(p, key)]
    return None, (f"arXiv's metadata can't be had ({why}) and the form leaves "
                  f"{', '.join(repr(m) for m in missing)} empty: fill them in, or run again "
                  "with the network")


def _recommendation(rec_id: str, p: Proposal) -> dict[str, Any]:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    rec: dict[str, Any] = CommentedMap(
        id=rec_id, name=p.name, text=p.text, topic=p.topic, applies_to=p.applies_to,
        status=p.status)
    if p.evidence:
        rec["evidence"] = [CommentedMap(arxiv=DoubleQuotedScalarString(a), note=n)
                           if n else CommentedMap(arxiv=DoubleQuotedScalarString(a))
                           for a, n in p.evidence]
    return rec


def _new_paper(config: Config, paper_id: str, title: str, first_author: str, year: int,
               p: Proposal, rec_id: str) -> str:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    from anthology.fix.atomic import write_if_changed
    from anthology.fix.roundtrip import Layout, dump

    paper = CommentedMap(id=paper_id, title=title, first_author=first_author, year=year,
                         arxiv=DoubleQuotedScalarString(p.arxiv),
                         recommendations=[_recommendation(rec_id, p)])
    folder = config.paper_paths[0]
    if folder.is_file():
        _edit(config, config.relative(folder), lambda data: data.append(paper))
        return config.relative(folder)
    target = folder / f"{paper_id}.yaml"
    write_if_changed(target, dump(paper, Layout()).encode("utf-8"))
    return config.relative(target)


def _retire(config: Config, registry: Registry, old: str, new: str, name: str) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    rec = registry.recommendation_by_id[old]

    def deprecate(data: Any) -> None:
        paper = _papers(data)[rec.paper.id]
        for item in paper["recommendations"]:
            if item.get("id") != old:
                continue
            item["status"] = "deprecated"
            after = list(item).index("status") + 1
            successors = CommentedSeq([*(item.pop("superseded_by", None) or []), new])
            successors.fa.set_flow_style()
            item.insert(after, "superseded_by", successors)
            if "deprecated" not in item:
                item.insert(after + 1, "deprecated", CommentedMap(
                    date=date.today().isoformat(), reason=f"Replaced by {name} ({new})."))

    _edit(config, rec.document.path, deprecate)


def _papers(data: Any) -> dict[Any, Any]:
    return {p.get("id"): p for p in (data if isinstance(data, list) else [data])}


def _edit(config: Config, shown: str, change: Any) -> None:
    """Load a registry file for round-trip editing, change it, put keys in order, save."""
    from anthology.fix.atomic import write_if_changed
    from anthology.fix.roundtrip import load

    path = config.root / shown
    loaded = load(path.read_text(encoding="utf-8"))
    change(loaded.data)
    write_if_changed(path, loaded.dump().encode("utf-8"))


def _numbering(config: Config, registry: Registry) -> Any:
    from anthology.commands.add import numbering_for
    from anthology.naming import Conventions

    return numbering_for(config, registry, Conventions(config))


def _fail(status: int, message: str) -> int:
    print(f"anthology from-issue: {message}", file=sys.stderr)
    return status
