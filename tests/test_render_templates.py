"""Another anthology repo points `render.templates` at its own folder and picks outputs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from anthology.cache import Memo
from anthology.config import ConfigError, load_config
from anthology.pipeline import load_registry
from anthology.render import RenderResult, render_all
from test_render_sections import KINGMA


@pytest.fixture
def root(registry: Callable[..., Path]) -> Path:
    return registry(**{"Kingma001.yaml": KINGMA})


def render(root: Path, write: bool = True) -> RenderResult:
    config = load_config(root)
    return render_all(load_registry(config, Memo.for_root(root)), config, write=write)


def configure(root: Path, text: str) -> None:
    (root / "anthology.toml").write_text(text)


def test_a_template_folder_overrides_by_name_and_adds_sections(root: Path) -> None:
    configure(root, '[render]\ntemplates = "docs/templates"\noutputs = ["registry-md", "readme"]\n'
              'registry_md = "docs/PRACTICES.md"\n')
    folder = root / "docs" / "templates"
    folder.mkdir(parents=True)
    (folder / "registry.md.j2").write_text(
        "# Our practices\n\n{% for e in view.entries %}\n- {{ e.id }}: {{ e.text | md }} "
        "({{ e.paper.title | link(e.paper.link) }})\n{% endfor %}\n")
    (folder / "readme-papers.md.j2").write_text(
        "{% for p in view.papers %}\n- {{ p.first_author | md }} {{ p.year }}\n{% endfor %}\n")
    (root / "README.md").write_text("<!-- anthology:begin papers -->\n<!-- anthology:end papers -->\n"
                                    "<!-- anthology:begin summary -->\n<!-- anthology:end summary -->\n")
    result = render(root)
    assert result == RenderResult(["docs/PRACTICES.md", "README.md"], [])
    assert (root / "docs" / "PRACTICES.md").read_text() == (
        "# Our practices\n\n- MLR-2014-Kingma001-0001: Use bias-corrected moment estimates. "
        "([Adam: A Method for Stochastic Optimization](https://arxiv.org/abs/1412.6980))\n")
    readme = (root / "README.md").read_text()
    assert "- Kingma 2014\n" in readme
    assert "(docs/PRACTICES.md#training-optimization)" in readme  # the shipped summary
    assert not (root / "registry.json").exists()


def test_only_the_chosen_outputs_are_written(root: Path) -> None:
    configure(root, '[render]\noutputs = ["json"]\njson = "site/data/registry.json"\n')
    assert render(root).changed == ["site/data/registry.json"]
    assert not (root / "REGISTRY.md").exists()


def test_a_broken_template_is_a_diagnostic_with_its_line(root: Path) -> None:
    configure(root, '[render]\ntemplates = "tpl"\noutputs = ["registry-md"]\n')
    (root / "tpl").mkdir()
    (root / "tpl" / "registry.md.j2").write_text("# x\n\n{% for e in view.entries %}\n")
    result = render(root)
    assert [(d.path, d.line, d.code) for d in result.diagnostics] == [
        ("tpl/registry.md.j2", 3, "RENDER010")]
    assert result.changed == [] and not (root / "REGISTRY.md").exists()


def test_a_template_that_fails_while_rendering_names_its_line(root: Path) -> None:
    configure(root, '[render]\ntemplates = "tpl"\noutputs = ["registry-md"]\n')
    (root / "tpl").mkdir()
    (root / "tpl" / "registry.md.j2").write_text("# x\n\n{{ view.no_such_thing }}\n")
    result = render(root)
    assert [(d.path, d.line, d.code) for d in result.diagnostics] == [
        ("tpl/registry.md.j2", 3, "RENDER011")]
    assert "no_such_thing" in result.diagnostics[0].message


@pytest.mark.parametrize("toml, words", [
    ('[render]\noutputs = ["registry-md", "html"]\n', "'render.outputs' has unknown output 'html'"),
    ('[render]\ntemplates = "missing"\n', "'render.templates' names 'missing'"),
    ('[render]\nreadme = "REGISTRY.md"\n', "two render outputs share a path"),
])
def test_bad_render_settings_are_config_errors(root: Path, toml: str, words: str) -> None:
    configure(root, toml)
    with pytest.raises(ConfigError, match=words):
        render(root)
