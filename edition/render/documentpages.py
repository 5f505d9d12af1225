"""Document pages and the documents list: the record laid out for the `document.html` template,
with its "cite this" block, its citation files and its head metadata."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from edition import urls
from edition.labels import KIND_NAMES, LANGUAGE_NAMES, UNKNOWN_FIELD_NAMES, label, text_note
from edition.model import Archive, Document, Edition
from edition.outputs import cite, csl
from edition.outputs.metadata import HeadMetadata, document_metadata
from edition.render import (
    citing_places,
    document_heading,
    document_title,
    escape,
    escape_html,
    render_date,
)
from edition.render.parallel import render_parallel_document_text

CITATION_FILES = (("BibTeX", "bib"), ("RIS", "ris"), ("CSL-JSON", "json"))


def citation_file_src(page_src: str, stem: str, extension: str) -> str:
    """Where a page's citation files live: beside the page's HTML, e.g. belgeler/<id>/atif.bib."""
    folder = urls.src_to_url(page_src)
    return f"{folder}{stem}.{extension}"


@dataclass(frozen=True)
class CitationFiles:
    bib: str
    ris: str
    json: str


def citation_files(
    item: dict[str, Any], lang: str, version_note: str | None = None
) -> CitationFiles:
    """The item's BibTeX, RIS and CSL-JSON files; once the version is released, they name it
    and the page's frozen address (`version_note`)."""
    item = cite.with_version_note(item, version_note)
    return CitationFiles(cite.to_bibtex(item, lang), cite.to_ris(item), cite.to_csl_json(item))


def version_note(edition: Edition, lang: str, src: str, base_url: str) -> str | None:
    """What the citation files of a page say of its version, once the version is released."""
    url = cite.frozen_page_url(edition, lang, src, base_url)
    if url is None:
        return None
    return label(lang, "cite_file_version", version=edition.info.version, url=url)


def cite_block(
    item: dict[str, Any], heading: str, file_stem: str, edition: Edition, lang: str
) -> dict[str, Any]:
    """What the cite-this partial shows: every style, the version, and the files."""
    return {
        "heading": heading,
        "version_note": label(
            lang, "cite_version", version=edition.info.version, date=edition.info.date
        ),
        "styles": [
            {"id": f"{file_stem}-{c.style}", "label": c.label, "html": c.html, "text": c.text}
            for c in csl.format_item(item, lang)
        ],
        "files": [
            {"label": name, "href": f"{file_stem}.{extension}"}
            for name, extension in CITATION_FILES
        ],
        "files_label": label(lang, "cite_files"),
        "copy_label": label(lang, "copy"),
        "copied_label": label(lang, "copied"),
    }


def head(metadata: HeadMetadata) -> dict[str, Any]:
    return {
        "tags": [{"name": n, "content": c} for n, c in metadata.tags],
        "jsonld": metadata.jsonld,
    }


def archive_name(archive: Archive, lang: str, original: str) -> str:
    """'Russian State Archive of Socio-Political History (RGASPI), Moscow'."""
    return (
        f"{archive.name.text(lang)} ({cite.archive_abbreviation(archive, lang, original)}), "
        f"{archive.place.text(lang)}"
    )


def _row(
    name: str,
    value: str = "",
    note: str = "",
    *,
    unknown: bool = False,
    lang: str = "",
    items: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """One row of the record table; `items` are linked values (people), shown instead."""
    return {
        "label": name,
        "value": value,
        "note": note,
        "unknown": unknown,
        "lang": lang,
        "entries": items or [],
    }


def _people(edition: Edition, ids: tuple[str, ...], lang: str, src: str) -> list[dict[str, str]]:
    """People as linked items: the name, their role in the article's words, their entry."""
    people = []
    for person_id in ids:
        person = edition.person(person_id)
        if person is not None:
            role = person.role.text(lang)
            people.append(
                {
                    "text": person.full_name if lang == edition.original else person.english,
                    "note": role,
                    # site-relative; the template makes it relative to the page
                    "href": f"{urls.src_to_url(edition.paths.people_page)}#{person.id}",
                }
            )
    return people


def record_rows(edition: Edition, document: Document, lang: str) -> list[dict[str, Any]]:
    """The record's fields as label / value rows, plain text (the template escapes)."""
    unknown = dict(document.unknown)

    def missing(name: str) -> dict[str, Any]:
        reason = unknown.get(name)
        return _row(
            UNKNOWN_FIELD_NAMES.get(lang, UNKNOWN_FIELD_NAMES[edition.original])[name],
            label(lang, "unknown"),
            reason.text(lang) if reason else "",
            unknown=True,
        )

    signature = document.signature
    date = document.date
    rows = [
        _row(label(lang, "archive"), archive_name(signature.archive, lang, edition.original)),
        _row(label(lang, "signature_printed"), signature.as_printed),
    ]
    if signature.english is not None:
        rows.append(_row(label(lang, "signature_en"), signature.english, lang="en"))
    if signature.russian is not None:
        rows.append(_row(label(lang, "signature_ru"), signature.russian, lang="ru"))
    rows += [
        _row(
            label(lang, "date"),
            render_date(date, lang),
            f"{label(lang, 'date_printed')}: “{date.as_printed}”; "
            f"{label(lang, 'date_edtf')}: {date.edtf}",
        ),
    ]
    if date.basis is not None:
        rows.append(_row(label(lang, "date_basis"), date.basis.text(lang)))
    rows.append(_row(label(lang, "place"), document.place) if document.place else missing("place"))
    src = edition.paths.document_src(document.id)
    senders = _people(edition, document.senders, lang, src)
    rows.append(_row(label(lang, "senders"), items=senders) if senders else missing("senders"))
    recipients = _people(edition, document.recipients, lang, src)
    recipients += [
        {"text": group.text(lang), "note": "", "href": ""} for group in document.recipient_groups
    ]
    rows.append(
        _row(label(lang, "recipients"), items=recipients) if recipients else missing("recipients")
    )
    rows += [
        _row(
            label(lang, "kind"), KIND_NAMES.get(lang, KIND_NAMES[edition.original])[document.kind]
        ),
        _row(
            label(lang, "language"),
            LANGUAGE_NAMES.get(lang, LANGUAGE_NAMES[edition.original]).get(
                document.original_language, document.original_language
            ),
            f"{label(lang, 'inference')}: {document.original_language_basis.text(lang)}"
            if document.original_language_basis
            else "",
        ),
        _row(label(lang, "citation_printed"), document.citation_as_printed),
    ]
    return rows


def render_document_page(
    edition: Edition,
    document: Document,
    lang: str,
    base_url: str,
    previous: Document | None,
    following: Document | None,
) -> tuple[str, dict[str, Any], CitationFiles]:
    """The page's Markdown body, the template's data, and the citation files."""
    src = edition.paths.document_src(document.id)
    title = document_title(edition, document, lang)
    item = cite.document_item(edition, document, lang, base_url)
    heading = document_heading(edition, document, lang)
    article = cite.article_item(edition, lang, base_url)
    whole = cite.edition_item(edition, lang, base_url)
    note = text_note(document.original_language, lang, edition.languages)
    out = [
        f"## {label(lang, 'text')}",
        "",
        f'<p class="ed-text-note">{escape_html(note)}</p>',
        "",
        render_parallel_document_text(edition, document, lang),
        "",
        f"## {label(lang, 'quoted_in')}",
        "",
    ]
    for place in citing_places(edition, document.id, lang):
        target = urls.link(src, place.chapter.path, place.anchor)
        out.append(f"- [{place.text(lang)}, {escape(place.chapter.title)}]({target})")
    if document.unknown:
        out += ["", f"## {label(lang, 'not_known')}", ""]
        names = UNKNOWN_FIELD_NAMES.get(lang, UNKNOWN_FIELD_NAMES[edition.original])
        for name, reason in document.unknown:
            out.append(f"- **{names[name]}:** {escape(reason.text(lang))}")
    neighbours = []
    if previous is not None:
        neighbours.append(
            f"[← {label(lang, 'previous')}: {escape(document_title(edition, previous, lang))}]"
            f"({urls.link(src, edition.paths.document_src(previous.id))})"
        )
    if following is not None:
        neighbours.append(
            f"[{label(lang, 'next')}: {escape(document_title(edition, following, lang))} →]"
            f"({urls.link(src, edition.paths.document_src(following.id))})"
        )
    if neighbours:
        out += ["", '<nav class="ed-neighbours" markdown>', "", *(f"- {n}" for n in neighbours)]
        out += ["", "</nav>"]
    meta = {
        "template": "document.html",
        # Material prints page titles as they are, in <title> and the header: make it HTML.
        "title": html.escape(title, quote=True),
        "description": f"{heading} ({item['archive']}, {item['archive_location']})",
        "edition": {
            "record": record_rows(edition, document, lang),
            "cite": cite_block(
                item, label(lang, "cite_document"), edition.paths.citation_files, edition, lang
            ),
            "head": head(document_metadata(item, document, heading, article, whole)),
        },
    }
    files = citation_files(item, lang, version_note(edition, lang, src, base_url))
    return "\n".join(out) + "\n", meta, files
