"""Shared fixtures: the real edition built once, and disposable copies of the project."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest

from edition.publish import build_site

ROOT = Path(__file__).resolve().parent.parent
SOURCE_TEXT = ROOT.parent / "shared" / "source" / "korkmaz-tr.txt"
CHAPTER_PAGES = (
    "index.html",
    "giris/index.html",
    "mustafa-kemal-ve-komunizm/index.html",
    "sovyet-yazismalarinda-mustafa-kemal-ve-turkiye/index.html",
    "sonuc/index.html",
)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real edition, built once per test run into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("built") / "site"
    build_site(ROOT / "mkdocs.yml", site_dir)
    return site_dir


def parse_page(site: Path, relative: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / relative).read_bytes())


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A copy of the project's sources and configuration that a test may break."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("mkdocs.yml", "mkdocs.en.yml", "build_edition.py", "published-urls.txt"):
        shutil.copy2(ROOT / name, copy / name)
    shutil.copytree(ROOT / "sources", copy / "sources")
    shutil.copytree(ROOT / "docs", copy / "docs")
    yield copy


def run_cli(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`python build_edition.py …` in a project copy, as an editor runs it."""
    return subprocess.run(
        [sys.executable, str(project / "build_edition.py"), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
