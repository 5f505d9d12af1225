"""The places where the edition reaches past MkDocs' and Material's documented extension
points, each because none exists, kept here and tested against the installed versions
(tests/test_adapters.py): if a release changes what they rely on, that test fails first.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from typing import Any


def silence_material_search_index(config: Any) -> None:
    """Keep Material's search box but not its index: the edition's search is Pagefind's.

    Material shows the box only while its search plugin is enabled, and the plugin then
    indexes every page (`on_page_context`) and writes search_index.json (`on_post_build`), a
    tenth of a large build. No option keeps one without the other, so the plugin's two
    handlers are taken out of MkDocs' event lists for this build's configuration."""
    search = config.plugins.get("material/search")
    for event in ("page_context", "post_build"):
        handlers = config.plugins.events[event]
        handlers[:] = [h for h in handlers if getattr(h, "__self__", None) is not search]


def rebuild_pages(
    built: Any,
    changed: Mapping[str, str | None],
    removed: Iterable[str],
    site_dir: str,
) -> list[str]:
    """Write again, into the empty `site_dir`, only the files of a kept MkDocs build that
    changed: `changed` maps a source path to its new content (None: a file in the docs
    folder, read from disk), `removed` names sources that are gone. Returns the removed
    files' paths in the site.

    MkDocs has no way to rebuild some pages of a build: its `build()` gathers every file,
    makes the navigation and renders every page, which at thousands of pages is seconds an
    edit does not need. This runs the same per-page steps `build()` runs, with the same
    plugin events, on the kept configuration, files, navigation and template environment
    (`built`: config, files, nav, env), and checks every page's links against the anchors
    of all pages as `build()` does; in strict mode any warning fails it, as it fails a build.
    """
    from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page
    from mkdocs.exceptions import Abort
    from mkdocs.structure.files import File, Files, set_exclusions
    from mkdocs.structure.pages import Page
    from mkdocs.utils import CountHandler

    config, files, nav, env = built.config, built.files, built.nav, built.env
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        gone = []
        for src in removed:
            file = files.get_file_from_path(src)
            if file is not None:
                gone.append(file.dest_uri)
                files.remove(file)
        added = []
        targets = []
        for src, content in changed.items():
            file = files.get_file_from_path(src)
            if file is None:
                file = File.generated(config, src, content=content or "")
                files.append(file)
                added.append(file)
            elif content is not None:
                file.content_string = content
            # Both: MkDocs keeps the absolute path it first derived from the folder.
            file.dest_dir = site_dir
            file.abs_dest_path = os.path.normpath(os.path.join(site_dir, file.dest_uri))
            targets.append(file)
        if added:
            set_exclusions(Files(added), config)
        for file in targets:
            if file.is_documentation_page():
                if file.page is None:
                    Page(None, file, config)
                _populate_page(file.page, config, files)
            else:
                file.copy_file()
        doc_files = files.documentation_pages()
        for file in targets:
            if file.is_documentation_page():
                _build_page(file.page, config, doc_files, nav, env)
        if added or gone:  # the sitemap lists every page
            site_dir_before, config.site_dir = config.site_dir, site_dir
            try:
                for template in config.theme.static_templates:
                    if template == "sitemap.xml":
                        _build_theme_template(template, env, files, config, nav)
            finally:
                config.site_dir = site_dir_before
        level = config.validation.links.anchors
        for file in doc_files:
            file.page.validate_anchor_links(files=files, log_level=level)
        if counts := counter.get_counts():
            summary = ", ".join(f"{count} {kind.lower()}s" for kind, count in counts)
            raise Abort(f"Aborted with {summary} in strict mode!")
        return gone
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
