"""REGISTRY.md, the README sections and the JSON export of a small fixture registry.

The expected files live in tests/fixtures/render/golden/. After an intended change to
the templates, regenerate them with:

    ANTHOLOGY_REGENERATE_GOLDEN=1 python -m pytest tests/test_render_golden.py

and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import jsonschema
import pytest
from anthology.cache import Memo
from anthology.config import load_config
from anthology.pipeline import load_registry
from anthology.render import RenderResult, render_all
from anthology.schemas import load_schema

FIXTURE = Path(__file__).parent / "fixtures" / "render"
GOLDEN = FIXTURE / "golden"
OUTPUTS = ("REGISTRY.md", "README.md", "registry.json")


def copy_fixture(target: Path) -> Path:
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns("golden"))
    return target


def render(root: Path, write: bool = True) -> RenderResult:
    config = load_config(root)
    return render_all(load_registry(config, Memo.for_root(config.root)), config, write=write)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path / "anthology")


@pytest.mark.parametrize("name", OUTPUTS)
def test_output_matches_the_golden_file(site: Path, name: str) -> None:
    render(site)
    produced = (site / name).read_bytes()
    if os.environ.get("ANTHOLOGY_REGENERATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        (GOLDEN / name).write_bytes(produced)
    assert produced == (GOLDEN / name).read_bytes()


def test_first_run_reports_every_file_then_a_second_run_changes_nothing(site: Path) -> None:
    first = render(site)
    assert first.changed == list(OUTPUTS) and first.diagnostics == []
    before = {name: (site / name).stat().st_mtime_ns for name in OUTPUTS}
    assert render(site) == RenderResult([], [])
    assert render(site, write=False) == RenderResult([], [])
    assert {name: (site / name).stat().st_mtime_ns for name in OUTPUTS} == before


def test_check_mode_reports_stale_files_and_writes_nothing(site: Path) -> None:
    readme = (site / "README.md").read_bytes()
    result = render(site, write=False)
    assert result.changed == list(OUTPUTS)
    assert not (site / "REGISTRY.md").exists() and not (site / "registry.json").exists()
    assert (site / "README.md").read_bytes() == readme


def test_same_registry_gives_the_same_bytes_anywhere(tmp_path: Path) -> None:
    one, two = copy_fixture(tmp_path / "one"), copy_fixture(tmp_path / "deeper" / "two")
    render(one)
    render(two)
    for name in OUTPUTS:
        data = (one / name).read_bytes()
        assert data == (two / name).read_bytes()
        assert b"\r" not in data and data.endswith(b"\n") and not data.endswith(b"\n\n")


def test_crlf_checkout_is_not_reported_as_changed(site: Path) -> None:
    render(site)
    for name in OUTPUTS:
        path = site / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    crlf = {name: (site / name).read_bytes() for name in OUTPUTS}
    assert render(site) == RenderResult([], [])
    assert {name: (site / name).read_bytes() for name in OUTPUTS} == crlf


def test_a_changed_recommendation_rewrites_only_what_shows_it(site: Path) -> None:
    render(site)
    paper = site / "papers" / "Xiong001.yaml"
    paper.write_text(paper.read_text().replace("pre-LN Transformers", "pre-LN models"))
    assert render(site).changed == ["REGISTRY.md", "README.md", "registry.json"]
    assert "Train pre-LN models without" in (site / "REGISTRY.md").read_text()
    scope = site / "topics.yaml"
    scope.write_text(scope.read_text().replace("efficient implementations", "kernels"))
    assert render(site).changed == ["REGISTRY.md", "registry.json"]


def test_readme_text_outside_the_markers_is_kept(site: Path) -> None:
    original = (site / "README.md").read_text()
    render(site)
    text = (site / "README.md").read_text()
    head = original.split("<!-- anthology:begin summary -->")[0]
    tail = original.split("<!-- anthology:end latest -->")[1]
    assert text.startswith(head) and text.endswith(tail)
    middle = original.split("<!-- anthology:end summary -->")[1].split(
        "<!-- anthology:begin latest -->")[0]
    assert middle in text
    assert "This stale text is replaced." not in text
    assert "<!-- anthology:begin your-section -->" in text  # inside a fenced block: kept


def test_the_export_follows_its_schema_and_resolves_succession(site: Path) -> None:
    render(site)
    export = json.loads((site / "registry.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(load_schema("export")).validate(export)
    recs = {r["id"]: r for r in export["recommendations"]}
    middle = recs["MLR-2017-Loshchilov002-0001"]
    assert middle["successors"] == ["MLR-2017-Loshchilov002-0002"]
    assert middle["predecessors"] == ["MLR-2014-Kingma001-0001"]
    assert middle["current"] == ["MLR-2017-Loshchilov002-0002"]
    assert middle["chains"] == [["MLR-2014-Kingma001-0001", "MLR-2017-Loshchilov002-0001",
                                 "MLR-2017-Loshchilov002-0002"]]
    assert middle["paper"]["link"] == "https://arxiv.org/abs/1711.05101"
    assert middle["deprecated"] == {"date": "2023-06-01", "reason": (
        "A single cosine decay matches restarts at scale with one fewer knob to tune.")}
    assert recs["MLR-2017-Vaswani001-0003"]["current"] == []
    assert recs["MLR-2020-Xiong001-0001"]["predecessors"] == ["MLR-2017-Vaswani001-0001"]
    assert [t["id"] for t in export["topics"]][:2] == ["training-optimization", "model-stability"]
    assert export["counts"] == {"standard": 4, "experimental": 1, "deprecated": 4, "total": 9}
    assert (middle["name"], middle["applies_to"]) == ("AdamWR (warm restarts)", ["any"])
    assert recs["MLR-2014-Kingma001-0002"]["name"] is None  # renderers show the id instead
    assert [c["id"] for c in export["contexts"]] == ["any", "llm-pretraining", "fine-tuning"]


def test_the_attic_shows_each_chain_by_name_with_every_step_linked(site: Path) -> None:
    render(site)
    page = (site / "REGISTRY.md").read_text()
    attic = page.split("\n## Attic\n")[1]
    assert ("- Succession: [Adam + L2 penalty](#mlr-2014-kingma001-0001) (2014) → "
            "**[AdamWR (warm restarts)](#mlr-2017-loshchilov002-0001)** (2017) → "
            "[AdamW + cosine decay](#mlr-2017-loshchilov002-0002) (2017, standard)") in attic
    assert ("- Model stability: [Post-LN](#mlr-2017-vaswani001-0001) (2017) → "
            "[Pre-LN](#mlr-2020-xiong001-0001) (2020, standard)") in attic
    assert '### <a id="mlr-2014-kingma001-0001"></a>Adam + L2 penalty · ' \
        "MLR-2014-Kingma001-0001" in attic
    live = page.split("\n## Attic\n")[0]
    assert "- Replaces: [Post-LN](#mlr-2017-vaswani001-0001)" in live
    # newest first within a group: AdamW (2017) before Adam's bias correction (2014)
    assert live.index("AdamW + cosine decay · MLR") < live.index("### MLR-2014-Kingma001-0002")
