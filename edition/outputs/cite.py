"""Citations of the edition's objects: a document, the article, the edition as a whole.

Each becomes one CSL-JSON item; citeproc-js formats it in CSL styles (Chicago notes and
bibliography, MLA, APA), and the same item is exported as BibTeX (bibtexparser), RIS (rispy)
and CSL-JSON, so that every form of a citation says the same thing. Each file's types and
fields are those its importers read: Zotero's (tested) and, for BibTeX, biblatex's.
"""

from __future__ import annotations

import json
from typing import Any

import rispy
from bibtexparser import Library, write_string  # type: ignore[attr-defined]
from bibtexparser.model import Entry, Field

from edition import urls
from edition.labels import KIND_NAMES, SEASON_NAMES
from edition.model import Archive, DatePrecision, Document, Edition, Languages, Person

# The edition's edition statement: CSL's (and Zotero's) `edition`, printed as it is. (A CSL
# `version` would make Zotero import the edition as a computer program.)
EDITION_STATEMENT = {
    "tr": "Dijital edisyon, sürüm {version}",
    "en": "Digital edition, version {version}",
}
# A document's kind as a CSL type: letters and telegrams are CSL's personal communications
# (Zotero's letters); reports are unpublished manuscripts.
CSL_TYPES = {
    "letter": "personal_communication",
    "telegram": "personal_communication",
    "report": "manuscript",
    "press-report": "manuscript",
    "speech": "speech",
}


def absolute(base_url: str, src: str) -> str | None:
    """The page's public URL; None for a build without a public address, which names none
    (a loopback or a relative address is never given as the edition's)."""
    if not base_url:
        return None
    return base_url.rstrip("/") + "/" + urls.src_to_url(src)


def frozen_page_url(edition: Edition, lang: str, src: str, base_url: str) -> str | None:
    """The address of a page of `lang` in the current version's frozen copy (/surum/<version>/
    and the page's path): None before the version is released, or without a public address."""
    if not base_url or edition.current_release is None:
        return None
    root = _root(base_url, lang, edition.languages)
    site_path = urls.site_path(src, lang, edition.languages)
    return root + edition.paths.frozen_path(edition.info.version, site_path)


def with_version_note(item: dict[str, Any], note: str | None) -> dict[str, Any]:
    """The item as its files give it once the version is released: with the version and its
    frozen address as a note, which the styles do not print (a CSL `version` would be printed
    as the document's own)."""
    return {**item, "note": note} if note else item


def _with_url(item: dict[str, Any], url: str | None) -> dict[str, Any]:
    if url is not None:
        item["URL"] = url
    return item


def _date_parts(document: Document) -> list[int]:
    date = document.date
    parts = [date.year]
    if date.precision in (DatePrecision.MONTH, DatePrecision.DAY) and date.month:
        parts.append(date.month)
    if date.precision is DatePrecision.DAY and date.day:
        parts.append(date.day)
    return parts


def structured_name(name: str) -> dict[str, str]:
    """A CSL name: the last word is the family name, the words before it the given names.

    A name of one word (the article gives only "Nerodiev") is a family name alone.
    """
    given, _, family = name.strip().rpartition(" ")
    return {"family": family, "given": given} if given else {"family": family}


def person_name(person: Person, lang: str, original: str) -> dict[str, str]:
    """The person as a citation in `lang` names them: the fullest form the article gives, or
    the form of English-language scholarship."""
    return structured_name(person.full_name if lang == original else person.english)


def archive_abbreviation(archive: Archive, lang: str, original: str) -> str:
    """The archive as a citation names it: the article's abbreviation in the original, the
    English convention's elsewhere (where the edition gives one)."""
    if lang == original:
        return archive.abbreviation
    return archive.english or archive.abbreviation


def document_item(edition: Edition, document: Document, lang: str, base_url: str) -> dict[str, Any]:
    """The CSL-JSON item of one document, as published on the page in `lang`.

    A letter has no title of its own: the styles describe it by its kind and recipient
    ("Letter to Vladimir Lenin"), as Chicago, MLA and APA ask for unpublished letters.
    """
    people = {person.id: person for person in edition.people}
    signature = document.signature
    item: dict[str, Any] = {
        "id": document.id,
        "type": CSL_TYPES[document.kind],
        "genre": KIND_NAMES[lang][document.kind],
        "author": [
            person_name(people[p], lang, edition.original) for p in document.senders if p in people
        ],
        "recipient": [
            person_name(people[p], lang, edition.original)
            for p in document.recipients
            if p in people
        ],
        "issued": {"date-parts": [_date_parts(document)]},
        "archive": archive_abbreviation(signature.archive, lang, edition.original),
        "archive-place": signature.archive.place.text(lang),
        "archive_location": (
            signature.english_location
            if lang != edition.original and signature.english is not None
            else signature.as_printed
        ),
        "language": document.original_language,
    }
    if document.date.year_uncertain or document.date.uncertain:
        item["issued"]["circa"] = True
    if document.place:
        item["event-place"] = document.place
    return _with_url(item, absolute(base_url, edition.paths.document_src(document.id)))


def article_item(edition: Edition, lang: str, base_url: str) -> dict[str, Any]:
    """The article as the journal printed it: the same in every language of the edition,
    at its address in the original language (`base_url` is that of `lang`)."""
    publication = edition.info.publication
    issued: dict[str, Any] = {"date-parts": [[publication.year]]}
    if publication.season:
        # A season by name: Zotero reads a season's number as a month.
        issued["season"] = SEASON_NAMES.get(lang, SEASON_NAMES["en"])[publication.season]
    item: dict[str, Any] = {
        "id": edition.info.identifiers.article,
        "type": "article-journal",
        "title": edition.info.title.text(edition.original),
        "author": [structured_name(edition.info.author)],
        "container-title": publication.journal,
        "issue": publication.issue,
        "issued": issued,
        "language": edition.original,
    }
    if publication.journal_short:
        item["container-title-short"] = publication.journal_short
    address = (
        _root(base_url, lang, edition.languages)
        + urls.site_path("index.md", edition.original, edition.languages)
        if base_url
        else None
    )
    return _with_url(item, address)


def _root(base_url: str, lang: str, languages: Languages) -> str:
    root = base_url.rstrip("/") + "/"
    return root.removesuffix(urls.language_prefix(languages, lang))


def edition_item(edition: Edition, lang: str, base_url: str) -> dict[str, Any]:
    """The edition in `lang` as a whole, at its current version: a book, published online.

    In a translation, the translation's makers are its translators, and the original title
    is named.
    """
    year, month, day = (int(part) for part in edition.info.date.split("-"))
    item: dict[str, Any] = {
        "id": edition.info.identifiers.edition,
        "type": "book",
        "title": edition.info.title.text(lang),
        "author": [structured_name(edition.info.author)],
        "edition": EDITION_STATEMENT.get(lang, EDITION_STATEMENT["en"]).format(
            version=edition.info.version
        ),
        "issued": {"date-parts": [[year, month, day]]},
        "language": lang,
    }
    translator = edition.info.translator(lang)
    if translator is not None:
        item["translator"] = [{"literal": translator.text(lang)}]
        item["original-title"] = edition.info.title.text(edition.original)
    return _with_url(item, absolute(base_url, "index.md"))


def page_item(edition: Edition, lang: str, base_url: str) -> dict[str, Any]:
    """What a chapter page in `lang` is, as its reader would cite it: the article in the
    original language, the edition's translation in another."""
    if edition.info.translator(lang) is None:
        return article_item(edition, lang, base_url)
    return edition_item(edition, lang, base_url)


# --- exports -------------------------------------------------------------------------


def to_csl_json(item: dict[str, Any]) -> str:
    return json.dumps([item], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def display_name(name: dict[str, str]) -> str:
    """'Given Family', 'Family' alone, or a literal name."""
    if "literal" in name:
        return name["literal"]
    return f"{name['given']} {name['family']}" if name.get("given") else name["family"]


def _inverted(name: dict[str, str]) -> str:
    """'Family, Given', 'Family' alone, or a literal name."""
    if "literal" in name:
        return name["literal"]
    return f"{name['family']}, {name['given']}" if name.get("given") else name["family"]


def _bibtex_names(names: list[dict[str, str]]) -> str:
    # A literal name is braced, so that BibTeX does not split it into given and family names.
    return " and ".join(
        "{" + name["literal"] + "}" if "literal" in name else _inverted(name) for name in names
    )


def _edtf_date(parts: list[int]) -> str:
    return "-".join(f"{part:02d}" if index else str(part) for index, part in enumerate(parts))


# CSL type → (biblatex entry type, RIS type), as Zotero imports and exports them.
EXPORT_TYPES = {
    "personal_communication": ("letter", "PCOMM"),
    "manuscript": ("unpublished", "MANSCPT"),
    "speech": ("unpublished", "SPEECH"),
    "article-journal": ("article", "JOUR"),
    "book": ("book", "BOOK"),
}
RECIPIENT_NOTE = {"tr": "Alıcı: {names}", "en": "To {names}"}


# CSL-JSON variables written as they are, each as its biblatex field, in the files' order.
_BIBLATEX_BEFORE_ARCHIVE = (
    ("container-title", "journaltitle"),
    ("container-title-short", "shortjournal"),
    ("issue", "number"),
    ("event-place", "location"),
)
_BIBLATEX_AFTER_ARCHIVE = (
    ("original-title", "origtitle"),
    ("edition", "edition"),
    ("URL", "url"),
    ("language", "language"),
)


def to_bibtex(item: dict[str, Any], lang: str) -> str:
    """biblatex, written by bibtexparser, with the fields Zotero's BibTeX import reads.

    biblatex has no recipient and no archive: the recipient is a note, the archive and the
    place in it are the `library` field (biblatex's "a library name and a call number").
    """
    entry_type = EXPORT_TYPES[item["type"]][0]
    fields: list[tuple[str, str]] = []
    if "title" in item:
        fields.append(("title", item["title"]))
    if item.get("genre"):
        fields.append(("type", item["genre"]))
    if item.get("author"):
        fields.append(("author", _bibtex_names(item["author"])))
    if item.get("translator"):
        fields.append(("translator", _bibtex_names(item["translator"])))
    if item.get("recipient"):
        names = ", ".join(display_name(name) for name in item["recipient"])
        fields.append(("note", RECIPIENT_NOTE.get(lang, RECIPIENT_NOTE["en"]).format(names=names)))
    fields.append(("date", _edtf_date(item["issued"]["date-parts"][0])))
    if "season" in item["issued"]:
        # biblatex's `issue` is "a designation such as 'Spring' or 'Summer'"; its `month`
        # takes only 1-12.
        fields.append(("issue", item["issued"]["season"]))
    fields += [(field, item[name]) for name, field in _BIBLATEX_BEFORE_ARCHIVE if name in item]
    if "archive" in item:
        fields.append(
            ("library", f"{item['archive']}, {item['archive-place']}, {item['archive_location']}")
        )
    fields += [(field, item[name]) for name, field in _BIBLATEX_AFTER_ARCHIVE if name in item]
    if "note" in item:  # biblatex's `note` holds the recipient
        fields.append(("addendum", item["note"]))
    entry = Entry(entry_type, item["id"], [Field(key, value) for key, value in fields])
    return str(write_string(Library([entry])))


# RIS tags beyond rispy's defaults: AV is the location in the archive (Zotero's archive
# location). Zotero reads A2 of a letter as its recipient and A4 as the translator.
RIS_MAPPING = {**rispy.TAG_KEY_MAPPING, "AV": "archive_location"}


def to_ris(item: dict[str, Any]) -> str:
    """RIS, written by rispy, with the tags Zotero's RIS import reads."""
    parts = item["issued"]["date-parts"][0]
    entry: dict[str, Any] = {
        "type_of_reference": EXPORT_TYPES[item["type"]][1],
        "authors": [_inverted(name) for name in item.get("author", [])],
        "year": str(parts[0]),
        "date": "/".join([str(parts[0]), *(f"{p:02d}" for p in parts[1:])]) + "/",
        "urls": [item["URL"]] if "URL" in item else [],
        "language": item["language"],
    }
    if "title" in item:
        entry["title"] = item["title"]
    if item.get("genre"):
        entry["type_of_work"] = item["genre"]
    if "edition" in item:
        entry["edition"] = item["edition"]
    if "container-title" in item:
        entry["secondary_title"] = item["container-title"]
    if "container-title-short" in item:
        entry["alternate_title1"] = item["container-title-short"]
    if "issue" in item:
        entry["number"] = item["issue"]
    if "archive" in item:
        entry["name_of_database"] = item["archive"]
        entry["archive_location"] = item["archive_location"]
        entry["place_published"] = item["archive-place"]
    if item.get("recipient"):
        entry["secondary_authors"] = [_inverted(name) for name in item["recipient"]]
    if item.get("translator"):
        entry["subsidiary_authors"] = [_inverted(name) for name in item["translator"]]
    if "original-title" in item:
        entry["translated_title"] = item["original-title"]
    if "note" in item:
        entry["notes"] = [item["note"]]
    return str(rispy.dumps([entry], mapping=RIS_MAPPING, skip_unknown_tags=False))
