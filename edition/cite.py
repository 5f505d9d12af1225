"""Citations of the edition's objects: a document, the article, the edition as a whole.

Each becomes one CSL-JSON item; citeproc-py formats it in CSL styles (Chicago notes and
bibliography, MLA, APA), and the same item is exported as BibTeX (bibtexparser), RIS (rispy)
and CSL-JSON, so that every form of a citation says the same thing.
"""

from __future__ import annotations

import json
from typing import Any

import rispy
from bibtexparser import Library, write_string  # type: ignore[attr-defined]
from bibtexparser.model import Entry, Field

from edition import urls
from edition.model import DatePrecision, Document, Edition, Person

ARCHIVE = {"tr": "RGASPİ", "en": "RGASPI"}
ARCHIVE_PLACE = {"tr": "Moskova", "en": "Moscow"}
EDITION_MEDIUM = {"tr": "Dijital edisyon", "en": "Digital edition"}
JOURNAL = "TÜBAR"
JOURNAL_VOLUME = "LIV"
ARTICLE_YEAR = 2023
CSL_TYPES = {
    "letter": "letter",
    "telegram": "letter",
    "report": "manuscript",
    "press-report": "manuscript",
    "speech": "speech",
}


def absolute(base_url: str, src: str) -> str:
    return base_url.rstrip("/") + "/" + urls.src_to_url(src)


def _date_parts(document: Document) -> list[int]:
    date = document.date
    parts = [date.year]
    if date.precision in (DatePrecision.MONTH, DatePrecision.DAY) and date.month:
        parts.append(date.month)
    if date.precision is DatePrecision.DAY and date.day:
        parts.append(date.day)
    return parts


def document_item(
    edition: Edition, document: Document, lang: str, base_url: str, title: str
) -> dict[str, Any]:
    """The CSL-JSON item of one document, as published on the page in `lang`."""
    people = {person.id: person for person in edition.people}
    signature = document.signature
    item: dict[str, Any] = {
        "id": document.id,
        "type": CSL_TYPES[document.kind],
        "title": title,
        "author": [{"literal": _name(people[p], lang)} for p in document.senders if p in people],
        "recipient": [
            {"literal": _name(people[p], lang)} for p in document.recipients if p in people
        ],
        "issued": {"date-parts": [_date_parts(document)]},
        "archive": ARCHIVE.get(lang, ARCHIVE["en"]),
        "archive-place": ARCHIVE_PLACE.get(lang, ARCHIVE_PLACE["en"]),
        "archive_location": signature.as_printed if lang == "tr" else signature.english,
        "container-title": edition.info.title.text(lang),
        "medium": EDITION_MEDIUM.get(lang, EDITION_MEDIUM["en"]),
        "version": edition.info.version,
        "URL": absolute(base_url, urls.document_src(document.id)),
        "language": lang,
    }
    if document.date.year_uncertain or document.date.uncertain:
        item["issued"]["circa"] = True
    if document.place:
        item["event-place"] = document.place
    return item


def _name(person: Person, lang: str) -> str:
    return person.name if lang == "tr" else person.english


def article_item(edition: Edition, lang: str, base_url: str) -> dict[str, Any]:
    """The article itself, as the edition publishes it."""
    return {
        "id": "korkmaz-2023",
        "type": "article-journal",
        "title": edition.info.title.text("tr"),
        "author": [_person_name(edition.info.author)],
        "container-title": JOURNAL,
        "volume": JOURNAL_VOLUME,
        "issued": {"date-parts": [[ARTICLE_YEAR]]},
        "URL": absolute(base_url, "index.md"),
        "version": edition.info.version,
        "language": "tr",
    }


def edition_item(edition: Edition, lang: str, base_url: str) -> dict[str, Any]:
    """The edition as a whole: the article with its documents, at its current version."""
    year, month, day = (int(part) for part in edition.info.date.split("-"))
    return {
        "id": "korkmaz-edition",
        "type": "book",
        "title": edition.info.title.text(lang),
        "author": [_person_name(edition.info.author)],
        "medium": EDITION_MEDIUM.get(lang, EDITION_MEDIUM["en"]),
        "version": edition.info.version,
        "issued": {"date-parts": [[year, month, day]]},
        "URL": base_url.rstrip("/") + "/",
        "language": lang,
    }


def _person_name(name: str) -> dict[str, str]:
    given, _, family = name.rpartition(" ")
    return {"family": family, "given": given} if given else {"literal": name}


# --- exports -------------------------------------------------------------------------


def to_csl_json(item: dict[str, Any]) -> str:
    return json.dumps([item], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _names(people: list[dict[str, str]]) -> str:
    names = []
    for person in people:
        if "literal" in person:
            names.append(person["literal"])
        else:
            names.append(f"{person['family']}, {person['given']}")
    return " and ".join(names)


def _edtf_date(parts: list[int]) -> str:
    return "-".join(f"{part:02d}" if index else str(part) for index, part in enumerate(parts))


def to_bibtex(item: dict[str, Any]) -> str:
    """BibLaTeX, written by bibtexparser; `@letter` for letters as Zotero exports them."""
    entry_type = {
        "letter": "letter",
        "manuscript": "unpublished",
        "article-journal": "article",
        "book": "online",
        "speech": "unpublished",
    }[item["type"]]
    fields: list[tuple[str, str]] = [("title", item["title"])]
    if item.get("author"):
        fields.append(("author", _names(item["author"])))
    if item.get("recipient"):
        fields.append(("note", "To " + _names(item["recipient"])))
    fields.append(("date", _edtf_date(item["issued"]["date-parts"][0])))
    if "container-title" in item:
        key = "journaltitle" if item["type"] == "article-journal" else "booktitle"
        fields.append((key, item["container-title"]))
    if "volume" in item:
        fields.append(("volume", item["volume"]))
    if "archive" in item:
        fields.append(("library", f"{item['archive']}, {item['archive-place']}"))
        fields.append(("location", item["archive_location"]))
    fields += [("version", item["version"]), ("url", item["URL"]), ("langid", item["language"])]
    entry = Entry(entry_type, item["id"], [Field(key, value) for key, value in fields])
    return str(write_string(Library([entry])))


RIS_TYPES = {
    "letter": "PCOMM",
    "manuscript": "MANSCPT",
    "speech": "MANSCPT",
    "article-journal": "JOUR",
    "book": "ELEC",
}
_RIS_MAPPING = {**rispy.TAG_KEY_MAPPING, "AV": "archive_location"}


def to_ris(item: dict[str, Any]) -> str:
    """RIS, written by rispy; AV carries the location in the archive, DB the archive."""
    parts = item["issued"]["date-parts"][0]
    entry: dict[str, Any] = {
        "type_of_reference": RIS_TYPES[item["type"]],
        "title": item["title"],
        "authors": [p.get("literal") or f"{p['family']}, {p['given']}" for p in item["author"]],
        "year": str(parts[0]),
        "date": "/".join([str(parts[0]), *(f"{p:02d}" for p in parts[1:])]) + "/",
        "urls": [item["URL"]],
        "edition": item["version"],
        "language": item["language"],
    }
    if "container-title" in item:
        entry["secondary_title"] = item["container-title"]
    if "volume" in item:
        entry["volume"] = item["volume"]
    if "archive" in item:
        entry["name_of_database"] = item["archive"]
        entry["archive_location"] = item["archive_location"]
        entry["place_published"] = item["archive-place"]
    if item.get("recipient"):
        entry["secondary_authors"] = [p["literal"] for p in item["recipient"]]
    return str(rispy.dumps([entry], mapping=_RIS_MAPPING, skip_unknown_tags=False))
