"""Files unchanged by their stat are not read again; any change to them is still seen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from anthology import filestat, pipeline
from papers import GOOD, KINGMA, RunCheck, WriteRegistry, codes


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paper files a run reads; files count as settled at once (not after 2 s)."""
    monkeypatch.setattr(filestat, "SETTLED_NS", -1)
    read: list[str] = []
    original = pipeline.read_file

    def counting(path: str | Path, *args: object) -> bytes:
        read.append(Path(path).name)
        return original(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "read_file", counting)
    return read


def test_a_second_run_reads_only_what_changed(registry: WriteRegistry, run_check: RunCheck,
                                              reads: list[str]) -> None:
    root = registry(**GOOD)
    assert run_check("--only", "schema,succession") == (0, "")
    assert sorted(reads) == ["Kingma001.yaml", "Loshchilov001.yaml", "topics.yaml"]
    reads.clear()
    paper = root / "registry" / "papers" / "Kingma001.yaml"
    paper.write_text(KINGMA.replace("status: standard", "status: stable"))
    status, out = run_check("--only", "schema")
    assert status == 1 and codes(out) == [("Kingma001.yaml", 18, "SCHEMA004")]
    assert sorted(reads) == ["Kingma001.yaml", "topics.yaml"]


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(registry: WriteRegistry,
                                                         run_check: RunCheck,
                                                         reads: list[str]) -> None:
    root = registry(**GOOD)
    assert run_check("--only", "schema,succession") == (0, "")
    paper = root / "registry" / "papers" / "Kingma001.yaml"
    before = paper.stat()
    paper.write_text(KINGMA.replace("status: standard", "status: stable  "))  # same size
    os.utime(paper, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same mtime
    assert paper.stat().st_size == before.st_size
    status, out = run_check("--only", "schema")
    assert status == 1 and codes(out) == [("Kingma001.yaml", 18, "SCHEMA004")]


def test_a_finding_in_a_file_not_read_has_its_position(registry: WriteRegistry,
                                                       run_check: RunCheck,
                                                       reads: list[str]) -> None:
    old = KINGMA.replace("date: 2019-01-01", "date: 2016-01-01")  # SUCC009 on line 13
    registry(**{**GOOD, "Kingma001.yaml": old})
    assert codes(run_check("--only", "succession")[1]) == [("Kingma001.yaml", 13, "SUCC009")]
    reads.clear()
    status, out = run_check("--only", "succession,schema")  # another run: no replay
    assert "Kingma001.yaml" not in reads
    assert codes(out) == [("Kingma001.yaml", 13, "SUCC009")], out


def test_a_file_replaced_by_a_broken_link_is_reported(registry: WriteRegistry,
                                                      run_check: RunCheck,
                                                      reads: list[str]) -> None:
    root = registry(**GOOD)
    assert run_check("--only", "schema,succession") == (0, "")
    paper = root / "registry" / "papers" / "Loshchilov001.yaml"
    paper.unlink()
    paper.symlink_to(root / "nowhere.yaml")
    status, out = run_check("--only", "schema")
    assert status == 1 and codes(out) == [("Loshchilov001.yaml", 0, "FILE002")], out


def test_a_lower_size_limit_applies_to_files_not_read(registry: WriteRegistry,
                                                      run_check: RunCheck,
                                                      reads: list[str]) -> None:
    root = registry(**GOOD)
    assert run_check("--only", "schema,succession") == (0, "")
    (root / "anthology.toml").write_text("max_file_bytes = 100\n")
    status, out = run_check("--only", "schema")
    assert status == 1 and ("Kingma001.yaml", 0, "FILE004") in codes(out), out
