"""Shared fixtures: the real edition built once, and disposable copies of the project."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import lxml.html
import pytest
from playwright.sync_api import Browser, sync_playwright

from edition.site.publish import build_site

ROOT = Path(__file__).resolve().parent.parent
SOURCE_TEXT = ROOT.parent / "shared" / "source" / "korkmaz-tr.txt"
CHAPTER_PAGES = (
    "index.html",
    "giris/index.html",
    "mustafa-kemal-ve-komunizm/index.html",
    "sovyet-yazismalarinda-mustafa-kemal-ve-turkiye/index.html",
    "sonuc/index.html",
)


# The address the tests publish the edition at (a reserved name, RFC 2606): what `make
# publish EDITION_URL=…` gives. A build without one names no address (test_publishing).
PUBLIC_ADDRESS = "https://edition.example/"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real edition, built once per test run into a temporary folder, as published."""
    site_dir = tmp_path_factory.mktemp("built") / "site"
    build_site(ROOT / "mkdocs.yml", site_dir, PUBLIC_ADDRESS)
    return site_dir


def parse_page(site: Path, relative: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / relative).read_bytes())


def copy_project(folder: Path) -> Path:
    """A copy of the project's sources and configuration in `folder`/project."""
    copy = folder / "project"
    copy.mkdir()
    for name in ("mkdocs.yml", "build_edition.py", "published-urls.txt"):
        shutil.copy2(ROOT / name, copy / name)
    shutil.copytree(ROOT / "sources", copy / "sources")
    shutil.copytree(ROOT / "docs", copy / "docs")
    return copy


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A copy of the project's sources and configuration that a test may break."""
    yield copy_project(tmp_path)


def run_cli(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`python build_edition.py …` in a project copy, as an editor runs it."""
    return subprocess.run(
        [sys.executable, str(project / "build_edition.py"), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )


CHROMIUM = Path("/usr/bin/chromium")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site served over HTTP on a free local port."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium through Playwright; `playwright install` is never used."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing: `make test` installs it")
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regenerate-golden",
        action="store_true",
        help="write the sample edition's golden output anew (tests/sample/golden/)",
    )
