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


def test_the_page_steps_a_rebuild_runs_are_the_ones_build_runs() -> None:
    """adapters.rebuild_pages runs MkDocs' per-page steps by name, with build()'s arguments,
    and moves a file's output by its dest_dir and its cached abs_dest_path."""
    build_source = inspect.getsource(mkdocs.commands.build.build)
    for step in (
        "_populate_page(file.page, config, files",
        "_build_page(",
        "validate_anchor_links",
    ):
        assert step in build_source, step
    populate = inspect.signature(mkdocs.commands.build._populate_page)
    assert list(populate.parameters)[:3] == ["page", "config", "files"]
    build_page = inspect.signature(mkdocs.commands.build._build_page)
    assert list(build_page.parameters)[:5] == ["page", "config", "doc_files", "nav", "env"]
    theme = inspect.signature(mkdocs.commands.build._build_theme_template)
    assert list(theme.parameters) == ["template_name", "env", "files", "config", "nav"]
    file = File("a/index.md", src_dir=None, dest_dir="/first", use_directory_urls=True)
    assert file.abs_dest_path == "/first/a/index.html"
    file.dest_dir = "/second"
    file.abs_dest_path = "/second/a/index.html"  # a cached property: assigned, it is kept
    assert file.abs_dest_path == "/second/a/index.html"
    file.content_string = "# B"
    assert file.content_string == "# B"
    assert "present_anchor_ids" in inspect.getsource(mkdocs.structure.pages)
