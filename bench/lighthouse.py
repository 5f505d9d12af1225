"""Lighthouse (npm, pinned) on the home page, a chapter and a document page in both
languages: performance, accessibility, best practices and SEO, as a table.

The built site is served from this machine with gzip, as a static host would serve it;
Lighthouse drives Debian's Chromium (CHROME_PATH) with its default mobile throttling. The
scores are reported, not asserted: performance varies from run to run.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = ("", "giris/", "belgeler/rgaspi-159-2-57-003/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, compressed when the browser accepts it, like any static host."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            path.suffix in COMPRESSIBLE
            and path.is_file()
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            body = gzip.compress(path.read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Body(body)
        return super().send_head()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def main() -> None:
    site = ROOT / "site"
    if not (site / "index.html").is_file():
        raise SystemExit("build the site first: make build")
    handler = lambda *a: GzipHandler(*a, directory=str(site))  # noqa: E731
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    environment = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    print("| page | " + " | ".join(CATEGORIES) + " |")
    print("|" + " --- |" * (len(CATEGORIES) + 1))
    with tempfile.TemporaryDirectory() as scratch:
        for prefix in ("", "en/"):
            for page in PAGES:
                report = Path(scratch) / "report.json"
                subprocess.run(
                    [
                        str(LIGHTHOUSE),
                        base + prefix + page,
                        "--quiet",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                        "--disable-background-networking",
                        f"--only-categories={','.join(CATEGORIES)}",
                        "--output=json",
                        f"--output-path={report}",
                    ],
                    env=environment,
                    check=True,
                    capture_output=True,
                )
                scores = json.loads(report.read_text())["categories"]
                cells = [str(round(scores[c]["score"] * 100)) for c in CATEGORIES]
                print(f"| /{prefix}{page} | " + " | ".join(cells) + " |")
    server.shutdown()
    sys.exit(0)


if __name__ == "__main__":
    main()
