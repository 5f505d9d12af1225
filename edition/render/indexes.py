"""The edition's indexes of the article: people, chronology and glossary. Pure renderers."""

from __future__ import annotations

from functools import partial

from edition import urls
from edition.labels import LANGUAGE_NAMES, label, named
from edition.memo import Parts, fresh
from edition.model import Chapter, Document, Edition, Event, Person
from edition.model.chapters import words_of
from edition.model.events import stating_block
from edition.model.glossary import places_using
from edition.model.people import mentions
from edition.render import (
    Place,
    alphabetical_key,
    anchor_text,
    citing_places,
    citing_shown,
    document_title,
    documents_by_date,
    escape,
    escape_html,
    in_original,
    place_links,
    render_date,
    shown,
)


def places_naming(edition: Edition, person: Person, lang: str, parts: Parts = fresh) -> list[Place]:
    """Every numbered paragraph and footnote whose words name the person, found in the
    original (the forms under `mentions` are the article's) and linked in `lang`."""
    twins = {c.slug: c for c in edition.chapters_in(lang)}
    places = []
    for chapter in edition.chapters_in(edition.original):
        twin = twins.get(chapter.slug)
        if twin is not None:
            places += parts(
                ("places", person.id, chapter.slug),
                (person, chapter, twin),
                partial(_places_naming_in, person, chapter, twin),
            )
    return places


def _places_naming_in(person: Person, chapter: Chapter, twin: Chapter) -> list[Place]:
    places = []
    for block in chapter.blocks:
        if block.anchor and mentions(person, words_of(block.markdown)):
            places.append(Place(twin, block.anchor))
    for note in chapter.footnotes:
        if mentions(person, words_of(note.markdown)):
            places.append(Place(twin, note.anchor))
    return places


def documents_naming(person: Person, ordered: list[Document], original: str) -> list[Document]:
    """Documents the person sent or received, or whose text names them, in the order of
    `ordered` (the documents by date)."""
    return [
        document
        for document in ordered
        if person.id in document.senders
        or person.id in document.recipients
        or mentions(person, document.text.text(original))
    ]


def render_people_page(edition: Edition, lang: str, parts: Parts = fresh) -> str:
    """Every person with the paragraphs and documents that name them. What a record names is
    found once per record, the paragraphs naming a person once per change of the chapters, a
    person's section once per change of the person or of what names them."""
    src = edition.paths.people_page
    out = [f"# {label(lang, 'people')}", "", escape(label(lang, "people_intro")), ""]
    naming: dict[str, list[Document]] = {}
    # Who a record names depends on the people only by their ids and the forms they are
    # found by: an edit to a role or a fact does not search every record again.
    forms = tuple((person.id, person.mentions) for person in edition.people)
    for document in documents_by_date(edition):
        named_ids = parts(
            ("named in", document.id),
            (document, forms),
            partial(people_named_in, document, edition.people, edition.original),
        )
        for person_id in named_ids:
            naming.setdefault(person_id, []).append(document)
    for person in sorted(
        edition.people, key=lambda p: (alphabetical_key(p.name, edition.original), p.id)
    ):
        places = places_naming(edition, person, lang, parts)
        documents = naming.get(person.id, [])
        # The list of a person's records is a part of its own: an edit to a chapter changes
        # the places that name a person, not the hundreds of records that do.
        listed = parts(
            ("records of", person.id),
            tuple((d, edition.people_of(d)) for d in documents),
            partial(_records_of_person, edition, documents, src, lang),
        )
        out.append(
            parts(
                ("person", person.id),
                (person, shown(places), listed),
                partial(_person_section, edition, person, places, listed, src, lang),
            )
        )
    return "\n".join(out)


def people_named_in(
    document: Document, people: tuple[Person, ...], original: str
) -> tuple[str, ...]:
    """The ids of the people a document sent, received or names in its text."""
    return tuple(person.id for person in people if documents_naming(person, [document], original))


def _person_section(
    edition: Edition,
    person: Person,
    places: list[Place],
    records: str,
    src: str,
    lang: str,
) -> str:
    forms = [f"**{in_original(escape(person.full_name), lang, edition.original)}**"]
    others = [("english_form", "en", person.english), ("russian_form", "ru", person.russian)]
    for name, code, form in others:
        if form:
            forms.append(f'{label(lang, name)}: <span lang="{code}">{escape(form)}</span>')
    heading = in_original(escape(person.name), lang, edition.original)
    out = [f"## {heading} {{ #{person.id} }}", "", " · ".join(forms), ""]
    role = person.role.text(lang)
    if role:
        out += [f"*{escape(role)}*", ""]
    out += [f"- {escape(fact.text(lang))}" for fact in person.facts]
    out.append("")
    if places:
        out += [f"{label(lang, 'named_at')}: {place_links(places, src, lang)}", ""]
    if records:
        out += [records, ""]
    return "\n".join(out)


def _records_of_person(edition: Edition, documents: list[Document], src: str, lang: str) -> str:
    """The list of the records that name a person, on the people page ("" for none)."""
    if not documents:
        return ""
    # One link per list item: Python-Markdown's search for a link's closing bracket scans
    # the rest of its paragraph, so a paragraph of hundreds of links (a person in hundreds
    # of records) took minutes to convert.
    out = [f"{label(lang, 'documents_of_person')}:", ""]
    out += [
        f"- [{escape(document_title(edition, d, lang))}]"
        f"({urls.link(src, edition.paths.document_src(d.id))})"
        for d in documents
    ]
    return "\n".join(out)


def _event_row(edition: Edition, event: Event, lang: str, src: str) -> str:
    # The quote is in the original's words; the twin paragraph shares its anchor.
    block = stating_block(event, {c.slug: c for c in edition.chapters_in(edition.original)})
    chapter = next((c for c in edition.chapters_in(lang) if c.slug == event.chapter), None)
    where = ""
    if block is not None and block.anchor and chapter is not None:
        target = urls.page_href(src, chapter.path, block.anchor)
        text = escape_html(anchor_text(block.anchor, lang))
        where = f'<a href="{escape_html(target)}">{text}</a>'
    text = escape_html(event.event.text(lang))
    if event.date.basis is not None:
        text += f'<br><span class="ed-aside">{escape_html(event.date.basis.text(lang))}</span>'
    return _row(
        render_date(event.date, lang), f"{escape_html(label(lang, 'event'))}: {text}", where
    )


def _document_row(edition: Edition, document: Document, lang: str, src: str) -> str:
    target = urls.page_href(src, edition.paths.document_src(document.id))
    title = escape_html(document_title(edition, document, lang))
    link = f'<a href="{escape_html(target)}">{title}</a>'
    places = place_links(citing_places(edition, document.id, lang), src, lang)
    return _row(
        render_date(document.date, lang), f"{escape_html(label(lang, 'document'))}: {link}", places
    )


def _row(date: str, what: str, where: str) -> str:
    return f"<tr>\n<td>{escape_html(date)}</td>\n<td>{what}</td>\n<td>{where}</td>\n</tr>"


def render_chronology_page(edition: Edition, lang: str, parts: Parts = fresh) -> str:
    """Documents and events in one time line: by earliest possible day, then latest. A row is
    made from its event and the chapters, or its record, the people it names and the places
    citing it. The table is HTML, as Python-Markdown would make it of a Markdown table: it has
    a row per record, and Python-Markdown took seconds to convert 5,000 rows of links."""
    src = edition.paths.chronology_page
    rows: list[tuple[tuple[int, int, int], tuple[int, int, int], int, str]] = []
    for index, event in enumerate(edition.events):
        row = parts(
            ("event", index),
            (event, edition.chapters),
            partial(_event_row, edition, event, lang, src),
        )
        rows.append((event.date.earliest, event.date.latest, 0, row))
    for document in edition.documents:
        row = parts(
            ("document", document.id),
            (document, edition.people_of(document), citing_shown(edition, document.id, lang)),
            partial(_document_row, edition, document, lang, src),
        )
        rows.append((document.date.earliest, document.date.latest, 1, row))
    header = "".join(
        f"<th>{escape_html(label(lang, name))}</th>\n" for name in ("date", "what", "where")
    )
    out = [
        f"# {label(lang, 'chronology')}",
        "",
        escape(label(lang, "chronology_intro")),
        "",
        f"<table>\n<thead>\n<tr>\n{header}</tr>\n</thead>\n<tbody>",
    ]
    out += [row for *_, row in sorted(rows, key=lambda r: r[:3])]
    out.append("</tbody>\n</table>")
    return "\n".join(out) + "\n"


def render_glossary_page(edition: Edition, lang: str, parts: Parts = fresh) -> str:
    """The translation's terms in the original's alphabetical order, each with its rendering
    in every translation, the note on it, and the paragraphs of `lang` that use it: made from
    the glossary and the chapters only."""
    return parts(
        "page",
        (edition.glossary, edition.chapters),
        partial(_glossary_page, edition, lang),
    )


def _glossary_page(edition: Edition, lang: str) -> str:
    src = edition.paths.glossary_page
    chapters = {c.slug: c for c in edition.chapters_in(lang)}
    translations = edition.languages.translations
    names = LANGUAGE_NAMES.get(lang, LANGUAGE_NAMES[edition.original])
    header = [label(lang, "term")]
    header += [label(lang, "rendering_in").format(language=names.get(t, t)) for t in translations]
    header += [label(lang, "term_note"), label(lang, "used_at")]
    out = [
        f"# {label(lang, 'glossary')}",
        "",
        escape(named(lang, "glossary_intro", edition.languages)),
        "",
        "| " + " | ".join(header) + " |",
        "|" + " --- |" * len(header),
    ]
    used = places_using(edition)
    for entry in sorted(edition.glossary, key=lambda e: alphabetical_key(e.term, edition.original)):
        places = [
            Place(chapters[slug], anchor) for slug, anchor in used[entry.term] if slug in chapters
        ]
        cells = [in_original(f"*{escape(entry.term)}*", lang, edition.original)]
        cells += [
            f'<span lang="{t}">{escape(entry.rendering_in(t) or "")}</span>' for t in translations
        ]
        cells.append(escape(entry.note.text(lang)) if entry.note else "")
        cells.append(place_links(places, src, lang))
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"
