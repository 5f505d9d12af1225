"""The registry of published URLs: every URL the edition has ever published stays alive.

`published-urls.txt` lists site-relative URLs, one per line. A build adds the new ones; a
URL that the sources no longer produce, as a page, a file or a redirect, is an error.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from edition import urls
from edition.model import Origin
from edition.problems import Problems

REGISTRY_FILE = "published-urls.txt"
HEADER = (
    "# Every URL the edition has published, relative to the site root. A build adds new ones;\n"
    "# never delete a line: a URL listed here must keep resolving (as a page, a file or a\n"
    "# redirect through a record's `aliases`).\n"
)


def site_url(src: str, prefix: str = "") -> str:
    """The site-relative URL of a page or file source path, under a language prefix."""
    path = urls.src_to_url(src) if src.endswith(".md") else src
    return "/" + prefix + path


def load_registry(root: Path) -> str:
    path = root / REGISTRY_FILE
    return path.read_text(encoding="utf-8") if path.exists() else ""


def parse_registry(text: str) -> list[tuple[int, str]]:
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def check_registry(
    registry: list[tuple[int, str]], served: Iterable[str], problems: Problems
) -> None:
    """Every registered URL must still be served."""
    available = set(served)
    for number, url in registry:
        if url not in available:
            problems.error(
                Origin(REGISTRY_FILE, number),
                f"published URL {url} no longer resolves: restore its page, or list the old id "
                "under 'aliases' in the record that replaces it",
            )


def updated_registry(text: str, served: Iterable[str]) -> tuple[str, list[str]]:
    """The registry with every served URL it lacks, and those new URLs."""
    known = {url for _, url in parse_registry(text)}
    new = sorted(set(served) - known)
    if not new:
        return text, []
    lines = sorted(known | set(new))
    return HEADER + "".join(f"{url}\n" for url in lines), new


def write_registry(root: Path, text: str) -> None:
    """The registry replaced in one rename: a full disk leaves the old one whole."""
    path = root / REGISTRY_FILE
    temporary = path.with_name(f".{REGISTRY_FILE}.new")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
