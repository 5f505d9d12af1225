"""The benchmark: builds synthetic editions of N documents and prints a table.

For each N: build time (median of the runs), peak memory, pages per second, HTML bytes of a
document page, site size, and the compressed bytes a first visit to a document page
downloads (its HTML with the CSS and JavaScript it links, no search data).
"""

from __future__ import annotations

import argparse
import gzip
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import generate  # type: ignore[import-not-found]


def build(edition: Path) -> tuple[float, int]:
    """Seconds and peak resident kilobytes of one `build_edition.py build`."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "build_edition.py", "build"],
        cwd=edition,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed for {edition}:\n{result.stderr[-2000:]}")
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def first_visit_bytes(site: Path, page: Path) -> int:
    """Compressed bytes of a page and the local CSS and JavaScript it links."""
    html = page.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode("utf-8")))
    for reference in re.findall(r'(?:href|src)="([^"#?]+\.(?:css|js))"', html):
        asset = (page.parent / reference).resolve()
        if asset.is_file() and site.resolve() in asset.parents:
            total += len(gzip.compress(asset.read_bytes()))
    return total


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
    document = next(site.glob("belgeler/rgaspi-*/index.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    median = statistics.median(timings)
    return {
        "documents": f"{count:,}",
        "build, median (s)": f"{median:.1f}",
        "runs": str(runs),
        "peak memory (MiB)": f"{peak / 1024:.0f}",
        "pages": f"{len(pages):,}",
        "pages/s": f"{len(pages) / median:.0f}",
        "document page HTML (KB)": f"{document.stat().st_size / 1000:.1f}",
        "site (MB)": f"{size / 1e6:.1f}",
        "first visit, compressed (KB)": f"{first_visit_bytes(site, document) / 1000:.1f}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("counts", nargs="*", type=int, default=[10, 100])
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="edition-bench-") as workspace:
        rows = [measure(n, arguments.runs, Path(workspace)) for n in arguments.counts]
    columns = list(rows[0])
    print("| " + " | ".join(columns) + " |")
    print("|" + " --- |" * len(columns))
    for row in rows:
        print("| " + " | ".join(row[c] for c in columns) + " |")


if __name__ == "__main__":
    main()
