"""What happened to each practice, commit by commit, read from one `git log`.

Each commit's changed paper files are compared before and after (the blobs come from
one `git cat-file --batch`, loaded through the memoised loader), so a long history costs
one pass, not a checkout per commit. Merges count as one change against their first
parent. In a shallow clone the oldest visible commit has no parent to compare with:
its files are the starting point, not news.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from anthology.cache import Memo
from anthology.changes import Change, compare
from anthology.config import Config
from anthology.document import Document
from anthology.gitrepo import GitError, git, read_blobs
from anthology.model import build
from anthology.pipeline import YAML_SUFFIXES, load_document

EVENTS = ("added", "promoted", "deprecated", "removed")
NO_BLOB = "0" * 40


@dataclass(frozen=True)
class Commit:
    sha: str
    date: str  # ISO 8601, the committer's date
    author: str
    subject: str
    files: tuple[tuple[str, str, str], ...]  # (path, blob before, blob after)


@dataclass
class History:
    events: list[tuple[Commit, Change]] = field(default_factory=list)  # newest first
    shallow: bool = False
    commits: int = 0
    problem: str | None = None  # why the history could not be read at all


def read_history(config: Config, memo: Memo, limit: int | None = None) -> History:
    specs = [config.relative(p) for p in config.paper_paths]
    try:
        commits = _log(config, specs, limit)
        boundary = _shallow_boundary(config)
    except GitError as err:
        return History(problem=str(err))
    blobs = {blob for c in commits if c.sha not in boundary
             for _, old, new in c.files for blob in (old, new) if blob != NO_BLOB}
    try:
        contents = read_blobs(config.root, blobs)
    except GitError as err:
        return History(problem=str(err))
    history = History(shallow=bool(boundary), commits=len(commits))
    for commit in commits:
        if commit.sha in boundary:
            continue
        before: list[Document] = []
        after: list[Document] = []
        for path, old, new in commit.files:
            for blob, side in ((old, before), (new, after)):
                if blob != NO_BLOB:
                    document, _ = load_document(path, contents[blob], memo)
                    if document is not None:
                        side.append(document)
        found = compare(build(before, None, []), build(after, None, []))
        history.events.extend((commit, c) for c in found.changes if c.kind in EVENTS)
    return history


def _log(config: Config, specs: list[str], limit: int | None) -> list[Commit]:
    args = ["log", "-z", "--first-parent", "-m", "--raw", "--no-abbrev", "--no-renames",
            "--format=%x01%H%x1f%cI%x1f%an%x1f%s"]
    if limit:
        args.append(f"--max-count={limit}")
    try:
        out = git(config.root, *args, "--", *specs)
    except GitError as err:
        if "does not have any commits" in str(err):
            return []
        raise
    commits = []
    for chunk in out.split(b"\x01")[1:]:
        header, _, rest = chunk.partition(b"\0")
        sha, date, author, subject = header.decode("utf-8", "replace").split("\x1f", 3)
        fields = rest.lstrip(b"\n").split(b"\0")
        files = []
        for meta, name in zip(fields[0::2], fields[1::2], strict=False):
            parts = meta.decode().split()
            path = name.decode("utf-8", "surrogateescape")
            if len(parts) >= 4 and path.endswith(YAML_SUFFIXES):
                files.append((path, parts[2], parts[3]))
        commits.append(Commit(sha, date, author, subject.strip(), tuple(files)))
    return commits


def _shallow_boundary(config: Config) -> set[str]:
    shallow = git(config.root, "rev-parse", "--git-path", "shallow").decode().strip()
    path = config.root / shallow
    return set(path.read_text().split()) if path.is_file() else set()
