"""The "new practice" issue form is a derived file: its options follow topics.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
from anthology.cli import main
from anthology.proposal import FIELDS, answers
from papers import GOOD, WriteRegistry
from ruamel.yaml import YAML

FORM = Path(".github/ISSUE_TEMPLATE/new-practice.yml")


@pytest.fixture
def root(registry: WriteRegistry) -> Path:
    folder = registry(**GOOD)
    (folder / "anthology.toml").write_text(
        '[render]\noutputs = ["issue-form"]\n')
    return folder


def form(root: Path) -> dict[str, dict[str, object]]:
    data = YAML(typ="safe").load((root / FORM).read_text())
    return {item["id"]: item for item in data["body"] if "id" in item}


def test_the_form_offers_the_declared_topics_and_every_field(root: Path) -> None:
    assert main(["render"]) == 1  # written
    fields = form(root)
    assert list(fields) == [f.key for f in FIELDS]
    topic = fields["topic"]["attributes"]
    assert topic["options"] == ["training-optimization", "model-stability"]  # type: ignore[index]
    assert fields["applies_to"]["attributes"]["multiple"] is True  # type: ignore[index]
    assert fields["arxiv"]["validations"] == {"required": True}
    assert fields["year"]["validations"] == {"required": False}
    assert main(["render", "--check"]) == 0


def test_a_topic_added_shows_up_in_the_form_on_the_same_render(root: Path) -> None:
    main(["render"])
    topics = root / "registry" / "topics.yaml"
    topics.write_text(topics.read_text() + "  - id: post-training\n    title: Post-training\n"
                      "    scope: Fine-tuning and alignment.\n")
    assert main(["render", "--check"]) == 1
    assert main(["render"]) == 1
    options = form(root)["topic"]["attributes"]["options"]  # type: ignore[index]
    assert "post-training" in options


def test_the_labels_the_form_shows_are_the_ones_from_issue_reads() -> None:
    body = "\n\n".join(f"### {f.label}\n\nvalue {n}" for n, f in enumerate(FIELDS))
    assert answers(body) == {f.label: f"value {n}" for n, f in enumerate(FIELDS)}


def test_no_response_is_an_empty_answer_and_windows_line_ends_are_read() -> None:
    body = "### Name\r\n\r\nAdamW\r\n\r\n### Evidence\r\n\r\n_No response_\r\n"
    assert answers(body) == {"Name": "AdamW", "Evidence": ""}
