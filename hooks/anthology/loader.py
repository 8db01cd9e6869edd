"""Files to data: bytes -> text -> YAML nodes (libyaml) -> plain JSON-compatible values.

Every way a file can be bad becomes a diagnostic with a stable code and a position,
never an exception: bad encoding, BOM, CR or CRLF line endings, characters YAML does not
allow, tabs, syntax errors, duplicate keys, several documents, unsupported tags, values
that do not fit their type, deep nesting and alias bombs.
"""

from __future__ import annotations

import hashlib
import re
import sys
from functools import lru_cache
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError

from anthology import scalars
from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.document import Document, normalise_endings

try:  # libyaml through ruamel.yaml.clib; the pure-Python parser is the fallback
    from ruamel.yaml.cyaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - only without ruamel.yaml.clib
    from ruamel.yaml.loader import SafeLoader as _Loader  # type: ignore[assignment]

E, W = Severity.ERROR, Severity.WARNING
NOT_UTF8 = Code("YAML001", E, "the file is not valid UTF-8", "title: caf\\xe9 (Latin-1 bytes)")
BOM = Code("YAML002", W, "the file starts with a byte-order mark", "\\ufeffid: Kingma001")
CRLF = Code("YAML003", W, "the file has CRLF or CR line endings", "id: Kingma001\\r\\n")
EMPTY = Code("YAML004", E, "the file is empty or holds only comments", "# nothing yet")
SYNTAX = Code("YAML005", E, "the file is not valid YAML", "title: [unclosed")
TAB = Code("YAML006", E, "a tab is used for indentation", "key:\\n\\tvalue: 1")
DUPLICATE_KEY = Code("YAML007", E, "a key appears twice in one mapping", "title: A\\ntitle: B")
MULTI_DOC = Code("YAML008", E, "the file holds more than one YAML document", "a: 1\\n---\\nb: 2")
BAD_TAG = Code("YAML009", E, "a value has an unsupported tag", "year: !!python/object 1")
BAD_KEY = Code("YAML010", E, "a mapping key is not a plain scalar", "? [a, b]\\n: 1")
ALIAS_BOMB = Code(
    "YAML011", E, "aliases expand to far more data than the file holds",
    "a: &a [x, x]\\nb: &b [*a, *a]  # ...doubling on",
)
TOO_DEEP = Code("YAML012", E, "values are nested too deeply", "[[[[[[...]]]]]]")
BAD_CHARACTER = Code("YAML013", E, "a character YAML does not allow in a file",
                     "id: Kingma001\\x0c (a form feed)")
MISFIT = Code("YAML014", E, "a value does not fit its type or tag", "year: !!int abc")
CODES = [NOT_UTF8, BOM, CRLF, EMPTY, SYNTAX, TAB, DUPLICATE_KEY, MULTI_DOC, BAD_TAG, BAD_KEY,
         ALIAS_BOMB, TOO_DEEP, BAD_CHARACTER, MISFIT]

MAX_DEPTH = 64
MAX_EXPANSION = 20  # an expanded document may hold this many times the nodes it was written with
TAG = "tag:yaml.org,2002:"
SCALARS = {TAG + "str", TAG + "int", TAG + "float", TAG + "bool", TAG + "null", TAG + "timestamp"}
COLLECTIONS = {"mapping": TAG + "map", "sequence": TAG + "seq"}
# YAML's printable set, less NEL, LS and PS, which libyaml reads as line breaks and editors don't
NOT_ALLOWED = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd"
                         "\U00010000-\U0010ffff]")
NESTED_ON_ONE_LINE = re.compile(r"^ *[-?:] +[-?:](?: |$)", re.MULTILINE)


class Refused(Exception):
    def __init__(self, code: Code, node: Any, message: str) -> None:
        super().__init__(message)
        self.code, self.node, self.message = code, node, message


@lru_cache(maxsize=1 << 15)  # a run asks twice per file: for its fingerprint, then to load it
def blob_digest(raw: bytes) -> str:
    """The id git gives these bytes, so a file can be matched with its committed version."""
    return hashlib.sha1(b"blob %d\0" % len(raw) + raw).hexdigest()


def load(path: str, raw: bytes) -> tuple[Document | None, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line, col = _byte_position(raw, err.start)
        message = f"byte 0x{raw[err.start]:02x} is not UTF-8; save the file as UTF-8"
        return None, [NOT_UTF8.at(path, line, col, message)]
    if text.startswith("\ufeff"):
        text = text[1:]
        diagnostics.append(BOM.at(path, 1, 1, "remove the byte-order mark at the file's start"))
    if "\r" in text:
        first = text.index("\r")
        line, col = text.count("\n", 0, first) + 1, first - text.rfind("\n", 0, first)
        kind = "CRLF" if text.startswith("\r\n", first) else "CR (old Mac)"
        diagnostics.append(CRLF.at(path, line, col, f"line endings are {kind}; use LF"))
        text = normalise_endings(text)
    bad = NOT_ALLOWED.search(text)
    if bad is not None:
        return None, [*diagnostics, _bad_character(path, text, bad.start())]
    digest = blob_digest(raw)
    try:
        node = compose(text)
        data, duplicates = construct(node, "*" in text) if node is not None else (None, [])
    except MarkedYAMLError as err:
        return None, [*diagnostics, _syntax_diagnostic(path, text, err)]
    except YAMLError as err:  # not marked: the reader's own complaints
        return None, [*diagnostics, SYNTAX.at(path, 1, 1, str(err).splitlines()[0])]
    except Refused as refused:
        mark = refused.node.start_mark
        return None, [*diagnostics, refused.code.at(path, mark.line + 1, mark.column + 1,
                                                    refused.message)]
    if node is None:
        return None, [*diagnostics, EMPTY.at(path, 1, 1, "the file holds no data; write its "
                                             "content or remove the file")]
    for key_node, first_node in duplicates:
        mark, line = key_node.start_mark, first_node.start_mark.line + 1
        message = f"key '{key_node.value}' already appears on line {line}"
        diagnostics.append(DUPLICATE_KEY.at(path, mark.line + 1, mark.column + 1, message))
    return Document(path, text, data, digest), diagnostics


def compose(text: str) -> Any:
    """The YAML node tree of `text` (one document), each node carrying its start mark."""
    _refuse_deep_nesting(text)
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        _release(loader)


def _release(loader: Any) -> None:
    """Drop the loader's references to itself, so it is freed at once, not by the collector."""
    loader.dispose()
    vars(loader).clear()


def construct(node: Any, has_aliases: bool = True) -> tuple[Any, list[tuple[Any, Any]]]:
    """Plain values from nodes: dict, list, str, int, float, bool, None; dates stay text.

    Also returns each duplicated key node with the node of its first appearance.
    `has_aliases=False` (no `*` in the text) skips the expansion count.
    """
    if has_aliases:
        _refuse_alias_bomb(node)
    duplicates: list[tuple[Any, Any]] = []
    return _value(node, duplicates), duplicates


def _value(node: Any, duplicates: list[tuple[Any, Any]]) -> Any:
    if node.id in COLLECTIONS and _tag(node) != COLLECTIONS[node.id]:
        raise Refused(BAD_TAG, node, f"the tag {_tag(node).replace(TAG, '!!')} is not supported; "
                      f"write a plain {node.id}")
    if node.id == "mapping":
        result: dict[str, Any] = {}
        first: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                raise Refused(BAD_KEY, key_node, "use a plain string as a mapping key")
            key = sys.intern(str(key_node.value))  # shared: marshal then writes it once
            if key in first:
                duplicates.append((key_node, first[key]))
                continue
            first[key] = key_node
            result[key] = _value(value_node, duplicates)
        return result
    if node.id == "sequence":
        return [_value(item, duplicates) for item in node.value]
    return _scalar(node)


def _tag(node: Any) -> str:
    """The node's tag as written or resolved; `node.tag` costs a URI decoding each time."""
    tag = node.ctag
    return str(tag.suffix) if tag.handle is None else str(tag)


def _scalar(node: Any) -> Any:
    tag, text = _tag(node), node.value
    if tag not in SCALARS:
        raise Refused(BAD_TAG, node, f"the tag {tag.replace(TAG, '!!')} is not supported; "
                      "write a plain value")
    kind = tag.replace(TAG, "")
    if kind in scalars.READERS:
        value = scalars.READERS[kind](text)
        if value is scalars.MISFIT:
            shown = text if len(text) <= 40 else text[:37] + "..."
            raise Refused(MISFIT, node, f"'{shown}' can't be read as {scalars.WANTED[kind]}; "
                          f"write one, or write quoted text without a !!{kind} tag")
        return value
    return text  # str, and timestamps kept as written (the schema checks their form)


def _refuse_alias_bomb(root: Any) -> None:
    written: set[int] = set()
    expanded: dict[int, int] = {}
    in_progress: set[int] = set()

    def size(node: Any) -> int:
        key = id(node)
        if key in expanded:
            return expanded[key]
        if key in in_progress:
            raise Refused(ALIAS_BOMB, node, "an alias refers to the value that contains it")
        in_progress.add(key)
        written.add(key)
        total = 1
        if node.id == "mapping":
            total += sum(size(k) + size(v) for k, v in node.value)
        elif node.id == "sequence":
            total += sum(size(item) for item in node.value)
        in_progress.discard(key)
        expanded[key] = total
        if total > MAX_EXPANSION * len(written) + 1000:
            raise Refused(ALIAS_BOMB, node, f"aliases here expand to {total} values from "
                          f"{len(written)} written; write the values out instead")
        return total

    size(root)


def _refuse_deep_nesting(text: str) -> None:
    """libyaml's composer recurses in C; measure depth from the event stream first."""
    nested = text.count("[") + text.count("{") >= MAX_DEPTH or NESTED_ON_ONE_LINE.search(text)
    if not nested and "\n" + " " * 2 * MAX_DEPTH not in text:
        return
    loader = _Loader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            name = type(event).__name__
            if name in ("MappingStartEvent", "SequenceStartEvent"):
                depth += 1
                if depth > MAX_DEPTH:
                    raise Refused(TOO_DEEP, event, f"values nest more than {MAX_DEPTH} levels deep")
            elif name in ("MappingEndEvent", "SequenceEndEvent"):
                depth -= 1
    finally:
        _release(loader)


def _syntax_diagnostic(path: str, text: str, err: MarkedYAMLError) -> Diagnostic:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = err.problem or str(err)
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return TAB.at(path, line, col, "a tab is used for indentation; indent with spaces")
    if "another document" in problem:
        return MULTI_DOC.at(path, line, col, "put one YAML document in each file")
    context = f" ({err.context})" if err.context else ""
    return SYNTAX.at(path, line, col, f"{problem}{context}")


def _bad_character(path: str, text: str, index: int) -> Diagnostic:
    line, col = text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)
    character = f"U+{ord(text[index]):04X}"
    return BAD_CHARACTER.at(path, line, col, f"the character {character} is not allowed in YAML; "
                            "remove it, or write it as an escape in a double-quoted string")


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column as the text's: after the byte-order mark, CR and CRLF breaking lines."""
    before = raw[:offset].removeprefix(b"\xef\xbb\xbf")
    before = before.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[start:].decode("utf-8", "replace")) + 1
