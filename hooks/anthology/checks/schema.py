"""Schema: each file against the JSON Schema for its kind, in plain words.

The schemas in `schema/` describe the two file kinds exactly (types, required keys,
enums, no unknown keys). Each error points at the value that broke it, or at the key
for an unknown key. Findings are memoised by file content and schema. A repository can
require fields the format leaves optional (config `require`, e.g. name and applies_to).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable
from functools import cache
from types import CodeType
from typing import Any

from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.document import Document, Path
from anthology.model import Registry
from anthology.schemas import Settings, schema_bytes, schema_for

NAME = "schema"
E = Severity.ERROR
MISSING = Code("SCHEMA001", E, "a required key is missing", "a paper without 'title'")
UNKNOWN = Code("SCHEMA002", E, "a key that the format does not have", "titel: Adam")
WRONG_TYPE = Code("SCHEMA003", E, "a value of the wrong type", "year: '2017' (a string)")
NOT_ALLOWED = Code("SCHEMA004", E, "a value outside the allowed set", "status: stable")
BAD_FORM = Code("SCHEMA005", E, "a value of the wrong form (empty, pattern, range)",
                "date: 1 June 2023")
TOP_LEVEL = Code("SCHEMA006", E, "the file's top level is not a paper or a list of papers",
                 "- just a string")
REQUIRED_HERE = Code("SCHEMA007", E, "a recommendation lacks a field this repository requires "
                     "(config 'require')", "require = [\"name\"] and a recommendation "
                     "without 'name'")
CODES = [MISSING, UNKNOWN, WRONG_TYPE, NOT_ALLOWED, BAD_FORM, TOP_LEVEL, REQUIRED_HERE]
HOW = {"name": "a short label a practitioner would say, at most 60 characters",
       "applies_to": "a list of context ids from the topics file",
       "subtopic": "a subtopic id declared under its topic",
       "implementations": "a list of models or libraries that follow it",
       "evidence": "a list of papers that support it"}

FLOAT_AS_INTEGER = re.compile(r" and not \(isinstance\((\w+), float\) and \1\.is_integer\(\)\)")
DEFAULT = Settings()  # this repository's: papers from 1900 on, recommendations required
TYPE_NAMES = {"object": "a mapping", "array": "a list", "string": "a string",
              "integer": "an integer", "number": "a number", "boolean": "true or false",
              "null": "empty"}


@cache
def validator(kind: str, settings: Settings = DEFAULT) -> Any:
    """jsonschema's validator: the reference, and the source of detailed errors.

    An integer is an int here, never a float with no fraction (`year: 2020.0`): the
    registry keeps what was written, and a year written as a float is a mistake to show.
    """
    from jsonschema import Draft202012Validator, validators

    checker = Draft202012Validator.TYPE_CHECKER.redefine("integer", lambda _, value: (
        isinstance(value, int) and not isinstance(value, bool)))
    strict = validators.extend(Draft202012Validator, type_checker=checker)  # type: ignore[no-untyped-call]
    return strict(schema_for(kind, settings))


@cache
def quick_validator(kind: str, settings: Settings = DEFAULT) -> Callable[[Any], bool]:
    """A compiled yes/no validator (fastjsonschema), ~15x faster on a clean file.

    The schemas use only keywords whose meaning draft-07 and 2020-12 share, so the
    compiled draft-07 validator accepts exactly what jsonschema accepts (a property
    test holds the two to that), once its integers exclude floats as `validator`'s do.
    """
    import fastjsonschema

    from anthology.cache import kept

    schema = {**schema_for(kind, settings), "$schema": "http://json-schema.org/draft-07/schema#"}
    text = (json.dumps(schema, sort_keys=True) + FLOAT_AS_INTEGER.pattern +
            fastjsonschema.VERSION + sys.version)
    name = f"validator-{hashlib.sha1(text.encode()).hexdigest()[:16]}.marshal"
    entry, code = kept(name, lambda: _compile(fastjsonschema.compile_to_code(schema)))
    namespace: dict[str, Any] = {}
    exec(code, namespace)  # what fastjsonschema.compile runs, less FLOAT_AS_INTEGER
    compiled = namespace[entry]

    def is_valid(instance: Any) -> bool:
        try:
            compiled(instance)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return is_valid


def _compile(source: str) -> tuple[str, CodeType]:
    """The entry function's name and the compiled module of fastjsonschema's code; kept
    in the cache, as making them costs more than validating a changed file."""
    source = FLOAT_AS_INTEGER.sub("", source)
    entry = re.search(r"^def (\w+)", source, re.MULTILINE)
    assert entry is not None
    return entry.group(1), compile(source, "<anthology schema validator>", "exec")


@cache
def schema_digest() -> str:
    parts = [schema_bytes(kind) for kind in ("paper", "topics", "removed")]
    return hashlib.sha1(b"\0".join(parts)).hexdigest()[:12]


def check(registry: Registry, context: Any) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    settings = Settings.of(context.config)
    if registry.topics_document is not None:
        found.extend(_memoised(registry.topics_document, "topics", context.memo, settings))
    for document in registry.documents:
        found.extend(_memoised(document, "paper", context.memo, settings))
    if registry.removed_document is not None:
        found.extend(_memoised(registry.removed_document, "removed", context.memo, settings))
    found.extend(_required_here(registry, context.config.get("", "require")))
    return found


def _required_here(registry: Registry, required: list[str]) -> list[Diagnostic]:
    found = []
    for rec in registry.recommendations if required else []:
        for key in (k for k in required if k not in rec.raw):
            found.append(REQUIRED_HERE.at(*rec.at(), f"recommendation {rec.id or '(no id)'} "
                                          f"has no '{key}', which this repository requires "
                                          f"(config 'require'); add {key}: {HOW[key]}"))
    return found


def _memoised(document: Document, kind: str, memo: Any, settings: Settings) -> list[Diagnostic]:
    key = (f"schema:{schema_digest()}:{settings.min_year}:{settings.recommendations}:{kind}:"
           f"{document.digest}")
    cached = memo.get(key)
    if cached is None:
        cached = [(d.line, d.col, d.code, d.message)
                  for d in validate(document, kind, settings)]
        memo.put(key, cached)
    return [Diagnostic(document.path, line, col, E, code, message)
            for line, col, code, message in cached]


def validate(document: Document, kind: str, settings: Settings = DEFAULT) -> list[Diagnostic]:
    data = document.data
    if kind == "paper" and isinstance(data, list):
        items: list[tuple[Path, Any]] = [((i,), item) for i, item in enumerate(data)]
    elif isinstance(data, dict):
        items = [((), data)]
    else:
        what = "a paper, or a list of papers" if kind == "paper" else f"a mapping with '{kind}'"
        return [TOP_LEVEL.at(document.path, 1, 1, f"the file must hold {what}, "
                             f"not {TYPE_NAMES.get(_json_type(data), 'a scalar')}")]
    found = []
    for prefix, item in items:
        if not quick_validator(kind, settings)(item):
            for error in validator(kind, settings).iter_errors(item):
                found.extend(_diagnostics(document, prefix, error, kind))
    return found


def _diagnostics(document: Document, prefix: Path, error: Any, kind: str) -> list[Diagnostic]:
    where: Path = prefix + tuple(error.absolute_path)
    name = f"'{where[-1]}'" if where and isinstance(where[-1], str) else "this value"
    if error.validator == "anyOf" and "x-hint" in error.schema:
        return [MISSING.at(document.path, *document.position(where), error.schema["x-hint"])]
    if error.validator == "required":
        missing = [key for key in error.validator_value if key not in error.instance]
        whole = _what(where, kind)
        return [MISSING.at(document.path, *document.position(where),
                           f"{whole} is missing required key '{key}'") for key in missing]
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        whole = _what(where, kind)
        return [UNKNOWN.at(document.path, *document.position(where + (key,), key=True),
                           f"unknown key '{key}' in {whole}; allowed: {', '.join(allowed)}")
                for key in error.instance if key not in error.schema.get("properties", {})]
    line, col = document.position(where)
    if error.validator == "type":
        expected = error.validator_value
        expected = [expected] if isinstance(expected, str) else expected
        wanted = " or ".join(TYPE_NAMES.get(t, t) for t in expected)
        got = f"{TYPE_NAMES.get(_json_type(error.instance))} {_show(error.instance)}"
        return [WRONG_TYPE.at(document.path, line, col, f"{name} must be {wanted}, not {got}")]
    if error.validator in ("enum", "const"):
        allowed = error.validator_value if error.validator == "enum" else [error.validator_value]
        return [NOT_ALLOWED.at(document.path, line, col, f"{name} must be one of "
                               f"{', '.join(map(str, allowed))}; got {_show(error.instance)}")]
    hint = error.schema.get("x-hint")
    messages = {
        "minLength": f"{name} must not be empty",
        "maxLength": f"{name} must be at most {error.validator_value} characters, not "
                     f"{len(str(error.instance))}",
        "minItems": f"{name} must list at least {error.validator_value} item(s)",
        "minimum": f"{name} must be at least {error.validator_value}" + (
            " (an older paper needs a lower 'min_year' in the config)"
            if where and where[-1] == "year" else ""),
        "maximum": f"{name} must be at most {error.validator_value}",
        "pattern": f"{name} must be {hint}, not {_show(error.instance)}",
    }
    return [BAD_FORM.at(document.path, line, col,
                        messages.get(error.validator, f"{name}: {error.message}"))]


FILES = {"paper": "the paper", "topics": "the topics file", "removed": "the tombstone file"}


def _what(where: Path, kind: str) -> str:
    keys = [k for k in where if isinstance(k, str)]
    if not keys:
        return FILES[kind] if not where or kind == "paper" else "this mapping"
    return {"recommendations": "the recommendation", "evidence": "the evidence entry",
            "deprecated": "the 'deprecated' block", "topics": "the topic",
            "contexts": "the context", "subtopics": "the subtopic",
            "removed": "the tombstone"}.get(keys[-1],
                                                                             f"'{keys[-1]}'")


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return {float: "number", str: "string", list: "array", dict: "object"}.get(type(value), "?")


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."
