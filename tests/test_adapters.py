"""What edition/site/adapters.py relies on in the installed MkDocs and Material: if a release
changes it, these fail before a build silently does the wrong thing."""

from __future__ import annotations

import inspect
from pathlib import Path

import mkdocs.commands.build
import mkdocs.structure.pages
from mkdocs.config import load_config
from mkdocs.structure.files import File

from edition.site.adapters import silence_material_search_index
from tests.conftest import ROOT, parse_page


def test_material_search_handlers_are_the_ones_taken_out() -> None:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    search = config.plugins["material/search"]

    def owners(event: str) -> list[object]:
        return [getattr(h, "__self__", None) for h in config.plugins.events[event]]

    assert search in owners("page_context") and search in owners("post_build")
    silence_material_search_index(config)
    assert search not in owners("page_context") and search not in owners("post_build")
    assert search in owners("config")  # the box's settings are still made


def test_the_site_has_the_search_box_and_no_material_index(site: Path) -> None:
    assert not (site / "search" / "search_index.json").exists()
    page = parse_page(site, "index.html")
    assert page.xpath('//label[@for="__search"]')  # Material's search box is there
    assert (site / "pagefind").is_dir()


def test_a_dirty_build_asks_each_file_and_links_check_present_anchor_ids() -> None:
    assert "is_modified()" in inspect.getsource(mkdocs.commands.build)
    assert callable(File.is_modified)
    assert "present_anchor_ids" in inspect.getsource(mkdocs.structure.pages)
