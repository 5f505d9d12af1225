"""Gates a reader would run: the site works under a sub-path, and every page kind is kept as a
screenshot, light and dark, at desktop and phone width (artifacts/screenshots/)."""

from __future__ import annotations

import functools
import posixpath
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Browser

from tests.test_browser import PAGE_KINDS, SCREENSHOTS

MOUNT = "/edition/"


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site under /edition/, as a project's GitHub Pages would; 404 elsewhere."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(MOUNT):
            return "/nonexistent"
        return super().translate_path("/" + path[len(MOUNT) :])

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def mounted(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_SubPathHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{MOUNT}"
    server.shutdown()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def test_every_link_resolves_when_served_under_a_sub_path(mounted: str) -> None:
    seen: dict[str, _Links] = {}
    queue = [mounted, mounted + "en/"]
    broken = []
    while queue:
        url = queue.pop()
        page = url.split("#")[0]
        if page in seen:
            continue
        try:
            parser = _Links()
            parser.feed(_fetch(page))
        except urllib.error.HTTPError as error:
            broken.append(f"{page}: {error.code}")
            continue
        seen[page] = parser
        for href in parser.links:
            target = urljoin(page, href)
            if urlsplit(target).netloc != urlsplit(mounted).netloc:
                continue  # another host (the ORCID link): not followed
            if not urlsplit(target).path.startswith(MOUNT):
                broken.append(f"{page}: {href} leaves {MOUNT}")
                continue
            if re.search(r"\.(bib|ris|json|xml|gz|csv|pdf|epub)$", urlsplit(target).path):
                urllib.request.urlopen(target, timeout=10).close()  # a file: it must be there
                continue
            queue.append(target)
    for page, parser in seen.items():
        for href in parser.links:
            target = urljoin(page, href)
            fragment = urlsplit(target).fragment
            base = target.split("#")[0]
            if fragment and base in seen and fragment not in seen[base].ids:
                broken.append(f"{page}: {href} (no #{fragment})")
    assert broken == []
    assert len(seen) > 40


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_screenshots_of_every_page_kind(
    browser: Browser, base_url: str, scheme: str, width: int
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        color_scheme=scheme,  # type: ignore[arg-type]
    )
    page = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    device = "desktop" if width > 600 else "phone"
    for prefix, lang in (("", "tr"), ("en/", "en")):
        for kind in PAGE_KINDS:
            page.goto(base_url + prefix + kind)
            name = posixpath.normpath(kind).replace("/", "_").strip("._") or "home"
            path = SCREENSHOTS / "all" / f"{lang}-{name}-{scheme}-{device}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(path))
            assert path.stat().st_size > 5_000
    context.close()
