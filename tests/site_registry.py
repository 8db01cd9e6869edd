"""Registries for the browsing page's tests: a small hand-written one and a synthetic 10,000.

The small one has a three-step succession chain, an author with an accent, and a paper
whose every field is an injection attempt.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from anthology.cache import Memo
from anthology.config import load_config
from anthology.pipeline import load_registry
from anthology.site.build import build_site

BENCH = Path(__file__).resolve().parents[1] / "bench"

TOPICS = """\
topics:
  - id: training-optimization
    title: Training optimization
    scope: Optimizers and schedules.
  - id: model-stability
    title: Model stability
    scope: Normalization and initialization.
  - id: attention-techniques
    title: Attention techniques
    scope: Attention variants.
"""

PAPERS = {
    "Kingma001": """\
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
            deprecated: {date: "2019-01-01", reason: The adaptive denominator rescales the L2 term.}
          - id: MLR-2014-Kingma001-0002
            text: Use bias correction for Adam's moment estimates.
            topic: training-optimization
            status: standard
        """,
    "Loshchilov001": """\
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
            implementations: [llama2, gpt3]
            evidence:
              - arxiv: "2307.09288"
                note: Llama 2 trains with AdamW.
          - id: MLR-2017-Loshchilov001-0002
            text: Restart the cosine learning-rate schedule periodically (warm restarts).
            topic: training-optimization
            status: deprecated
            superseded_by: [MLR-2022-Hoffmann001-0001]
            deprecated: {date: "2023-06-01", reason: One cosine cycle matches restarts at scale.}
        """,
    "Hoffmann001": """\
        id: Hoffmann001
        title: Training Compute-Optimal Large Language Models
        first_author: Hoffmann
        year: 2022
        arxiv: "2203.15556"
        recommendations:
          - id: MLR-2022-Hoffmann001-0001
            text: Decay the learning rate with one cosine cycle over the whole training run.
            topic: training-optimization
            status: standard
        """,
    "Vaswani001": """\
        id: Vaswani001
        title: Attention Is All You Need
        first_author: Vaswani
        year: 2017
        arxiv: "1706.03762"
        recommendations:
          - id: MLR-2017-Vaswani001-0001
            text: Apply layer normalization after the residual addition (post-LN).
            topic: model-stability
            status: deprecated
            superseded_by: [MLR-2020-Xiong001-0001]
            deprecated: {date: "2021-01-01", reason: Pre-LN trains without warm-up.}
          - id: MLR-2017-Vaswani001-0002
            text: Scale dot-product attention logits by one over the square root of the head size.
            topic: attention-techniques
            status: standard
        """,
    "Xiong001": """\
        id: Xiong001
        title: On Layer Normalization in the Transformer Architecture
        first_author: Xiong
        year: 2020
        arxiv: "2002.04745"
        recommendations:
          - id: MLR-2020-Xiong001-0001
            text: Put layer normalization inside the residual branch (pre-LN).
            topic: model-stability
            status: deprecated
            superseded_by: [MLR-2023-Touvron001-0001]
            deprecated: {date: "2023-03-01", reason: RMSNorm is cheaper and as stable.}
        """,
    "Touvron001": """\
        id: Touvron001
        title: "LLaMA: Open and Efficient Foundation Language Models"
        first_author: Touvron
        year: 2023
        arxiv: "2302.13971"
        recommendations:
          - id: MLR-2023-Touvron001-0001
            text: Use RMSNorm pre-normalization at the input of every sub-layer.
            topic: model-stability
            status: standard
        """,
    "Muller001": """\
        id: Muller001
        title: When Does Label Smoothing Help?
        first_author: Müller
        year: 2019
        arxiv: "1906.02629"
        recommendations:
          - id: MLR-2019-Muller001-0001
            text: Smooth classification targets with a factor of 0.1.
            topic: training-optimization
            status: experimental
        """,
    "Evil001": """\
        id: Evil001
        title: "<b>Bold</b> claims & <i>tags</i>"
        first_author: "Evil\\"><svg onload=alert(3)>"
        year: 2021
        url: "javascript:alert(4)"
        recommendations:
          - id: MLR-2021-Evil001-0001
            text: "<img src=x onerror=alert(1)> then <script>alert(2)</script> done"
            topic: attention-techniques
            status: experimental
            implementations: ["<iframe src=javascript:alert(5)></iframe>"]
            evidence:
              - url: "javascript:alert(6)"
                note: "<a href=x onclick=alert(7)>click</a>"
          - id: MLR-2021-Evil001-0002
            text: "</script><script>alert(8)</script>"
            topic: attention-techniques
            status: deprecated
            superseded_by: [MLR-2021-Evil001-0001]
            deprecated: {date: "2022-01-01", reason: "<style>body{display:none}</style>"}
        """,
}

ALL = 12
LIVE = 7
XSS_TEXT = "<img src=x onerror=alert(1)> then <script>alert(2)</script> done"


def write_sample(root: Path) -> Path:
    """The small registry, written under `root` (which becomes a registry root)."""
    (root / ".git").mkdir(parents=True, exist_ok=True)
    papers = root / "registry" / "papers"
    papers.mkdir(parents=True, exist_ok=True)
    (root / "registry" / "topics.yaml").write_text(TOPICS, encoding="utf-8")
    for paper_id, text in PAPERS.items():
        (papers / f"{paper_id}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def write_synthetic(root: Path, recommendations: int) -> Path:
    """The bench generator's registry with at least this many recommendations."""
    sys.path.insert(0, str(BENCH))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(BENCH))
    generate(root, -(-recommendations // 3))
    (root / ".git").mkdir(exist_ok=True)
    return root


def build(root: Path, out: Path) -> Path:
    """Build the page for the registry at `root` the way `anthology site` does."""
    config = load_config(root)
    registry = load_registry(config, Memo(None))
    target, _ = build_site(registry, out)
    return target
