"""Data downloads, read from the built site with a parser for each format and compared with
the pages a reader sees: documents.json (with its JSON Schema), documents.csv, people.json,
the bibliography as BibTeX and CSL-JSON, and the Downloads page's sizes and SHA-256 digests."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path
from typing import Any

import bibtexparser
import jsonschema
import lxml.html
import pytest

from edition.model.catalog import load_edition
from edition.outputs.exports import render_data_files
from tests.conftest import PUBLIC_ADDRESS, ROOT, parse_page
from tests.test_site_links import resolve

EDITION, _ = load_edition(ROOT)
assert EDITION is not None
BASE_URL = PUBLIC_ADDRESS
DATA = ("documents.json", "documents.schema.json", "documents.csv", "people.json")
DOWNLOADS = {"tr": "indir/index.html", "en": "en/indir/index.html"}


def load_json(site: Path, name: str) -> Any:
    return json.loads((site / "veri" / name).read_text(encoding="utf-8"))


def served(site: Path, url: str) -> Path:
    """The built file an absolute URL of the edition names."""
    assert url.startswith(BASE_URL), url
    path = url.removeprefix(BASE_URL).split("#")[0]
    target = site / path
    return target / "index.html" if path.endswith("/") or not path else target


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join("".join(element.itertext()).split())


def record_rows(page: lxml.html.HtmlElement) -> dict[str, lxml.html.HtmlElement]:
    return {text(row.xpath("th")[0]): row.xpath("td")[0] for row in page.xpath("//table//tr")}


# --- documents.json ---------------------------------------------------------------------


def test_documents_json_is_valid_against_the_schema_it_points_to(site: Path) -> None:
    data = load_json(site, "documents.json")
    schema_file = served(site, data["$schema"])
    assert schema_file == site / "veri" / "documents.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert [error.message for error in validator.iter_errors(data)] == []
    assert [d["id"] for d in data["documents"]] == [d.id for d in EDITION.documents]


def test_the_schema_rejects_a_record_that_hides_what_is_unknown(site: Path) -> None:
    data = load_json(site, "documents.json")
    schema = load_json(site, "documents.schema.json")
    record = data["documents"][0]
    del record["place"]  # a missing value must be null, with its reason, never left out
    with pytest.raises(jsonschema.ValidationError, match="'place' is a required property"):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_each_record_says_what_its_page_says(site: Path) -> None:
    for record in load_json(site, "documents.json")["documents"]:
        for lang in ("tr", "en"):
            page = parse_page(site, str(served(site, record["url"][lang]).relative_to(site)))
            assert text(page.xpath("//h1")[0]) == record["title"][lang]
            rows = record_rows(page)
            signature = (
                "Künye (makaledeki biçimiyle)"
                if lang == "tr"
                else ("Signature (as printed in the article)")
            )
            assert text(rows[signature]) == record["signature"]["as_printed"]
            english = rows["İngilizce arşiv gösterimi" if lang == "tr" else "English archival form"]
            assert text(english) == record["signature"]["english"]
            date = text(rows["Tarih" if lang == "tr" else "Date"])
            assert f"“{record['date']['as_printed']}”" in date
            assert date.endswith(f"EDTF: {record['date']['edtf']})")
            place = text(rows["Yer" if lang == "tr" else "Place"])
            if record["place"] is None:
                reason = record["unknown"]["place"][lang]
                assert place == f"{'bilinmiyor' if lang == 'tr' else 'not known'} ({reason})"
            else:
                assert place == record["place"]
        tei = record["tei"]
        assert served(site, tei).is_file()


def test_what_is_not_known_stays_unknown(site: Path) -> None:
    """A value the record does not have is null or empty, and `unknown` says why; nothing
    that a record leaves out is filled in."""
    records = load_json(site, "documents.json")["documents"]
    assert any(r["place"] is None for r in records)
    for record in records:
        assert (record["place"] is None) == ("place" in record["unknown"])
        for name in ("senders", "recipients"):
            if not record[name]:
                assert name in record["unknown"]
        for reason in record["unknown"].values():
            assert reason["tr"] and reason["en"]
        assert "original_text" in record["unknown"]
        document = EDITION.document(record["id"])
        assert document is not None
        assert record["signature"]["list_part"] == document.signature.list_part
        assert (record["date"]["basis"] is None) == (document.date.basis is None)


# --- documents.csv ----------------------------------------------------------------------


def test_documents_csv_holds_the_same_records(site: Path) -> None:
    raw = (site / "veri" / "documents.csv").read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    records = load_json(site, "documents.json")["documents"]
    assert [row["id"] for row in rows] == [record["id"] for record in records]
    for row, record in zip(rows, records, strict=True):
        assert row["signature"] == record["signature"]["as_printed"]
        assert row["date_edtf"] == record["date"]["edtf"]
        assert row["date_as_printed"] == record["date"]["as_printed"]
        assert row["place"] == (record["place"] or "")
        assert row["senders"].split("; ") == record["senders"]
        assert row["text_tr"] == record["text"]["tr"]
        assert row["text_en"] == record["text"]["en"]
        assert row["unknown"].split("; ") == sorted(record["unknown"])
        if not record["place"]:
            assert f"place: {record['unknown']['place']['en']}" in row["unknown_en"]
    assert raw.count(b"\r\n") >= len(rows) + 1  # RFC 4180 line ends


# --- people.json ------------------------------------------------------------------------


def test_people_json_agrees_with_the_people_page(site: Path) -> None:
    data = load_json(site, "people.json")
    page = parse_page(site, "kisiler/index.html")
    assert {p["id"] for p in data["people"]} == {p.id for p in EDITION.people}
    for person in data["people"]:
        entry = page.xpath(f"//*[@id='{person['id']}']")
        assert entry, person["id"]
        assert text(entry[0]) == person["name"]
        assert person["full_name"] in text(page)
        assert served(site, person["url"]["tr"]) == site / "kisiler" / "index.html"
        for role in person["role"].values():
            assert role
        if person["russian"] is None:
            assert EDITION.person(person["id"]).russian is None  # type: ignore[union-attr]
    senders = {r["id"]: r["senders"] for r in load_json(site, "documents.json")["documents"]}
    for person in data["people"]:
        for document_id in person["documents_sent"]:
            assert person["id"] in senders[document_id]


# --- the bibliography -------------------------------------------------------------------


def test_references_bib_parses_and_lists_every_work_of_the_citations_page(site: Path) -> None:
    library = bibtexparser.parse_string((site / "veri" / "references.bib").read_text("utf-8"))
    assert library.failed_blocks == []
    page = parse_page(site, "kaynaklar/index.html")
    keys = {entry.key for entry in library.entries}
    assert keys == {w.key for w in EDITION.works}
    for entry in library.entries:
        assert page.xpath(f"//*[@id='{entry.key}']"), entry.key
        fields = {f.key: f.value for f in entry.fields}
        assert fields["status"] in ("complete", "incomplete")
        # only what the source gives: no title or author for a work the article names only
        if fields["status"] == "incomplete":
            assert not {"title", "author", "year"} & set(fields)


def test_references_csl_json_matches_the_citations_page(site: Path) -> None:
    items = load_json(site, "references.json")
    page = parse_page(site, "kaynaklar/index.html")
    assert {item["id"] for item in items} == {w.key for w in EDITION.works}
    for item in items:
        entry = text(page.xpath(f"//*[@id='{item['id']}']")[0])
        assert item["citation-label"] in entry
        for pages in item["custom"]["pages_cited"]:
            assert pages in entry
        if item["custom"]["status"] == "incomplete":
            assert "title" not in item and "author" not in item
            assert "Tam künye bilinmiyor." in entry


# --- the Downloads page -----------------------------------------------------------------


def download_rows(site: Path, lang: str) -> list[tuple[str, int, str]]:
    """(href, size, SHA-256) of every file the page lists."""
    page = parse_page(site, DOWNLOADS[lang])
    rows = []
    for row in page.xpath("//article//table/tbody/tr"):
        cells = row.xpath("td")
        href = cells[0].xpath(".//a/@href")[0]
        size = int(re.sub(r"[^0-9]", "", text(cells[3])))
        rows.append((href, size, text(cells[4])))
    return rows


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_the_downloads_page_gives_each_files_size_and_sha256(site: Path, lang: str) -> None:
    rows = download_rows(site, lang)
    hrefs = [href for href, _size, _sha in rows]
    for name in (*DATA, "references.bib", "references.json", "tei/makale.xml"):
        assert any(href.endswith(f"veri/{name}") for href in hrefs), name
    for stem in ("makale", "edisyon"):
        for extension in ("bib", "ris", "json"):
            assert any(href.endswith(f"atif/{stem}.{extension}") for href in hrefs)
    assert sum("veri/tei/rgaspi-" in href for href in hrefs) == len(EDITION.documents)
    for href, size, sha256 in rows:
        target, _fragment = resolve(DOWNLOADS[lang], href)
        data = (site / target).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()) == (size, sha256), href
        if lang == "en" and "/atif/" in href:
            assert target.startswith("en/atif/")  # each language's own citation files


def test_the_data_files_are_served_once_from_the_site_root(site: Path) -> None:
    assert (site / "veri" / "documents.json").is_file()
    assert not (site / "en" / "veri").exists()
    tr, en = download_rows(site, "tr"), download_rows(site, "en")
    assert [r for r in tr if "veri/" in r[0]] == [
        (href.removeprefix("../"), size, sha) for href, size, sha in en if "veri/" in href
    ]


def test_the_downloads_page_is_in_both_navigations(site: Path) -> None:
    for home, label in (("index.html", "İndirilenler"), ("en/index.html", "Downloads")):
        links = parse_page(site, home).xpath("//nav//a[contains(@href, 'indir/')]")
        assert label in {text(link) for link in links}, home


def test_the_data_files_are_rendered_from_the_model_alone() -> None:
    """The same edition gives the same bytes: sorted keys, no clock, no file read."""
    first = render_data_files(EDITION, BASE_URL)
    assert first == render_data_files(EDITION, BASE_URL)
    for path, content in first.items():
        if path.endswith(".json"):
            assert (
                content
                == json.dumps(json.loads(content), ensure_ascii=False, indent=2, sort_keys=True)
                + "\n"
            ), path


def test_the_data_files_kept_from_a_build_follow_an_edit_to_one_record() -> None:
    """The preview keeps each record's part of the files that list every record; after an
    edit, the files it joins are the bytes a fresh rendering makes."""
    import dataclasses

    from edition.memo import RenderMemory

    memory = RenderMemory()
    render_data_files(EDITION, BASE_URL, memory)
    edited_record = dataclasses.replace(EDITION.documents[0], place="Sınama yeri")
    edited = dataclasses.replace(EDITION, documents=(edited_record, *EDITION.documents[1:]))
    kept = render_data_files(edited, BASE_URL, memory)
    assert kept == render_data_files(edited, BASE_URL)
    assert (
        "Sınama yeri" in kept["veri/documents.json"] and "Sınama yeri" in kept["veri/documents.csv"]
    )
