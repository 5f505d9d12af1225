"""The ways into the documents that stay usable with thousands of them: the documents page
lists the archive's files (fond / opis / delo) and the years, each with a page of its own; a
file's page lists its documents by sheet, a year's page by month. Pure: model in, Markdown out.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import partial
from itertools import groupby

from babel.dates import format_date

from edition import urls
from edition.labels import label
from edition.memo import Parts, fresh
from edition.model import Document, Edition
from edition.outputs import cite
from edition.render import document_title, documents_by_date, escape, render_date
from edition.urls import Paths

# Up to this many documents the documents page also lists them all, as a reader of a short
# edition expects; beyond it the files and years lead to them.
FULL_LIST_LIMIT = 100


def archive_file_key(document: Document) -> tuple[int, int, int]:
    fond, opis, delo, _sheet = document.signature.normalised
    return fond, opis, delo


def archive_file_page(paths: Paths, key: tuple[int, int, int]) -> str:
    """The page of an archive file: fond-opis-delo."""
    return paths.archive_file_src("-".join(str(part) for part in key))


def year_of(document: Document) -> int:
    return document.date.earliest[0]


def index_sources(edition: Edition) -> list[str]:
    """The source paths of the file and year pages, known without rendering them."""
    files = sorted({archive_file_key(d) for d in edition.documents})
    years = sorted({year_of(d) for d in edition.documents})
    return [archive_file_page(edition.paths, key) for key in files] + [
        edition.paths.year_src(year) for year in years
    ]


def render_index_pages(edition: Edition, lang: str, parts: Parts = fresh) -> dict[str, str]:
    """The documents page, a page per archive file and a page per year, keyed by source. A
    file's or a year's page is made from its records and the people they name; the documents
    page from the records' signatures and dates (and, for a short edition, the records)."""
    listed = len(edition.documents) <= FULL_LIST_LIMIT
    pages = {
        edition.paths.documents_index: parts(
            ("documents",),
            (
                tuple((d.id, d.signature, d.date) for d in edition.documents),
                tuple((d, edition.people_of(d)) for d in edition.documents) if listed else (),
            ),
            partial(render_documents_page, edition, lang),
        )
    }
    by_signature = sorted(edition.documents, key=lambda d: d.signature.normalised)
    for key, group in groupby(by_signature, key=archive_file_key):
        documents = list(group)
        pages[archive_file_page(edition.paths, key)] = parts(
            ("file", key),
            tuple((d, edition.people_of(d)) for d in documents),
            partial(_render_archive_file, edition, key, documents, lang),
        )
    for year, group in groupby(documents_by_date(edition), key=year_of):
        documents = list(group)
        pages[edition.paths.year_src(year)] = parts(
            ("year", year),
            tuple((d, edition.people_of(d)) for d in documents),
            partial(_render_year, edition, year, documents, lang),
        )
    return pages


def render_documents_page(edition: Edition, lang: str) -> str:
    src = edition.paths.documents_index
    out = [f"# {label(lang, 'documents_index')}", "", label(lang, "documents_intro"), ""]
    out += [f"## {label(lang, 'by_archive_file')}", ""]
    out += [
        f"| {label(lang, 'archive_file')} | {label(lang, 'document_count')} "
        f"| {label(lang, 'date_span')} |",
        "| --- | --: | --- |",
    ]
    by_signature = sorted(edition.documents, key=lambda d: d.signature.normalised)
    for key, group in groupby(by_signature, key=archive_file_key):
        documents = list(group)
        target = urls.link(src, archive_file_page(edition.paths, key))
        name = _archive_file_name(key, documents, lang, edition.original)
        out.append(
            f"| [{escape(name)}]({target}) | {len(documents)} | {escape(_span(documents, lang))} |"
        )
    out += ["", f"## {label(lang, 'by_year')}", ""]
    out += [f"| {label(lang, 'year')} | {label(lang, 'document_count')} |", "| --- | --: |"]
    for year, group in groupby(documents_by_date(edition), key=year_of):
        target = urls.link(src, edition.paths.year_src(year))
        out.append(f"| [{year}]({target}) | {len(list(group))} |")
    if len(edition.documents) <= FULL_LIST_LIMIT:
        out += ["", f"## {label(lang, 'all_documents')}", ""]
        out += _document_table(edition, src, documents_by_date(edition), lang)
    return "\n".join(out) + "\n"


def _render_archive_file(
    edition: Edition, key: tuple[int, int, int], documents: list[Document], lang: str
) -> str:
    src = archive_file_page(edition.paths, key)
    out = [f"# {escape(_archive_file_name(key, documents, lang, edition.original))}", ""]
    out += [_back_link(edition, src, lang), ""]
    out += _document_table(edition, src, documents, lang, sheet_first=True)
    return "\n".join(out) + "\n"


def _render_year(edition: Edition, year: int, documents: list[Document], lang: str) -> str:
    src = edition.paths.year_src(year)
    out = [
        f"# {label(lang, 'documents_of_year', year=year)}",
        "",
        _back_link(edition, src, lang),
        "",
    ]
    for month, group in groupby(documents, key=lambda d: d.date.month):
        heading = (
            format_date(datetime.date(year, month, 1), "LLLL y", locale=lang)
            if month
            else label(lang, "month_not_known")
        )
        anchor = f"ay-{month:02d}" if month else "ay-bilinmiyor"
        out += [f"## {escape(heading)} {{ #{anchor} }}", ""]
        out += [*_document_table(edition, src, list(group), lang), ""]
    return "\n".join(out)


def _document_table(
    edition: Edition, src: str, documents: Iterable[Document], lang: str, sheet_first: bool = False
) -> list[str]:
    first = label(lang, "signature") if sheet_first else label(lang, "date_order")
    out = [
        f"| {first} | {label(lang, 'title')} | "
        f"{label(lang, 'date_order') if sheet_first else label(lang, 'signature')} |",
        "| --- | --- | --- |",
    ]
    for document in documents:
        target = urls.link(src, edition.paths.document_src(document.id))
        date = escape(render_date(document.date, lang))
        signature = escape(
            document.signature.as_printed
            if lang == edition.original or document.signature.english is None
            else document.signature.english
        )
        title = f"[{escape(document_title(edition, document, lang))}]({target})"
        if sheet_first:
            out.append(f"| {signature} | {title} | {date} |")
        else:
            out.append(f"| {date} | {title} | {signature} |")
    return out


def _archive_file_name(
    key: tuple[int, int, int], documents: list[Document], lang: str, original: str
) -> str:
    archive = cite.archive_abbreviation(documents[0].signature.archive, lang, original)
    return label(lang, "archive_file_name", archive=archive, fond=key[0], opis=key[1], delo=key[2])


def _span(documents: list[Document], lang: str) -> str:
    ordered = sorted(documents, key=lambda d: (d.date.earliest, d.date.latest))
    first, last = render_date(ordered[0].date, lang), render_date(ordered[-1].date, lang)
    return first if first == last else f"{first} – {last}"


def _back_link(edition: Edition, src: str, lang: str) -> str:
    return f"[{label(lang, 'all_archive_files')}]({urls.link(src, edition.paths.documents_index)})"
