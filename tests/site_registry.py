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
  - id: model-architecture
    title: Model architecture
    scope: Blocks, activations, positions.
  - id: distributed-optimization
    title: Distributed optimization
    scope: Parallelism and sharding.
contexts:
  - id: any
    title: Any training run
    scope: Holds whatever the model.
  - id: llm-pretraining
    title: LLM pretraining
    scope: Pretraining language models.
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
            name: Adam + L2 penalty
            text: Add an L2 penalty to the loss as weight decay when training with Adam.
            topic: training-optimization
            applies_to: [any]
            status: deprecated
            superseded_by: [MLR-2017-Loshchilov001-0001]
            deprecated: {date: "2019-01-01", reason: The adaptive denominator rescales the L2 term.}
          - id: MLR-2014-Kingma001-0002
            name: Adam bias correction
            text: Use bias correction for Adam's moment estimates.
            topic: training-optimization
            applies_to: [any]
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
            name: AdamW
            text: Use decoupled weight decay (AdamW) instead of an L2 term with Adam.
            topic: training-optimization
            applies_to: [any]
            status: standard
            implementations: [llama2, gpt3]
            evidence:
              - arxiv: "2307.09288"
                note: Llama 2 trains with AdamW.
          - id: MLR-2017-Loshchilov001-0002
            name: SGDR warm restarts
            text: Restart the cosine learning-rate schedule periodically (warm restarts).
            topic: training-optimization
            applies_to: [any]
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
            name: Single cosine decay
            text: Decay the learning rate with one cosine cycle over the whole training run.
            topic: training-optimization
            applies_to: [any]
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
            name: Post-LN
            text: Apply layer normalization after the residual addition (post-LN).
            topic: model-stability
            status: deprecated
            superseded_by: [MLR-2020-Xiong001-0001]
            deprecated: {date: "2021-01-01", reason: Pre-LN trains without warm-up.}
          - id: MLR-2017-Vaswani001-0002
            name: Scaled dot-product attention
            text: Scale dot-product attention logits by one over the square root of the head size.
            topic: attention-techniques
            status: standard
          - id: MLR-2017-Vaswani001-0003
            name: ReLU FFN
            text: Use a two-layer feed-forward block with a ReLU in between.
            topic: model-architecture
            status: deprecated
            superseded_by: [MLR-2018-Devlin001-0001]
            deprecated: {date: "2018-10-11", reason: Transformer language models moved to GELU.}
        """,
    "Xiong001": """\
        id: Xiong001
        title: On Layer Normalization in the Transformer Architecture
        first_author: Xiong
        year: 2020
        arxiv: "2002.04745"
        recommendations:
          - id: MLR-2020-Xiong001-0001
            name: Pre-LN
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
            name: RMSNorm pre-norm
            text: Use RMSNorm pre-normalization at the input of every sub-layer.
            topic: model-stability
            status: standard
        """,
    "Devlin001": """\
        id: Devlin001
        title: "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
        first_author: Devlin
        year: 2018
        arxiv: "1810.04805"
        recommendations:
          - id: MLR-2018-Devlin001-0001
            name: GELU FFN
            text: Use the GELU activation instead of ReLU in the Transformer feed-forward block.
            topic: model-architecture
            status: deprecated
            superseded_by: [MLR-2020-Shazeer002-0001]
            deprecated: {date: "2022-04-05", reason: Gated feed-forward variants give lower perplexity.}
        """,
    "Shazeer002": """\
        id: Shazeer002
        title: GLU Variants Improve Transformer
        first_author: Shazeer
        year: 2020
        arxiv: "2002.05202"
        recommendations:
          - id: MLR-2020-Shazeer002-0001
            name: SwiGLU FFN
            text: "Use a gated feed-forward layer, SwiGLU, instead of a ReLU or GELU MLP."
            topic: model-architecture
            applies_to: [llm-pretraining]
            status: standard
            implementations: [PaLM, LLaMA]
        """,
    "Zhao002": """\
        id: Zhao002
        title: "PyTorch FSDP: Experiences on Scaling Fully Sharded Data Parallel"
        first_author: Zhao
        year: 2023
        arxiv: "2304.11277"
        recommendations:
          - id: MLR-2023-Zhao002-0001
            name: FSDP full sharding
            text: Use fully sharded data parallelism when parameters, gradients and optimizer state do not fit on one GPU, gathering one block's parameters at a time.
            topic: distributed-optimization
            applies_to: [llm-pretraining]
            status: standard
            implementations: [PyTorch FSDP]
        """,
    "Rajbhandari001": """\
        id: Rajbhandari001
        title: "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models"
        first_author: Rajbhandari
        year: 2019
        arxiv: "1910.02054"
        recommendations:
          - id: MLR-2019-Rajbhandari001-0001
            name: ZeRO sharding stages
            text: Shard optimizer states, then gradients, then parameters across data-parallel ranks.
            topic: distributed-optimization
            applies_to: [any]
            status: standard
            implementations: [DeepSpeed, PyTorch FSDP]
        """,
    "Muller001": """\
        id: Muller001
        title: When Does Label Smoothing Help?
        first_author: Müller
        year: 2019
        arxiv: "1906.02629"
        recommendations:
          - id: MLR-2019-Muller001-0001
            name: Label smoothing
            text: Smooth classification targets with a factor of 0.1.
            topic: training-optimization
            applies_to: [any]
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
            name: "<b>Evil</b> name"
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

ALL = 17
LIVE = 10
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
