"""The translation's terms: sources/glossary.yaml, and where each term is used.

A term is found in a passage of the original by its forms (the start of a word, case
ignored by the rules of the original's language, so that Turkish suffixes may follow); the
twin of that passage in a translation must then use one of the term's renderings there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

import icu

from edition.model import (
    Block,
    Chapter,
    Edition,
    GlossaryEntry,
    Languages,
    LocalizedText,
    Origin,
)
from edition.model.chapters import words_of
from edition.problems import Problems
from edition.sources.schema import checked_entries


def parse_glossary(
    text: str, path: str, problems: Problems, languages: Languages
) -> list[GlossaryEntry]:
    entries: list[GlossaryEntry] = []
    seen: dict[str, Origin] = {}
    translations = languages.translations
    for entry, valid in checked_entries(
        text, path, "glossary.schema.json", problems, languages.codes
    ):
        if not valid:
            continue
        origin = Origin(path, entry.line_of("term"))
        key = fold(entry["term"], languages.original)
        if key in seen:
            problems.error(
                origin, f"the term '{entry['term']}' is listed twice (first at {seen[key]})"
            )
            continue
        seen[key] = origin
        rendering = {lang: str(value).strip() for lang, value in entry["rendering"].items()}
        given_forms = entry.get("rendering_forms") or {}
        unknown = sorted((set(rendering) | set(given_forms)) - set(translations))
        if unknown:
            problems.error(
                Origin(path, entry.line_of("rendering")),
                f"'{entry['term']}': no translation in {', '.join(unknown)}; the edition's "
                f"translations are {', '.join(translations)}",
            )
            continue
        missing = [lang for lang in given_forms if lang not in rendering]
        if missing:
            problems.error(
                Origin(path, entry.line_of("rendering_forms")),
                f"'{entry['term']}': forms in {', '.join(missing)} but no rendering there",
            )
            continue
        entries.append(
            GlossaryEntry(
                term=entry["term"],
                forms=tuple(entry.get("forms") or [entry["term"]]),
                rendering=tuple(sorted(rendering.items())),
                rendering_forms=tuple(
                    sorted(
                        (lang, tuple(given_forms.get(lang) or [value]))
                        for lang, value in rendering.items()
                    )
                ),
                note=(
                    LocalizedText.from_mapping(entry["note"], languages.original)
                    if "note" in entry
                    else None
                ),
                origin=origin,
            )
        )
    return entries


def fold(text: str, lang: str) -> str:
    """The text in lower case by the rules of its language (Turkish I → ı, İ → i), with
    one kind of apostrophe."""
    lowered = str(icu.UnicodeString(text).toLower(icu.Locale(lang)))
    return " ".join(lowered.replace("\u2019", "'").split())


def uses(folded: str, forms: tuple[str, ...], lang: str) -> bool:
    """Whether a word of `folded` (a text through `fold`) starts with one of the forms."""
    return any(
        re.search(r"(?<!\w)" + re.escape(fold(form, lang)), folded) is not None for form in forms
    )


@dataclass(frozen=True)
class Passage:
    """A numbered paragraph or footnote of a chapter, with its twin's words in each
    translation (None where the twin is missing: the parity check reports that)."""

    chapter: str  # slug
    anchor: str
    words: str  # folded (see `fold`), as the glossary's forms are looked for
    twins: tuple[tuple[str, str, Origin], ...]  # lang → folded words, origin


# How a check asks for a result kept from the last load (SourceMemory.derive): by a key
# holding everything the result is made from.
Derive = Callable[[Hashable, Callable[[], Any]], Any]


def _made(_key: Hashable, make: Callable[[], Any]) -> Any:
    return make()


def passages(edition: Edition, derive: Derive = _made) -> Iterator[Passage]:
    """The original's numbered paragraphs and footnotes, in reading order. Twins are paired
    by position within their chapter and footnotes by label; a chapter whose twin has
    another number of paragraphs has no twins here (the parity check reports it)."""

    def words(markdown: str, lang: str) -> str:
        folded: str = derive(("folded", markdown, lang), lambda: fold(words_of(markdown), lang))
        return folded

    translations = {(c.lang, c.slug): c for c in edition.chapters if c.lang != edition.original}
    for chapter in edition.chapters_in(edition.original):
        twins = [
            (lang, translations[(lang, chapter.slug)])
            for lang in edition.languages.translations
            if (lang, chapter.slug) in translations
        ]
        blocks = _anchored(chapter)
        paired = {
            lang: _anchored(twin) for lang, twin in twins if len(_anchored(twin)) == len(blocks)
        }
        for index, block in enumerate(blocks):
            yield Passage(
                chapter.slug,
                block.anchor or "",
                words(block.markdown, edition.original),
                tuple(
                    (lang, words(other[index].markdown, lang), other[index].origin)
                    for lang, other in paired.items()
                ),
            )
        notes = {lang: {note.label: note for note in twin.footnotes} for lang, twin in twins}
        for note in chapter.footnotes:
            yield Passage(
                chapter.slug,
                note.anchor,
                words(note.markdown, edition.original),
                tuple(
                    (lang, words(found[note.label].markdown, lang), found[note.label].origin)
                    for lang, found in notes.items()
                    if note.label in found
                ),
            )


def _anchored(chapter: Chapter) -> list[Block]:
    return [block for block in chapter.blocks if block.anchor]


# A term as the check reads it: its forms in the original, and by translation its forms there.
TermForms = tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]


def _unrendered(
    terms: tuple[TermForms, ...], original: str, words: str, twins: tuple[tuple[str, str], ...]
) -> list[tuple[int, str]]:
    """(term's index, translation) for each term `words` uses whose twin there lacks it."""
    missing = []
    for index, (forms, renderings) in enumerate(terms):
        if not uses(words, forms, original):
            continue
        wanted = dict(renderings)
        for lang, twin in twins:
            if wanted.get(lang) and not uses(twin, wanted[lang], lang):
                missing.append((index, lang))
    return missing


def check_glossary(edition: Edition, problems: Problems, derive: Derive = _made) -> None:
    """Each translated passage and record text whose original uses a term uses the term's
    rendering. What is looked for is kept by the words compared (`derive`), so that an edit
    compares only the texts it changed."""
    if not edition.glossary:
        return
    original, translations = edition.original, edition.languages.translations
    terms = tuple(
        (entry.forms, tuple((lang, entry.forms_in(lang)) for lang in translations))
        for entry in edition.glossary
    )

    def report(origin: Origin, index: int, lang: str, where: str) -> None:
        entry = edition.glossary[index]
        forms = entry.forms_in(lang)
        problems.error(
            origin,
            f"{where.format(term=entry.term, lang=lang)} has "
            f"none of {' / '.join(repr(form) for form in forms)}: the glossary "
            f"({entry.origin}) renders it '{entry.rendering_in(lang)}'",
        )

    for passage in passages(edition, derive):
        twins = tuple((lang, words) for lang, words, _origin in passage.twins)
        origins = {lang: origin for lang, _words, origin in passage.twins}
        for index, lang in derive(
            ("glossary", terms, passage.words, twins),
            partial(_unrendered, terms, original, passage.words, twins),
        ):
            where = "the original uses '{term}' here, but this {lang} text"
            report(origins[lang], index, lang, where)
    for document in edition.documents:
        text = document.text.get(original) or ""
        words = derive(("folded", text, original), partial(fold, text, original))
        twins = tuple(
            (lang, derive(("folded", theirs, lang), partial(fold, theirs, lang)))
            for lang in translations
            if (theirs := document.text.get(lang))
        )
        for index, lang in derive(
            ("glossary", terms, words, twins),
            partial(_unrendered, terms, original, words, twins),
        ):
            where = f"the {original} text uses '{{term}}', but the {{lang}} text"
            report(document.origin_of("text"), index, lang, where)


def places_using(edition: Edition) -> dict[str, list[tuple[str, str]]]:
    """By term, the (chapter slug, anchor) of every passage of the original that uses it."""
    found: dict[str, list[tuple[str, str]]] = {entry.term: [] for entry in edition.glossary}
    for passage in passages(edition):
        for entry in edition.glossary:
            if uses(passage.words, entry.forms, edition.original):
                found[entry.term].append((passage.chapter, passage.anchor))
    return found
