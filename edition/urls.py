"""The one URL scheme of the edition: where each page lives, and links between pages.

Paths are MkDocs source paths within a language's docs folder; with directory URLs,
`belgeler/<id>.md` is served at `belgeler/<id>/`, the original language at the site root and
each translation under its code. The words of the paths are the edition's (`Paths`); the
paths are the published URLs: never change one.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from edition.model import Edition, Languages


def language_prefix(languages: Languages, lang: str) -> str:
    """The path a language of the site is served under: the original at the root, each
    translation under its code ('en/')."""
    return "" if lang == languages.original else f"{lang}/"


def language_prefixes(languages: Languages) -> dict[str, str]:
    """Each language of the site, the original first, with the path it is served under."""
    return {lang: language_prefix(languages, lang) for lang in languages}


@dataclass(frozen=True)
class Paths:
    """The words of the site's URLs: `paths` in sources/edition.yaml, each field's default
    declared in its schema. Every page's and file's path is made here from them."""

    documents: str
    archive_files: str
    years: str
    citations: str
    how_to_cite: str
    citation_files: str
    article: str
    edition: str
    people: str
    chronology: str
    glossary: str
    versions: str
    releases: str
    changes: str
    downloads: str
    parallel: str
    data: str
    pdf: str
    epub: str

    @property
    def citations_page(self) -> str:
        return f"{self.citations}.md"

    @property
    def documents_index(self) -> str:
        return f"{self.documents}/index.md"

    @property
    def how_to_cite_page(self) -> str:
        return f"{self.how_to_cite}.md"

    @property
    def people_page(self) -> str:
        return f"{self.people}.md"

    @property
    def chronology_page(self) -> str:
        return f"{self.chronology}.md"

    @property
    def glossary_page(self) -> str:
        """Only for an edition with sources/glossary.yaml."""
        return f"{self.glossary}.md"

    @property
    def changelog(self) -> str:
        return f"{self.versions}.md"

    def frozen_path(self, version: str, site_path: str = "") -> str:
        """A released version's copy of a page, from the site root: /surum/0.4.0/<site path>.
        The copy is the whole site as released, so every path of it is below this one."""
        return f"{self.releases}/{version}/{site_path}"

    @property
    def versions_list(self) -> str:
        """The current list of versions, read by the banners of the frozen copies (made
        before the versions after them), served once from the site root."""
        return f"{self.releases}/versions.json"

    def changes_index(self, version: str) -> str:
        """What the release of `version` changed."""
        return f"{self.changes}/{version}/index.md"

    def changes_src(self, version: str, page_src: str) -> str:
        """A page (a document or a chapter) as it was in `version`, against the current one."""
        # The title page's own index.md is the release's page: its comparison is a folder.
        page = "index/index.md" if page_src == "index.md" else page_src
        return f"{self.changes}/{version}/{page}"

    @property
    def downloads_page(self) -> str:
        return f"{self.downloads}.md"

    def document_src(self, document_id: str) -> str:
        return f"{self.documents}/{document_id}.md"

    def archive_file_src(self, file_id: str) -> str:
        """A page per file (delo) of the archive: /belgeler/dosya/159-2-57/."""
        return f"{self.documents}/{self.archive_files}/{file_id}.md"

    def year_src(self, year: int) -> str:
        """A page per year of the documents' dates: /belgeler/yil/1920/."""
        return f"{self.documents}/{self.years}/{year}.md"

    def parallel_src(self, slug: str) -> str:
        return f"{self.parallel}/{slug}.md"

    def pdf_src(self, stem: str, lang: str) -> str:
        """The whole edition as a PDF, in each language's folder: /pdf/<stem>-tr.pdf, the stem
        being the edition's `identifiers: files`."""
        return f"{self.pdf}/{stem}-{lang}.pdf"

    def epub_src(self, stem: str, lang: str) -> str:
        """The whole edition as an EPUB, in each language's folder: /epub/<stem>-tr.epub, the
        stem the PDF's."""
        return f"{self.epub}/{stem}-{lang}.epub"

    def data_src(self, name: str) -> str:
        """A data file, served once from the site root: /veri/documents.json."""
        return f"{self.data}/{name}"

    def tei_src(self, stem: str) -> str:
        """A TEI file, once for every language: /veri/tei/<id>.xml."""
        return f"{self.data}/tei/{stem}.xml"

    @property
    def article_tei(self) -> str:
        return self.tei_src(self.article)


def chapter_src(slug: str) -> str:
    return f"{slug}.md"


def work_anchor(key: str) -> str:
    return key


def document_anchor(document_id: str) -> str:
    return document_id


def src_to_url(src: str) -> str:
    """The site-relative URL that MkDocs gives a source path (directory URLs)."""
    if src == "index.md":
        return ""
    if src.endswith("/index.md"):
        return src[: -len("index.md")]
    return src[: -len(".md")] + "/"


# The note on the translation, on a translation's title page: every page of it links there.
TRANSLATION_NOTE_ANCHOR = "translation-note"


@cache
def link(from_src: str, to_src: str, anchor: str | None = None) -> str:
    """A relative Markdown link from one page's source to another's, which MkDocs checks."""
    target = to_src if from_src != to_src else ""
    if target:
        target = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return f"{target}#{anchor}" if anchor else target


def page_href(from_src: str, to_src: str, anchor: str = "") -> str:
    """The URL that MkDocs makes of `link(from_src, to_src, anchor)`, for raw HTML: a page's
    long lists of places are written so, since Python-Markdown's link parsing is quadratic in
    the number of links in one paragraph, and so is the chronology, a table of a row per
    record. Their targets are the edition's own pages and anchors, which the site's link
    test resolves."""
    fragment = f"#{anchor}" if anchor else ""
    if from_src == to_src:
        return fragment
    return relative_url(src_to_url(from_src), src_to_url(to_src)) + fragment


def alias_redirects(edition: Edition) -> dict[str, str]:
    """Old source paths → current ones, for every record's earlier ids (its `aliases`)."""
    paths = edition.paths
    return {
        paths.document_src(alias): paths.document_src(document.id)
        for document in edition.documents
        for alias in document.aliases
    }


def pdf_path(edition: Edition, lang: str) -> str:
    """The PDF of `lang` from the site root, with the language's prefix."""
    return language_prefix(edition.languages, lang) + edition.paths.pdf_src(
        edition.info.identifiers.files, lang
    )


def epub_path(edition: Edition, lang: str) -> str:
    """The EPUB of `lang` from the site root, with the language's prefix."""
    return language_prefix(edition.languages, lang) + edition.paths.epub_src(
        edition.info.identifiers.files, lang
    )


def site_path(src: str, lang: str, languages: Languages) -> str:
    """A page's path from the site root, with its language prefix: 'en/giris/'."""
    return language_prefix(languages, lang) + src_to_url(src)


@cache  # every document page asks for the way to its TEI file, on every rebuild
def relative_file(from_path: str, to_file: str) -> str:
    """A relative URL from a site path (a page's folder) to a file's path from the root."""
    return posixpath.relpath(to_file, from_path.rstrip("/") or ".")


@cache  # every page asks for the way to its twin, on every rebuild
def relative_url(from_path: str, to_path: str) -> str:
    """A relative URL between two site paths (directory URLs, '' for the root)."""
    start = from_path.rstrip("/") or "."
    target = to_path.rstrip("/") or "."
    relative = posixpath.relpath(target, start)
    return "./" if relative == "." else relative + "/"
