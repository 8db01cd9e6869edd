"""Which paper counters and recommendation sequence numbers are free.

A number counts as used when any id holds it now or held it at the base revision:
ids are public, so a number once given out is never given to something else. New
numbers are one past the highest used, so gaps left by history are never filled.
"""

from __future__ import annotations

from collections.abc import Iterable

from anthology.naming import Conventions, surname_letters


class Numbering:
    def __init__(self, conventions: Conventions, current: Iterable[str],
                 base: dict[str, str] | None = None) -> None:
        self.conventions = conventions
        self.counters: dict[str, set[int]] = {}  # surname letters -> counters used
        self.sequences: dict[str, set[int]] = {}  # paper id -> sequence numbers used
        self.current_papers: set[str] = set()
        self.base_paths: dict[str, str] = {}  # paper id at the base revision -> its file
        for name in current:
            if self._note(name):
                self.current_papers.add(name)
        for name, path in (base or {}).items():
            if self._note(name):
                self.base_paths[name] = path

    def _note(self, name: str) -> bool:
        """Record the numbers an id uses; True when it is a paper id."""
        paper = self.conventions.paper_id.fullmatch(name)
        if paper is not None:
            self.counters.setdefault(paper.group(1), set()).add(int(paper.group(2)))
            return True
        rec = self.conventions.recommendation_id.fullmatch(name)
        if rec is not None:
            self._note(rec.group(2))
            self.sequences.setdefault(rec.group(2), set()).add(int(rec.group(3)))
        return False

    def paper_id(self, first_author: str, path: str | None = None) -> str:
        """A new paper's id: the id its file had at the base revision if that id is free
        now (an id line deleted by mistake), else the next free counter for the surname."""
        letters = surname_letters(first_author)
        for old, old_path in sorted(self.base_paths.items()):
            match = self.conventions.paper_id.fullmatch(old)
            if (path is not None and old_path == path and old not in self.current_papers
                    and match is not None and match.group(1) == letters):
                return self.take_paper(old)
        used = self.counters.get(letters, set())
        return self.take_paper(self.conventions.paper_id_for(first_author,
                                                             max(used, default=0) + 1))

    def take_paper(self, paper_id: str) -> str:
        self._note(paper_id)
        self.current_papers.add(paper_id)
        return paper_id

    def recommendation_id(self, year: int, paper_id: str) -> str:
        used = self.sequences.get(paper_id, set())
        name = self.conventions.recommendation_id_for(year, paper_id, max(used, default=0) + 1)
        self._note(name)
        return name
