"""Config -> registry files -> documents (memoised) -> model -> checks -> diagnostics."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anthology.cache import Memo
from anthology.config import Config
from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.document import Document, Unread
from anthology.filestat import Stats
from anthology.loader import blob_digest, load
from anthology.model import Registry, build

YAML_SUFFIXES = (".yaml", ".yml")
MISSING = Code("FILE001", Severity.ERROR, "a configured registry file or folder does not exist",
               'topics = "registry/topic.yaml" (a typo) in anthology.toml')
UNREADABLE = Code("FILE002", Severity.ERROR, "a registry file can't be read",
                  "a paper file without read permission")
NOT_A_FILE = Code("FILE003", Severity.ERROR, "a registry path is not a regular file",
                  "registry/papers/x.yaml is a named pipe, or topics names a folder")
TOO_BIG = Code("FILE004", Severity.ERROR, "a registry file is larger than 'max_file_bytes'",
               "a 50 MB file under registry/papers")
CODES = [MISSING, UNREADABLE, NOT_A_FILE, TOO_BIG]
KINDS = {stat.S_IFDIR: "a folder", stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFSOCK: "a socket",
         stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device"}


@dataclass
class Context:
    """What checks may know beyond the registry itself."""

    config: Config
    memo: Memo
    offline: bool = False
    strict: bool = False
    base: str | None = None
    baseline: Any = None  # anthology.baseline.Baseline, loaded only when the ids check runs
    notes: list[str] = field(default_factory=list)


def paper_files(config: Config, extra: Sequence[Path] = ()) -> list[Path]:
    """Every registry file of papers, in a stable order, plus extra files or folders."""
    return [Path(path) for path, _ in _paper_files(config, extra)]


def _paper_files(config: Config, extra: Sequence[Path]) -> list[tuple[str, str]]:
    """(path, path as diagnostics show it) of every file of papers, each file once.

    Paths stay strings: at 10,000 files, Path objects cost more than the walk itself.
    """
    found: dict[str, str] = {}  # keyed by the shown path, so no file loads twice
    skipped = {config.relative(config.topics_path), config.relative(config.removed_path)}
    for entry in [*config.paper_paths, *(Path(os.path.abspath(p)) for p in extra)]:
        if entry.is_dir():
            pairs = sorted(_walk(config, entry))
        else:
            pairs = [(str(entry), config.relative(entry))] if os.path.lexists(entry) else []
        for path, shown in pairs:
            if shown not in skipped:
                found.setdefault(shown, path)
    return [(path, shown) for shown, path in found.items()]


def _walk(config: Config, top: Path) -> Iterable[tuple[str, str]]:
    for folder, _, names in os.walk(top):
        where = config.relative(Path(folder))
        for name in names:
            if name.endswith(YAML_SUFFIXES):
                path = os.path.join(folder, name)
                if not name.isascii() or where == ".":
                    yield path, config.relative(Path(path))
                else:
                    yield path, f"{where}/{name}"


def load_document(path: str, raw: bytes | Unread,
                  memo: Memo) -> tuple[Document | None, list[Diagnostic]]:
    digest = digest_of(raw)
    cached = memo.get("load:" + digest)
    if cached is not None:
        ok, data, found = cached
        diagnostics = [Diagnostic(path, line, col, Severity(sev), code, message)
                       for line, col, sev, code, message in found]
        if not ok:
            return None, diagnostics
        return Document(path, raw, data, digest), diagnostics
    document, diagnostics = load(path, raw if isinstance(raw, bytes) else raw.read())
    memo.put("load:" + digest, (document is not None, document.data if document else None,
                                [(d.line, d.col, d.severity.value, d.code, d.message)
                                 for d in diagnostics]))
    return document, diagnostics


def digest_of(raw: bytes | Unread) -> str:
    return blob_digest(raw) if isinstance(raw, bytes) else raw.digest


@dataclass
class RegistryFiles:
    """The raw bytes of every registry file, by the path diagnostics show."""

    topics: tuple[str, bytes] | None
    papers: list[tuple[str, bytes | Unread]]  # Unread: unchanged by its stat (filestat.py)
    problems: list[Diagnostic] = field(default_factory=list)  # missing or unreadable files
    removed: tuple[str, bytes] | None = None  # the tombstones, when the file exists


def read_files(config: Config, extra: Sequence[Path] = ()) -> RegistryFiles:
    files = RegistryFiles(None, [])
    for configured in [config.topics_path, *config.paper_paths, *extra]:
        if not os.path.lexists(configured):
            key = "topics" if configured == config.topics_path else "papers"
            origin = (f"the default '{key}'; set it in anthology.toml or [tool.anthology]"
                      if config.source == "defaults" else f"'{key}' in {config.source}")
            message = "no such file or folder" + ("" if configured in extra else f" ({origin})")
            files.problems.append(MISSING.at(config.relative(configured), 0, 0, message))
    if os.path.lexists(config.topics_path):
        files.topics = _read(config, config.topics_path, "topics", files.problems)
    if os.path.lexists(config.removed_path):
        files.removed = _read(config, config.removed_path, "removed", files.problems)
    stats = Stats(config.root, config.get("", "max_file_bytes"))
    for path, shown in _paper_files(config, extra):
        known = stats.unread(path, shown)
        if known is not None:
            files.papers.append((shown, known))
            continue
        paper = _read(config, path, "papers", files.problems, shown)
        if paper is not None:
            stats.record(shown, paper[1])
            files.papers.append(paper)
    stats.save()
    return files


def _read(config: Config, path: str | Path, key: str, problems: list[Diagnostic],
          shown: str | None = None) -> tuple[str, bytes] | None:
    shown = shown or config.relative(Path(path))
    try:
        return shown, read_file(path, config.get("", "max_file_bytes"), key)
    except NotRead as reason:
        problems.append(reason.code.at(shown, 0, 0, reason.message))
        return None


class NotRead(Exception):
    def __init__(self, code: Code, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def read_file(path: str | Path, limit: int, key: str = "papers") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; NotRead says why not.

    Opening never blocks (a FIFO has no writer to wait for) and at most `limit` + 1 bytes
    are read, so neither a pipe nor /dev/zero can hang a hook or fill the memory. `key`
    is the configuration key that led here, for the message.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        if err.errno in (errno.ENOENT, errno.ELOOP) and os.path.islink(path):
            what = "in a loop" if err.errno == errno.ELOOP else "to a file that does not exist"
            raise NotRead(UNREADABLE, f"is a symbolic link {what}; fix the link or remove it "
                          f"from the '{key}' paths") from None
        raise NotRead(UNREADABLE, f"can't be read: {err.strerror or err}") from None
    status = os.fstat(fd)
    mode = status.st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = KINDS.get(stat.S_IFMT(mode), "not a regular file")
        raise NotRead(NOT_A_FILE, f"is {kind}, not a regular file; point '{key}' at "
                      "regular files only")
    try:  # sized by the file: a read of limit + 1 bytes allocates that much every time
        asked = min(status.st_size, limit) + 1
        raw = os.read(fd, asked)
        if len(raw) == asked:  # less would mean the end of the file; this one grew since fstat
            while len(raw) <= limit and (more := os.read(fd, min(1 << 16, limit + 1 - len(raw)))):
                raw += more
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise NotRead(TOO_BIG, f"is larger than {limit} bytes; raise 'max_file_bytes' in the "
                      "configuration if this really is a registry file")
    return raw


def load_registry(config: Config, memo: Memo, extra: Sequence[Path] = (),
                  files: RegistryFiles | None = None) -> Registry:
    files = files or read_files(config, extra)
    diagnostics: list[Diagnostic] = list(files.problems)
    topics_document = None
    if files.topics is not None:
        topics_document, found = load_document(*files.topics, memo)
        diagnostics.extend(found)
    documents: list[Document] = []
    for path, raw in files.papers:
        document, found = load_document(path, raw, memo)
        diagnostics.extend(found)
        if document is not None:
            documents.append(document)
    removed_document = None
    if files.removed is not None:
        removed_document, found = load_document(*files.removed, memo)
        diagnostics.extend(found)
    return build(documents, topics_document, diagnostics, removed_document)


def run_checks(registry: Registry, context: Context, only: Iterable[str]) -> list[Diagnostic]:
    from anthology.checks import CHECKS

    diagnostics = list(registry.load_diagnostics)
    for name in only:
        diagnostics.extend(CHECKS[name].check(registry, context))
    return sorted(set(diagnostics), key=lambda d: (d.path, d.line, d.col, d.code, d.message))
