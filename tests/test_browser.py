"""A reader's path through the Turkish edition in Debian's Chromium, driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
CHAPTER_2 = "sovyet-yazismalarinda-mustafa-kemal-ve-turkiye/"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def test_home_to_chapter_to_footnote_tooltip(page: Page, base_url: str) -> None:
    page.goto(base_url)
    expect(page.locator("h1")).to_have_text(
        "Rus Arşivlerinde Mustafa Kemal Paşa ve Türkiye (1918-1922)"
    )
    expect(page.locator(".ed-byline")).to_contain_text("Telli Korkmaz")
    screenshot(page, "tr-home")
    page.locator("article").get_by_role(
        "link", name="2. Sovyet Yazışmalarında Mustafa Kemal ve Türkiye"
    ).click()
    expect(page).to_have_url(base_url + CHAPTER_2)
    marker = page.locator("sup#fnref\\:1 a")
    marker.scroll_into_view_if_needed()
    marker.hover()
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active")
    expect(tooltip.first).to_contain_text("Felix Edmundoviç Dzerjinski")
    screenshot(page, "tr-chapter-footnote-tooltip")
    marker.click()
    expect(page).to_have_url(base_url + CHAPTER_2 + "#fn:1")
    page.locator("#fn\\:1 .footnote-backref").click()
    expect(page).to_have_url(base_url + CHAPTER_2 + "#fnref:1")


def test_citation_to_citations_page_and_back(page: Page, base_url: str) -> None:
    page.goto(base_url + "mustafa-kemal-ve-komunizm/")
    page.locator("#p5 a.ed-cite", has_text="Kurat").click()
    expect(page).to_have_url(base_url + "kaynaklar/#kurat")
    entry = page.locator("#kurat")
    expect(entry).to_contain_text("376, 325-326")
    expect(entry).to_contain_text("Tam künye bilinmiyor")
    screenshot(page, "tr-citations")
    entry.get_by_role("link", name="¶\u202f5").click()
    expect(page).to_have_url(base_url + "mustafa-kemal-ve-komunizm/#p5")
    expect(page.locator("#p5")).to_be_in_viewport()


def test_document_from_its_citation_and_back(page: Page, base_url: str) -> None:
    page.goto(base_url + CHAPTER_2 + "#p17")
    page.locator("#p17 a.ed-doc-cite").click()
    expect(page).to_have_url(base_url + "belgeler/rgaspi-159-2-57-003/")
    expect(page.locator("h1")).to_have_text("Mektup: Çiçerin → Lenin, 27 Eylül 1920")
    expect(page.locator("table.ed-record")).to_contain_text("Fon 159, Sayı 2, Dosya 57, Vr. 003")
    expect(page.locator(".ed-document-text")).to_contain_text("Batı radyosunun verdiyi malumata")
    screenshot(page, "tr-document")
    page.get_by_role(
        "link", name="¶\u202f17, 2. Sovyet Yazışmalarında Mustafa Kemal ve Türkiye"
    ).click()
    expect(page).to_have_url(base_url + CHAPTER_2 + "#p17")


def test_paragraph_link_is_a_copyable_permalink(page: Page, base_url: str) -> None:
    page.goto(base_url + "giris/")
    link = page.locator("#p2 .ed-pnum a")
    expect(link).to_have_attribute("href", "#p2")
    link.click()
    expect(page).to_have_url(base_url + "giris/#p2")


def test_phone_width(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + CHAPTER_2)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    screenshot(page, "tr-chapter-phone")
    context.close()


def test_copy_a_citation(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    origin = base_url.rstrip("/")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    page = context.new_page()
    page.goto(base_url + "belgeler/rgaspi-159-2-57-003/")
    button = page.locator("#atif-mla + button.ed-copy")
    button.scroll_into_view_if_needed()
    button.click()
    expect(button).to_have_text("Kopyalandı")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#atif-mla").inner_text()
    assert "Fon 159, Sayı 2, Dosya 57, Vr. 003" in copied
    screenshot(page, "tr-document-cite")
    context.close()


def test_people_and_chronology_pages(page: Page, base_url: str) -> None:
    page.goto(base_url + "kisiler/#sokolnikov")
    expect(page.locator("#sokolnikov")).to_be_in_viewport()
    screenshot(page, "tr-people")
    page.goto(base_url + "kronoloji/")
    page.get_by_role("row", name="Brest-Litovsk").get_by_role("link").click()
    expect(page).to_have_url(base_url + "mustafa-kemal-ve-komunizm/#p5")
    screenshot(page, "tr-chronology-target")


def _switch_language(page: Page, lang: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.ed-twin[hreflang='{lang}']").click()


def test_switcher_keeps_the_page_and_the_paragraph(page: Page, base_url: str) -> None:
    page.goto(base_url + "mustafa-kemal-ve-komunizm/#p7")
    _switch_language(page, "en")
    expect(page).to_have_url(base_url + "en/mustafa-kemal-ve-komunizm/#p7")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#p7")).to_be_in_viewport()
    screenshot(page, "en-chapter-p7")
    _switch_language(page, "tr")
    expect(page).to_have_url(base_url + "mustafa-kemal-ve-komunizm/#p7")
    page.goto(base_url + "belgeler/rgaspi-159-2-57-095/")
    _switch_language(page, "en")
    expect(page).to_have_url(base_url + "en/belgeler/rgaspi-159-2-57-095/")


def _search(page: Page, query: str) -> list[str]:
    box = page.locator("#ed-search-query")
    box.click()
    box.fill(query)
    results = page.locator("#ed-search-results a.md-search-result__link")
    expect(results.first).to_be_visible()
    return [href for href in results.evaluate_all("(links) => links.map(a => a.pathname)")]


SEARCH_CASES = [
    # (language prefix, query, a page the results must include)
    ("", "Lenin", "/mustafa-kemal-ve-komunizm/"),  # Lenin’in
    ("", "istanbul", "/giris/"),  # İstanbul’da
    ("", "cicerin", "/sovyet-yazismalarinda-mustafa-kemal-ve-turkiye/"),  # Çiçerin’e
    ("", "Çiçerin", "/sovyet-yazismalarinda-mustafa-kemal-ve-turkiye/"),
    ("", "ıslah", "/mustafa-kemal-ve-komunizm/"),  # “ıslah edici”
    ("en/", "Lenin", "/en/mustafa-kemal-ve-komunizm/"),
    ("en/", "Chicherin", "/en/sovyet-yazismalarinda-mustafa-kemal-ve-turkiye/"),
    ("en/", "istanbul", "/en/giris/"),
]


@pytest.mark.parametrize(("prefix", "query", "expected"), SEARCH_CASES)
def test_search_in_the_readers_language(
    page: Page, base_url: str, prefix: str, query: str, expected: str
) -> None:
    page.goto(base_url + prefix + "giris/")
    found = _search(page, query)
    assert expected in found
    if prefix:
        assert all(path.startswith("/en/") for path in found), found
    else:
        assert not any(path.startswith("/en/") for path in found), found
    if query == "cicerin" and not prefix:
        screenshot(page, "tr-search")


def test_search_result_opens_the_page(page: Page, base_url: str) -> None:
    page.goto(base_url + "en/")
    _search(page, "Sokolnikov")
    page.locator("#ed-search-results a.md-search-result__link").first.click()
    expect(page).not_to_have_url(base_url + "en/")
    expect(page.locator("article")).to_contain_text("Sokolnikov")


PAGE_KINDS = [
    "",
    "giris/",
    "sovyet-yazismalarinda-mustafa-kemal-ve-turkiye/",
    "paralel/giris/",
    "belgeler/",
    "belgeler/rgaspi-159-2-57-003/",
    "kaynaklar/",
    "kisiler/",
    "kronoloji/",
    "atif/",
    "surumler/",
]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_request_leaves_the_site_and_the_policy_holds(
    browser: Browser, base_url: str, prefix: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    violations: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    for kind in PAGE_KINDS:
        page.goto(base_url + prefix + kind)
        page.wait_for_load_state("networkidle")
    _search(page, "Lenin")  # Pagefind's index and WebAssembly under the policy
    context.close()
    assert requests and all(url.startswith(base_url) for url in requests), [
        url for url in requests if not url.startswith(base_url)
    ]
    assert violations == []
