"""Succession paths through every entry, for all entries at once in linear time.

Each entry keeps its first few paths in each direction (depth first, as listed) as
summaries: the first `NEAR` steps, the last step and the length. A 10,000-link chain so
costs each entry a constant, not the whole chain. A long chain is shown by its ends and
the steps next to the entry; `None` stands for the steps left out between them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
NEAR = 6  # steps of a path kept from its start
MAX_CHAINS = 12  # paths kept per entry; the rest are counted
MAX_COUNT = 10**15  # counts of paths stop growing here (they can double with each link)


@dataclass(frozen=True)
class Path(Generic[T]):
    near: tuple[T, ...]  # the path's first steps, from the entry it starts at
    far: T  # its last step
    length: int

    def steps(self) -> list[T | None]:
        if self.length <= len(self.near):
            return list(self.near)
        gap: list[T | None] = [None] if self.length > len(self.near) + 1 else []
        return [*self.near, *gap, self.far]


@dataclass
class Paths(Generic[T]):
    first: dict[int, list[Path[T]]]  # by id() of the entry: its first MAX_CHAINS paths
    count: dict[int, int]  # by id() of the entry: how many paths start there


def paths(entries: Sequence[T], step: Callable[[T], list[T]]) -> Paths[T]:
    """Paths following `step` from every entry to an entry with nowhere to go.

    Iterative depth-first search; a step back onto the current search path (a cycle,
    which the succession check reports) is left out.
    """
    found: Paths[T] = Paths({}, {})
    on_path: set[int] = set()
    for root in entries:
        if id(root) in found.first:
            continue
        stack: list[tuple[T, Iterator[T]]] = [(root, iter(step(root)))]
        on_path.add(id(root))
        while stack:
            entry, following = stack[-1]
            nxt = next(following, None)
            if nxt is not None:
                if id(nxt) not in found.first and id(nxt) not in on_path:
                    on_path.add(id(nxt))
                    stack.append((nxt, iter(step(nxt))))
                continue
            stack.pop()
            on_path.discard(id(entry))
            _summarise(entry, [e for e in step(entry) if id(e) in found.first], found)
    return found


def _summarise(entry: T, following: list[T], found: Paths[T]) -> None:
    if not following:
        found.first[id(entry)] = [Path((entry,), entry, 1)]
        found.count[id(entry)] = 1
        return
    first: list[Path[T]] = []
    for nxt in following:
        for path in found.first[id(nxt)][:MAX_CHAINS - len(first)]:
            first.append(Path((entry, *path.near[:NEAR - 1]), path.far, path.length + 1))
    found.first[id(entry)] = first
    found.count[id(entry)] = min(sum(found.count[id(nxt)] for nxt in following), MAX_COUNT)


def chains(entry: T, up: Paths[T], down: Paths[T]) -> tuple[list[list[T | None]], int]:
    """The first MAX_CHAINS chains through `entry`, oldest first, and how many are left."""
    found = [[*reversed(before.steps()[1:]), *after.steps()]
             for before in up.first[id(entry)] for after in down.first[id(entry)]]
    total = min(up.count[id(entry)] * down.count[id(entry)], MAX_COUNT)
    return found[:MAX_CHAINS], max(total - min(len(found), MAX_CHAINS), 0)


def walks(start: T, step: Callable[[T], list[T]], limit: int = MAX_CHAINS) -> list[list[T]]:
    """The first `limit` whole paths from `start` to an entry with nowhere to go.

    Iterative; a step back onto the path (a cycle) is left out. Each path costs its
    length, so listing every history once stays linear in the size of the chains.
    """
    found: list[list[T]] = []
    path: list[T] = [start]
    on_path = {id(start)}
    stack: list[Iterator[T]] = [iter(step(start))]
    while stack and len(found) < limit:
        nxt = next(stack[-1], None)
        if nxt is None:
            if all(id(e) in on_path for e in step(path[-1])):
                found.append(list(path))
            stack.pop()
            on_path.discard(id(path.pop()))
        elif id(nxt) not in on_path:
            path.append(nxt)
            on_path.add(id(nxt))
            stack.append(iter(step(nxt)))
    return found
