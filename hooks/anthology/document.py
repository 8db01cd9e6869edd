"""A parsed YAML file: its plain data, plus the line and column of any value on demand.

Positions are found lazily: the data alone is enough for a clean file, and the text is
composed again only for the few files that have something to report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Key = str | int
Path = tuple[Key, ...]


@dataclass(frozen=True)
class Unread:
    """A file known unchanged by its stat (`anthology.filestat`): its blob id, and its
    bytes on demand."""

    path: str
    digest: str

    def read(self) -> bytes:
        try:
            with open(self.path, "rb") as stream:
                return stream.read()
        except OSError:
            return b""  # gone since: positions fall back to the top of the file


@dataclass
class Document:
    path: str  # as diagnostics show it
    source: str | bytes | Unread  # the text, or what it is decoded from when first read
    data: Any
    digest: str  # git blob id of the file's bytes
    _root: Any = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """The file's text with LF line endings (a file loaded from the memo keeps only its
        bytes until a finding needs a position)."""
        if not isinstance(self.source, str):
            raw = self.source if isinstance(self.source, bytes) else self.source.read()
            text = raw.decode("utf-8", errors="replace").removeprefix("\ufeff")
            self.source = normalise_endings(text)
        return self.source

    def position(self, where: Path, key: bool = False) -> tuple[int, int]:
        """1-based (line, col) of the value at `where`, or of its key when `key` is set.

        A path that does not exist (a missing key) resolves to its nearest ancestor.
        """
        node = self._node_tree()
        if node is None:
            return (1, 1)
        mark = node.start_mark
        for step in where:
            child, child_key = _child(node, step)
            if child is None:
                break
            node = child
            mark = child_key.start_mark if key and child_key is not None else child.start_mark
        return (mark.line + 1, mark.column + 1)

    def _node_tree(self) -> Any:
        if self._root is None:
            from anthology.loader import compose

            self._root = compose(self.text)
        return self._root


def normalise_endings(text: str) -> str:
    """LF line endings, from CRLF or CR ones (the text a document holds)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _child(node: Any, step: Key) -> tuple[Any, Any]:
    if node.id == "mapping":
        for key_node, value_node in node.value:
            if key_node.id == "scalar" and key_node.value == step:
                return value_node, key_node
    elif node.id == "sequence" and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step], None
    return None, None
