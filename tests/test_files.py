"""Missing and unreadable registry files are diagnostics, not tracebacks or silent passes."""

from __future__ import annotations

from pathlib import Path

import pytest
from papers import GOOD, RunCheck, WriteRegistry, codes


def test_an_empty_folder_is_not_a_clean_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 run_check: RunCheck) -> None:
    monkeypatch.chdir(tmp_path)
    status, out = run_check("--only", "schema")
    assert status == 1
    assert codes(out) == [("papers", 0, "FILE001"), ("topics.yaml", 0, "FILE001")]
    assert "the default 'topics'" in out


def test_a_misconfigured_path_names_its_key(registry: WriteRegistry, run_check: RunCheck) -> None:
    root = registry(**GOOD)
    (root / "anthology.toml").write_text('papers = ["registry/paper"]\n')
    status, out = run_check("--only", "schema")
    assert status == 1
    assert "registry/paper:0:0: error[FILE001] no such file or folder ('papers' in anthology.toml)" in out


def test_an_unreadable_file(registry: WriteRegistry, run_check: RunCheck) -> None:
    root = registry(**GOOD)
    (root / "registry" / "papers" / "Broken001.yaml").symlink_to(root / "nowhere.yaml")
    status, out = run_check("--only", "schema")
    assert status == 1
    assert codes(out) == [("Broken001.yaml", 0, "FILE002")]
