"""Configuration: `[tool.anthology]` in pyproject.toml, or an anthology.toml at the repo root.

Every key has a default that fits this repository. An unknown key or a value of the
wrong type is a `ConfigError` naming the key (the CLI turns it into exit status 2).
"""

from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

# key -> the values it may take, for keys whose default's type says too little.
CHOICES: dict[str, tuple[str, ...]] = {"recommendations": ("required", "optional")}

# section -> key -> default; the default's type is the type a value must have.
DEFAULTS: dict[str, dict[str, Any]] = {
    "": {
        "topics": "registry/topics.yaml",
        "papers": ["registry/papers"],
        "removed": "registry/removed.yaml",  # tombstones; the file is optional
        "base": "",  # empty: follow the context (pre-commit's range, the pull request, HEAD)
        "recommendation_prefix": "MLR",
        "paper_counter_digits": 3,
        "recommendation_digits": 4,
        "require": [],  # optional recommendation fields this repository requires
        "max_file_bytes": 10_000_000,
        "recommendations": "required",  # or "optional": a reading list of papers by topic
        "min_year": 1900,
        "title": "",  # the derived files' title; "" keeps the shipped one
        "description": "",  # the introduction under it; "" keeps the shipped one
    },
    "render": {
        "outputs": ["registry-md", "readme", "json"],
        "registry_md": "REGISTRY.md",
        "readme": "README.md",
        "json": "registry.json",
        "issue_form": ".github/ISSUE_TEMPLATE/new-practice.yml",
        "templates": "",
    },
    "arxiv": {
        "api": "https://export.arxiv.org/api/query",
        "batch_size": 100,
        "spacing": 3.0,
        "deadline": 20.0,
        "connect_timeout": 5.0,
        "read_timeout": 15.0,
        "retries": 3,
        "contact": "",  # an e-mail address for arXiv's User-Agent, as arXiv asks of API clients
        "cache_dir": "",
    },
    "report": {
        "stale_years": 5,  # a standard practice whose newest paper is older is listed
        "experimental_months": 24,  # an experimental one not promoted or retired by then
        "min_live": 5,  # topics and contexts with fewer live practices are listed
        "duplicate_similarity": 0.5,  # Jaccard similarity of the texts' distinctive words
    },
    "site": {
        "out": "site",
        "url": "",  # where the page is published; makes the feed's links absolute
        "feed_entries": 100,
    },
}


# Recommendation fields the format leaves optional, which `require` can make required.
REQUIRABLE = ("name", "subtopic", "applies_to", "implementations", "evidence")


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    root: Path
    source: str  # the file the settings came from, or "defaults"
    values: dict[str, dict[str, Any]] = field(default_factory=dict)

    def get(self, section: str, key: str) -> Any:
        return self.values.get(section, {}).get(key, DEFAULTS[section][key])

    def path(self, section: str, key: str) -> Path:
        return self.root / str(self.get(section, key))

    @property
    def topics_path(self) -> Path:
        return self.path("", "topics")

    @property
    def removed_path(self) -> Path:
        return self.path("", "removed")

    @property
    def paper_paths(self) -> list[Path]:
        return [self.root / p for p in self.get("", "papers")]

    def relative(self, path: Path) -> str:
        """A path as diagnostics show it: relative to the root, with forward slashes.

        Bytes of a file name that are not UTF-8 are shown as escapes (`\\xff`), so any
        report can print it.
        """
        text, prefix = str(path), str(self.root).rstrip(os.sep) + os.sep
        if text.startswith(prefix):  # what relative_to says, without building Path objects
            shown = text[len(prefix):].replace(os.sep, "/")
            if shown.isascii():
                return shown
        else:
            try:
                shown = path.relative_to(self.root).as_posix()
            except ValueError:
                try:
                    shown = Path(os.path.realpath(path)).relative_to(self.root).as_posix()
                except ValueError:
                    shown = path.as_posix()
        return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def find_root(start: Path) -> Path:
    """The nearest folder holding a config file or `.git`, else `start` itself."""
    for folder in (start, *start.parents):
        if (folder / "anthology.toml").is_file() or (folder / ".git").exists():
            return folder
        if _pyproject_section(folder / "pyproject.toml") is not None:
            return folder
    return start


def load_config(start: Path | None = None) -> Config:
    root = find_root((start or Path.cwd()).resolve())
    own = root / "anthology.toml"
    if own.is_file():
        table = _read_toml(own)
        return Config(root, own.name, _validate(table, own.name, prefix=""))
    section = _pyproject_section(root / "pyproject.toml")
    if section is not None:
        values = _validate(section, "pyproject.toml", "tool.anthology.")
        return Config(root, "pyproject.toml", values)
    return Config(root, "defaults", {})


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        table: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
        return table
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path.name}: not valid TOML: {err}") from None


def _pyproject_section(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    section = _read_toml(path).get("tool", {}).get("anthology")
    if section is not None and not isinstance(section, dict):
        raise ConfigError(f"{path.name}: 'tool.anthology' must be a table")
    return section


def _validate(table: dict[str, Any], source: str, prefix: str) -> dict[str, dict[str, Any]]:
    values: dict[str, dict[str, Any]] = {"": {}}
    for key, value in table.items():
        if isinstance(value, dict) and key in DEFAULTS and key != "":
            values[key] = _check_keys(value, DEFAULTS[key], source, f"{prefix}{key}.")
        else:
            values[""].update(_check_keys({key: value}, DEFAULTS[""], source, prefix, DEFAULTS))
    for name in values[""].get("require", []):
        if name not in REQUIRABLE:
            close = difflib.get_close_matches(name, REQUIRABLE, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(f"{source}: '{prefix}require' names {name!r}, which is not an "
                              f"optional recommendation field{hint}; choose from "
                              f"{', '.join(REQUIRABLE)}")
    return values


def _check_keys(
    table: dict[str, Any],
    defaults: dict[str, Any],
    source: str,
    prefix: str,
    also_known: dict[str, Any] | None = None,
) -> dict[str, Any]:
    for key, value in table.items():
        if key not in defaults:
            known = sorted({*defaults, *(also_known or {})} - {""})
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean '{prefix}{close[0]}'?)" if close else ""
            raise ConfigError(f"{source}: unknown key '{prefix}{key}'{hint}")
        _check_type(value, defaults[key], f"{source}: '{prefix}{key}'")
        allowed = CHOICES.get(key) if defaults is DEFAULTS[""] else None
        if allowed and value not in allowed:
            raise ConfigError(f"{source}: '{prefix}{key}' must be one of "
                              f"{', '.join(map(repr, allowed))}, got {value!r}")
    return table


def _check_type(value: Any, default: Any, where: str) -> None:
    expected = type(default)
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        ok = True
    elif expected is list:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    else:
        ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
    if not ok:
        names = {str: "a string", int: "an integer", float: "a number", list: "a list of strings"}
        wanted = names.get(expected, expected.__name__)
        raise ConfigError(f"{where} must be {wanted}, got {value!r}")
    if expected in (int, float) and value < 0:
        raise ConfigError(f"{where} must not be negative, got {value!r}")
