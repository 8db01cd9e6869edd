"""`anthology from-issue`: a filled-in issue form becomes registry data that passes the checks."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from anthology.cli import main
from arxiv_fakes import FAST_CONFIG
from fake_arxiv import FakeArxiv
from papers import WriteRegistry
from test_diff import ADAM

FIXTURES = Path(__file__).parent / "fixtures" / "issue"
CONTEXTS = """\
contexts:
  - id: any
    title: Any
    scope: Deep-network training in general.
  - id: llm-pretraining
    title: LLM pretraining
    scope: Pretraining language models.
"""


@pytest.fixture
def root(registry: WriteRegistry, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = registry(**{"Kingma001.yaml": "# Adam, from the migration\n" + ADAM})
    topics = folder / "registry" / "topics.yaml"
    topics.write_text(topics.read_text() + CONTEXTS)
    monkeypatch.setenv("ANTHOLOGY_OFFLINE", "1")
    return folder


def check_passes(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["check", "--offline", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [d for d in found if d["severity"] != "note"] == []


def test_offline_the_form_becomes_a_paper_file_that_passes_check(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["from-issue", str(FIXTURES / "new-practice.md")]) == 0
    out = capsys.readouterr().out
    assert ("wrote MLR-2017-Loshchilov001-0001 (AdamW) to registry/papers/Loshchilov001.yaml; "
            "MLR-2014-Kingma001-0001 moved to the attic") in out
    written = (root / "registry" / "papers" / "Loshchilov001.yaml").read_text()
    assert written.startswith("id: Loshchilov001\ntitle: Decoupled Weight Decay Regularization\n"
                              "first_author: Loshchilov\nyear: 2017\narxiv: \"1711.05101\"\n")
    assert ("    name: AdamW\n    text: Use decoupled weight decay (AdamW) instead of an L2 term "
            "in the loss when training with Adam; keep plain L2 only for SGD.\n") in written
    assert '      - arxiv: "2307.09288"\n        note: Llama 2 trains with AdamW' in written
    adam = (root / "registry" / "papers" / "Kingma001.yaml").read_text()
    assert adam.startswith("# Adam, from the migration\n")
    today = date.today().isoformat()
    assert ("    status: deprecated\n    superseded_by: [MLR-2017-Loshchilov001-0001]\n"
            f"    deprecated:\n      date: '{today}'\n"
            "      reason: Replaced by AdamW (MLR-2017-Loshchilov001-0001).\n") in adam
    check_passes(capsys)


def test_a_second_practice_of_a_known_paper_goes_into_its_file(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = (FIXTURES / "new-practice.md").read_text()
    body = body.replace("1711.05101v3", "1412.6980").replace("AdamW\n\n### Rec",
                                                             "Adam epsilon\n\n### Rec")
    body = body.replace("MLR-2014-Kingma001-0001", "_No response_")
    (root / "body.md").write_text(body)
    assert main(["from-issue", "body.md"]) == 0
    adam = (root / "registry" / "papers" / "Kingma001.yaml").read_text()
    assert "  - id: MLR-2014-Kingma001-0003\n    name: Adam epsilon\n" in adam
    assert adam.startswith("# Adam, from the migration\n")
    assert sorted(p.name for p in (root / "registry" / "papers").iterdir()) == ["Kingma001.yaml"]
    check_passes(capsys)


def test_a_broken_form_lists_every_bad_field_by_label(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p.name: p.read_text() for p in (root / "registry" / "papers").iterdir()}
    assert main(["from-issue", str(FIXTURES / "broken.md")]) == 1
    err = capsys.readouterr().err
    assert "the form has 7 problems; nothing written" in err
    for expected in [
        "arXiv id: '1711.5101'",
        "Name: missing",
        "Topic: 'training-optimisation' is not a declared topic; did you mean "
        "'training-optimization'?",
        "Applies to: 'lvm-pretraining' is not a declared context; did you mean "
        "'llm-pretraining'?",
        "Status: 'gold' is not one of experimental, standard",
        "Evidence: 'see the Llama 2 paper' does not start with an arXiv id",
        "Replaces: no practice MLR-2099-Nobody001-0001 in the registry",
    ]:
        assert f"  - {expected}" in err
    assert {p.name: p.read_text() for p in (root / "registry" / "papers").iterdir()} == before


def test_offline_without_the_paper_fields_stops_and_says_which(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = (FIXTURES / "new-practice.md").read_text()
    body = body[: body.index("### Paper title")]
    (root / "body.md").write_text(body)
    assert main(["from-issue", "body.md"]) == 1
    err = capsys.readouterr().err
    assert "the network is off" in err
    assert "'Paper title', \"First author's surname\"" in err
    assert not (root / "registry" / "papers" / "Loshchilov001.yaml").exists()


def test_online_the_metadata_comes_from_arxiv(root: Path, fake_arxiv: FakeArxiv,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("ANTHOLOGY_OFFLINE")
    monkeypatch.setenv("ANTHOLOGY_ARXIV_API", fake_arxiv.url)
    (root / "anthology.toml").write_text(FAST_CONFIG)
    body = (FIXTURES / "new-practice.md").read_text()
    (root / "body.md").write_text(body.replace("Decoupled Weight Decay Regularization",
                                               "A title the form got wrong"))
    assert main(["from-issue", "body.md"]) == 0
    written = (root / "registry" / "papers" / "Loshchilov001.yaml").read_text()
    assert "title: Decoupled Weight Decay Regularization\n" in written
    assert [r.ids for r in fake_arxiv.log] == [("1711.05101",)]
