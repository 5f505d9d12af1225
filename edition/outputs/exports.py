"""Data downloads: the records as JSON (with its JSON Schema) and CSV, the people as JSON, the
works as BibTeX and CSL-JSON, the TEI files, and the Downloads page that lists every file with
its size and SHA-256. Pure: (Edition, site address) → text; keys sorted, no clock.

The data files are the same in both languages, so they are served once, from the site root
(`/veri/…`); each language's Downloads page links to them there.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import posixpath
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any

from bibtexparser import Library, write_string  # type: ignore[attr-defined]
from bibtexparser.model import Block, Entry, Field

from edition import urls
from edition.labels import label, language_name, named
from edition.memo import RenderMemory
from edition.model import Document, DocumentDate, Edition, Languages, LocalizedText, Person, Work
from edition.model.documents import document_schema
from edition.outputs import tei
from edition.outputs.filefacts import file_size, marker
from edition.render import alphabetical_key, citing_places, document_title, escape, escape_html
from edition.render.documentindexes import FULL_LIST_LIMIT
from edition.render.documentpages import CITATION_FILES, citation_file_src
from edition.sources.hygiene import spreadsheet_safe
from edition.urls import Paths

# The data files' names, in the data folder (`paths: data`).
DOCUMENTS_JSON = "documents.json"
DOCUMENTS_SCHEMA = "documents.schema.json"
DOCUMENTS_CSV = "documents.csv"
PEOPLE_JSON = "people.json"
REFERENCES_BIB = "references.bib"
REFERENCES_JSON = "references.json"
DATA_FILES = (
    # (path from the site root, label key of its description, format)
    (DOCUMENTS_JSON, "dl_documents_json", "JSON"),
    (DOCUMENTS_SCHEMA, "dl_documents_schema", "JSON Schema 2020-12"),
    (DOCUMENTS_CSV, "dl_documents_csv", "CSV (RFC 4180, UTF-8)"),
    (PEOPLE_JSON, "dl_people_json", "JSON"),
    (REFERENCES_BIB, "dl_references_bib", "BibTeX"),
    (REFERENCES_JSON, "dl_references_json", "CSL-JSON"),
)


def edition_citation_stems(paths: Paths) -> tuple[tuple[str, str], ...]:
    """The stems of the article's and the edition's citation files, each with its label."""
    return ((paths.article, "cite_article"), (paths.edition, "cite_edition"))


def root_url(base_url: str, lang: str, languages: Languages) -> str:
    """The address of the site root, from the address of one language's site."""
    root = base_url.removesuffix(urls.language_prefix(languages, lang)) if base_url else ""
    return root if not root or root.endswith("/") else root + "/"


def data_sources(edition: Edition) -> list[str]:
    """The paths of every data file, from the site root, in a stable order."""
    return [edition.paths.data_src(name) for name, _key, _format in DATA_FILES] + tei.tei_sources(
        edition
    )


def render_data_files(
    edition: Edition, root: str, memory: RenderMemory | None = None
) -> dict[str, str]:
    """Every data file, keyed by its path from the site root; `root` is the site's address.
    With a `memory`, TEI made in the last build is reused where its inputs did not change."""
    # Without a public address, the data files (all in veri/) name pages relative to it.
    here = root or "../"
    memory = memory if memory is not None else RenderMemory()
    parts = record_parts(edition, here, memory)
    files = {
        DOCUMENTS_JSON: render_documents_json(edition, here, parts),
        DOCUMENTS_SCHEMA: _json(documents_schema(edition, here)),
        DOCUMENTS_CSV: render_documents_csv(edition, here, parts),
        PEOPLE_JSON: _json(people_data(edition, here)),
        REFERENCES_BIB: render_references_bib(edition),
        REFERENCES_JSON: _json(references_csl(edition)),
    }
    files = {edition.paths.data_src(name): text for name, text in files.items()}
    files.update(tei.render_tei_files(edition, root, memory))
    return files


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _texts(text: LocalizedText) -> dict[str, str]:
    return dict(text.values)


def _iso(day: tuple[int, int, int]) -> str:
    return f"{day[0]:04d}-{day[1]:02d}-{day[2]:02d}"


def _page_urls(root: str, src: str, languages: Languages) -> dict[str, str]:
    return {lang: root + urls.site_path(src, lang, languages) for lang in languages}


# --- documents.json and its schema ------------------------------------------------------


def _date(date: DocumentDate) -> dict[str, Any]:
    return {
        "edtf": date.edtf,
        "as_printed": date.as_printed,
        "precision": date.precision.value,
        "earliest": _iso(date.earliest),
        "latest": _iso(date.latest),
        "uncertain": date.uncertain,
        "year_uncertain": date.year_uncertain,
        "basis": _texts(date.basis) if date.basis is not None else None,
    }


def document_data(edition: Edition, document: Document, root: str) -> dict[str, Any]:
    """One record as published: every field of the model, unknowns null with their reasons."""
    signature = document.signature
    return {
        "id": document.id,
        "url": _page_urls(root, edition.paths.document_src(document.id), edition.languages),
        "tei": root + edition.paths.tei_src(document.id),
        "title": {lang: document_title(edition, document, lang) for lang in edition.languages},
        "archive": document.archive,
        "signature": {
            "as_printed": signature.as_printed,
            "fond": signature.fond,
            "opis": signature.opis,
            "delo": signature.delo,
            "list": signature.list,
            "list_part": signature.list_part,
            "english": signature.english,
            "russian": signature.russian,
        },
        "citation_as_printed": document.citation_as_printed,
        "kind": document.kind,
        "date": _date(document.date),
        "place": document.place,
        "senders": list(document.senders),
        "recipients": list(document.recipients),
        "recipient_groups": [_texts(group) for group in document.recipient_groups],
        "original_language": document.original_language,
        "text": {lang: "\n\n".join(tei.paragraphs(text)) for lang, text in document.text.values},
        "unknown": {name: _texts(reason) for name, reason in document.unknown},
        "aliases": list(document.aliases),
    }


def _edition_data(edition: Edition, root: str) -> dict[str, Any]:
    return {
        "title": _texts(edition.info.title),
        "author": edition.info.author,
        "version": edition.info.version,
        "date": edition.info.date,
        "url": root,
    }


def documents_data(edition: Edition, root: str) -> dict[str, Any]:
    """documents.json as data (the file itself is joined from the records' parts)."""
    return {
        **documents_data_envelope(edition, root),
        "documents": [document_data(edition, d, root) for d in edition.documents],
    }


@dataclass(frozen=True)
class RecordPart:
    """One record's share of the files that list every record: its entry of documents.json,
    as it stands in the list, and its row of documents.csv."""

    json: str
    csv: str


def record_parts(edition: Edition, root: str, memory: RenderMemory) -> list[RecordPart]:
    """Every record's part, in the records' order. Each is made once and kept while its
    record and the people it names are unchanged: an edit to one record remakes one part, and
    the files are joined from the parts."""
    remembered = memory.record_parts
    remembered.begin((root, edition.info, edition.languages))
    return [
        remembered.get(
            document.id,
            (document, edition.people_of(document)),
            partial(_record_part, edition, document, root),
        )
        for document in edition.documents
    ]


def _record_part(edition: Edition, document: Document, root: str) -> RecordPart:
    data = document_data(edition, document, root)
    # As json.dumps(indent=2) writes an item of a list that is a value of the top object.
    entry = textwrap.indent(_json(data).rstrip("\n"), "    ")
    return RecordPart(entry, _csv_row(edition, document, data))


# json.dumps escapes a NUL, which no value holds unescaped: a safe stand-in for the list.
_LISTED = "\0records\0"


def render_documents_json(edition: Edition, root: str, parts: list[RecordPart]) -> str:
    """documents.json, the same bytes as `_json(documents_data(...))`, joined from the
    records' parts."""
    envelope = documents_data_envelope(edition, root)
    text = _json({**envelope, "documents": _LISTED})
    listed = "[\n" + ",\n".join(part.json for part in parts) + "\n  ]" if parts else "[]"
    return text.replace(json.dumps(_LISTED), listed, 1)


def documents_data_envelope(edition: Edition, root: str) -> dict[str, Any]:
    """documents.json without its records."""
    return {
        "$schema": root + edition.paths.data_src(DOCUMENTS_SCHEMA),
        "edition": _edition_data(edition, root),
    }


def _texts_schema(languages: Languages) -> dict[str, Any]:
    return {
        "type": "object",
        "description": f"A text per language: '{languages.original}' is the original (the "
        "article's)"
        + "".join(f", '{lang}' the edition's translation" for lang in languages.translations)
        + ".",
        "properties": {lang: {"type": "string"} for lang in languages},
        "required": [languages.original],
        "additionalProperties": False,
    }


# The fields a record may say are not known: the record schema's list.
_UNKNOWABLE = tuple(document_schema()["properties"]["unknown"]["propertyNames"]["enum"])


def documents_schema(edition: Edition, root: str) -> dict[str, Any]:
    """The JSON Schema of documents.json: what each field means, and where null is allowed
    (only where the record says under `unknown` why the value is not known)."""
    languages = edition.languages
    string = {"type": "string"}
    record = document_schema()  # the input's declarations, which the output repeats
    date = {"type": "string", "format": "date"}
    return _all_required(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": root + edition.paths.data_src(DOCUMENTS_SCHEMA),
            "title": "Archival documents of the edition",
            "description": "Every record of the edition, generated from the same model as its "
            "pages. Nothing is guessed: a value that is not known is null (or an empty list) and "
            "the record's 'unknown' says why.",
            "type": "object",
            "required": ["$schema", "edition", "documents"],
            "additionalProperties": False,
            "$defs": {"texts": _texts_schema(languages)},
            "properties": {
                "$schema": string,
                "edition": {
                    "type": "object",
                    "required": ["title", "author", "version", "date", "url"],
                    "additionalProperties": False,
                    "properties": {
                        "title": {"$ref": "#/$defs/texts"},
                        "author": string,
                        "version": {"type": "string", "pattern": r"^\d+\.\d+\.\d+$"},
                        "date": date,
                        "url": string,
                    },
                },
                "documents": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "id": {
                                "type": "string",
                                "pattern": record["properties"]["id"]["pattern"],
                                "description": "Derived from the signature; stable once published.",
                            },
                            "url": {
                                "type": "object",
                                "description": "The document's page in each language.",
                                "properties": {lang: string for lang in languages},
                                "required": list(languages),
                                "additionalProperties": False,
                            },
                            "tei": {**string, "description": "The document's TEI P5 file."},
                            "title": {"$ref": "#/$defs/texts"},
                            "archive": {**string, "description": "As the article abbreviates it."},
                            "signature": {
                                "type": "object",
                                "additionalProperties": False,
                                "properties": {
                                    "as_printed": {
                                        **string,
                                        "description": "Exactly as the article prints it.",
                                    },
                                    "fond": string,
                                    "opis": string,
                                    "delo": string,
                                    "list": {
                                        **string,
                                        "description": "The sheet (list), as printed.",
                                    },
                                    "list_part": {
                                        "type": ["string", "null"],
                                        "description": "A part in parentheses after the sheet; "
                                        "what it means is not known.",
                                    },
                                    "english": {
                                        "type": ["string", "null"],
                                        "description": "Null where the archive has no "
                                        "English form.",
                                    },
                                    "russian": {
                                        "type": ["string", "null"],
                                        "description": "Null where the archive has no "
                                        "Russian form.",
                                    },
                                },
                            },
                            "citation_as_printed": string,
                            "kind": {"enum": record["properties"]["kind"]["enum"]},
                            "date": {
                                "type": "object",
                                "additionalProperties": False,
                                "properties": {
                                    "edtf": {**string, "description": "Library of Congress EDTF."},
                                    "as_printed": string,
                                    "precision": {"enum": ["year", "month", "day"]},
                                    "earliest": date,
                                    "latest": date,
                                    "uncertain": {"type": "boolean"},
                                    "year_uncertain": {"type": "boolean"},
                                    "basis": {
                                        "oneOf": [{"$ref": "#/$defs/texts"}, {"type": "null"}],
                                        "description": "Why the date is uncertain or how part of "
                                        "it was inferred.",
                                    },
                                },
                            },
                            "place": {
                                "type": ["string", "null"],
                                "description": "Null when not known; 'unknown.place' says why.",
                            },
                            "senders": {
                                "type": "array",
                                "items": string,
                                "description": "Ids in people.json; empty when not known.",
                            },
                            "recipients": {"type": "array", "items": string},
                            "recipient_groups": {
                                "type": "array",
                                "items": {"$ref": "#/$defs/texts"},
                            },
                            "original_language": {"type": "string", "pattern": "^[a-z]{2}$"},
                            "text": {"$ref": "#/$defs/texts"},
                            "unknown": {
                                "type": "object",
                                "description": "What is not known about the document, with why.",
                                "propertyNames": {"enum": list(_UNKNOWABLE)},
                                "additionalProperties": {"$ref": "#/$defs/texts"},
                            },
                            "aliases": {"type": "array", "items": string},
                        },
                    },
                },
            },
        }
    )


def _all_required(schema: dict[str, Any]) -> dict[str, Any]:
    """Every property of every object in the schema required (unless it says otherwise):
    a field that is not known is there as null, never left out."""
    if "properties" in schema and "required" not in schema:
        schema["required"] = list(schema["properties"])
    for value in schema.values():
        if isinstance(value, dict):
            _all_required(value)
    return schema


# --- documents.csv ----------------------------------------------------------------------


def csv_columns(languages: Languages) -> tuple[str, ...]:
    """The columns of documents.csv: a column per language for each text, in the edition's
    order of languages (the original first)."""

    def each(name: str) -> tuple[str, ...]:
        return tuple(f"{name}_{lang}" for lang in languages)

    return (
        "id", *each("url"), "tei", "archive", "signature", "fond", "opis", "delo", "list",
        "list_part", "signature_en", "signature_ru", "citation_as_printed", "kind", "date_edtf",
        "date_as_printed", "date_precision", "date_earliest", "date_latest", "date_uncertain",
        *each("date_basis"), "place", "senders", "recipients", *each("recipient_groups"),
        "original_language", *each("text"), "unknown", *each("unknown"), "aliases",
    )  # fmt: skip


def render_documents_csv(edition: Edition, root: str, parts: list[RecordPart]) -> str:
    """One row a record; lists joined with '; '. An empty cell is not known: `unknown` names
    the fields, `unknown_<language>` says why. No cell starts a spreadsheet formula."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=csv_columns(edition.languages), lineterminator="\r\n")
    writer.writeheader()
    return out.getvalue() + "".join(part.csv for part in parts)


def _csv_row(edition: Edition, document: Document, data: dict[str, Any]) -> str:
    out = io.StringIO()
    languages = edition.languages
    writer = csv.DictWriter(out, fieldnames=csv_columns(languages), lineterminator="\r\n")
    signature, date = data["signature"], data["date"]
    basis = date["basis"] or {}
    row = {
        "id": document.id,
        **{f"url_{lang}": data["url"][lang] for lang in languages},
        "tei": data["tei"],
        "archive": document.archive,
        "signature": signature["as_printed"],
        **{name: signature[name] or "" for name in ("fond", "opis", "delo", "list")},
        "list_part": signature["list_part"] or "",
        "signature_en": signature["english"] or "",
        "signature_ru": signature["russian"] or "",
        "citation_as_printed": document.citation_as_printed,
        "kind": document.kind,
        "date_edtf": date["edtf"],
        "date_as_printed": date["as_printed"],
        "date_precision": date["precision"],
        "date_earliest": date["earliest"],
        "date_latest": date["latest"],
        "date_uncertain": "yes" if date["uncertain"] or date["year_uncertain"] else "no",
        **{f"date_basis_{lang}": basis.get(lang, "") for lang in languages},
        "place": document.place or "",
        "senders": "; ".join(document.senders),
        "recipients": "; ".join(document.recipients),
        **{
            f"recipient_groups_{lang}": "; ".join(g.text(lang) for g in document.recipient_groups)
            for lang in languages
        },
        "original_language": document.original_language,
        **{f"text_{lang}": data["text"].get(lang, "") for lang in languages},
        "unknown": "; ".join(name for name, _ in document.unknown),
        **{
            f"unknown_{lang}": "\n".join(
                f"{name}: {reason.get(lang) or ''}" for name, reason in document.unknown
            )
            for lang in languages
        },
        "aliases": "; ".join(document.aliases),
    }
    writer.writerow({name: spreadsheet_safe(str(cell)) for name, cell in row.items()})
    return out.getvalue()


# --- people.json ------------------------------------------------------------------------


def person_data(edition: Edition, person: Person, root: str) -> dict[str, Any]:
    return {
        "id": person.id,
        "url": {
            lang: f"{url}#{person.id}"
            for lang, url in _page_urls(root, edition.paths.people_page, edition.languages).items()
        },
        "name": person.name,
        "full_name": person.full_name,
        "english": person.english,
        "russian": person.russian,
        "role": _texts(person.role),
        "facts": [_texts(fact) for fact in person.facts],
        "mentions": list(person.mentions),
        "documents_sent": [d.id for d in edition.documents if person.id in d.senders],
        "documents_received": [d.id for d in edition.documents if person.id in d.recipients],
    }


def people_data(edition: Edition, root: str) -> dict[str, Any]:
    return {
        "edition": _edition_data(edition, root),
        "note": "What is said of each person is taken from the article only; 'russian' is null "
        "where no established Russian form is known.",
        "people": [person_data(edition, p, root) for p in sorted(edition.people, key=_by_id)],
    }


def _by_id(person: Person) -> str:
    return person.id


# --- the bibliography -------------------------------------------------------------------


def _sorted_works(edition: Edition) -> list[Work]:
    return sorted(edition.works, key=lambda w: (alphabetical_key(w.label, edition.original), w.key))


def render_references_bib(edition: Edition) -> str:
    """The works cited as BibTeX: each entry with the fields the source gives, nothing more
    (`status = {incomplete}` where the full reference is not known)."""
    entries: list[Block] = [
        Entry(work.entry_type, work.key, [Field(name, value) for name, value in work.fields])
        for work in _sorted_works(edition)
    ]
    return str(write_string(Library(entries)))


_CSL_TYPES = {"online": "webpage", "book": "book", "article": "article-journal"}
_CSL_FIELDS = {
    "title": "title", "journal": "container-title", "booktitle": "container-title",
    "volume": "volume", "number": "issue", "pages": "page", "publisher": "publisher",
    "address": "publisher-place", "doi": "DOI", "url": "URL", "language": "language",
}  # fmt: skip


def work_csl(edition: Edition, work: Work) -> dict[str, Any]:
    """A work as a CSL-JSON item. An incomplete one carries only what the article gives: the
    name it cites the work by (`citation-label`) and, under `custom`, the pages it cites."""
    fields = dict(work.fields)
    item: dict[str, Any] = {
        "id": work.key,
        "type": _CSL_TYPES.get(work.entry_type, "document"),
        "citation-label": work.label,
    }
    for name, variable in _CSL_FIELDS.items():
        if fields.get(name):
            item[variable] = fields[name]
    for name in ("author", "editor"):
        if fields.get(name):
            item[name] = [{"literal": n.strip()} for n in fields[name].split(" and ")]
    if fields.get("year"):
        item["issued"] = (
            {"date-parts": [[int(fields["year"])]]}
            if fields["year"].isdigit()
            else {"literal": fields["year"]}
        )
    pages: list[str] = []
    for place in citing_places(edition, work.key, edition.original):
        if place.locator and place.locator not in pages:
            pages.append(place.locator)
    item["custom"] = {
        "status": "complete" if work.complete else "incomplete",
        "pages_cited": pages,
    }
    if not work.complete:
        item["note"] = label("en", "incomplete")
    return item


def references_csl(edition: Edition) -> list[dict[str, Any]]:
    return [work_csl(edition, work) for work in _sorted_works(edition)]


# --- the Downloads page -----------------------------------------------------------------


@dataclass(frozen=True)
class Download:
    path: str  # from the site root, with the language prefix where there is one
    description: str
    format: str
    content: str
    made_later: bool = False  # made after the pages (the books): its facts are filled in then

    @cached_property
    def _bytes(self) -> bytes:
        return self.content.encode("utf-8")

    @property
    def size(self) -> int:
        return len(self._bytes)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self._bytes).hexdigest()


def downloads(
    edition: Edition, lang: str, data: Mapping[str, str], citation_files: Mapping[str, str]
) -> dict[str, list[Download]]:
    """What the Downloads page lists, by section: `data` are the data files by path from the
    site root, `citation_files` the language's own citation files by source path."""
    sections: dict[str, list[Download]] = {
        "pdf": [],
        "epub": [],
        "data": [],
        "tei": [],
        "citations": [],
    }
    # The books are made from the built pages, after them: their facts are filled in then.
    books = (("pdf", urls.pdf_path, "PDF"), ("epub", urls.epub_path, "EPUB 3"))
    for section, book_path, book_format in books:
        for other in sorted(edition.languages, key=lambda code: code != lang):  # this one first
            description = label(lang, f"dl_{section}", language=language_name(other, lang))
            sections[section].append(
                Download(book_path(edition, other), description, book_format, "", made_later=True)
            )
    for name, key, file_format in DATA_FILES:
        path = edition.paths.data_src(name)
        sections["data"].append(Download(path, label(lang, key), file_format, data[path]))
    sections["tei"].append(
        Download(
            edition.paths.article_tei,
            named(lang, "dl_article_tei", edition.languages),
            "TEI P5",
            data[edition.paths.article_tei],
        )
    )
    # Each document's TEI is linked from its page and named in documents.json; the list here
    # stops where a page of thousands of rows would stop being a list anyone reads.
    listed = edition.documents if len(edition.documents) <= FULL_LIST_LIMIT else ()
    for document in sorted(listed, key=lambda d: d.signature.normalised):
        path = edition.paths.tei_src(document.id)
        title = document_title(edition, document, lang)
        sections["tei"].append(Download(path, title, "TEI P5", data[path]))
    prefix = urls.language_prefix(edition.languages, lang)
    for stem, key in edition_citation_stems(edition.paths):
        for name, extension in CITATION_FILES:
            src = citation_file_src(edition.paths.how_to_cite_page, stem, extension)
            sections["citations"].append(
                Download(prefix + src, label(lang, key), name, citation_files[src])
            )
    return sections


def render_downloads_page(edition: Edition, lang: str, sections: dict[str, list[Download]]) -> str:
    """The Downloads page: every file with its format, size in bytes and SHA-256."""
    here = urls.site_path(edition.paths.downloads_page, lang, edition.languages)
    out = [f"# {label(lang, 'downloads')}", "", escape(label(lang, "downloads_intro")), ""]
    for section in sections:
        out += [f"## {label(lang, f'downloads_{section}')}", ""]
        note = named(
            lang,
            f"downloads_{section}_note",
            edition.languages,
            version=tei.TEI_VERSION,
            codes=", ".join(edition.languages),
        )
        if note:
            out += [escape(note), ""]
        out += [
            f"| {label(lang, 'dl_file')} | {label(lang, 'dl_contents')} "
            f"| {label(lang, 'dl_format')} | {label(lang, 'dl_size')} | SHA-256 |",
            "| --- | --- | --- | ---: | --- |",
        ]
        for item in sections[section]:
            href = posixpath.relpath(item.path, here.rstrip("/") or ".")
            name = posixpath.basename(item.path)
            size, sha256 = file_size(item.size, lang), item.sha256
            if item.made_later:
                size, sha256 = marker(item.path, "size", lang), marker(item.path, "sha256", lang)
            out.append(
                f'| <a href="{escape_html(href)}" download>'
                f'<code class="ed-file">{escape_html(name)}</code></a> '
                f"| {escape(item.description)} | {escape(item.format)} | {size} "
                f'| <code class="ed-sha256">{sha256}</code> |'
            )
        out.append("")
    return "\n".join(out)
