"""Every kind of bad file gets a diagnostic with a stable code and a position."""

from __future__ import annotations

import tracemalloc

import pytest
from anthology.loader import blob_digest, load


def diagnose(raw: bytes) -> list[tuple[str, int, int]]:
    _, found = load("p.yaml", raw)
    return [(d.code, d.line, d.col) for d in found]


@pytest.mark.parametrize(("raw", "expected"), [
    (b"title: caf\xe9\n", [("YAML001", 1, 11)]),
    (b"id: A\ntitle: ok\nnote: \xff\n", [("YAML001", 3, 7)]),
    (b"", [("YAML004", 1, 1)]),
    (b"# nothing yet\n", [("YAML004", 1, 1)]),
    (b"title: [unclosed\nyear: 1\n", [("YAML005", 2, 5)]),
    (b"title: x\nrecommendations:\n\t- id: 1\n", [("YAML006", 3, 1)]),
    (b"title: A\nyear: 1\ntitle: B\n", [("YAML007", 3, 1)]),
    (b"a: 1\n---\nb: 2\n", [("YAML008", 2, 1)]),
    (b"year: !!python/object:os.system 1\n", [("YAML009", 1, 7)]),
    (b"? [a, b]\n: 1\n", [("YAML010", 1, 3)]),
])
def test_bad_file_kinds(raw: bytes, expected: list[tuple[str, int, int]]) -> None:
    assert diagnose(raw) == expected


def test_bom_and_crlf_are_reported_and_the_file_still_loads() -> None:
    document, found = load("p.yaml", b"\xef\xbb\xbfid: Kingma001\r\nyear: 2014\r\n")
    assert [(d.code, d.line, d.severity.value) for d in found] == [
        ("YAML002", 1, "warning"), ("YAML003", 1, "warning")]
    assert document is not None and document.data == {"id": "Kingma001", "year": 2014}


def test_values_are_plain_json_types_and_dates_stay_text() -> None:
    document, found = load("p.yaml", b"year: 2017\narxiv: '1711.05101'\ndate: 2023-06-01\n"
                           b"ok: true\nnone: null\nrate: 1.5e-3\nhex: 0x1F\nyes: yes\n")
    assert found == []
    assert document is not None
    assert document.data == {"year": 2017, "arxiv": "1711.05101", "date": "2023-06-01",
                             "ok": True, "none": None, "rate": 0.0015, "hex": 31, "yes": "yes"}


def test_positions_point_at_values_and_keys() -> None:
    document, _ = load("p.yaml", b"id: X\nrecommendations:\n  - id: R\n    topic: t\n")
    assert document is not None
    assert document.position(("recommendations", 0, "topic")) == (4, 12)
    assert document.position(("recommendations", 0, "topic"), key=True) == (4, 5)
    assert document.position(("recommendations", 0, "missing")) == (3, 5)


def test_billion_laughs_is_refused_quickly_in_bounded_memory() -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    tracemalloc.start()
    found = diagnose("\n".join(lines).encode())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [code for code, _, _ in found] == ["YAML011"]
    assert peak < 20 * 1024 * 1024


def test_recursive_alias_is_refused() -> None:
    assert [code for code, _, _ in diagnose(b"a: &a [1, *a]\n")] == ["YAML011"]


def test_modest_aliases_are_fine() -> None:
    document, found = load("p.yaml", b"base: &b [x, y]\nother: *b\n")
    assert found == [] and document is not None
    assert document.data == {"base": ["x", "y"], "other": ["x", "y"]}


@pytest.mark.parametrize("raw", [b"[" * 100_000 + b"]" * 100_000,
                                 b"- " * 5000 + b"x\n",
                                 b"a: " + b"{b: " * 3000 + b"1" + b"}" * 3000 + b"\n"])
def test_deep_nesting_is_refused_not_crashed(raw: bytes) -> None:
    assert [code for code, _, _ in diagnose(raw)] == ["YAML012"]


def test_blob_digest_is_gits_blob_id() -> None:
    assert blob_digest(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"
