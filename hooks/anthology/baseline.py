"""The ids a registry had at its base revision (see `anthology.baserev`), read with git.

Files whose content is unchanged since the base are not parsed again: their ids are
the current ones. Only changed or deleted files are read from git and loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from anthology.baserev import BaseRevision, NoBaseline, base_revision, git
from anthology.cache import Memo
from anthology.config import Config
from anthology.document import Document
from anthology.model import Registry, build
from anthology.pipeline import YAML_SUFFIXES, load_document

__all__ = ["Baseline", "NoBaseline", "load_baseline"]


@dataclass
class Baseline:
    ref: str  # how messages name the base revision
    ids: dict[str, str] = field(default_factory=dict)  # ids of changed or deleted files -> path
    digests: set[str] = field(default_factory=set)  # blob ids of the registry files at the base

    def has(self, name: str, document: Document) -> bool:
        """Whether an id (found now in `document`) already existed at the base revision."""
        return name in self.ids or document.digest in self.digests


def load_baseline(config: Config, registry: Registry, memo: Memo,
                  base: BaseRevision | str | None = None) -> Baseline:
    """The base's ids; `base` is a resolved revision, or a ref (None: from the context)."""
    root = config.root
    if not isinstance(base, BaseRevision):
        base = base_revision(config, base or None)
    specs = [config.relative(p) for p in config.paper_paths]
    listing = git(root, "ls-tree", "-r", "-z", base.rev, "--", *specs)
    current = {d.digest for d in registry.documents}
    changed: list[tuple[str, str]] = []
    baseline = Baseline(base.label)
    for entry in filter(None, listing.split(b"\0")):
        meta, _, name = entry.partition(b"\t")
        _, kind, blob = meta.decode().split()
        path = name.decode("utf-8", "surrogateescape")
        if kind == "blob" and path.endswith(YAML_SUFFIXES):
            baseline.digests.add(blob)
            if blob not in current:
                changed.append((blob, path))
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
    out = git(root, "cat-file", "--batch", stdin="".join(f"{b}\n" for b in blobs).encode())
    contents, offset = [], 0
    for _ in blobs:
        header_end = out.index(b"\n", offset)
        size = int(out[offset:header_end].split()[2])
        contents.append(out[header_end + 1: header_end + 1 + size])
        offset = header_end + 1 + size + 1
    return contents
