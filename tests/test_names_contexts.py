"""Format v2: a recommendation's `name`, its `applies_to` contexts and its `subtopic`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from anthology.cli import main
from papers import GOOD, KINGMA, LOSHCHILOV, RunCheck, WriteRegistry, codes

CONTEXTS = """\
    subtopics:
      - id: optimizers
        title: Optimizers
        scope: Which optimizer, with which settings.
contexts:
  - id: any
    title: Any training run
    scope: Holds whatever the model.
  - id: llm-pretraining
    title: LLM pretraining
    scope: Pretraining language models.
"""

NAMED = LOSHCHILOV.replace(
    "    text:", "    name: AdamW\n    text:").replace(
    "    status: standard", "    subtopic: optimizers\n    applies_to: [any]\n    status: standard")


def with_contexts(root: Path) -> None:
    topics = root / "registry" / "topics.yaml"
    text = topics.read_text().replace("    aliases: [optimization]\n",
                                      "    aliases: [optimization]\n" + CONTEXTS.split("contexts:")[0])
    topics.write_text(text + "contexts:" + CONTEXTS.split("contexts:")[1])


def test_named_registry_with_contexts_is_clean(registry: WriteRegistry, run_check: RunCheck,
                                               git_repo: Callable[[Path], None]) -> None:
    root = registry(**{**GOOD, "Loshchilov001.yaml": NAMED})
    with_contexts(root)
    git_repo(root)
    assert run_check("--only", "schema,ids,succession") == (0, "")


def test_a_registry_valid_on_0_1_0_stays_valid(registry: WriteRegistry, run_check: RunCheck,
                                               git_repo: Callable[[Path], None]) -> None:
    git_repo(registry(**GOOD))  # no names, no contexts declared, no `require`
    assert run_check("--only", "schema,ids,succession") == (0, "")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("applies_to: [any]", "applies_to: [llm-pretrain]", ("Loshchilov001.yaml", 12, "ID014")),
    ("subtopic: optimizers", "subtopic: optimiser", ("Loshchilov001.yaml", 11, "ID015")),
])
def test_contexts_and_subtopics_are_declared(registry: WriteRegistry, run_check: RunCheck,
                                             old: str, new: str,
                                             expected: tuple[str, int, str]) -> None:
    with_contexts(registry(**{**GOOD, "Loshchilov001.yaml": NAMED.replace(old, new)}))
    status, out = run_check("--only", "ids")
    assert status == 1
    assert [c for c in codes(out) if c[2] != "ID013"] == [expected], out
    assert "did you mean 'llm-pretraining'?" in out or "did you mean 'optimizers'?" in out


def test_an_undeclared_context_without_a_close_one_lists_the_known(
        registry: WriteRegistry, run_check: RunCheck) -> None:
    with_contexts(registry(**{**GOOD, "Loshchilov001.yaml": NAMED.replace("[any]", "[robotics]")}))
    _, out = run_check("--only", "ids")
    assert "context 'robotics' is not declared under 'contexts' in the topics file " \
        "(known: any, llm-pretraining)" in out


def test_live_names_are_unique_within_a_topic(registry: WriteRegistry,
                                              run_check: RunCheck) -> None:
    kingma = KINGMA.replace("    text: Use bias", "    name: adamw\n    text: Use bias").replace(
        "    text: Add an L2", "    name: AdamW\n    text: Add an L2")
    with_contexts(registry(**{"Kingma001.yaml": kingma, "Loshchilov001.yaml": NAMED}))
    status, out = run_check("--only", "ids")
    # the deprecated one may share the name; the two live ones may not (case is ignored)
    assert [c for c in codes(out) if c[2] != "ID013"] == [("Loshchilov001.yaml", 8, "ID016")], out
    assert "name 'AdamW' is already used by MLR-2014-Kingma001-0002 " \
        "(registry/papers/Kingma001.yaml:17)" in out


def test_name_is_at_most_60_characters(registry: WriteRegistry, run_check: RunCheck) -> None:
    with_contexts(registry(**{**GOOD, "Loshchilov001.yaml": NAMED.replace("AdamW", "A" * 61)}))
    status, out = run_check("--only", "schema")
    assert codes(out) == [("Loshchilov001.yaml", 8, "SCHEMA005")], out
    assert "'name' must be at most 60 characters, not 61" in out


def test_context_and_subtopic_ids_are_well_formed_and_declared_once(
        registry: WriteRegistry, run_check: RunCheck) -> None:
    root = registry(**GOOD)
    with_contexts(root)
    topics = root / "registry" / "topics.yaml"
    topics.write_text(topics.read_text().replace("id: llm-pretraining", "id: any").replace(
        "id: optimizers", "id: Optimizers"))
    _, out = run_check("--only", "ids")
    found = [c for c in codes(out) if c[2] != "ID013"]
    assert found == [("topics.yaml", 7, "ID017"), ("topics.yaml", 17, "ID018")], out
    assert "subtopic id 'Optimizers' (topic training-optimization) must be hyphenated" in out


@pytest.mark.parametrize("config", [
    '[tool.anthology]\nrequire = ["name", "applies_to"]\n',
    'require = ["name", "applies_to"]\n',
])
def test_require_makes_optional_fields_errors_at_the_recommendation(
        registry: WriteRegistry, run_check: RunCheck, config: str) -> None:
    root = registry(**{**GOOD, "Loshchilov001.yaml": NAMED})
    with_contexts(root)
    name = "pyproject.toml" if config.startswith("[") else "anthology.toml"
    (root / name).write_text(config)
    status, out = run_check("--only", "schema")
    assert status == 1
    assert codes(out) == [("Kingma001.yaml", 7, "SCHEMA007"), ("Kingma001.yaml", 7, "SCHEMA007"),
                          ("Kingma001.yaml", 15, "SCHEMA007"), ("Kingma001.yaml", 15, "SCHEMA007")]
    assert "recommendation MLR-2014-Kingma001-0002 has no 'name', which this repository " \
        "requires (config 'require'); add name: a short label" in out


def test_require_names_only_optional_fields(registry: WriteRegistry,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    root = registry(**GOOD)
    (root / "anthology.toml").write_text('require = ["nmae"]\n')
    assert main(["check"]) == 2
    assert "'require' names 'nmae', which is not an optional recommendation field " \
        "(did you mean 'name'?)" in capsys.readouterr().err


def test_fix_puts_name_and_applies_to_in_canonical_order(registry: WriteRegistry) -> None:
    shuffled = NAMED.replace("    name: AdamW\n", "").replace(
        "    status: standard", "    status: standard\n    name: AdamW")
    root = registry(**{**GOOD, "Loshchilov001.yaml": shuffled})
    assert main(["fix"]) == 1
    assert (root / "registry" / "papers" / "Loshchilov001.yaml").read_text() == NAMED
