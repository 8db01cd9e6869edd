"""Fix one registry file: ids, arXiv ids, key order, line endings; never anything else.

The file is edited through a ruamel.yaml round trip, so comments, blank lines and
quoting stay as they were. A file with nothing to fix is returned unchanged, byte for
byte. Before a rewrite is accepted, the new text is loaded again and must hold exactly
the old data plus the fixes.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from pathlib import PurePosixPath
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from anthology import loader
from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.document import Document, Path
from anthology.fix import keyorder, roundtrip
from anthology.fix.comments import item_comments
from anthology.fix.numbering import Numbering
from anthology.fix.paperfix import Edit, PaperFix

E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE
PAPER_ID = Code("FIX001", N, "a paper id was assigned", "a new paper file without 'id:'")
REC_ID = Code("FIX002", N, "a recommendation id was assigned", "- text: ... without 'id:'")
ARXIV = Code("FIX003", N, "an arXiv id was rewritten in canonical form",
             "arxiv: arXiv:1711.05101v2 -> \"1711.05101v2\"")
ORDER = Code("FIX004", N, "keys were put in canonical order", "a paper starting with 'year:'")
ENDINGS = Code("FIX005", N, "line endings or a byte-order mark were normalised",
               "a file saved with CRLF line endings")
RENAME = Code("FIX006", E, "a paper file must be renamed to match its id",
              "registry/papers/adamw.yaml holding id: Loshchilov001")
UNFIXABLE = Code("FIX007", E, "an id could not be assigned", "a new paper with no first_author")
UNTOUCHED = Code("FIX008", E, "the file was left untouched: it is not valid YAML",
                 "title: [unclosed")
LAYOUT = Code("FIX009", W, "the rewrite also changed lines the fixes did not touch",
              "a file mixing 2- and 4-space indentation")
UNSAFE = Code("FIX010", E, "the rewrite would have changed the data; the file was left untouched",
              "an internal error; please report it")
LOCATOR = Code("FIX012", N, "a DOI or an ISBN was rewritten in canonical form",
               "doi: https://doi.org/10.1145/3065386 -> \"10.1145/3065386\"")
CODES = [PAPER_ID, REC_ID, ARXIV, ORDER, ENDINGS, RENAME, UNFIXABLE, UNTOUCHED, LAYOUT, UNSAFE,
         LOCATOR]


@dataclass
class Outcome:
    path: str  # as diagnostics show it
    old: bytes
    new: bytes | None = None  # None when the file stays as it is
    diagnostics: list[Diagnostic] = field(default_factory=list)
    file: FsPath | None = None  # where to write it


def fix_file(path: str, raw: bytes, numbering: Numbering) -> Outcome:
    outcome = Outcome(path, raw)
    document, found = loader.load(path, raw)
    errors = [d for d in found if d.severity is Severity.ERROR]
    if document is None or errors:
        outcome.diagnostics.extend([*errors, UNTOUCHED.at(path, 0, 0, "left untouched; "
                                                          "fix the YAML error first")])
        return outcome
    text = document.text
    try:
        trip = roundtrip.load(text)
    except YAMLError as err:
        outcome.diagnostics.append(UNTOUCHED.at(path, 0, 0, f"left untouched: ruamel.yaml can't "
                                                f"read it ({str(err).splitlines()[0]})"))
        return outcome
    lines = text.split("\n")
    fixer = PaperFix(numbering, lambda where: _written(document, where))
    moved = False
    one_paper = isinstance(trip.data, CommentedMap)
    for where, paper in _papers(trip.data):
        fixer.paper(paper, where, path if one_paper else None)
        above = None if one_paper else item_comments(trip.data, int(where[0]))
        moved |= keyorder.order_paper(paper, lines, trip.layout.sequence - trip.layout.offset,
                                      not one_paper, above)
    new_text = text
    if fixer.edits or moved:
        new_text = trip.dump()
        problem = _verify(document.data, new_text, fixer.edits)
        if problem:
            outcome.diagnostics.append(UNSAFE.at(path, 0, 0, problem))
            return outcome
    new_doc = Document(path, new_text, None, "")
    outcome.diagnostics.extend(_report(path, new_doc, fixer.edits, moved, trip.exact))
    outcome.diagnostics.extend(UNFIXABLE.at(path, *new_doc.position(u.where), u.message)
                               for u in fixer.unfixable)
    new_raw = new_text.encode("utf-8")
    if new_raw != raw:
        outcome.new = new_raw
        if raw.decode("utf-8") != text:
            outcome.diagnostics.append(ENDINGS.at(path, 1, 1, "saved with LF line endings and "
                                                  "no byte-order mark"))
    if one_paper:
        outcome.diagnostics.extend(rename_problem(new_doc, trip.data.get("id")))
    return outcome


def _papers(data: Any) -> list[tuple[Path, CommentedMap]]:
    if isinstance(data, CommentedMap):
        return [((), data)]
    if isinstance(data, CommentedSeq):
        return [((i,), item) for i, item in enumerate(data) if isinstance(item, CommentedMap)]
    return []


def _written(document: Document, where: Path) -> str | None:
    """A scalar as written in the file (`1412.6980`, not the float 1412.698)."""
    node = loader.compose(document.text)
    for step in where:
        if node is None:
            return None
        if node.id == "mapping":
            node = next((v for k, v in node.value if k.value == step), None)
        elif node.id == "sequence" and isinstance(step, int):
            node = node.value[step] if step < len(node.value) else None
        else:
            return None
    return str(node.value) if node is not None and node.id == "scalar" else None


def _verify(old: Any, new_text: str, edits: list[Edit]) -> str | None:
    expected = copy.deepcopy(old)
    for edit in edits:
        target = expected
        for step in edit.where[:-1]:
            target = target[step]
        target[edit.where[-1]] = edit.value
    document, found = loader.load("", new_text.encode("utf-8"))
    if document is None or any(d.severity is Severity.ERROR for d in found):
        return "the rewritten file would not load again; the file was left as it is"
    if document.data != expected:
        return "the rewritten file would hold different data; the file was left as it is"
    return None


def _report(path: str, doc: Document, edits: list[Edit], moved: bool,
            exact: bool) -> list[Diagnostic]:
    found = []
    for edit in edits:
        line, col = doc.position(edit.where)
        if edit.kind == "arxiv":
            why = " (a bare number is read as a float)" if edit.old == edit.value else ""
            found.append(ARXIV.at(path, line, col, f"arXiv id {edit.old} written as "
                                  f"\"{edit.value}\"{why}"))
        elif edit.kind in ("doi", "isbn"):
            found.append(LOCATOR.at(path, line, col, f"{edit.kind.upper()} {edit.old} written as "
                                    f"\"{edit.value}\""))
        else:
            code = PAPER_ID if edit.kind == "paper id" else REC_ID
            found.append(code.at(path, line, col, f"assigned {edit.kind} {edit.value}"))
    if moved:
        found.append(ORDER.at(path, 1, 1, "keys put in canonical order (id, title, first_author, "
                              "year, ...; comments kept with their keys)"))
    if (edits or moved) and not exact:
        found.append(LAYOUT.at(path, 1, 1, "this file's layout can't be reproduced exactly "
                               "(mixed indentation, '~' for null, trailing spaces...), so the "
                               "rewrite normalised it too; review the diff"))
    return found


def rename_problem(doc: Document, paper_id: Any = None) -> list[Diagnostic]:
    """A one-paper file not named after its paper id: the `git mv` to run."""
    if paper_id is None and isinstance(doc.data, dict):
        paper_id = doc.data.get("id")
    path = doc.path
    current = PurePosixPath(path)
    if not isinstance(paper_id, str) or not paper_id or current.stem == paper_id:
        return []
    target = current.with_name(paper_id + current.suffix)
    line, col = doc.position(("id",))
    return [RENAME.at(path, line, col, f"file is named '{current.stem}' but holds paper "
                      f"'{paper_id}'; run: git mv {current} {target}")]
