"""The wheel ships every subpackage and the schemas; the manifest and README agree."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((HERE / "pyproject.toml").read_text())
HOOKS = YAML(typ="safe").load((HERE / ".pre-commit-hooks.yaml").read_text())


def test_every_subpackage_is_listed_for_the_wheel() -> None:
    source = HERE / "hooks"
    found = {".".join(p.parent.relative_to(source).parts) for p in source.rglob("__init__.py")}
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert "anthology.schema" in listed


def test_hooks_a_deletion_can_break_run_on_every_commit() -> None:
    always = {hook["id"] for hook in HOOKS if hook.get("always_run")}
    assert always == {"anthology", "anthology-ids", "anthology-succession", "anthology-render"}


def test_hook_ids_of_the_contract() -> None:
    ids = {hook["id"] for hook in HOOKS}
    assert {"anthology", "anthology-schema", "anthology-ids", "anthology-succession",
            "anthology-arxiv", "anthology-render"} <= ids
    for hook in HOOKS:
        assert hook["entry"].startswith("anthology ") and hook["entry"].endswith(" --hook")
        assert "pass_filenames" not in hook and hook["require_serial"] is True
        assert hook["language"] == "python"


@pytest.mark.parametrize("path", ["registry/papers/Kingma001.yaml", "registry/topics.yaml",
                                  "data/refs.yml", "anthology.toml", "pyproject.toml"])
def test_check_hooks_trigger_on_registry_files(path: str) -> None:
    for hook in HOOKS:
        assert re.search(hook["files"], path), (hook["id"], path)


@pytest.mark.parametrize("path", ["hooks/anthology/cli.py", "docs/logo.png", "setup.cfg"])
def test_check_hooks_ignore_other_files(path: str) -> None:
    for hook in HOOKS:
        assert not re.search(hook["files"], path), (hook["id"], path)


def test_render_hooks_trigger_on_derived_files() -> None:
    for hook in HOOKS:
        if hook["id"] in ("anthology", "anthology-render"):
            assert re.search(hook["files"], "REGISTRY.md")


def test_readme_names_every_hook() -> None:
    readme = (HERE / "README.md").read_text()
    for hook in HOOKS:
        assert f"id: {hook['id']}" in readme or f"`{hook['id']}`" in readme, hook["id"]


def test_readme_documents_every_config_key() -> None:
    from anthology.config import DEFAULTS

    readme = (HERE / "README.md").read_text()
    for section, keys in DEFAULTS.items():
        for key in keys:
            name = f"{section}.{key}" if section else key
            assert f"`{name}`" in readme, name


def test_every_module_with_codes_is_listed_for_the_docs() -> None:
    from anthology.checks import CODE_OWNERS

    source = HERE / "hooks"
    owners = {".".join(p.with_suffix("").relative_to(source).parts)
              for p in source.rglob("*.py") if re.search(r"^CODES\b", p.read_text(), re.M)}
    assert owners == set(CODE_OWNERS)


def test_codes_are_unique() -> None:
    from anthology.checks import all_codes

    codes = [code.code for module in all_codes() for code in module.CODES]
    assert len(codes) == len(set(codes))
