"""The arxiv check through `anthology check`: offline rules always, arXiv itself when online."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from anthology.cli import main
from arxiv_fakes import FAST_CONFIG, paper
from fake_arxiv import FakeArxiv, synthetic_papers

VASWANI = paper("Vaswani001", "Attention Is All You Need", "Vaswani", 2017, "1706.03762")


@pytest.fixture
def online(registry: Callable[..., Path], fake_arxiv: FakeArxiv,
           monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """A registry whose arXiv is the fake server, with tiny spacing and deadline."""
    monkeypatch.setenv("ANTHOLOGY_ARXIV_API", fake_arxiv.url)
    monkeypatch.delenv("ANTHOLOGY_OFFLINE", raising=False)

    def write(**files: str) -> Path:
        root = registry(**files)
        (root / "anthology.toml").write_text(FAST_CONFIG)
        return root

    return write


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[tuple[str, ...]]]:
    status = main(["check", "--only", "arxiv", "--format", "json", *args])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    return status, [(d["code"], d["severity"], d["path"].rsplit("/", 1)[-1], str(d["line"]),
                     d["message"]) for d in found]


def codes(found: list[tuple[str, ...]]) -> list[tuple[str, str, str]]:
    return [(code, name, line) for code, _, name, line, _ in found]


# -- offline ---------------------------------------------------------------------------------


def test_offline_rules(registry: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    registry(**{
        "Bad001.yaml": paper("Bad001", "T", "Bad", 2017, "1713.05101", evidence="arXiv:1711.05101"),
        "Loshchilov001.yaml": paper("Loshchilov001", "T", "Loshchilov", 2015, "1711.05101"),
        "Loshchilov002.yaml": paper("Loshchilov002", "T", "Loshchilov", 2017, "1711.05101v2"),
        "Grace001.yaml": paper("Grace001", "T", "Grace", 2020, "2101.00007"),
        "Old001.yaml": paper("Old001", "T", "Old", 2003, "math.GT/0309136"),
    })
    status, found = check(capsys, "--offline")
    assert status == 1
    assert codes(found) == [
        ("ARXIV001", "Bad001.yaml", "5"), ("ARXIV002", "Bad001.yaml", "12"),
        ("ARXIV004", "Loshchilov001.yaml", "4"), ("ARXIV003", "Loshchilov001.yaml", "5"),
        ("ARXIV003", "Loshchilov002.yaml", "5"), ("ARXIV002", "Old001.yaml", "5")]
    messages = {(code, name): message for code, _, name, _, message in found}
    assert "month 13" in messages["ARXIV001", "Bad001.yaml"]
    assert 'write "1711.05101"' in messages["ARXIV002", "Bad001.yaml"]
    assert 'write "math/0309136"' in messages["ARXIV002", "Old001.yaml"]
    assert "Loshchilov002" in messages["ARXIV003", "Loshchilov001.yaml"]
    severities = {code: severity for code, severity, *_ in found}
    assert severities["ARXIV004"] == "warning"


@pytest.mark.parametrize("written", ["https://arxiv.org/abs/2106.09685v2", "arXiv:2106.09685v2",
                                     "http://arxiv.org/pdf/2106.09685v2.pdf"])
def test_a_url_or_prefix_proposes_the_canonical_id_with_its_version(
        registry: Callable[..., Path], capsys: pytest.CaptureFixture[str], written: str) -> None:
    registry(**{"Hu001.yaml": paper("Hu001", "LoRA", "Hu", 2021, written)})
    status, found = check(capsys, "--offline")
    assert status == 1 and codes(found) == [("ARXIV002", "Hu001.yaml", "5")]
    assert found[0][4] == (f"arXiv id '{written}' is not in canonical form: write "
                           '"2106.09685v2" (`anthology fix` rewrites it)')
    assert main(["fix"]) == 1
    assert 'arxiv: "2106.09685v2"\n' in Path("registry/papers/Hu001.yaml").read_text()
    capsys.readouterr()
    assert check(capsys, "--offline") == (0, [])


def test_an_evidence_id_a_typo_away_from_a_registry_paper_says_which(
        registry: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    registry(**{"Hu001.yaml": paper("Hu001", "LoRA", "Hu", 2021, "2106.09685"),
                "Dettmers001.yaml": paper("Dettmers001", "QLoRA", "Dettmers", 2023, "2305.14314",
                                          evidence="2106.9685")})
    status, found = check(capsys, "--offline")
    assert status == 1 and codes(found) == [("ARXIV001", "Dettmers001.yaml", "12")]
    assert found[0][4].endswith("; did you mean 2106.09685?")


def test_offline_makes_no_requests(online: Callable[..., Path], fake_arxiv: FakeArxiv,
                                   capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    online(**{"Nobody001.yaml": paper("Nobody001", "T", "Nobody", 2020, "2001.99999")})
    assert check(capsys, "--offline") == (0, [])
    monkeypatch.setenv("ANTHOLOGY_OFFLINE", "1")
    assert check(capsys) == (0, [])
    assert capsys.readouterr().err == ""
    assert len(fake_arxiv.log) == 0


# -- online ----------------------------------------------------------------------------------


def test_wrong_title_wrong_author_and_missing_id_fail(
        online: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    online(**{
        "Vaswani001.yaml": paper("Vaswani001", "Attention Is All You Want", "Vaswani", 2017,
                                 "1706.03762"),
        "Shazeer001.yaml": paper("Shazeer001", "Attention Is All You Need", "Shazeer", 2017,
                                 "1706.03762"),
        "Nobody001.yaml": paper("Nobody001", "Nothing", "Nobody", 2020, "2001.99999",
                                evidence="1412.6980"),
    })
    status, found = check(capsys)
    assert status == 1
    assert ("ARXIV007", "Vaswani001.yaml", "2") in codes(found)
    assert ("ARXIV009", "Shazeer001.yaml", "3") in codes(found)
    assert ("ARXIV005", "Nobody001.yaml", "5") in codes(found)
    messages = {code: message for code, *_, message in found}
    assert "'Attention Is All You Want'" in messages["ARXIV007"]
    assert "'Attention Is All You Need'" in messages["ARXIV007"]
    assert "'Shazeer'" in messages["ARXIV009"] and "'Ashish Vaswani'" in messages["ARXIV009"]
    assert "(Shazeer is author 2)" in messages["ARXIV009"]
    assert "did you mean" not in messages["ARXIV005"]


def test_evidence_missing_from_arxiv_a_typo_away_from_a_registry_paper_says_which(
        online: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    online(**{"Vaswani001.yaml": VASWANI.replace("status: standard", "status: standard\n"
                                                 "    evidence:\n      - arxiv: \"1706.03726\"")})
    status, found = check(capsys)
    assert status == 1 and codes(found) == [("ARXIV005", "Vaswani001.yaml", "12")]
    assert found[0][4].endswith("; did you mean 1706.03762?")


@pytest.mark.parametrize("relative", [False, True])
def test_with_paths_like_pre_commit_passes_them(
        online: Callable[..., Path], capsys: pytest.CaptureFixture[str], relative: bool) -> None:
    root = online(**{
        "Vaswani001.yaml": paper("Vaswani001", "Attention Is All You Want", "Vaswani", 2017,
                                 "1706.03762"),
        "Kingma001.yaml": paper("Kingma001", "Adam", "Kingma", 2014, "1412.6980")})
    folder = Path("registry/papers") if relative else root / "registry" / "papers"
    status, found = check(capsys, str(folder / "Vaswani001.yaml"))
    assert status == 1 and codes(found) == [("ARXIV007", "Vaswani001.yaml", "2")]
    assert check(capsys, str(folder / "Kingma001.yaml")) == (0, [])


def test_edge_cases_that_are_right_pass(online: Callable[..., Path], fake_arxiv: FakeArxiv,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    online(**{
        "Example001.yaml": paper(
            "Example001", "Synthetic paper for wrapped titles: a long heading that the API "
            "breaks over several lines", "Example", 2020, "2001.00001"),
        "Example002.yaml": paper("Example002", "Synthetic paper with LaTeX: the ω-limit of a "
                                 "k-space", "Example", 2020, "2002.00002"),
        "MullerNunez001.yaml": paper("MullerNunez001", "Synthetic paper with non-ASCII and "
                                     "collaboration authors", "Müller-Ñúñez", 2020, "2003.00003"),
        "Example003.yaml": paper("Example003", "Synthetic old-style paper on strings",
                                 "Example", 1999, "hep-th/9901001"),
        "Example004.yaml": paper("Example004", "Synthetic paper submitted in December with a "
                                 "January id", "Example", 2020, "2101.00007"),
        "Example005.yaml": paper("Example005", "Synthetic paper, first title of version one",
                                 "Example", 2020, "2004.00004v1"),
    })
    assert check(capsys) == (0, [])
    assert len(fake_arxiv.log) == 1


def test_an_earlier_versions_title_is_a_warning(
        online: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    online(**{"Example001.yaml": paper("Example001", "Synthetic paper, first title of version "
                                       "one", "Example", 2020, "2004.00004")})
    status, found = check(capsys)
    assert status == 0
    assert [(c, s, line) for c, s, _, line, _ in found] == [("ARXIV008", "warning", "2")]
    assert "v1" in found[0][4] and "revised title of version two" in found[0][4]
    assert check(capsys, "--strict")[0] == 1


def test_withdrawn_and_year_warnings(online: Callable[..., Path], fake_arxiv: FakeArxiv,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    fake_arxiv.add(*synthetic_papers(1, prefix="2101"))  # v1 on 2021-01-02
    online(**{
        "Example001.yaml": paper("Example001", "Synthetic paper that was later withdrawn",
                                 "Example", 2020, "2005.00005"),
        "Example002.yaml": paper("Example002", "Synthetic paper number 1 for batch tests",
                                 "Author1 Example", 2020, "2101.00001"),
    })
    status, found = check(capsys)
    assert status == 0
    assert [(c, n, line) for c, _, n, line, _ in found] == [
        ("ARXIV011", "Example001.yaml", "5"), ("ARXIV010", "Example002.yaml", "4")]
    assert "crucial error" in found[0][4]


@pytest.mark.parametrize("fault", ["503", "reset", "403", "html", "malformed_xml"])
def test_arxiv_down_never_blocks_a_commit(
        online: Callable[..., Path], fake_arxiv: FakeArxiv, capsys: pytest.CaptureFixture[str],
        fault: str) -> None:
    online(**{"Nobody001.yaml": paper("Nobody001", "Nothing", "Nobody", 2020, "2001.99999"),
              "Vaswani001.yaml": VASWANI})
    fake_arxiv.script(fault, times=20)
    status, found = check(capsys)
    assert status == 0
    assert [(c, s, n) for c, s, n, *_ in found] == [("ARXIV012", "warning", ".")]
    assert "2 arXiv id(s) not checked online" in found[0][4] and "--offline" in found[0][4]
    fake_arxiv.clear_faults()
    assert check(capsys, "--strict")[0] == 1  # now arXiv answers: the id does not exist


def test_strict_fails_on_unknown(online: Callable[..., Path], fake_arxiv: FakeArxiv,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    online(**{"Vaswani001.yaml": VASWANI})
    fake_arxiv.script("429", times=20)
    status, found = check(capsys, "--strict")
    assert status == 1 and codes(found) == [("ARXIV012", ".", "0")]
    assert "HTTP 429" in found[0][4]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("terminal", [True, False])
def test_progress_only_on_a_terminal(
        online: Callable[..., Path], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, fake_arxiv: FakeArxiv, terminal: bool) -> None:
    many = synthetic_papers(40)
    fake_arxiv.add(*many)
    root = online(**{f"Example{i:03d}.yaml": paper(
        f"Example{i:03d}", p.versions[0].title, "Example", 2023, p.arxiv_id)
        for i, p in enumerate(many, 1)})
    (root / "anthology.toml").write_text(FAST_CONFIG + "batch_size = 5\n")
    stream = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    assert check(capsys) == (0, [])
    if terminal:
        assert "arXiv: 40/40 ids checked, 0 batches left" in stream.getvalue()
        assert stream.getvalue().endswith("\n")
    else:
        assert stream.getvalue() == ""
