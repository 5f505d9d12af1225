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

log = logging.getLogger("mkdocs.edition")


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


@dataclass
class _Plan:
    lang: str
    built: _Built
    changed: frozenset[str] | None  # None: write everything
    files: Any = None  # MkDocs' files of the build, once known


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
        str(config.site_url),
        _files_stamp(config),
    )
    rendered = {src: (page.content, page.meta) for src, page in pages.items()}
    built = _Built(structure, rendered, {})
    last = _last.get((_site or "", lang))
    if not _wanted or last is None or last.structure != structure:
        _plan = _Plan(lang, built, None)
        return
    changed = frozenset(src for src, page in rendered.items() if last.pages.get(src) != page)
    _plan = _Plan(lang, built, changed)


def mark(files: Any) -> None:
    """Before MkDocs reads the pages (on_nav): a file is written if the plan says so.

    MkDocs asks `File.is_modified()` in a dirty build; the plan answers it, file by file."""
    if _plan is None:
        return
    changed = _plan.changed
    destinations = {}
    for file in files:
        if file.is_documentation_page() or file.generated_by is not None:
            destinations[file.src_uri] = file.dest_uri
            modified = changed is None or file.src_uri in changed
        else:  # the theme's and the docs folder's own files: unchanged if the stamp is
            modified = changed is None
        file.is_modified = _answer(modified)
    _plan.built = _Built(_plan.built.structure, _plan.built.pages, destinations)
    _plan.files = files


def _answer(value: bool) -> Any:
    return lambda: value


# The anchors of every page of each preview's last build, so that a link from a page that
# changed to one that did not is checked as a full build checks it: MkDocs knows the anchors
# of the pages it rendered only.
_anchors: dict[tuple[str, str], dict[str, set[str]]] = {}


def lend_anchors(files: Any) -> None:
    """Before MkDocs checks the links (on_env): pages it did not render get their anchors
    from the last build."""
    if _plan is None or _plan.changed is None:
        return
    known = _anchors.get((_site or "", _plan.lang), {})
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.present_anchor_ids is None and file.src_uri in known:
            page.present_anchor_ids = known[file.src_uri]


def _keep_anchors(plan: _Plan) -> None:
    if _site is None or plan.files is None:
        return
    _anchors[(_site, plan.lang)] = {
        file.src_uri: file.page.present_anchor_ids
        for file in plan.files.documentation_pages()
        if file.page is not None and file.page.present_anchor_ids is not None
    }


def finish() -> LanguageBuild:
    """After MkDocs succeeded: remember this build, and say what it wrote."""
    global _plan
    if _plan is None:
        return LanguageBuild(complete=True)
    key = (_site or "", _plan.lang)
    current, last = _plan.built, _last.get(key)
    if _site is not None:
        _last[key] = current
    _keep_anchors(_plan)
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
