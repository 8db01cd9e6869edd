"""Inputs that once crashed or fooled the hooks: each is now one positioned diagnostic.

One test per case the fuzz campaign found; tests/test_fuzz.py looks for new ones.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from anthology.cli import main
from anthology.loader import load
from papers import GOOD, KINGMA, RunCheck, WriteRegistry, codes


def diagnose(raw: bytes) -> list[tuple[str, int, int]]:
    document, found = load("p.yaml", raw)
    return [(d.code, d.line, d.col) for d in found]


@pytest.mark.parametrize(("raw", "col"), [
    (b"id: Zz001\x0c\n", 10), (b"id: Zz\x00001\n", 7), (b"id: \x1b[31mZz001\n", 5),
    (b"id: Zz\x7f001\n", 7), (b"id: Zz\x0b001\n", 7), ("id: Zz\ufffe\n".encode(), 7),
    ("id: Zz\uffff\n".encode(), 7), ("id: Zz\u2028001\n".encode(), 7),
])
def test_1_a_control_character_is_yaml013_at_its_position(raw: bytes, col: int) -> None:
    assert diagnose(b"title: T\n" + raw) == [("YAML013", 2, col)]


@pytest.mark.parametrize(("text", "value"), [
    ("year: .INF", float("inf")), ("year: -.INF", float("-inf")), ("year: +.Inf", float("inf"))])
def test_2_upper_case_yaml_floats_load(text: str, value: float) -> None:
    document, found = load("p.yaml", text.encode())
    assert found == [] and document is not None and document.data == {"year": value}


def test_2_upper_case_nan_loads() -> None:
    document, found = load("p.yaml", b"year: .NAN\n")
    assert found == [] and document is not None and document.data["year"] != document.data["year"]


@pytest.mark.parametrize(("text", "col"), [
    ("year: !!int abc", 7), ("first_author: !!float Kingma", 15), ("year: !!int 1.5", 7),
    ("ok: !!bool maybe", 5), ("none: !!null x", 7), ("year: 0b_", 7)])
def test_3_a_value_that_does_not_fit_its_tag_is_yaml014(text: str, col: int) -> None:
    assert diagnose(text.encode() + b"\n") == [("YAML014", 1, col)]


@pytest.mark.parametrize("raw", [b"year: " + b"9" * 4301, b"year: 0x" + b"f" * 3600,
                                 b"year: 9223372036854775808"])
def test_4_an_integer_beyond_64_bits_is_yaml014(raw: bytes) -> None:
    assert diagnose(raw + b"\n") == [("YAML014", 1, 7)]


def test_4_the_largest_64_bit_integers_load() -> None:
    document, _ = load("p.yaml", b"a: 9223372036854775807\nb: -9223372036854775808\n")
    assert document is not None and document.data == {"a": 2**63 - 1, "b": -2**63}


@pytest.mark.parametrize("raw", [b"? " * 30_000 + b"x\n", b"-  " * 30_000 + b"x\n",
                                 b"? - " * 20_000 + b"x\n"])
def test_6_compact_nesting_is_yaml012_without_a_crash(raw: bytes) -> None:
    """Run in a child process: a crash in libyaml would take the test run with it."""
    script = ("import sys; from anthology.loader import load; "
              "print([d.code for d in load('p.yaml', sys.stdin.buffer.read())[1]])")
    done = subprocess.run([sys.executable, "-c", script], input=raw, capture_output=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().strip() == "['YAML012']"


@pytest.mark.parametrize(("text", "line", "col"), [
    ("recommendations: !!python/object/apply:os.system\n  - x\n", 1, 18),
    ("--- !!python/object/new:os.system\ntitle: T\n", 1, 5),
    ("notes: !!omap [{a: 1}]\n", 1, 8), ("notes: !!set {a}\n", 1, 8),
    ("title: !!str {a: 1}\n", 1, 8)])
def test_8_an_unsupported_tag_on_a_collection_is_yaml009(text: str, line: int, col: int) -> None:
    assert diagnose(text.encode()) == [("YAML009", line, col)]


def test_8_core_collection_tags_are_fine() -> None:
    document, found = load("p.yaml", b"a: !!map {b: 1}\nc: !!seq [1]\n")
    assert found == [] and document is not None and document.data == {"a": {"b": 1}, "c": [1]}


def test_5_a_file_name_that_is_not_utf8_is_reported(registry: WriteRegistry,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    root = registry(**GOOD)
    papers = os.fsencode(root / "registry" / "papers")
    with open(papers + b"/\xff.yaml", "wb") as out:
        out.write(b"title: [unclosed\n")
    for fmt in ("text", "json", "github"):
        assert main(["check", "--offline", "--only", "schema", "--format", fmt]) == 1
        out = capsys.readouterr().out
        assert "registry/papers/\\xff.yaml" in (json.loads(out)["diagnostics"][0]["path"]
                                                if fmt == "json" else out)


@pytest.mark.parametrize("target", ["nowhere.yaml", "loop.yaml"])
def test_10_fix_reports_a_dangling_or_looping_link(registry: WriteRegistry, target: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    root = registry(**GOOD)
    link = root / "registry" / "papers" / "loop.yaml"
    link.symlink_to(root / "registry" / "papers" / target)
    assert main(["fix"]) == 1
    out = capsys.readouterr().out
    assert codes(out) == [("loop.yaml", 0, "FILE002")]
    assert "symbolic link" in out


def test_10_fix_writes_through_a_link_and_keeps_it(registry: WriteRegistry,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    root = registry()
    (root / "elsewhere.yaml").write_text(KINGMA.replace("id: Kingma001\n", ""))
    link = root / "registry" / "papers" / "Kingma001.yaml"
    link.symlink_to(root / "elsewhere.yaml")
    main(["fix"])
    assert link.is_symlink() and (root / "elsewhere.yaml").read_text().startswith("id: Kingma0")


def test_11_cr_only_endings_are_reported_as_cr_and_fixed_once(
        registry: WriteRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    root = registry(**GOOD)
    path = root / "registry" / "papers" / "Kingma001.yaml"
    path.write_bytes(KINGMA.replace("\n", "\r").encode())
    assert main(["check", "--offline", "--only", "schema"]) == 0
    assert "line endings are CR (old Mac); use LF" in capsys.readouterr().out
    assert main(["fix"]) == 1
    capsys.readouterr()
    assert path.read_bytes() == KINGMA.encode()
    assert main(["fix"]) == 0
    assert path.read_bytes() == KINGMA.encode()


def test_a_topics_folder_is_one_file_error(registry: WriteRegistry, run_check: RunCheck) -> None:
    root = registry(**GOOD)
    topics = root / "registry" / "topics.yaml"
    topics.unlink()
    topics.mkdir()
    status, out = run_check("--only", "schema,ids,succession")
    assert status == 1
    assert [c for c in codes(out) if c[2] != "ID013"] == [("topics.yaml", 0, "FILE003")]
    assert "point 'topics' at regular files" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_or_device_is_not_read(registry: WriteRegistry, run_check: RunCheck) -> None:
    root = registry(**GOOD)
    os.mkfifo(root / "registry" / "papers" / "Pipe001.yaml")
    (root / "registry" / "papers" / "Zero001.yaml").symlink_to("/dev/zero")
    status, out = run_check("--only", "schema")
    assert status == 1
    assert codes(out) == [("Pipe001.yaml", 0, "FILE003"), ("Zero001.yaml", 0, "FILE003")]
    assert "a named pipe (FIFO)" in out and "a character device" in out


def test_a_file_over_the_size_limit_names_the_key(registry: WriteRegistry,
                                                  run_check: RunCheck) -> None:
    root = registry(**GOOD)
    (root / "anthology.toml").write_text("max_file_bytes = 400\n")
    status, out = run_check("--only", "schema")
    assert status == 1
    assert codes(out) == [("Kingma001.yaml", 0, "FILE004")]
    assert "raise 'max_file_bytes'" in out


@pytest.mark.parametrize("year", ["2014.0", "2.014e+3"])
def test_9_a_year_written_as_a_float_is_reported_and_still_checked(
        registry: WriteRegistry, run_check: RunCheck, year: str) -> None:
    registry(**{**GOOD, "Kingma001.yaml": KINGMA.replace("year: 2014", f"year: {year}")
                .replace("MLR-2014-Kingma001-0002", "MLR-2015-Kingma001-0002")})
    status, out = run_check("--only", "schema,ids")
    assert status == 1
    assert [c for c in codes(out) if c[2] != "ID013"] == [
        ("Kingma001.yaml", 4, "SCHEMA003"), ("Kingma001.yaml", 15, "ID006")]
    assert f"'year' must be an integer, not a number {float(year)}" in out


def paper_id(index: int) -> str:
    return "Ch" + "".join(chr(ord("a") + int(d)) for d in f"{index:04d}") + "001"


def chain_of(links: int) -> str:
    """One file listing links + 1 papers whose practices supersede each other in turn."""
    items = []
    for index in range(links + 1):
        item = [f"- id: {paper_id(index)}", f"  title: Paper {index}",
                f"  first_author: Ch{paper_id(index)[2:6]}", "  year: 2020",
                f'  arxiv: "2001.{index + 1:05d}"', "  recommendations:",
                f"    - id: MLR-2020-{paper_id(index)}-0001", f"      text: Practice {index}.",
                "      topic: training-optimization"]
        if index < links:
            item += ["      status: deprecated",
                     f"      superseded_by: [MLR-2020-{paper_id(index + 1)}-0001]",
                     "      deprecated:", "        date: 2021-01-01", "        reason: Replaced."]
        else:
            item += ["      status: standard"]
        items.append("\n".join(item))
    return "\n".join(items) + "\n"


def test_7_a_long_chain_checks_and_renders_each_chain_in_a_bounded_size(
        registry: WriteRegistry, run_check: RunCheck, capsys: pytest.CaptureFixture[str]) -> None:
    links = 800  # RecursionError from about 350 links before
    root = registry(**{"chain.yaml": chain_of(links)})
    (root / "anthology.toml").write_text('[render]\noutputs = ["registry-md", "json"]\n')
    status, out = run_check("--only", "schema,ids,succession")
    assert status == 0, out
    assert main(["render"]) == 1
    capsys.readouterr()
    export = json.loads((root / "registry.json").read_text())
    first = export["recommendations"][0]
    assert first["id"] == "MLR-2020-Chaaaa001-0001"
    last = f"MLR-2020-{paper_id(links)}-0001"
    assert first["chains"] == [[f"MLR-2020-{paper_id(i)}-0001" for i in range(6)] + [None, last]]
    middle = next(r for r in export["recommendations"] if r["id"] == "MLR-2020-Chahaa001-0001")
    assert middle["chains"][0][:2] == ["MLR-2020-Chaaaa001-0001", None]
    assert middle["chains"][0].index("MLR-2020-Chahaa001-0001") == 7
    assert middle["current"] == [last]
    page = (root / "REGISTRY.md").read_text()
    assert "[MLR-2020-Chaaaa001-0001](#mlr-2020-chaaaa001-0001) (2020) → … → " in page
    assert len(page) < 2_000 * links  # a few lines per practice, not the whole chain each


def test_7_a_cycle_with_a_way_out_is_one_cycle_error_and_no_chain_end_warning(
        registry: WriteRegistry, run_check: RunCheck) -> None:
    looped = KINGMA.replace("superseded_by: [MLR-2017-Loshchilov001-0001]",
                            "superseded_by: [MLR-2014-Kingma001-0003, MLR-2017-Loshchilov001-0001]")
    looped += """\
  - id: MLR-2014-Kingma001-0003
    text: Tune epsilon.
    topic: training-optimization
    status: deprecated
    superseded_by: [MLR-2014-Kingma001-0001]
    deprecated:
      date: 2019-01-01
      reason: Replaced.
"""
    registry(**{**GOOD, "Kingma001.yaml": looped})
    status, out = run_check("--only", "succession")
    assert status == 1
    assert [c for _, _, c in codes(out)] == ["SUCC006"]


def test_fix_leaves_a_file_with_an_impossible_date_untouched(
        registry: WriteRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    """Found by the fuzz test: ruamel.yaml builds dates, and 2023-02-30 is none.

    The arXiv id needs fixing too, so `fix` has to open the file for a round trip."""
    root = registry(**{**GOOD, "Kingma001.yaml": KINGMA.replace(
        "date: 2019-01-01", "date: 2023-02-30").replace('"1412.6980"', '"arXiv:1412.6980"')})
    before = (root / "registry" / "papers" / "Kingma001.yaml").read_bytes()
    assert main(["fix"]) == 1
    out = capsys.readouterr().out
    assert "error[FIX008] left untouched: ruamel.yaml can't read it (day is out of range" in out
    assert (root / "registry" / "papers" / "Kingma001.yaml").read_bytes() == before


def test_a_year_out_of_range_is_reported_not_a_traceback(registry: WriteRegistry,
                                                        run_check: RunCheck) -> None:
    """Found by the fuzz test: every form message was built for every schema error."""
    registry(**{**GOOD, "Kingma001.yaml": KINGMA.replace("year: 2014", "year: -1")})
    status, out = run_check("--only", "schema")
    assert status == 1
    assert codes(out) == [("Kingma001.yaml", 4, "SCHEMA005")]
    assert "'year' must be at least 1900" in out


@pytest.mark.parametrize(("raw", "line", "col"), [
    (b"a: 1\rb: \xff\r", 2, 4), (b"a: 1\r\nb: \xff\r\n", 2, 4), (b"\xef\xbb\xbfa: \xff", 1, 4)])
def test_a_byte_that_is_not_utf8_is_placed_as_the_text_counts_lines(
        raw: bytes, line: int, col: int) -> None:
    """Found by the fuzz test: CR-only line endings and a byte-order mark shifted it."""
    assert diagnose(raw) == [("YAML001", line, col)]
