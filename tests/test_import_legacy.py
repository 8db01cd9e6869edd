"""`anthology import-legacy`: the year-keyed format into v1 paper files, losing nothing."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from anthology import loader
from anthology.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "legacy"
ARGS = ["research.yaml", "--ids-from", "registry.yaml", "--topic-map", "topic-map.yaml"]


@pytest.fixture
def legacy_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the taxonomy and the old format's files; cwd becomes it."""
    (tmp_path / "registry").mkdir()
    shutil.copy(FIXTURES / "topics.yaml", tmp_path / "registry" / "topics.yaml")
    for name in ("research.yaml", "registry.yaml", "topic-map.yaml"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["import-legacy", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def imported(root: Path) -> dict[str, str]:
    return {p.stem: p.read_text() for p in sorted((root / "registry" / "papers").glob("*"))}


def test_unmapped_topics_write_nothing_and_print_a_topic_map_to_fill_in(
        legacy_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "research.yaml", "--ids-from", "registry.yaml")
    assert status == 1
    assert not (legacy_repo / "registry" / "papers").exists()
    assert ("research.yaml:50:5: error[LEGACY005] Decoupled Weight Decay Regularization (2017): "
            "no topic of the taxonomy among its topics (regularization)") in err
    topic_map = loader.load("map.yaml", out.encode())[0]
    assert topic_map is not None and topic_map.data == {"regularization": None,
                                                        "optimizers": None}
    line = next(line for line in out.splitlines() if line.startswith("regularization:"))
    assert line.startswith("regularization:   # needed; closest: ")
    assert "training-optimization" in line
    # Filled in, the printed map is the --topic-map the next run needs.
    (legacy_repo / "filled.yaml").write_text(out.replace("regularization:",
                                                         "regularization: training-optimization"))
    status, _, _ = run(capsys, "research.yaml", "--topic-map", "filled.yaml")
    assert status == 1  # the problems of the old data remain, reported
    assert "Loshchilov002" in imported(legacy_repo)


def test_every_field_of_the_old_format_lands_somewhere(
        legacy_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *ARGS)
    assert status == 1
    files = imported(legacy_repo)
    assert sorted(files) == ["Chowdhery001", "Chowdhery002", "He001", "Hoffmann001",
                             "Kalamkar001", "Keskar001", "Kingma001", "Liu001", "Loshchilov001",
                             "Loshchilov002", "Micikevicius001", "Vaswani001", "deWith001"]
    today = date.today().isoformat()
    for expected in sorted((FIXTURES / "expected").glob("*.yaml")):
        assert files[expected.stem] == expected.read_text().replace("IMPORT-DATE", today)
    adamw = files["Loshchilov002"]
    assert 'arxiv: "1711.05101"\n' in adamw  # "arXiv:1711.05101" in the old data
    assert "  - llama2 used beta1 = 0.9, beta2 = 0.95.\n" in adamw  # note
    assert ("  - id: MLR-2017-Loshchilov002-0002\n    text: Use beta2 = 0.95 with AdamW for "
            "large language models.\n    topic: training-optimization\n"
            "    status: experimental\n") in adamw  # sota_maybe
    vaswani = files["Vaswani001"]
    assert "    status: experimental\n" in vaswani  # experimental: true
    assert "  - The original Transformer.\n  - Used post-LN.\n" in vaswani  # notes
    assert "superseded_by: [MLR-2019-Kalamkar001-0001]" in files["Micikevicius001"]


def test_published_ids_are_all_kept(legacy_repo: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *ARGS)
    text = "".join(imported(legacy_repo).values())
    published = loader.load("r", (legacy_repo / "registry.yaml").read_bytes())[0]
    assert published is not None
    for entry in published.data["recommendations"]:
        assert f"- id: {entry['id']}\n" in text
    assert ("  ids kept from the published registry: 9 recommendation(s), 6 paper(s)\n"
            "  new ids: 7 recommendation(s), 7 paper(s)\n") in out
    assert ("registry/papers/Kingma001.yaml:18:9: note[LEGACY009] MLR-2014-Kingma001-0002 kept "
            "for a reworded recommendation") in out
    assert ("registry/papers/Liu001.yaml:11:9: warning[LEGACY010] MLR-2019-Liu001-0001: its "
            "paper is not in research.yaml") in out


def test_without_published_ids_new_ones_follow_the_convention(
        legacy_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, _ = run(capsys, "research.yaml", "--topic-map", "topic-map.yaml")
    files = imported(legacy_repo)
    assert "Liu001" not in files
    assert files["Loshchilov001"].startswith("id: Loshchilov001\ntitle: 'SGDR:")
    assert files["Loshchilov002"].startswith("id: Loshchilov002\ntitle: Decoupled")
    assert "- id: MLR-2014-Kingma001-0002\n    text: Keep the bias correction" in \
        files["Kingma001"]


def test_the_imported_registry_passes_check_but_for_the_problems_reported(
        legacy_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *ARGS)
    reported = {line for line in out.splitlines() if "error[" in line or "warning[" in line}
    assert main(["check", "--offline"]) == 1
    checked = {line for line in capsys.readouterr().out.splitlines()
               if "error[" in line or "warning[" in line}
    assert checked == {
        line for line in reported if "[LEGACY" not in line}
    codes = sorted(line.split("[")[1].split("]")[0] + " " + line.split(":")[0]
                   for line in checked)
    assert codes == [
        "ARXIV003 registry/papers/Chowdhery001.yaml",  # the paper is in the old data twice
        "ARXIV003 registry/papers/Chowdhery002.yaml",
        "ARXIV004 registry/papers/Vaswani001.yaml",  # year 2018, arXiv id from 2017
        "SCHEMA001 registry/papers/Micikevicius001.yaml",  # no arXiv id, no url
        "SCHEMA005 registry/papers/He001.yaml",  # a reading-list paper: nothing to recommend
    ]
    assert "warning[LEGACY007] successor arXiv 1910.99999 is not in the imported data" in out
    assert "warning[LEGACY012] year 2022 differs from the year the paper is listed under" in out
    assert main(["fix", "--check"]) == 0  # written the way `anthology fix` would write it


def test_a_second_run_rewrites_nothing(legacy_repo: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, *ARGS)
    before = {p: p.stat().st_mtime_ns for p in (legacy_repo / "registry" / "papers").iterdir()}
    _, out, _ = run(capsys, *ARGS)
    assert "(0 file(s) written, 13 unchanged)" in out
    assert {p: p.stat().st_mtime_ns for p in before} == before


def test_an_output_folder_holding_other_papers_is_refused(
        legacy_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    papers = legacy_repo / "registry" / "papers"
    papers.mkdir()
    (papers / "Someone001.yaml").write_text("id: Someone001\n")
    status, _, err = run(capsys, *ARGS)
    assert status == 2
    assert "error[LEGACY014] registry/papers holds 1 file(s) this import would not write " \
        "(Someone001.yaml)" in err
    assert [p.name for p in papers.iterdir()] == ["Someone001.yaml"]


def test_out_writes_elsewhere(legacy_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *ARGS, "--out", "migrated")
    assert status == 1
    assert "imported 13 paper(s) into migrated " in out
    assert len(list((legacy_repo / "migrated").glob("*.yaml"))) == 13
    assert "migrated/He001.yaml:11:18: error[SCHEMA005]" in out


@pytest.mark.parametrize(("change", "code"), [
    (("topic-map.yaml", "regularization: regularisation\n"), "LEGACY006"),
    (("research.yaml", "- just a list\n"), "LEGACY001"),
    (("research.yaml", "2017: [unclosed\n"), "YAML005"),
    (("registry.yaml", "recommendations: {}\n"), "LEGACY003"),
])
def test_inputs_that_cannot_be_imported_stop_the_run(
        legacy_repo: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, str],
        code: str) -> None:
    (legacy_repo / change[0]).write_text(change[1])
    status, _, err = run(capsys, *ARGS)
    assert status == 2
    assert f"error[{code}]" in err and "nothing was written" in err
    assert not (legacy_repo / "registry" / "papers").exists()


def test_a_missing_research_file_is_a_usage_error(legacy_repo: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "nowhere.yaml")
    assert status == 2
    assert "error[LEGACY015] can't read nowhere.yaml" in err


SMALL = """\
2020:
  - just a title, not a paper
  - title: A Paper Without Source
    first_author: Ada Lovelace
    topics: [optimization]
    sota: [Do the thing.]
  - title: a paper without source
    first_author: Ada Lovelace
    year: 2020
    topics: [optimization]
    sota: [Do the other thing.]
    attic:
      superseded_by: "2001.00001"
  - title: A Successor With Nothing To Recommend
    arxiv_id: "2001.00001"
    first_author: Grace Hopper
    year: 2020
    topics: [optimization]
"""


def test_small_mistakes_of_the_old_data_are_reported_in_the_imported_files(
        legacy_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (legacy_repo / "research.yaml").write_text(SMALL)
    (legacy_repo / "registry.yaml").write_text("recommendations:\n  - id: MLR-20-X\n"
                                               "    recommendation: t\n")
    status, out, _ = run(capsys, *ARGS)
    assert status == 1
    assert "registry.yaml:2:5: warning[LEGACY004] entry MLR-20-X is skipped" in out
    assert "research.yaml:2:5: warning[LEGACY002] not a paper; skipped" in out
    assert ("registry/papers/Lovelace002.yaml:2:8: warning[LEGACY013] same title as "
            "Lovelace001: the old data lists this paper twice; merge them by hand "
            "(research.yaml:7)") in out
    assert ("warning[LEGACY007] successor arXiv 2001.00001 (Hopper001) has no recommendation "
            "to link to") in out
    second = imported(legacy_repo)["Lovelace002"]
    assert "reason: Moved to the attic in the old data, which gives no reason.\n" in second
    assert "  - Superseded by arXiv 2001.00001 (Hopper001), which has no recommendation.\n" \
        in second
    assert "year: 2020\n" in imported(legacy_repo)["Lovelace001"]  # from the year key


def test_a_paper_with_no_topics_at_all_stops_the_run(
        legacy_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (legacy_repo / "research.yaml").write_text("2020:\n  - title: T\n    first_author: A B\n"
                                               "    sota: [Do it.]\n")
    status, out, err = run(capsys, "research.yaml")
    assert status == 1
    assert "error[LEGACY005] T (2020): no topic of the taxonomy among its topics (no topics " \
        "at all; add one to the research file)" in err
