"""What reference managers and search engines read in a page's head: Highwire Press
`citation_*` tags, Dublin Core `DC.*` tags, a COinS span and schema.org JSON-LD, all drawn
from the same CSL-JSON item as the page's "cite this" block so that they agree."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from edition.model import Document


@dataclass(frozen=True)
class HeadMetadata:
    tags: tuple[tuple[str, str], ...]  # (name, content) of <meta> tags, in order
    jsonld: str  # JSON, safe to place inside <script type="application/ld+json">
    coins: str  # the title attribute of a COinS <span class="Z3988">


def _names(people: list[dict[str, str]]) -> list[str]:
    return [p.get("literal") or f"{p['family']}, {p['given']}" for p in people]


def _display_names(people: list[dict[str, str]]) -> list[str]:
    return [p.get("literal") or f"{p['given']} {p['family']}" for p in people]


def _iso(parts: list[int]) -> str:
    return "-".join(f"{part:02d}" if index else str(part) for index, part in enumerate(parts))


def _highwire_date(parts: list[int]) -> str:
    return "/".join(f"{part:02d}" if index else str(part) for index, part in enumerate(parts))


def _script_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)
    # "</script>" inside a string must not close the element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def document_metadata(
    item: dict[str, Any], document: Document, article: dict[str, Any], edition_item: dict[str, Any]
) -> HeadMetadata:
    """A document page: a letter (or manuscript) in an archive, part of the edition."""
    parts = item["issued"]["date-parts"][0]
    authors = _names(item["author"])
    source = f"{item['archive']}, {item['archive_location']}"
    tags: list[tuple[str, str]] = [("citation_title", item["title"])]
    tags += [("citation_author", name) for name in authors]
    tags += [
        ("citation_date", _highwire_date(parts)),
        ("citation_publication_date", _highwire_date(parts)),
        ("citation_inbook_title", item["container-title"]),
        ("citation_public_url", item["URL"]),
        ("citation_language", item["language"]),
        ("DC.title", item["title"]),
    ]
    tags += [("DC.creator", name) for name in authors]
    tags += [
        ("DC.date", _iso(parts)),
        ("DC.type", item["type"]),
        ("DC.source", source),
        ("DC.identifier", item["URL"]),
        ("DC.language", document.original_language),
        ("DC.relation.isPartOf", item["container-title"]),
    ]
    coins = urlencode(
        [
            ("ctx_ver", "Z39.88-2004"),
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"),
            ("rft.type", item["type"]),
            ("rft.title", item["title"]),
            *(("rft.creator", name) for name in authors),
            ("rft.date", _iso(parts)),
            ("rft.source", source),
            ("rft.identifier", item["URL"]),
            ("rft.language", document.original_language),
        ]
    )
    jsonld = {
        "@context": "https://schema.org",
        "@type": "ArchiveComponent",
        "@id": item["URL"],
        "url": item["URL"],
        "name": item["title"],
        "author": [{"@type": "Person", "name": n} for n in _display_names(item["author"])],
        "recipient": [{"@type": "Person", "name": n} for n in _display_names(item["recipient"])],
        "dateCreated": _iso(parts),
        "inLanguage": document.original_language,
        "identifier": [document.signature.as_printed, document.signature.english],
        "holdingArchive": {
            "@type": "ArchiveOrganization",
            "name": "Rossiyskiy gosudarstvennyy arkhiv sotsial'no-politicheskoy istorii (RGASPI)",
            "address": item["archive-place"],
        },
        "itemLocation": document.signature.english,
        "isPartOf": _article_ref(article, edition_item),
        "version": item["version"],
    }
    return HeadMetadata(tuple(tags), _script_json(jsonld), coins)


def _article_ref(article: dict[str, Any], edition_item: dict[str, Any]) -> dict[str, Any]:
    return {
        "@type": "ScholarlyArticle",
        "@id": article["URL"],
        "name": article["title"],
        "author": [{"@type": "Person", "name": n} for n in _display_names(article["author"])],
        "isPartOf": {
            "@type": "PublicationVolume",
            "volumeNumber": article["volume"],
            "isPartOf": {"@type": "Periodical", "name": article["container-title"]},
        },
        "workExample": {
            "@type": "CreativeWork",
            "name": edition_item["title"],
            "url": edition_item["URL"],
            "version": edition_item["version"],
        },
    }


def article_metadata(
    article: dict[str, Any], edition_item: dict[str, Any], page_url: str, page_title: str
) -> HeadMetadata:
    """A chapter page: a part of the article, which is published in TÜBAR."""
    year = str(article["issued"]["date-parts"][0][0])
    authors = _names(article["author"])
    tags: list[tuple[str, str]] = [("citation_title", article["title"])]
    tags += [("citation_author", name) for name in authors]
    tags += [
        ("citation_publication_date", year),
        ("citation_journal_title", article["container-title"]),
        ("citation_volume", article["volume"]),
        ("citation_language", article["language"]),
        ("citation_public_url", article["URL"]),
        ("DC.title", article["title"]),
    ]
    tags += [("DC.creator", name) for name in authors]
    tags += [
        ("DC.date", year),
        ("DC.type", "Text"),
        ("DC.source", f"{article['container-title']} {article['volume']}"),
        ("DC.identifier", article["URL"]),
        ("DC.language", article["language"]),
        ("DC.relation.isPartOf", edition_item["title"]),
    ]
    coins = urlencode(
        [
            ("ctx_ver", "Z39.88-2004"),
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"),
            ("rft.genre", "article"),
            ("rft.atitle", article["title"]),
            ("rft.jtitle", article["container-title"]),
            ("rft.volume", article["volume"]),
            ("rft.date", year),
            ("rft.aulast", article["author"][0].get("family", "")),
            ("rft.aufirst", article["author"][0].get("given", "")),
            ("rft_id", article["URL"]),
        ]
    )
    jsonld = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "@id": page_url,
        "url": page_url,
        "name": page_title,
        "inLanguage": article["language"],
        "isPartOf": _article_ref(article, edition_item),
    }
    return HeadMetadata(tuple(tags), _script_json(jsonld), coins)
