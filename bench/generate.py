"""Write a synthetic registry: N papers, 3 recommendations each, succession chains.

    python bench/generate.py OUT_DIR N

Every tenth paper's first recommendation is deprecated and superseded by the next
paper's first one, so chains of several steps run through the registry. The arXiv
ids are well-formed but synthetic: this registry is for timing, not for reading.
"""

from __future__ import annotations

import shutil
import string
import sys
from pathlib import Path

TOPICS = """\
topics:
  - id: training-optimization
    title: Training optimization
    scope: Optimizers and schedules.
  - id: model-stability
    title: Model stability
    scope: Normalization and initialization.
  - id: model-architecture
    title: Model architecture
    scope: Blocks, activations, positions.
"""
TOPIC_IDS = ["training-optimization", "model-stability", "model-architecture"]


def surname(index: int) -> str:
    letters = ""
    index += 26 * 26
    while index:
        index, rest = divmod(index, 26)
        letters = string.ascii_lowercase[rest] + letters
    return "Au" + letters


def paper(index: int) -> tuple[str, str]:
    author = surname(index // 3)
    paper_id = f"{author}{index % 3 + 1:03d}"
    year = 2015 + index * 9 // 100_000
    month = index % 12 + 1
    arxiv = f"{year % 100:02d}{month:02d}.{index % 99_999 + 1:05d}"
    lines = [f"id: {paper_id}", f"title: Synthetic paper number {index}",
             f"first_author: {author}", f"year: {year}", f'arxiv: "{arxiv}"',
             "key_takeaways:", f"  - Finding {index} holds at every scale tried.",
             "recommendations:"]
    for seq in range(1, 4):
        rec_id = f"MLR-{year}-{paper_id}-{seq:04d}"
        lines += [f"  - id: {rec_id}",
                  f"    text: Practice {seq} of paper {index}, stated in one actionable sentence.",
                  f"    topic: {TOPIC_IDS[(index + seq) % 3]}"]
        if seq == 1 and index % 10 == 0:
            successor = paper_id_of(index + 1)
            successor_year = 2015 + (index + 1) * 9 // 100_000
            lines += ["    status: deprecated",
                      f"    superseded_by: [MLR-{successor_year}-{successor}-0001]",
                      "    deprecated:", "      date: 2024-06-01",
                      "      reason: A later paper replaced it."]
        else:
            lines += ["    status: standard", "    implementations: [ExampleLM]"]
    return paper_id, "\n".join(lines) + "\n"


def paper_id_of(index: int) -> str:
    return f"{surname(index // 3)}{index % 3 + 1:03d}"


def generate(out: Path, count: int) -> Path:
    if out.exists():
        shutil.rmtree(out)
    papers = out / "registry" / "papers"
    papers.mkdir(parents=True)
    (out / "registry" / "topics.yaml").write_text(TOPICS)
    for index in range(count):
        paper_id, text = paper(index)
        (papers / f"{paper_id}.yaml").write_text(text)
    return out


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]))
