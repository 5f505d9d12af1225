"""The preview's rebuilds: an edit renders and writes only the pages it changed.

The preview keeps each language's last good MkDocs build alive (its configuration, files,
navigation and template environment) together with what the edition rendered for every
page. After an edit the edition is rendered again and compared page by page with the kept
rendering; only the pages that differ go through MkDocs' page steps again
(`adapters.rebuild_pages`), written into an empty folder that the preview then merges into
the site it serves (publish.py). A record that comes or goes adds or removes its pages. If
something every page shows changed (the navigation, the site's name and interface, the
redirects, the configuration, the theme's files), the build is a full one.

The kept builds live in the process that builds the language (the preview keeps its
processes), in `edition/site/session.py`.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edition.site import session
from edition.site.adapters import rebuild_pages

log = logging.getLogger("mkdocs.edition")


@dataclass(frozen=True)
class LanguageBuild:
    """What one language's build wrote into its (empty) folder."""

    complete: bool  # every file: the folder replaces the language's site
    removed: tuple[str, ...] = ()  # the last build's files that are gone, when not complete
    written: int = 0  # pages and files written


Rendering = Mapping[str, tuple[str, Mapping[str, Any], bool]]  # src → content, meta, generated


@dataclass
class KeptBuild:
    """A language's last good build in the preview, alive: MkDocs' objects, what shaped every
    page (`structure`), and each page as the edition rendered it."""

    structure: object
    rendering: Rendering
    # The hook's map of the build's pages, which MkDocs' page events read: a rebuild
    # updates it in place.
    pages: MutableMapping[str, Any]
    config: Any = None
    files: Any = None
    nav: Any = None
    env: Any = None


@dataclass
class _Current:
    """The build under way in this process: the preview it is for (None: not a preview).
    MkDocs calls the hooks with its own objects only; this is how they know it."""

    preview_of: str | None = None
    kept: KeptBuild | None = None
    lang: str = ""


_current = _Current()


def start(*, preview_of: str | None) -> None:
    """Before a language's full build: the preview site it is kept for (None: not a preview)."""
    _current.preview_of, _current.kept, _current.lang = preview_of, None, ""


def structure_of(config: Any, settings: object) -> object:
    """What every page of a language shows besides its own content: the settings the hook
    gave MkDocs, the public address, and the configuration and theme files."""
    # A copy: MkDocs and its plugins are handed the settings and may change them in place.
    return (copy.deepcopy(settings), str(config.site_url or ""), _files_stamp(config))


def rendering_of(pages: Mapping[str, Any]) -> dict[str, tuple[str, Mapping[str, Any], bool]]:
    return {src: (page.content, page.meta, page.generated) for src, page in pages.items()}


def plan(lang: str, config: Any, settings: object, pages: MutableMapping[str, Any]) -> None:
    """After rendering (the hook's on_config): remember what this build is made of."""
    if _current.preview_of is None:
        return
    _current.lang = lang
    _current.kept = KeptBuild(structure_of(config, settings), rendering_of(pages), pages, config)


def keep_files(files: Any, nav: Any) -> None:
    """Once MkDocs knows every file and the navigation (on_nav)."""
    if _current.kept is not None:
        _current.kept.files, _current.kept.nav = files, nav


def keep_env(env: Any) -> None:
    if _current.kept is not None:
        _current.kept.env = env


def finish() -> LanguageBuild:
    """After MkDocs succeeded: keep this build for the preview's next edit."""
    kept = _current.kept
    if _current.preview_of is not None and kept is not None:
        session.PREVIEW_BUILDS[(_current.preview_of, _current.lang)] = kept
    _current.kept = None
    return LanguageBuild(complete=True, written=len(kept.rendering) if kept else 0)


def forget(preview_of: str) -> None:
    """A failed build: none of this preview's kept builds is trusted any more."""
    for key in [key for key in session.PREVIEW_BUILDS if key[0] == preview_of]:
        del session.PREVIEW_BUILDS[key]


def rebuild(
    kept: KeptBuild, preview_of: str, settings: object, pages: Mapping[str, Any], site_dir: str
) -> LanguageBuild | None:
    """The edit's rebuild of a kept build into the empty `site_dir`, from the edition's new
    `pages`; None when something every page shows changed (a full build is needed)."""
    if structure_of(kept.config, settings) != kept.structure:
        return None
    rendering = rendering_of(pages)
    changed = {
        src: content if generated else None
        for src, (content, meta, generated) in rendering.items()
        if kept.rendering.get(src) != (content, meta, generated)
    }
    removed = [src for src in kept.rendering if src not in rendering]
    kept.pages.clear()
    kept.pages.update(pages)
    _current.preview_of = preview_of  # the pages' events run as the preview's (no policy)
    try:
        gone = rebuild_pages(kept, changed, removed, site_dir)
    finally:
        _current.preview_of = None
    kept.rendering = rendering
    return LanguageBuild(complete=False, removed=tuple(sorted(gone)), written=len(changed))


def _files_stamp(config: Any) -> tuple[tuple[str, int, int], ...]:
    """The configuration files, the theme's own folder and the docs folder's files other than
    chapters: a change to any of them may change every page."""
    config_file = Path(config.config_file_path)
    paths = sorted(config_file.parent.glob("mkdocs*.yml"))
    for folder in (config.theme.custom_dir, config.docs_dir):
        if folder:
            paths += sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix != ".md")
    stamp = []
    for path in paths:
        status = path.stat()
        stamp.append((str(path), status.st_mtime_ns, status.st_size))
    return tuple(stamp)


def is_preview() -> bool:
    """Whether the language being built is the preview's (its live-reload script is inline, so
    its pages carry no Content-Security-Policy)."""
    return _current.preview_of is not None
