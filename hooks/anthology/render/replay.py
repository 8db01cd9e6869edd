"""Skip a render whose inputs and outputs are as the last clean render left them.

A commit through the hooks usually takes two attempts: the first rewrites the derived
files, the second finds them current. The second need not render again when nothing it
reads changed: the registry files, the configuration, the templates, this release and
the README (whose generated sections are filled in place), and when every output still
has the content written then. Anything else renders as before.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from anthology import __version__
from anthology.cache import Memo
from anthology.config import Config
from anthology.model import Registry
from anthology.render.writer import normalised


def key(registry: Registry, config: Config, chosen: dict[str, Path]) -> str:
    digest = hashlib.sha1()
    for part in (__version__, repr(sorted(config.values.items())), repr(sorted(chosen.items()))):
        digest.update(part.encode() + b"\0")
    documents = [registry.topics_document, registry.removed_document, *registry.documents]
    for document in filter(None, documents):
        digest.update(f"{document.path}\0{document.digest}\n".encode())
    folder = str(config.get("render", "templates"))
    for path in sorted(_files(config.root / folder)) if folder else []:
        digest.update(path.encode() + b"\0" + _content(Path(path)).encode() + b"\n")
    if "readme" in chosen:
        digest.update(b"readme\0" + _content(chosen["readme"]).encode())
    return "run:render:" + digest.hexdigest()


def unchanged(memo: Memo, name: str) -> bool:
    """Whether the render `name` was done cleanly and every output still holds its result."""
    outputs = memo.get(name)
    return outputs is not None and all(_content(Path(path)) == want
                                       for path, want in outputs.items())


def remember(memo: Memo, name: str, files: dict[Path, str]) -> None:
    memo.put(name, {str(path): _digest(text) for path, text in files.items()})
    memo.save()


def _files(folder: Path) -> list[str]:
    return [os.path.join(top, name) for top, _, names in os.walk(folder) for name in names]


def _content(path: Path) -> str:
    """The digest of a file's text as the writer compares it (line endings aside)."""
    try:
        return _digest(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError):
        return "unreadable"


def _digest(text: str) -> str:
    return hashlib.sha1(normalised(text).encode()).hexdigest()
