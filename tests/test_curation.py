"""`anthology report`: what a curator should look at, planted in a registry."""

from __future__ import annotations

import json
import random

import pytest
from anthology.cli import main
from anthology.similar import distinctive, jaccard, similar_pairs
from papers import WriteRegistry
from test_diff import ADAM, ADAMW

EVIDENCED = ADAMW.replace("    status: standard\n", """\
    status: standard
    evidence:
      - arxiv: "2307.09288"
        note: Llama 2 trains with AdamW.
""")

# Someone re-adds AdamW's practice in other words, on another paper.
AGAIN = """\
id: Touvron001
title: "Llama 2: Open Foundation and Fine-Tuned Chat Models"
first_author: Touvron
year: 2023
arxiv: "2307.09288"
recommendations:
  - id: MLR-2023-Touvron001-0001
    name: Decoupled decay
    text: Prefer decoupled weight decay (AdamW) over an L2 term added to the loss with Adam.
    topic: training-optimization
    status: standard
    implementations: [Llama 2]
"""


def report(*args: str, capsys: pytest.CaptureFixture[str]) -> dict[str, list[tuple[str, str]]]:
    assert main(["report", "--format", "json", "--as-of", "2026-12-01", *args]) == 0
    found: dict[str, list[tuple[str, str]]] = {}
    for f in json.loads(capsys.readouterr().out)["findings"]:
        found.setdefault(f["kind"], []).append((f["id"], f["other"] or ""))
    return found


def test_a_planted_stale_practice_and_a_planted_duplicate_are_flagged(
        registry: WriteRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    registry(**{"Kingma001.yaml": ADAM, "Loshchilov001.yaml": EVIDENCED,
                "Touvron001.yaml": AGAIN})
    found = report(capsys=capsys)
    # Adam's L2 practice is standard and its only paper is from 2014; AdamW has 2023 evidence.
    assert found["stale"] == [("MLR-2014-Kingma001-0001", "")]
    assert ("MLR-2017-Loshchilov001-0001", "MLR-2023-Touvron001-0001") in found["duplicate"]
    assert not any("Kingma001-0002" in a + b for a, b in found["duplicate"])
    # Experimental since its 2014 paper (no git history here): promote or retire.
    assert found["lingering"] == [("MLR-2014-Kingma001-0002", "")]
    assert found["unsupported"] == [("MLR-2014-Kingma001-0001", ""),
                                    ("MLR-2014-Kingma001-0002", "")]
    assert ("model-stability", "") in found["thin"]


def test_thresholds_come_from_the_config(registry: WriteRegistry,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    root = registry(**{"Kingma001.yaml": ADAM, "Loshchilov001.yaml": EVIDENCED,
                       "Touvron001.yaml": AGAIN})
    (root / "anthology.toml").write_text(
        "[report]\nstale_years = 20\nexperimental_months = 240\nmin_live = 1\n"
        "duplicate_similarity = 0.9\n")
    found = report(capsys=capsys)
    assert set(found) == {"unsupported", "thin"}
    assert found["thin"] == [("model-stability", "")]


def test_markdown_is_a_readable_list(registry: WriteRegistry,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    registry(**{"Kingma001.yaml": ADAM, "Loshchilov001.yaml": EVIDENCED,
                "Touvron001.yaml": AGAIN})
    assert main(["report", "--as-of", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Curation report, 2026-12-01\n")
    assert ("- **AdamW** (`MLR-2017-Loshchilov001-0001` and `MLR-2023-Touvron001-0001`): "
            in out)
    assert "### Standard practices whose papers have aged (1)" in out


def test_the_similarity_join_finds_every_pair_brute_force_finds() -> None:
    rng = random.Random(7)
    vocabulary = [f"word{i}" for i in range(400)]
    texts = [" ".join(rng.choices(vocabulary, k=rng.randint(8, 30))) for _ in range(600)]
    for n in range(150):  # near-copies with a few words swapped
        words = texts[n].split()
        for _ in range(rng.randint(0, 4)):
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        texts.append(" ".join(words))
    for threshold in (0.35, 0.5, 0.8):
        sets = distinctive(texts)[0]
        expected = {(i, j) for i in range(len(sets)) for j in range(i + 1, len(sets))
                    if jaccard(sets[i], sets[j]) >= threshold}
        found = {(i, j) for i, j, _ in similar_pairs(texts, threshold)}
        assert len(expected) >= 40
        assert found == expected


def test_two_practices_with_one_name_are_flagged_even_in_other_words(
        registry: WriteRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    again = AGAIN.replace("name: Decoupled decay", "name: adamw").replace(
        "Prefer decoupled weight decay (AdamW) over an L2 term added to the loss with Adam.",
        "Train with the optimizer whose regulariser is applied outside the gradient step.")
    registry(**{"Loshchilov001.yaml": EVIDENCED, "Touvron001.yaml": again})
    assert report(capsys=capsys)["duplicate"] == [("MLR-2017-Loshchilov001-0001",
                                                   "MLR-2023-Touvron001-0001")]
