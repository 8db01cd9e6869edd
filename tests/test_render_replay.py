"""A render whose inputs and outputs are as the last clean render left them is skipped;
any change to an input, or to an output by hand, renders again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from anthology.render import markdown
from test_render_hook import README, anthology
from test_render_sections import KINGMA

REWRITTEN = "REGISTRY.md was rewritten\nREADME.md was rewritten\nregistry.json was rewritten\n"


@pytest.fixture
def rendered(registry: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> Path:
    root = registry(**{"Kingma001.yaml": KINGMA})
    (root / "README.md").write_text(README)
    assert anthology(capsys, "render") == (1, REWRITTEN)
    return root


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the renders that build their templates (those not skipped)."""
    counted: list[int] = []
    build = markdown.environment

    def counting(*args: Any) -> Any:
        counted.append(1)
        return build(*args)

    monkeypatch.setattr(markdown, "environment", counting)
    return counted


def test_nothing_changed_renders_nothing(rendered: Path, renders: list[int],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert anthology(capsys, "render") == (0, "")
    assert anthology(capsys, "render", "--check") == (0, "")
    assert renders == []


def test_an_output_edited_by_hand_is_rendered_again(rendered: Path, renders: list[int],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    page = rendered / "REGISTRY.md"
    good = page.read_text()
    page.write_text(good.replace("Kingma", "Someone else"))
    assert anthology(capsys, "render", "--check") == (
        1, "REGISTRY.md is out of date; run `anthology render`\n")
    assert anthology(capsys, "render") == (1, "REGISTRY.md was rewritten\n")
    assert page.read_text() == good and len(renders) == 2
    (rendered / "registry.json").unlink()
    assert anthology(capsys, "render") == (1, "registry.json was rewritten\n")


def test_each_input_change_renders_again(rendered: Path, renders: list[int],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    paper = rendered / "registry" / "papers" / "Kingma001.yaml"
    paper.write_text(paper.read_text().replace("bias-corrected", "bias-corrected Adam"))
    status, out = anthology(capsys, "render")
    assert status == 1 and "REGISTRY.md was rewritten" in out and len(renders) == 1

    readme = rendered / "README.md"
    readme.write_text("Intro written by hand.\n" + readme.read_text())
    assert anthology(capsys, "render") == (0, "")  # rendered (the README is an input): all current
    assert len(renders) == 2 and readme.read_text().startswith("Intro written by hand.\n# r\n")

    templates = rendered / "templates"
    templates.mkdir()
    (rendered / "anthology.toml").write_text('[render]\ntemplates = "templates"\n')
    (templates / "readme-summary.md.j2").write_text("One summary.\n")
    assert anthology(capsys, "render") == (1, "README.md was rewritten\n")
    (templates / "readme-summary.md.j2").write_text("Another summary.\n")
    assert anthology(capsys, "render") == (1, "README.md was rewritten\n")
    assert "Another summary." in readme.read_text() and len(renders) == 4
    assert README.splitlines()[1] in readme.read_text()
