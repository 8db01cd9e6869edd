"""`anthology add`: a paper file from arXiv's metadata that passes every check."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from anthology.cli import main
from arxiv_fakes import FAST_CONFIG, paper
from fake_arxiv import FakeArxiv

ADD = ["add", "--topic", "training-optimization", "--text", "Use  decoupled weight decay."]


@pytest.fixture
def root(registry: Callable[..., Path], fake_arxiv: FakeArxiv,
         monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ANTHOLOGY_ARXIV_API", fake_arxiv.url)
    monkeypatch.delenv("ANTHOLOGY_OFFLINE", raising=False)
    folder = registry()
    (folder / "anthology.toml").write_text(FAST_CONFIG)
    return folder


def papers(root: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted((root / "registry" / "papers").iterdir())}


def test_add_writes_a_paper_that_passes_every_check(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ADD, "arXiv:1711.05101"]) == 0
    assert "wrote registry/papers/Loshchilov001.yaml" in capsys.readouterr().out
    assert papers(root) == {"Loshchilov001.yaml": (
        "id: Loshchilov001\n"
        "title: Decoupled Weight Decay Regularization\n"
        "first_author: Loshchilov\n"
        "year: 2017\n"
        'arxiv: "1711.05101"\n'
        "recommendations:\n"
        "  - id: MLR-2017-Loshchilov001-0001\n"
        "    text: Use decoupled weight decay.\n"
        "    topic: training-optimization\n"
        "    status: experimental\n")}
    assert main(["check", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [d for d in found if d["severity"] != "note"] == []


def test_add_with_a_name_and_contexts(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    topics = root / "registry" / "topics.yaml"
    topics.write_text(topics.read_text() + "contexts:\n  - id: any\n    title: Any\n    scope: S\n")
    assert main([*ADD, "1711.05101", "--name", " AdamW ", "--applies-to", "any", "any"]) == 0
    assert papers(root)["Loshchilov001.yaml"].endswith(
        "  - id: MLR-2017-Loshchilov001-0001\n"
        "    name: AdamW\n"
        "    text: Use decoupled weight decay.\n"
        "    topic: training-optimization\n"
        "    applies_to: [any]\n"
        "    status: experimental\n")
    capsys.readouterr()
    assert main(["check", "--strict"]) == 0, capsys.readouterr().out


@pytest.mark.parametrize(("arxiv_id", "name", "first_author", "year"), [
    ("2003.00003", "MullerNunez001.yaml", "Müller-Ñúñez", 2020),
    ("2101.00007", "Example001.yaml", "Example", 2020),  # December v1, January id
    ("hep-th/9901001", "Example001.yaml", "Example", 1999),
    ("2002.00002", "Example001.yaml", "Example", 2020),  # LaTeX title
])
def test_added_edge_cases_pass_every_check(
        root: Path, capsys: pytest.CaptureFixture[str], arxiv_id: str, name: str,
        first_author: str, year: int) -> None:
    assert main([*ADD, arxiv_id, "--status", "standard"]) == 0
    text = papers(root)[name]
    assert f"first_author: {first_author}\n" in text and f"year: {year}\n" in text
    assert main(["check", "--strict"]) == 0, capsys.readouterr().out


def test_the_next_free_counter_is_used(root: Path, git_repo: Callable[[Path], None],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = root / "registry" / "papers"
    (folder / "Vaswani001.yaml").write_text(paper("Vaswani001", "Attention Is All You Need",
                                                  "Vaswani", 2017, "1706.03762"))
    (folder / "Loshchilov002.yaml").write_text(paper("Loshchilov002", "X", "Loshchilov", 2016,
                                                     "1608.03983"))
    git_repo(root)
    (folder / "Loshchilov002.yaml").unlink()  # its number stays used: ids are public
    assert main([*ADD, "1711.05101"]) == 0
    assert "Loshchilov003.yaml" in papers(root)
    assert "id: MLR-2017-Loshchilov003-0001" in papers(root)["Loshchilov003.yaml"]


def test_a_paper_already_in_the_registry_is_refused(
        root: Path, fake_arxiv: FakeArxiv, capsys: pytest.CaptureFixture[str]) -> None:
    existing = paper("Vaswani001", "Attention Is All You Need", "Vaswani", 2017, "1706.03762v3")
    (root / "registry" / "papers" / "Vaswani001.yaml").write_text(existing)
    assert main([*ADD, "https://arxiv.org/abs/1706.03762"]) == 1
    assert "already in the registry as Vaswani001" in capsys.readouterr().err
    assert list(papers(root)) == ["Vaswani001.yaml"] and len(fake_arxiv.log) == 0


def test_without_network_nothing_is_written(
        root: Path, fake_arxiv: FakeArxiv, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert main([*ADD, "1711.05101", "--offline"]) == 1
    assert "network is off" in capsys.readouterr().err
    monkeypatch.setenv("ANTHOLOGY_OFFLINE", "1")
    assert main([*ADD, "1711.05101"]) == 1
    assert len(fake_arxiv.log) == 0
    monkeypatch.delenv("ANTHOLOGY_OFFLINE")
    fake_arxiv.script("reset", times=10)
    assert main([*ADD, "1711.05101"]) == 1
    assert "could not get 1711.05101 from arXiv: the connection was reset" in (
        capsys.readouterr().err)
    assert papers(root) == {}


def test_without_network_a_template_to_fill_in_is_printed(
        root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        git_repo: Callable[[Path], None]) -> None:
    with socket.socket() as sock:  # a port nothing listens on: the connection is refused
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("ANTHOLOGY_ARXIV_API", f"http://127.0.0.1:{port}/api/query")
    (root / "registry" / "papers" / "Kingma001.yaml").write_text(
        paper("Kingma001", "Adam: A Method for Stochastic Optimization", "Kingma", 2014,
              "1412.6980"))
    git_repo(root)
    assert main([*ADD, "arXiv:1711.05101"]) == 1
    out, err = capsys.readouterr()
    assert err == ("anthology add: could not get 1711.05101 from arXiv: arXiv refused the "
                   "connection; nothing written. To add it by hand, fill in the template below, "
                   "save it in registry/papers/ and run `anthology fix` (it assigns the ids and "
                   "names the file)\n")
    assert out.startswith('title: ""  # fill in: the title on https://arxiv.org/abs/1711.05101\n')
    filled = out.replace('title: ""', "title: Decoupled Weight Decay Regularization").replace(
        'first_author: ""', "first_author: Loshchilov")
    (root / "registry" / "papers" / "new.yaml").write_text(filled)
    assert main(["fix"]) == 1
    assert "git mv registry/papers/new.yaml registry/papers/Loshchilov001.yaml" in \
        capsys.readouterr().out
    (root / "registry" / "papers" / "new.yaml").rename(
        root / "registry" / "papers" / "Loshchilov001.yaml")
    assert main(["check", "--offline"]) == 0, capsys.readouterr().out


def test_a_paper_arxiv_does_not_have_is_refused(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ADD, "2001.99999"]) == 1
    assert "arXiv has no paper 2001.99999" in capsys.readouterr().err
    assert papers(root) == {}


@pytest.mark.parametrize(("argv", "message"), [
    (["add", "1713.05101", "--topic", "model-stability", "--text", "x"], "month 13"),
    (["add", "1711.05101", "--topic", "optimisation", "--text", "x"], "not a declared topic"),
    (["add", "1711.05101", "--topic", "optimization", "--text", "x"],
     "use --topic training-optimization"),
    (["add", "1711.05101", "--topic", "model-stability", "--text", "  "], "--text is empty"),
    (["add", "1711.05101", "--topic", "model-stability", "--text", "x", "--name", "N" * 61],
     "--name must be 1 to 60 characters, not 61"),
    (["add", "1711.05101", "--topic", "model-stability", "--text", "x", "--applies-to", "vison"],
     "--applies-to vison is not a declared context (known: none)"),
])
def test_usage_errors(root: Path, fake_arxiv: FakeArxiv, capsys: pytest.CaptureFixture[str],
                      argv: list[str], message: str) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert papers(root) == {} and len(fake_arxiv.log) == 0
