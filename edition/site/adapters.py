"""The two places where the edition reaches past MkDocs' and Material's documented extension
points, each because none exists, kept here and tested against the installed versions
(tests/test_adapters.py): if a release changes what they rely on, that test fails first.
"""

from __future__ import annotations

from collections.abc import Callable
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


def answer_is_modified(file: Any, modified: bool) -> None:
    """Tell a dirty build whether to write `file`.

    MkDocs' dirty build asks each `File.is_modified()`, which compares modification times on
    disk; the edition's pages are virtual (generated, or rendered from sources elsewhere), so
    the preview's plan answers instead, on this one File object."""
    answer: Callable[[], bool] = lambda: modified  # noqa: E731
    file.is_modified = answer


def lend_anchor_ids(page: Any, ids: Any) -> None:
    """Give a page MkDocs did not render this time the anchors it had when last rendered.

    MkDocs validates links to `#anchors` against `Page.present_anchor_ids`, which only
    rendering sets; in the preview's partial rebuild the pages not rendered keep the ids
    of their last rendering, so that links into them are checked as in a full build."""
    page.present_anchor_ids = ids
