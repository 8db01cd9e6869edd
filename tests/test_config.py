"""Configuration: defaults fit this layout; unknown keys and wrong types are exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from anthology.cli import main
from anthology.config import ConfigError, load_config
from papers import GOOD, WriteRegistry


def test_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.source == "defaults"
    assert config.topics_path == tmp_path / "registry" / "topics.yaml"


def test_pyproject_section_and_nested_tables(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.anthology]\npapers = ["data/papers"]\n[tool.anthology.arxiv]\ndeadline = 5\n')
    config = load_config(tmp_path)
    assert config.source == "pyproject.toml"
    assert config.paper_paths == [tmp_path / "data" / "papers"]
    assert config.get("arxiv", "deadline") == 5


def test_config_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "anthology.toml").write_text('topics = "t.yaml"\n')
    (tmp_path / "sub").mkdir()
    assert load_config(tmp_path / "sub").topics_path == tmp_path / "t.yaml"


@pytest.mark.parametrize(("text", "message"), [
    ('paperz = ["x"]\n', "unknown key 'paperz' (did you mean 'papers'?)"),
    ('[rendr]\nreadme = "R.md"\n', "unknown key 'rendr' (did you mean 'render'?)"),
    ('[arxiv]\ndeadlin = 3\n', "unknown key 'arxiv.deadlin' (did you mean 'arxiv.deadline'?)"),
    ('papers = "registry/papers"\n', "'papers' must be a list of strings"),
    ('[arxiv]\nbatch_size = true\n', "'arxiv.batch_size' must be an integer"),
    ('[arxiv]\nspacing = -1\n', "'arxiv.spacing' must not be negative"),
    ("papers = [\n", "not valid TOML"),
])
def test_config_errors_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "anthology.toml").write_text(text)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")
                       .replace("?", r"\?").replace(".", r"\.")):
        load_config(tmp_path)


def test_config_error_is_exit_2_with_the_key(registry: WriteRegistry,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    root = registry(**GOOD)
    (root / "pyproject.toml").write_text("[tool.anthology]\ntopicz = 'x'\n")
    assert main(["check", "--offline"]) == 2
    assert "unknown key 'tool.anthology.topicz'" in capsys.readouterr().err


def test_other_layout(registry: WriteRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    root = registry()
    (root / "anthology.toml").write_text('topics = "taxonomy.yaml"\npapers = ["refs"]\n')
    (root / "registry" / "topics.yaml").rename(root / "taxonomy.yaml")
    (root / "refs").mkdir()
    (root / "refs" / "Kingma001.yaml").write_text(GOOD["Kingma001.yaml"])
    assert main(["check", "--offline", "--only", "schema,ids,succession"]) == 1
    out = capsys.readouterr().out
    assert "refs/Kingma001.yaml:11:21: error[SUCC004]" in out
