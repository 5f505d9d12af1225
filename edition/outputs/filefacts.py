"""Size and SHA-256 of files made after the pages that list them (the PDFs and EPUBs, made
from the built site): the Downloads page holds a marker for each, filled in once the file exists."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from babel.numbers import format_decimal

from edition import urls
from edition.labels import label

if TYPE_CHECKING:
    from edition.model import Edition

MARKER = re.compile(
    r'<span data-edition-file="(?P<path>[^"]+)" data-edition-fact="(?P<fact>size|sha256)" '
    r'data-edition-lang="(?P<lang>[a-z]+)">[^<]*</span>'
)
UNKNOWN_YET = "—"  # what the preview shows: it makes no book


def marker(path: str, fact: str, lang: str) -> str:
    """A fact (`size` or `sha256`) of the file at `path` (from the site root), to be filled
    in by `fill_markers` once the file exists."""
    return (
        f'<span data-edition-file="{path}" data-edition-fact="{fact}" '
        f'data-edition-lang="{lang}">{UNKNOWN_YET}</span>'
    )


def file_size(size: int, lang: str) -> str:
    """A file's size as the Downloads page gives it: '612.345 bayt', '612,345 bytes'."""
    return label(lang, "dl_bytes", n=format_decimal(size, locale=lang))


def fill_markers(
    site: Path, made: Iterable[str], edition: Edition, left_out: Iterable[str] = ()
) -> None:
    """Every marker in the Downloads pages under `site` replaced by its fact, for the files
    `made` (paths from the site root). The markers of the files a draft build was told to
    leave out (`left_out`) stay as they are; a marker for any other file is a mistake."""
    made, left_out = set(made), set(left_out)

    def fact(match: re.Match[str]) -> str:
        path = match.group("path")
        if path in left_out:
            return match.group(0)
        if path not in made:
            raise ValueError(f"no file {path} to give the {match.group('fact')} of")
        data = (site / path).read_bytes()
        if match.group("fact") == "sha256":
            return hashlib.sha256(data).hexdigest()
        return file_size(len(data), match.group("lang"))

    # Only the Downloads pages hold markers: reading every page of an edition of thousands
    # to find them would cost seconds.
    for lang in edition.languages:
        downloads = urls.site_path(edition.paths.downloads_page, lang, edition.languages)
        page = site / downloads / "index.html"
        html = page.read_text(encoding="utf-8")
        if "data-edition-file=" in html:
            page.write_text(MARKER.sub(fact, html), encoding="utf-8")
