"""The edition as a book, whatever its format: which built pages it holds, in what order, each
page's `<article>` without what only the screen needs, and where each of their links leads
once the pages are parts of one book. The PDF (`pdf.py`) and the EPUB (`epub.py`) are both
made from these, so that they hold the same parts with the ids of the site's anchors."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
from lxml.html import HtmlElement

from edition import urls
from edition.labels import label
from edition.model import Edition, EditionInfo
from edition.render import documents_by_date, escape_html

# What the screen has and a book does not: buttons, the link to the parallel reading,
# neighbour links (the book has its own order), COinS spans, permalink icons.
DROPPED = (
    "//script",
    "//button",
    "//span[contains(@class, 'Z3988')]",
    "//nav[contains(@class, 'ed-neighbours')]",
    "//p[contains(@class, 'ed-parallel-link')]",
    "//a[contains(@class, 'headerlink')]",
)


@dataclass(frozen=True)
class Section:
    """One built page of a language as a part of the book."""

    key: str  # the section's id in the book, derived from its URL
    src: str  # the page's source path
    level: int = 1  # 2: listed under the section before it in the contents


def section_key(src: str) -> str:
    return urls.src_to_url(src).strip("/").replace("/", "-") or "front"


def book_sections(edition: Edition, lang: str) -> list[Section]:
    """The parts of the book in reading order: the article, then the edition's apparatus."""
    sources = [chapter.path for chapter in edition.chapters_in(lang)]
    sources += [edition.paths.citations_page, edition.paths.documents_index]
    sections = [Section(section_key(src), src) for src in sources]
    for document in documents_by_date(edition):
        src = edition.paths.document_src(document.id)
        sections.append(Section(section_key(src), src, level=2))
    glossary = (edition.paths.glossary_page,) if edition.glossary else ()
    for src in (
        edition.paths.people_page,
        edition.paths.chronology_page,
        *glossary,
        edition.paths.how_to_cite_page,
    ):
        sections.append(Section(section_key(src), src))
    return sections


@dataclass(frozen=True)
class BuiltSections:
    """The `<article>` of each section's built page, ready to be part of a book, and its
    title for the book's contents, by section key."""

    bodies: dict[str, HtmlElement]
    titles: dict[str, str]


def built_sections(
    site: Path, edition: Edition, lang: str, sections: list[Section]
) -> BuiltSections:
    """Each section's article from the built site at `site`, without the screen's furniture;
    the title page without its byline and its contents, which the book gives its own way."""
    bodies: dict[str, HtmlElement] = {}
    titles: dict[str, str] = {}
    for section in sections:
        page_path = urls.site_path(section.src, lang, edition.languages)
        tree = lxml.html.fromstring((site / page_path / "index.html").read_bytes())
        article = tree.xpath("//article[contains(@class, 'md-content__inner')]")[0]
        for path in DROPPED:
            for element in article.xpath(path):
                element.drop_tree()
        heading = article.xpath(".//h1")[0]
        titles[section.key] = heading.text_content().strip()
        if section.key == "front":  # the title page says it already
            titles[section.key] = label(lang, "title_page")
            for byline in article.xpath(".//p[contains(@class, 'ed-byline')]"):
                byline.drop_tree()
            for contents in article.xpath(".//h2"):  # the site's contents: the book has its own
                if contents.text_content().strip() == label(lang, "contents"):
                    following = contents.getnext()
                    if following is not None and following.tag == "ul":
                        following.drop_tree()
                    contents.drop_tree()
        bodies[section.key] = article
    return BuiltSections(bodies, titles)


def credited(info: EditionInfo, lang: str) -> str:
    """The book's author, and in a translation its translators: 'Telli Korkmaz; the editors
    of the digital edition (translation)'."""
    translator = info.translator(lang)
    if translator is None:
        return info.author
    return f"{info.author}; {label(lang, 'translated_by', credit=translator.text(lang))}"


def render_title_page(edition: Edition, lang: str, address: str | None, note: str) -> str:
    """The book's own title page: title, author, translator, the edition's version and date,
    its address, and `note`, what this book is and how to cite from it."""
    info = edition.info
    return (
        '<section class="book-title-page" id="title-page">\n'
        f'<p class="book-title">{escape_html(info.title.text(lang))}</p>\n'
        f'<p class="book-author">{escape_html(info.author)}</p>\n'
        + _translator_line(info, lang)
        + f'<p class="book-edition">'
        f"{escape_html(label(lang, 'book_edition', version=info.version, date=info.date))}</p>\n"
        + (
            f'<p class="book-address">{escape_html(label(lang, "book_online"))} '
            f'<a href="{escape_html(address)}">{escape_html(address)}</a></p>\n'
            if address
            else f'<p class="book-address">{escape_html(label(lang, "book_no_address"))}</p>\n'
        )
        + f'<p class="book-note">{escape_html(note)}</p>\n'
        "</section>\n"
    )


def _translator_line(info: EditionInfo, lang: str) -> str:
    translator = info.translator(lang)
    if translator is None:
        return ""
    return (
        f'<p class="book-translator">{escape_html(label(lang, "book_translated_by"))} '
        f"{escape_html(translator.text(lang))}</p>\n"
    )


@dataclass(frozen=True)
class LinkTarget:
    """Where a relative link of a built page leads: a section of the book (`key`), or, when
    the book does not hold its page, that page's path on the site (`key` None)."""

    key: str | None
    site_path: str  # from the site root, as the link gave it ('' for the root)
    fragment: str  # unquoted; '' for none
    raw_fragment: str  # as the link wrote it

    def on_site(self, root_url: str) -> str:
        """The target's address on the published site (relative to `root_url`)."""
        return root_url + self.site_path + (f"#{self.raw_fragment}" if self.raw_fragment else "")


def link_target(href: str, page_path: str, key: str, by_path: dict[str, str]) -> LinkTarget | None:
    """Where `href`, a link of the built page at `page_path` (the book's section `key`),
    leads; None for a link that already names its scheme, host or root."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return None
    fragment = unquote(parts.fragment)
    if not parts.path:
        return LinkTarget(key, page_path, fragment, parts.fragment)
    target = posixpath.normpath(posixpath.join(page_path or ".", unquote(parts.path)))
    target = "" if target == "." else target
    target_key = by_path.get(target)
    if parts.path.endswith("/") and target:
        target += "/"
    return LinkTarget(target_key, target, fragment, parts.fragment)
