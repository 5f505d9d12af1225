"""EPUBCheck (Debian's `epubcheck`, the W3C's validator) on built books: its JSON report's
messages by book. `make test` installs it (.ci/system-deps.sh browser)."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

# Debian's /usr/bin/epubcheck is the jar itself, run through binfmt_misc where the machine
# has it; `java -jar` runs it everywhere.
EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")


def epubcheck_messages(books: Iterable[Path]) -> dict[Path, list[dict[str, Any]]]:
    """Every message EPUBCheck gives on each book, the books checked at once (one JVM each:
    EPUBCheck takes one book at a time)."""
    if not EPUBCHECK_JAR.is_file():
        if os.environ.get("CI"):
            pytest.fail("Debian's epubcheck is missing: `make test` installs it")
        pytest.skip("Debian's epubcheck is not installed (make test installs it)")
    with tempfile.TemporaryDirectory() as folder:
        runs = {}
        for number, book in enumerate(books):
            report = Path(folder) / f"{number}.json"
            command = ["java", "-jar", str(EPUBCHECK_JAR), "--json", str(report), str(book)]
            runs[book] = (report, subprocess.Popen(command, stdout=subprocess.PIPE, text=True))
        messages = {}
        for book, (report, run) in runs.items():
            output, _ = run.communicate(timeout=300)
            assert report.is_file(), f"EPUBCheck wrote no report on {book}: {output}"
            messages[book] = json.loads(report.read_text(encoding="utf-8"))["messages"]
    return messages
