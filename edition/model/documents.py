"""Archival document records: sources/documents/<id>.yaml checked against the one schema."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException

from edition.model import (
    Archive,
    DatePrecision,
    Document,
    DocumentDate,
    Languages,
    LocalizedText,
    Origin,
    Signature,
)
from edition.problems import Problems, did_you_mean
from edition.sources.schema import check_against_schema, load_schema
from edition.sources.yamlsource import LineMap, parse_yaml


@cache
def signature_grammar(archive: Archive) -> re.Pattern[str]:
    """The archive's signature template as a pattern: each {part} a number, an optional
    " (part)" after it."""
    pattern = re.escape(archive.signature)
    for part in ("fond", "opis", "delo", "list"):
        pattern = pattern.replace(re.escape("{" + part + "}"), f"(?P<{part}>[0-9]+)")
    return re.compile(f"^{pattern}(?: \\((?P<part>[0-9]+)\\))?$")


def parse_signature(text: str, archive: Archive, origin: Origin) -> Signature | None:
    """The signature as printed, read by its archive's grammar; None if it does not fit."""
    match = signature_grammar(archive).match(text)
    if match is None:
        return None
    return Signature(
        as_printed=text,
        fond=match["fond"],
        opis=match["opis"],
        delo=match["delo"],
        list=match["list"],
        list_part=match["part"],
        origin=origin,
        archive=archive,
    )


DATE_FORMS = (
    "1920-09-27 (day), 1920-12 (month), 1920 (year), 1920?-12-31 (year uncertain) or "
    "1920-12? (whole date uncertain)"
)


def document_schema() -> dict[str, Any]:
    """The JSON Schema of a document record: the one declaration of the format."""
    return load_schema("document.schema.json")


def parse_document(
    text: str,
    path: str,
    languages: Languages,
    archives: tuple[Archive, ...] | None,
    problems: Problems,
) -> Document | None:
    """Parse and check one record file, of an edition in `languages`; returns None when it
    cannot become a Document. `archives` are the edition's (None when sources/edition.yaml
    could not be read: then only the record's own form is checked)."""
    data = parse_yaml(text, path, problems)
    if data is None and not problems.errors:
        problems.error(Origin(path, 1), "the record is empty; see README.md for its fields")
    if data is None:
        return None
    if not isinstance(data, LineMap):
        problems.error(Origin(path, 1), "a record must be a mapping of field: value lines")
        return None
    if (
        check_against_schema(data, "document.schema.json", path, problems, languages.codes)
        or archives is None
    ):
        return None
    return _build_document(data, path, languages.original, archives, problems)


def _build_document(
    data: LineMap, path: str, original: str, archives: tuple[Archive, ...], problems: Problems
) -> Document | None:
    def at(name: str) -> Origin:
        return Origin(path, data.line_of(name))

    ok = True
    known = {archive.abbreviation: archive for archive in archives}
    archive = known.get(data["archive"])
    if archive is None:
        problems.error(
            at("archive"),
            f"archive '{data['archive']}' is not in sources/edition.yaml"
            f"{did_you_mean(data['archive'], known)}; its archives: {', '.join(known)}",
        )
        return None
    signature = parse_signature(data["signature"], archive, at("signature"))
    if signature is None:
        problems.error(
            at("signature"),
            f"signature '{data['signature']}' is not of the form "
            f"'{archive.example_signature()}' ({archive.abbreviation}'s signatures, as "
            "sources/edition.yaml gives them), with an optional part such as ' (1)'",
        )
        return None
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
    date = parse_date(data, path, problems, original)
    if date is None:
        ok = False
    unknown = {
        name: LocalizedText.from_mapping(reason, original)
        for name, reason in data["unknown"].items()
    }
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
        recipient_groups=tuple(
            LocalizedText.from_mapping(g, original) for g in data.get("recipient_groups", [])
        ),
        original_language=data["original_language"],
        text=LocalizedText.from_mapping(data["text"], original),
        unknown=tuple(sorted(unknown.items())),
        aliases=tuple(data.get("aliases", [])),
        origin=Origin(path, data.line),
        field_origins=tuple(sorted((name, at(name)) for name in data)),
        original_language_basis=(
            LocalizedText.from_mapping(data["original_language_basis"], original)
            if "original_language_basis" in data
            else None
        ),
    )


@dataclass(frozen=True)
class DateFacts:
    year: int
    month: int | None
    day: int | None
    year_uncertain: bool
    uncertain: bool
    earliest: tuple[int, int, int]
    latest: tuple[int, int, int]


class _NotShowable(Exception):
    """EDTF the edition cannot show yet."""


# YYYY, YYYY-MM, YYYY-MM-DD; uncertain as a whole with a final "?", or in the year alone
# with "?" after it ("1920?-12-31").
PLAIN_DATE = re.compile(r"(\d{4})(?:(\?)?-(\d{2})(?:-(\d{2}))?)?(\?)?")


@cache
def date_facts(text: str) -> DateFacts:
    """What an EDTF date says. The plain forms (YYYY, YYYY-MM, YYYY-MM-DD), most of an
    archive's dates, are read directly; the EDTF grammar, which takes about 10 ms a date,
    reads the rest. Raises EDTFParseException or _NotShowable."""
    plain = PLAIN_DATE.fullmatch(text)
    if plain and not (plain.group(2) and plain.group(5)):
        year, month, day = (int(part) if part else None for part in plain.group(1, 3, 4))
        assert year is not None
        if year > 0 and (month is None or 1 <= month <= 12):
            last_day = calendar.monthrange(year, month or 12)[1]
            if day is None or 1 <= day <= last_day:
                return DateFacts(
                    year,
                    month,
                    day,
                    year_uncertain=bool(plain.group(2)),
                    uncertain=bool(plain.group(5)),
                    earliest=(year, month or 1, day or 1),
                    latest=(year, month or 12, day or last_day),
                )
    parsed = parse_edtf(text)
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
        raise _NotShowable(text)
    return DateFacts(
        year=int(str(base._year)),
        month=int(str(base._month)) if getattr(base, "_month", None) else None,
        day=int(str(base._day)) if getattr(base, "_day", None) else None,
        year_uncertain=year_uncertain,
        uncertain=uncertain,
        earliest=_triple(parsed.lower_strict()),
        latest=_triple(parsed.upper_strict()),
    )


def _triple(moment: Any) -> tuple[int, int, int]:
    return (int(moment[0]), int(moment[1]), int(moment[2]))


def parse_date(data: LineMap, path: str, problems: Problems, original: str) -> DocumentDate | None:
    """The EDTF `date` of a record or an event, with `date_as_printed` and `date_basis` (in
    the edition's languages, `original` first)."""
    origin = Origin(path, data.line_of("date"))
    text = data["date"]
    try:
        facts = date_facts(text)
    except EDTFParseException:
        problems.error(origin, f"date '{text}' is not an EDTF date; write {DATE_FORMS}")
        return None
    except _NotShowable:
        problems.error(
            origin,
            f"date '{text}' is EDTF the edition cannot show yet; write {DATE_FORMS}",
        )
        return None
    year, month, day = facts.year, facts.month, facts.day
    year_uncertain, uncertain = facts.year_uncertain, facts.uncertain
    precision = DatePrecision.DAY if day else DatePrecision.MONTH if month else DatePrecision.YEAR
    basis = (
        LocalizedText.from_mapping(data["date_basis"], original) if "date_basis" in data else None
    )
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
        earliest=facts.earliest,
        latest=facts.latest,
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
