"""Near-duplicate recommendation texts: an exact similarity join with prefix filtering.

A text becomes the set of its distinctive words: its content words, less those that
appear in more than 1% of all texts (at least 20), which say what the registry is about
rather than what the practice is. Two sets with Jaccard similarity at least t must share
a word among the first |x| - ceil(t|x|) + 1 of each, once every set is sorted by one
global order (rarest first). Indexing only those prefixes finds every such pair while
comparing far fewer than all pairs: the same result as brute force on the same sets.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

_WORD = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*")
STOPWORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into",
    "is", "it", "its", "of", "on", "or", "so", "than", "that", "the", "their", "them", "then",
    "there", "these", "this", "to", "use", "used", "using", "was", "were", "when", "which",
    "while", "with",
))


def words(text: str) -> frozenset[str]:
    """The text's content words, lower-cased, with a plural 's' dropped."""
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w
                     for w in _WORD.findall(text.lower()) if w not in STOPWORDS)


def distinctive(texts: Sequence[str]) -> tuple[list[frozenset[str]], Counter[str]]:
    """Each text's distinctive words, and how many texts hold each word."""
    sets = [words(t) for t in texts]
    frequency = Counter(w for s in sets for w in s)
    common = max(20, len(texts) // 100)
    return [frozenset(w for w in s if frequency[w] <= common) for s in sets], frequency


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def similar_pairs(texts: Sequence[str], threshold: float) -> list[tuple[int, int, float]]:
    """(i, j, similarity) for every pair of texts with Jaccard >= threshold, i < j."""
    sets, frequency = distinctive(texts)
    index: dict[str, list[int]] = defaultdict(list)
    found: list[tuple[int, int, float]] = []
    for i, tokens in enumerate(sets):
        if not tokens:
            continue
        ordered = sorted(tokens, key=lambda token: (frequency[token], token))
        prefix = ordered[: len(ordered) - math.ceil(threshold * len(ordered)) + 1]
        candidates: set[int] = set()
        for token in prefix:
            candidates.update(index[token])
            index[token].append(i)
        for j in sorted(candidates):
            score = jaccard(sets[j], tokens)
            if score >= threshold:
                found.append((j, i, score))
    return sorted(found)
