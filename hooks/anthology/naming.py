"""The identifier conventions, in one place: what an id must look like and what it should be."""

from __future__ import annotations

import re
import unicodedata

from anthology.config import Config

TOPIC_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Letters that NFKD does not decompose into an ASCII base letter.
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe",
                          "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th",
                          "Þ": "Th", "ı": "i"})


def surname_letters(first_author: str) -> str:
    """ASCII letters of a surname, accents folded: 'Müller' -> 'Muller', 'de With' -> 'deWith'."""
    folded = unicodedata.normalize("NFKD", first_author.translate(_SPECIAL))
    return "".join(ch for ch in folded if ch.isascii() and ch.isalpha())


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
