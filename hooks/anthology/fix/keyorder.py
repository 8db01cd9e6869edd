"""The canonical order of keys in a paper, keeping each comment with the key it describes.

Keys the format does not know keep their relative order after the known ones (the
schema check reports them). Comments above the first key of a mapping stay at the top.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from anthology.fix.comments import (
    attach_after,
    attach_header,
    detach_pre,
    detach_trailing,
    item_comments,
)

PAPER = ("id", "title", "first_author", "authors", "year", "arxiv", "doi", "isbn", "url",
         "topics", "key_takeaways", "notes", "recommendations")
RECOMMENDATION = ("id", "name", "text", "topic", "subtopic", "applies_to", "status",
                  "superseded_by", "deprecated", "implementations", "evidence")
DEPRECATED = ("date", "reason")
EVIDENCE = ("arxiv", "url", "note")


def canonical(keys: list[Any], order: tuple[str, ...]) -> list[Any]:
    rank = {name: i for i, name in enumerate(order)}
    return sorted(keys, key=lambda k: (0, rank[k]) if k in rank else (1, 0))


def order_paper(paper: CommentedMap, lines: list[str], dash: int, in_list: bool,
                above: list[Any] | None = None) -> bool:
    """Put a paper's keys (and its recommendations') in canonical order; True if any moved.

    `dash` is how far a list item's keys sit right of its `- `; `in_list` says the paper
    itself is an item of a list of papers (`above`: see `comments.attach_header`).
    """
    moved = False
    recommendations = paper.get("recommendations")
    recs = recommendations if isinstance(recommendations, CommentedSeq) else CommentedSeq()
    for i, rec in enumerate(recs):
        if not isinstance(rec, CommentedMap):
            continue
        deprecated = rec.get("deprecated")
        if isinstance(deprecated, CommentedMap):
            moved |= reorder(deprecated, DEPRECATED, lines)
        evidence = rec.get("evidence")
        items = evidence if isinstance(evidence, CommentedSeq) else CommentedSeq()
        for j, item in enumerate(items):
            if isinstance(item, CommentedMap):
                moved |= reorder(item, EVIDENCE, lines, dash, item_comments(items, j))
        moved |= reorder(rec, RECOMMENDATION, lines, dash, item_comments(recs, i))
    return reorder(paper, PAPER, lines, dash if in_list else 0, above) or moved


def reorder(mapping: CommentedMap, order: tuple[str, ...], lines: list[str],
            dash: int = 0, above: list[Any] | None = None) -> bool:
    """Reorder `mapping` in place; True if a key moved.

    Lines that stood above a key that becomes first go above the mapping (above its `- `,
    moved left by `dash`, when the mapping is a list item).
    """
    keys = list(mapping)
    wanted = canonical(keys, order)
    if wanted == keys:
        return False
    leading = {key: detach_trailing(mapping, prev, lines) + detach_pre(mapping, key)
               for prev, key in zip(keys, keys[1:], strict=False)}
    trailing = detach_trailing(mapping, keys[-1], lines)
    for key in wanted:
        mapping.move_to_end(key)
    attach_header(mapping, _dedent(leading.pop(wanted[0], "").lstrip("\n"), dash), above)
    for prev, key in zip(wanted, wanted[1:], strict=False):
        attach_after(mapping, prev, leading.get(key, ""))
    attach_after(mapping, wanted[-1], trailing)
    return True


def _dedent(lines: str, width: int) -> str:
    cut = [line[min(width, len(line) - len(line.lstrip(" "))):]
           for line in lines.splitlines(keepends=True)]
    return "".join(cut)
