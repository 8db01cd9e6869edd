"""Paper files for tests: a valid paper, and small ways to break it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

KINGMA = """\
id: Kingma001
title: "Adam: A Method for Stochastic Optimization"
first_author: Kingma
year: 2014
arxiv: "1412.6980"
recommendations:
  - id: MLR-2014-Kingma001-0001
    text: Add an L2 penalty to the loss as weight decay when training with Adam.
    topic: training-optimization
    status: deprecated
    superseded_by: [MLR-2017-Loshchilov001-0001]
    deprecated:
      date: 2019-01-01
      reason: Under Adam an L2 term is scaled by the adaptive denominator.
  - id: MLR-2014-Kingma001-0002
    text: Use bias correction for Adam's moment estimates.
    topic: training-optimization
    status: standard
"""

LOSHCHILOV = """\
id: Loshchilov001
title: Decoupled Weight Decay Regularization
first_author: Loshchilov
year: 2017
arxiv: "1711.05101"
recommendations:
  - id: MLR-2017-Loshchilov001-0001
    text: Use decoupled weight decay (AdamW) instead of an L2 term with Adam.
    topic: training-optimization
    status: standard
"""

GOOD = {"Kingma001.yaml": KINGMA, "Loshchilov001.yaml": LOSHCHILOV}
# a tombstone for each of Kingma001's ids, for tests that remove it on purpose
TOMBSTONES = """\
removed:
  - id: Kingma001
    date: 2026-12-01
    reason: Entered twice by the migration.
  - id: MLR-2014-Kingma001-0001
    date: 2026-12-01
    reason: Duplicate of the AdamW practice.
    replaced_by: MLR-2017-Loshchilov001-0001
  - id: MLR-2014-Kingma001-0002
    date: 2026-12-01
    reason: Entered twice by the migration.
"""


def codes(output: str) -> list[tuple[str, int, str]]:
    """(file name, line, code) of each diagnostic line in text output."""
    found = []
    for line in output.splitlines():
        if "[" not in line or ": " not in line:
            continue
        location, _, rest = line.partition(": ")
        path, line_no, _col = location.rsplit(":", 2)
        code = rest[rest.index("[") + 1: rest.index("]")]
        found.append((path.rsplit("/", 1)[-1], int(line_no), code))
    return found


KINDS = {"paper", "papers", "recommendation", "recommendations", "and"}


def lost_ids(output: str) -> dict[str, set[str]]:
    """File name -> the ids its ID012 line says are gone (one line per file)."""
    found: dict[str, set[str]] = {}
    for line in output.splitlines():
        if "error[ID012]" in line:
            named = line.split("error[ID012] ", 1)[1].split(" exist", 1)[0]
            name = line.split(":", 1)[0].rsplit("/", 1)[-1]
            assert name not in found, f"two ID012 lines for {name}"
            found[name] = {word.strip(",") for word in named.split()} - KINDS
    return found


WriteRegistry = Callable[..., Path]
RunCheck = Callable[..., tuple[int, str]]
