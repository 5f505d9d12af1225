"""Building the site: every language into a fresh folder beside the target, swapped in only
when all succeeded; and the preview server, which keeps the last good site on a failed edit."""

from __future__ import annotations

import contextlib
import gc
import gzip
import json
import logging
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import ClassVar
from xml.etree import ElementTree

import watchdog.events
import watchdog.observers
import watchdog.observers.api

from edition.model import Edition
from edition.model.catalog import DOCS_DIR, load_edition
from edition.outputs.epub import EpubFailed, write_epubs
from edition.outputs.filefacts import fill_markers
from edition.outputs.pdf import PdfFailed, write_pdfs
from edition.problems import Severity
from edition.site import incremental as plans
from edition.site import session
from edition.site.csp import apply_policy
from edition.site.incremental import LanguageBuild
from edition.site.pages import language_settings, render_site
from edition.site.releases import ReleaseFailed, carry_over
from edition.site.sitefolder import clear_leftovers, swap_in
from edition.site.warmstart import PreviewCache, made_from, sources_status
from edition.urls import epub_path, language_prefixes, pdf_path

log = logging.getLogger("mkdocs.edition")
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


class BuildFailed(Exception):
    """MkDocs stopped; the previous site was not touched."""


def loaded_edition(root: Path) -> Edition:
    """The edition under `root`, as this process's builds load it (edition/site/session.py).
    Sources too broken to give one stop the build here, with every problem printed."""
    edition, problems = load_edition(root, session.SOURCES)
    if edition is None:
        for problem in problems.sorted():
            (log.warning if problem.severity is Severity.WARNING else log.error)(problem.format())
        raise BuildFailed(
            f"{len(problems.errors)} error(s) in the sources; nothing was built. "
            "Run 'python build_edition.py check' for the list."
        )
    return edition


def build_site(
    root_config: Path,
    site_dir: Path,
    site_url: str | None = None,
    *,
    preview: bool = False,
    listings_later: bool = False,
    pdf: bool = True,
    epub: bool = True,
) -> dict[str, LanguageBuild]:
    """Build every language with MkDocs (strict), each into a temporary sibling of `site_dir`,
    then put them in place. A failed or interrupted build leaves `site_dir` exactly as it was:
    the only changes to it come after every language has been built.

    In the preview a language may write only the pages an edit changed (incremental.py);
    those are merged into the served site file by file. `listings_later`: such a build
    leaves the files that list every record as they were (`render_site`).
    """
    from mkdocs.exceptions import MkDocsException

    # A preview's load for an edit, before its rebuild (which collects after).
    rebuilding = preview and site_dir in _current_previews
    if rebuilding and _workers is not None:
        # The translations' workers load the edited sources while this process does: each
        # load of thousands of records is a good part of an edit's time, and the worker's
        # build of its language would otherwise wait for this one's.
        with contextlib.suppress(BrokenProcessPool):  # reported when the build submits
            _workers.submit(_load_for_edit, str(root_config.parent))
    with (
        collector_paused(collect_after=False) if rebuilding else contextlib.nullcontext(),
        _timed("loading the sources"),
    ):
        edition = loaded_edition(root_config.parent)
    prefixes = language_prefixes(edition.languages)
    original = edition.original
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # What a killed build left behind is never served; clear it before starting anew.
    clear_leftovers(site_dir)
    preview_of = str(site_dir) if preview else None
    incremental = site_dir in _current_previews and (site_dir / "index.html").exists()
    _current_previews.discard(site_dir)  # until this build is in place
    folders = {
        lang: Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
        for lang in prefixes
    }
    try:
        # The original language's site_url is the site's address; none without one.
        base_url = site_url if site_url is not None else public_address(root_config.parent) or ""
        # The translations build in worker processes while this one builds the original:
        # the two cores of a small machine halve the build. Each language has a folder of its
        # own: a build's first step empties its folder.
        jobs = {
            lang: (
                str(root_config),
                str(root_config.parent / DOCS_DIR / lang),
                str(folders[lang]),
                base_url + prefix if base_url else "",
            )
            for lang, prefix in prefixes.items()
        }
        workers = _translation_workers(len(jobs) - 1)
        translations = {
            lang: workers.submit(build_language, *job, preview_of, incremental, listings_later)
            for lang, job in jobs.items()
            if lang != original
        }
        with _timed("MkDocs, every language"):
            built: dict[str, LanguageBuild] = {}
            try:
                built[original] = build_language(
                    *jobs[original], preview_of, incremental, listings_later
                )
            finally:
                built.update({lang: job.result() for lang, job in translations.items()})
        if built[original].complete:
            _assemble(
                root_config.parent,
                edition,
                site_dir,
                prefixes,
                folders,
                built,
                base_url or "",
                preview=preview,
                pdf=pdf,
                epub=epub,
            )
        else:
            _merge(site_dir, prefixes, folders, built, base_url or "")
    except (MkDocsException, SystemExit, PdfFailed, EpubFailed) as error:
        plans.forget(str(site_dir))
        raise BuildFailed(str(error) or "MkDocs reported problems (see above)") from error
    except BrokenProcessPool as error:
        plans.forget(str(site_dir))
        # A worker was killed (by the system, for memory, or by hand): the next build starts
        # new ones rather than the preview failing on every edit from now on.
        _stop_translation_workers()
        raise BuildFailed("the translation's worker process stopped; build again") from error
    finally:
        for folder in folders.values():
            shutil.rmtree(folder, ignore_errors=True)
    if preview:
        _current_previews.add(site_dir)
    return built


# Held while files of the served site are replaced: the preview's search index is made
# in a thread of its own (SearchIndexer).
_site_lock = threading.Lock()

# The preview sites that are what the language processes last built for them: only then
# may the next build write just what changed. A failed build takes its site out.
_current_previews: set[Path] = set()


def _assemble(
    root: Path,
    edition: Edition,
    site_dir: Path,
    prefixes: dict[str, str],
    folders: dict[str, Path],
    built: dict[str, LanguageBuild],
    base_url: str,
    *,
    preview: bool,
    pdf: bool,
    epub: bool,
) -> None:
    """The original language's folder becomes the site, the translations its subfolders; it
    replaces `site_dir` in two renames."""
    staging = folders[next(iter(prefixes))]
    for lang, prefix in prefixes.items():
        if prefix:
            if built[lang].complete:
                os.replace(folders[lang], staging / prefix)
            else:  # the served translation, with this build's changes
                shutil.copytree(site_dir / prefix, staging / prefix, symlinks=True)
                _merge_language(staging / prefix, folders[lang], built[lang])
    write_sitemap(staging, base_url, prefixes)
    if not preview:
        made: list[Path] = []
        if pdf:  # printing the whole edition is slow: not in the preview
            with _timed("PDF"):
                made += write_pdfs(edition, staging, base_url)
        if epub:
            with _timed("EPUB"):
                made += write_epubs(edition, staging, base_url)
        left_out = [pdf_path(edition, lang) for lang in prefixes if not pdf]
        left_out += [epub_path(edition, lang) for lang in prefixes if not epub]
        try:  # the Downloads page gives each book's size and SHA-256
            fill_markers(
                staging, [path.relative_to(staging).as_posix() for path in made], edition, left_out
            )
        except ValueError as error:
            raise BuildFailed(str(error)) from error
        with _timed("Content-Security-Policy"):
            apply_policy(staging)  # pages MkDocs did not render; the preview has no policy
        with _timed("Pagefind"):
            index_for_search(staging, prefixes)
        # After the index: the released versions are not searched with the current one.
        with _timed("Released versions"):
            try:
                carry_over(root, edition, staging)
            except ReleaseFailed as error:
                raise BuildFailed(str(error)) from error
    staging.chmod(0o755)
    with _site_lock:
        if preview and (site_dir / "pagefind").is_dir():  # until the next index is ready
            shutil.copytree(site_dir / "pagefind", staging / "pagefind")
        _swap_in(staging, site_dir)


_swap_in = swap_in


def _merge(
    site_dir: Path,
    prefixes: dict[str, str],
    folders: dict[str, Path],
    built: dict[str, LanguageBuild],
    base_url: str,
) -> None:
    """The preview's changed pages, moved one by one into the served site, and the sitemap
    made anew when the original's build wrote MkDocs' own (a record came or went)."""
    fresh_sitemap = any((folder / "sitemap.xml").is_file() for folder in folders.values())
    for lang, prefix in prefixes.items():
        target = site_dir / prefix if prefix else site_dir
        with _site_lock:
            if built[lang].complete:  # a translation whose navigation changed
                _swap_in(folders[lang], target)
            else:
                _merge_language(target, folders[lang], built[lang])
    if fresh_sitemap:
        with _site_lock:
            write_sitemap(site_dir, base_url, prefixes)
    log.info(
        "Files written: %s",
        ", ".join(f"{lang} {b.written}" for lang, b in built.items()),
    )


def _merge_language(target: Path, written: Path, build: LanguageBuild) -> None:
    for path in sorted(written.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(written)
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)
    for gone in build.removed:
        path = target / gone
        path.unlink(missing_ok=True)
        # A removed page's folder goes with it, as a full build would not make it.
        for folder in path.parents:
            if folder == target or not folder.is_dir() or any(folder.iterdir()):
                break
            folder.rmdir()


@contextlib.contextmanager
def _timed(step: str) -> Iterator[None]:
    """How long a step of the build took, for the log (shown by `serve`, and by `build -v`)."""
    started = time.perf_counter()
    yield
    log.info("%s: %.2f s", step, time.perf_counter() - started)


def build_language(
    config_file: str,
    docs_dir: str,
    site_dir: str,
    site_url: str,
    preview_of: str | None = None,
    incremental: bool = False,
    listings_later: bool = False,
) -> LanguageBuild:
    """One language's strict MkDocs build of `docs_dir` (docs/<language>, which tells the hook
    the language) into an empty folder. A preview's build is kept alive in this process for
    the site it is merged into (`preview_of`); `incremental`: the kept build may be rebuilt,
    writing only what changed since."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    if preview_of is not None and incremental:
        with collector_paused(collect_after=not listings_later):
            rebuilt = _rebuild_kept(
                Path(config_file).parent,
                Path(docs_dir).name,
                *(site_dir, site_url),
                preview_of,
                listings_later,
            )
        if rebuilt is not None:
            return rebuilt
    config = load_config(
        config_file=config_file,
        strict=True,
        docs_dir=docs_dir,
        site_dir=site_dir,
        site_url=site_url,
    )
    if preview_of is not None:
        gc.unfreeze()  # the build kept until now is replaced: its objects may go
    plans.start(preview_of=preview_of)
    build(config)
    finished = plans.finish()
    if preview_of is not None:
        # The kept build is a heap of millions of objects that live until the next full
        # build: frozen, the collector no longer walks them on every rebuild, which took
        # a large share of an edit's time at thousands of documents.
        gc.collect()
        gc.freeze()
    return finished


@contextlib.contextmanager
def collector_paused(*, collect_after: bool) -> Iterator[None]:
    """No collection of cyclic garbage during a preview's rebuild for an edit: at thousands
    of records each full collection walks every object not frozen (a tenth of a second at
    5,000), and one edit made several. `collect_after`: the garbage is collected at the end
    and what lives is frozen; the preview's rebuild that shows an edit leaves that to the
    build that follows it, off the way to the screen. What is frozen and later let go is
    freed when no cycle holds it, and all of it at the next full build (`gc.unfreeze`)."""
    if not gc.isenabled():  # paused by the caller
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        if collect_after:
            gc.collect()
            gc.freeze()


def _rebuild_kept(
    root: Path, lang: str, site_dir: str, site_url: str, preview_of: str, listings_later: bool
) -> LanguageBuild | None:
    """The preview's rebuild of its kept build of `lang`, writing only the pages the edit
    changed; None when a full build must do it (nothing kept, something every page shows
    changed, or sources with problems, which the full build reports)."""
    kept = session.PREVIEW_BUILDS.get((preview_of, lang))
    if kept is None or kept.config is None or kept.env is None:
        return None
    with _timed(f"loading the sources ({lang})"):
        edition, problems = load_edition(root, session.SOURCES)
    if edition is None or problems.errors or problems.warnings:
        return None
    with _timed(f"rendering {lang}"):
        pages = render_site(
            edition, lang, site_url, session.RENDERING, listings_later=listings_later
        )
    with _timed(f"MkDocs, the changed pages of {lang}"):
        return plans.rebuild(kept, preview_of, language_settings(edition, lang), pages, site_dir)


_workers: ProcessPoolExecutor | None = None


def _load_for_edit(root: str) -> None:
    """The sources loaded into this worker's memory, which its next build finds (problems
    are reported by that build, or by the other process's load)."""
    with collector_paused(collect_after=False), _timed("loading the sources, in a worker"):
        load_edition(Path(root), session.SOURCES)


def _translation_workers(count: int) -> ProcessPoolExecutor:
    """Worker processes kept for the life of this one, so that the preview's rebuilds find
    their templates compiled and their sources loaded. They are spawned afresh, not forked
    from this process, which may have threads (the preview server's)."""
    global _workers
    if _workers is None:
        context = multiprocessing.get_context("spawn")
        _workers = ProcessPoolExecutor(
            max_workers=max(count, 1),
            mp_context=context,
            initializer=_start_worker,
            initargs=(_message_level, os.getpid()),
        )
    return _workers


def _stop_translation_workers() -> None:
    global _workers
    if _workers is not None:
        _workers.shutdown(wait=False, cancel_futures=True)
        _workers = None


def _start_worker(message_level: int, parent: int) -> None:
    # A worker must not outlive the build that started it: killed halfway (SIGKILL), the build
    # would leave it writing into a folder the next build clears. The kernel stops it.
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL)
    # A build killed before the line above ran has no one to signal this worker: it stops.
    if os.getppid() != parent:
        os._exit(1)
    show_mkdocs_messages(message_level)


_message_level = logging.WARNING


def show_mkdocs_messages(level: int) -> None:
    """MkDocs' messages on standard error, as its own command line shows them."""
    global _message_level
    _message_level = level
    mkdocs_log = logging.getLogger("mkdocs")
    if any(getattr(h, "edition", False) for h in mkdocs_log.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(level)
    handler.edition = True  # type: ignore[attr-defined]
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(min(level, logging.INFO))


def index_for_search(
    site: Path, prefixes: dict[str, str], bundle: Path | None = None, *, background: bool = False
) -> None:
    """Pagefind's index, one per language (by <html lang>), and no lunr index besides.

    Each language is indexed by a run of its own: Pagefind holds every page it indexes in
    memory, and one run over 10,000 pages took 1.5 GiB. The runs write one bundle, by default
    the site's `pagefind/`; the languages of their entry files are merged.
    """
    for prefix in prefixes.values():
        shutil.rmtree(site / prefix / "search", ignore_errors=True)
    bundle = bundle or site / "pagefind"
    shutil.rmtree(bundle, ignore_errors=True)
    languages: dict[str, object] = {}
    entry_path = bundle / "pagefind-entry.json"
    for prefix in prefixes.values():
        # The preview's index waits for the cores: the next edit's build comes first.
        result = subprocess.run(
            [
                *(["nice", "-n", "19"] if background else []),
                sys.executable,
                "-m",
                "pagefind",
                "--site",
                str(site),
                "--output-path",
                str(bundle),
                "--glob",
                _pages_under(site, prefix, prefixes),
                "--quiet",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BuildFailed(f"Pagefind could not index the site: {result.stderr.strip()}")
        entry = json.loads(entry_path.read_text("utf-8"))
        languages.update(entry["languages"])
    entry["languages"] = languages
    # Sorted keys: a build must not depend on the order Pagefind lists languages in.
    entry_path.write_text(json.dumps(entry, sort_keys=True), "utf-8")


def _pages_under(site: Path, prefix: str, prefixes: dict[str, str]) -> str:
    """A Pagefind glob of one language's pages: its folder, or for the language at the root
    every top-level page and folder but the other languages' and Pagefind's own."""
    if prefix:
        return f"{prefix}**/*.html"
    others = {p.rstrip("/") for p in prefixes.values() if p} | {"pagefind"}
    parts = [
        f"{entry.name}/**/*.html" if entry.is_dir() else entry.name
        for entry in sorted(site.iterdir())
        if entry.name not in others and (entry.is_dir() or entry.suffix == ".html")
    ]
    return "{" + ",".join(parts) + "}"


def public_address(root: Path) -> str | None:
    """The edition's public address: EDITION_URL when set, else `address` in
    sources/edition.yaml; None when neither gives one (a local build names no address)."""
    from edition.model.catalog import load_info
    from edition.sources.hygiene import web_address_problem

    given = os.environ.get("EDITION_URL", "")
    if given:
        problem = web_address_problem(given)
        if problem is not None:
            raise BuildFailed(f"EDITION_URL '{given}': {problem}")
        return given if given.endswith("/") else given + "/"
    info = load_info(root, session.SOURCES)
    return info.address if info is not None else None


def write_sitemap(site: Path, base_url: str, prefixes: dict[str, str]) -> None:
    """One sitemap for all languages, each page with its twins as hreflang alternates; none
    without a public address, since a sitemap names pages by their absolute URLs."""
    if not base_url:
        for prefix in prefixes.values():
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (site / prefix / name).unlink(missing_ok=True)
        return
    tree = ElementTree.parse(site / "sitemap.xml")
    # The original's pages: MkDocs' sitemap of them, or this one made before (the preview's
    # rebuilds make it again from it), whose translations' entries are left out.
    translations = tuple(prefix for prefix in prefixes.values() if prefix)
    paths = sorted(
        {
            path
            for loc in tree.iter(f"{{{SITEMAP_NS}}}loc")
            if loc.text is not None
            and not (path := loc.text.removeprefix(base_url)).startswith(translations)
        }
    )
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for path in paths:
        for prefix in prefixes.values():
            url = ElementTree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = base_url + prefix + path
            for other, other_prefix in prefixes.items():
                ElementTree.SubElement(
                    url,
                    f"{{{XHTML_NS}}}link",
                    {"rel": "alternate", "hreflang": other, "href": base_url + other_prefix + path},
                )
    data = ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True)
    (site / "sitemap.xml").write_bytes(data)
    with gzip.GzipFile(site / "sitemap.xml.gz", "wb", mtime=0) as compressed:
        compressed.write(data)
    # The translations' own sitemaps (with MkDocs' build dates) are covered by this one.
    for prefix in prefixes.values():
        if prefix:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (site / prefix / name).unlink(missing_ok=True)


def serve(root_config: Path, dev_addr: str) -> None:
    """Preview at dev_addr with live reload. After the first build, an edit writes only the
    pages it changed; a build with problems prints them and the last good site stays served.
    The search index follows a moment later, made in the background. Started again on
    sources unchanged since it was last stopped, it serves the site it kept at once
    (warmstart.py)."""
    import signal

    from mkdocs.livereload import LiveReloadServer

    host, _, port = dev_addr.rpartition(":")
    preview = Preview(root_config)
    # Stopped by its terminal or a process manager, it keeps its site as after Ctrl-C. Python
    # leaves Ctrl-C ignored in a process started with it ignored (a shell script's job run
    # with '&'), where the preview would not stop on it at all.
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, signal.default_int_handler)
    server = LiveReloadServer(
        builder=preview.build,
        host=host,
        port=int(port),
        root=str(preview.site),
        polling_interval=0.1,  # used only where the system gives no notifications
    )
    server.observer = ChangesObserver()
    # Notified at once, a save's events come within milliseconds of each other: a build
    # starts after 30 ms without one, where MkDocs waits 100 ms for its polling.
    server.build_delay = 0.03
    try:
        preview.start()
        root = root_config.parent
        for watched in ("docs", "sources", root_config.name):
            server.watch(str(root / watched))
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        preview.stop()


class ChangesObserver(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
    """Watchdog's observer of the system's notifications (inotify on Linux, polling only
    where there are none), for the preview server in place of MkDocs' polling observer. That
    one takes every file's status ten times a second: with thousands of records, 60% of a
    core while the editor does nothing, and a fifth of a second before an edit is seen. It
    is told of changes only, not of the build's reading of the sources."""

    CHANGES: ClassVar[list[type[watchdog.events.FileSystemEvent]]] = [
        watchdog.events.FileCreatedEvent,
        watchdog.events.FileModifiedEvent,
        watchdog.events.FileClosedEvent,
        watchdog.events.FileAttribEvent,
        watchdog.events.FileDeletedEvent,
        watchdog.events.FileMovedEvent,
        watchdog.events.DirCreatedEvent,
        watchdog.events.DirDeletedEvent,
        watchdog.events.DirMovedEvent,
        # The system's queue overflowed: what changed is unknown, so build.
        watchdog.events.EventsLostEvent,
    ]

    def schedule(
        self,
        event_handler: watchdog.events.FileSystemEventHandler,
        path: str | Path,
        *,
        recursive: bool = False,
        event_filter: list[type[watchdog.events.FileSystemEvent]] | None = None,
        follow_symlink: bool = False,
    ) -> watchdog.observers.api.ObservedWatch:
        watch: watchdog.observers.api.ObservedWatch = super().schedule(
            event_handler,
            path,
            recursive=recursive,
            event_filter=self.CHANGES if event_filter is None else event_filter,
            follow_symlink=follow_symlink,
        )
        return watch


# An edit's build leaves the files that list every record as they were; they are made once
# the sources have rested this many seconds after it. An editor's next save often comes
# within seconds (a slip mended), and it would otherwise wait behind that build: a second or
# more at thousands of records, longer than its own.
LISTINGS_AFTER = 2.0


class Preview:
    """The preview's builds of the edition of `root_config` into the site it serves, kept in
    the project (warmstart.py) for the next start."""

    def __init__(self, root_config: Path, listings_after: float = LISTINGS_AFTER) -> None:
        self._config = root_config
        self._root = root_config.parent
        self._cache = PreviewCache(self._root)
        self.site = self._cache.site
        self._search = SearchIndexer(self.site)
        self._building = threading.Lock()
        # The sources' status when the served site was made from them, if no source changed
        # while it was built: the site may then be kept for the next start.
        self._built_from: tuple[tuple[str, int, int, int], ...] | None = None
        self._warm_up: threading.Thread | None = None
        # When the listings are to be made (time.monotonic()), None when they are current;
        # `_hurry`: at once, for `ready` and `stop`.
        self._listings = threading.Condition()
        self._listings_due: float | None = None
        self._listings_after = listings_after
        self._listings_busy = False
        self._hurry = False
        self._stopping = False
        self._lister = threading.Thread(target=self._make_listings, name="listings", daemon=True)
        self._lister.start()

    def start(self) -> bool:
        """Serve the kept site if it was made from these very sources, making the builds an
        edit needs in the background; else build the site. True for a warm start."""
        started = time.perf_counter()
        if self._cache.take(made_from(self._root, self._site_url())):
            log.info(
                "Serving the site kept from the last preview (%.2f s): the sources are "
                "unchanged; the builds for edits are made in the background",
                time.perf_counter() - started,
            )
            self._warm_up = threading.Thread(target=self.build, name="warm-up", daemon=True)
            self._warm_up.start()
            return True
        shutil.rmtree(self.site, ignore_errors=True)
        self.site.mkdir(parents=True)
        self.build()
        return False

    def build(self) -> None:
        """Build the site anew, or only what an edit changed; a failed build is reported and
        the last good site stays served. After an edit, the files that list every record
        (the data files and the Downloads page) are brought up to date by a second build,
        `listings_after` seconds after the last edit (`_make_listings`): they are on no
        edited page's way to the editor's screen."""
        with self._building:
            started = time.perf_counter()
            log.info("Building the edition...")
            built = None
            try:
                built = self._built(listings_later=True)
            finally:
                whole = built is not None and all(b.complete for b in built.values())
                # None are due after a failed build (the build that mends it makes them) or one
                # stopped halfway by Ctrl-C (the next is a full build; the preview is stopping).
                with self._listings:
                    due = time.monotonic() + self._listings_after
                    self._listings_due = None if built is None or whole else due
                    self._listings.notify_all()
            if built is not None:
                log.info("Edition built in %.2f s", time.perf_counter() - started)
            if whole:
                self._search.request(language_prefixes(loaded_edition(self._root).languages))

    def _make_listings(self) -> None:
        """The listings' builds, each when it is due, until the preview stops."""
        while True:
            with self._listings:
                while not self._listings_ready():
                    if self._stopping and self._listings_due is None:
                        return
                    due = self._listings_due
                    self._listings.wait(None if due is None else due - time.monotonic())
            with self._building:
                with self._listings:
                    if not self._listings_ready():  # an edit's build came first
                        continue
                    self._listings_due, self._listings_busy = None, True
                try:
                    started = time.perf_counter()
                    if self._built(listings_later=False) is not None:
                        log.info(
                            "The files that list every record: up to date in %.2f s",
                            time.perf_counter() - started,
                        )
                        self._search.request(
                            language_prefixes(loaded_edition(self._root).languages)
                        )
                finally:
                    with self._listings:
                        self._listings_busy = False
                        self._listings.notify_all()

    def _listings_ready(self) -> bool:
        """Whether the listings are due now (called holding `_listings`)."""
        due = self._listings_due
        return due is not None and (self._hurry or due <= time.monotonic())

    def _built(self, *, listings_later: bool) -> dict[str, LanguageBuild] | None:
        """One build into the served site, and whether the site is then whole and made from
        sources unchanged during it (`_built_from`); None for a failed build."""
        before = sources_status(self._root)
        try:
            built = build_site(self._config, self.site, preview=True, listings_later=listings_later)
        except BuildFailed as error:
            self._built_from = None
            log.error("%s; still serving the last good site", error)
            return None
        whole = not listings_later or all(language.complete for language in built.values())
        # Not whole, the site is not kept whatever changed: the sources are not read again.
        self._built_from = before if whole and sources_status(self._root) == before else None
        return built

    def ready(self) -> None:
        """Wait until the site is whole: the warm-up build done (an edit is then built as on
        a cold start), and the files listing every record made after the last edit, at once
        rather than when due."""
        if self._warm_up is not None:
            self._warm_up.join()
        with self._listings:
            self._hurry = True
            self._listings.notify_all()
            while self._listings_due is not None or self._listings_busy:
                self._listings.wait()
            self._hurry = False

    def stop(self) -> None:
        """Stop, keeping the site for the next start if it is whole: no build unfinished or
        failed, no source changed since, the search index made from it. Listings still due
        are made first, a moment's work; the warm-up is not waited for."""
        with self._listings:
            self._stopping = self._hurry = True
            self._listings.notify_all()
        self._lister.join()
        self._search.stop()
        if not self._building.acquire(blocking=False):
            return
        try:
            if (
                self._built_from is not None
                and self._built_from == sources_status(self._root)
                and self._search.current
            ):
                self._cache.keep(made_from(self._root, self._site_url()))
                log.info("The site is kept for the next preview")
        finally:
            self._building.release()

    def _site_url(self) -> str:
        return public_address(self._root) or ""


class SearchIndexer:
    """The preview's search index, made in a thread of its own after each build, so that an
    edit shows without waiting for Pagefind. Requests made while it runs are served by one
    more run; the new bundle replaces the old one in two renames."""

    def __init__(self, site: Path) -> None:
        self._site = site
        self._prefixes: dict[str, str] = {}
        self._wanted = threading.Event()
        self._stopping = False
        self._requested = 0  # requests made, and the last one whose index is in place
        self._indexed = 0
        self._thread = threading.Thread(target=self._run, name="search-index", daemon=True)
        self._thread.start()

    def request(self, prefixes: dict[str, str]) -> None:
        """Index the site's languages (`prefixes`, as the build that asks served them)."""
        self._prefixes = prefixes
        self._requested += 1
        self._wanted.set()

    def stop(self) -> None:
        """Stop once the index asked for last is in place (Ctrl-C again: at once)."""
        if self._indexed != self._requested:
            log.info("Finishing the search index, for the next start...")
        self._stopping = True
        self._wanted.set()
        self._thread.join()

    @property
    def current(self) -> bool:
        """Whether the index in place was made after the last request, nothing running."""
        return not self._thread.is_alive() and self._indexed == self._requested

    def _run(self) -> None:
        while True:
            # Stopping, a last request is still served: the kept site needs its index.
            if not self._stopping:
                self._wanted.wait()
            self._wanted.clear()
            requested = self._requested
            if requested == self._indexed:
                if self._stopping:
                    return
                continue
            bundle = self._site.parent / ".pagefind-new"
            try:
                index_for_search(self._site, self._prefixes, bundle, background=True)
            except (BuildFailed, OSError) as error:
                log.warning("The search index was not updated: %s", error)
                if self._stopping:
                    return
                continue
            with _site_lock:
                _swap_in(bundle, self._site / "pagefind")
            self._indexed = requested
            log.info("Search index updated")
