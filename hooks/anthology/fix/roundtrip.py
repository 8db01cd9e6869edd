"""A ruamel.yaml round trip that gives a file back byte for byte when nothing changed.

The layout (mapping indent, sequence indent, dash offset, `---`) is detected from the
file itself, then confirmed by dumping it again: a file whose layout ruamel cannot
reproduce (mixed indentation, `~` for null, trailing spaces) is marked as such, and the
fixer rewrites it only when a fix is needed.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from anthology.loader import compose

WIDTH = 1 << 30  # never fold a long line
COMMON = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 3, 1))


@dataclass(frozen=True)
class Layout:
    mapping: int = 2
    sequence: int = 4
    offset: int = 2
    explicit_start: bool = False
    root_dedent: int = 0  # a top-level list written at column 0 (ruamel indents it by offset)


@dataclass
class RoundTrip:
    """A file loaded for editing: its data, and whether dumping it unchanged is exact."""

    data: Any
    layout: Layout
    exact: bool

    def dump(self) -> str:
        return dump(self.data, self.layout)


def yaml_for(layout: Layout) -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    yaml.explicit_start = layout.explicit_start
    return yaml


def dump(data: Any, layout: Layout) -> str:
    out = io.StringIO()
    yaml_for(layout).dump(data, out)
    text = out.getvalue()
    if not layout.root_dedent:
        return text
    margin = " " * layout.root_dedent
    return "".join(line[len(margin):] if line.startswith(margin) else line
                   for line in text.splitlines(keepends=True))


def load(text: str) -> RoundTrip:
    """Load `text` for editing; raises ruamel.yaml's YAMLError when it can't be read."""
    try:
        return _load(text)
    except (ValueError, OverflowError) as err:  # a value it can't build, such as 2023-02-30
        raise YAMLError(f"{err}") from err


def _load(text: str) -> RoundTrip:
    detected = detect(text)
    data = yaml_for(detected).load(text)
    if dump(data, detected) == text:
        return RoundTrip(data, detected, True)
    for mapping, sequence, offset in COMMON:
        layout = Layout(mapping, sequence, offset, detected.explicit_start,
                        offset if detected.root_dedent else 0)
        if layout != detected and dump(yaml_for(layout).load(text), layout) == text:
            return RoundTrip(yaml_for(layout).load(text), layout, True)
    return RoundTrip(data, detected, False)


def detect(text: str) -> Layout:
    """The indentation most of the file's block collections use."""
    mappings: Counter[int] = Counter()
    sequences: Counter[tuple[int, int]] = Counter()
    try:
        root = compose(text)
    except Exception:  # the loader reports bad YAML; any layout will do here
        root = None
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if node.id == "mapping":
            for key, value in node.value:
                _measure(key, value, mappings, sequences)
                stack.append(value)
        elif node.id == "sequence":
            stack.extend(node.value)
    mapping = mappings.most_common(1)[0][0] if mappings else 2
    sequence, offset = (sequences.most_common(1)[0][0] if sequences
                        else (mapping + 2, 2))
    start = text.lstrip("\ufeff").startswith("---")
    flush = root is not None and root.id == "sequence" and root.start_mark.column == 0
    return Layout(mapping, sequence, offset, start, offset if flush else 0)


def _measure(key: Any, value: Any, mappings: Counter[int],
             sequences: Counter[tuple[int, int]]) -> None:
    if getattr(value, "flow_style", False) or not value.value or value.id == "scalar":
        return
    column = key.start_mark.column
    if value.start_mark.line == key.start_mark.line:
        return
    if value.id == "mapping":
        mappings[value.value[0][0].start_mark.column - column] += 1
    elif value.id == "sequence":
        dash = value.start_mark.column
        first = value.value[0]
        if first.start_mark.line == value.start_mark.line:
            sequences[(first.start_mark.column - column, dash - column)] += 1
