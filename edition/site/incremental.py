"""The preview's rebuilds: only the pages an edit changed are written.

MkDocs' own `--dirty` decides by file times, which generated pages do not have, so it would
write every page again. Here the edition decides. After rendering, each page is compared
with what the last good build of the same language rendered, and MkDocs writes only the pages
that differ. It writes them into an empty folder, which the preview then merges into the site
it serves (publish.py). If something every page shows changed (the navigation, the
configuration, the theme's files, the redirects), the build is a full one.

The state lives in the process that builds the language: the preview keeps its processes.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edition.site.adapters import answer_is_modified, lend_anchor_ids


@dataclass(frozen=True)
class LanguageBuild:
    """What one language's build wrote into its (empty) folder."""

    complete: bool  # every file: the folder replaces the language's site
    removed: tuple[str, ...] = ()  # the last build's files that are gone, when not complete
    written: int = 0  # pages and files written


@dataclass(frozen=True)
class _Built:
    """A language's last good build: what shaped every page, and each page's source."""

    structure: object
    pages: Mapping[str, tuple[str, Mapping[str, Any]]]
    destinations: Mapping[str, str]  # page source → file written, from the language's root
    # Each page's anchors: a link from a page written again into one that was not is checked
    # against them, as a full build checks it (MkDocs knows the pages it renders only).
    anchors: Mapping[str, set[str]]


@dataclass
class _Plan:
    lang: str
    structure: object
    pages: Mapping[str, tuple[str, Mapping[str, Any]]]
    changed: frozenset[str] | None  # None: write everything
    files: Any = None  # MkDocs' files of the build, once known (on_nav)


# Each preview's last good build, by the served site and the language.
_last: dict[tuple[str, str], _Built] = {}
_site: str | None = None
_wanted = False
_plan: _Plan | None = None


def start(*, preview_of: str | None, incremental: bool) -> None:
    """Before a language's build: the preview site it is remembered for (None: not a
    preview), and whether it may write only what changed since the last build of that site."""
    global _site, _wanted, _plan
    _site, _wanted, _plan = preview_of, incremental and preview_of is not None, None


def plan(lang: str, config: Any, nav: object, pages: Mapping[str, Any]) -> None:
    """After rendering (the hook's on_config): decide what this build writes."""
    global _plan
    structure = (
        nav,
        dict(config.plugins["redirects"].config["redirect_maps"]),
        str(config.site_url or ""),
        _files_stamp(config),
    )
    rendered = {src: (page.content, page.meta) for src, page in pages.items()}
    last = _last.get((_site or "", lang))
    changed = None
    if _wanted and last is not None and last.structure == structure:
        changed = frozenset(src for src, page in rendered.items() if last.pages.get(src) != page)
    _plan = _Plan(lang, structure, rendered, changed)


def mark(files: Any) -> None:
    """Before MkDocs reads the pages (on_nav): a file is written if the plan says so.

    MkDocs asks `File.is_modified()` in a dirty build; the plan answers it, file by file."""
    if _plan is None:
        return
    changed = _plan.changed
    for file in files:
        # The theme's and the docs folder's own files are written by complete builds only:
        # the stamp in the structure makes any change to them a complete build.
        modified = changed is None or (_is_page(file) and file.src_uri in changed)
        answer_is_modified(file, modified)
    _plan.files = files


def _is_page(file: Any) -> bool:
    """A page or generated file of the edition's, as against the theme's own files."""
    return bool(file.is_documentation_page() or file.generated_by is not None)


def lend_anchors(files: Any) -> None:
    """Before MkDocs checks the links (on_env): pages it did not render get their anchors
    from the last build."""
    if _plan is None or _plan.changed is None:
        return
    last = _last.get((_site or "", _plan.lang))
    known = last.anchors if last is not None else {}
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.present_anchor_ids is None and file.src_uri in known:
            lend_anchor_ids(page, known[file.src_uri])


def finish() -> LanguageBuild:
    """After MkDocs succeeded: remember this build, and say what it wrote."""
    global _plan
    if _plan is None:
        return LanguageBuild(complete=True)
    key = (_site or "", _plan.lang)
    files = _plan.files or ()
    destinations = {f.src_uri: f.dest_uri for f in files if _is_page(f)}
    anchors = {
        f.src_uri: f.page.present_anchor_ids
        for f in files
        if f.is_documentation_page()
        and f.page is not None
        and f.page.present_anchor_ids is not None
    }
    current = _Built(_plan.structure, _plan.pages, destinations, anchors)
    last = _last.get(key)
    if _site is not None:
        _last[key] = current
    changed, _plan = _plan.changed, None
    if changed is None or last is None:
        return LanguageBuild(complete=True, written=len(current.pages))
    removed = sorted(
        last.destinations[src]
        for src in last.pages
        if src not in current.pages and src in last.destinations
    )
    return LanguageBuild(complete=False, removed=tuple(removed), written=len(changed))


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


class DirtyBuildNotice(logging.Filter):
    """MkDocs warns of every dirty build that its navigation may be stale. Here the plan makes
    every build whose navigation changed a full one, and strict mode would count the warning
    as a failure."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


def is_preview() -> bool:
    """Whether the language being built is the preview's (its live-reload script is inline, so
    its pages carry no Content-Security-Policy)."""
    return _site is not None
