"""Archival document records: sources/documents/<id>.yaml checked against the one schema."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException

from edition.model import (
    DatePrecision,
    Document,
    DocumentDate,
    LocalizedText,
    Origin,
    Signature,
)
from edition.problems import Problems, did_you_mean
from edition.yamlsource import LineMap, parse_yaml

SIGNATURE = re.compile(
    r"^Fon (?P<fond>[0-9]+), Sayı (?P<opis>[0-9]+), Dosya (?P<delo>[0-9]+), "
    r"Vr\. (?P<list>[0-9]+)(?: \((?P<part>[0-9]+)\))?$"
)
DATE_FORMS = (
    "1920-09-27 (day), 1920-12 (month), 1920 (year), 1920?-12-31 (year uncertain) or "
    "1920-12? (whole date uncertain)"
)


@cache
def document_schema() -> dict[str, Any]:
    """The JSON Schema of a document record: the one declaration of the format."""
    text = resources.files("edition").joinpath("schemas/document.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def parse_document(text: str, path: str, problems: Problems) -> Document | None:
    """Parse and check one record file; returns None when it cannot become a Document."""
    data = parse_yaml(text, path, problems)
    if data is None and not problems.errors:
        problems.error(Origin(path, 1), "the record is empty; see README.md for its fields")
    if data is None:
        return None
    if not isinstance(data, LineMap):
        problems.error(Origin(path, 1), "a record must be a mapping of field: value lines")
        return None
    before = len(problems.errors)
    _check_schema(data, path, problems)
    if len(problems.errors) > before:
        return None
    return _build_document(data, path, problems)


def _check_schema(data: LineMap, path: str, problems: Problems) -> None:
    schema = document_schema()
    validator = jsonschema.Draft202012Validator(schema)
    properties: dict[str, Any] = schema["properties"]
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.path))):
        origin = Origin(path, _line_of(data, list(error.path)))
        field = str(error.path[0]) if error.path else None
        spec = properties.get(field, {}) if field else {}
        if error.validator == "additionalProperties" and not error.path:
            allowed = sorted(properties)
            for name in sorted(set(data) - set(allowed)):
                problems.error(
                    Origin(path, data.line_of(name)),
                    f"unknown field '{name}'{did_you_mean(name, allowed)}; "
                    f"allowed fields: {', '.join(allowed)}",
                )
        elif error.validator == "required":
            missing = error.message.split("'")[1]
            description = properties.get(missing, {}).get("description", "")
            where = f" in '{field}'" if field else ""
            problems.error(origin, f"missing field '{missing}'{where}: {description}".rstrip(": "))
        elif error.validator == "additionalProperties":
            problems.error(origin, f"field '{_dotted(error.path)}': {error.message}")
        elif error.validator in ("pattern", "enum") and field:
            examples = spec.get("examples") or [spec.get("enum")]
            value = error.instance
            if error.validator == "enum":
                choices = [str(choice) for choice in error.validator_value]
                expected = f"one of: {', '.join(choices)}"
                hint = did_you_mean(str(value), choices)
            else:
                expected = f"the form '{examples[0]!s}'" if examples else "the documented form"
                hint = ""
            problems.error(
                origin, f"field '{_dotted(error.path)}' is '{value}'{hint}; expected {expected}"
            )
        else:
            problems.error(origin, f"field '{_dotted(error.path)}': {error.message}")


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


def _localized(value: Any) -> LocalizedText:
    return LocalizedText(tuple(sorted((lang, str(text).strip()) for lang, text in value.items())))


def _build_document(data: LineMap, path: str, problems: Problems) -> Document | None:
    def at(name: str) -> Origin:
        return Origin(path, data.line_of(name))

    ok = True
    match = SIGNATURE.match(data["signature"])
    assert match is not None  # the schema's pattern is the same
    signature = Signature(
        as_printed=data["signature"],
        fond=match["fond"],
        opis=match["opis"],
        delo=match["delo"],
        list=match["list"],
        list_part=match["part"],
        origin=at("signature"),
    )
    if data["id"] != signature.id:
        problems.error(
            at("id"),
            f"id '{data['id']}' does not match the signature '{signature.as_printed}'; "
            f"expected '{signature.id}' (an old id belongs under 'aliases')",
        )
    stem = path.rsplit("/", 1)[-1].removesuffix(".yaml")
    if stem != data["id"]:
        problems.error(
            at("id"),
            f"the file is named '{stem}.yaml' but the record's id is '{data['id']}'; "
            f"name the file '{data['id']}.yaml'",
        )
    if signature.as_printed not in data["citation_as_printed"]:
        problems.error(
            at("citation_as_printed"),
            f"citation_as_printed does not contain the signature '{signature.as_printed}'",
        )
        ok = False
    date = _parse_date(data, path, problems)
    if date is None:
        ok = False
    unknown = {name: _localized(reason) for name, reason in data["unknown"].items()}
    if "place" not in data and "place" not in unknown:
        problems.error(
            Origin(path, data.line),
            "the record has no 'place': give it, or say under 'unknown' why it is not known",
        )
        ok = False
    if "original_text" not in unknown:
        problems.error(
            at("unknown"),
            "'unknown' must say under 'original_text' what the edition lacks of the original",
        )
        ok = False
    for name in ("senders", "recipients"):
        if not data[name] and name not in unknown:
            problems.error(
                at(name), f"'{name}' is empty: name the people, or say under 'unknown' why not"
            )
            ok = False
    if not ok or date is None:
        return None
    return Document(
        id=data["id"],
        archive=data["archive"],
        signature=signature,
        citation_as_printed=data["citation_as_printed"],
        kind=data["kind"],
        date=date,
        place=data.get("place"),
        senders=tuple(data["senders"]),
        recipients=tuple(data["recipients"]),
        recipient_groups=tuple(_localized(g) for g in data.get("recipient_groups", [])),
        original_language=data["original_language"],
        text=_localized(data["text"]),
        unknown=tuple(sorted(unknown.items())),
        aliases=tuple(data.get("aliases", [])),
        origin=Origin(path, data.line),
        field_origins=tuple(sorted((name, at(name)) for name in data)),
    )


def _parse_date(data: LineMap, path: str, problems: Problems) -> DocumentDate | None:
    origin = Origin(path, data.line_of("date"))
    text = data["date"]
    try:
        parsed = parse_edtf(text)
    except EDTFParseException:
        problems.error(origin, f"date '{text}' is not an EDTF date; write {DATE_FORMS}")
        return None
    kind = type(parsed).__name__
    year_uncertain = False
    uncertain = False
    if kind == "Date":
        base = parsed
    elif kind == "UncertainOrApproximate" and str(parsed.ua) == "?":
        base, uncertain = parsed.date, True
    elif kind == "PartialUncertainOrApproximate" and _only_year_uncertain(parsed):
        base, year_uncertain = parsed, True
    else:
        problems.error(
            origin,
            f"date '{text}' is EDTF the edition cannot show yet; write {DATE_FORMS}",
        )
        return None
    year = int(str(base._year))
    month = int(str(base._month)) if getattr(base, "_month", None) else None
    day = int(str(base._day)) if getattr(base, "_day", None) else None
    precision = DatePrecision.DAY if day else DatePrecision.MONTH if month else DatePrecision.YEAR
    basis = _localized(data["date_basis"]) if "date_basis" in data else None
    if (year_uncertain or uncertain) and basis is None:
        problems.error(
            origin,
            f"date '{text}' is marked uncertain; add 'date_basis' saying what the article "
            "gives and how the rest was inferred",
        )
        return None
    return DocumentDate(
        edtf=text,
        precision=precision,
        year=year,
        month=month,
        day=day,
        year_uncertain=year_uncertain,
        uncertain=uncertain,
        earliest=tuple(parsed.lower_strict()[:3]),
        latest=tuple(parsed.upper_strict()[:3]),
        as_printed=data["date_as_printed"],
        basis=basis,
        origin=origin,
    )


def _only_year_uncertain(parsed: Any) -> bool:
    others = ("year_ua_b", "month_ua", "day_ua", "year_month_ua", "month_day_ua", "season_ua")
    return (
        parsed.year_ua is not None
        and str(parsed.year_ua) == "?"
        and not any(getattr(parsed, name, None) for name in others)
        and not getattr(parsed, "all_ua", None)
    )
