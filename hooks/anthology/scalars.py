"""Plain scalars from YAML text, by their resolved tag: int, float, bool and null.

Each reader returns `MISFIT` when the text does not fit the tag (`!!int abc`), so the
loader can report it at the value instead of raising.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

MISFIT: Any = object()
MAX_INT = 2**63  # integers fit in 64 bits, as JSON readers expect
FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
SPECIAL = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}
WANTED = {"int": "an integer of at most 64 bits", "float": "a number", "bool": "true or false",
          "null": "null"}


def read_int(text: str) -> Any:
    digits = text.replace("_", "")
    sign, body = (digits[0], digits[1:]) if digits[:1] in ("+", "-") else ("", digits)
    base = {"0x": 16, "0o": 8, "0b": 2}.get(body[:2].lower(), 10)
    body = body[2:] if base != 10 else body
    if not body or len(body.lstrip("0")) > 64:  # never convert thousands of digits
        return MISFIT
    try:
        value = int(sign + body, base)
    except ValueError:
        return MISFIT
    return value if -MAX_INT <= value < MAX_INT else MISFIT


def read_float(text: str) -> Any:
    number = text.replace("_", "")
    if number.lower() in SPECIAL:
        return SPECIAL[number.lower()]
    return float(number) if FLOAT.fullmatch(number) else MISFIT


def read_bool(text: str) -> Any:
    return {"true": True, "false": False}.get(text.lower(), MISFIT)


def read_null(text: str) -> Any:
    return None if text.lower() in ("", "~", "null") else MISFIT


READERS: dict[str, Callable[[str], Any]] = {
    "int": read_int, "float": read_float, "bool": read_bool, "null": read_null}
