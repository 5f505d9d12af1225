"""Pure renderers: (Edition, language) → the Markdown of every page. No I/O, no MkDocs."""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, partial

import icu
from babel.dates import format_date

from edition import urls
from edition.labels import KIND_NAMES, label, named
from edition.memo import Parts, fresh
from edition.model import (
    Block,
    Chapter,
    Citation,
    CitationForm,
    DatePrecision,
    Document,
    DocumentDate,
    Edition,
    Footnote,
    Person,
    Work,
)

_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~^]")


def escape(text: str) -> str:
    """Text from a record or the .bib, made inert as Markdown (for raw HTML: escape_html)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", html.escape(text, quote=False))


def escape_html(text: str) -> str:
    """Text for raw HTML that Markdown does not read: an HTML block, an attribute's value."""
    return html.escape(text, quote=True)


def escape_either(text: str) -> str:
    """Text that reads the same as raw HTML and as Markdown: Markdown's special characters
    as character references, which Markdown leaves alone and a browser reads as the
    characters (a list of places stands in a paragraph on one page, in a raw HTML table on
    another)."""
    return _MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m[0])};", escape_html(text))


def web_link(url: str) -> str:
    """A link to an address checked as http(s) (hygiene.web_address_problem), written as HTML
    so that Markdown neither reads nor rewrites it."""
    return f'<a href="{escape_html(url)}">{escape(url)}</a>'


@cache
def _collator(lang: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale(lang))


def alphabetical_key(text: str, lang: str) -> bytes:
    """The alphabetical order of `lang` (the original's, for its names and terms), by ICU's
    collation for it (in Turkish: C < Ç, I < İ, S < Ş)."""
    key: bytes = _collator(lang).getSortKey(text)
    return key


# --- pages -----------------------------------------------------------------------------


# --- chapters --------------------------------------------------------------------------


def cited_records(edition: Edition, chapters: Iterable[Chapter]) -> tuple[object, ...]:
    """Each record and work the chapters cite, as their rendering reads it."""
    return tuple(
        (key, edition.document(key), edition.work(key))
        for chapter in chapters
        for key in chapter.cited_keys
    )


def chapter_inputs(edition: Edition, chapter: Chapter) -> object:
    """What `render_chapter` reads besides the edition's info: the chapter, what it cites,
    every chapter's title and path (the title page lists them; a twin is linked) and whether
    there is a glossary (the translation note links it)."""
    return (
        chapter,
        cited_records(edition, [chapter]),
        tuple((c.slug, c.lang, c.title, c.path) for c in edition.chapters),
        bool(edition.glossary),
    )


def render_chapter(edition: Edition, chapter: Chapter) -> str:
    """A chapter's Markdown with citations linked and body blocks numbered."""
    parts: list[str] = []
    for block in chapter.blocks:
        text = _resolve_citations(block.markdown, block.citations, edition, chapter)
        if block.number is not None:
            text = _numbered(text, block, chapter.lang)
        parts.append(text)
        if chapter.slug == "index" and block.markdown.startswith("# "):
            parts.append(_byline(edition, chapter.lang))
            if chapter.lang != edition.original:
                parts.append(_translation_note(edition, chapter.lang))
        if block.markdown.startswith("# ") and _has_twin(edition, chapter):
            target = urls.link(chapter.path, edition.paths.parallel_src(chapter.slug))
            towards = "original" if chapter.lang != edition.original else "translation"
            link = named(chapter.lang, f"parallel_link_to_{towards}", edition.languages)
            parts.append(f"[{escape(link)}]({target})\n" + "{: .ed-parallel-link }")
    if chapter.slug == "index":
        parts.append(_contents(edition, chapter.lang))
    for note in chapter.footnotes:
        parts.append(_footnote(note, edition, chapter))
    return "\n\n".join(parts) + "\n"


def _numbered(text: str, block: Block, lang: str) -> str:
    anchor = block.anchor
    title = escape_html(label(lang, "paragraph_link", n=block.number))
    return (
        f'<div class="ed-block" id="{anchor}" markdown>\n'
        f'<div class="ed-pnum" data-pagefind-ignore="all"><a href="#{anchor}" title="{title}" '
        f'aria-label="{title}">¶\u202f{block.number}</a></div>\n\n{text}\n\n</div>'
    )


def _footnote(note: Footnote, edition: Edition, chapter: Chapter) -> str:
    text = _resolve_citations(note.markdown, note.citations, edition, chapter)
    lines = text.splitlines()
    return f"[^{note.label}]: " + "\n".join([lines[0], *("    " + line for line in lines[1:])])


def _resolve_citations(
    text: str, citations: Iterable[Citation], edition: Edition, chapter: Chapter
) -> str:
    return resolve_citations(text, citations, edition, chapter.path, chapter.lang)


def resolve_citations(
    text: str, citations: Iterable[Citation], edition: Edition, from_src: str, lang: str
) -> str:
    """`text` with each of its citations replaced by its rendering as the article prints it."""
    pieces: list[str] = []
    position = 0
    for citation in citations:
        start, end = citation.span
        pieces.append(text[position:start])
        pieces.append(render_citation(citation, edition, from_src, lang))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def in_original(text: str, lang: str, original: str) -> str:
    """Words of the original language inside a translation carry their own `lang`."""
    if lang == original:
        return text
    return f'<span lang="{original}">{text}</span>'


def render_citation(citation: Citation, edition: Edition, from_src: str, lang: str) -> str:
    """A citation as the article prints it, each name linked to its entry."""
    rendered = []
    for item in citation.items:
        document = edition.document(item.key)
        if document is not None:
            target = urls.link(from_src, edition.paths.document_src(document.id))
            printed = in_original(escape(document.citation_as_printed), lang, edition.original)
            return f"[{printed}]({target}){{ .ed-doc-cite }}"
        work = edition.work(item.key)
        name = escape(work.label) if work is not None else escape(item.key)
        if work is not None and not work.url:
            name = in_original(name, lang, edition.original)
        target = urls.link(from_src, edition.paths.citations_page, urls.work_anchor(item.key))
        text = f"[{name}]({target}){{ .ed-cite }}"
        if item.locator:
            text += " " + escape(item.locator)
        rendered.append(text)
    joined = "; ".join(rendered)
    return f"({joined})" if citation.form is CitationForm.PARENTHETICAL else joined


def _has_twin(edition: Edition, chapter: Chapter) -> bool:
    return sum(1 for c in edition.chapters if c.slug == chapter.slug) > 1


def _translation_note(edition: Edition, lang: str) -> str:
    """Who translated, and how: the edition's translation is labelled as such, with its
    conventions."""
    links = {
        "people": f"[{label(lang, 'people')}]({urls.link('index.md', edition.paths.people_page)})",
        "glossary": (
            f"[{label(lang, 'glossary')}]({urls.link('index.md', edition.paths.glossary_page)})"
            if edition.glossary
            else label(lang, "glossary")
        ),
    }
    note = edition.info.translation_note(lang)
    text = note.note if note else named(lang, "translation_note", edition.languages)
    # Source text: its HTML is shown as text; its Markdown emphasis stays, and the two
    # placeholders become the engine's own links.
    listed = "".join(
        f"    - {_with_links(html.escape(item, quote=False), links)}\n"
        for item in (note.conventions if note else ())
    )
    return (
        f'<div id="{urls.TRANSLATION_NOTE_ANCHOR}" markdown>\n\n'
        f'!!! info "{escape_html(label(lang, "translation_title"))}"\n\n'
        f"    {escape(text)}\n\n"
        + (f"    {escape(label(lang, 'translation_conventions'))}\n\n{listed}\n" if listed else "")
        + "</div>"
    )


def _with_links(text: str, links: dict[str, str]) -> str:
    for name, link in links.items():
        text = text.replace("{" + name + "}", link)
    return text


def _byline(edition: Edition, lang: str) -> str:
    author = escape_html(edition.info.author)
    orcid = edition.info.author_orcid
    link = (
        f' <a class="ed-orcid" href="https://orcid.org/{orcid}">'
        f"{label(lang, 'byline_orcid')} {orcid}</a>"
        if orcid
        else ""
    )
    return f'<p class="ed-byline">{author}{link}</p>'


def _contents(edition: Edition, lang: str) -> str:
    lines = [f"## {label(lang, 'contents')}", ""]
    for chapter in edition.chapters_in(lang):
        if chapter.slug != "index":
            lines.append(f"- [{escape(chapter.title)}]({urls.link('index.md', chapter.path)})")
    lines.append(f"- [{label(lang, 'citations')}]({edition.paths.citations_page})")
    lines.append(f"- [{label(lang, 'documents_index')}]({edition.paths.documents_index})")
    return "\n".join(lines)


# --- back-references -------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A place in the article that cites something: a numbered paragraph or a footnote."""

    chapter: Chapter
    anchor: str
    locator: str = ""

    def text(self, lang: str) -> str:
        return anchor_text(self.anchor, lang)


def anchor_text(anchor: str, lang: str) -> str:
    """How a place is named in links: '¶ 12', 'dipnot 2', 'Öz'."""
    if anchor.startswith("fn:"):
        return f"{label(lang, 'footnote')} {anchor[3:]}"
    if re.fullmatch(r"p[0-9]+", anchor):
        return f"¶\u202f{anchor[1:]}"
    return label(lang, f"anchor_{anchor}")


def citing_places(edition: Edition, key: str, lang: str) -> list[Place]:
    """Every paragraph and footnote citing `key`, in reading order."""
    return [
        Place(chapter, anchor, locator) for chapter, anchor, locator in edition.citing(key, lang)
    ]


def shown(places: Iterable[Place]) -> tuple[tuple[str, str, str], ...]:
    """What the lists of places show of them (`place_links`, the pages cited): each one's
    page, anchor and pages. A part's inputs name its places so, not by their chapters: an
    edit to a chapter's text leaves its places as they were, and the parts listing them."""
    return tuple((place.chapter.path, place.anchor, place.locator) for place in places)


def citing_shown(edition: Edition, key: str, lang: str) -> tuple[tuple[str, str, str], ...]:
    """`shown` of the places citing `key`."""
    return shown(citing_places(edition, key, lang))


def place_links(places: list[Place], from_src: str, lang: str) -> str:
    """Links to each place once, as HTML: a person named in hundreds of paragraphs, or a
    work cited in them, makes one paragraph of hundreds of links, which Python-Markdown
    takes minutes to parse as Markdown links."""
    seen: set[str] = set()
    links = []
    for place in places:
        target = urls.page_href(from_src, place.chapter.path, place.anchor)
        if target in seen:
            continue
        seen.add(target)
        links.append(f'<a href="{escape_html(target)}">{escape_either(place.text(lang))}</a>')
    return ", ".join(links)


# --- the citations page ----------------------------------------------------------------


def render_citations_page(edition: Edition, lang: str, parts: Parts = fresh) -> str:
    """Every work and document the article cites, each with the places citing it; an entry
    is made from its work or record (and the people it names) and those places only."""
    src = edition.paths.citations_page
    out = [f"# {label(lang, 'citations')}", ""]
    out += [
        f'!!! note "{label(lang, "incomplete_title")}"',
        "",
        "    " + label(lang, "incomplete_note"),
        "",
    ]
    out += [f"## {label(lang, 'works')}", ""]
    for work in sorted(
        edition.works, key=lambda w: (alphabetical_key(w.label, edition.original), w.key)
    ):
        out.append(
            parts(
                ("work", work.key),
                (work, citing_shown(edition, work.key, lang)),
                partial(_work_entry, edition, work, src, lang),
            )
        )
    out += ["", f"## {label(lang, 'documents')}", ""]
    for document in sorted(edition.documents, key=lambda d: d.signature.normalised):
        out.append(
            parts(
                ("document", document.id),
                (document, edition.people_of(document), citing_shown(edition, document.id, lang)),
                partial(_document_entry, edition, document, src, lang),
            )
        )
    return "\n".join(out) + "\n"


def _document_entry(edition: Edition, document: Document, src: str, lang: str) -> str:
    places = citing_places(edition, document.id, lang)
    target = urls.link(src, edition.paths.document_src(document.id))
    printed = in_original(escape(document.citation_as_printed), lang, edition.original)
    return (
        f'<div class="ed-entry" id="{urls.document_anchor(document.id)}" markdown>\n'
        f"[{printed}]({target})  \n"
        f"{escape(document_title(edition, document, lang))}  \n"
        f"{label(lang, 'cited_at')}: {place_links(places, src, lang)}\n"
        "</div>\n"
    )


def _work_entry(edition: Edition, work: Work, src: str, lang: str) -> str:
    places = citing_places(edition, work.key, lang)
    pages: list[str] = []
    for place in places:
        if place.locator and place.locator not in pages:
            pages.append(place.locator)
    lines = [f'<div class="ed-entry" id="{urls.work_anchor(work.key)}" markdown>']
    if work.url and work.label == work.url:
        lines.append(f"**{label(lang, 'web_page')}:** {web_link(work.url)}  ")
    else:
        lines.append(f"**{in_original(escape(work.label), lang, edition.original)}**  ")
        if work.url:
            lines.append(f"{web_link(work.url)}  ")
    if pages:
        lines.append(f"{label(lang, 'pages_cited')}: {escape(', '.join(pages))}  ")
    if not work.complete:
        lines.append(f"*{label(lang, 'incomplete')}*  ")
    lines.append(f"{label(lang, 'cited_at')}: {place_links(places, src, lang)}")
    lines.append("</div>\n")
    return "\n".join(lines)


# --- shared by the pages that name documents --------------------------------------------


def documents_by_date(edition: Edition) -> list[Document]:
    """Documents in time order: by earliest possible day, then latest, then signature."""
    return list(edition.documents_in_time_order)


def render_date(date: DocumentDate, lang: str) -> str:
    """The date in words, with its precision and uncertainty shown: '31 Aralık [1920?]'."""
    return _date_in_words(
        date.year, date.month, date.day, date.precision, date.year_uncertain, date.uncertain, lang
    )


@cache
def _date_in_words(
    year: int,
    month: int | None,
    day_of_month: int | None,
    precision: DatePrecision,
    year_uncertain: bool,
    uncertain: bool,
    lang: str,
) -> str:
    day = datetime.date(year, month or 1, day_of_month or 1)
    if precision is DatePrecision.DAY:
        if year_uncertain:
            return f"{format_date(day, 'd MMMM', locale=lang)} [{year}?]"
        text = format_date(day, "d MMMM y", locale=lang)
    elif precision is DatePrecision.MONTH:
        if year_uncertain:
            return f"{format_date(day, 'LLLL', locale=lang)} [{year}?]"
        text = format_date(day, "LLLL y", locale=lang)
    else:
        text = f"[{year}?]" if year_uncertain else str(year)
    return f"[{text}?]" if uncertain else text


def person_name(person: Person, lang: str, original: str) -> str:
    """The article's form in the original language, the English form in a translation."""
    return person.name if lang == original else person.english


def person_names(edition: Edition, ids: Iterable[str], lang: str) -> str:
    names = []
    for person_id in ids:
        person = edition.person(person_id)
        names.append(person_name(person, lang, edition.original) if person else person_id)
    return ", ".join(names)


def document_heading(edition: Edition, document: Document, lang: str) -> str:
    """Kind, sender → recipient: 'Mektup: Çiçerin → Lenin'."""
    kind = KIND_NAMES[lang][document.kind]
    senders = person_names(edition, document.senders, lang) or label(lang, "unknown")
    recipients = person_names(edition, document.recipients, lang) or label(lang, "unknown")
    return f"{kind}: {senders} → {recipients}"


def document_title(edition: Edition, document: Document, lang: str) -> str:
    """Kind, sender → recipient, date: 'Mektup: Çiçerin → Lenin, 27 Eylül 1920'."""
    return f"{document_heading(edition, document, lang)}, {render_date(document.date, lang)}"
