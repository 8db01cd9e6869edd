"""README sections: generated text between `<!-- anthology:begin NAME -->` and
`<!-- anthology:end NAME -->` lines. Text outside the markers is kept byte for byte.

A marker is a line of its own; lines inside fenced code blocks are never markers, so a
README can show the syntax. Every marker problem is a diagnostic with its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from anthology.diagnostics import Code, Diagnostic, Severity

E = Severity.ERROR
UNCLOSED = Code("RENDER001", E, "a README section is opened but never closed",
                "<!-- anthology:begin summary --> with no end marker after it")
UNOPENED = Code("RENDER002", E, "a README end marker has no begin marker before it",
                "<!-- anthology:end latest --> alone")
MISMATCHED = Code("RENDER003", E, "a README section is closed by another name, or opened "
                  "inside another section", "begin summary, then end latest")
UNKNOWN = Code("RENDER004", E, "a README section name that no template renders",
               "<!-- anthology:begin sumary -->")
MALFORMED = Code("RENDER005", E, "a line that looks like an anthology marker but is not one",
                 "<!-- anthology:begin -->")
NO_SECTIONS = Code("RENDER006", E, "the README has no anthology sections to fill in",
                   "render.outputs has 'readme' and README.md has no markers")
NO_README = Code("RENDER007", E, "the README to fill in does not exist",
                 "render.readme = 'docs/README.md' and there is no such file")
CODES = [UNCLOSED, UNOPENED, MISMATCHED, UNKNOWN, MALFORMED, NO_SECTIONS, NO_README]

MARKER = re.compile(r"^\s*<!--\s*anthology:(begin|end)\s+([A-Za-z0-9_-]+)\s*-->\s*$")
LOOKS_LIKE_MARKER = re.compile(r"^\s*<!--\s*anthology\b")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True)
class Section:
    name: str
    begin: int  # 0-based index of the begin marker's line
    end: int  # 0-based index of the end marker's line


def find_sections(path: str, text: str, known: Callable[[str], bool]
                  ) -> tuple[list[Section], list[Diagnostic]]:
    sections: list[Section] = []
    found: list[Diagnostic] = []
    open_at: tuple[str, int] | None = None
    fence = ""
    for index, line in enumerate(text.splitlines()):
        number = index + 1
        opening = FENCE.match(line)
        if fence:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence) \
                    and not line.strip().lstrip(fence[0]):
                fence = ""
            continue
        if opening:
            fence = opening[1]
            continue
        marker = MARKER.match(line)
        if marker is None:
            if LOOKS_LIKE_MARKER.match(line):
                found.append(MALFORMED.at(path, number, 1, "write markers as "
                                          "'<!-- anthology:begin NAME -->' and "
                                          "'<!-- anthology:end NAME -->', each on its own line"))
            continue
        kind, name = marker[1], marker[2]
        col = line.index("anthology:") + 1
        if kind == "begin":
            if open_at is not None:
                found.append(MISMATCHED.at(path, number, col, f"section '{name}' opens inside "
                                           f"section '{open_at[0]}' (line {open_at[1] + 1}); "
                                           f"close that one first"))
                continue
            if not known(name):
                found.append(UNKNOWN.at(path, number, col + len("anthology:begin "),
                                        f"no template renders a section named '{name}'"))
            open_at = (name, index)
        elif open_at is None:
            found.append(UNOPENED.at(path, number, col, f"end marker for '{name}' has no "
                                     f"'<!-- anthology:begin {name} -->' before it"))
        elif open_at[0] != name:
            found.append(MISMATCHED.at(path, number, col, f"end marker for '{name}' closes "
                                       f"section '{open_at[0]}' opened on line {open_at[1] + 1}"))
            open_at = None
        else:
            if known(name):
                sections.append(Section(name, open_at[1], index))
            open_at = None
    if open_at is not None:
        found.append(UNCLOSED.at(path, open_at[1] + 1, 1, f"section '{open_at[0]}' has no "
                                 f"'<!-- anthology:end {open_at[0]} -->' after it"))
    if not sections and not found:
        found.append(NO_SECTIONS.at(path, 1, 1, "add '<!-- anthology:begin summary -->' and "
                                    "'<!-- anthology:end summary -->' lines where the summary "
                                    "belongs, or drop 'readme' from render.outputs"))
    return sections, found


def fill(text: str, sections: list[Section], contents: dict[str, str]) -> str:
    """The text with each section's lines replaced, in the file's own line endings."""
    lines = text.splitlines(keepends=True)
    for section in sorted(sections, key=lambda s: s.begin, reverse=True):
        marker = lines[section.begin]
        newline = marker[len(marker.rstrip("\r\n")):] or "\n"
        body = contents[section.name].strip("\n")
        inner = ["", *body.split("\n"), ""] if body else []
        lines[section.begin + 1:section.end] = [line + newline for line in inner]
    return "".join(lines)
