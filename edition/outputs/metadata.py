"""What reference managers and search engines read in a page's head, drawn from the same
CSL-JSON item as the page's "cite this" block so that they agree.

Zotero's "Save to Zotero" reads these through its Embedded Metadata translator (tested in
tests/test_zotero.py), which turns `DC.*` and `z:*` tags into an item: `z:itemType` sets the
type, `z:<field>` any Zotero field, `z:<creatorType>s` creators of that role, and a name
written "Family, Given" stays structured. Highwire `citation_*` tags (Google Scholar's) are
given only to pages of the journal article: Zotero lets them replace every other creator,
which would drop a letter's recipient and a translation's translator. There is no COinS: Zotero
prefers it to the tags, and it cannot carry a recipient, an archive or a translator.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from edition.model import Document
from edition.outputs.cite import display_name

# A CSL type as Zotero's item type.
ZOTERO_TYPES = {
    "personal_communication": "letter",
    "manuscript": "manuscript",
    "speech": "presentation",
    "article-journal": "journalArticle",
    "book": "book",
}
# CSL variables that Zotero has no field for on an item type, given in its Extra field as
# "Name: value" lines, which Zotero's citation processor reads back as those variables.
EXTRA_NAMES = {
    "archive-place": "Archive Place",
    "event-place": "Event Place",
    "original-title": "Original Title",
}


@dataclass(frozen=True)
class HeadMetadata:
    tags: tuple[tuple[str, str], ...]  # (name, content) of <meta> tags, in order
    jsonld: str  # JSON, safe to place inside <script type="application/ld+json">


def _given(tags: Sequence[tuple[str, str | None]]) -> tuple[tuple[str, str], ...]:
    """The tags whose value is known."""
    return tuple((name, value) for name, value in tags if value is not None)


def zotero_name(name: dict[str, str]) -> str:
    """A name as Zotero reads it from a tag: "Family, Given" stays two fields; a name of one
    part is written "Name," so that Zotero keeps it whole, in one field."""
    if "literal" in name:
        return name["literal"] + ","
    return f"{name['family']}, {name['given']}" if name.get("given") else name["family"] + ","


def _iso(parts: list[int]) -> str:
    return "-".join(f"{part:02d}" if index else str(part) for index, part in enumerate(parts))


def _known(value: Any) -> Any:
    """The value without the fields it does not know (None): a build without a public
    address names no URL."""
    if isinstance(value, dict):
        return {key: _known(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_known(item) for item in value if item is not None]
    return value


def _script_json(value: Any) -> str:
    text = json.dumps(_known(value), ensure_ascii=False, sort_keys=True, indent=1)
    # "</script>" inside a string must not close the element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _extra(item: dict[str, Any]) -> str:
    return "\n".join(
        f"{name}: {item[variable]}" for variable, name in EXTRA_NAMES.items() if item.get(variable)
    )


def zotero_tags(item: dict[str, Any], title: str) -> list[tuple[str, str | None]]:
    """The tags from which Zotero makes the item: Dublin Core where it has the field, the
    Zotero namespace for the rest."""
    tags: list[tuple[str, str | None]] = [
        ("DC.title", title),
        *(("DC.creator", zotero_name(name)) for name in item.get("author", [])),
        ("DC.date", _iso(item["issued"]["date-parts"][0])),
        ("DC.identifier", item.get("URL")),
        ("DC.language", item["language"]),
        ("z:itemType", ZOTERO_TYPES[item["type"]]),
        *(("z:recipients", zotero_name(name)) for name in item.get("recipient", [])),
        *(("z:translators", zotero_name(name)) for name in item.get("translator", [])),
    ]
    if item.get("genre") and item["type"] == "personal_communication":
        tags.append(("z:letterType", item["genre"]))
    if item.get("genre") and item["type"] == "manuscript":
        tags.append(("z:manuscriptType", item["genre"]))
    if item.get("edition"):
        tags.append(("z:edition", item["edition"]))
    if "archive" in item:
        tags += [("z:archive", item["archive"]), ("z:archiveLocation", item["archive_location"])]
    extra = _extra(item)
    if extra:
        tags.append(("z:extra", extra))
    return tags


def _archive_name(document: Document) -> str:
    """The archive by its own name where the edition gives it, with its abbreviation."""
    archive = document.signature.archive
    name = archive.name_original or archive.name.text("en")
    return f"{name} ({archive.english or archive.abbreviation})"


def document_metadata(
    item: dict[str, Any],
    document: Document,
    title: str,
    article: dict[str, Any],
    edition_item: dict[str, Any],
) -> HeadMetadata:
    """A document page: a letter (or manuscript) in an archive, quoted in the article."""
    tags = zotero_tags(item, title)
    tags += [
        ("DC.type", "Text"),
        ("DC.source", f"{item['archive']}, {item['archive_location']}"),
        ("DC.relation.isPartOf", edition_item["title"]),
    ]
    jsonld = {
        "@context": "https://schema.org",
        "@type": "ArchiveComponent",
        "@id": item.get("URL"),
        "url": item.get("URL"),
        "name": title,
        "genre": item.get("genre"),
        "author": [{"@type": "Person", "name": display_name(n)} for n in item["author"]],
        "recipient": [{"@type": "Person", "name": display_name(n)} for n in item["recipient"]],
        "dateCreated": _iso(item["issued"]["date-parts"][0]),
        "inLanguage": document.original_language,
        "identifier": [
            form
            for form in (document.signature.as_printed, document.signature.english)
            if form is not None
        ],
        "holdingArchive": {
            "@type": "ArchiveOrganization",
            "name": _archive_name(document),
            "address": item["archive-place"],
        },
        "itemLocation": document.signature.english or document.signature.as_printed,
        "subjectOf": _edition_ref(edition_item),
        "citation": _article_ref(article),
    }
    return HeadMetadata(_given(tags), _script_json(jsonld))


def _article_ref(article: dict[str, Any]) -> dict[str, Any]:
    issued = article["issued"]
    date = str(issued["date-parts"][0][0])
    periodical: dict[str, Any] = {"@type": "Periodical", "name": article["container-title"]}
    if "container-title-short" in article:
        periodical["alternateName"] = article["container-title-short"]
    return {
        "@type": "ScholarlyArticle",
        "name": article["title"],
        "inLanguage": article["language"],
        "author": [{"@type": "Person", "name": display_name(n)} for n in article["author"]],
        "isPartOf": {
            "@type": "PublicationIssue",
            "issueNumber": article["issue"],
            "datePublished": date,
            "isPartOf": periodical,
        },
    }


def _edition_ref(edition_item: dict[str, Any]) -> dict[str, Any]:
    ref: dict[str, Any] = {
        "@type": "Book",
        "@id": edition_item.get("URL"),
        "name": edition_item["title"],
        "url": edition_item.get("URL"),
        "bookFormat": "https://schema.org/EBook",
        "bookEdition": edition_item["edition"],
        "inLanguage": edition_item["language"],
        "author": [{"@type": "Person", "name": display_name(n)} for n in edition_item["author"]],
    }
    if edition_item.get("translator"):
        ref["translator"] = [
            {"@type": "Organization", "name": display_name(n)} for n in edition_item["translator"]
        ]
        ref["translationOfWork"] = {"@type": "CreativeWork", "name": edition_item["original-title"]}
    return ref


def article_metadata(
    article: dict[str, Any], page_url: str | None, page_title: str
) -> HeadMetadata:
    """A chapter page in the original language: a part of the article as the journal printed
    it. Highwire tags for Google Scholar, which Zotero reads as a journal article."""
    year = str(article["issued"]["date-parts"][0][0])
    tags: list[tuple[str, str | None]] = [("citation_title", article["title"])]
    tags += [("citation_author", zotero_name(name).rstrip(",")) for name in article["author"]]
    tags += [
        ("citation_publication_date", year),
        ("citation_journal_title", article["container-title"]),
    ]
    if "container-title-short" in article:
        tags.append(("citation_journal_abbrev", article["container-title-short"]))
    tags += [
        ("citation_issue", article["issue"]),
        ("citation_language", article["language"]),
        ("citation_public_url", article.get("URL")),
        ("DC.title", article["title"]),
        *(("DC.creator", zotero_name(name)) for name in article["author"]),
        ("DC.date", year),
        ("DC.type", "Text"),
        ("DC.identifier", article.get("URL")),
        ("DC.language", article["language"]),
    ]
    part_of = {**_article_ref(article), "@id": article.get("URL"), "url": article.get("URL")}
    return HeadMetadata(_given(tags), _web_page(page_url, page_title, article["language"], part_of))


def translation_metadata(
    edition_item: dict[str, Any], article: dict[str, Any], page_url: str | None, page_title: str
) -> HeadMetadata:
    """A chapter page in a translation: the edition's translation, credited to its
    translators, of the article as printed."""
    tags = zotero_tags(edition_item, edition_item["title"])
    tags += [
        *(("DC.contributor", display_name(name)) for name in edition_item.get("translator", [])),
        ("DC.type", "Text"),
        ("DC.relation.isTranslationOf", article["title"]),
    ]
    part_of = {**_edition_ref(edition_item), "translationOfWork": _article_ref(article)}
    return HeadMetadata(
        _given(tags), _web_page(page_url, page_title, edition_item["language"], part_of)
    )


def _web_page(url: str | None, title: str, lang: str, part_of: dict[str, Any]) -> str:
    return _script_json(
        {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "@id": url,
            "url": url,
            "name": title,
            "inLanguage": lang,
            "isPartOf": part_of,
        }
    )
