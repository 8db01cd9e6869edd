"""A first author's surname from a name as the old format wrote it.

The rule, in order:
- "Surname, Given" (a comma): the part before the comma;
- a trailing "et al." and suffixes (Jr., Sr., II, III, IV) are dropped;
- otherwise the last word, together with the lowercase particles right before it
  ("Peter H. N. de With" -> "de With", "Jan van der Berg" -> "van der Berg").

Capitalised particles are not kept ("Christopher De Sa" -> "Sa", "Van Nguyen" -> "Nguyen"):
"De" and "Van" are also given names, so only lowercase ones are certain. When an existing
paper id is known (`--ids-from`), the reading whose letters match it wins, so the id and
the surname agree ("De Sa" for DeSa001).
"""

from __future__ import annotations

from anthology.naming import surname_letters

PARTICLES = frozenset({"de", "da", "das", "di", "do", "dos", "du", "del", "della", "der", "den",
                       "des", "la", "le", "van", "von", "ten", "ter", "bin", "ibn", "al", "el",
                       "y", "zu", "af", "av"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _words(name: str) -> list[str]:
    words = name.split()
    if len(words) >= 2 and words[-2].casefold() == "et" and words[-1].casefold() in ("al.", "al"):
        words = words[:-2]
    while len(words) > 1 and words[-1].strip(".,").casefold() in SUFFIXES:
        words = words[:-1]
    return [w.rstrip(",") for w in words]


def readings(name: str) -> list[str]:
    """Every plausible surname, the rule's choice first."""
    if "," in name:
        head = " ".join(_words(name.split(",", 1)[0]))
        return [head] if head else []
    words = _words(name)
    if not words:
        return []
    start = len(words) - 1
    while start > 0 and words[start - 1] in PARTICLES:
        start -= 1
    found = [" ".join(words[start:])]
    for i in range(len(words) - 1, 0, -1):
        candidate = " ".join(words[i:])
        if candidate not in found:
            found.append(candidate)
    return found


def surname(name: str, id_letters: str | None = None) -> str:
    """The surname to record as `first_author`; `id_letters` is the letter part of a paper
    id that must stay valid, when there is one."""
    options = readings(name) or [name.strip()]
    if id_letters:
        for option in options:
            if surname_letters(option) == id_letters:
                return option
    return options[0]
