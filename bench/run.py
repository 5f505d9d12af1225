"""The benchmark: builds synthetic editions of N documents and prints a table.

For each N: build time (median of the runs; the PDFs are not printed, see the README), the
edition's own share of it (loading, checking, rendering, citations), peak memory, pages per
second, HTML bytes of a document page, site size, the compressed bytes that headless Chromium
downloads for a first visit to a document page and for a first search on it, and the
preview's edit-to-visible time (an edit to one record until its page shows it over HTTP).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import os
import platform
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generate import generate  # type: ignore[import-not-found]
from playwright.sync_api import Response, sync_playwright


def build(edition: Path) -> tuple[float, int]:
    """Seconds and peak resident kilobytes of one `build_edition.py build`."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "build_edition.py", "build", "--without-pdf"],
        cwd=edition,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed for {edition}:\n{result.stderr[-2000:]}")
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def edition_work_seconds(edition: Path) -> float:
    """Loading, checking and rendering both languages (citations included), as a build
    does them, in a fresh process."""
    script = (
        "import sys, time; from pathlib import Path; sys.path.insert(0, '.');"
        "from edition.catalog import load_edition; from edition.pages import render_site;"
        "t = time.perf_counter();"
        "e, _ = load_edition(Path('.'));"
        "[render_site(e, lang, 'http://127.0.0.1:8000/' + p) for lang, p in"
        " (('tr', ''), ('en', 'en/'))];"
        "print(time.perf_counter() - t)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=edition, capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip())


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def browser_bytes(site: Path, page: str, query: str) -> tuple[int, int]:
    """Compressed bytes Chromium fetches for a first visit to `page`, then for a first
    search: every response's body, gzipped as a static host would send it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fetched: list[int] = []

    def record(response: Response) -> None:
        with contextlib.suppress(Exception):  # a redirect has no body
            fetched.append(len(gzip.compress(response.body(), mtime=0)))

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            tab = browser.new_page()
            tab.on("response", record)
            tab.goto(f"http://127.0.0.1:{server.server_address[1]}/{page}")
            tab.wait_for_load_state("networkidle")
            visit = sum(fetched)
            fetched.clear()
            tab.fill("#ed-search-query", query)
            tab.wait_for_selector("#ed-search-results li", timeout=30_000)
            tab.wait_for_load_state("networkidle")
            search = sum(fetched)
            browser.close()
    finally:
        server.shutdown()
    return visit, search


def preview_seconds(edition: Path, record: Path, page: str, edits: int = 5) -> float:
    """Median seconds from saving an edit to one record until the preview serves its page
    with the edit."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/{page}"
    server = subprocess.Popen(
        [sys.executable, "build_edition.py", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=edition,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    original = record.read_text(encoding="utf-8")
    try:
        _wait_for(url, "", timeout=1800)
        times = []
        for edit in range(edits):
            marker = f"düzeltme {edit}"
            time.sleep(1)  # a fresh edit, not one batched with the last
            started = time.perf_counter()
            record.write_text(
                original.replace('date_as_printed: "', f'date_as_printed: "{marker} '), "utf-8"
            )
            _wait_for(url, marker, timeout=600)
            times.append(time.perf_counter() - started)
        return statistics.median(times)
    finally:
        record.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=60)


def _wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"the preview did not show {text!r} at {url}")


def measure(count: int, runs: int, workspace: Path) -> dict[str, str]:
    edition = workspace / f"edition-{count}"
    generate(count, edition)
    timings = []
    peak = 0
    for _ in range(runs):
        seconds, peak = build(edition)
        timings.append(seconds)
    site = edition / "site"
    pages = sorted(site.rglob("*.html"))
    record = sorted((edition / "sources" / "documents").glob("*.yaml"))[0]
    page = f"belgeler/{record.stem}/"
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    median = statistics.median(timings)
    own = edition_work_seconds(edition)
    visit, search = browser_bytes(site, page, "Moskova")
    # Each edit at archive scale waits for a whole rebuild: fewer of them.
    preview = preview_seconds(edition, record, page, edits=5 if count <= 100 else 2)
    return {
        "documents": f"{count:,}",
        "build, median (s)": f"{median:.1f}",
        "runs": str(runs),
        "edition's own work (s, % of build)": f"{own:.1f} ({100 * own / median:.0f}%)",
        "peak memory (MiB)": f"{peak / 1024:.0f}",
        "pages": f"{len(pages):,}",
        "ms per page": f"{1000 * median / len(pages):.1f}",
        "document page HTML (KB)": f"{(site / page / 'index.html').stat().st_size / 1000:.1f}",
        "site (MB)": f"{size / 1e6:.1f}",
        "first visit, compressed (KB)": f"{visit / 1000:.1f}",
        "first search (KB)": f"{search / 1000:.1f}",
        "preview edit to visible (s)": f"{preview:.2f}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("counts", nargs="*", type=int, default=[10, 100])
    parser.add_argument(
        "--runs", type=int, default=None, help="builds per N (default: 3 up to 100, then 1)"
    )
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="edition-bench-") as workspace:
        rows = [
            measure(n, arguments.runs or (3 if n <= 100 else 1), Path(workspace))
            for n in arguments.counts
        ]
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(
        f"Machine: {os.cpu_count()} cores, {memory:.0f} GiB, {platform.machine()}, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}\n"
    )
    columns = list(rows[0])
    print("| " + " | ".join(columns) + " |")
    print("|" + " --- |" * len(columns))
    for row in rows:
        print("| " + " | ".join(row[c] for c in columns) + " |")


if __name__ == "__main__":
    main()
