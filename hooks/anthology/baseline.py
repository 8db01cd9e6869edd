"""The ids a registry had at its base revision (see `anthology.baserev`), read with git.

Files whose content is unchanged since the base are not parsed again: their ids are
the current ones. Only changed or deleted files are read from git and loaded.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field

from anthology.baserev import BaseRevision, NoBaseline, base_revision
from anthology.cache import Memo
from anthology.config import Config
from anthology.document import Document
from anthology.gitrepo import GitError, read_blobs, tree_files
from anthology.model import Registry, build
from anthology.pipeline import YAML_SUFFIXES, load_document

__all__ = ["Baseline", "NoBaseline", "load_baseline"]


@dataclass
class Baseline:
    ref: str  # how messages name the base revision
    ids: dict[str, str] = field(default_factory=dict)  # ids of changed or deleted files -> path
    digests: set[str] = field(default_factory=set)  # blob ids of the registry files at the base

    def missing(self, current: Container[str]) -> dict[str, str]:
        """Ids of the base that `current` lacks, with the path that had them."""
        return {name: path for name, path in self.ids.items() if name not in current}

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
    current = {d.digest for d in registry.documents}
    baseline = Baseline(base.label)
    try:
        files = {path: blob for path, blob in tree_files(root, base.rev, specs).items()
                 if path.endswith(YAML_SUFFIXES)}
        baseline.digests.update(files.values())
        changed = {path: blob for path, blob in files.items() if blob not in current}
        contents = read_blobs(root, changed.values())
    except GitError as err:
        raise NoBaseline(str(err)) from None
    documents = []
    for path, blob in changed.items():
        document, _ = load_document(path, contents[blob], memo)
        if document is not None:
            documents.append(document)
    for paper in build(documents, None, []).papers:
        if paper.id:
            baseline.ids.setdefault(paper.id, paper.document.path)
        for rec in paper.recommendations:
            if rec.id:
                baseline.ids.setdefault(rec.id, paper.document.path)
    return baseline

