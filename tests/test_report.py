"""Reporters and exit codes: text, JSON and GitHub annotations as the contract shows."""

from __future__ import annotations

import json

import pytest
from anthology import __version__
from anthology.cli import main
from papers import GOOD, KINGMA, RunCheck, WriteRegistry

BROKEN = {**GOOD, "Kingma001.yaml": KINGMA.replace("status: standard", "status: stable")}


def test_text(registry: WriteRegistry, run_check: RunCheck) -> None:
    registry(**BROKEN)
    status, out = run_check("--only", "schema")
    assert status == 1
    assert out.splitlines()[0] == ("registry/papers/Kingma001.yaml:18:13: error[SCHEMA004] "
                                   "'status' must be one of experimental, standard, deprecated; "
                                   "got \"stable\"")


def test_json(registry: WriteRegistry, run_check: RunCheck) -> None:
    registry(**BROKEN)
    status, out = run_check("--only", "schema", "--format", "json")
    payload = json.loads(out)
    assert status == 1
    assert payload["diagnostics"][0] == {
        "path": "registry/papers/Kingma001.yaml", "line": 18, "col": 13, "severity": "error",
        "code": "SCHEMA004", "message": payload["diagnostics"][0]["message"]}
    assert payload["summary"]["errors"] == 1 and payload["summary"]["papers"] == 2


def test_github_is_automatic_under_actions(registry: WriteRegistry, monkeypatch: pytest.MonkeyPatch,
                                           run_check: RunCheck) -> None:
    registry(**BROKEN)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out = run_check("--only", "schema")
    assert out.startswith("::error file=registry/papers/Kingma001.yaml,line=18,col=13,"
                          "title=SCHEMA004::'status' must be one of")


def test_path_arguments_limit_the_report(registry: WriteRegistry,
                                         run_check: RunCheck) -> None:
    registry(**BROKEN)
    assert run_check("--only", "schema", "registry/papers/Loshchilov001.yaml") == (0, "")
    assert run_check("--only", "schema", "registry/papers/Kingma001.yaml")[0] == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["check", "--only", "spelling"])
    assert stop.value.code == 2
    assert "unknown check spelling" in capsys.readouterr().err
    assert main([]) == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"anthology {__version__}"
