"""Pure renderers: (Edition, language) → the Markdown of every page. No I/O, no MkDocs."""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import icu
from babel.dates import format_date

from edition import urls
from edition.model import (
    LANGUAGES,
    Block,
    Chapter,
    Citation,
    CitationForm,
    DatePrecision,
    Document,
    DocumentDate,
    Edition,
    Footnote,
    Work,
)

LABELS: dict[str, dict[str, str]] = {
    "tr": {
        "paragraph": "Paragraf",
        "paragraph_link": "Paragraf {n}: bu paragrafın kalıcı bağlantısı",
        "footnote": "dipnot",
        "citations": "Kaynaklar",
        "works": "Atıf yapılan eserler",
        "documents": "Arşiv belgeleri",
        "documents_index": "Belgeler",
        "incomplete_title": "Künyeler eksik",
        "incomplete_note": (
            "Makalenin kaynakça listesi bu edisyonun kaynak metninde yer almıyor. Bu nedenle "
            "her eser yalnızca makalenin verdiği biçimiyle, yazarın soyadı ya da eserin adıyla, "
            "ve makalede atıf yapılan sayfalarla gösterilir. Tam künyeler bilinmiyor; hiçbir "
            "bilgi tahminle eklenmemiştir."
        ),
        "incomplete": "Tam künye bilinmiyor.",
        "pages_cited": "Atıf yapılan sayfalar",
        "cited_at": "Atıf yapılan yerler",
        "web_page": "Web sayfası",
        "archive": "Arşiv",
        "archive_name": "Rusya Devlet Sosyo-Politik Tarih Arşivi (RGASPİ), Moskova",
        "signature_printed": "Künye (makaledeki biçimiyle)",
        "signature_parts": "Fon / Opis / Delo / List",
        "list_part": "kısım {part}; anlamı bilinmiyor",
        "citation_printed": "Makaledeki atıf",
        "date": "Tarih",
        "date_printed": "makalede",
        "date_edtf": "EDTF",
        "date_basis": "Tarihin dayanağı",
        "place": "Yer",
        "senders": "Gönderen",
        "recipients": "Alıcı",
        "kind": "Tür",
        "language": "Asıl dili",
        "unknown": "bilinmiyor",
        "text": "Metin",
        "text_note": (
            "Yazarın Türkçe çevirisi, makalede alıntılandığı kadarıyla. Rusça asıl metin bu "
            "edisyonda yoktur."
        ),
        "quoted_in": "Makalede geçtiği yerler",
        "not_known": "Bilinmeyenler",
        "byline_orcid": "ORCID",
        "contents": "İçindekiler",
        "documents_intro": (
            "Makalenin alıntıladığı RGASPİ belgeleri, tarih sırasıyla. Her belgenin kalıcı "
            "bir adresi vardır."
        ),
        "date_order": "Tarih",
        "signature": "Künye",
        "title": "Başlık",
        "title_page": "Başlık ve öz",
        "previous": "Önceki belge",
        "next": "Sonraki belge",
    },
    "en": {},
}
KIND_NAMES = {
    "tr": {
        "letter": "Mektup",
        "telegram": "Telgraf",
        "report": "Rapor",
        "press-report": "Basın raporu",
        "speech": "Konuşma",
    },
}
LANGUAGE_NAMES = {"tr": {"ru": "Rusça", "tr": "Türkçe", "en": "İngilizce"}}
UNKNOWN_FIELD_NAMES = {
    "tr": {
        "place": "Yer",
        "senders": "Gönderen",
        "recipients": "Alıcı",
        "date": "Tarih",
        "original_text": "Asıl metin",
    }
}
ORCID = "0000-0002-8513-706X"


def label(lang: str, key: str, **values: object) -> str:
    text = LABELS.get(lang, {}).get(key) or LABELS[LANGUAGES[0]][key]
    return text.format(**values) if values else text


def escape(text: str) -> str:
    """Text from a record or the .bib, made inert in both Markdown and HTML."""
    escaped = html.escape(text, quote=True)
    return re.sub(r"([\\`*_{}\[\]()#+!|~^])", r"\\\1", escaped)


def escape_html(text: str) -> str:
    return html.escape(text, quote=True)


@cache
def _collator(lang: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale(lang))


def turkish_sort_key(text: str) -> bytes:
    """Turkish alphabetical order: C < Ç, I < İ, S < Ş (ICU's tr collation)."""
    key: bytes = _collator("tr").getSortKey(text)
    return key


# --- pages -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    src: str  # path within the language's docs folder
    markdown: str
    generated: bool  # False for chapters, whose file exists in docs/


def render_pages(edition: Edition, lang: str) -> dict[str, Page]:
    """Every page of one language, keyed by its source path."""
    pages: dict[str, Page] = {}
    for chapter in edition.chapters_in(lang):
        pages[chapter.path] = Page(chapter.path, render_chapter(edition, chapter), False)
    pages[urls.CITATIONS_PAGE] = Page(
        urls.CITATIONS_PAGE, render_citations_page(edition, lang), True
    )
    pages[urls.DOCUMENTS_INDEX] = Page(
        urls.DOCUMENTS_INDEX, render_documents_index(edition, lang), True
    )
    ordered = documents_by_date(edition)
    for index, document in enumerate(ordered):
        previous = ordered[index - 1] if index > 0 else None
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        src = urls.document_src(document.id)
        pages[src] = Page(
            src, render_document_page(edition, document, lang, previous, following), True
        )
    return pages


def navigation(edition: Edition, lang: str) -> list[dict[str, str]]:
    """The site navigation: the title page, the chapters, then the edition's indexes."""
    nav = []
    for chapter in edition.chapters_in(lang):
        title = label(lang, "title_page") if chapter.slug == "index" else chapter.title
        nav.append({title: chapter.path})
    nav.append({label(lang, "citations"): urls.CITATIONS_PAGE})
    nav.append({label(lang, "documents_index"): urls.DOCUMENTS_INDEX})
    return nav


# --- chapters --------------------------------------------------------------------------


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
        f'<div class="ed-pnum"><a href="#{anchor}" title="{title}" aria-label="{title}">'
        f"¶\u202f{block.number}</a></div>\n\n{text}\n\n</div>"
    )


def _footnote(note: Footnote, edition: Edition, chapter: Chapter) -> str:
    text = _resolve_citations(note.markdown, note.citations, edition, chapter)
    lines = text.splitlines()
    return f"[^{note.label}]: " + "\n".join([lines[0], *("    " + line for line in lines[1:])])


def _resolve_citations(
    text: str, citations: Iterable[Citation], edition: Edition, chapter: Chapter
) -> str:
    pieces: list[str] = []
    position = 0
    for citation in citations:
        start, end = citation.span
        pieces.append(text[position:start])
        pieces.append(render_citation(citation, edition, chapter.path))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def render_citation(citation: Citation, edition: Edition, from_src: str) -> str:
    """A citation as the article prints it, each name linked to its entry."""
    rendered = []
    for item in citation.items:
        document = edition.document(item.key)
        if document is not None:
            target = urls.link(from_src, urls.document_src(document.id))
            return f"[{escape(document.citation_as_printed)}]({target}){{ .ed-doc-cite }}"
        work = edition.work(item.key)
        name = escape(work.label) if work is not None else escape(item.key)
        target = urls.link(from_src, urls.CITATIONS_PAGE, urls.work_anchor(item.key))
        text = f"[{name}]({target}){{ .ed-cite }}"
        if item.locator:
            text += " " + escape(item.locator)
        rendered.append(text)
    joined = "; ".join(rendered)
    return f"({joined})" if citation.form is CitationForm.PARENTHETICAL else joined


def _byline(edition: Edition, lang: str) -> str:
    author = escape_html(edition.info.author)
    return (
        f'<p class="ed-byline">{author} '
        f'<a class="ed-orcid" href="https://orcid.org/{ORCID}">'
        f"{label(lang, 'byline_orcid')} {ORCID}</a></p>"
    )


def _contents(edition: Edition, lang: str) -> str:
    lines = [f"## {label(lang, 'contents')}", ""]
    for chapter in edition.chapters_in(lang):
        if chapter.slug != "index":
            lines.append(f"- [{escape(chapter.title)}]({urls.link('index.md', chapter.path)})")
    lines.append(f"- [{label(lang, 'citations')}]({urls.CITATIONS_PAGE})")
    lines.append(f"- [{label(lang, 'documents_index')}]({urls.DOCUMENTS_INDEX})")
    return "\n".join(lines)


# --- back-references -------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A place in the article that cites something: a numbered paragraph or a footnote."""

    chapter: Chapter
    anchor: str
    locator: str

    def text(self, lang: str) -> str:
        if self.anchor.startswith("fn:"):
            return f"{label(lang, 'footnote')} {self.anchor[3:]}"
        return f"¶\u202f{self.anchor[1:]}"


def citing_places(edition: Edition, key: str, lang: str) -> list[Place]:
    """Every paragraph and footnote citing `key`, in reading order, each once."""
    places: list[Place] = []
    for chapter in edition.chapters_in(lang):
        for citation, anchor in chapter.citations():
            for item in citation.items:
                if item.key == key and anchor:
                    places.append(Place(chapter, anchor, item.locator))
    return places


def _place_links(places: list[Place], from_src: str, lang: str) -> str:
    seen: list[str] = []
    links = []
    for place in places:
        target = urls.link(from_src, place.chapter.path, place.anchor)
        if target in seen:
            continue
        seen.append(target)
        links.append(f"[{place.text(lang)}]({target})")
    return ", ".join(links)


# --- the citations page ----------------------------------------------------------------


def render_citations_page(edition: Edition, lang: str) -> str:
    src = urls.CITATIONS_PAGE
    out = [f"# {label(lang, 'citations')}", ""]
    out += [
        f'!!! note "{label(lang, "incomplete_title")}"',
        "",
        "    " + label(lang, "incomplete_note"),
        "",
    ]
    out += [f"## {label(lang, 'works')}", ""]
    for work in sorted(edition.works, key=lambda w: (turkish_sort_key(w.label), w.key)):
        out.append(_work_entry(edition, work, src, lang))
    out += ["", f"## {label(lang, 'documents')}", ""]
    for document in sorted(edition.documents, key=lambda d: d.signature.normalised):
        places = citing_places(edition, document.id, lang)
        target = urls.link(src, urls.document_src(document.id))
        out.append(
            f'<div class="ed-entry" id="{urls.document_anchor(document.id)}" markdown>\n'
            f"[{escape(document.citation_as_printed)}]({target})  \n"
            f"{escape(document_title(edition, document, lang))}  \n"
            f"{label(lang, 'cited_at')}: {_place_links(places, src, lang)}\n"
            "</div>\n"
        )
    return "\n".join(out) + "\n"


def _work_entry(edition: Edition, work: Work, src: str, lang: str) -> str:
    places = citing_places(edition, work.key, lang)
    pages: list[str] = []
    for place in places:
        if place.locator and place.locator not in pages:
            pages.append(place.locator)
    lines = [f'<div class="ed-entry" id="{urls.work_anchor(work.key)}" markdown>']
    if work.url and work.label == work.url:
        lines.append(f"**{label(lang, 'web_page')}:** <{escape_html(work.url)}>  ")
    else:
        lines.append(f"**{escape(work.label)}**  ")
        if work.url:
            lines.append(f"<{escape_html(work.url)}>  ")
    if pages:
        lines.append(f"{label(lang, 'pages_cited')}: {escape(', '.join(pages))}  ")
    if not work.complete:
        lines.append(f"*{label(lang, 'incomplete')}*  ")
    lines.append(f"{label(lang, 'cited_at')}: {_place_links(places, src, lang)}")
    lines.append("</div>\n")
    return "\n".join(lines)


# --- documents -------------------------------------------------------------------------


def documents_by_date(edition: Edition) -> list[Document]:
    """Documents in time order: by earliest possible day, then latest, then signature."""
    return sorted(
        edition.documents,
        key=lambda d: (d.date.earliest, d.date.latest, d.signature.normalised),
    )


def render_date(date: DocumentDate, lang: str) -> str:
    """The date in words, with its precision and uncertainty shown: '31 Aralık [1920?]'."""
    day = datetime.date(date.year, date.month or 1, date.day or 1)
    if date.precision is DatePrecision.DAY:
        if date.year_uncertain:
            return f"{format_date(day, 'd MMMM', locale=lang)} [{date.year}?]"
        text = format_date(day, "d MMMM y", locale=lang)
    elif date.precision is DatePrecision.MONTH:
        if date.year_uncertain:
            return f"{format_date(day, 'LLLL', locale=lang)} [{date.year}?]"
        text = format_date(day, "LLLL y", locale=lang)
    else:
        text = f"[{date.year}?]" if date.year_uncertain else str(date.year)
    return f"[{text}?]" if date.uncertain else text


def _names(edition: Edition, ids: Iterable[str]) -> str:
    names = []
    for person_id in ids:
        person = edition.person(person_id)
        names.append(person.name if person else person_id)
    return ", ".join(names)


def document_title(edition: Edition, document: Document, lang: str) -> str:
    """Kind, sender → recipient, date: 'Mektup: Çiçerin → Lenin, 27 Eylül 1920'."""
    kind = KIND_NAMES.get(lang, KIND_NAMES["tr"])[document.kind]
    senders = _names(edition, document.senders) or label(lang, "unknown")
    recipients = _names(edition, document.recipients) or label(lang, "unknown")
    return f"{kind}: {senders} → {recipients}, {render_date(document.date, lang)}"


def _row(name: str, value_html: str) -> str:
    return f'<tr><th scope="row">{escape_html(name)}</th><td>{value_html}</td></tr>'


def _unknown_html(document: Document, name: str, lang: str) -> str:
    reason = dict(document.unknown).get(name)
    text = f'<em class="ed-unknown">{escape_html(label(lang, "unknown"))}</em>'
    return f"{text}: {escape_html(reason.text(lang))}" if reason else text


def _people_html(edition: Edition, ids: tuple[str, ...]) -> str:
    parts = []
    for person_id in ids:
        person = edition.person(person_id)
        if person is None:
            parts.append(escape_html(person_id))
            continue
        description = person.description.text("tr")
        parts.append(
            escape_html(person.full_name)
            + (f' <span class="ed-role">({escape_html(description)})</span>' if description else "")
        )
    return "; ".join(parts)


def render_document_page(
    edition: Edition,
    document: Document,
    lang: str,
    previous: Document | None,
    following: Document | None,
) -> str:
    src = urls.document_src(document.id)
    sig = document.signature
    parts_text = f"{int(sig.fond)} / {int(sig.opis)} / {int(sig.delo)} / {int(sig.list)}"
    if sig.list_part:
        parts_text += f" ({label(lang, 'list_part', part=sig.list_part)})"
    date = document.date
    date_html = (
        f"{escape_html(render_date(date, lang))} "
        f'<span class="ed-aside">({label(lang, "date_printed")}: '
        f"“{escape_html(date.as_printed)}”; {label(lang, 'date_edtf')}: "
        f"<code>{escape_html(date.edtf)}</code>)</span>"
    )
    recipients = _people_html(edition, document.recipients)
    groups = "; ".join(escape_html(g.text(lang)) for g in document.recipient_groups)
    if groups:
        recipients = f"{recipients}; {groups}" if recipients else groups
    rows = [
        _row(label(lang, "archive"), escape_html(label(lang, "archive_name"))),
        _row(label(lang, "signature_printed"), escape_html(sig.as_printed)),
        _row(label(lang, "signature_parts"), escape_html(parts_text)),
        _row(label(lang, "date"), date_html),
    ]
    if date.basis is not None:
        rows.append(_row(label(lang, "date_basis"), escape_html(date.basis.text(lang))))
    rows += [
        _row(
            label(lang, "place"),
            escape_html(document.place)
            if document.place
            else _unknown_html(document, "place", lang),
        ),
        _row(
            label(lang, "senders"),
            _people_html(edition, document.senders) or _unknown_html(document, "senders", lang),
        ),
        _row(label(lang, "recipients"), recipients or _unknown_html(document, "recipients", lang)),
        _row(
            label(lang, "kind"), escape_html(KIND_NAMES.get(lang, KIND_NAMES["tr"])[document.kind])
        ),
        _row(
            label(lang, "language"),
            escape_html(
                LANGUAGE_NAMES.get(lang, LANGUAGE_NAMES["tr"]).get(
                    document.original_language, document.original_language
                )
            ),
        ),
        _row(label(lang, "citation_printed"), escape_html(document.citation_as_printed)),
    ]
    title = document_title(edition, document, lang)
    out = [
        "---",
        f"title: {_yaml_string(title)}",
        "---",
        "",
        f"# {escape(title)}",
        "",
        '<table class="ed-record">',
        *rows,
        "</table>",
        "",
        f"## {label(lang, 'text')}",
        "",
        f'<p class="ed-text-note">{escape_html(label(lang, "text_note"))}</p>',
        "",
    ]
    text = document.text.text(lang)
    out.append(
        '<blockquote class="ed-document-text" lang="tr">\n'
        + "\n".join(f"<p>{escape_html(' '.join(p.split()))}</p>" for p in text.split("\n\n"))
        + "\n</blockquote>"
    )
    places = citing_places(edition, document.id, lang)
    out += ["", f"## {label(lang, 'quoted_in')}", ""]
    for place in places:
        target = urls.link(src, place.chapter.path, place.anchor)
        out.append(f"- [{place.text(lang)}, {escape(place.chapter.title)}]({target})")
    if document.unknown:
        out += ["", f"## {label(lang, 'not_known')}", ""]
        names = UNKNOWN_FIELD_NAMES.get(lang, UNKNOWN_FIELD_NAMES["tr"])
        for name, reason in document.unknown:
            out.append(f"- **{names[name]}:** {escape(reason.text(lang))}")
    neighbours = []
    if previous is not None:
        neighbours.append(
            f"[← {label(lang, 'previous')}: {escape(document_title(edition, previous, lang))}]"
            f"({urls.link(src, urls.document_src(previous.id))})"
        )
    if following is not None:
        neighbours.append(
            f"[{label(lang, 'next')}: {escape(document_title(edition, following, lang))} →]"
            f"({urls.link(src, urls.document_src(following.id))})"
        )
    if neighbours:
        out += [
            "",
            '<nav class="ed-neighbours" markdown>',
            "",
            *(f"- {n}" for n in neighbours),
            "",
            "</nav>",
        ]
    return "\n".join(out) + "\n"


def render_documents_index(edition: Edition, lang: str) -> str:
    src = urls.DOCUMENTS_INDEX
    out = [
        f"# {label(lang, 'documents_index')}",
        "",
        label(lang, "documents_intro"),
        "",
        f"| {label(lang, 'date_order')} | {label(lang, 'title')} | {label(lang, 'signature')} |",
        "| --- | --- | --- |",
    ]
    for document in documents_by_date(edition):
        target = urls.link(src, urls.document_src(document.id))
        out.append(
            f"| {escape(render_date(document.date, lang))} "
            f"| [{escape(document_title(edition, document, lang))}]({target}) "
            f"| {escape(document.signature.as_printed)} |"
        )
    return "\n".join(out) + "\n"


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
