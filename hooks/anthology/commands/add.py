"""`anthology add ARXIV_ID --topic T --text "..." [--name N] [--applies-to C ...]`: a new
paper file from arXiv's metadata.

The title, first author's surname and year come from arXiv; the paper id and the first
recommendation id follow the naming conventions (numbers used now or at the base
revision are never reused). The file goes in the first configured papers folder; when
that entry is a file holding a list of papers, the paper is appended to it, its comments
and layout untouched. Where recommendations are optional, `--text` may be left out: the
paper is then listed under `--topic` by its own `topics`.
Nothing is written when the paper is already in the registry or arXiv can't be asked;
without network, a template to fill in by hand is printed instead.
Exit 0 written, 1 refused (already there, not on arXiv, no network), 2 usage errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from anthology.arxiv.feed import Entry
    from anthology.arxiv.identifiers import ArxivId
    from anthology.config import Config
    from anthology.model import Registry


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("arxiv_id", metavar="ARXIV_ID",
                        help="the paper's arXiv id, e.g. 1711.05101 (an arXiv: prefix or an "
                        "abs URL is accepted and written canonically)")
    parser.add_argument("--topic", required=True, help="topic id of the first recommendation")
    parser.add_argument("--text", default=None, help="the first recommendation's text (may be "
                        "left out where the config says recommendations = \"optional\")")
    parser.add_argument("--name", default=None,
                        help="a short label a practitioner would say, e.g. AdamW (at most 60 "
                        "characters)")
    parser.add_argument("--applies-to", metavar="CONTEXT", nargs="+", default=None,
                        help="context ids from the topics file where the practice applies, "
                        "e.g. llm-pretraining fine-tuning")
    parser.add_argument("--status", choices=("experimental", "standard"), default="experimental",
                        help="the first recommendation's status (default: experimental)")
    parser.add_argument("--offline", action="store_true",
                        help="no network (also ANTHOLOGY_OFFLINE=1): nothing can be added")


def run(args: argparse.Namespace) -> int:
    from anthology.arxiv.identifiers import parse
    from anthology.cache import Memo
    from anthology.config import load_config
    from anthology.pipeline import load_registry

    config = load_config()
    parsed = parse(args.arxiv_id)
    if parsed.id is None:
        return _fail(2, f"'{args.arxiv_id}' {parsed.problem}")
    text = " ".join(str(args.text or "").split())
    if not text and args.text is not None:
        return _fail(2, "--text is empty: say what the paper recommends")
    if not text and config.get("", "recommendations") == "required":
        return _fail(2, "--text is needed: say what the paper recommends (papers here carry "
                     "recommendations; recommendations = \"optional\" in the config lifts that)")
    registry = load_registry(config, Memo.for_root(config.root))
    problem = _topic_problem(registry, args.topic) or _name_problem(args) or \
        _context_problem(registry, args.applies_to)
    if problem:
        return _fail(2, problem)
    for paper in registry.papers:
        known = parse(paper.arxiv).id if paper.arxiv else None
        if known is not None and known.base == parsed.id.base:
            return _fail(1, f"arXiv {parsed.id.base} is already in the registry as "
                         f"{paper.id or 'a paper'} ({paper.document.path}); nothing written")
    if args.offline or os.environ.get("ANTHOLOGY_OFFLINE", "") not in ("", "0"):
        return _by_hand(config, args, parsed.id, text, "the network is off (--offline or "
                        "ANTHOLOGY_OFFLINE), so arXiv's metadata can't be fetched")
    entry, why, reached = fetch_entry(config, parsed.id.canonical)
    if entry is None and not reached:
        return _by_hand(config, args, parsed.id, text, why)
    if entry is None:
        return _fail(1, f"{why}; nothing written")
    return _write(config, registry, args, parsed.id.canonical, entry, text)


def _topic_problem(registry: Registry, topic: str) -> str | None:
    if topic in registry.topic_by_id:
        return None
    alias = registry.topic_by_alias.get(topic)
    if alias is not None:
        return f"--topic {topic} is a legacy alias; use --topic {alias.id}"
    known = ", ".join(sorted(registry.topic_by_id)) or "none declared"
    return f"--topic {topic} is not a declared topic (known: {known})"


def _name_problem(args: argparse.Namespace) -> str | None:
    if args.name is None:
        return None
    args.name = " ".join(str(args.name).split())
    if not args.name or len(args.name) > 60:
        return f"--name must be 1 to 60 characters, not {len(args.name)}: a short label"
    return None


def _context_problem(registry: Registry, contexts: list[str] | None) -> str | None:
    import difflib

    for context in contexts or []:
        if context not in registry.context_by_id:
            known = sorted(registry.context_by_id)
            close = difflib.get_close_matches(context, known, n=1)
            hint = f"did you mean {close[0]}?" if close else f"known: {', '.join(known) or 'none'}"
            return f"--applies-to {context} is not a declared context ({hint})"
    return None


def fetch_entry(config: Config, key: str) -> tuple[Entry | None, str, bool]:
    """arXiv's entry, or why there is none; False when arXiv could not be asked."""
    from anthology.arxiv.client import Outcome, open_client

    result = open_client(config).lookup([key])[key]
    if result.outcome is Outcome.NOT_FOUND:
        return None, f"arXiv has no paper {key}", True
    if result.outcome is Outcome.UNKNOWN or result.entry is None:
        return None, f"could not get {key} from arXiv: {result.reason}", False
    if not result.entry.authors:
        return None, f"arXiv lists no authors for {key}", True
    return result.entry, "", True


def _by_hand(config: Config, args: argparse.Namespace, arxiv_id: ArxivId, text: str,
             why: str) -> int:
    """Nothing written: a template on stdout, with the parts arXiv would have filled empty."""
    import json

    folder = config.relative(config.paper_paths[0])
    print(f"anthology add: {why}; nothing written. To add it by hand, fill in the template "
          f"below, save it in {folder}/ and run `anthology fix` (it assigns the ids and names "
          "the file)", file=sys.stderr)
    rec = [f"name: {json.dumps(args.name, ensure_ascii=False)}"] if args.name else []
    rec += [f"text: {json.dumps(text, ensure_ascii=False)}", f"topic: {args.topic}"]
    if args.applies_to:
        rec.append(f"applies_to: [{', '.join(dict.fromkeys(args.applies_to))}]")
    rec.append(f"status: {args.status}")
    print(f'title: ""  # fill in: the title on https://arxiv.org/abs/{arxiv_id.canonical}\n'
          'first_author: ""  # fill in: the first author\'s surname only\n'
          f"year: {arxiv_id.year}  # the id's year; the first version's if it differs\n"
          f'arxiv: "{arxiv_id.canonical}"\n'
          "recommendations:\n  - " + "\n    ".join(rec))
    return 1


def _write(config: Config, registry: Registry, args: argparse.Namespace, key: str,
           entry: Entry, text: str) -> int:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    from anthology.arxiv.metadata import collapse, surname
    from anthology.fix.atomic import write_if_changed
    from anthology.naming import Conventions, surname_letters

    first_author = surname(entry.authors[0])
    if not surname_letters(first_author):
        return _fail(1, f"no paper id can be made from the first author '{entry.authors[0]}' "
                     "(it has no ASCII letters); nothing written")
    year = entry.published_year or int(key[:2]) + 2000
    numbering = numbering_for(config, registry, Conventions(config))
    paper_id = numbering.paper_id(first_author)
    paper: dict[str, Any] = {
        "id": paper_id, "title": collapse(entry.title), "first_author": first_author,
        "year": year, "arxiv": DoubleQuotedScalarString(key)}
    if text:
        paper["recommendations"] = [_recommendation(numbering.recommendation_id(year, paper_id),
                                                    args, text)]
    else:
        paper["topics"] = _flow([args.topic])
    folder = config.paper_paths[0]
    if folder.is_file():
        target, content = folder, _appended(config, folder, paper)
        if content is None:
            return 1
    else:
        target, content = folder / f"{paper_id}.yaml", _dump(paper)
        if target.exists():
            return _fail(1, f"{config.relative(target)} already exists; nothing written")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_if_changed(target, content.encode("utf-8"))
    except OSError as err:
        return _fail(1, f"can't write {config.relative(target)}: {err.strerror or err}; "
                     "nothing written")
    print(f"anthology add: wrote {config.relative(target)} ({paper_id}: {paper['title']})")
    return 0


def _appended(config: Config, path: Any, paper: dict[str, Any]) -> str | None:
    """The list-of-papers file with `paper` appended below its last line, or None."""
    from ruamel.yaml.comments import CommentedSeq

    from anthology import loader
    from anthology.fix import roundtrip

    shown = config.relative(path)
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError) as err:
        _fail(1, f"can't read {shown}: {err}; nothing written")
        return None
    old, found = loader.load(shown, text.encode("utf-8"))
    if old is None or any(d.severity.value == "error" for d in found):
        _fail(1, f"{shown} does not load (run `anthology check`); nothing written")
        return None
    if old.data is not None and not isinstance(old.data, list):
        _fail(1, f"{shown} holds one paper, not a list of papers, so a paper can't be "
              "appended to it; list a folder first under 'papers' in the config")
        return None
    item = roundtrip.dump(CommentedSeq([paper]), roundtrip.detect(text))
    glue = "" if not text.strip() else ("\n" if text.endswith("\n") else "\n\n")
    new = text + glue + item if text.strip() else item
    after, _ = loader.load(shown, new.encode("utf-8"))
    if after is None or after.data != [*(old.data or []), paper]:
        _fail(1, f"appending to {shown} would change its other papers (its layout is "
              "unusual); add the paper by hand. Nothing written")
        return None
    return new


def _flow(items: list[str]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _recommendation(rec_id: str, args: argparse.Namespace, text: str) -> dict[str, Any]:
    rec: dict[str, Any] = {"id": rec_id}
    if args.name:
        rec["name"] = args.name
    rec.update(text=text, topic=args.topic)
    if args.applies_to:
        rec["applies_to"] = _flow(list(dict.fromkeys(args.applies_to)))
    rec["status"] = args.status
    return rec


def numbering_for(config: Config, registry: Registry, conventions: Any) -> Any:
    from anthology.baseline import NoBaseline, load_baseline
    from anthology.cache import Memo
    from anthology.fix.numbering import Numbering

    current = [p.id for p in registry.papers if p.id] + \
        [r.id for r in registry.recommendations if r.id] + \
        [r.id for r in registry.removed if r.id]  # a removed id is never given out again
    try:
        base = load_baseline(config, registry, Memo.for_root(config.root),
                             str(config.get("", "base"))).ids
    except NoBaseline:
        base = {}
    return Numbering(conventions, current, base)


def _dump(paper: dict[str, Any]) -> str:
    import io

    from anthology.fix.roundtrip import Layout, yaml_for

    out = io.StringIO()
    yaml_for(Layout()).dump(paper, out)
    return out.getvalue()


def _fail(status: int, message: str) -> int:
    print(f"anthology add: {message}", file=sys.stderr)
    return status
