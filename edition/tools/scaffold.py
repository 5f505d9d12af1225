"""new-document: a new record written from its signature, valid from the start."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from edition.labels import label, language_name
from edition.model import Archive, Edition, Languages, Origin, Signature
from edition.model.documents import parse_document, parse_signature
from edition.problems import Problems, did_you_mean


class _Literal(str):
    """Written as a YAML block (|), as editors write quotations."""


class _Quoted(str):
    """Written in double quotes: '1920' must stay text, not become a number."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Literal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style="|")
)
_Dumper.add_representer(
    _Quoted, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style='"')
)


@dataclass(frozen=True)
class NewDocument:
    signature: str
    date: str
    date_as_printed: str
    text: str
    kind: str = "letter"
    senders: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    place: str | None = None
    original_language: str = "ru"
    archive: str | None = None  # its abbreviation; the edition's archive when it has one only


def render_record(new: NewDocument, signature: Signature, languages: Languages) -> str:
    """The record's YAML: the fields the editor gave, and 'unknown' for the rest, said in
    the edition's original language."""
    archive = signature.archive
    original = languages.original
    unknown: dict[str, dict[str, str]] = {}
    for name, given in (
        ("place", new.place is not None),
        ("senders", new.senders),
        ("recipients", new.recipients),
    ):
        if not given:  # a mapping of its own each: a shared one would be written as a YAML alias
            unknown[name] = {original: label(original, "new_document_not_given")}
    key = (
        "new_document_own_text" if new.original_language == original else "new_document_no_original"
    )
    unknown["original_text"] = {
        original: label(
            original,
            key,
            language=language_name(new.original_language, original),
            translation=language_name(original, original),
        )
    }
    data: dict[str, object] = {
        "id": signature.id,
        "archive": archive.abbreviation,
        "signature": new.signature,
        # A guess at the article's form, which the header asks the editor to check.
        "citation_as_printed": _Quoted(
            f"({archive.abbreviation}, {archive.name.text(original)}, {new.signature})"
        ),
        "kind": new.kind,
        "date": _Quoted(new.date),
        "date_as_printed": _Quoted(new.date_as_printed),
    }
    if new.place is not None:
        data["place"] = new.place
    data.update(
        {
            "senders": list(new.senders),
            "recipients": list(new.recipients),
            "original_language": new.original_language,
            "text": {original: _Literal(new.text.strip() + "\n")},
            "unknown": unknown,
        }
    )
    header = (
        f"# {new.signature}: written by `build_edition.py new-document`. Check every field\n"
        "# against the article; `citation_as_printed` must match the article's citation.\n"
    )
    return header + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=200)


def create_document(
    root: Path, edition: Edition | None, new: NewDocument
) -> tuple[Path | None, Problems]:
    """Write sources/documents/<id>.yaml unless it would be invalid or take a used id."""
    problems = Problems()
    origin = Origin("new-document", 1)
    if edition is None:
        problems.error(origin, "the edition's sources have errors: run 'check' and fix them first")
        return None, problems
    archive = _archive(edition, new, origin, problems)
    if archive is None:
        return None, problems
    signature = parse_signature(new.signature, archive, origin)
    if signature is None:
        problems.error(
            origin,
            f"signature '{new.signature}' is not of the form '{archive.example_signature()}' "
            f"({archive.abbreviation}'s signatures, as sources/edition.yaml gives them)",
        )
        return None, problems
    text = render_record(new, signature, edition.languages)
    record_id = yaml.safe_load(text)["id"]
    path = root / "sources" / "documents" / f"{record_id}.yaml"
    relative = path.relative_to(root).as_posix()
    taken = {d.id: d.origin for d in edition.documents}
    taken.update({alias: d.origin for d in edition.documents for alias in d.aliases})
    if path.exists() or record_id in taken:
        where = taken.get(record_id, Origin(relative, 1))
        problems.error(origin, f"id '{record_id}' exists already ({where}); nothing was written")
        return None, problems
    document = parse_document(text, relative, edition.languages, edition.info.archives, problems)
    if document is not None:
        people = {person.id for person in edition.people}
        for person_id in (*new.senders, *new.recipients):
            if person_id not in people:
                problems.error(
                    origin,
                    f"'{person_id}' is not a person id in sources/people.yaml"
                    f"{did_you_mean(person_id, people)}; add the person first",
                )
    if problems.errors or document is None:
        return None, problems
    path.write_text(text, encoding="utf-8")
    return path, problems


def _archive(
    edition: Edition, new: NewDocument, origin: Origin, problems: Problems
) -> Archive | None:
    """The new record's archive: the one named, or the edition's only one."""
    archives = {archive.abbreviation: archive for archive in edition.info.archives}
    if new.archive is None and len(archives) == 1:
        return next(iter(archives.values()))
    if new.archive is None:
        problems.error(origin, f"name the record's archive with --archive: {', '.join(archives)}")
        return None
    if new.archive not in archives:
        problems.error(
            origin,
            f"archive '{new.archive}' is not in sources/edition.yaml"
            f"{did_you_mean(new.archive, archives)}; its archives: {', '.join(archives)}",
        )
        return None
    return archives[new.archive]
