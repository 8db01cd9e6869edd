"""`anthology site`: the page file itself (browser behaviour is in test_site_browser.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from anthology.cli import main
from anthology.schemas import load_schema
from anthology.site.page import embed_json, source_hash
from jsonschema import Draft202012Validator
from site_registry import ALL, XSS_TEXT, build, write_sample, write_synthetic

DATA = re.compile(r'<script type="application/json" id="registry-data">(.*?)</script>', re.S)


def embedded(html: str) -> dict:  # type: ignore[type-arg]
    found = DATA.search(html)
    assert found is not None
    return json.loads(found.group(1))  # type: ignore[no-any-return]


def test_embedded_json_cannot_close_the_script_element() -> None:
    data = {"text": "</script><script>alert(1)</script><!-- & \u2028"}
    text = embed_json(data)
    assert not set("<>&\u2028") & set(text)
    assert json.loads(text) == data


def test_the_policy_allows_exactly_the_inline_style_and_script(tmp_path: Path) -> None:
    html = build(write_sample(tmp_path), tmp_path / "out").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert policy and style and len(scripts) == 5  # removed, cards, search, related, page
    directives = dict(d.strip().split(" ", 1) for d in policy.group(1).split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"].split() == [source_hash(s) for s in scripts]
    assert directives["style-src"] == source_hash(style.group(1))
    assert directives["base-uri"] == "'none'" and directives["form-action"] == "'none'"
    assert not re.search(r'(src|href)="(https?:)?//', html), "the page loads nothing from elsewhere"


def test_registry_text_is_only_in_the_json_and_the_json_is_the_export(tmp_path: Path) -> None:
    html = build(write_sample(tmp_path), tmp_path / "out").read_text(encoding="utf-8")
    assert "<img" not in html and "<svg" not in html and "<iframe" not in html
    data = embedded(html)
    Draft202012Validator(load_schema("export")).validate(data)
    assert len(data["recommendations"]) == ALL
    texts = {r["id"]: r["text"] for r in data["recommendations"]}
    assert texts["MLR-2021-Evil001-0001"] == XSS_TEXT


def test_anthology_site_writes_the_page_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(write_sample(tmp_path))
    assert main(["site"]) == 0
    page = tmp_path / "site" / "index.html"
    assert capsys.readouterr().out == f"wrote site/index.html ({ALL} recommendations)\n"
    assert page.stat().st_mode & 0o644 == 0o644
    before = page.stat().st_mtime_ns
    assert main(["site"]) == 0
    assert capsys.readouterr().out.startswith("unchanged: site/index.html")
    assert page.stat().st_mtime_ns == before
    assert not [p.name for p in page.parent.iterdir() if p.name != "index.html"]


def test_out_comes_from_the_option_or_the_config(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(write_sample(tmp_path))
    (tmp_path / "anthology.toml").write_text('[site]\nout = "public/browse"\n')
    assert main(["site"]) == 0
    assert (tmp_path / "public" / "browse" / "index.html").is_file()
    assert main(["site", "--out", str(tmp_path / "elsewhere")]) == 0
    assert (tmp_path / "elsewhere" / "index.html").is_file()


def test_an_unwritable_out_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(write_sample(tmp_path))
    (tmp_path / "taken").write_text("a file, not a folder")
    assert main(["site", "--out", "taken"]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_unreadable_files_are_named_and_the_rest_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(write_sample(tmp_path))
    (tmp_path / "registry" / "papers" / "Broken001.yaml").write_text("id: [unclosed\n")
    assert main(["site"]) == 0
    assert "registry/papers/Broken001.yaml:" in capsys.readouterr().err
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert len(embedded(html)["recommendations"]) == ALL


def test_ten_thousand_recommendations_build(tmp_path: Path) -> None:
    root = write_synthetic(tmp_path / "big", 10_000)
    html = build(root, tmp_path / "out").read_text(encoding="utf-8")
    data = embedded(html)
    assert len(data["recommendations"]) >= 10_000
    deprecated = [r for r in data["recommendations"] if r["status"] == "deprecated"]
    assert deprecated and all(r["successors"] for r in deprecated)


def test_the_pages_workflow_builds_with_anthology_site_and_deploys_least_privileged() -> None:
    from ruamel.yaml import YAML

    workflow = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "pages.yml"
    jobs = YAML(typ="safe").load(workflow.read_text(encoding="utf-8"))["jobs"]
    build_steps = jobs["build"]["steps"]
    runs = [step.get("run", "") for step in build_steps]
    uses = [step.get("uses", "").split("@")[0] for step in build_steps]
    assert "anthology site --out site" in runs
    upload = build_steps[uses.index("actions/upload-pages-artifact")]
    assert upload["with"]["path"] == "site"
    assert "permissions" not in jobs["build"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["steps"][-1]["uses"].startswith("actions/deploy-pages@")
