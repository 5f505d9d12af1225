"""new-document writes a valid record with its id from the signature, and refuses a used id."""

from __future__ import annotations

import subprocess
from pathlib import Path

from edition.catalog import load_edition
from tests.conftest import run_cli


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
