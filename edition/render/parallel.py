"""Parallel reading: the original and the translation side by side, paragraph beside
paragraph, for every chapter (its own page) and every document (on the document's page)."""

from __future__ import annotations

import re

from edition import urls
from edition.labels import LANGUAGE_NAMES, label, language_name, text_label
from edition.model import Chapter, Document, Edition
from edition.model.chapters import NAMED_ANCHOR
from edition.render import cited_records, escape, escape_html, resolve_citations

FOOTNOTE_MARKER = re.compile(r"\[\^([^\]\s]+)\]")


def _cell(markdown: str, lang: str) -> str:
    return f'<div class="ed-parallel__cell" lang="{lang}" markdown>\n\n{markdown}\n\n</div>'


def _markers_to_links(markdown: str) -> str:
    # Both columns point at one row of notes, so the notes are rows, not Markdown footnotes.
    return FOOTNOTE_MARKER.sub(
        lambda m: f'<sup class="ed-note-ref"><a href="#not-{m.group(1)}">{m.group(1)}</a></sup>',
        markdown,
    )


def parallel_inputs(edition: Edition, slug: str) -> object:
    """What `render_parallel_chapter` reads besides the edition's info: the chapter in every
    language and what they cite."""
    versions = [c for c in edition.chapters if c.slug == slug]
    return (tuple(versions), cited_records(edition, versions))


def render_parallel_chapter(edition: Edition, slug: str, lang: str) -> str:
    """One chapter in every language, row by row; rows keep the article's anchors (#p12)."""
    src = edition.paths.parallel_src(slug)
    versions: dict[str, Chapter] = {c.lang: c for c in edition.chapters if c.slug == slug}
    page_lang_chapter = versions[lang]
    out = [
        f"# {escape(page_lang_chapter.title)} — "
        + " | ".join(language_name(code, lang) for code in edition.languages if code in versions),
        "",
        f"[{label(lang, 'back_to_chapter')}]({urls.link(src, page_lang_chapter.path)})",
        "",
    ]
    languages = [code for code in edition.languages if code in versions]
    columns = {code: [b for b in versions[code].blocks if b.anchor] for code in languages}
    names = LANGUAGE_NAMES.get(lang, LANGUAGE_NAMES[edition.original])
    roles = {code: "column_translation" for code in languages} | {
        edition.original: "column_original"
    }
    head = "".join(
        '<div class="ed-parallel__head">'
        + escape_html(label(lang, roles[code]).format(language=names.get(code, code)))
        + "</div>"
        for code in languages
    )
    out.append(f'<div class="ed-parallel" markdown>\n<div class="ed-parallel__row">{head}</div>')
    for index, block in enumerate(columns[languages[0]]):
        cells = []
        for code in languages:
            blocks = columns[code]
            if index >= len(blocks):
                cells.append(_cell("", code))
                continue
            twin = blocks[index]
            text = resolve_citations(twin.markdown, twin.citations, edition, src, code)
            # The row carries the anchor (#oz); the paragraph inside must not repeat it.
            text = NAMED_ANCHOR.sub("", text)
            cells.append(_cell(_markers_to_links(text), code))
        number = block.number
        anchor_label = f"¶\u202f{number}" if number else label(lang, f"anchor_{block.anchor}")
        out.append(
            f'<div class="ed-parallel__row" id="{block.anchor}" markdown>\n'
            f'<div class="ed-pnum"><a href="#{block.anchor}">{anchor_label}</a></div>\n'
            + "\n".join(cells)
            + "\n</div>"
        )
    notes = {code: versions[code].footnotes for code in languages}
    for index, note in enumerate(notes[languages[0]]):
        cells = []
        for code in languages:
            twin_notes = notes[code]
            if index < len(twin_notes):
                twin_note = twin_notes[index]
                text = resolve_citations(
                    twin_note.markdown, twin_note.citations, edition, src, code
                )
                cells.append(_cell(f"<sup>{twin_note.label}</sup> {text}", code))
        out.append(
            f'<div class="ed-parallel__row ed-parallel__note" id="not-{note.label}" markdown>\n'
            + "\n".join(cells)
            + "\n</div>"
        )
    out.append("</div>")
    return "\n\n".join(out) + "\n"


def render_parallel_document_text(edition: Edition, document: Document, lang: str) -> str:
    """A document's text in every language it has, paragraph beside paragraph."""
    languages = [code for code in edition.languages if document.text.get(code)]
    paragraphs = {code: (document.text.get(code) or "").split("\n\n") for code in languages}
    head = "".join(
        f'<div class="ed-parallel__head" lang="{code}">'
        f"{escape_html(text_label(document.original_language, code, lang, edition.original))}</div>"
        for code in languages
    )
    rows = []
    for index in range(max(len(p) for p in paragraphs.values())):
        cells = []
        for code in languages:
            text = paragraphs[code][index] if index < len(paragraphs[code]) else ""
            cells.append(
                f'<div class="ed-parallel__cell" lang="{code}"><p>'
                f"{escape_html(' '.join(text.split()))}</p></div>"
            )
        rows.append('<div class="ed-parallel__row">' + "".join(cells) + "</div>")
    style = " ed-parallel--single" if len(languages) == 1 else ""
    return (
        f'<div class="ed-parallel ed-document-text{style}">\n'
        f'<div class="ed-parallel__row">{head}</div>\n' + "\n".join(rows) + "\n</div>"
    )
