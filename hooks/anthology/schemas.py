"""The JSON Schema files, shipped in the wheel as the `anthology.schema` package data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


@cache
def schema_bytes(kind: str) -> bytes:
    """The bytes of `schema/<kind>.schema.json` (kinds: paper, topics, removed, export)."""
    name = f"{kind}.schema.json"
    try:
        return resources.files("anthology.schema").joinpath(name).read_bytes()
    except ModuleNotFoundError:  # an editable install maps only `anthology` itself
        return (Path(__file__).resolve().parents[2] / "schema" / name).read_bytes()


def load_schema(kind: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(schema_bytes(kind))
    return result


@dataclass(frozen=True)
class Settings:
    """What a repository's config changes in the paper schema."""

    min_year: int = 1900
    recommendations: str = "required"  # or "optional"

    @classmethod
    def of(cls, config: Any) -> Settings:
        return cls(int(config.get("", "min_year")), str(config.get("", "recommendations")))


def paper_schema(settings: Settings) -> dict[str, Any]:
    """The shipped paper schema with the repository's earliest year and its choice on
    recommendations: when optional, a paper needs `recommendations` or `topics`."""
    schema = load_schema("paper")
    schema["properties"]["year"]["minimum"] = settings.min_year
    if settings.recommendations == "optional":
        schema["required"] = [k for k in schema["required"] if k != "recommendations"]
        schema["allOf"] = [*schema.get("allOf", []), {
            "anyOf": [{"required": ["recommendations"]}, {"required": ["topics"]}],
            "x-hint": "a paper needs 'topics' (or 'recommendations') to be listed under a topic"}]
    return schema


def schema_for(kind: str, settings: Settings) -> dict[str, Any]:
    return paper_schema(settings) if kind == "paper" else load_schema(kind)
