"""The whole edition as a PDF in each language, read as a reader's PDF viewer reads it: the
text of its pages, its contents and page numbers, its links and its metadata; and every
page of the site on paper through the print stylesheet."""

from __future__ import annotations

import hashlib
import io
import re
from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

from edition.model.catalog import load_edition
from edition.outputs import filefacts, pdf
from edition.site.publish import build_site
from edition.urls import language_prefix
from tests.conftest import ROOT, parse_page

EDITION, _ = load_edition(ROOT)
assert EDITION is not None


def pdf_path(site: Path, lang: str) -> Path:
    prefix = language_prefix(EDITION.languages, lang)
    return site / prefix / EDITION.paths.pdf_src(EDITION.info.identifiers.files, lang)


@cache
def _pages(path: Path) -> tuple[str, ...]:
    return tuple(page.extract_text() for page in PdfReader(path).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def pages_of(site: Path, lang: str) -> tuple[str, ...]:
    return _pages(pdf_path(site, lang))


def test_the_pdfs_are_at_their_published_urls(site: Path) -> None:
    assert (site / "pdf/korkmaz-edisyon-tr.pdf").read_bytes().startswith(b"%PDF-")
    assert (site / "en/pdf/korkmaz-edisyon-en.pdf").read_bytes().startswith(b"%PDF-")
    registry = (ROOT / "published-urls.txt").read_text("utf-8").splitlines()
    assert "/pdf/korkmaz-edisyon-tr.pdf" in registry
    assert "/en/pdf/korkmaz-edisyon-en.pdf" in registry


def test_title_page_names_the_edition_its_author_version_and_address(site: Path) -> None:
    title_page = flat(pages_of(site, "tr")[0])
    assert "Rus Arşivlerinde Mustafa Kemal Paşa ve Türkiye (1918-1922)" in title_page
    assert "Telli Korkmaz" in title_page
    assert f"sürüm {EDITION.info.version} ({EDITION.info.date})" in title_page
    assert "Çevrimiçi: https://edition.example/" in title_page
    english = flat(pages_of(site, "en")[0])
    assert "Mustafa Kemal Pasha and Türkiye in the Russian Archives (1918-1922)" in english
    assert "Online: https://edition.example/en/" in english


def test_every_page_but_the_title_page_is_numbered(site: Path) -> None:
    for lang in EDITION.languages:
        pages = pages_of(site, lang)
        assert len(pages) > 20
        assert not re.search(r"\b1 / \d+", pages[0])
        for number, text in enumerate(pages[1:], start=2):
            assert f"{number} / {len(pages)}" in text, f"{lang}: page {number}"


def contents(site: Path, lang: str) -> list[tuple[str, int]]:
    """The contents page's entries: (title, page number)."""
    text = pages_of(site, lang)[1]
    return [
        (match.group(1).strip(), int(match.group(2)))
        for match in re.finditer(r"^(.+?) (\d+)$", text, re.MULTILINE)
        if "/" not in match.group(0)
    ]


def test_contents_name_the_page_each_part_starts_on(site: Path) -> None:
    pages = pages_of(site, "tr")
    assert pages[1].splitlines()[1] == "İçindekiler"
    entries = contents(site, "tr")
    titles = [title for title, _ in entries]
    assert titles[:7] == [
        "Başlık ve öz",
        "Giriş",
        "1. Mustafa Kemal ve Komünizm",
        "2. Sovyet Yazışmalarında Mustafa Kemal ve Türkiye",
        "Sonuç",
        "Kaynaklar",
        "Belgeler",
    ]
    assert "Mektup: Çiçerin → Lenin, 27 Eylül 1920" in titles
    assert titles[-4:] == ["Kişiler", "Kronoloji", "Sözlük", "Nasıl atıf yapılır"]
    numbers = [number for _, number in entries]
    assert numbers == sorted(numbers) and numbers[0] == 3
    for title, number in entries[1:]:  # each part's heading opens the page named
        heading = pages[number - 1].splitlines()[1]
        assert heading == title, f"{title}: page {number} begins with {heading}"


def test_chapters_carry_their_text_paragraph_numbers_and_footnotes(site: Path) -> None:
    text = flat(" ".join(pages_of(site, "tr")))
    chapter = (ROOT / "docs/tr/sovyet-yazismalarinda-mustafa-kemal-ve-turkiye.md").read_text()
    assert "Rusya’da haberleşme, posta, istihbarat ve polis teşkilatları gibi" in chapter
    assert "Rusya’da haberleşme, posta, istihbarat ve polis teşkilatları gibi" in text
    assert "¶ 13" in text and "¶ 32" in text
    # a footnote, and the citation inside it, as printed
    assert "Felix Edmundoviç Dzerjinski, 11 Eylül 1877’de Polonyalı" in text
    assert "Volkova 213-217." in text
    assert "(Kurat 376)" in text and "(Boyacı 12; Atay 309-328)" in text
    english = flat(" ".join(pages_of(site, "en")))
    assert "¶ 13" in english and "Dzerzhinsky" in english


def test_the_apparatus_is_there_documents_people_citations(site: Path) -> None:
    text = flat(" ".join(pages_of(site, "tr")))
    for document in EDITION.documents:
        assert document.signature.as_printed in text
        assert document.signature.russian in text
    assert "Batı radyosunun verdiyi malumata göre" in text  # a document's text
    assert "Atıf yapılan eserler" in text and "Atıf yapılan sayfalar: 376, 325-326" in text
    assert "Георгий Васильевич Чичерин" in text  # the people page
    assert "Makaleye atıf" in text and "Edisyonun bütününe atıf" in text
    assert "Kopyala" not in text  # the screen's buttons stay on the screen


def test_metadata_title_author_language_and_the_editions_date(site: Path) -> None:
    for lang, title, author in (
        ("tr", "Rus Arşivlerinde Mustafa Kemal Paşa ve Türkiye (1918-1922)", "Telli Korkmaz"),
        (
            "en",
            "Mustafa Kemal Pasha and Türkiye in the Russian Archives (1918-1922)",
            # The English is the edition's translation, and its metadata says so.
            "Telli Korkmaz; the editors of the digital edition (translation)",
        ),
    ):
        reader = PdfReader(pdf_path(site, lang), strict=True)  # the update Chromium got
        info = reader.metadata
        assert info is not None
        assert info.title == title
        assert info.author == author
        assert reader.trailer["/Root"]["/Lang"] == lang
        date = "D:" + EDITION.info.date.replace("-", "") + "000000+00'00'"
        assert info["/CreationDate"] == date and info["/ModDate"] == date
        identifiers = reader.trailer["/ID"]
        # pypdf reads an identifier as text when its bytes happen to decode: count the bytes.
        first = getattr(identifiers[0], "original_bytes", identifiers[0])
        assert len(identifiers) == 2 and len(first) == 16
        assert reader.outline  # bookmarks from the headings
        assert len(reader.pages) == len(pages_of(site, lang))
    title_page = flat(pages_of(site, "en")[0])
    assert "Translated by the editors of the digital edition" in title_page
    assert "Çeviri" not in flat(pages_of(site, "tr")[0])  # the original credits no translator


def link_annotations(path: Path) -> tuple[list[tuple[int, str]], list[str]]:
    """Internal links (page index, destination name) and external addresses."""
    reader = PdfReader(path)
    internal, external = [], []
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if "/Dest" in annotation:
                internal.append((number, str(annotation["/Dest"])))
            elif "/A" in annotation:
                external.append(str(annotation["/A"]["/URI"]))
    return internal, external


def test_links_lead_within_the_book_or_to_the_site(site: Path) -> None:
    path = pdf_path(site, "tr")
    internal, external = link_annotations(path)
    reader = PdfReader(path)
    destinations = reader.named_destinations
    # The contents link to each part, and the link leads to the page the contents name.
    to_giris = [name for number, name in internal if number == 1 and name.endswith("giris")]
    assert to_giris
    giris_page = reader.get_destination_page_number(destinations[to_giris[0]]) + 1
    assert ("Giriş", giris_page) in contents(site, "tr")
    # A citation in a chapter leads to its work on the citations page, inside the book.
    names = {name for _, name in internal}
    assert "/kaynaklar/kurat" in names
    assert "/belgeler-rgaspi-159-2-57-003" in names or any(
        n.startswith("/belgeler-rgaspi-159-2-57-003") for n in names
    )
    assert len(internal) > 100
    # What is not in the book (citation files) is linked on the site.
    assert "https://edition.example/belgeler/rgaspi-159-2-57-003/atif.bib" in external
    assert all(url.startswith(("https://edition.example/", "https://")) for url in external)


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_the_downloads_page_offers_both_pdfs_with_size_and_sha256(site: Path, lang: str) -> None:
    downloads = "indir/index.html" if lang == "tr" else "en/indir/index.html"
    html = (site / downloads).read_text("utf-8")
    assert "data-edition-file" not in html  # every marker filled in
    page = parse_page(site, downloads)
    rows = page.xpath("//article//table[1]/tbody/tr")
    own, other = ("tr", "en") if lang == "tr" else ("en", "tr")
    assert [row.xpath("td[1]//code")[0].text for row in rows] == [
        f"korkmaz-edisyon-{own}.pdf",
        f"korkmaz-edisyon-{other}.pdf",
    ]
    for row, code in zip(rows, (own, other), strict=True):
        data = pdf_path(site, code).read_bytes()
        cells = [" ".join(cell.text_content().split()) for cell in row.xpath("td")]
        assert cells[2] == "PDF"
        assert cells[3] == filefacts.file_size(len(data), lang)
        assert cells[4] == hashlib.sha256(data).hexdigest()


def test_a_marker_for_a_file_not_made_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf/a.pdf").write_bytes(b"%PDF-1.4 1234")
    page = tmp_path / "indir" / "index.html"  # the Downloads pages hold the markers
    page.parent.mkdir()
    (tmp_path / "en" / "indir").mkdir(parents=True)
    (tmp_path / "en" / "indir" / "index.html").write_text("<p></p>", encoding="utf-8")
    page.write_text(
        f"<td>{filefacts.marker('pdf/a.pdf', 'size', 'tr')}</td>"
        f"<td>{filefacts.marker('pdf/a.pdf', 'sha256', 'en')}</td>",
        encoding="utf-8",
    )
    filefacts.fill_markers(tmp_path, ["pdf/a.pdf"], EDITION)
    digest = hashlib.sha256(b"%PDF-1.4 1234").hexdigest()
    assert page.read_text("utf-8") == f"<td>13 bayt</td><td>{digest}</td>"
    page.write_text(filefacts.marker("pdf/b.pdf", "size", "en"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"no file pdf/b\.pdf to give the size of"):
        filefacts.fill_markers(tmp_path, ["pdf/a.pdf"], EDITION)


def test_without_chromium_the_build_stops_and_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf, "CHROMIUM", Path("/nonexistent/chromium"))
    with pytest.raises(pdf.PdfFailed, match="needs Debian's Chromium at /nonexistent/chromium"):
        pdf.print_books([])


def test_the_preview_prints_no_pdf_and_makes_no_epub(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(ROOT / "mkdocs.yml", site, preview=True)
    assert (site / "index.html").is_file()
    assert not (site / "pdf").exists() and not (site / "en/pdf").exists()
    assert list(site.rglob("*.epub")) == []


# --- any page on paper -------------------------------------------------------------------


def test_print_stylesheet_leaves_the_text_and_hides_the_screens_furniture(
    browser: Browser, base_url: str
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        for path in (
            "sovyet-yazismalarinda-mustafa-kemal-ve-turkiye/",
            "belgeler/rgaspi-159-2-57-003/",
        ):
            page.goto(base_url + path)
            assert page.locator(".md-header").is_visible()
            assert page.locator(".md-sidebar--primary").is_visible()
            page.emulate_media(media="print")
            for furniture in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
                assert not page.locator(furniture).first.is_visible(), f"{path}: {furniture}"
            assert page.locator("article h1").is_visible()
            assert (
                page.locator(".ed-copy").count() == 0
                or not page.locator(".ed-copy").first.is_visible()
            )
            page.emulate_media(media="screen")
        page.emulate_media(media="print")
        page.goto(base_url + "sovyet-yazismalarinda-mustafa-kemal-ve-turkiye/")
        number = page.locator("#p13 .ed-pnum")
        assert number.is_visible() and number.inner_text() == "¶\u202f13"
        # An address that leaves the site is printed after its text.
        page.goto(base_url)
        after = page.eval_on_selector("a.ed-orcid", "a => getComputedStyle(a, '::after').content")
        assert "https://orcid.org/0000-0002-8513-706X" in after
        # The page on paper: the print stylesheet's pages hold the text, no menu.
        paper = PdfReader(io.BytesIO(page.pdf())).pages[0].extract_text()
        assert "Rus Arşivlerinde Mustafa Kemal Paşa ve Türkiye" in paper
        assert "Kişiler" not in paper and "Nasıl atıf yapılır" not in paper  # no navigation
    finally:
        page.close()
