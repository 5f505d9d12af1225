"""The record formats, declared once as JSON Schemas in schemas/ beside this module, and
the checker that walks them and turns every violation into a problem with its line and a way out."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
from referencing import Registry, Resource

from edition.model import Origin
from edition.problems import Problems, did_you_mean
from edition.sources.yamlsource import LineMap, parse_yaml

SCHEMAS = ("document.schema.json", "people.schema.json", "events.schema.json")
"""The schemas others refer to."""


@cache
def load_schema(name: str) -> dict[str, Any]:
    """One of the edition's JSON Schemas, by file name."""
    text = resources.files("edition.sources").joinpath(f"schemas/{name}").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _whole_pattern(
    validator: Any, pattern: str, instance: Any, schema: Any
) -> Iterator[jsonschema.ValidationError]:
    """`pattern`, its closing `$` meaning the end of the text: in Python's regular expressions
    `$` also matches before a final line end, which would let "id\\n" pass as an id."""
    if not validator.is_type(instance, "string"):
        return
    whole = (
        pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith(r"\$") else pattern
    )
    if not re.search(whole, instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_EditionValidator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator, {"pattern": _whole_pattern}
)


def localized(languages: tuple[str, ...]) -> dict[str, Any]:
    """The schema of a text per language, for an edition in `languages` (the original first)."""
    declared: dict[str, Any] = load_schema("document.schema.json")["$defs"]["localized"]
    return declared | {
        "required": [languages[0]],
        "properties": {lang: {"type": "string", "minLength": 1} for lang in languages},
    }


def for_languages(name: str, languages: tuple[str, ...]) -> dict[str, Any]:
    """Schema `name` with its texts per language in the edition's `languages`."""
    schema = load_schema(name)
    if name == "document.schema.json":
        return schema | {"$defs": schema["$defs"] | {"localized": localized(languages)}}
    return schema


@cache
def _validator(name: str, languages: tuple[str, ...]) -> Any:
    registry: Registry = Registry().with_resources(
        (other, Resource.from_contents(for_languages(other, languages))) for other in SCHEMAS
    )
    return _EditionValidator(for_languages(name, languages), registry=registry)


def check_against_schema(
    data: Any, name: str, path: str, problems: Problems, languages: tuple[str, ...]
) -> set[Any]:
    """Report every violation of schema `name` in `data`, for an edition in `languages`.

    Returns where they are: the first step of each violation's path (a list index or a
    field name; None for the whole), empty when `data` is valid.
    """
    errors = sorted(
        _validator(name, languages).iter_errors(data), key=lambda e: [str(p) for p in e.path]
    )
    for error in errors:
        _report(error, data, path, problems)
    return {error.path[0] if error.path else None for error in errors}


def check_fields(
    data: Any, name: str, fields: tuple[str, ...], path: str, problems: Problems
) -> set[Any]:
    """Report every violation of schema `name` in `fields` of `data` alone: what must be
    right before the rest can be read (an edition's languages, which its texts are in)."""
    schema = load_schema(name)
    part = {
        "type": "object",
        "required": [name for name in fields if name in schema.get("required", [])],
        "properties": {name: schema["properties"][name] for name in fields},
    }
    errors = sorted(
        _EditionValidator(part).iter_errors(data), key=lambda e: [str(p) for p in e.path]
    )
    for error in errors:
        _report(error, data, path, problems)
    return {error.path[0] if error.path else None for error in errors}


def checked_entries(
    text: str, path: str, name: str, problems: Problems, languages: tuple[str, ...]
) -> list[tuple[LineMap, bool]]:
    """A YAML list file's entries, each with whether it passed schema `name`.

    A file that is not a list of mappings at all gives no entries (its problems reported).
    """
    data = parse_yaml(text, path, problems)
    if data is None:
        return []
    broken = check_against_schema(data, name, path, problems, languages)
    if None in broken:
        return []
    return [(entry, index not in broken) for index, entry in enumerate(data)]


def _report(error: jsonschema.ValidationError, data: Any, path: str, problems: Problems) -> None:
    origin = Origin(path, _line_of(data, list(error.path)))
    where = _dotted(error.path)
    spec: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "additionalProperties" and isinstance(error.instance, LineMap):
        allowed = sorted(spec.get("properties", {}))
        for name in sorted(set(error.instance) - set(allowed)):
            problems.error(
                Origin(path, error.instance.line_of(name)),
                f"unknown field '{name}'{did_you_mean(name, allowed)}; "
                f"allowed fields: {', '.join(allowed)}",
            )
    elif error.validator == "additionalProperties" or error.validator == "propertyNames":
        problems.error(origin, f"field '{where}': {error.message}")
    elif error.validator == "required":
        missing = error.message.split("'")[1]
        description = spec.get("properties", {}).get(missing, {}).get("description", "")
        inside = f" in '{where}'" if where and not where.isdigit() else ""
        problems.error(origin, f"missing field '{missing}'{inside}: {description}".rstrip(": "))
    elif error.validator == "enum":
        choices = [str(choice) for choice in error.validator_value]
        problems.error(
            origin,
            f"field '{where}' is '{error.instance}'{did_you_mean(str(error.instance), choices)}; "
            f"expected one of: {', '.join(choices)}",
        )
    elif error.validator == "pattern":
        examples = spec.get("examples")
        expected = f"the form '{examples[0]!s}'" if examples else "the documented form"
        problems.error(origin, f"field '{where}' is '{error.instance}'; expected {expected}")
    else:
        problems.error(origin, f"field '{where}': {error.message}")


def _dotted(path: Any) -> str:
    return ".".join(str(part) for part in path)


def _line_of(data: Any, path: list[Any]) -> int:
    """The line of the deepest mapping key on `path`."""
    line = data.line if isinstance(data, LineMap) else 1
    node = data
    for part in path:
        if isinstance(node, LineMap) and part in node:
            line = node.line_of(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            if isinstance(node, LineMap):
                line = node.line
        else:
            break
    return line
