"""A migration, start to end: read the old files, map topics, draft the papers, keep the
published ids, number the rest, link the attic, then check the result as the registry's
own checks would. Nothing is written here; the command writes `Migration.files`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from anthology.cache import Memo
from anthology.config import Config
from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.legacy import published as published_file
from anthology.legacy import research as research_file
from anthology.legacy.attic import link_successors
from anthology.legacy.drafts import Draft, draft, drop_shared_names
from anthology.legacy.identity import Identity, assign_new, keep_published, title_key
from anthology.legacy.paperfile import paper_text
from anthology.legacy.problems import Problem
from anthology.legacy.report import locate, run_checks_on
from anthology.legacy.topics import TopicNames, read_topic_map, topic_map_text
from anthology.loader import load
from anthology.model import build
from anthology.naming import Conventions

E, W = Severity.ERROR, Severity.WARNING
NO_TOPIC = Code("LEGACY005", E, "a paper's topics name no topic of the taxonomy",
                "topics: [regularization] when no topic or alias is called that")
BAD_MAP = Code("LEGACY006", E, "the topic map is not a mapping of names to topic ids",
               "regularization: regularisation (not a topic id)")
SAME_TITLE = Code("LEGACY013", W, "two papers of the old data have the same title",
                  "a paper listed under 2022 twice")
OUT_TAKEN = Code("LEGACY014", E, "the output folder holds files this import would not write",
                 "--out registry/papers when it already has papers")
UNREADABLE = Code("LEGACY015", E, "an input file can't be read", "a misspelt RESEARCH_YAML")
CODES = [NO_TOPIC, BAD_MAP, SAME_TITLE, OUT_TAKEN, UNREADABLE]


class Refused(Exception):
    """The inputs can't be imported as they are; nothing was written (exit 2)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics


@dataclass
class Migration:
    files: dict[Path, bytes] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    topic_map: str | None = None  # set when topics are missing: then nothing is written
    papers: int = 0
    recommendations: int = 0
    identity: Identity = field(default_factory=Identity)


def migrate(config: Config, memo: Memo, research: Path, ids_from: Path | None,
            topic_map: Path | None, out: Path, today: str) -> Migration:
    shown = config.relative(research)
    legacy, found = research_file.read(shown, _read(config, research))
    _refuse_errors(found)
    topics_document, topic_found = load(config.relative(config.topics_path),
                                        _read(config, config.topics_path))
    _refuse_errors(topic_found)
    topics = build([], topics_document, []).topics
    names = TopicNames(topics, _topic_map(config, topic_map, TopicNames(topics, {})))
    migration = Migration(diagnostics=found)
    drafts, problems = [], []
    for paper in legacy:
        made, trouble = draft(paper, names)
        drafts.append(made)
        problems.extend(trouble)
    drop_shared_names(drafts)
    conventions = Conventions(config)
    if ids_from is not None:
        entries, found = published_file.read(config.relative(ids_from),
                                             _read(config, ids_from), conventions)
        _refuse_errors(found)
        migration.diagnostics.extend(found)
        migration.identity = keep_published(drafts, entries, names, research.name)
    if _unmapped(migration, drafts, names, shown):
        return migration
    assign_new(drafts, conventions, migration.identity)
    problems.extend(migration.identity.problems)
    problems.extend(link_successors(drafts))
    problems.extend(_same_titles(drafts))
    texts = _texts(drafts, out, today)
    _refuse_strangers(config, out, texts)
    migration.files = {path: text.encode("utf-8") for path, (_, text) in texts.items()}
    migration.papers = len(drafts)
    migration.recommendations = sum(len(d.recommendations) for d in drafts)
    files = {config.relative(path): (d, text) for path, (d, text) in texts.items()}
    registry, checked = run_checks_on(config, memo, files)
    migration.diagnostics.extend(checked)
    migration.diagnostics.extend(locate(p, registry, files) for p in problems)
    return migration


def _read(config: Config, path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise Refused([UNREADABLE.at(config.relative(path), 0, 0, f"can't read "
                                  f"{config.relative(path)}: {err.strerror}")]) from None


def _refuse_errors(found: list[Diagnostic]) -> None:
    if any(d.severity is E for d in found):
        raise Refused(found)


def _topic_map(config: Config, path: Path | None, taxonomy: TopicNames) -> dict[str, str]:
    if path is None:
        return {}
    shown = config.relative(path)
    document, found = load(shown, _read(config, path))
    _refuse_errors(found)
    mapping, problems = read_topic_map(document.data if document else None, taxonomy)
    if problems:
        raise Refused([BAD_MAP.at(shown, 1, 1, problem) for problem in problems])
    return mapping


def _unmapped(migration: Migration, drafts: list[Draft], names: TopicNames, shown: str) -> bool:
    """True when a paper with recommendations has no topic: the run must stop."""
    unmapped: dict[str, list[str]] = defaultdict(list)
    blocking: set[str] = set()
    for d in drafts:
        own = d.legacy.topics if d.legacy is not None else []
        label = d.legacy.label if d.legacy is not None else f"{d.title} ({d.year})"
        for name in own:
            if names.resolve(name) is None:
                unmapped[name].append(label)
        if d.topic is None and d.recommendations:
            blocking.update(own)
            where = d.legacy.where if d.legacy is not None else (shown, 1, 1)
            what = ", ".join(own) if own else "no topics at all; add one to the research file"
            migration.diagnostics.append(NO_TOPIC.at(*where, f"{label}: no topic of the "
                                                     f"taxonomy among its topics ({what})"))
    if not blocking and not any(d.code == NO_TOPIC.code for d in migration.diagnostics):
        return False
    migration.topic_map = topic_map_text(dict(unmapped), blocking, names, shown)
    return True


def _same_titles(drafts: list[Draft]) -> list[Problem]:
    first: dict[str, Draft] = {}
    problems = []
    for d in drafts:
        key = title_key(d.title)
        earlier = first.setdefault(key, d) if key else d
        if earlier is not d and not (d.arxiv_base and d.arxiv_base == earlier.arxiv_base):
            problems.append(Problem(SAME_TITLE, f"same title as {earlier.paper_id}: the old data "
                                    "lists this paper twice; merge them by hand", d, "title",
                                    source=d.legacy.where if d.legacy else None))
    return problems


def _texts(drafts: list[Draft], out: Path, today: str) -> dict[Path, tuple[Draft, str]]:
    texts: dict[Path, tuple[Draft, str]] = {}
    for d in drafts:
        path = out / f"{d.paper_id}.yaml"
        copy = 2
        while path in texts:  # a paper id given twice; the ids check reports it
            path, copy = out / f"{d.paper_id}.{copy}.yaml", copy + 1
        texts[path] = (d, paper_text(d, today))
    return texts


def _refuse_strangers(config: Config, out: Path, texts: dict[Path, tuple[Draft, str]]) -> None:
    if not out.is_dir():
        return
    strangers = sorted(p.name for p in out.iterdir()
                       if p.suffix in (".yaml", ".yml") and p not in texts)
    if strangers:
        listed = ", ".join(strangers[:5]) + (", ..." if len(strangers) > 5 else "")
        raise Refused([OUT_TAKEN.at(config.relative(out), 0, 0, f"{config.relative(out)} holds "
                                    f"{len(strangers)} file(s) this import would not write "
                                    f"({listed}); import into an empty folder")])
