"""`anthology fix`: ids, arXiv ids and key order, and nothing else in the file changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from anthology.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "fix"
WriteRegistry = Callable[..., Path]

KINGMA = """\
id: Kingma001
title: 'Adam: A Method for Stochastic Optimization'
first_author: Kingma
year: 2014
arxiv: "1412.6980"
recommendations:
  - id: MLR-2014-Kingma001-0001
    text: Use Adam.
    topic: training-optimization
    status: standard
  - id: MLR-2014-Kingma001-0002
    text: Correct the bias of the moment estimates.
    topic: training-optimization
    status: standard
"""


def fix(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["fix", *args])
    return status, capsys.readouterr().out


def papers(root: Path) -> Path:
    return root / "registry" / "papers"


def test_a_file_with_nothing_to_fix_is_not_rewritten(
        registry: WriteRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    root = registry()
    target = papers(root) / "Loshchilov001.yaml"
    target.write_bytes((FIXTURES / "Loshchilov001.yaml").read_bytes())
    before = target.stat()
    status, out = fix(capsys)
    assert (status, out) == (0, "")
    assert target.read_bytes() == (FIXTURES / "Loshchilov001.yaml").read_bytes()
    assert (target.stat().st_mtime_ns, target.stat().st_ino) == (before.st_mtime_ns,
                                                                  before.st_ino)


def test_keys_are_reordered_with_their_comments(registry: WriteRegistry,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    root = registry()
    target = papers(root) / "Kingma001.yaml"
    target.write_bytes((FIXTURES / "Kingma001.yaml").read_bytes())
    status, out = fix(capsys, "-v")
    assert status == 1
    assert "registry/papers/Kingma001.yaml:1:1: note[FIX004] keys put in canonical order" in out
    assert target.read_text() == (FIXTURES / "Kingma001.fixed.yaml").read_text()
    assert fix(capsys) == (0, "")  # a second run has nothing left to do


def test_new_paper_and_recommendations_get_the_next_free_numbers(
        registry: WriteRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    root = registry(**{"Kingma001.yaml": KINGMA, "Kingma002.yaml": """\
        # RMSProp-style variant, added by hand
        title: A new optimizer paper
        first_author: Kingma
        year: 2015
        arxiv: arXiv:1502.03167
        recommendations:
          - text: First practice.   # keep me
            topic: training-optimization
            status: standard
          - text: Second practice.
            topic: training-optimization
            status: experimental
        """})
    status, out = fix(capsys, "-v")
    assert status == 1
    text = (papers(root) / "Kingma002.yaml").read_text()
    assert text == """\
# RMSProp-style variant, added by hand
id: Kingma002
title: A new optimizer paper
first_author: Kingma
year: 2015
arxiv: "1502.03167"
recommendations:
  - id: MLR-2015-Kingma002-0001
    text: First practice.   # keep me
    topic: training-optimization
    status: standard
  - id: MLR-2015-Kingma002-0002
    text: Second practice.
    topic: training-optimization
    status: experimental
"""
    assert "registry/papers/Kingma002.yaml:2:5: note[FIX001] assigned paper id Kingma002" in out
    assert "registry/papers/Kingma002.yaml:8:9: note[FIX002] assigned recommendation id " \
        "MLR-2015-Kingma002-0001" in out
    assert 'note[FIX003] arXiv id arXiv:1502.03167 written as "1502.03167"' in out
    assert main(["check", "--offline"]) == 0


def test_numbers_used_at_the_base_revision_are_never_reused(
        registry: WriteRegistry, git_repo: Callable[[Path], None],
        capsys: pytest.CaptureFixture[str]) -> None:
    three = KINGMA + """\
  - id: MLR-2014-Kingma001-0003
    text: A practice later deleted.
    topic: training-optimization
    status: standard
"""
    root = registry(**{"Kingma001.yaml": three, "Kingma002.yaml": KINGMA.replace(
        "Kingma001", "Kingma002")})
    git_repo(root)
    # Working tree: recommendation 0003 and paper Kingma002 deleted, new ones added.
    (papers(root) / "Kingma002.yaml").unlink()
    (papers(root) / "Kingma001.yaml").write_text(KINGMA + """\
  - text: A practice added today.
    topic: training-optimization
    status: experimental
""")
    (papers(root) / "new.yaml").write_text("title: Another Kingma paper\nfirst_author: Kingma\n"
                                           "year: 2019\nurl: https://example.org/k\n"
                                           "recommendations: []\n")
    status, out = fix(capsys)
    assert status == 1
    assert "- id: MLR-2014-Kingma001-0004\n    text: A practice added today." in \
        (papers(root) / "Kingma001.yaml").read_text()
    assert (papers(root) / "new.yaml").read_text().startswith("id: Kingma003\n")
    assert ("registry/papers/new.yaml:1:5: error[FIX006] file is named 'new' but holds paper "
            "'Kingma003'; run: git mv registry/papers/new.yaml registry/papers/Kingma003.yaml"
            in out)
    assert (papers(root) / "new.yaml").exists()  # reported, not renamed


def test_an_id_line_deleted_by_mistake_comes_back(
        registry: WriteRegistry, git_repo: Callable[[Path], None],
        capsys: pytest.CaptureFixture[str]) -> None:
    root = registry(**{"Kingma001.yaml": KINGMA})
    git_repo(root)
    target = papers(root) / "Kingma001.yaml"
    target.write_text(KINGMA.replace("id: Kingma001\n", ""))
    status, _ = fix(capsys)
    assert status == 1
    assert target.read_text() == KINGMA


def test_outside_git_numbers_come_from_the_working_tree(
        registry: WriteRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    root = registry(**{"Kingma001.yaml": KINGMA.replace("  - id: MLR-2014-Kingma001-0002\n"
                                                         "    text:", "  - text:")})
    status, out = fix(capsys)
    assert status == 1
    assert "note[FIX011] new ids were numbered from the working tree only" in out
    assert "MLR-2014-Kingma001-0002" in (papers(root) / "Kingma001.yaml").read_text()


@pytest.mark.parametrize(("written", "fixed"), [
    ("arXiv:1711.05101", '"1711.05101"'),
    ("'https://arxiv.org/abs/1711.05101V2'", "'1711.05101v2'"),  # single quotes stay single
    ("1412.6980", '"1412.6980"'),  # a float in YAML; the trailing zero survives
    ('" math.GT/0309136 "', '"math/0309136"'),
])
def test_arxiv_ids_take_their_canonical_form(registry: WriteRegistry,
                                             capsys: pytest.CaptureFixture[str],
                                             written: str, fixed: str) -> None:
    root = registry(**{"Kingma001.yaml": KINGMA.replace('"1412.6980"', written)})
    assert fix(capsys)[0] == 1
    assert f"arxiv: {fixed}\n" in (papers(root) / "Kingma001.yaml").read_text()


def test_evidence_arxiv_ids_are_fixed_and_bad_ids_left_for_the_check(
        registry: WriteRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    root = registry(**{"Kingma001.yaml": KINGMA.replace('"1412.6980"', "not-an-id") + """\
    evidence:
      - arxiv: arxiv:2005.14165
"""})
    status, out = fix(capsys, "-v")
    text = (papers(root) / "Kingma001.yaml").read_text()
    assert status == 1
    assert "arxiv: not-an-id\n" in text
    assert '      - arxiv: "2005.14165"\n' in text
    assert "registry/papers/Kingma001.yaml:16:16: note[FIX003]" in out


def test_a_file_with_a_yaml_error_is_left_untouched(
        registry: WriteRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    broken = "title: [unclosed\nfirst_author: Kingma\n"
    root = registry(**{"Broken001.yaml": broken, "Kingma001.yaml": KINGMA})
    status, out = fix(capsys)
    assert status == 1
    assert (papers(root) / "Broken001.yaml").read_text() == broken
    assert "registry/papers/Broken001.yaml:2:13: error[YAML005]" in out
    assert "error[FIX008] left untouched; fix the YAML error first" in out


def test_a_paper_without_a_first_author_gets_no_id(
        registry: WriteRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    root = registry(**{"Anon.yaml": "title: Anonymous\nyear: 2020\nurl: https://x.org\n"
                       "recommendations:\n  - text: t\n    topic: model-stability\n"
                       "    status: standard\n"})
    status, out = fix(capsys)
    assert status == 1
    assert "registry/papers/Anon.yaml:1:1: error[FIX007] no paper id assigned" in out
    assert "registry/papers/Anon.yaml:5:5: error[FIX007] no recommendation id assigned" in out
    assert (papers(root) / "Anon.yaml").read_text().startswith("title: Anonymous\n")


def test_a_list_file_gets_ids_for_each_paper(registry: WriteRegistry,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    root = registry(**{"more.yaml": """\
        - title: One
          first_author: Müller
          year: 2020
          url: https://example.org/1
          recommendations:
            - text: A.
              topic: model-stability
              status: standard
        - first_author: Müller
          title: Two
          year: 2021
          url: https://example.org/2
          recommendations:
            - text: B.
              topic: model-stability
              status: standard
        """})
    assert fix(capsys)[0] == 1
    text = (papers(root) / "more.yaml").read_text()
    assert "- id: Muller001\n  title: One\n" in text
    assert "- id: Muller002\n  title: Two\n  first_author: Müller\n" in text
    assert "- id: MLR-2021-Muller002-0001\n" in text
    status, out = fix(capsys)
    assert (status, out) == (0, "")


def test_crlf_files_are_saved_with_lf(registry: WriteRegistry,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    root = registry()
    target = papers(root) / "Kingma001.yaml"
    target.write_bytes(KINGMA.replace("\n", "\r\n").encode())
    status, out = fix(capsys, "-v")
    assert status == 1
    assert "note[FIX005] saved with LF line endings" in out
    assert target.read_bytes() == KINGMA.encode()


def test_check_mode_writes_nothing(registry: WriteRegistry,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    root = registry()
    target = papers(root) / "Kingma001.yaml"
    target.write_bytes((FIXTURES / "Kingma001.yaml").read_bytes())
    status, out = fix(capsys, "--check")
    assert status == 1
    assert "would rewrite 1 file(s) (registry/papers/Kingma001.yaml): key order in 1 file(s)" in out
    assert target.read_bytes() == (FIXTURES / "Kingma001.yaml").read_bytes()


def test_only_the_named_files_are_fixed(registry: WriteRegistry,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    unordered = KINGMA.replace("id: Kingma001\ntitle", "title")
    unordered = unordered.replace("year: 2014\n", "year: 2014\nid: Kingma001\n")
    root = registry(**{"Kingma001.yaml": unordered, "Kingma002.yaml": unordered.replace(
        "Kingma001", "Kingma002")})
    status, _ = fix(capsys, "registry/papers/Kingma002.yaml")
    assert status == 1
    assert (papers(root) / "Kingma001.yaml").read_text() == unordered
    assert (papers(root) / "Kingma002.yaml").read_text() == KINGMA.replace("Kingma001",
                                                                          "Kingma002")


def test_a_summary_by_default_and_every_change_with_verbose(
        registry: WriteRegistry, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, git_repo: Callable[[Path], None]) -> None:
    def new_paper() -> None:
        registry(**{"Kingma001.yaml": KINGMA.replace("id: Kingma001\n", "").replace(
            "id: MLR-2014-Kingma001-0001\n    ", "").replace(
            "id: MLR-2014-Kingma001-0002\n    ", "").replace('"1412.6980"', "arXiv:1412.6980")
            .replace("first_author: Kingma\nyear: 2014\n", "year: 2014\nfirst_author: Kingma\n")})

    new_paper()
    git_repo(Path.cwd())
    status, out = fix(capsys)
    assert status == 1
    assert out == ("anthology fix: rewrote 1 file(s) (registry/papers/Kingma001.yaml): 1 paper "
                   "id(s) assigned, 2 recommendation id(s) assigned, 1 arXiv id(s) made "
                   "canonical, key order in 1 file(s); -v lists each change\n")
    new_paper()
    status, out = fix(capsys, "-v")
    assert out.count("note[FIX002] assigned recommendation id") == 2, out
    assert "note[FIX001] assigned paper id Kingma001" in out and "-v lists" not in out
    new_paper()
    monkeypatch.setenv("PRE_COMMIT", "1")  # as pre-commit runs its hooks
    assert fix(capsys)[1].endswith("\nfiles were updated: `git add` them and commit again\n")
    assert fix(capsys) == (0, "")
