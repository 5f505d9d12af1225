"""At archive scale: the ways into thousands of documents stay short pages."""

from __future__ import annotations

import sys
from pathlib import Path

from edition.model.catalog import load_edition
from edition.render.documentindexes import FULL_LIST_LIMIT, render_index_pages
from edition.site.pages import navigation
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # type: ignore[import-not-found]

COUNT = 600


def test_indexes_and_navigation_of_a_large_edition(tmp_path: Path) -> None:
    generate(COUNT, tmp_path / "edition")
    edition, problems = load_edition(tmp_path / "edition")
    assert edition is not None and not problems.errors
    assert len(edition.documents) == COUNT > FULL_LIST_LIMIT
    for lang in ("tr", "en"):
        # The navigation names sections and index pages, never documents.
        entries = [src for entry in navigation(edition, lang) for src in entry.values()]
        assert len(entries) < len(edition.chapters_in(lang)) + 10
        assert not [src for src in entries if "rgaspi-" in src]
        pages = render_index_pages(edition, lang)
        documents_page = pages.pop(edition.paths.documents_index)
        assert "rgaspi-" not in documents_page  # files and years only
        listed: list[str] = []
        for src, markdown in pages.items():
            links = [line for line in markdown.splitlines() if "rgaspi-" in line]
            assert src.removeprefix("belgeler/").split("/", 1)[1].removesuffix(".md") in (
                documents_page
            )
            listed += [line.split("](")[1].split(")")[0] for line in links]
        # Each document is on one file page and one year page.
        assert len(listed) == 2 * COUNT
        assert len(set(listed)) == COUNT
