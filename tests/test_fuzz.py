"""Property-based fuzzing: damaged copies of this repository's own registry never crash
`check`, `fix`, `render` or `run`, and every answer keeps the contract.

Each example copies a few real paper files (with the files their successors live in)
and applies one to four mutations: byte damage, hostile values, swapped ids, odd file
names and line endings. Then, in a fresh folder:

- `check --format json` exits 0 or 1 (1 exactly when there is an error), prints valid
  JSON, and each position lies inside its file;
- `fix` keeps every value and comment of a file it rewrites, the result loads cleanly,
  and a second `fix` changes nothing;
- `render` writes nothing for a registry with errors; otherwise its export matches
  schema/export.schema.json and `run --check` passes and finds it up to date.

CI runs a few examples and replays tests/fuzz-examples/ (failures found before);
`python bench/fuzz.py` runs a long campaign and stores what it finds there.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from anthology.cli import main
from anthology.loader import load
from anthology.schemas import load_schema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase, ExampleDatabase, ReadOnlyDatabase
from jsonschema import Draft202012Validator

REPO = Path(__file__).resolve().parent.parent
PAPERS = {path.name: path.read_bytes() for path in sorted((REPO / "registry" / "papers").glob(
    "*.yaml"))}
TOPICS = (REPO / "registry" / "topics.yaml").read_bytes()
IDS = sorted({m.decode() for raw in PAPERS.values()
              for m in re.findall(rb"MLR-\d{4}-[A-Za-z]+\d{3}-\d{4}", raw)})
CONFIG = b'[render]\noutputs = ["registry-md", "json"]\n'
EXAMPLES = int(os.environ.get("ANTHOLOGY_FUZZ_EXAMPLES", "15"))
STORE = Path(__file__).resolve().parent / "fuzz-examples"

HOSTILE = ["2020.0", "2.02e+3", ".INF", "-.INF", ".NAN", "!!int abc", "!!float Kingma",
           "!!bool maybe", "9" * 4400, "0x" + "f" * 3600, "~", "[]", "{}", "[[[[[[[[", "&a x",
           "*a", "!!python/object/apply:os.system [ls]", "!!omap [{a: 1}]", "!!set {a}",
           "'<script>alert(1)</script>'", '"\\u0000"', "|\n  block", "yes", "null", "-1",
           "1e309", '"[x](javascript:alert(1))"', "2999-01-01", "2023-02-30", "''",
           "MLR-2099-Nobody001-0001", "\"\\u2028\"", "x" * 5000, "'a: b'", "? ? ? ? x",
           "- - - - x", "{a: [b, {c: d}]}", "!!binary aGk=", "@", "`x`", "%TAG", "\"\\x85\""]
TOKENS = [b"\x00", b"\x0c", b"\x1b", b"\x7f", b"\x85", b"\r", b"\r\n", b"\t", b"\xff", b"\xc3",
          b"\xef\xbb\xbf", "\u2028".encode(), "\ufeff".encode(), "\uffff".encode(), b"\"", b"'",
          b": ", b"- ", b"? ", b"[", b"{", b"&a ", b"*a", b"!!", b"#", b"|", b">", b"---\n",
          b"...\n", b"\n", b"    ", b"%YAML 1.1\n"]
NAMES = ["x.yaml", "Copy001.yaml", "\udcff.yaml", "notes.yml", "deep/er/Kingma009.yaml",
         "MLR.yaml", " .yaml"]


def _closure(names: list[str]) -> list[str]:
    """The files named, plus those holding the successors they name, transitively."""
    by_paper = {name.removesuffix(".yaml"): name for name in PAPERS}
    found: list[str] = []
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found.append(name)
        for paper in re.findall(rb"superseded_by:.*?MLR-\d{4}-([A-Za-z]+\d{3})-", PAPERS[name]):
            if paper.decode() in by_paper:
                todo.append(by_paper[paper.decode()])
    return sorted(found)


@st.composite
def registries(draw: st.DrawFn) -> dict[str, bytes]:
    """Paths (relative to the root) -> bytes of a registry, damaged one to four ways."""
    seeds = draw(st.lists(st.sampled_from(sorted(PAPERS)), min_size=1, max_size=2, unique=True))
    files = {f"registry/papers/{name}": PAPERS[name] for name in _closure(seeds)}
    files["registry/topics.yaml"] = TOPICS
    for _ in range(draw(st.integers(1, 4))):
        if not files:
            break
        path = draw(st.sampled_from(sorted(files)))
        result = draw(st.sampled_from(MUTATIONS))(draw, files, path)
        if result is not None:
            files[path] = result
    return files


def _insert(draw: st.DrawFn, files: dict[str, bytes], path: str) -> bytes | None:
    raw = files[path]
    at = draw(st.integers(0, len(raw)))
    chunk = draw(st.one_of(st.sampled_from(TOKENS), st.binary(min_size=1, max_size=6)))
    return raw[:at] + chunk + raw[at:]


def _delete(draw: st.DrawFn, files: dict[str, bytes], path: str) -> bytes:
    raw = files[path]
    at = draw(st.integers(0, len(raw)))
    return raw[:at] + raw[at + draw(st.integers(1, 40)):]


def _lines(draw: st.DrawFn, files: dict[str, bytes], path: str) -> bytes:
    lines = files[path].split(b"\n")
    i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    action = draw(st.sampled_from(["dup", "drop", "swap", "indent", "dedent"]))
    if action == "dup":
        lines.insert(i, lines[i])
    elif action == "drop":
        del lines[i]
    elif action == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif action == "indent":
        lines[i] = b"  " + lines[i]
    else:
        lines[i] = lines[i][2:] if lines[i].startswith(b"  ") else lines[i]
    return b"\n".join(lines)


def _value(draw: st.DrawFn, files: dict[str, bytes], path: str) -> bytes:
    """A `key: value` line gets a hostile value."""
    lines = files[path].split(b"\n")
    keyed = [i for i, line in enumerate(lines) if re.match(rb"\s*(- )?\w+:( |$)", line)]
    if not keyed:
        return files[path]
    i = draw(st.sampled_from(keyed))
    key = lines[i].split(b":", 1)[0]
    lines[i] = key + b": " + draw(st.sampled_from(HOSTILE)).encode("utf-8")
    return b"\n".join(lines)


def _swap_id(draw: st.DrawFn, files: dict[str, bytes], path: str) -> bytes:
    """An id becomes another one: self-links, cycles, duplicates, unknown successors."""
    raw = files[path]
    found = list(re.finditer(rb"MLR-\d{4}-[A-Za-z]+\d{3}-\d{4}", raw))
    if not found:
        return raw
    match = draw(st.sampled_from(found))
    other = draw(st.sampled_from([m.group() for m in found] + [i.encode() for i in IDS[:40]]))
    return raw[:match.start()] + other + raw[match.end():]


def _status(draw: st.DrawFn, files: dict[str, bytes], path: str) -> bytes:
    old, new = draw(st.sampled_from([(b"standard", b"deprecated"), (b"deprecated", b"standard"),
                                     (b"experimental", b"deprecated"), (b"  deprecated:", b"  x:"),
                                     (b"status: ", b"status: deprecated\n    status: ")]))
    return files[path].replace(old, new, 1)


def _file(draw: st.DrawFn, files: dict[str, bytes], path: str) -> bytes | None:
    """Line endings, a byte-order mark, an empty or missing file, a copy or a new name."""
    raw = files[path]
    action = draw(st.sampled_from(["crlf", "cr", "bom", "empty", "remove", "copy", "rename"]))
    if action in ("crlf", "cr", "bom", "empty"):
        return {"crlf": raw.replace(b"\n", b"\r\n"), "cr": raw.replace(b"\n", b"\r"),
                "bom": b"\xef\xbb\xbf" + raw, "empty": b""}[action]
    if action != "copy":
        del files[path]
    if action != "remove":
        files["registry/papers/" + draw(st.sampled_from(NAMES))] = raw
    return None


MUTATIONS = [_insert, _delete, _lines, _value, _value, _swap_id, _status, _file]


@contextlib.contextmanager
def registry_at(files: dict[str, bytes]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "anthology.toml").write_bytes(CONFIG)
        for path, raw in files.items():
            target = os.fsencode(root / path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(raw)
        before = os.getcwd()
        os.chdir(root)
        try:
            yield root
        finally:
            os.chdir(before)


def anthology(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        status = main(list(args))
    return status, out.getvalue()


def snapshot(root: Path) -> dict[bytes, bytes]:
    found = {}
    for folder, _, names in os.walk(os.fsencode(root)):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as file:
                found[os.path.relpath(path, os.fsencode(root))] = file.read()
    return found


def assert_check_contract(root: Path) -> list[dict[str, Any]]:
    status, out = anthology("check", "--offline", "--format", "json")
    diagnostics: list[dict[str, Any]] = json.loads(out)["diagnostics"]
    errors = [d for d in diagnostics if d["severity"] == "error"]
    assert status == (1 if errors else 0), out
    shown = {os.fsdecode(p).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
             : raw for p, raw in snapshot(root).items()}
    for d in diagnostics:
        assert re.fullmatch(r"[A-Z]+\d{3}", d["code"]) and d["message"], d
        if d["line"] == 0:
            assert d["col"] == 0, d
            continue
        assert d["path"] in shown, d
        raw = shown[d["path"]].removeprefix(b"\xef\xbb\xbf")
        text = raw.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n")
        assert 1 <= d["line"] <= len(lines), d
        assert 1 <= d["col"] <= len(lines[d["line"] - 1]) + 1, d
    return errors


def _plain(data: Any) -> Any:
    """Data without the values `fix` may add or rewrite (ids and arXiv ids)."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items() if k not in ("id", "arxiv")}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    return data


def assert_fix_contract(root: Path) -> None:
    before = snapshot(root)
    status, out = anthology("fix", "--format", "json")
    assert status in (0, 1)
    json.loads(out)
    after = snapshot(root)
    assert set(after) == set(before)
    for path, new in after.items():
        old = before[path]
        if new == old:
            continue
        old_doc, _ = load("old", old)
        new_doc, found = load("new", new)
        assert old_doc is not None and new_doc is not None, path
        assert not [d for d in found if d.severity.value != "note"], (path, found)
        assert _plain(new_doc.data) == _plain(old_doc.data), path
        comments = re.findall(r"#.*", old_doc.text)
        assert all(comment in new_doc.text for comment in comments), path
    status, _ = anthology("fix", "--format", "json")
    assert snapshot(root) == after, "a second fix changed files again"


def assert_render_contract(root: Path, errors: list[dict[str, Any]]) -> None:
    status, out = anthology("render")
    outputs = [root / "REGISTRY.md", root / "registry.json"]
    if errors:
        assert status != 0 and not any(path.exists() for path in outputs), out
        assert anthology("run", "--offline", "--check")[0] != 0
        return
    assert status in (0, 1), out
    Draft202012Validator(load_schema("export")).validate(
        json.loads((root / "registry.json").read_text(encoding="utf-8")))
    assert anthology("run", "--offline", "--check")[0] == 0  # and the render is up to date


class KeepingDatabase(ExampleDatabase):
    """Stores what a long run finds, and never forgets it: the suite replays it."""

    def __init__(self, inner: ExampleDatabase) -> None:
        super().__init__()
        self.inner = inner

    def save(self, key: bytes, value: bytes) -> None:
        self.inner.save(key, value)

    def fetch(self, key: bytes) -> Any:
        return self.inner.fetch(key)

    def delete(self, key: bytes, value: bytes) -> None:
        pass


def database() -> ExampleDatabase:
    stored = DirectoryBasedExampleDatabase(STORE)
    if os.environ.get("ANTHOLOGY_FUZZ_STORE") == "1":
        return KeepingDatabase(stored)
    return ReadOnlyDatabase(stored)


@settings(max_examples=EXAMPLES, deadline=None, database=database(),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.large_base_example])
@given(registries())
def test_damaged_registries_keep_the_contract(files: dict[str, bytes]) -> None:
    with registry_at(files) as root:
        assert_check_contract(root)
        assert_fix_contract(root)
        errors = assert_check_contract(root)
        assert_render_contract(root, errors)
