"""Every page and file of one language of the site, from the model: the one place that
decides what the site contains. Pure: no I/O, no MkDocs."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from edition import urls
from edition.labels import label, named
from edition.memo import Parts, RenderMemory
from edition.model import Document, Edition, Languages
from edition.outputs import cite, exports
from edition.outputs.metadata import article_metadata, translation_metadata
from edition.outputs.registry import site_url
from edition.render import (
    changes,
    chapter_inputs,
    documents_by_date,
    escape,
    render_chapter,
    render_citations_page,
)
from edition.render.documentindexes import index_sources, render_index_pages
from edition.render.documentpages import (
    CITATION_FILES,
    CitationFiles,
    citation_file_src,
    citation_files,
    cite_block,
    head,
    render_document_page,
    version_note,
)
from edition.render.indexes import render_chronology_page, render_glossary_page, render_people_page
from edition.render.parallel import parallel_inputs, render_parallel_chapter


@dataclass(frozen=True)
class Page:
    """A page (Markdown, `.md`) or a file (anything else) of the site."""

    src: str  # path within the language's docs folder
    content: str
    generated: bool  # False for chapters, whose file exists in docs/
    meta: Mapping[str, Any] = field(default_factory=dict)  # for the templates


def translation_notice(edition: Edition, lang: str, src: str) -> dict[str, Any]:
    """On every page of a translation: that its text is the edition's, and by whom."""
    translator = edition.info.translator(lang)
    if translator is None:
        return {}
    return {
        "translation": {
            "text": named(lang, "translation_notice", edition.languages),
            "link": label(lang, "translation_notice_link"),
            "href": urls.src_to_url("index.md") or "./",
            "anchor": urls.TRANSLATION_NOTE_ANCHOR,
            "credit": label(lang, "translated_by", credit=translator.text(lang)),
        }
    }


def render_site(
    edition: Edition,
    lang: str,
    base_url: str,
    memory: RenderMemory | None = None,
    *,
    listings_later: bool = False,
) -> dict[str, Page]:
    """Every page and file of one language, keyed by source path. With a `memory`, what it
    holds from the last build is reused where it was made from the same inputs.
    `listings_later`: the data files that list every record (and the Downloads page that
    gives their sizes) are as the last build made them, for the preview to bring up to date
    after the edited page is shown."""
    memory = memory if memory is not None else RenderMemory()
    pages: dict[str, Page] = {}
    article = cite.article_item(edition, lang, base_url)
    whole = cite.edition_item(edition, lang, base_url)
    current = changes.current_snapshots(edition, lang)

    def parts(family: str) -> Parts:
        # Every part of every page reads the edition's info (its languages, paths, title).
        return memory.family((lang, family), (base_url, edition.info)).get

    page_alternates = parts("alternates")

    def decorated(page: Page) -> Page:
        """A page with what every page shows besides its own text: its other languages, the
        note on the translation, its versions."""
        if not page.src.endswith(".md"):
            return page
        meta = dict(page.meta)
        meta["edition"] = {
            **meta.get("edition", {}),
            "alternates": page_alternates(
                page.src, (), partial(alternates, page.src, lang, base_url, edition.languages)
            ),
            **translation_notice(edition, lang, page.src),
            **versions_notice(edition, lang, page.src, base_url, current),
        }
        return Page(page.src, page.content, page.generated, meta)

    def insert(page: Page) -> None:
        if page.src in pages:  # two things that claim one URL
            raise ValueError(f"two pages claim {page.src}")
        pages[page.src] = page

    def add(page: Page) -> None:
        insert(decorated(page))

    def add_files(page_src: str, stem: str, files: CitationFiles) -> None:
        for _name, extension in CITATION_FILES:
            add(Page(citation_file_src(page_src, stem, extension), getattr(files, extension), True))

    chapter_parts, parallel_parts = parts("chapters"), parts("parallel")
    for chapter in edition.chapters_in(lang):
        page_url = cite.absolute(base_url, chapter.path)
        meta: dict[str, Any] = {
            "head": head(
                article_metadata(article, page_url, chapter.title)
                if edition.info.translator(lang) is None
                else translation_metadata(whole, article, page_url, chapter.title)
            ),
        }
        if chapter.slug == "index":
            meta["cite"] = cite_block(
                article,
                label(lang, "cite_article"),
                f"{edition.paths.how_to_cite}/{edition.paths.article}",
                edition,
                lang,
            )
        markdown = chapter_parts(
            chapter.slug,
            chapter_inputs(edition, chapter),
            partial(render_chapter, edition, chapter),
        )
        add(Page(chapter.path, markdown, False, {"edition": meta}))

    slugs_with_twins = {c.slug for c in edition.chapters if c.lang != lang}
    for chapter in edition.chapters_in(lang):
        if chapter.slug in slugs_with_twins:
            markdown = parallel_parts(
                chapter.slug,
                parallel_inputs(edition, chapter.slug),
                partial(render_parallel_chapter, edition, chapter.slug, lang),
            )
            add(Page(edition.paths.parallel_src(chapter.slug), markdown, True))

    add(
        Page(
            edition.paths.citations_page,
            render_citations_page(edition, lang, parts("citations")),
            True,
        )
    )
    for src, markdown in render_index_pages(edition, lang, parts("indexes")).items():
        add(Page(src, markdown, True))
    ordered = documents_by_date(edition)
    # What every document's pages are made from besides its own record, its neighbours, the
    # people they name and the places citing it (no work, event or chapter text).
    document_groups = memory.family(
        (lang, "documents"),
        (
            base_url,
            edition.info,
            tuple((release.version, release.pending) for release in edition.releases),
        ),
    )

    def document_group(
        document: Document, previous: Document | None, following: Document | None
    ) -> tuple[Page, ...]:
        """A document's page and its citation files (also under each of its earlier ids)."""
        markdown, meta, files = render_document_page(
            edition, document, lang, base_url, previous, following
        )
        src = edition.paths.document_src(document.id)
        meta = {
            **meta,
            "edition": {**meta["edition"], "tei": tei_link(edition, document.id, lang)},
        }
        group = [decorated(Page(src, markdown, True, meta))]
        # An earlier id's page redirects here; its files cannot, so they are served as they
        # are now under the old address as well: a link to them keeps working.
        for page_src in (src, *(edition.paths.document_src(a) for a in document.aliases)):
            group += [
                Page(
                    citation_file_src(page_src, edition.paths.citation_files, extension), text, True
                )
                for _name, extension in CITATION_FILES
                for text in [getattr(files, extension)]
            ]
        return tuple(group)

    for index, document in enumerate(ordered):
        previous = ordered[index - 1] if index > 0 else None
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        places = tuple(
            (chapter.path, chapter.title, anchor)
            for chapter, anchor, _pages in edition.citing(document.id, lang)
        )
        src = edition.paths.document_src(document.id)
        group = document_groups.get(
            document.id,
            (
                document,
                previous,
                following,
                places,
                *(edition.people_of(d) for d in (document, previous, following)),
                current.get(src),
            ),
            partial(document_group, document, previous, following),
        )
        for page in group:
            insert(page)

    add(
        Page(
            edition.paths.how_to_cite_page,
            render_how_to_cite(edition, lang),
            True,
            {
                "edition": {
                    "cites": [
                        cite_block(
                            article,
                            label(lang, "cite_article"),
                            edition.paths.article,
                            edition,
                            lang,
                        ),
                        cite_block(
                            whole, label(lang, "cite_edition"), edition.paths.edition, edition, lang
                        ),
                    ]
                }
            },
        )
    )
    add_files(edition.paths.how_to_cite_page, edition.paths.article, citation_files(article, lang))
    add_files(
        edition.paths.how_to_cite_page,
        edition.paths.edition,
        citation_files(whole, lang, version_note(edition, lang, "index.md", base_url)),
    )
    add(Page(edition.paths.people_page, render_people_page(edition, lang, parts("people")), True))
    add(
        Page(
            edition.paths.chronology_page,
            render_chronology_page(edition, lang, parts("chronology")),
            True,
        )
    )
    if edition.glossary:
        add(
            Page(
                edition.paths.glossary_page,
                render_glossary_page(edition, lang, parts("glossary")),
                True,
            )
        )
    add(Page(edition.paths.changelog, render_changelog(edition, lang), True))
    add_changes(edition, lang, current, add)
    add_downloads(edition, lang, base_url, pages, add, memory, listings_later=listings_later)
    return pages


def add_downloads(
    edition: Edition,
    lang: str,
    base_url: str,
    pages: dict[str, Page],
    add: Callable[[Page], None],
    memory: RenderMemory,
    *,
    listings_later: bool = False,
) -> None:
    """The data files (served once, from the original language's site root) and the Downloads
    page of `lang`, which lists them and the language's citation files with size and SHA-256;
    `listings_later`: the data files as the last build made them, when there was one."""
    root = exports.root_url(base_url, lang, edition.languages)
    # Every language's Downloads page lists the same files: made once for both in a process.
    memory.data_files.begin(None)
    data = memory.data_files.last("data") if listings_later else None
    if data is None:
        data = memory.data_files.get(
            "data", (edition, root), partial(exports.render_data_files, edition, root, memory)
        )
    if lang == edition.original:
        for path, content in data.items():
            add(Page(path, content, True))
    citation_files = {
        src: page.content
        for src, page in pages.items()
        if src.startswith(f"{edition.paths.how_to_cite}/")
    }
    sections = exports.downloads(edition, lang, data, citation_files)
    add(
        Page(
            edition.paths.downloads_page,
            exports.render_downloads_page(edition, lang, sections),
            True,
        )
    )


def add_changes(
    edition: Edition,
    lang: str,
    current: Mapping[str, Any],
    add: Callable[[Page], None],
) -> None:
    """What each release changed, each page's comparison with the versions it differs from,
    and (once, at the site root) the current list of versions for the frozen copies."""
    for release in edition.releases:
        add(
            Page(
                edition.paths.changes_index(release.version),
                changes.render_release_changes(edition, lang, release, current),
                True,
            )
        )
    for kept in changes.kept_versions(edition, lang, current):
        if kept.release.pending:
            continue
        for src, page in sorted(current.items()):
            old = kept.pages.get(src)
            if old is not None and changes.changed_parts(old, page):
                add(
                    Page(
                        edition.paths.changes_src(kept.release.version, src),
                        changes.render_comparison_page(edition, lang, kept.release, src, old, page),
                        True,
                    )
                )
    if edition.releases and lang == edition.original:
        add(Page(edition.paths.versions_list, changes.versions_list(edition), True))


def versions_notice(
    edition: Edition, lang: str, src: str, base_url: str, current: Mapping[str, Any]
) -> dict[str, Any]:
    """On every page once its version is released: the version and this page's frozen copy;
    on a document page or a chapter, its history among the kept versions."""
    notice: dict[str, Any] = {}
    version = changes.this_version(edition, lang, src, base_url)
    if version is not None:
        notice["this_version"] = version
    history = changes.page_history(edition, lang, src, current)
    if history is not None:
        notice["page_versions"] = history
    return notice


def tei_link(edition: Edition, document_id: str, lang: str) -> dict[str, str]:
    """The link from a document's page to its TEI file, relative to the page."""
    here = urls.site_path(edition.paths.document_src(document_id), lang, edition.languages)
    here = here.rstrip("/")
    target = edition.paths.tei_src(document_id)
    return {"href": urls.relative_file(here, target), "label": label(lang, "tei_file")}


def alternates(src: str, lang: str, base_url: str, languages: Languages) -> list[dict[str, str]]:
    """The page in every language: relative links for the switcher, absolute for hreflang."""
    here = urls.site_path(src, lang, languages)
    root = base_url.removesuffix(urls.language_prefix(languages, lang)) if base_url else ""
    return [
        {
            "lang": other,
            "name": label(other, "language_name"),
            "href": urls.relative_url(here, urls.site_path(src, other, languages)),
            "absolute": (root + urls.site_path(src, other, languages)) if root else "",
            "current": "true" if other == lang else "",
        }
        for other in languages
    ]


def site_identity(edition: Edition, lang: str) -> dict[str, str]:
    """The MkDocs settings that name the site in `lang`: the edition's, from its sources."""
    return {
        "site_name": edition.info.title.text(lang),
        "site_author": edition.info.author,
        "site_description": label(
            lang,
            "site_description",
            title=edition.info.title.text(edition.original),
            author=edition.info.author,
        ),
    }


def interface_settings(edition: Edition, lang: str) -> dict[str, Any]:
    """What the theme says in `lang` beyond the pages: its language, the language switcher
    (for a page without the edition's own links), the colour toggles and the footnotes'
    back-links. MkDocs' configuration names none of them, so that one file serves every
    language of any edition."""
    return {
        "language": lang,
        "alternate": [
            {"name": label(other, "language_name"), "link": "/" + prefix, "lang": other}
            for other, prefix in urls.language_prefixes(edition.languages).items()
        ],
        "toggle": {"default": label(lang, "to_dark"), "slate": label(lang, "to_light")},
        "footnote_backlink": label(lang, "footnote_backlink"),
    }


@dataclass(frozen=True)
class LanguageSettings:
    """What the hook gives MkDocs for one language besides the pages: the interface, the
    site's name, the navigation and the redirects of old ids. Every page shows them, so a
    change to any of them rebuilds every page."""

    interface: Mapping[str, Any]
    identity: Mapping[str, str]
    navigation: list[dict[str, str]]
    redirects: Mapping[str, str]


def language_settings(edition: Edition, lang: str) -> LanguageSettings:
    return LanguageSettings(
        interface_settings(edition, lang),
        site_identity(edition, lang),
        navigation(edition, lang),
        urls.alias_redirects(edition),
    )


def navigation(edition: Edition, lang: str) -> list[dict[str, str]]:
    """The site navigation: the title page, the chapters, then the edition's own pages."""
    nav = []
    for chapter in edition.chapters_in(lang):
        title = label(lang, "title_page") if chapter.slug == "index" else chapter.title
        nav.append({title: chapter.path})
    nav.append({label(lang, "citations"): edition.paths.citations_page})
    nav.append({label(lang, "documents_index"): edition.paths.documents_index})
    nav.append({label(lang, "people"): edition.paths.people_page})
    nav.append({label(lang, "chronology"): edition.paths.chronology_page})
    if edition.glossary:
        nav.append({label(lang, "glossary"): edition.paths.glossary_page})
    nav.append({label(lang, "how_to_cite"): edition.paths.how_to_cite_page})
    nav.append({label(lang, "changelog"): edition.paths.changelog})
    nav.append({label(lang, "downloads"): edition.paths.downloads_page})
    return nav


def render_how_to_cite(edition: Edition, lang: str) -> str:
    return f"# {label(lang, 'how_to_cite')}\n\n{escape(label(lang, 'how_to_cite_intro'))}\n"


def render_changelog(edition: Edition, lang: str) -> str:
    out = [f"# {label(lang, 'changelog')}", "", label(lang, "changelog_intro"), ""]
    for version in edition.info.versions:
        out += [
            f"## {label(lang, 'version')} {escape(version.version)} ({escape(version.date)})"
            f" {{ #v{version.version.replace('.', '-')} }}",
            "",
            escape(version.changes.text(lang)),
            "",
            changes.release_links(edition, lang, version.version),
            "",
        ]
    return "\n".join(out)


def planned_sources(edition: Edition, lang: str) -> list[str]:
    """The source paths `render_site` produces for `lang`, known without rendering anything
    (checking the URL registry must not cost a second build)."""
    chapters = edition.chapters_in(lang)
    twins = {c.slug for c in edition.chapters if c.lang != lang}
    sources = [chapter.path for chapter in chapters]
    sources += [edition.paths.parallel_src(c.slug) for c in chapters if c.slug in twins]
    sources += [
        edition.paths.citations_page,
        edition.paths.documents_index,
        *index_sources(edition),
    ]
    for document in edition.documents:
        src = edition.paths.document_src(document.id)
        sources.append(src)
        for page in (src, *(edition.paths.document_src(alias) for alias in document.aliases)):
            sources += [
                citation_file_src(page, edition.paths.citation_files, ext)
                for _name, ext in CITATION_FILES
            ]
    sources.append(edition.paths.how_to_cite_page)
    for stem in (edition.paths.article, edition.paths.edition):
        sources += [
            citation_file_src(edition.paths.how_to_cite_page, stem, ext)
            for _n, ext in CITATION_FILES
        ]
    sources += [edition.paths.people_page, edition.paths.chronology_page, edition.paths.changelog]
    if edition.glossary:
        sources.append(edition.paths.glossary_page)
    if lang == edition.original:  # the data files live once, at the site root
        sources += exports.data_sources(edition)
    current = changes.current_snapshots(edition, lang)
    sources += [edition.paths.changes_index(release.version) for release in edition.releases]
    sources += changes.comparison_sources(edition, lang, current)
    if edition.releases and lang == edition.original:
        sources.append(edition.paths.versions_list)
    sources.append(edition.paths.downloads_page)
    return sources


def served_urls(edition: Edition) -> list[str]:
    """Every URL the site serves, in every language: pages, files, the books made after the
    build (edition/outputs/pdf.py, epub.py) and the redirects of old ids."""
    served = []
    for lang, prefix in urls.language_prefixes(edition.languages).items():
        for src in planned_sources(edition, lang):
            served.append(site_url(src, prefix))
        served.append(site_url(urls.pdf_path(edition, lang), ""))
        served.append(site_url(urls.epub_path(edition, lang), ""))
        for old in urls.alias_redirects(edition):
            served.append(site_url(old, prefix))
    return sorted(served)
