"""The edition as an EPUB 3 per language, for e-readers and reading apps: made from the built
pages as the PDF is (`book.py`), each part of the book a content document of its own whose
ids are the anchors of its page on the site, the footnotes as EPUB notes, the links between
parts kept inside the book and the others sent to the published site. EbookLib writes the
package, the navigation and the zip; the zip is then written again with the edition's date
on every entry, so that the same sources give the same bytes."""

from __future__ import annotations

import datetime
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml.html import HtmlElement

from edition import urls
from edition.labels import label
from edition.model import Edition
from edition.outputs.book import (
    Section,
    book_sections,
    built_sections,
    link_target,
    render_title_page,
)
from edition.render import escape_html

STYLESHEET = Path(__file__).with_name("epub.css")
MIMETYPE = "application/epub+zip"


class EpubFailed(Exception):
    """The EPUB could not be made from the built site."""


@dataclass(frozen=True)
class Part:
    """One content document of the book: a section of `book.book_sections` as XHTML."""

    section: Section
    file_name: str  # within the content folder
    title: str
    body: str  # the XHTML of the document's body, serialised as HTML (EbookLib parses it)


def part_file(key: str) -> str:
    return f"{key}.xhtml"


def assemble_parts(site: Path, edition: Edition, lang: str, root_url: str) -> list[Part]:
    """The content documents of `lang`'s book, from the built site at `site`: links into the
    book lead to their part and anchor, the others to the published site at `root_url`
    (none without one: they become plain text, since a book cannot link relative to a
    site it is not served from)."""
    sections = book_sections(edition, lang)
    built = built_sections(site, edition, lang, sections)
    by_path = {urls.site_path(s.src, lang, edition.languages).rstrip("/"): s.key for s in sections}
    ids = {key: set(body.xpath(".//@id")) for key, body in built.bodies.items()}
    address = root_url + urls.language_prefix(edition.languages, lang) if root_url else None
    parts = []
    for section in sections:
        body = built.bodies[section.key]
        page_path = urls.site_path(section.src, lang, edition.languages)
        cite_paragraphs_on_site(body, root_url + page_path if root_url else None)
        for link in body.xpath(".//a[@href]"):
            place_link(link, page_path, section.key, by_path, ids, root_url)
        as_epub_notes(body, lang)
        mark_languages(body)
        inner = "".join(
            lxml.html.tostring(child, encoding="unicode") for child in body.iterchildren()
        )
        if section.key == "front":
            inner = render_title_page(edition, lang, address, label(lang, "epub_note")) + inner
        if root_url:
            page_url = root_url + page_path
            inner += (
                f'<p class="epub-online">{escape_html(label(lang, "book_online"))} '
                f'<a href="{escape_html(page_url)}">{escape_html(page_url)}</a></p>\n'
            )
        parts.append(
            Part(
                section,
                part_file(section.key),
                built.titles[section.key],
                # The part's text is its document's main landmark, as on the site.
                f'<html><body><main class="epub-level-{section.level}">{inner}'
                "</main></body></html>",
            )
        )
    return parts


def place_link(
    link: HtmlElement,
    page_path: str,
    key: str,
    by_path: dict[str, str],
    ids: dict[str, set[str]],
    root_url: str,
) -> None:
    """A link of a built page made a link of the book: to the part (and anchor) it leads
    to, else to the published site; without a public address such a link becomes its text."""
    link.attrib.pop("download", None)
    target = link_target(link.get("href", ""), page_path, key, by_path)
    if target is None:
        return
    if target.key is not None:
        href = part_file(target.key) if target.key != key else ""
        if target.fragment and target.fragment in ids[target.key]:
            href += f"#{target.fragment}"
        link.set("href", href or part_file(key))
    elif root_url:
        link.set("href", target.on_site(root_url))
    else:
        for attribute in ("href", "type"):
            link.attrib.pop(attribute, None)
        link.tag = "span"


def cite_paragraphs_on_site(body: HtmlElement, page_url: str | None) -> None:
    """Each paragraph number links to the paragraph's stable address on the site, the one
    to cite; without a public address it stays a link to the paragraph itself."""
    if page_url is None:
        return
    for number in body.xpath(".//div[contains(@class, 'ed-pnum')]/a[starts-with(@href, '#')]"):
        number.set("href", page_url + number.get("href"))


def as_epub_notes(body: HtmlElement, lang: str) -> None:
    """The footnotes as EPUB 3 notes: each call a `noteref`, each note an `aside` of type
    `footnote` with its number and its link back, which reading systems show in a pop-up;
    each note is named ('note 1'), since each `aside` is a landmark of its own."""
    for call in body.xpath(".//a[contains(@class, 'footnote-ref')]"):
        call.set("epub:type", "noteref")
        call.set("role", "doc-noteref")
    for notes in body.xpath(".//div[contains(@class, 'footnote')]"):
        for rule in notes.xpath("./hr"):
            rule.drop_tree()
        for item_list in notes.xpath("./ol"):
            for number, item in enumerate(item_list.xpath("./li"), start=1):
                item.tag = "aside"
                item.set("epub:type", "footnote")
                item.set("role", "doc-footnote")
                item.set("class", "epub-footnote")
                item.set("aria-label", f"{label(lang, 'footnote')} {number}")
                first = item.find("p")
                mark = lxml.html.fromstring(f'<span class="epub-note-number">{number}. </span>')
                if first is not None:
                    mark.tail = first.text
                    first.text = None
                    first.insert(0, mark)
                notes.append(item)
            item_list.drop_tree()
        notes.set("class", "epub-footnotes")
    for back in body.xpath(".//a[contains(@class, 'footnote-backref')]"):
        back.set("role", "doc-backlink")


def mark_languages(body: HtmlElement) -> None:
    """Every `lang` of the pages (the Russian names, the Turkish terms in English) also as
    `xml:lang`, which XHTML reading systems read first."""
    for element in body.xpath(".//*[@lang]"):
        element.set("xml:lang", element.get("lang"))


# --- the package -----------------------------------------------------------------------


def epub_bytes(edition: Edition, lang: str, parts: list[Part], root_url: str) -> bytes:
    """The EPUB of `lang`: package metadata (with the accessibility metadata EPUB
    Accessibility 1.1 asks for), navigation document with landmarks, NCX, the parts."""
    from ebooklib import epub

    info = edition.info
    book = epub.EpubBook()
    # The identifier is the book's address, stable from version to version; a build with no
    # public address names the edition's own id for its files instead.
    book.set_identifier(
        root_url + urls.epub_path(edition, lang)
        if root_url
        else f"{info.identifiers.edition}-{lang}"
    )
    book.set_title(info.title.text(lang))
    book.set_language(lang)
    book.add_author(info.author, role="aut", uid="author")
    translator = info.translator(lang)
    if translator is not None:
        book.add_metadata("DC", "contributor", translator.text(lang), {"id": "translator"})
        book.add_metadata(
            None,
            "meta",
            "trl",
            {"refines": "#translator", "property": "role", "scheme": "marc:relators"},
        )
    book.add_metadata("DC", "date", info.date)
    book.add_metadata("DC", "description", label(lang, "book_subject"))
    for prop, values in accessibility_metadata(lang).items():
        for value in values:
            book.add_metadata(None, "meta", value, {"property": prop})

    style = epub.EpubItem(
        uid="style",
        file_name="epub.css",
        media_type="text/css",
        content=STYLESHEET.read_bytes(),
    )
    book.add_item(style)
    documents = []
    for part in parts:
        document = epub.EpubHtml(
            uid=part.section.key, file_name=part.file_name, title=part.title, lang=lang
        )
        document.content = part.body
        document.add_item(style)
        book.add_item(document)
        documents.append(document)
    by_key = {part.section.key: document for part, document in zip(parts, documents, strict=True)}
    book.toc = contents(parts)
    book.guide = landmarks(edition, lang, parts)
    book.add_item(epub.EpubNcx())
    navigation = epub.EpubNav(title=label(lang, "contents"))
    navigation.add_item(style)
    book.add_item(navigation)
    book.spine = [by_key["front"], navigation, *(d for d in documents if d is not by_key["front"])]
    written = io.BytesIO()
    epub.write_epub(
        written,
        book,
        {
            "epub2_guide": False,  # the landmarks say it in EPUB 3
            "landmark_title": label(lang, "epub_landmarks"),
            "mtime": datetime.datetime.fromisoformat(info.date),
            "raise_exceptions": True,
        },
    )
    return fixed_zip(written.getvalue(), info.date)


def contents(parts: list[Part]) -> list[object]:
    """The navigation's contents: every part, the documents under the list of documents."""
    from ebooklib import epub

    entries: list[object] = []
    for index, part in enumerate(parts):
        if part.section.level == 2:
            continue
        link = epub.Link(part.file_name, part.title, part.section.key)
        children = []
        for following in parts[index + 1 :]:
            if following.section.level != 2:
                break
            children.append(epub.Link(following.file_name, following.title, following.section.key))
        entries.append((link, children) if children else link)
    return entries


def landmarks(edition: Edition, lang: str, parts: list[Part]) -> list[dict[str, str]]:
    """The landmarks: the title page, the contents, where the text begins, the works cited
    and the glossary."""
    by_src = {part.section.src: part for part in parts}
    chapters = [chapter.path for chapter in edition.chapters_in(lang)]
    marks = [
        ("titlepage", by_src[chapters[0]]),
        ("bodymatter", by_src[chapters[1] if len(chapters) > 1 else chapters[0]]),
        ("bibliography", by_src[edition.paths.citations_page]),
    ]
    if edition.glossary:
        marks.append(("glossary", by_src[edition.paths.glossary_page]))
    guide = [{"type": kind, "href": part.file_name, "title": part.title} for kind, part in marks]
    guide.insert(1, {"type": "toc", "href": "nav.xhtml", "title": label(lang, "contents")})
    return guide


def accessibility_metadata(lang: str) -> dict[str, tuple[str, ...]]:
    """What EPUB Accessibility 1.1 asks a book to say of itself. The book is text only, with
    its structure, contents and page-independent navigation; it claims no conformance to
    WCAG, which no one has evaluated it for (its checks are automatic: EPUBCheck)."""
    return {
        "schema:accessMode": ("textual",),
        "schema:accessModeSufficient": ("textual",),
        "schema:accessibilityFeature": (
            "structuralNavigation",
            "tableOfContents",
            "readingOrder",
            "displayTransformability",
        ),
        "schema:accessibilityHazard": ("none",),
        "schema:accessibilitySummary": (label(lang, "epub_accessibility_summary"),),
    }


def fixed_zip(data: bytes, date: str) -> bytes:
    """EbookLib's zip written again: `mimetype` first and stored, then every other entry in
    EbookLib's order, deflated, each dated with the edition's date and with the same
    permissions, so that nothing of the clock or the machine is in the bytes."""
    stamp = (*(int(part) for part in date.split("-")), 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [entry.filename for entry in source.infolist()]
    if source.read("mimetype").decode("ascii") != MIMETYPE:
        raise EpubFailed("EbookLib's EPUB does not say it is one in its mimetype entry")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in ["mimetype", *(n for n in names if n != "mimetype")]:
            entry = zipfile.ZipInfo(name, date_time=stamp)  # type: ignore[arg-type]
            entry.create_system = 3  # Unix, wherever it is built
            entry.external_attr = 0o100644 << 16
            if name == "mimetype":
                entry.compress_type = zipfile.ZIP_STORED
            else:
                entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(name), compresslevel=9)
    return out.getvalue()


def write_epubs(edition: Edition, site: Path, root_url: str) -> list[Path]:
    """The EPUB of every language, made from the site built at `site` from `edition` and
    written into it at its published path (the Downloads page's facts are filled in once
    every book is made: `filefacts.fill_markers`)."""
    written = []
    for lang in edition.languages:
        try:
            data = epub_bytes(
                edition, lang, assemble_parts(site, edition, lang, root_url), root_url
            )
        except (OSError, ValueError, KeyError) as error:
            raise EpubFailed(f"the {lang} EPUB could not be made: {error}") from error
        path = site / urls.epub_path(edition, lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written
