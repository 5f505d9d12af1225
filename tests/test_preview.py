"""The preview: a real `build_edition.py serve` picks up an edit, reports a broken one while
serving the last good site, and recovers when it is fixed, without a restart."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

RECORD = "sources/documents/rgaspi-159-2-57-003.yaml"
PAGE = "belgeler/rgaspi-159-2-57-003/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("the preview did not show the change in time")


def start_preview(
    project: Path, log: Path, port: int, *, interrupt_ignored: bool = False
) -> subprocess.Popen[bytes]:
    """`build_edition.py serve` on `project`, its output in `log`; `interrupt_ignored`: started
    as a shell script's job run with '&' is, with Ctrl-C (SIGINT) ignored."""
    with log.open("w") as output:
        return subprocess.Popen(
            [
                sys.executable,
                str(project / "build_edition.py"),
                "serve",
                "--dev-addr",
                f"127.0.0.1:{port}",
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
            preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
            if interrupt_ignored
            else None,
        )


@pytest.fixture
def preview(project: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    port = free_port()
    log = tmp_path / "serve.log"
    process = start_preview(project, log, port)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for(lambda: "Çiçerin" in fetch(url + PAGE))
        yield url, log
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_ctrl_c_stops_a_preview_started_with_it_ignored_and_its_site_is_kept(
    project: Path, tmp_path: Path
) -> None:
    port, log = free_port(), tmp_path / "serve.log"
    process = start_preview(project, log, port, interrupt_ignored=True)
    try:
        wait_for(lambda: "Search index updated" in log.read_text(encoding="utf-8"), 180)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
    finally:
        process.kill()
        process.wait()
    assert "The site is kept for the next preview" in log.read_text(encoding="utf-8")


def test_edit_shows_broken_edit_keeps_last_good_site_fix_recovers(
    project: Path, preview: tuple[str, Path]
) -> None:
    url, log = preview
    record = project / RECORD
    good = record.read_text(encoding="utf-8")
    record.write_text(good.replace('"27 Eylül 1920"', '"27 Eylül 1920 (düzeltildi)"'), "utf-8")
    wait_for(lambda: "27 Eylül 1920 (düzeltildi)" in fetch(url + PAGE))
    wait_for(lambda: "27 Eylül 1920 (düzeltildi)" in fetch(url + "en/" + PAGE))
    # The files that list every record follow the page, by a moment.
    wait_for(lambda: "27 Eylül 1920 (düzeltildi)" in fetch(url + "veri/documents.json"))
    # Only the files the edit changed were written (tests/test_incremental.py checks that
    # such a site is byte for byte a full build's); the search index followed.
    assert "Files written: tr " in log.read_text(encoding="utf-8")
    wait_for(lambda: "Search index updated" in log.read_text(encoding="utf-8"))

    edited = record.read_text(encoding="utf-8")
    record.write_text(edited.replace("kind: letter", "kind: leter"), encoding="utf-8")
    problem = f"{RECORD}:6: error: field 'kind' is 'leter'; did you mean 'letter'?"
    wait_for(lambda: problem in log.read_text(encoding="utf-8"))
    assert "27 Eylül 1920 (düzeltildi)" in fetch(url + PAGE)  # the last good site

    # Saved as many editors save: a new file renamed over the old one.
    indexed = log.read_text(encoding="utf-8").count("Search index updated")
    saved = record.with_name(f".{record.name}.new")
    saved.write_text(edited.replace('"27 Eylül 1920 (düzeltildi)"', '"27 Eylül 1920"'), "utf-8")
    os.replace(saved, record)
    wait_for(lambda: "(düzeltildi)" not in fetch(url + PAGE))
    wait_for(lambda: log.read_text(encoding="utf-8").count("Search index updated") > indexed)

    # A build reads every source; the preview is told of changes only, so it then rests.
    builds = log.read_text(encoding="utf-8").count("Building the edition")
    time.sleep(3)
    assert log.read_text(encoding="utf-8").count("Building the edition") == builds


def test_the_open_page_reloads_itself_with_the_edit(
    project: Path, preview: tuple[str, Path], browser: Browser
) -> None:
    """The reader does nothing: the preview's page reloads when the edit is built, and the
    search finds the new words once the index made in the background is in place."""
    url, log = preview
    wait_for(lambda: "Search index updated" in log.read_text(encoding="utf-8"))
    page = browser.new_page()
    try:
        page.goto(url + PAGE)
        expect(page.locator("body")).to_contain_text("27 Eylül 1920")
        record = project / RECORD
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace('"27 Eylül 1920"', '"27 Eylül 1920 (sınamalık)"'), "utf-8")
        expect(page.locator("body")).to_contain_text("(sınamalık)", timeout=30_000)
        screenshots = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
        screenshots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshots / "preview-after-edit.png"))

        wait_for(lambda: log.read_text(encoding="utf-8").count("Search index updated") >= 2)
        page.reload()
        box = page.locator("#ed-search-query")
        box.click()
        box.fill("sınamalık")
        found = page.locator("#ed-search-results a.md-search-result__link")
        expect(found.first).to_be_visible()
        assert found.first.evaluate("(link) => link.pathname") == "/" + PAGE
    finally:
        page.close()
