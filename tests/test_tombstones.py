"""Tombstones: ids removed on purpose, listed in registry/removed.yaml."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from anthology.cli import main
from conftest import git
from papers import GOOD, KINGMA, TOMBSTONES, RunCheck, WriteRegistry, codes


@pytest.fixture
def removed(registry: WriteRegistry, git_repo: Callable[[Path], None]) -> Path:
    """Kingma001 committed, then deleted with a tombstone for each of its ids (not committed)."""
    root = registry(**GOOD)
    git_repo(root)
    git(root, "rm", "-q", "registry/papers/Kingma001.yaml")
    (root / "registry" / "removed.yaml").write_text(TOMBSTONES)
    return root


def test_a_deletion_with_tombstones_passes(removed: Path, run_check: RunCheck) -> None:
    assert run_check() == (0, "")


def test_without_a_tombstone_each_lost_id_is_named_with_the_way_out(
        removed: Path, run_check: RunCheck) -> None:
    (removed / "registry" / "removed.yaml").write_text(TOMBSTONES.split("  - id: MLR-2014-Kingma001-0002")[0])
    status, out = run_check("--only", "ids")
    assert status == 1 and codes(out) == [("Kingma001.yaml", 1, "ID012")]
    assert "MLR-2014-Kingma001-0002 exists at HEAD but is gone" in out
    assert "list it in registry/removed.yaml (id, date, reason)" in out


def test_a_removed_id_is_never_used_again(removed: Path, run_check: RunCheck) -> None:
    git(removed, "add", "-A")
    git(removed, "commit", "-qm", "remove Kingma001")
    (removed / "registry" / "papers" / "Kingma001.yaml").write_text(KINGMA)
    status, out = run_check("--only", "ids")
    assert status == 1
    assert ("Kingma001.yaml", 1, "REMOVED001") in codes(out)
    assert ("Kingma001.yaml", 15, "REMOVED001") in codes(out)
    assert "'Kingma001' was removed (registry/removed.yaml:2) and ids are never used again" in out


def test_fix_never_gives_out_a_removed_id(removed: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    git(removed, "add", "-A")
    git(removed, "commit", "-qm", "remove Kingma001")
    paper = removed / "registry" / "papers" / "adam.yaml"
    paper.write_text(KINGMA.replace("id: Kingma001\n", "").replace("  - id: MLR-2014-Kingma001-0002\n    text", "  - text"))
    assert main(["fix", "-v", str(paper)]) == 1
    assert "assigned paper id Kingma002" in capsys.readouterr().out


def test_a_tombstone_for_an_id_that_still_exists(registry: WriteRegistry, run_check: RunCheck,
                                                 git_repo: Callable[[Path], None]) -> None:
    root = registry(**GOOD)
    git_repo(root)
    (root / "registry" / "removed.yaml").write_text(TOMBSTONES)
    status, out = run_check("--only", "ids")
    assert status == 1
    assert [c for c in codes(out)] == [("removed.yaml", 2, "REMOVED002"), ("removed.yaml", 5, "REMOVED002"),
                                       ("removed.yaml", 9, "REMOVED002")], out
    assert "still exists (registry/papers/Kingma001.yaml:1); delete that entry too" in out


def test_replaced_by_names_an_id_that_exists_and_one_tombstone_per_id(
        removed: Path, run_check: RunCheck) -> None:
    (removed / "registry" / "removed.yaml").write_text(
        TOMBSTONES.replace("replaced_by: MLR-2017-Loshchilov001-0001",
                           "replaced_by: MLR-2014-Kingma001-0002")
        + "  - id: Kingma001\n    date: 2026-12-02\n    reason: Again.\n")
    status, out = run_check("--only", "ids")
    assert codes(out) == [("removed.yaml", 8, "REMOVED003"), ("removed.yaml", 12, "REMOVED004")]
    assert "'MLR-2014-Kingma001-0002' is not an id in the registry (it is removed too)" in out


def test_the_tombstone_file_has_a_schema(removed: Path, run_check: RunCheck) -> None:
    (removed / "registry" / "removed.yaml").write_text(
        TOMBSTONES.replace("date: 2026-12-01\n    reason: Entered", "date: 1 Dec 2026\n    why: Entered", 1))
    status, out = run_check("--only", "schema")
    assert status == 1
    assert codes(out) == [("removed.yaml", 2, "SCHEMA001"), ("removed.yaml", 3, "SCHEMA005"),
                          ("removed.yaml", 4, "SCHEMA002")], out


def test_the_export_and_registry_md_carry_the_removed_ids(
        removed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (removed / "anthology.toml").write_text('[render]\noutputs = ["registry-md", "json"]\n')
    assert main(["render"]) == 1
    exported = json.loads((removed / "registry.json").read_text())
    assert exported["removed"][1] == {"id": "MLR-2014-Kingma001-0001", "date": "2026-12-01",
                                      "reason": "Duplicate of the AdamW practice.",
                                      "replaced_by": "MLR-2017-Loshchilov001-0001"}
    page = (removed / "REGISTRY.md").read_text()
    assert ("| `MLR-2014-Kingma001-0001` | 2026-12-01 | Duplicate of the AdamW practice. | "
            "[MLR-2017-Loshchilov001-0001](#mlr-2017-loshchilov001-0001) |") in page
