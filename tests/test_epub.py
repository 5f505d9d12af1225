"""The whole edition as an EPUB 3 in each language, read as a reading system reads it: valid
for EPUBCheck, its zip container, every link and note followed to its target inside the
book, its ids the site's anchors, its links out to the published site, its title page and
metadata (the translation credited, the accessibility metadata), the languages of its
passages, and the Downloads page's size and SHA-256 of each."""

from __future__ import annotations

import hashlib
import posixpath
import re
import zipfile
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.etree
import lxml.html
import pytest
from playwright.sync_api import Browser

from edition.labels import label, named
from edition.model.catalog import load_edition
from edition.outputs import filefacts
from edition.outputs.book import book_sections, section_key
from edition.urls import epub_path, site_path
from tests.conftest import PUBLIC_ADDRESS, ROOT, parse_page, run_cli
from tests.epubcheck import epubcheck_messages
from tests.test_accessibility import AXE

EDITION, _ = load_edition(ROOT)
assert EDITION is not None
LANGS = tuple(EDITION.languages)
NS = {
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def book_file(site: Path, lang: str) -> Path:
    return site / epub_path(EDITION, lang)


class Book:
    """An EPUB opened as a reading system opens it: the container names the package, the
    package its manifest and spine, every content document parsed as XML."""

    def __init__(self, path: Path) -> None:
        self.zip = zipfile.ZipFile(path)
        container = lxml.etree.fromstring(self.zip.read("META-INF/container.xml"))
        self.package_path = container.xpath("//c:rootfile/@full-path", namespaces=NS)[0]
        self.folder = posixpath.dirname(self.package_path)
        self.package = lxml.etree.fromstring(self.zip.read(self.package_path))
        self.manifest = {
            item.get("id"): posixpath.join(self.folder, item.get("href"))
            for item in self.package.xpath("//opf:manifest/opf:item", namespaces=NS)
        }
        self.spine = [
            self.manifest[idref]
            for idref in self.package.xpath("//opf:spine/opf:itemref/@idref", namespaces=NS)
        ]
        self.documents = {
            name: lxml.etree.fromstring(self.zip.read(name))
            for name in self.manifest.values()
            if name.endswith(".xhtml")
        }

    def meta(self, prop: str) -> list[str]:
        return [
            meta.text
            for meta in self.package.xpath(f"//opf:meta[@property='{prop}']", namespaces=NS)
        ]

    def dc(self, name: str) -> list[str]:
        return [element.text for element in self.package.xpath(f"//dc:{name}", namespaces=NS)]

    def part(self, src: str) -> lxml.etree._Element:
        return self.documents[posixpath.join(self.folder, f"{section_key(src)}.xhtml")]

    def text(self, src: str) -> str:
        return " ".join("".join(self.part(src).itertext()).split())


@cache
def opened(path: Path) -> Book:
    return Book(path)


@pytest.fixture(params=LANGS)
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_both_books_pass_epubcheck_with_no_error_and_no_warning(site: Path) -> None:
    reports = epubcheck_messages(book_file(site, code) for code in LANGS)
    assert {book.name: messages for book, messages in reports.items()} == {
        book_file(site, code).name: [] for code in LANGS
    }


def test_the_zip_is_an_epub_container_with_the_editions_date(site: Path, lang: str) -> None:
    archive = zipfile.ZipFile(book_file(site, lang))
    entries = archive.infolist()
    first = entries[0]
    assert (first.filename, first.compress_type, first.extra) == ("mimetype", 0, b"")
    assert archive.read("mimetype") == b"application/epub+zip"
    year, month, day = (int(part) for part in EDITION.info.date.split("-"))
    assert {entry.date_time for entry in entries} == {(year, month, day, 0, 0, 0)}
    assert all(entry.compress_type == zipfile.ZIP_DEFLATED for entry in entries[1:])
    book = opened(book_file(site, lang))
    assert book.meta("dcterms:modified") == [f"{EDITION.info.date}T00:00:00Z"]


def _target(book: Book, document: str, href: str) -> tuple[str, str] | None:
    """The content document and id a link of `document` leads to; None out of the book."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    name = posixpath.normpath(posixpath.join(posixpath.dirname(document), unquote(parts.path)))
    return (name if parts.path else document), unquote(parts.fragment)


def test_every_link_and_note_inside_the_book_reaches_its_target(site: Path, lang: str) -> None:
    book = opened(book_file(site, lang))
    ids = {name: set(tree.xpath("//@id")) for name, tree in book.documents.items()}
    followed, broken = 0, []
    for name, tree in book.documents.items():
        for link in tree.xpath("//x:a[@href]", namespaces=NS):
            target = _target(book, name, link.get("href"))
            if target is None:
                continue
            followed += 1
            document, fragment = target
            if document not in ids or (fragment and fragment not in ids[document]):
                broken.append(f"{name}: {link.get('href')}")
    assert broken == []
    assert followed > 100
    # The contents name every part of the spine, the documents among them.
    navigation = book.documents[book.manifest["nav"]]
    listed = {
        _target(book, book.manifest["nav"], href)[0]  # type: ignore[index]
        for href in navigation.xpath("//x:nav[@epub:type='toc']//x:a/@href", namespaces=NS)
    }
    assert listed == set(book.spine) - {book.manifest["nav"]}
    landmarks = navigation.xpath("//x:nav[@epub:type='landmarks']//x:a", namespaces=NS)
    assert {a.get(EPUB_TYPE) for a in landmarks} >= {"titlepage", "toc", "bodymatter"}


def test_each_note_is_an_epub_footnote_with_its_way_back(site: Path, lang: str) -> None:
    book = opened(book_file(site, lang))
    notes = 0
    for name, tree in book.documents.items():
        for call in tree.xpath("//x:a[@epub:type='noteref']", namespaces=NS):
            document, fragment = _target(book, name, call.get("href")) or ("", "")
            assert document == name  # the note is in the chapter that calls it
            (note,) = tree.xpath(f"//*[@id='{fragment}']")
            assert (note.tag, note.get(EPUB_TYPE)) == (f"{{{NS['x']}}}aside", "footnote")
            (back,) = note.xpath(".//x:a[@role='doc-backlink']", namespaces=NS)
            caller = back.get("href").lstrip("#")
            assert call.getparent().get("id") == caller
            assert "".join(call.itertext()) == "".join(
                note.xpath(".//*[@class='epub-note-number']")[0].itertext()
            ).rstrip(". ")
            notes += 1
    footnotes = sum(len(chapter.footnotes) for chapter in EDITION.chapters_in(lang))
    assert notes == footnotes > 0


def test_every_anchor_of_the_sites_pages_is_an_id_of_the_book(site: Path, lang: str) -> None:
    book = opened(book_file(site, lang))
    missing = {}
    for section in book_sections(EDITION, lang):
        page = parse_page(site, site_path(section.src, lang, EDITION.languages) + "index.html")
        article = page.xpath("//article[contains(@class, 'md-content__inner')]")[0]
        anchors = set(article.xpath(".//@id"))
        if section.key == "front":  # its list of contents is the book's navigation
            anchors -= set(article.xpath(".//h2[following-sibling::*[1][self::ul]]/@id"))
        gone = anchors - set(book.part(section.src).xpath("//@id"))
        if gone:
            missing[section.key] = sorted(gone)
    assert missing == {}
    chapter = book.part(EDITION.chapters_in(lang)[1].path)
    assert "p1" in chapter.xpath("//@id")


def _on_site(href: str) -> Path:
    """The built file an address on the published site names."""
    path = unquote(urlsplit(href).path)[len(urlsplit(PUBLIC_ADDRESS).path) :]
    return Path(path + "index.html") if not path or path.endswith("/") else Path(path)


def test_links_out_of_the_book_lead_to_the_published_sites_pages(site: Path, lang: str) -> None:
    book = opened(book_file(site, lang))
    checked, broken = 0, []
    for name, tree in book.documents.items():
        for href in tree.xpath("//x:a/@href", namespaces=NS):
            if not href.startswith(PUBLIC_ADDRESS):
                continue
            checked += 1
            target = site / _on_site(href)
            fragment = unquote(urlsplit(href).fragment)
            anchors = (
                set(lxml.html.fromstring(target.read_bytes()).xpath("//@id"))
                if target.suffix == ".html" and target.is_file()
                else set()
            )
            if not target.is_file() or (fragment and fragment not in anchors):
                broken.append(f"{name}: {href}")
    assert broken == []
    assert checked > 50


def test_paragraph_numbers_cite_the_paragraphs_address_on_the_site(site: Path, lang: str) -> None:
    book = opened(book_file(site, lang))
    chapter = EDITION.chapters_in(lang)[1]
    page_url = PUBLIC_ADDRESS + site_path(chapter.path, lang, EDITION.languages)
    part = book.part(chapter.path)
    numbers = part.xpath("//x:div[@class='ed-pnum']/x:a", namespaces=NS)
    assert numbers
    for number in numbers:
        block = number.getparent().getparent().get("id")
        assert number.get("href") == f"{page_url}#{block}"
    online = part.xpath("//x:p[@class='epub-online']/x:a/@href", namespaces=NS)
    assert online == [page_url]


def test_title_page_and_metadata_credit_the_author_and_the_translation(
    site: Path, lang: str
) -> None:
    book = opened(book_file(site, lang))
    info = EDITION.info
    assert book.dc("title") == [info.title.text(lang)]
    assert book.dc("creator") == [info.author]
    assert book.dc("language") == [lang]
    assert book.dc("identifier") == [PUBLIC_ADDRESS + epub_path(EDITION, lang)]
    title_page = book.text(EDITION.chapters_in(lang)[0].path)
    assert info.author in title_page
    assert label(lang, "book_edition", version=info.version, date=info.date) in title_page
    translator = info.translator(lang)
    if translator is None:
        assert book.dc("contributor") == []
        return
    assert book.dc("contributor") == [translator.text(lang)]
    assert book.meta("role") == ["aut", "trl"]
    assert f"{label(lang, 'book_translated_by')} {translator.text(lang)}" in title_page
    note = info.translation_note(lang)
    assert note is not None
    assert " ".join(note.note.split())[:80] in title_page
    # Every part of a translation says whose translation it is, as every page of the site.
    notice = named(lang, "translation_notice", EDITION.languages)
    assert all(
        notice in book.text(section.src)
        for section in book_sections(EDITION, lang)
        if section.key != "front"
    )


def test_accessibility_metadata_says_what_the_book_is_and_claims_nothing_more(
    site: Path, lang: str
) -> None:
    book = opened(book_file(site, lang))
    assert book.meta("schema:accessMode") == ["textual"]
    assert book.meta("schema:accessModeSufficient") == ["textual"]
    assert {"structuralNavigation", "tableOfContents"} <= set(
        book.meta("schema:accessibilityFeature")
    )
    assert book.meta("schema:accessibilityHazard") == ["none"]
    assert book.meta("schema:accessibilitySummary") == [label(lang, "epub_accessibility_summary")]
    # No one has evaluated the book against WCAG: it claims no conformance.
    assert book.package.xpath("//*[@property='dcterms:conformsTo']") == []
    assert book.package.xpath("//*[@property='a11y:certifiedBy']") == []


CYRILLIC = re.compile("[\u0400-\u04ff]")


def test_every_passage_in_another_language_says_its_language(site: Path, lang: str) -> None:
    book = opened(book_file(site, lang))
    untagged, tagged = [], 0
    for name, tree in book.documents.items():
        assert tree.get(XML_LANG) == lang
        for element in tree.iter():
            if element.get("lang") is not None:
                assert element.get(XML_LANG) == element.get("lang"), name
            for text, holder in ((element.text, element), (element.tail, element.getparent())):
                if not text or not CYRILLIC.search(text) or holder is None:
                    continue
                language = holder.xpath("ancestor-or-self::*[@xml:lang][1]/@xml:lang")[0]
                if language.startswith("ru"):
                    tagged += 1
                else:
                    untagged.append(f"{name}: {text.strip()[:40]}")
    assert untagged == []
    assert tagged > 10  # the Russian names and signatures
    people = book.part(EDITION.paths.people_page)
    assert people.xpath("//*[@xml:lang='ru']")
    if lang != EDITION.original and EDITION.glossary:  # the Turkish terms in English
        glossary = book.part(EDITION.paths.glossary_page)
        terms = glossary.xpath("//x:tbody/x:tr/x:td[1]/*", namespaces=NS)
        assert terms and all(term.get(XML_LANG) == EDITION.original for term in terms)


def test_the_downloads_page_offers_both_epubs_with_size_and_sha256(site: Path, lang: str) -> None:
    downloads = site_path(EDITION.paths.downloads_page, lang, EDITION.languages) + "index.html"
    page = parse_page(site, downloads)
    (table,) = page.xpath("//article//h2[@id='epub']/following-sibling::table[1]")
    rows = table.xpath("tbody/tr")
    others = [code for code in LANGS if code != lang]
    assert [row.xpath("td[1]//code")[0].text for row in rows] == [
        book_file(site, code).name for code in (lang, *others)
    ]
    for row, code in zip(rows, (lang, *others), strict=True):
        data = book_file(site, code).read_bytes()
        cells = [" ".join(cell.text_content().split()) for cell in row.xpath("td")]
        href = row.xpath("td[1]/a/@href")[0]
        served = posixpath.normpath(posixpath.join(posixpath.dirname(downloads), href))
        assert (site / served).read_bytes() == data
        assert cells[2] == "EPUB 3"
        assert cells[3] == filefacts.file_size(len(data), lang)
        assert cells[4] == hashlib.sha256(data).hexdigest()


def test_a_draft_without_epub_makes_none_and_says_so(project: Path) -> None:
    result = run_cli(project, "build", "--without-pdf", "--without-epub")
    assert result.returncode == 0, result.stdout + result.stderr
    built = project / "site"
    assert list(built.rglob("*.epub")) == []
    downloads = parse_page(built, "indir/index.html")
    (table,) = downloads.xpath("//article//h2[@id='epub']/following-sibling::table[1]")
    cells = [row.xpath("td")[3].text_content().strip() for row in table.xpath("tbody/tr")]
    assert cells == [filefacts.UNKNOWN_YET] * len(LANGS)


def test_no_content_document_has_an_accessibility_violation_for_axe(
    site: Path, browser: Browser, tmp_path: Path
) -> None:
    assert AXE.is_file(), "make test installs axe-core with npm ci"
    page = browser.new_page()
    found = {}
    for code in LANGS:
        folder = tmp_path / code
        with zipfile.ZipFile(book_file(site, code)) as archive:
            archive.extractall(folder)
        book = opened(book_file(site, code))
        # The navigation document is EbookLib's, read by reading systems as their contents
        # rather than shown as a page: its web-page rules (one main landmark, an h1) do not
        # apply. EPUBCheck checks it; the edition's own content documents are checked here.
        for name in set(book.documents) - {book.manifest["nav"]}:
            page.goto((folder / name).as_uri())  # as XHTML, as a reading system opens it
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate(
                """async () => (await axe.run(document, {resultTypes: ['violations']}))
                     .violations.map(v => `${v.id} (${v.impact}): `
                       + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"""
            )
            if violations:
                found[f"{code}/{name}"] = violations
    page.close()
    assert found == {}
