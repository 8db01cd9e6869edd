"""Comment lines travel with the key they stand above when a mapping's keys are reordered.

ruamel.yaml keeps a comment line that sits between two keys at the end of whatever
precedes it: the previous key's value, or deep inside it when that value is a block
collection; after an empty flow collection it keeps it before the key instead. Before a
reorder, `detach_leading` takes those lines off; `attach_after` puts lines back at the
end of a key's value. End-of-line comments never move.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

Container = CommentedMap | CommentedSeq


def _is_block_collection(value: Any) -> bool:
    return (isinstance(value, (CommentedMap, CommentedSeq)) and len(value) > 0
            and not value.fa.flow_style())


def _last(container: Container) -> Any:
    return next(reversed(container)) if isinstance(container, CommentedMap) else len(container) - 1


def _tail(container: Container, key: Any, create: bool) -> tuple[list[Any] | None, int, Any]:
    """Where the comment after `key`'s value lives: (entry, index in entry, the value)."""
    value = container[key]
    if _is_block_collection(value):
        return _tail(value, _last(value), create)
    index = 2 if isinstance(container, CommentedMap) else 0
    entry = container.ca.items.get(key)
    if entry is None and create:
        entry = container.ca.items[key] = [None, None, None, None]
    return entry, index, value


def _split(token: Any, lines: list[str]) -> tuple[str, str]:
    """A tail comment as (its end-of-line part, the whole lines that follow)."""
    value = str(token.value)
    if value.startswith("\n"):
        return "\n", value[1:]
    line = getattr(token.start_mark, "line", -1)  # comments made here carry no line
    col = token.start_mark.column
    source = lines[line] if 0 <= line < len(lines) else ""
    if value.startswith("#") and col > 0 and source[:col].strip():
        eol, _, rest = value.partition("\n")
        return eol + "\n", rest
    return "", " " * col + value


def detach_trailing(container: Container, key: Any, lines: list[str]) -> str:
    """Remove and return the whole comment lines after `key`'s value."""
    entry, index, _ = _tail(container, key, create=False)
    token = entry[index] if entry is not None else None
    if token is None:
        return ""
    eol, following = _split(token, lines)
    if following:
        if eol:
            token.value = eol
        else:
            entry[index] = None  # type: ignore[index]
    return following


def detach_pre(mapping: CommentedMap, key: Any) -> str:
    """Remove and return the comment lines ruamel keeps in front of `key`."""
    entry = mapping.ca.items.get(key)
    if entry is None or not entry[1]:
        return ""
    text = "".join(" " * t.start_mark.column + str(t.value) for t in entry[1])
    entry[1] = None
    return text


def attach_after(container: Container, key: Any, lines: str) -> None:
    """Put whole comment lines after `key`'s value (and its end-of-line comment)."""
    if not lines:
        return
    entry, index, value = _tail(container, key, create=True)
    assert entry is not None
    token = entry[index]
    if token is not None:
        token.value = str(token.value) + lines
        return
    block = isinstance(value, (LiteralScalarString, FoldedScalarString))
    entry[index] = CommentToken(("" if block else "\n") + lines, CommentMark(0), None)


def attach_header(mapping: CommentedMap, lines: str, above: list[Any] | None = None) -> None:
    """Put whole comment lines above a mapping's first key (above the `- ` of a list item).

    `above` is the list of comments ruamel already keeps for that spot, when the mapping is
    a list item with a comment after its `- `: both places must agree when it is dumped.
    """
    if not lines:
        return
    token = CommentToken(lines, CommentMark(0), None)
    if above is not None:
        above.append(token)
        return
    comment = mapping.ca.comment
    if comment is None:
        comment = mapping.ca.comment = [None, []]
    if comment[1] is None:
        comment[1] = []
    comment[1].append(token)


def item_comments(seq: CommentedSeq, index: int) -> list[Any] | None:
    """The comments ruamel keeps before item `index`'s content, if any."""
    entry = seq.ca.items.get(index)
    return entry[1] if entry is not None and isinstance(entry[1], list) else None
