"""Two builds of the same sources give byte-identical sites, whatever the clock says."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from edition.publish import build_site
from tests.conftest import ROOT


def digest(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    build_site(ROOT / "mkdocs.yml", tmp_path / "one" / "site")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(2_000_000_000))
    build_site(ROOT / "mkdocs.yml", tmp_path / "two" / "site")
    first, second = digest(tmp_path / "one" / "site"), digest(tmp_path / "two" / "site")
    assert len(first) > 100
    assert first == second
    assert "sitemap.xml" in first and "pagefind/pagefind-entry.json" in first
    assert "pdf/korkmaz-edisyon-tr.pdf" in first and "en/pdf/korkmaz-edisyon-en.pdf" in first
    assert os.environ["SOURCE_DATE_EPOCH"] == "2000000000"
