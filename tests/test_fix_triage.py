"""`anthology fix` round-trips only the files it would change, decided from the fast loader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from anthology.cli import main
from anthology.config import load_config
from anthology.fix import files
from anthology.fix.filefix import fix_file
from anthology.fix.numbering import Numbering
from anthology.fix.triage import needs_fix
from anthology.loader import load
from anthology.naming import Conventions
from papers import KINGMA, LOSHCHILOV

HERE = Path(__file__).resolve().parents[1]
CHANGES = {
    "no paper id": KINGMA.replace("id: Kingma001\n", ""),
    "empty paper id": KINGMA.replace("id: Kingma001", "id: ''"),
    "no recommendation id": KINGMA.replace("  - id: MLR-2014-Kingma001-0002\n    text", "  - text"),
    "arXiv prefix": KINGMA.replace('"1412.6980"', "arXiv:1412.6980"),
    "arXiv as a number": KINGMA.replace('"1412.6980"', "1412.6980"),
    "evidence arXiv URL": LOSHCHILOV + "    evidence:\n      - arxiv: https://arxiv.org/abs/2302.13971\n",
    "paper keys": KINGMA.replace("first_author: Kingma\nyear: 2014\n", "year: 2014\nfirst_author: Kingma\n"),
    "recommendation keys": LOSHCHILOV.replace(
        "    topic: training-optimization\n    status: standard",
        "    status: standard\n    topic: training-optimization"),
    "deprecated keys": KINGMA.replace(
        "      date: 2019-01-01\n      reason: Under Adam an L2 term is scaled by the adaptive denominator.",
        "      reason: Under Adam an L2 term is scaled by the adaptive denominator.\n      date: 2019-01-01"),
    "evidence keys": LOSHCHILOV + "    evidence:\n      - note: LLaMA.\n        arxiv: \"2302.13971\"\n",
    "DOI as a link": KINGMA.replace('arxiv: "1412.6980"', "doi: https://doi.org/10.1145/3065386"),
    "ISBN with hyphens": KINGMA.replace('arxiv: "1412.6980"', "isbn: 978-0-262-03561-3"),
    "ISBN as a number": KINGMA.replace('arxiv: "1412.6980"', "isbn: 9780262035613"),
    "CRLF": KINGMA.replace("\n", "\r\n"),
    "byte-order mark": "\ufeff" + KINGMA,
    "a list of papers": "- " + "\n  ".join(KINGMA.replace("id: Kingma001\n", "").rstrip().split("\n"))
                        + "\n",
}
CLEAN = {"Kingma": KINGMA, "Loshchilov": LOSHCHILOV,
         "unknown keys stay last": KINGMA + "extra: 1\n",
         "a bad arXiv id is left for the check": KINGMA.replace('"1412.6980"', "not-an-id"),
         "a canonical DOI": KINGMA.replace('arxiv: "1412.6980"', 'doi: "10.1145/3065386"')}


def numbering(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Numbering:
    monkeypatch.chdir(tmp_path)
    return Numbering(Conventions(load_config()), [])


def data(text: str) -> Any:
    document, _ = load("x.yaml", text.encode())
    assert document is not None
    return document.data


@pytest.mark.parametrize("name", CHANGES)
def test_every_change_the_fixer_makes_takes_the_round_trip(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    raw = CHANGES[name].encode()
    assert fix_file("Kingma001.yaml", raw, numbering(tmp_path, monkeypatch)).new is not None
    assert needs_fix(data(CHANGES[name]), raw)


@pytest.mark.parametrize("name", CLEAN)
def test_a_file_the_fixer_leaves_alone_is_not_round_tripped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    raw = CLEAN[name].encode()
    assert fix_file("Kingma001.yaml", raw, numbering(tmp_path, monkeypatch)).new is None
    assert not needs_fix(data(CLEAN[name]), raw)


def test_this_registrys_papers_need_no_round_trip() -> None:
    for path in sorted((HERE / "registry" / "papers").glob("*.yaml")):
        raw = path.read_bytes()
        assert not needs_fix(data(raw.decode()), raw), path.name


def test_fix_round_trips_only_the_edited_file_and_still_reports_a_rename(
        registry: Callable[..., Path], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    registry(**{"Kingma001.yaml": KINGMA.replace('"1412.6980"', "arXiv:1412.6980"),
                "adamw.yaml": LOSHCHILOV})
    tripped: list[str] = []

    def spy(path: str, raw: bytes, numbers: Numbering) -> Any:
        tripped.append(path)
        return fix_file(path, raw, numbers)

    monkeypatch.setattr(files, "fix_file", spy)
    assert main(["fix"]) == 1
    assert tripped == ["registry/papers/Kingma001.yaml"]
    out = capsys.readouterr().out
    assert "error[FIX006] file is named 'adamw' but holds paper 'Loshchilov001'; run: git mv " \
        "registry/papers/adamw.yaml registry/papers/Loshchilov001.yaml" in out
    assert 'arxiv: "1412.6980"' in Path("registry/papers/Kingma001.yaml").read_text()
