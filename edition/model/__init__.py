"""The edition's model: frozen, typed records, each value that can be wrong keeping its origin."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from importlib import resources
from typing import Any, TypeVar

from edition.urls import Paths


@dataclass(frozen=True, order=True)
class Origin:
    """Where a value came from: a path relative to the project root and a 1-based line."""

    path: str
    line: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Languages:
    """The edition's languages, as sources/edition.yaml lists them: the original first."""

    codes: tuple[str, ...]
    origin: Origin

    @property
    def original(self) -> str:
        return self.codes[0]

    @property
    def translations(self) -> tuple[str, ...]:
        return self.codes[1:]

    def __iter__(self) -> Iterator[str]:
        return iter(self.codes)

    def __contains__(self, lang: object) -> bool:
        return lang in self.codes

    def __len__(self) -> int:
        return len(self.codes)


@dataclass(frozen=True)
class LocalizedText:
    """A text in one or more of the edition's languages; the original's is always there."""

    values: tuple[tuple[str, str], ...]
    original: str  # the edition's original language, which every localized field gives

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, object], original: str) -> LocalizedText:
        """From a record's `{<language>: text, …}`, each text stripped."""
        return cls(
            tuple(sorted((lang, str(text).strip()) for lang, text in mapping.items())), original
        )

    def get(self, lang: str) -> str | None:
        return dict(self.values).get(lang)

    def text(self, lang: str) -> str:
        """The text in ``lang``, falling back to the original language."""
        values = dict(self.values)
        return values.get(lang) or values.get(self.original) or ""


# --- the article -----------------------------------------------------------------------


class CitationForm(Enum):
    PARENTHETICAL = "parenthetical"  # [@kurat, 376] → (Kurat 376)
    NARRATIVE = "narrative"  # @volkova [213-217] → Volkova 213-217


@dataclass(frozen=True)
class CitationItem:
    key: str
    locator: str  # the pages as printed, "" when none
    origin: Origin


@dataclass(frozen=True)
class Citation:
    """One Pandoc-style citation in a chapter: ``source`` is the exact Markdown it replaces."""

    source: str
    form: CitationForm
    items: tuple[CitationItem, ...]
    origin: Origin
    span: tuple[int, int]  # offsets of `source` in the Markdown of its block or footnote


class BlockKind(Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    OTHER = "other"  # raw HTML, lists and the like: passed through, never numbered


@dataclass(frozen=True)
class Block:
    """A top-level block of a chapter; body paragraphs and quotes carry their article number."""

    kind: BlockKind
    markdown: str
    origin: Origin
    citations: tuple[Citation, ...] = ()
    footnote_refs: tuple[str, ...] = ()
    number: int | None = None
    named_anchor: str | None = None  # an id given in the source: "{ #oz }"

    @property
    def anchor(self) -> str | None:
        return f"p{self.number}" if self.number is not None else self.named_anchor


@dataclass(frozen=True)
class Footnote:
    label: str
    markdown: str  # the note's text, without the "[^n]:" marker
    origin: Origin
    citations: tuple[Citation, ...] = ()

    @property
    def anchor(self) -> str:
        return f"fn:{self.label}"


@dataclass(frozen=True)
class Chapter:
    """One Markdown file of the article in one language."""

    slug: str  # the file name without ".md"; "index" is the title page
    lang: str
    path: str  # relative to the docs language folder, e.g. "giris.md"
    origin: Origin
    title: str
    numbered: bool  # body chapters number their paragraphs; the title page does not
    front_matter: str
    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...]

    def citations(self) -> list[tuple[Citation, str]]:
        """Every citation with the anchor of the paragraph or footnote that holds it."""
        found: list[tuple[Citation, str]] = []
        for block in self.blocks:
            for citation in block.citations:
                found.append((citation, block.anchor or ""))
        for note in self.footnotes:
            for citation in note.citations:
                found.append((citation, note.anchor))
        return found

    @cached_property
    def cited_keys(self) -> tuple[str, ...]:
        """The key of every work and record the chapter cites, once each, in order."""
        return tuple(
            dict.fromkeys(item.key for citation, _ in self.citations() for item in citation.items)
        )

    # Kept on the chapter, which a reload keeps while its file is unchanged: the edition's
    # index of citing places is then joined from the chapters' parts, not gathered anew.
    @cached_property
    def citing_places(self) -> tuple[tuple[str, str, str], ...]:
        """(key, anchor, pages) of each item cited in a paragraph or footnote with an anchor."""
        return tuple(
            (item.key, anchor, item.locator)
            for citation, anchor in self.citations()
            if anchor
            for item in citation.items
        )


# --- works cited -----------------------------------------------------------------------


@dataclass(frozen=True)
class Work:
    """A work cited by the article, as far as the article lets us know it."""

    key: str
    entry_type: str
    label: str  # the author's surname or the title, exactly as the article cites it
    complete: bool  # False: the article's list of works cited is not in our source
    url: str | None
    fields: tuple[tuple[str, str], ...]
    origin: Origin


# --- people ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    id: str
    name: str  # the short form the article uses
    full_name: str  # the fullest form the article gives
    english: str  # the form English-language scholarship uses
    russian: str | None  # the established Russian form, when there is one
    role: LocalizedText  # what the article calls them, in its words
    facts: tuple[LocalizedText, ...]  # what the article states of them
    mentions: tuple[str, ...]  # the forms by which they are found in the text
    origin: Origin


# --- archival documents ----------------------------------------------------------------


class DatePrecision(Enum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True)
class DocumentDate:
    """An EDTF date with what the edition needs to show and sort it."""

    edtf: str
    precision: DatePrecision
    year: int
    month: int | None
    day: int | None
    year_uncertain: bool  # "?" on the year only: the article implies the year
    uncertain: bool  # "?" on the whole date
    earliest: tuple[int, int, int]
    latest: tuple[int, int, int]
    as_printed: str
    basis: LocalizedText | None
    origin: Origin


@dataclass(frozen=True)
class Archive:
    """An archive that holds documents: its names, its place, and its signatures' grammar."""

    abbreviation: str  # as the records' `archive` field and the article give it: "RGASPİ"
    name: LocalizedText
    name_original: str | None  # romanised, in the archive's own language
    place: LocalizedText
    signature: str  # "Fon {fond}, Sayı {opis}, Dosya {delo}, Vr. {list}"
    id_prefix: str  # "rgaspi"
    english: str | None  # the abbreviation in the English convention: "RGASPI"
    russian: str | None  # in the Russian convention: "РГАСПИ"; None: no Russian form
    origin: Origin

    def example_signature(self) -> str:
        return self.signature.format(fond="159", opis="2", delo="57", list="010")


@dataclass(frozen=True)
class Signature:
    """An archival signature: fond / opis / delo / list, as printed and normalised."""

    as_printed: str  # "Fon 159, Sayı 2, Dosya 57, Vr. 001 (1)"
    fond: str  # as printed
    opis: str
    delo: str
    list: str  # "001"
    list_part: str | None  # "1" for "001 (1)"; what the part means is not known
    origin: Origin
    archive: Archive

    @cached_property  # the order of every list of records by signature
    def normalised(self) -> tuple[int, int, int, int]:
        return (int(self.fond), int(self.opis), int(self.delo), int(self.list))

    @property
    def english(self) -> str | None:
        """The English archival convention: 'RGASPI, f. 159, op. 2, d. 57, l. 3'; None for
        an archive that edition.yaml gives no English form."""
        if self.archive.english is None:
            return None
        return f"{self.archive.english}, {self.english_location}"

    @property
    def english_location(self) -> str:
        """The place within the archive, in the English convention: 'f. 159, op. 2, d. 57, l. 3'."""
        fond, opis, delo, sheet = self.normalised
        part = f" ({self.list_part})" if self.list_part else ""
        return f"f. {fond}, op. {opis}, d. {delo}, l. {sheet}{part}"

    @property
    def russian(self) -> str | None:
        """The Russian archival convention: 'РГАСПИ. Ф. 159. Оп. 2. Д. 57. Л. 3'."""
        if self.archive.russian is None:
            return None
        fond, opis, delo, sheet = self.normalised
        part = f" ({self.list_part})" if self.list_part else ""
        return f"{self.archive.russian}. Ф. {fond}. Оп. {opis}. Д. {delo}. Л. {sheet}{part}"

    @property
    def id(self) -> str:
        """The record id the signature yields: lowercase ASCII, stable once published."""
        parts = [self.archive.id_prefix, self.fond, self.opis, self.delo, self.list]
        if self.list_part:
            parts.append(self.list_part)
        return "-".join(part.lower() for part in parts)


@dataclass(frozen=True)
class Document:
    id: str
    archive: str
    signature: Signature
    citation_as_printed: str
    kind: str
    date: DocumentDate
    place: str | None
    senders: tuple[str, ...]  # person ids
    recipients: tuple[str, ...]  # person ids
    recipient_groups: tuple[LocalizedText, ...]
    original_language: str
    text: LocalizedText
    unknown: tuple[tuple[str, LocalizedText], ...]  # field → why it is not known
    aliases: tuple[str, ...]
    origin: Origin
    field_origins: tuple[tuple[str, Origin], ...] = field(default=())
    # Set when the language is the edition's inference, not the article's statement.
    original_language_basis: LocalizedText | None = None

    def origin_of(self, name: str) -> Origin:
        return self._field_origins.get(name, self.origin)

    @cached_property
    def _field_origins(self) -> dict[str, Origin]:
        return dict(self.field_origins)


@dataclass(frozen=True)
class Event:
    """A dated event that the article states, placed at the paragraph that states it."""

    date: DocumentDate
    event: LocalizedText
    chapter: str  # slug
    quote: str  # words of the stating paragraph
    origin: Origin


@dataclass(frozen=True)
class GlossaryEntry:
    """A term of the original and how each translation renders it."""

    term: str
    forms: tuple[str, ...]  # starts of words that are the term in the original
    rendering: tuple[tuple[str, str], ...]  # translation language → rendering shown
    rendering_forms: tuple[tuple[str, tuple[str, ...]], ...]  # language → accepted forms
    note: LocalizedText | None
    origin: Origin

    def rendering_in(self, lang: str) -> str | None:
        return dict(self.rendering).get(lang)

    def forms_in(self, lang: str) -> tuple[str, ...]:
        """The forms that count as the rendering in `lang`."""
        return dict(self.rendering_forms).get(lang, ())


# --- the whole ------------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    version: str  # MAJOR.MINOR.PATCH
    date: str  # YYYY-MM-DD
    changes: LocalizedText
    origin: Origin


@dataclass(frozen=True)
class Release:
    """A version frozen by `build_edition.py release`: the whole site as it was released, kept
    as an archive that every later build carries over unchanged, and what its documents and
    chapters said (`snapshot`, for the comparisons). `snapshot` is None for the version being
    released by this very build, whose texts are the current ones."""

    version: str
    date: str
    archive: str  # the site's archive, relative to the project: releases/<version>/site.tar.gz
    archive_sha256: str
    origin: Origin  # its manifest, releases/<version>/release.json
    snapshot: Mapping[str, Any] | None = field(default=None, compare=False, hash=False)

    @property
    def pending(self) -> bool:
        return self.snapshot is None


# A journal issue's seasons, as edition.yaml's schema declares them: CSL's seasons 1-4, in
# this order.
SEASONS: tuple[str, ...] = tuple(
    json.loads(
        resources.files("edition.sources")
        .joinpath("schemas/edition.schema.json")
        .read_text("utf-8")
    )["properties"]["publication"]["properties"]["season"]["enum"]
)


@dataclass(frozen=True)
class Publication:
    """Where the article was printed."""

    journal: str
    journal_short: str | None  # the journal's abbreviation, as its running head prints it
    issue: str  # as printed, e.g. "LIV"
    season: str | None  # one of SEASONS
    year: int

    @property
    def season_number(self) -> int | None:
        return SEASONS.index(self.season) + 1 if self.season else None


@dataclass(frozen=True)
class Identifiers:
    """Names of the edition's files and citation items; published, so never changed."""

    article: str  # the article's id in citation files: "korkmaz-2023"
    edition: str  # the edition's id in citation files and the offline copy's folder
    files: str  # the stem of the PDFs' and EPUBs' names: "korkmaz-edisyon"


@dataclass(frozen=True)
class TranslationNote:
    """The edition's note on one of its translations, in that translation's language."""

    note: str
    conventions: tuple[str, ...]  # Markdown; {people} and {glossary} name those pages
    resp: str | None  # the translation's making, as the TEI files state it
    origin: Origin


@dataclass(frozen=True)
class EditionInfo:
    languages: Languages
    title: LocalizedText
    author: str
    publication: Publication
    versions: tuple[Version, ...]  # newest first
    chapters: tuple[str, ...]  # slugs in reading order, the title page first
    origin: Origin
    identifiers: Identifiers
    archives: tuple[Archive, ...]
    paths: Paths  # the words of the site's URLs
    # The credit for each translation, by the translation's language, e.g. en → "The editors
    # of the digital edition", in every language of the edition.
    translators: tuple[tuple[str, LocalizedText], ...] = ()
    author_orcid: str | None = None
    address: str | None = None  # the public address sources/edition.yaml gives
    translation_notes: tuple[tuple[str, TranslationNote], ...] = ()

    def archive(self, abbreviation: str) -> Archive | None:
        return next((a for a in self.archives if a.abbreviation == abbreviation), None)

    def translation_note(self, lang: str) -> TranslationNote | None:
        return dict(self.translation_notes).get(lang)

    def translator(self, lang: str) -> LocalizedText | None:
        """Who made the text in `lang`, when it is a translation; None for the original."""
        return dict(self.translators).get(lang)

    @property
    def version(self) -> str:
        return self.versions[0].version

    @property
    def date(self) -> str:
        return self.versions[0].date


T = TypeVar("T")


@dataclass(frozen=True)
class Edition:
    info: EditionInfo
    chapters: tuple[Chapter, ...]  # every language, in reading order within each
    works: tuple[Work, ...]
    documents: tuple[Document, ...]
    people: tuple[Person, ...]
    events: tuple[Event, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    releases: tuple[Release, ...] = ()  # the frozen versions, newest first

    def release(self, version: str) -> Release | None:
        """The frozen copy of `version`, when it was released (a listed version may not be)."""
        return next((r for r in self.releases if r.version == version), None)

    @cached_property  # every page asks
    def current_release(self) -> Release | None:
        """The current version's frozen copy, once it is released (or being released)."""
        return self.release(self.info.version)

    @property
    def languages(self) -> Languages:
        return self.info.languages

    @property
    def original(self) -> str:
        """The original language: the article's own, served at the site's root."""
        return self.info.languages.original

    @property
    def paths(self) -> Paths:
        return self.info.paths

    def chapters_in(self, lang: str) -> list[Chapter]:
        return [c for c in self.chapters if c.lang == lang]

    def work(self, key: str) -> Work | None:
        return self._works_by_key.get(key)

    def document(self, doc_id: str) -> Document | None:
        return self._documents_by_id.get(doc_id)

    def person(self, person_id: str) -> Person | None:
        return self._people_by_id.get(person_id)

    def people_of(self, document: Document | None) -> tuple[Person | None, ...]:
        """The people a record names as its senders and recipients (None for an id that names
        no one): what its page, its TEI and its data say of them besides the record."""
        if document is None:
            return ()
        known = self._people_of_documents.get(id(document))
        if known is not None and known[0] is document:
            return known[1]
        people = self._people_by_id
        return tuple([people.get(p) for p in document.senders + document.recipients])

    @cached_property  # asked by every page that lists records by date
    def documents_in_time_order(self) -> tuple[Document, ...]:
        """By earliest possible day, then latest, then signature."""
        return tuple(
            sorted(
                self.documents,
                key=lambda d: (d.date.earliest, d.date.latest, d.signature.normalised),
            )
        )

    # Asked for every record by every page that names it, on every rebuild.
    @cached_property
    def _people_of_documents(
        self,
    ) -> dict[int, tuple[Document, tuple[Person | None, ...]]]:
        people = self._people_by_id
        return {
            id(document): (
                document,
                tuple([people.get(p) for p in document.senders + document.recipients]),
            )
            for document in self.documents
        }

    def citing(self, key: str, lang: str) -> tuple[tuple[Chapter, str, str], ...]:
        """Every (chapter, anchor, pages) of `lang` whose paragraph or footnote cites `key`,
        in reading order."""
        return self._citing_by_key.get((lang, key), ())

    # Gathered in one pass over the chapters: asked once per document, a pass each would
    # make a build quadratic in the number of documents.
    @cached_property
    def _citing_by_key(self) -> dict[tuple[str, str], tuple[tuple[Chapter, str, str], ...]]:
        found: dict[tuple[str, str], list[tuple[Chapter, str, str]]] = {}
        for chapter in self.chapters:
            for key, anchor, locator in chapter.citing_places:
                found.setdefault((chapter.lang, key), []).append((chapter, anchor, locator))
        return {key: tuple(places) for key, places in found.items()}

    # Lookups by key, made once: a search through thousands of documents for each of their
    # citations would make a build quadratic. (cached_property writes the instance's
    # __dict__ directly, which a frozen dataclass allows; the first of duplicates wins, as
    # the checks that report duplicates expect.)
    @cached_property
    def _works_by_key(self) -> dict[str, Work]:
        return _first_by(self.works, lambda w: w.key)

    @cached_property
    def _documents_by_id(self) -> dict[str, Document]:
        return _first_by(self.documents, lambda d: d.id)

    @cached_property
    def _people_by_id(self) -> dict[str, Person]:
        return _first_by(self.people, lambda p: p.id)


def _first_by(items: tuple[T, ...], key: Callable[[T], str]) -> dict[str, T]:
    found: dict[str, T] = {}
    for item in items:
        found.setdefault(key(item), item)
    return found
