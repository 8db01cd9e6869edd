"""The ids a registry had at a base revision (HEAD by default), read with git.

Files whose content is unchanged since the base are not parsed again: their ids are
the current ones. Only changed or deleted files are read from git and loaded.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from anthology.cache import Memo
from anthology.config import Config
from anthology.model import Registry, build
from anthology.pipeline import YAML_SUFFIXES, load_document


@dataclass
class Baseline:
    ref: str
    ids: dict[str, str] = field(default_factory=dict)  # paper or recommendation id -> path


class NoBaseline(Exception):
    """The base revision can't be read; the message says why."""


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True,
                              check=False)
    except OSError as err:
        raise NoBaseline(f"git is not available ({err.strerror})") from None
    if done.returncode != 0:
        raise NoBaseline(done.stderr.decode("utf-8", "replace").strip().splitlines()[-1]
                         if done.stderr.strip() else f"git {args[0]} failed")
    return done.stdout


def load_baseline(config: Config, registry: Registry, memo: Memo, ref: str) -> Baseline:
    root = config.root
    try:
        inside = _git(root, "rev-parse", "--is-inside-work-tree").strip() == b"true"
    except NoBaseline:
        inside = False
    if not inside:
        raise NoBaseline("not inside a git work tree")
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except NoBaseline:
        raise NoBaseline(f"the base revision '{ref}' does not exist yet") from None
    specs = [config.relative(p) for p in config.paper_paths]
    listing = _git(root, "ls-tree", "-r", "-z", ref, "--", *specs)
    current = {d.digest for d in registry.documents}
    changed: list[tuple[str, str]] = []
    for entry in filter(None, listing.split(b"\0")):
        meta, _, name = entry.partition(b"\t")
        _, kind, blob = meta.decode().split()
        path = name.decode("utf-8", "surrogateescape")
        if kind == "blob" and path.endswith(YAML_SUFFIXES) and blob not in current:
            changed.append((blob, path))
    baseline = Baseline(ref)
    documents = []
    for (_, path), raw in zip(changed, _read_blobs(root, [b for b, _ in changed]), strict=True):
        document, _ = load_document(path, raw, memo)
        if document is not None:
            documents.append(document)
    for paper in build(documents, None, []).papers:
        if paper.id:
            baseline.ids.setdefault(paper.id, paper.document.path)
        for rec in paper.recommendations:
            if rec.id:
                baseline.ids.setdefault(rec.id, paper.document.path)
    return baseline


def _read_blobs(root: Path, blobs: list[str]) -> list[bytes]:
    if not blobs:
        return []
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{b}\n" for b in blobs).encode())
    contents, offset = [], 0
    for _ in blobs:
        header_end = out.index(b"\n", offset)
        size = int(out[offset:header_end].split()[2])
        contents.append(out[header_end + 1: header_end + 1 + size])
        offset = header_end + 1 + size + 1
    return contents
