"""The identifier conventions, in one place: what an id must look like and what it should be."""

from __future__ import annotations

import re

from anyascii import anyascii

from anthology.config import Config

TOPIC_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def surname_letters(first_author: str) -> str:
    """ASCII letters of a surname in any script: 'Müller' -> 'Muller', 'de With' -> 'deWith',
    'Тихонов' -> 'Tikhonov', '张' -> 'Zhang' (transliterated by anyascii)."""
    if first_author.isascii():
        return "".join(filter(str.isalpha, first_author))
    return "".join(ch for ch in anyascii(first_author) if ch.isascii() and ch.isalpha())


def names_surname(full_name: str, surname: str) -> bool:
    """`surname` is the family name in `full_name`: 'Laurens van der Maaten' or
    'van der Maaten, Laurens' for 'van der Maaten'; 'Zhang Wei' or '张伟' for '张'."""
    want = surname_letters(surname).casefold()
    if not want:
        return False
    if "," in full_name:
        return surname_letters(full_name.split(",", 1)[0]).casefold() == want
    words = [w for w in full_name.split() if w.strip(".").casefold() not in _SUFFIXES]
    if len(words) == 1 and not full_name.isascii():  # a script written without spaces
        letters = surname_letters(words[0]).casefold()
        return letters.startswith(want) or letters.endswith(want)
    parts = [surname_letters(w).casefold() for w in words]
    return any("".join(parts[k:]) == want or "".join(parts[:k]) == want
               for k in range(1, len(parts) + 1))


_PARTICLES = frozenset({"al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "do",
                        "dos", "du", "el", "la", "le", "st", "st.", "ten", "ter", "van", "von"})
_INITIAL = re.compile(r"[A-Z]\.?(?:-[A-Z]\.?)?")


def full_name_surname(first_author: str, id_letters: str | None = None) -> str | None:
    """The surname to write when `first_author` is a full name ('Edward J. Hu' -> 'Hu').

    A name counts as full when it has an initial, or when the paper id (`id_letters`)
    was made from its last part; 'de With' and 'van der Maaten' are surnames.
    """
    words = first_author.split()
    if len(words) < 2 or not words[0][:1].isupper() or words[0].casefold() in _PARTICLES:
        return None
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in _PARTICLES:
        start -= 1
    surname = " ".join(words[start:])
    if any(_INITIAL.fullmatch(word) for word in words[:start]):
        return surname
    if id_letters and id_letters == surname_letters(surname):
        return surname
    return None


class Conventions:
    def __init__(self, config: Config) -> None:
        self.prefix = str(config.get("", "recommendation_prefix"))
        self.counter_digits = int(config.get("", "paper_counter_digits"))
        self.sequence_digits = int(config.get("", "recommendation_digits"))
        self.paper_id = re.compile(rf"([A-Za-z]+)([0-9]{{{self.counter_digits}}})")
        self.recommendation_id = re.compile(
            rf"{re.escape(self.prefix)}-([0-9]{{4}})-([A-Za-z]+[0-9]{{{self.counter_digits}}})"
            rf"-([0-9]{{{self.sequence_digits}}})")

    def paper_id_for(self, first_author: str, counter: int) -> str:
        return f"{surname_letters(first_author)}{counter:0{self.counter_digits}d}"

    def recommendation_id_for(self, year: int, paper_id: str, sequence: int) -> str:
        return f"{self.prefix}-{year}-{paper_id}-{sequence:0{self.sequence_digits}d}"

    def recommendation_prefix_for(self, year: int, paper_id: str) -> str:
        return f"{self.prefix}-{year}-{paper_id}-"
