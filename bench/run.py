"""The benchmark: builds synthetic editions of N documents and prints tables.

For each N: build time (median of the runs; the PDFs and EPUBs are not made, see the README),
the edition's own share of it (loading, checking, rendering, citations, in a fresh process),
peak memory, pages per second, HTML bytes of a document page, site size, the compressed bytes
that headless Chromium downloads for a first visit to a document page and for a first search
on it; the preview's start, cold (nothing kept) and warm (the edition unchanged since the
last preview stopped), and its edit-to-visible time: the median over edits of different kinds
(a record's field and its translation, a chapter paragraph in each language, a person, a
work, an event), each from saving the file until the page that shows it is served with the
edit. The same edits are made, each twice at least, in a preview of a copy of the project's
own edition. Then, for the largest N, where the time of one edit went: the preview's own log
of its steps for that edit.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generate import ROOT, generate  # type: ignore[import-not-found]
from playwright.sync_api import Response, sync_playwright

from edition.model import Edition
from edition.model.catalog import load_edition
from edition.urls import site_path

BUILD_OPTIONS = ("--without-pdf", "--without-epub")


def build(edition: Path) -> tuple[float, int, list[str]]:
    """Seconds, peak resident kilobytes and the logged steps of one `build_edition.py build`."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "build_edition.py", "build", "--verbose", *BUILD_OPTIONS],
        cwd=edition,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed for {edition}:\n{result.stderr[-2000:]}")
    steps = [line for line in result.stderr.splitlines() if re.search(r": \d+\.\d+ s$", line)]
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, steps


def edition_work_seconds(edition: Path) -> float:
    """Loading, checking and rendering every language (citations included), as a build does
    them, in a fresh process."""
    script = (
        "import sys, time; from pathlib import Path;"
        "from edition.model.catalog import load_edition; from edition.site.pages import "
        "render_site; from edition.site.publish import public_address;"
        "t = time.perf_counter();"
        "e, _ = load_edition(Path('.')); base = public_address(Path('.')) or '';"
        "[render_site(e, lang, base) for lang in e.languages];"
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


@dataclass(frozen=True)
class Edit:
    """One kind of edit: the file it changes, how, and the page that shows it."""

    kind: str
    source: str  # relative to the edition
    change: Callable[[str, str], str]  # (text, marker) -> edited text
    page: str  # the site path that shows the marker


def _once(old: str, new: Callable[[str], str]) -> Callable[[str, str], str]:
    def change(text: str, marker: str) -> str:
        if old not in text:
            raise SystemExit(f"the benchmark's edit cannot find {old!r}")
        return text.replace(old, new(marker), 1)

    return change


def edits_of(edition: Edition, root: Path) -> list[Edit]:
    """An edit of each kind the editor makes, on the generated edition."""
    original, translation = edition.languages.original, edition.languages.translations[0]
    record = sorted((root / "sources" / "documents").glob("*.yaml"))[0]
    document = edition.paths.document_src(record.stem)
    chapter = edition.chapters_in(original)[1].slug
    bib = (root / "sources" / "references.bib").read_text(encoding="utf-8")
    shorthand = re.search(r"shorthand\s*=\s*\{[^{}]*\}", bib)
    if shorthand is None:
        raise SystemExit("the benchmark's work edit needs a work with a shorthand")
    work_field = shorthand.group(0)

    def page(src: str, lang: str) -> str:
        return site_path(src, lang, edition.languages)

    return [
        Edit(
            "a record's field",
            f"sources/documents/{record.name}",
            _once('date_as_printed: "', lambda m: f'date_as_printed: "{m} '),
            page(document, original),
        ),
        Edit(
            "a record's translation",
            f"sources/documents/{record.name}",
            _once(f"  {translation}: |\n    ", lambda m: f"  {translation}: |\n    {m} "),
            page(document, translation),
        ),
        Edit(
            "a chapter paragraph",
            f"docs/{original}/{chapter}.md",
            _once("\n\n", lambda m: f"\n\n{m} "),
            page(f"{chapter}.md", original),
        ),
        Edit(
            "a translated paragraph",
            f"docs/{translation}/{chapter}.md",
            _once("\n\n", lambda m: f"\n\n{m} "),
            page(f"{chapter}.md", translation),
        ),
        Edit(
            "a person",
            "sources/people.yaml",
            _once(f"    {original}: ", lambda m: f"    {original}: {m} "),
            page(edition.paths.people_page, original),
        ),
        Edit(
            "a work",
            "sources/references.bib",
            _once(work_field, lambda m: f"{work_field[:-1]} {m}}}"),
            page(edition.paths.citations_page, original),
        ),
        Edit(
            "an event",
            "sources/events.yaml",
            _once(f"    {original}: ", lambda m: f"    {original}: {m} "),
            page(edition.paths.chronology_page, original),
        ),
    ]


class Preview:
    """`build_edition.py serve` on the edition, its log kept in a file."""

    def __init__(self, edition: Path, log: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.log = log
        self._log = log.open("a", encoding="utf-8")
        started = time.perf_counter()
        self._process = subprocess.Popen(
            [sys.executable, "build_edition.py", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=edition,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
        )
        self._started = started
        self._builds_before = self._built_count()
        _wait_for(self.url(""), "", timeout=3600, failed=self.failure)
        self.start_seconds = time.perf_counter() - started
        self.ready_seconds = self.start_seconds

    def failure(self) -> str | None:
        """Why the preview will not serve the edition, if it will not: it stopped, or its
        first build failed (it then serves nothing)."""
        if self._process.poll() is not None:
            return f"the preview stopped (exit {self._process.returncode}); see {self.log}"
        if "Traceback (most recent call last)" in self.log.read_text(encoding="utf-8"):
            return f"the preview's build failed; see {self.log}"
        return None

    def _built_count(self) -> int:
        return self.log.read_text(encoding="utf-8").count("Edition built in")

    def wait_until_built(self) -> None:
        """Until the first build of this run is done: on a warm start, the builds for edits
        made in the background (`ready_seconds`)."""
        deadline = time.monotonic() + 3600
        while self._built_count() == self._builds_before and time.monotonic() < deadline:
            time.sleep(0.05)
        self.ready_seconds = time.perf_counter() - self._started

    def url(self, page: str) -> str:
        return f"http://127.0.0.1:{self.port}/{page}"

    def stop(self) -> None:
        """As the editor stops it, with Ctrl-C: what it keeps for a warm start is written.
        A preview that does not stop within two minutes is told again, as an editor would
        press Ctrl-C again, and that is reported (the warm start after it is then a cold
        one)."""
        for attempt in range(3):
            self._process.send_signal(signal.SIGINT if attempt < 2 else signal.SIGTERM)
            try:
                self._process.wait(timeout=120)
                break
            except subprocess.TimeoutExpired:
                print(
                    f"the preview did not stop within 120 s (signal {attempt + 1})", file=sys.stderr
                )
        else:
            self._process.kill()
            self._process.wait()
        self._log.close()


def edit_to_visible(
    preview: Preview, root: Path, edit: Edit, number: int
) -> tuple[float, list[str]]:
    """Seconds from saving `edit` until its page is served with it, and the preview's log
    of the steps of that rebuild."""
    marker = f"benchedit{number}x"
    path = root / edit.source
    text = path.read_text(encoding="utf-8")
    time.sleep(1)  # a fresh edit, not one batched with the last
    logged = preview.log.stat().st_size
    started = time.perf_counter()
    path.write_text(edit.change(text, marker), encoding="utf-8")
    _wait_for(preview.url(edit.page), marker, timeout=900, failed=preview.failure)
    seconds = time.perf_counter() - started
    time.sleep(0.5)  # the rest of the rebuild's log
    with preview.log.open(encoding="utf-8") as log:
        log.seek(logged)
        steps = [line.strip() for line in log if re.search(r": \d+\.\d+ s$|built in", line)]
    return seconds, steps


def _wait_for(
    url: str, text: str, timeout: float, failed: Callable[[], str | None] = lambda: None
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (reason := failed()) is not None:
            raise SystemExit(reason)
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.01)
    raise SystemExit(f"the preview did not show {text!r} at {url}")


@dataclass
class Measured:
    row: dict[str, str]
    build_seconds: float
    build_steps: list[str]
    edit_steps: list[str]
    edits: list[tuple[str, float]]


def preview_edits(
    root: Path, edition: Edition, log: Path, rounds: int
) -> tuple[Preview, list[tuple[str, float]], list[str]]:
    """A cold preview of `root`, each kind of edit made in it `rounds` times: the preview
    (stopped), each edit's kind and seconds to visible, and the log of the first one."""
    cold = Preview(root, log)
    edits: list[tuple[str, float]] = []
    edit_steps: list[str] = []
    try:
        for round_ in range(rounds):
            for number, edit in enumerate(edits_of(edition, root)):
                seconds, logged = edit_to_visible(cold, root, edit, round_ * 100 + number)
                edits.append((edit.kind, seconds))
                if round_ == 0 and number == 0:
                    edit_steps = logged
    finally:
        cold.stop()
    return cold, edits, edit_steps


# What the project's own edition is made from: measured on a copy, never in place.
REAL_EDITION = ("mkdocs.yml", "build_edition.py", "docs", "sources")


def measure_real(workspace: Path, rounds: int) -> list[tuple[str, float]]:
    """Each kind of edit made in a preview of a copy of the real edition."""
    root = workspace / "edition-real"
    for name in REAL_EDITION:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, root / name)
        else:
            root.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, root / name)
    edition, _problems = load_edition(root)
    assert edition is not None
    _preview, edits, _steps = preview_edits(root, edition, workspace / "preview-real.log", rounds)
    return edits


def measure(count: int, runs: int, workspace: Path, rounds: int) -> Measured:
    root = workspace / f"edition-{count}"
    generate(count, root)
    timings = []
    peak = 0
    steps: list[str] = []
    for _ in range(runs):
        seconds, peak, steps = build(root)
        timings.append(seconds)
    edition, _problems = load_edition(root)
    assert edition is not None
    site = root / "site"
    pages = sorted(site.rglob("*.html"))
    record = sorted((root / "sources" / "documents").glob("*.yaml"))[0]
    page = site_path(edition.paths.document_src(record.stem), edition.original, edition.languages)
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    median = statistics.median(timings)
    own = edition_work_seconds(root)
    visit, search = browser_bytes(site, page, "Moskova")

    log = workspace / f"preview-{count}.log"
    cold, edits, edit_steps = preview_edits(root, edition, log, rounds)
    warm = Preview(root, log)
    warm.wait_until_built()
    warm.stop()
    times = [seconds for _kind, seconds in edits]
    row = {
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
        "preview start, cold (s)": f"{cold.start_seconds:.1f}",
        "warm: served / ready (s)": f"{warm.start_seconds:.1f} / {warm.ready_seconds:.1f}",
        f"edit to visible, median of {len(times)} (s)": f"{statistics.median(times):.2f}",
        "slowest edit (s)": f"{max(times):.2f}",
    }
    return Measured(row, median, steps, edit_steps, edits)


def _table(rows: list[dict[str, str]]) -> None:
    columns = list(rows[0])
    print("| " + " | ".join(columns) + " |")
    print("|" + " --- |" * len(columns))
    for row in rows:
        print("| " + " | ".join(row[c] for c in columns) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("counts", nargs="*", type=int, default=[10, 100])
    parser.add_argument(
        "--runs", type=int, default=None, help="builds per N (default: 3 up to 100, then 1)"
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="times each kind of edit is made (default 1)"
    )
    arguments = parser.parse_args()
    # Started in the background by a shell without job control, this process ignores SIGINT,
    # and so would every preview it starts (an ignored signal is inherited; a handled one is
    # not): it could not stop them as an editor does, with Ctrl-C.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    with tempfile.TemporaryDirectory(prefix="edition-bench-") as workspace:
        real = measure_real(Path(workspace), max(arguments.rounds, 2))
        results = {
            n: measure(
                n, arguments.runs or (3 if n <= 100 else 1), Path(workspace), arguments.rounds
            )
            for n in arguments.counts
        }
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(
        f"Machine: {os.cpu_count()} cores, {memory:.0f} GiB, {platform.machine()}, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}\n"
    )
    _table([result.row for result in results.values()])
    if 1000 in results and 5000 in results:
        ratio = results[5000].build_seconds / results[1000].build_seconds
        print(f"\nt(5,000) / t(1,000) = {ratio:.2f}")
    times = [seconds for _kind, seconds in real]
    print(
        f"\nThe real edition: edit to visible, median of {len(times)}: "
        f"{statistics.median(times):.2f} s ({min(times):.2f}–{max(times):.2f} s)"
    )
    largest = max(results)
    print(f"\nEach edit at {largest:,} documents (s):\n")
    _table([{"edit": kind, "to visible (s)": f"{s:.2f}"} for kind, s in results[largest].edits])
    print(
        f"\nOne edit at {largest:,} documents ({results[largest].edits[0][0]}),"
        " as the preview logs its steps:\n"
    )
    for line in results[largest].edit_steps:
        print(f"    {line}")
    print(f"\nA full build at {largest:,} documents, its steps:\n")
    for line in results[largest].build_steps:
        print(f"    {line}")


if __name__ == "__main__":
    main()
