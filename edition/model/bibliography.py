"""Works cited: sources/references.bib, read with bibtexparser v2, becomes `Work` records."""

from __future__ import annotations

import logging

from bibtexparser import parse_string  # type: ignore[attr-defined]
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, ParsingFailedBlock

from edition.model import Origin, Work
from edition.problems import Problems, did_you_mean
from edition.sources.hygiene import web_address_problem

KNOWN_FIELDS = (
    "shorthand", "status", "url", "note", "author", "editor", "title", "booktitle",
    "journal", "volume", "number", "pages", "publisher", "address", "year", "doi",
    "language", "urldate",
)  # fmt: skip
STATUSES = ("incomplete", "complete")
ENTRY_TYPES = ("misc", "online", "book", "article", "incollection", "inbook", "thesis")


def parse_bibliography(text: str, path: str, problems: Problems) -> list[Work]:
    """Parse the .bib text; every malformed, duplicate or incomplete entry is a problem."""
    # bibtexparser logs its own account of a failed block; ours names file and line instead.
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    library = parse_string(text)
    for block in library.failed_blocks:
        origin = Origin(path, (block.start_line or 0) + 1)
        if isinstance(block, DuplicateBlockKeyBlock):
            problems.error(origin, f"two entries have the key '{block.key}'; keys must be unique")
        elif isinstance(block, ParsingFailedBlock):
            raw = (block.raw or "").strip()
            first_line = raw.splitlines()[0] if raw else ""
            problems.error(
                origin,
                f"malformed BibTeX entry '{first_line}': check its braces, commas and the "
                "'@type{key,' opening",
            )
    works = []
    for entry in library.entries:
        work = _parse_entry(entry, path, problems)
        if work is not None:
            works.append(work)
    return works


def _parse_entry(entry: Entry, path: str, problems: Problems) -> Work | None:
    origin = Origin(path, (entry.start_line or 0) + 1)
    fields = {f.key.lower(): str(f.value).strip() for f in entry.fields}
    ok = True
    if entry.entry_type.lower() not in ENTRY_TYPES:
        problems.error(
            origin,
            f"entry '{entry.key}' has the unknown type @{entry.entry_type}; "
            f"use one of: {', '.join('@' + t for t in ENTRY_TYPES)}",
        )
        ok = False
    for name in fields:
        if name not in KNOWN_FIELDS:
            problems.error(
                origin,
                f"entry '{entry.key}' has the unknown field '{name}'"
                f"{did_you_mean(name, KNOWN_FIELDS)}; allowed fields: {', '.join(KNOWN_FIELDS)}",
            )
            ok = False
    status = fields.get("status")
    if status not in STATUSES:
        problems.error(
            origin,
            f"entry '{entry.key}' needs 'status = {{incomplete}}' (only what the article gives "
            f"is known) or 'status = {{complete}}'" + (f", not '{status}'" if status else ""),
        )
        ok = False
    for field in entry.fields:
        reason = (
            web_address_problem(fields[field.key.lower()]) if field.key.lower() == "url" else None
        )
        if reason is not None:
            problems.error(
                Origin(path, (field.start_line or 0) + 1),
                f"entry '{entry.key}': url {reason}",
            )
            ok = False
    label = fields.get("shorthand") or fields.get("url")
    if not label:
        problems.error(
            origin,
            f"entry '{entry.key}' needs 'shorthand' (the name or title exactly as the article "
            "cites it) or, for a web page, 'url'",
        )
        ok = False
    if status == "complete":
        missing = [f for f in ("title", "year") if not fields.get(f)]
        if not (fields.get("author") or fields.get("editor")):
            missing.insert(0, "author")
        if missing:
            problems.error(
                origin,
                f"entry '{entry.key}' is marked complete but lacks {', '.join(missing)}",
            )
            ok = False
    if not ok or label is None:
        return None
    return Work(
        key=entry.key,
        entry_type=entry.entry_type.lower(),
        label=label,
        complete=status == "complete",
        url=fields.get("url"),
        fields=tuple(sorted(fields.items())),
        origin=origin,
    )
