"""Documents as citable objects: stable URLs, citations in real styles, files that reference
managers read, and page metadata that agrees with the records."""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import pytest
import rispy

from edition.model import DatePrecision, Document
from edition.model.catalog import load_edition
from edition.outputs.cite import RIS_MAPPING
from edition.outputs.registry import REGISTRY_FILE, parse_registry
from tests.conftest import PUBLIC_ADDRESS, ROOT, parse_page, run_cli

EDITION, _ = load_edition(ROOT)
assert EDITION is not None
DOCUMENTS = EDITION.documents
BASE_URL = PUBLIC_ADDRESS
RIS_LINE = re.compile(r"^(?:[A-Z][A-Z0-9]  - .*|ER  - )$")


def date_parts(document: Document) -> list[int]:
    date = document.date
    parts = [date.year]
    if date.precision is not DatePrecision.YEAR:
        parts.append(date.month or 0)
    if date.precision is DatePrecision.DAY:
        parts.append(date.day or 0)
    return parts


def people(ids: tuple[str, ...]) -> list[str]:
    return [p.name for i in ids if (p := EDITION.person(i)) is not None]


# --- the URL registry -----------------------------------------------------------------


def test_every_registered_url_resolves_in_the_built_site(site: Path) -> None:
    registry = parse_registry((ROOT / REGISTRY_FILE).read_text(encoding="utf-8"))
    assert registry
    missing = []
    for _, url in registry:
        target = site / url.lstrip("/")
        if not (target.is_file() or (target / "index.html").is_file()):
            missing.append(url)
    assert missing == []


def test_every_url_the_site_serves_is_registered() -> None:
    from edition.site.pages import served_urls

    registered = {url for _, url in parse_registry((ROOT / REGISTRY_FILE).read_text("utf-8"))}
    unregistered = sorted(set(served_urls(EDITION)) - registered)
    assert unregistered == [], "run `python build_edition.py build` to register them"


CHAPTER_2 = "sovyet-yazismalarinda-mustafa-kemal-ve-turkiye.md"


def _without_record(project: Path) -> None:
    (project / "sources/documents/rgaspi-159-2-57-003.yaml").unlink()
    for lang in ("tr", "en"):
        chapter = project / "docs" / lang / CHAPTER_2
        text = chapter.read_text(encoding="utf-8")
        text = re.sub(r"\s*\[@rgaspi-159-2-57-003\]", "", text)
        chapter.write_text(text, encoding="utf-8")


def test_removing_a_record_without_an_alias_names_the_lost_urls(project: Path) -> None:
    _without_record(project)
    result = run_cli(project, "check")
    assert result.returncode == 1
    registry = dict((url, n) for n, url in parse_registry((project / REGISTRY_FILE).read_text()))
    lost = "/belgeler/rgaspi-159-2-57-003/"
    assert (
        f"{REGISTRY_FILE}:{registry[lost]}: error: published URL {lost} no longer resolves: "
        "restore its page, or list the old id under 'aliases' in the record that replaces it"
    ) in result.stdout.splitlines()
    assert f"published URL {lost}atif.bib no longer resolves" in result.stdout


def test_a_renamed_record_with_an_alias_keeps_its_page_url(project: Path) -> None:
    old = project / "sources/documents/rgaspi-159-2-57-003.yaml"
    text = old.read_text(encoding="utf-8")
    text = text.replace("Vr. 003", "Vr. 004").replace(
        "id: rgaspi-159-2-57-003", "id: rgaspi-159-2-57-004\naliases: [rgaspi-159-2-57-003]"
    )
    old.unlink()
    (project / "sources/documents/rgaspi-159-2-57-004.yaml").write_text(text, encoding="utf-8")
    for lang in ("tr", "en"):
        chapter = project / "docs" / lang / CHAPTER_2
        chapter.write_text(
            chapter.read_text(encoding="utf-8").replace(
                "rgaspi-159-2-57-003", "rgaspi-159-2-57-004"
            ),
            encoding="utf-8",
        )
    result = run_cli(project, "check")
    # The page survives as a redirect, its citation files and TEI file under the old id.
    assert result.returncode == 0, result.stdout
    assert "no longer resolves" not in result.stdout


# --- citation files -------------------------------------------------------------------


def full_names(ids: tuple[str, ...]) -> list[str]:
    return [p.full_name for i in ids if (p := EDITION.person(i)) is not None]


def inverted(name: str) -> str:
    """'Family, Given' as reference managers write a name; one word stays whole."""
    given, _, family = name.rpartition(" ")
    return f"{family}, {given}" if given else family


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.id)
def test_citation_files_parse_and_agree_with_the_record(site: Path, document: Document) -> None:
    folder = site / "belgeler" / document.id
    url = f"{BASE_URL}belgeler/{document.id}/"
    senders, recipients = full_names(document.senders), full_names(document.recipients)
    kind = {"letter": "Mektup", "telegram": "Telgraf"}[document.kind]

    library = bibtexparser.parse_file(str(folder / "atif.bib"))
    assert library.failed_blocks == []
    (entry,) = library.entries
    assert entry.key == document.id
    assert entry.entry_type == "letter"
    fields = {f.key: f.value for f in entry.fields}
    assert fields["author"] == " and ".join(inverted(name) for name in senders)
    assert fields["note"] == "Alıcı: " + ", ".join(recipients)
    assert fields["library"] == f"RGASPİ, Moskova, {document.signature.as_printed}"
    assert fields["type"] == kind
    assert fields["url"] == url
    assert fields["language"] == document.original_language
    assert fields["date"] == "-".join(
        f"{p:02d}" if i else str(p) for i, p in enumerate(date_parts(document))
    )
    if document.place:
        assert fields["location"] == document.place

    (item,) = json.loads((folder / "atif.json").read_text(encoding="utf-8"))
    assert item["id"] == document.id
    assert item["type"] == "personal_communication"  # CSL's type for a letter
    assert [
        inverted(" ".join(n.get(k, "") for k in ("given", "family")).strip())
        for n in item["author"]
    ] == [inverted(name) for name in senders]
    assert [n["family"] for n in item["recipient"]] == [n.rsplit(" ", 1)[-1] for n in recipients]
    assert item["issued"]["date-parts"] == [date_parts(document)]
    assert item["archive"] == "RGASPİ"
    assert item["archive_location"] == document.signature.as_printed
    assert item["genre"] == kind
    assert item["language"] == document.original_language
    assert item["URL"] == url

    ris = (folder / "atif.ris").read_text(encoding="utf-8")
    lines = [line for line in ris.splitlines() if line.strip() and not re.fullmatch(r"\d+\.", line)]
    assert all(RIS_LINE.match(line) for line in lines), lines
    assert lines[0] == "TY  - PCOMM" and lines[-1] == "ER  - "
    (record,) = rispy.loads(ris, mapping=RIS_MAPPING)
    assert record["authors"] == [inverted(name) for name in senders]
    assert record["secondary_authors"] == [inverted(name) for name in recipients]
    assert record["archive_location"] == document.signature.as_printed
    assert record["name_of_database"] == "RGASPİ"
    assert record["urls"] == [url]
    assert record["year"] == str(document.date.year)


def bib_fields(path: Path) -> dict[str, str]:
    (entry,) = bibtexparser.parse_file(str(path)).entries
    return {f.key: f.value for f in entry.fields}


def test_article_and_edition_citation_files(site: Path) -> None:
    publication = EDITION.info.publication
    article = bib_fields(site / "atif/makale.bib")
    assert article["journaltitle"] == publication.journal
    assert article["number"] == publication.issue  # an issue of a journal with no volumes
    assert "volume" not in article and "version" not in article
    assert article["issue"] == "Güz"  # biblatex's field for a season
    for folder, kind, title in (
        ("atif", "book", "Rus Arşivlerinde Mustafa Kemal Paşa ve Türkiye (1918-1922)"),
        ("en/atif", "book", "Mustafa Kemal Pasha and Türkiye in the Russian Archives (1918-1922)"),
    ):
        library = bibtexparser.parse_file(str(site / folder / "edisyon.bib"))
        (entry,) = library.entries
        assert entry.entry_type == kind
        fields = {f.key: f.value for f in entry.fields}
        assert fields["author"] == "Korkmaz, Telli"
        assert EDITION.info.version in fields["edition"]
        (item,) = json.loads((site / folder / "edisyon.json").read_text(encoding="utf-8"))
        assert item["title"] == title
        assert rispy.loads((site / folder / "edisyon.ris").read_text(encoding="utf-8"))
    english = bib_fields(site / "en/atif/edisyon.bib")
    assert english["translator"] == "{the editors of the digital edition}"  # a name kept whole


# --- the page ------------------------------------------------------------------------


def meta(html, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    return html.xpath(f"//head/meta[@name='{name}']/@content")


def zotero_name(name: str) -> str:
    return inverted(name) if " " in name else f"{name},"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.id)
def test_document_page_metadata_agrees_with_the_record(site: Path, document: Document) -> None:
    html = parse_page(site, f"belgeler/{document.id}/index.html")
    url = f"{BASE_URL}belgeler/{document.id}/"
    parts = date_parts(document)
    senders = full_names(document.senders)
    # Zotero's own tags (its translators read DC and z:), never Highwire's, which would make
    # a letter a journal article.
    assert meta(html, "citation_title") == []
    # A one-word name ends in a comma, which Zotero reads as a name in one field.
    assert meta(html, "DC.creator") == [zotero_name(name) for name in senders]
    assert meta(html, "z:recipients") == [zotero_name(n) for n in full_names(document.recipients)]
    assert meta(html, "DC.date") == [
        "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))
    ]
    assert meta(html, "DC.identifier") == [url]
    assert meta(html, "DC.language") == [document.original_language]
    assert meta(html, "DC.source") == [f"RGASPİ, {document.signature.as_printed}"]
    assert meta(html, "z:itemType") == ["letter"]
    assert meta(html, "z:archiveLocation") == [document.signature.as_printed]
    title = meta(html, "DC.title")[0]
    assert all(name in title for name in people(document.senders) + people(document.recipients))
    assert html.xpath("//span[@class='Z3988']") == []  # COinS would win over the rest

    (script,) = html.xpath("//script[@type='application/ld+json']/text()")
    data = json.loads(script)
    assert data["@type"] == "ArchiveComponent"
    assert data["url"] == url
    assert data["dateCreated"] == meta(html, "DC.date")[0]
    assert data["inLanguage"] == document.original_language
    assert data["identifier"] == [document.signature.as_printed, document.signature.english]
    assert data["citation"]["isPartOf"]["isPartOf"]["name"] == EDITION.info.publication.journal

    block = html.xpath("//section[contains(@class, 'ed-cite-block')]")[0]
    labels = block.xpath(".//dt/text()")
    assert labels == ["Chicago (dipnot)", "Chicago (kaynakça)", "MLA", "APA"]
    for citation in block.xpath(".//span[contains(@class, 'ed-cite-text')]"):
        text = citation.text_content()
        assert url in text and document.signature.as_printed in text
    assert f"{EDITION.info.version} sürümüne" in block.text_content()
    assert len(block.xpath(".//button[contains(@class, 'ed-copy')]")) == 4
    assert block.xpath(".//a/@href") == ["atif.bib", "atif.ris", "atif.json"]


def test_document_page_shows_the_signature_in_three_forms_and_the_date_in_words(
    site: Path,
) -> None:
    html = parse_page(site, "belgeler/rgaspi-159-2-57-003/index.html")
    table = html.xpath("//table[contains(@class, 'ed-record')]")[0].text_content()
    assert "Fon 159, Sayı 2, Dosya 57, Vr. 003" in table
    assert "RGASPI, f. 159, op. 2, d. 57, l. 3" in table
    assert "РГАСПИ. Ф. 159. Оп. 2. Д. 57. Л. 3" in table
    assert "27 Eylül 1920" in table
    uncertain = parse_page(site, "belgeler/rgaspi-159-2-56-045/index.html")
    assert (
        uncertain.xpath("//h1")[0].text_content() == "Mektup: Nerodiev → Çiçerin, 31 Aralık [1920?]"
    )
    month = parse_page(site, "belgeler/rgaspi-159-2-56-046/index.html")
    assert month.xpath("//h1")[0].text_content() == "Mektup: Yerofyev → Çiçerin, Aralık 1920"


def test_chapter_pages_describe_the_article(site: Path) -> None:
    html = parse_page(site, "giris/index.html")
    assert meta(html, "citation_title") == [
        "Rus Arşivlerinde Mustafa Kemal Paşa ve Türkiye (1918-1922)"
    ]
    assert meta(html, "citation_author") == ["Korkmaz, Telli"]
    assert meta(html, "citation_journal_title") == [EDITION.info.publication.journal]
    assert meta(html, "citation_journal_abbrev") == ["TÜBAR"]
    assert meta(html, "citation_issue") == ["LIV"]
    assert meta(html, "citation_volume") == []
    data = json.loads(html.xpath("//script[@type='application/ld+json']/text()")[0])
    assert data["isPartOf"]["@type"] == "ScholarlyArticle"
    assert data["isPartOf"]["author"] == [{"@type": "Person", "name": "Telli Korkmaz"}]


def test_versions_are_stated_once_and_listed(site: Path) -> None:
    html = parse_page(site, "surumler/index.html")
    headings = [h.text_content() for h in html.xpath("//article//h2")]
    assert headings[0] == f"Sürüm {EDITION.info.version} ({EDITION.info.date})"
    assert len(headings) == len(EDITION.info.versions)
    how = parse_page(site, "atif/index.html")
    assert len(how.xpath("//section[contains(@class, 'ed-cite-block')]")) == 2


def test_the_planned_sources_are_what_the_site_renders() -> None:
    from edition.site.pages import planned_sources, render_site

    for lang in ("tr", "en"):
        assert sorted(planned_sources(EDITION, lang)) == sorted(render_site(EDITION, lang, ""))
