"""new-document writes a valid record with its id from the signature, and refuses a used id."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from edition.model.catalog import load_edition
from tests.conftest import ROOT, run_cli


def new_document(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return run_cli(project, "new-document", *arguments)


def test_writes_a_valid_record_named_by_its_signature(project: Path) -> None:
    result = new_document(
        project,
        "Fon 159, Sayı 2, Dosya 57, Vr. 010",
        "--date",
        "1920",
        "--text",
        "Birinci paragraf.\n\nİkinci paragraf.",
        "--sender",
        "cicerin",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == (
        "wrote sources/documents/rgaspi-159-2-57-010.yaml; cite it in a chapter as "
        "[@rgaspi-159-2-57-010]"
    )
    edition, problems = load_edition(project)
    assert edition is not None
    assert [p.format() for p in problems.sorted()] == [
        "sources/documents/rgaspi-159-2-57-010.yaml:3: warning: document "
        "'rgaspi-159-2-57-010' is not cited by any chapter"
    ]
    document = edition.document("rgaspi-159-2-57-010")
    assert document is not None
    assert document.date.edtf == "1920" and document.senders == ("cicerin",)
    assert document.text.text("tr") == "Birinci paragraf.\n\nİkinci paragraf."
    assert dict(document.unknown).keys() == {"place", "recipients", "original_text"}


def test_refuses_an_existing_id(project: Path) -> None:
    before = (project / "sources/documents/rgaspi-159-2-57-003.yaml").read_bytes()
    result = new_document(
        project, "Fon 159, Sayı 2, Dosya 57, Vr. 003", "--date", "1920", "--text", "x"
    )
    assert result.returncode == 1
    assert result.stdout.strip() == (
        "new-document:1: error: id 'rgaspi-159-2-57-003' exists already "
        "(sources/documents/rgaspi-159-2-57-003.yaml:2); nothing was written"
    )
    assert (project / "sources/documents/rgaspi-159-2-57-003.yaml").read_bytes() == before


def test_refuses_what_would_be_invalid(project: Path) -> None:
    result = new_document(
        project,
        "Fon 159, Sayı 2, Dosya 57, Vr. 011",
        "--date",
        "13.1920",
        "--text",
        "x",
        "--recipient",
        "lennin",
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "sources/documents/rgaspi-159-2-57-011.yaml:8: error: date '13.1920' is not an EDTF "
        "date; write 1920-09-27 (day), 1920-12 (month), 1920 (year), 1920?-12-31 (year "
        "uncertain) or 1920-12? (whole date uncertain)",
    ]
    assert not (project / "sources/documents/rgaspi-159-2-57-011.yaml").exists()
    bad_signature = new_document(project, "Fon 159 Sayı 2", "--date", "1920", "--text", "x")
    assert bad_signature.returncode == 1
    assert "is not of the form 'Fon 159, Sayı 2, Dosya 57, Vr. 010'" in bad_signature.stdout


def test_missing_options_are_a_usage_error(project: Path) -> None:
    assert new_document(project, "Fon 159, Sayı 2, Dosya 57, Vr. 012").returncode == 2


GARF = """  GARF:
    name:
      tr: Rusya Federasyonu Devlet Arşivi
      en: State Archive of the Russian Federation
    place:
      tr: Moskova
      en: Moscow
    signature: "GARF, F. {fond}, Op. {opis}, D. {delo}, L. {list}"
    id_prefix: garf
    english: GARF
"""


def add_garf(project: Path) -> None:
    path = project / "sources/edition.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("archives:\n", "archives:\n" + GARF, 1), encoding="utf-8")


def test_a_second_archive_has_its_own_grammar_and_ids(project: Path) -> None:
    add_garf(project)
    garf = "GARF, F. 130, Op. 4, D. 12, L. 7"
    ambiguous = new_document(project, garf, "--date", "1920", "--text", "x")
    assert ambiguous.returncode == 1
    assert "name the record's archive with --archive: GARF, RGASPİ" in ambiguous.stdout
    wrong = new_document(project, garf, "--archive", "RGASPİ", "--date", "1920", "--text", "x")
    assert wrong.returncode == 1
    assert "is not of the form 'Fon 159, Sayı 2, Dosya 57, Vr. 010'" in wrong.stdout
    result = new_document(project, garf, "--archive", "GARF", "--date", "1920", "--text", "x")
    assert result.returncode == 0, result.stdout + result.stderr
    record = project / "sources/documents/garf-130-4-12-7.yaml"
    assert "archive: GARF\n" in record.read_text(encoding="utf-8")
    edition, problems = load_edition(project)
    assert edition is not None and not problems.errors
    document = edition.document("garf-130-4-12-7")
    assert document is not None
    assert document.signature.english == "GARF, f. 130, op. 4, d. 12, l. 7"
    assert document.signature.russian is None  # the edition gives GARF no Russian form


def test_a_record_of_an_archive_the_edition_does_not_list(project: Path) -> None:
    path = project / "sources/documents/rgaspi-159-2-57-003.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("archive: RGASPİ", "archive: RGASPI"),
        encoding="utf-8",
    )
    _edition, problems = load_edition(project)
    relative = str(path.relative_to(project))
    assert [p.format() for p in problems.sorted() if p.origin.path == relative] == [
        f"{relative}:3: error: archive 'RGASPI' is not in sources/edition.yaml; did you mean "
        "'RGASPİ'?; its archives: RGASPİ"
    ]


TRACES = ("korkmaz", "rgasp", "mustafa kemal", "tübar", "türklük", "0000-0002-8513-706x")


@pytest.mark.parametrize(
    ("languages", "original", "translation"),
    [((), "tr", "en"), (("--languages", "en,tr"), "en", "tr")],
)
def test_new_edition_builds_at_once_with_no_trace_of_this_one(
    tmp_path: Path, languages: tuple[str, ...], original: str, translation: str
) -> None:
    target = tmp_path / "letter"
    result = run_cli(
        ROOT,
        "new-edition",
        str(target),
        "--title",
        "Arşivde Bir Mektup",
        "--author",
        "Ayşe Demir",
        "--journal",
        "Tarih Dergisi",
        "--issue",
        "12",
        "--year",
        "2021",
        *languages,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    built = run_cli(target, "build", "--without-pdf")
    assert built.returncode == 0, built.stdout + built.stderr
    site = target / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Arşivde Bir Mektup</title>" in home and "Ayşe Demir" in home
    assert f'<html lang="{original}"' in home
    twin = (site / translation / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{translation}"' in twin
    assert not (site / original).exists()
    edition, problems = load_edition(target)
    assert edition is not None and not problems.items
    assert edition.languages.codes == (original, translation)
    assert edition.info.identifiers.article == "demir-2021"
    found = [
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file()
        and path.suffix in {".html", ".json", ".xml", ".bib", ".ris", ".csv", ".txt", ".js"}
        and any(trace in path.read_text(encoding="utf-8").casefold() for trace in TRACES)
    ]
    assert found == []


def test_new_edition_refuses_a_language_the_engine_has_no_words_for(tmp_path: Path) -> None:
    result = run_cli(
        ROOT, "new-edition", str(tmp_path / "de"), "--title", "T", "--author", "A B",
        "--journal", "J", "--issue", "1", "--year", "2020", "--languages", "de,en",
    )  # fmt: skip
    assert result.returncode == 1
    assert "languages 'de,en'" in result.stdout and "(en, tr)" in result.stdout
    assert not (tmp_path / "de").exists()


def test_new_edition_never_writes_over_a_folder(project: Path) -> None:
    result = run_cli(
        ROOT, "new-edition", str(project), "--title", "T", "--author", "A B",
        "--journal", "J", "--issue", "1", "--year", "2020",
    )  # fmt: skip
    assert result.returncode == 1
    assert "the folder exists and is not empty; nothing was written" in result.stdout
