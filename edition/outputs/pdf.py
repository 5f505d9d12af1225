"""The edition as a book: per language, one HTML document assembled from the built pages
(title page, contents, chapters with their notes, works cited, documents, people,
chronology, how to cite), printed to PDF by headless Chromium and finished with pypdf so
that its metadata is right and two builds give the same bytes."""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from edition import urls
from edition.labels import label
from edition.model import Edition
from edition.outputs.book import (
    Section,
    book_sections,
    built_sections,
    credited,
    link_target,
    render_title_page,
)
from edition.render import escape_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
STYLESHEET = Path(__file__).with_name("pdf.css")


class PdfFailed(Exception):
    """The PDF could not be printed (no Chromium, or Chromium failed)."""


@dataclass(frozen=True)
class Book:
    """The print document of one language, before and after its pages are counted."""

    lang: str
    title: str
    author: str
    date: str  # the edition's date, YYYY-MM-DD: the PDF's only date
    html: Callable[[dict[str, int]], str]  # page numbers by section key → the document
    keys: tuple[str, ...]


def assemble_book(site: Path, edition: Edition, lang: str, root_url: str) -> Book:
    """The print document of `lang` from the built site at `site` (all languages), its
    links made internal where they point into the book and absolute elsewhere."""
    prefix = urls.language_prefix(edition.languages, lang)
    sections = book_sections(edition, lang)
    by_path = {urls.site_path(s.src, lang, edition.languages).rstrip("/"): s.key for s in sections}
    built = built_sections(site, edition, lang, sections)
    bodies, titles = built.bodies, built.titles
    ids = {f"{key}/{node_id}" for key, body in bodies.items() for node_id in body.xpath(".//@id")}
    # Without a public address, links out of the book are relative to where it is served.
    pdf_folder = posixpath.dirname(urls.pdf_path(edition, lang))
    link_root = root_url or "../" * len(pdf_folder.split("/"))
    for section in sections:
        body = bodies[section.key]
        page_path = urls.site_path(section.src, lang, edition.languages)
        for element in body.xpath(".//*[@id]"):
            element.set("id", f"{section.key}/{element.get('id')}")
        for link in body.xpath(".//a[@href]"):
            link.attrib.pop("download", None)
            link.set(
                "href", book_link(link.get("href"), page_path, section.key, by_path, ids, link_root)
            )
    info = edition.info
    title = info.title.text(lang)

    def html(pages: dict[str, int]) -> str:
        parts = [
            f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape_html(title)}</title>\n<style>\n{STYLESHEET.read_text('utf-8')}</style>\n"
            "</head>\n<body>\n",
            render_title_page(
                edition, lang, root_url + prefix if root_url else None, label(lang, "pdf_note")
            ),
            render_contents(sections, titles, pages, lang),
        ]
        for section in sections:
            body = bodies[section.key]
            inner = "".join(
                lxml.html.tostring(child, encoding="unicode") for child in body.iterchildren()
            )
            parts.append(
                f'<section class="pdf-section pdf-level-{section.level}" id="{section.key}">'
                f"\n{inner}\n</section>\n"
            )
        parts.append("</body>\n</html>\n")
        return "".join(parts)

    return Book(lang, title, credited(info, lang), info.date, html, tuple(s.key for s in sections))


def book_link(
    href: str,
    page_path: str,
    key: str,
    by_path: dict[str, str],
    ids: set[str],
    root_url: str,
) -> str:
    """Where a link of a built page points in the book: an anchor of the book when its
    target is part of it, else the page on the published site."""
    target = link_target(href, page_path, key, by_path)
    if target is None:
        return href
    if target.key is None:
        return target.on_site(root_url)
    anchor = f"{target.key}/{target.fragment}"
    return f"#{anchor}" if target.fragment and anchor in ids else f"#{target.key}"


def render_contents(
    sections: Iterable[Section], titles: dict[str, str], pages: dict[str, int], lang: str
) -> str:
    """The contents, each entry a link; page numbers once a first printing has counted them."""
    out = [
        '<nav class="pdf-contents" id="contents">',
        f"<h1>{escape_html(label(lang, 'contents'))}</h1>",
        "<ol>",
    ]
    for section in sections:
        number = pages.get(section.key, "")
        out.append(
            f'<li class="pdf-level-{section.level}"><a href="#{section.key}">'
            f'<span class="pdf-entry">{escape_html(titles[section.key])}</span>'
            f'<span class="pdf-leader"></span><span class="pdf-page">{number}</span></a></li>'
        )
    out += ["</ol>", "</nav>", ""]
    return "\n".join(out)


# --- printing --------------------------------------------------------------------------


def print_books(books: list[Book]) -> dict[str, bytes]:
    """Each book printed by headless Chromium, twice: first to learn on which page each
    section starts, then with those numbers in the contents. Finished PDFs by language."""
    if not CHROMIUM.exists():
        raise PdfFailed(
            f"printing the PDF needs Debian's Chromium at {CHROMIUM} "
            "(apt-get install chromium; `make build` installs it)"
        )
    results: dict[str, bytes] = {}
    errors: list[BaseException] = []

    # Playwright's synchronous API runs its own event loop: in a thread of its own it
    # works whatever the caller runs (a test session may hold another Playwright).
    def run() -> None:
        from playwright.sync_api import sync_playwright

        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
                )
                try:
                    for book in books:
                        results[book.lang] = finish_pdf(*print_book(browser, book), book)
                finally:
                    browser.close()
        except BaseException as error:  # handed to the calling thread
            errors.append(error)

    # A daemon, so that an interrupted build (Ctrl-C) does not wait for Chromium to finish.
    worker = threading.Thread(target=run, name="edition-pdf", daemon=True)
    worker.start()
    worker.join()
    if errors:
        if isinstance(errors[0], PdfFailed):
            raise errors[0]
        raise PdfFailed(f"Chromium could not print the PDF: {errors[0]}") from errors[0]
    return results


def print_book(browser: object, book: Book) -> tuple[bytes, str]:
    """The book printed until its contents name the pages its sections start on: the PDF
    and the document it was printed from."""
    pages: dict[str, int] = {}
    for _attempt in range(3):
        html = book.html(pages)
        data = _print(browser, html)
        found = section_pages(data, book.keys)
        if found == pages:
            return data, html
        pages = found
    raise PdfFailed(f"the page numbers of the {book.lang} contents do not settle")


def _print(browser: object, html: str) -> bytes:
    from playwright.sync_api import Browser, Route

    assert isinstance(browser, Browser)
    page = browser.new_page()
    try:

        def refuse(route: Route) -> None:  # the book is self-contained: ask no one
            route.abort()

        page.route("**/*", refuse)
        page.set_content(html, wait_until="load")
        return page.pdf(prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
    finally:
        page.close()


def section_pages(data: bytes, keys: Iterable[str]) -> dict[str, int]:
    """The page (from 1) on which each section starts, from the PDF's named destinations
    (Chromium names every element a link points to)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    destinations = reader.named_destinations
    found = {}
    for key in keys:
        # Chromium writes the names as PDF name objects, which pypdf keeps with their '/'.
        destination = destinations.get(f"/{key}", destinations.get(key))
        number = None if destination is None else reader.get_destination_page_number(destination)
        if number is not None:
            found[key] = number + 1
    return found


def pdf_date(date: str) -> str:
    """'2026-11-24' → "D:20261124000000+00'00'", the PDF's date format, as Skia writes it."""
    return "D:" + date.replace("-", "") + "000000+00'00'"


SKIA_DATE = re.compile(rb"\(D:\d{14}\+00'00'\)")
START_XREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def finish_pdf(data: bytes, html: str, book: Book) -> bytes:
    """Chromium's PDF with the edition's metadata: title, author, subject and language, the
    edition's date for creation and modification, and a file identifier derived from the
    printed document, so that the same sources give the same bytes.

    Written as an incremental update (a new document information dictionary and catalog
    after Chromium's bytes): rewriting the whole file with pypdf takes seconds a hundred
    pages, this takes none. pypdf reads the trailer and writes the two objects."""
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject, IndirectObject, NameObject, TextStringObject

    # Chromium's clock, in its own information dictionary, becomes the edition's date.
    data = SKIA_DATE.sub(f"({pdf_date(book.date)})".encode("ascii"), data)
    reader = PdfReader(io.BytesIO(data))
    info_ref, root_ref = reader.trailer.raw_get("/Info"), reader.trailer.raw_get("/Root")
    previous = START_XREF.search(data)
    if not isinstance(info_ref, IndirectObject) or not isinstance(root_ref, IndirectObject):
        raise PdfFailed("Chromium's PDF has no document information or catalog")
    if previous is None:
        raise PdfFailed("Chromium's PDF has no cross-reference table")
    date = pdf_date(book.date)
    info = DictionaryObject(
        {
            NameObject(key): TextStringObject(value)
            for key, value in (
                ("/Title", book.title),
                ("/Author", book.author),
                ("/Subject", label(book.lang, "book_subject")),
                ("/Creator", "build_edition.py (MkDocs, Chromium)"),
                ("/Producer", "Skia/PDF, pypdf"),
                ("/CreationDate", date),
                ("/ModDate", date),
            )
        }
    )
    root = reader.trailer["/Root"]
    if not isinstance(root, DictionaryObject):
        raise PdfFailed("Chromium's PDF has no catalog")
    catalog = DictionaryObject(root)
    catalog[NameObject("/Lang")] = TextStringObject(book.lang)
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets = {}
    for number, value in sorted(((info_ref.idnum, info), (root_ref.idnum, catalog))):
        offsets[number] = len(out)
        body = io.BytesIO()
        value.write_to_stream(body)
        out += f"{number} 0 obj\n".encode("ascii") + body.getvalue() + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for number, offset in offsets.items():
        out += f"{number} 1\n{offset:010d} 00000 n \n".encode("ascii")
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32]
    out += (
        f"trailer\n<</Size {reader.trailer['/Size']} /Root {root_ref.idnum} 0 R "
        f"/Info {info_ref.idnum} 0 R /Prev {int(previous.group(1))} "
        f"/ID [<{identifier}> <{identifier}>]>>\nstartxref\n{xref}\n%%EOF\n"
    ).encode("ascii")
    return bytes(out)


def write_pdfs(edition: Edition, site: Path, root_url: str) -> list[Path]:
    """The PDF of every language, printed from the site built at `site` from `edition` and
    written into it at its published path (the Downloads page's facts are filled in once
    every book is made: `filefacts.fill_markers`)."""
    books = [assemble_book(site, edition, lang, root_url) for lang in edition.languages]
    written = []
    for lang, data in print_books(books).items():
        path = site / urls.pdf_path(edition, lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written
