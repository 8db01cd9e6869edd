"""The registry as it was at a git revision, built through the same loader and model."""

from __future__ import annotations

from anthology.cache import Memo
from anthology.config import Config
from anthology.gitrepo import read_blobs, tree_files
from anthology.model import Registry, build
from anthology.pipeline import YAML_SUFFIXES, load_document


def registry_at(config: Config, ref: str, memo: Memo) -> Registry:
    """Every paper file and the topics file at `ref` (raises GitError when git can't)."""
    topics_spec = config.relative(config.topics_path)
    specs = [config.relative(p) for p in config.paper_paths]
    files = {path: blob for path, blob in tree_files(config.root, ref, [*specs, topics_spec])
             .items() if path.endswith(YAML_SUFFIXES)}
    contents = read_blobs(config.root, files.values())
    topics_document = None
    documents = []
    for path, blob in sorted(files.items()):
        document, _ = load_document(path, contents[blob], memo)
        if document is None:
            continue
        if path == topics_spec:
            topics_document = document
        else:
            documents.append(document)
    return build(documents, topics_document, [])
