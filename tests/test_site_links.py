"""Citations, footnotes and document links resolve in both directions on the built HTML."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

from tests.conftest import CHAPTER_PAGES, parse_page


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def resolve(page: str, href: str) -> tuple[str, str]:
    """The built file and fragment an internal href on `page` points to."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if path.endswith("/") or not posixpath.splitext(target)[1]:
        target = posixpath.normpath(posixpath.join(target, "index.html"))
    return target, unquote(parts.fragment)


def ids_of(site: Path, page: str) -> set[str]:
    return set(parse_page(site, page).xpath("//@id"))


def test_every_internal_link_and_fragment_resolves(site: Path) -> None:
    broken = []
    # 404.html is served at any missing path, so its links are absolute by design.
    for page in [p for p in html_pages(site) if not p.endswith("404.html")]:
        for href in parse_page(site, page).xpath("//a/@href"):
            if re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            target, fragment = resolve(page, href)
            if not (site / target).is_file():
                broken.append(f"{page}: {href} (no {target})")
            elif fragment and fragment not in ids_of(site, target):
                broken.append(f"{page}: {href} (no #{fragment})")
    assert broken == []


def enclosing_anchor(element: lxml.html.HtmlElement) -> str:
    """The id of the numbered paragraph or footnote that holds an element."""
    for ancestor in element.iterancestors():
        node_id = ancestor.get("id", "")
        if re.fullmatch(r"p[0-9]+|fn:[0-9]+", node_id):
            return node_id
    raise AssertionError(f"citation outside a numbered paragraph or footnote: {element.text}")


def test_each_citation_links_to_its_work_and_the_work_links_back(site: Path) -> None:
    seen = 0
    for page in CHAPTER_PAGES[1:]:
        for link in parse_page(site, page).xpath("//a[contains(@class, 'ed-cite')]"):
            seen += 1
            target, fragment = resolve(page, link.get("href"))
            assert target == "kaynaklar/index.html"
            entry = parse_page(site, target).xpath(f"//*[@id='{fragment}']")
            assert entry, f"{page}: {link.text} has no entry #{fragment}"
            back = {resolve(target, href) for href in entry[0].xpath(".//a/@href")}
            assert (page, enclosing_anchor(link)) in back, f"{link.text} on {page}"
    # 25 names cited in the running text ("(Boyacı 12; Atay 309-328)" counts two) and 4 in
    # the footnotes (the web page, Volkova, Sokolnikov, Güneş).
    assert seen == 29


def test_citations_are_rendered_as_printed(site: Path) -> None:
    text = " ".join(
        "".join(parse_page(site, page).xpath("//article")[0].itertext())
        for page in CHAPTER_PAGES[1:]
    )
    for printed in (
        "(Kurat 376)",
        "(Boyacı 12; Atay 309-328)",
        "(Atatürk’ün Söylev ve Demeçleri 136)",
        "(Kurat 325-326)",
        "(Karal 48)",
        "Volkova 213-217.",
        "Sokolnikov 5-8.",
        "https://biblioclub.ru/index.php?page=author_red&id=2300",
        "(Güneş 1).",
        "(RGASPİ, Rusya Devlet Sosyo-Politik Tarih Arşivi, Fon 159, Sayı 2, Dosya 57, Vr. 003)",
        "Vr. 001 (1).",
    ):
        assert printed in text
    assert "[@" not in text and "@volkova" not in text


def test_footnotes_are_numbered_as_printed_with_links_both_ways(site: Path) -> None:
    page = "sovyet-yazismalarinda-mustafa-kemal-ve-turkiye/index.html"
    html = parse_page(site, page)
    markers = html.xpath("//sup[starts-with(@id, 'fnref:')]/a")
    assert [m.text for m in markers] == ["1", "2", "3", "4"]
    for marker in markers:
        _, fragment = resolve(page, marker.get("href"))
        note = html.xpath(f"//li[@id='{fragment}']")[0]
        backref = note.xpath(".//a[contains(@class, 'footnote-backref')]/@href")[0]
        assert backref == f"#fnref:{marker.text}"
    for other in CHAPTER_PAGES:
        if other != page:
            assert not parse_page(site, other).xpath("//sup[starts-with(@id, 'fnref:')]")


def test_document_citations_link_to_records_that_link_back(site: Path) -> None:
    found = {}
    for page in CHAPTER_PAGES[1:]:
        for link in parse_page(site, page).xpath("//a[contains(@class, 'ed-doc-cite')]"):
            target, _ = resolve(page, link.get("href"))
            record = parse_page(site, target)
            back = {resolve(target, h) for h in record.xpath("//article//a/@href")}
            assert (page, enclosing_anchor(link)) in back
            found[target] = "".join(link.itertext())
    assert sorted(found) == [
        "belgeler/rgaspi-159-2-56-045/index.html",
        "belgeler/rgaspi-159-2-56-046/index.html",
        "belgeler/rgaspi-159-2-57-001-1/index.html",
        "belgeler/rgaspi-159-2-57-003/index.html",
        "belgeler/rgaspi-159-2-57-095/index.html",
    ]


def test_paragraph_numbers_run_through_the_article(site: Path) -> None:
    numbers = []
    for page in CHAPTER_PAGES[1:]:
        html = parse_page(site, page)
        for block in html.xpath("//*[contains(@class, 'ed-block')]"):
            anchor = block.get("id")
            link = block.xpath(".//*[contains(@class, 'ed-pnum')]/a")[0]
            assert link.get("href") == f"#{anchor}"
            numbers.append(int(anchor[1:]))
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) == 32
    assert not parse_page(site, "index.html").xpath("//*[contains(@class, 'ed-block')]")


def test_quotations_are_block_quotes(site: Path) -> None:
    html = parse_page(site, "sovyet-yazismalarinda-mustafa-kemal-ve-turkiye/index.html")
    quotes = html.xpath("//*[contains(@class, 'ed-block')]/blockquote")
    assert len(quotes) == 5
    assert all(q.xpath(".//a[contains(@class, 'ed-doc-cite')]") for q in quotes)
    speech = parse_page(site, "mustafa-kemal-ve-komunizm/index.html").xpath(
        "//*[contains(@class, 'ed-block')]/blockquote"
    )
    assert len(speech) == 1
    assert "Biz memleket ve milletimizin" in speech[0].text_content()


def test_citations_page_in_turkish_alphabetical_order(site: Path) -> None:
    html = parse_page(site, "kaynaklar/index.html")
    names = [
        "".join(e.xpath("./p/strong")[0].itertext())
        for e in html.xpath("//*[contains(@class, 'ed-entry')]")
        if e.xpath("./p/strong") and not e.get("id", "").startswith("rgaspi")
    ]
    assert names.index("Boyacı") < names.index("Gürsel")
    assert names.index("Karal") < names.index("Kılıç") < names.index("Kocatürk")
    assert names.index("Saray") < names.index("Sokolnikov")
    assert names.index("Yel") < names.index("Yüceer")
    assert "Tam künye bilinmiyor" in html.text_content()
    documents = html.xpath("//h2[contains(., 'Arşiv belgeleri')]")
    assert documents
