"""What Zotero makes of the edition: "Save to Zotero" on every document and chapter page, and
the import of every citation file, with Zotero's own translation-server (tests/zotero.py).

The expected items are read off the sources (the records, the people, edition.yaml), never off
the code that writes the pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

from edition.model import DatePrecision, Document
from edition.model.catalog import load_edition
from tests.conftest import ROOT, parse_page
from tests.zotero import Zotero, ZoteroUnavailable, translation_server

EDITION = load_edition(ROOT)[0]
assert EDITION is not None
PEOPLE = {person.id: person for person in EDITION.people}
PREFIX = {"tr": "", "en": "en/"}
KIND = {
    "tr": {"letter": "Mektup", "telegram": "Telgraf"},
    "en": {"letter": "Letter", "telegram": "Telegram"},
}
ARCHIVE = {"tr": "RGASPİ", "en": "RGASPI"}
CHAPTERS = [c.slug for c in EDITION.chapters if c.lang == "tr"]
PUBLICATION = EDITION.info.publication


@pytest.fixture(scope="session")
def zotero() -> Iterator[Zotero]:
    try:
        with translation_server() as server:
            yield server
    except ZoteroUnavailable as error:
        pytest.fail(f"Zotero's translation-server: {error}")


def creator(name: str, role: str) -> dict[str, str]:
    """A structured Zotero creator: the last word is the family name; a name of one word is
    kept whole, in one field."""
    given, _, family = name.rpartition(" ")
    if not given:
        return {"name": family, "creatorType": role}
    return {"firstName": given, "lastName": family, "creatorType": role}


def person_form(person_id: str, lang: str) -> str:
    person = PEOPLE[person_id]
    return person.full_name if lang == "tr" else person.english


def record_date(document: Document) -> str:
    date = document.date
    if date.precision is DatePrecision.DAY:
        return f"{date.year}-{date.month:02d}-{date.day:02d}"
    if date.precision is DatePrecision.MONTH:
        return f"{date.year}-{date.month:02d}"
    return str(date.year)


def location(document: Document, lang: str) -> str:
    if lang == "tr":
        return document.signature.as_printed
    fond, opis, delo, sheet = document.signature.normalised
    part = f" ({document.signature.list_part})" if document.signature.list_part else ""
    return f"f. {fond}, op. {opis}, d. {delo}, l. {sheet}{part}"


def canonical(site: Path, relative: str) -> str:
    return str(parse_page(site, relative + "index.html").xpath("//link[@rel='canonical']/@href")[0])


def same_date(value: str) -> str:
    """A Zotero date, whichever way the translator wrote it, as ISO 8601 at its precision."""
    for form, iso in (
        ("%Y-%m-%d", "%Y-%m-%d"),
        ("%B %d, %Y", "%Y-%m-%d"),
        ("%Y-%m", "%Y-%m"),
        ("%B %Y", "%Y-%m"),
        ("%Y", "%Y"),
    ):
        try:
            return datetime.strptime(value, form).strftime(iso)
        except ValueError:
            continue
    return value


DOCUMENT_PAGES = [(d, lang) for d in EDITION.documents for lang in ("tr", "en")]


@pytest.fixture(scope="session")
def saved(zotero: Zotero, site: Path, base_url: str) -> dict[str, dict[str, Any]]:
    """Every document and chapter page, both languages, saved to Zotero once."""
    pages = [PREFIX[lang] + f"belgeler/{d.id}/" for d, lang in DOCUMENT_PAGES]
    pages += [
        PREFIX[lang] + (f"{slug}/" if slug != "index" else "")
        for slug in CHAPTERS
        for lang in PREFIX
    ]
    items = {}
    for page in pages:
        found = zotero.save_page(urljoin(base_url, page))
        assert len(found) == 1, f"{page}: Zotero found {len(found)} items"
        items[page] = found[0]
    return items


@pytest.mark.parametrize(("document", "lang"), DOCUMENT_PAGES, ids=lambda v: getattr(v, "id", v))
def test_a_document_page_saves_as_an_archival_letter(
    saved: dict[str, dict[str, Any]], site: Path, document: Document, lang: str
) -> None:
    page = PREFIX[lang] + f"belgeler/{document.id}/"
    item = saved[page]
    assert item["itemType"] == "letter"
    assert item["creators"] == [
        *(creator(person_form(p, lang), "author") for p in document.senders),
        *(creator(person_form(p, lang), "recipient") for p in document.recipients),
    ]
    assert item["date"] == record_date(document)
    assert item["archive"] == ARCHIVE[lang]
    assert item["archiveLocation"] == location(document, lang)
    assert item["letterType"] == KIND[lang][document.kind]
    assert item["language"] == document.original_language
    assert item["url"] == canonical(site, page)
    assert item["title"] == parse_page(site, page + "index.html").xpath(
        "string(//meta[@name='DC.title']/@content)"
    )
    # What Zotero has no letter field for, it keeps in Extra, where its citation processor
    # reads it back as CSL variables.
    extra = item.get("extra", "").splitlines()
    assert f"Archive Place: {'Moskova' if lang == 'tr' else 'Moscow'}" in extra
    if document.place:
        assert f"Event Place: {document.place}" in extra


@pytest.mark.parametrize("slug", CHAPTERS)
def test_a_chapter_in_turkish_saves_as_the_journal_article(
    saved: dict[str, dict[str, Any]], site: Path, slug: str
) -> None:
    item = saved[f"{slug}/" if slug != "index" else ""]
    assert item["itemType"] == "journalArticle"
    assert item["title"] == EDITION.info.title.text("tr")
    assert item["creators"] == [creator(EDITION.info.author, "author")]
    assert item["publicationTitle"] == PUBLICATION.journal
    assert item["journalAbbreviation"] == PUBLICATION.journal_short
    assert item["issue"] == PUBLICATION.issue
    assert "volume" not in item  # the journal numbers issues
    assert item["date"] == str(PUBLICATION.year)
    assert item["language"] == "tr"
    assert item["url"] == canonical(site, "")  # the article, at its home in the edition


@pytest.mark.parametrize("slug", CHAPTERS)
def test_a_chapter_in_english_saves_as_the_editions_translation(
    saved: dict[str, dict[str, Any]], site: Path, slug: str
) -> None:
    page = "en/" + (f"{slug}/" if slug != "index" else "")
    item = saved[page]
    credit = EDITION.info.translator("en")
    assert credit is not None
    assert item["itemType"] == "book"
    assert item["title"] == EDITION.info.title.text("en")
    assert item["creators"] == [
        creator(EDITION.info.author, "author"),
        {"name": credit.text("en"), "creatorType": "translator"},
    ]
    assert EDITION.info.version in item["edition"]
    assert item["language"] == "en"
    assert item["url"] == canonical(site, page)
    assert f"Original Title: {EDITION.info.title.text('tr')}" in item["extra"].splitlines()


# --- citation files ---------------------------------------------------------------------

# What each format can carry of a saved item (Zotero's BibTeX import has no recipient and no
# archive fields; the page's title and Extra are the page's own).
_CARRIED_BY_ALL = (
    "itemType",
    "date",
    "letterType",
    "language",
    "url",
    "publicationTitle",
    "issue",
    "edition",
    "title",
)
_STRUCTURED = ("creators", "archive", "archiveLocation")
CARRIED = {
    "json": (*_CARRIED_BY_ALL, *_STRUCTURED),
    "ris": (*_CARRIED_BY_ALL, *_STRUCTURED, "journalAbbreviation"),
    "bib": (*_CARRIED_BY_ALL, "journalAbbreviation"),
}


def citation_files(site: Path) -> list[tuple[str, str]]:
    """(citation file, the page whose item it should agree with), for every file."""
    files = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        match = re.fullmatch(
            r"((?:en/)?)(?:(belgeler/[^/]+/)atif|atif/(makale|edisyon))\.(bib|ris|json)", relative
        )
        if not match:
            continue
        prefix, document, which, _ = match.groups()
        if document:
            files.append((relative, prefix + document))
        elif which == "makale":
            files.append((relative, ""))  # the article is the Turkish chapters' item
        else:
            files.append((relative, prefix if prefix else "edisyon"))
    return files


def test_every_citation_file_is_found(site: Path) -> None:
    assert len(citation_files(site)) == len(EDITION.documents) * 2 * 3 + 2 * 2 * 3


@pytest.fixture(scope="session")
def imported(zotero: Zotero, site: Path) -> dict[str, list[dict[str, Any]]]:
    return {f: zotero.import_file((site / f).read_bytes()) for f, _ in citation_files(site)}


def _comparable(item: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    kept = {key: item[key] for key in fields if key in item}
    if "date" in kept:
        # An issue's season ("Güz 2023") is checked apart: the page's Highwire date is a year.
        date = same_date(kept["date"])
        kept["date"] = (
            date if re.fullmatch(r"[\d-]+", date) else re.sub(r"^\w+ (?=\d{4}$)", "", date)
        )
    return kept


def test_every_citation_file_imports_as_its_page_saves(
    site: Path, imported: dict[str, list[dict[str, Any]]], saved: dict[str, dict[str, Any]]
) -> None:
    wrong = []
    for file, page in citation_files(site):
        items = imported[file]
        if len(items) != 1:
            wrong.append(f"{file}: {len(items)} items")
            continue
        extension = file.rsplit(".", 1)[1]
        if page == "edisyon":  # the Turkish edition: no page saves it; it is what it says
            item = items[0]
            expected = {
                "itemType": "book",
                "title": EDITION.info.title.text("tr"),
                "creators": [creator(EDITION.info.author, "author")],
                "language": "tr",
            }
            got = {key: item.get(key) for key in expected}
            if got != expected or EDITION.info.version not in item.get("edition", ""):
                wrong.append(f"{file}: {got}, edition {item.get('edition')}")
            continue
        fields = CARRIED[extension]
        if page.startswith(("belgeler/", "en/belgeler/")):
            fields = tuple(f for f in fields if f != "title")  # a letter's title is the page's
        got, want = _comparable(items[0], fields), _comparable(saved[page], fields)
        if got != want:
            wrong.append(f"{file}:\n  file {got}\n  page {want}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(("document", "lang"), DOCUMENT_PAGES, ids=lambda v: getattr(v, "id", v))
def test_a_documents_csl_json_and_ris_carry_its_recipient_and_archive(
    site: Path, imported: dict[str, list[dict[str, Any]]], document: Document, lang: str
) -> None:
    for extension in ("json", "ris"):
        item = imported[f"{PREFIX[lang]}belgeler/{document.id}/atif.{extension}"][0]
        recipients = [c for c in item["creators"] if c["creatorType"] == "recipient"]
        assert recipients == [
            creator(person_form(p, lang), "recipient") for p in document.recipients
        ]
        assert item["archive"] == ARCHIVE[lang]
        assert item["archiveLocation"] == location(document, lang)


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_the_articles_csl_json_gives_the_issues_season(
    imported: dict[str, list[dict[str, Any]]], lang: str
) -> None:
    season = {"tr": "Güz", "en": "Autumn"}[lang]
    assert imported[f"{PREFIX[lang]}atif/makale.json"][0]["date"] == f"{season} {PUBLICATION.year}"
