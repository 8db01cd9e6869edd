"""The JSON Schema files, shipped in the wheel as the `anthology.schema` package data."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


@cache
def schema_bytes(kind: str) -> bytes:
    """The bytes of `schema/<kind>.schema.json` (kinds: paper, topics, export)."""
    name = f"{kind}.schema.json"
    try:
        return resources.files("anthology.schema").joinpath(name).read_bytes()
    except ModuleNotFoundError:  # an editable install maps only `anthology` itself
        return (Path(__file__).resolve().parents[2] / "schema" / name).read_bytes()


def load_schema(kind: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(schema_bytes(kind))
    return result
