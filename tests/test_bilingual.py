"""Two languages at the same paths: twins, hreflang, sitemap, parallel reading, lang marks."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from edition.model.catalog import load_edition
from edition.render.parallel import render_parallel_document_text
from tests.conftest import ROOT, parse_page
from tests.test_site_links import resolve

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def pages(site: Path, prefix: str = "") -> set[str]:
    root = site / prefix if prefix else site
    found = {p.relative_to(root).as_posix() for p in root.rglob("index.html")}
    return {p for p in found if not p.startswith(("en/", "pagefind/"))}


def test_every_turkish_page_has_its_english_twin_at_the_same_path(site: Path) -> None:
    turkish, english = pages(site), pages(site, "en")
    assert len(turkish) > 20
    assert turkish == english


def test_html_lang_and_hreflang_alternates(site: Path) -> None:
    for prefix, lang in (("", "tr"), ("en/", "en")):
        for page in sorted(pages(site, prefix.rstrip("/"))):
            html = parse_page(site, prefix + page)
            assert html.get("lang") == lang, prefix + page
            links = {
                link.get("hreflang"): link.get("href")
                for link in html.xpath("//head/link[@rel='alternate'][@hreflang]")
            }
            path = page.removesuffix("index.html")
            assert links["tr"] == f"https://edition.example/{path}"
            assert links["en"] == f"https://edition.example/en/{path}"
            assert links["x-default"] == links["tr"]


def test_switcher_links_to_the_twin(site: Path) -> None:
    html = parse_page(site, "belgeler/rgaspi-159-2-57-003/index.html")
    (english,) = html.xpath("//a[contains(@class, 'ed-twin')][@hreflang='en']/@href")
    assert resolve("belgeler/rgaspi-159-2-57-003/index.html", english) == (
        "en/belgeler/rgaspi-159-2-57-003/index.html",
        "",
    )
    html = parse_page(site, "en/giris/index.html")
    (turkish,) = html.xpath("//a[contains(@class, 'ed-twin')][@hreflang='tr']/@href")
    assert resolve("en/giris/index.html", turkish) == ("giris/index.html", "")


def test_the_sitemap_lists_both_languages_with_alternates(site: Path) -> None:
    tree = ElementTree.parse(site / "sitemap.xml")
    entries = tree.getroot().findall(f"{SITEMAP}url")
    locations = [entry.find(f"{SITEMAP}loc").text for entry in entries]  # type: ignore[union-attr]
    assert "https://edition.example/giris/" in locations
    assert "https://edition.example/en/giris/" in locations
    for entry in entries:
        hreflangs = {link.get("hreflang") for link in entry.findall(f"{XHTML}link")}
        assert hreflangs == {"tr", "en"}


def test_english_pages_mark_turkish_words_and_label_the_translation(site: Path) -> None:
    chapter = parse_page(site, "en/mustafa-kemal-ve-komunizm/index.html")
    names = chapter.xpath("//a[contains(@class, 'ed-cite')]/span[@lang='tr']/text()")
    assert "Atatürk’ün Söylev ve Demeçleri" in names
    home = parse_page(site, "en/index.html")
    note = " ".join(home.xpath("//*[contains(@class, 'admonition')]//text()"))
    assert "the edition's own translation" in note and "large language model" in note
    assert home.xpath("//div[@lang='en']//p[@id='abstract']")
    document = parse_page(site, "en/belgeler/rgaspi-159-2-57-003/index.html")
    assert "Rendered into English" in document.xpath("//p[@class='ed-text-note']")[0].text_content()
    assert (
        document.xpath("//h1")[0].text_content()
    ) == "Letter: Georgy Chicherin → Vladimir Lenin, 27 September 1920"


def test_parallel_pages_pair_every_paragraph(site: Path) -> None:
    for prefix in ("", "en/"):
        html = parse_page(
            site, f"{prefix}paralel/sovyet-yazismalarinda-mustafa-kemal-ve-turkiye/index.html"
        )
        rows = html.xpath("//div[contains(@class, 'ed-parallel__row')][starts-with(@id, 'p')]")
        assert [row.get("id") for row in rows] == [f"p{n}" for n in range(13, 30)]
        for row in rows:
            cells = row.xpath("./div[contains(@class, 'ed-parallel__cell')]")
            assert [cell.get("lang") for cell in cells] == ["tr", "en"]
            assert all(cell.text_content().strip() for cell in cells)
        notes = html.xpath("//div[contains(@class, 'ed-parallel__note')]")
        assert [n.get("id") for n in notes] == ["not-1", "not-2", "not-3", "not-4"]


def test_document_texts_are_given_side_by_side() -> None:
    edition, _ = load_edition(ROOT)
    assert edition is not None
    document = edition.document("rgaspi-159-2-56-045")
    assert document is not None
    html = render_parallel_document_text(edition, document, "en")
    assert html.count('lang="tr"><p>') == html.count('lang="en"><p>') == 2


def test_every_english_page_says_whose_translation_it_is(site: Path) -> None:
    credit = "the editors of the digital edition"
    missing = []
    for page in sorted(pages(site, "en")):
        html = parse_page(site, "en/" + page)
        if html.xpath("//meta[@http-equiv='refresh']"):
            continue  # a redirect of an old address
        notice = html.xpath("//p[contains(@class, 'ed-translation-notice')]")
        authors = html.xpath("//meta[@name='author']/@content")
        if len(notice) != 1 or authors != [f"Telli Korkmaz; {credit} (translation)"]:
            missing.append(page)
            continue
        (href,) = notice[0].xpath(".//a/@href")
        target, fragment = resolve("en/" + page, href)
        assert (target, fragment) == ("en/index.html", "translation-note"), page
    assert not missing, missing
    note = parse_page(site, "en/index.html").xpath("//*[@id='translation-note']")
    assert note and "translation" in note[0].text_content()
    for page in pages(site):
        html = parse_page(site, page)
        assert not html.xpath("//p[contains(@class, 'ed-translation-notice')]"), page
        assert credit not in " ".join(html.xpath("//meta[@name='author']/@content")), page
