"""Releasing a version, and carrying the released ones into every build.

A release builds the site as published, takes a copy of it (without the copies of earlier
versions, the sitemap or anything outside the version itself), puts the banner of a frozen
copy on each of its pages, and keeps it in `releases/<version>/` as a compressed archive (the
same bytes for the same site), beside a manifest with its SHA-256 and a snapshot of what its
documents and chapters said. Every later build unpacks each kept archive, unchanged, at
/<releases>/<version>/: a version's pages are the bytes it was released with, whatever the
engine has become since, and building the current site never builds an old version again.

The store is changed by one rename, at the end: a release that fails leaves it as it was.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import os
import posixpath
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from edition import urls
from edition.model import Edition, Release
from edition.outputs.snapshot import snapshot_bytes
from edition.render.changes import frozen_banner
from edition.sources.releases import (
    ARCHIVE,
    MANIFEST,
    MANIFEST_FORMAT,
    RELEASES_DIR,
    RELEASING,
    SNAPSHOT,
)

# Where the banner goes: the start of the page's article, in Material's layout.
ARTICLE = '<article class="md-content__inner md-typeset">'
ROBOTS = '<meta name="robots" content="noindex">'
CHARSET = '<meta charset="utf-8">'


class ReleaseFailed(Exception):
    """A release that could not be made; the store is as it was."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verified_archive(root: Path, release: Release) -> Path:
    """A kept release's archive, checked against its manifest: a damaged or missing one is
    never served."""
    path = root / release.archive
    if not path.is_file():
        raise ReleaseFailed(
            f"{release.archive}: missing; the frozen copy of version {release.version} is kept "
            "there (restore it from version control)"
        )
    found = sha256_of(path)
    if found != release.archive_sha256:
        raise ReleaseFailed(
            f"{release.archive}: damaged (SHA-256 {found[:12]}…, its manifest "
            f"{release.origin.path} says {release.archive_sha256[:12]}…); restore it from "
            "version control"
        )
    return path


def carry_over(root: Path, edition: Edition, site: Path) -> int:
    """Unpack every kept version's archive into `site` at /<releases>/<version>/, as it was
    released. Returns how many files were written."""
    count = 0
    for release in edition.releases:
        if release.pending:
            continue
        archive = verified_archive(root, release)
        target = site / edition.paths.frozen_path(release.version)
        if target.exists():
            raise ReleaseFailed(f"{target}: the site already has a page at a frozen copy's path")
        target.mkdir(parents=True)
        with tarfile.open(archive, "r:gz") as tar:
            members = tar.getmembers()
            tar.extractall(target, filter="data")
        count += sum(1 for member in members if member.isfile())
    return count


def _frozen_page(
    html: str, relative: str, edition: Edition, version: str, date: str, prefixes: dict[str, str]
) -> str:
    """A built page as its frozen copy serves it: not indexed by search engines, and the
    banner at the start of its article (pages without one, such as redirects, are left)."""
    if ARTICLE not in html:
        return html
    folder, name = posixpath.split(relative)
    folder = f"{folder}/" if folder else ""
    lang = next(
        (code for code, prefix in prefixes.items() if prefix and folder.startswith(prefix)),
        edition.original,
    )
    here = edition.paths.frozen_path(version, folder)
    current = urls.relative_url(here, folder) + ("" if name == "index.html" else name)
    changelog = urls.relative_url(here, prefixes[lang] + urls.src_to_url(edition.paths.changelog))
    releases = urls.relative_url(here, edition.paths.releases)
    versions_list = releases + posixpath.basename(edition.paths.versions_list)
    banner = frozen_banner(lang, version, date, current, changelog, versions_list)
    html = html.replace(ARTICLE, ARTICLE + banner, 1)
    anchor = CHARSET if CHARSET in html else "<head>"
    return html.replace(anchor, f"{anchor}\n  {ROBOTS}", 1)


def freeze(site: Path, frozen: Path, edition: Edition) -> None:
    """The built `site` copied to `frozen` as the current version's frozen copy."""
    version, date = edition.info.version, edition.info.date
    prefixes = urls.language_prefixes(edition.languages)
    # Not the version itself: the other versions' copies (and the current list of versions
    # beside them), and the sitemap, which names the current pages.
    left_out = {edition.paths.releases} | {
        f"{prefix}{name}"
        for prefix in prefixes.values()
        for name in ("sitemap.xml", "sitemap.xml.gz")
    }
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if relative.split("/")[0] in left_out or relative in left_out:
            continue
        destination = frozen / relative
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        elif path.suffix == ".html":
            destination.parent.mkdir(parents=True, exist_ok=True)
            html = path.read_text("utf-8")
            destination.write_text(
                _frozen_page(html, relative, edition, version, date, prefixes), "utf-8"
            )
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)


def pack(folder: Path, archive: Path, date: str) -> int:
    """`folder` as a gzipped tar: entries sorted, dated the version's date, one owner and
    set of permissions, so that the same site gives the same bytes. Returns the file count."""
    stamp = int(datetime.fromisoformat(date).replace(tzinfo=UTC).timestamp())
    count = 0
    with (
        archive.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as compressed,
        tarfile.open(fileobj=compressed, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for path in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix()):
            info = tarfile.TarInfo(path.relative_to(folder).as_posix())
            info.mtime, info.uid, info.gid, info.uname, info.gname = stamp, 0, 0, "", ""
            if path.is_dir():
                info.type, info.mode = tarfile.DIRTYPE, 0o755
                tar.addfile(info)
                continue
            data = path.read_bytes()
            info.size, info.mode = len(data), 0o644
            tar.addfile(info, io.BytesIO(data))
            count += 1
    return count


@contextlib.contextmanager
def releasing(version: str) -> Iterator[None]:
    """The build's processes (the translation's worker among them) told which version is
    being released, for the length of the release."""
    before = os.environ.get(RELEASING)
    os.environ[RELEASING] = version
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(RELEASING, None)
        else:
            os.environ[RELEASING] = before


def write_release(root: Path, edition: Edition, site: Path) -> Path:
    """The current version's frozen copy of the built `site`, its snapshot and manifest, in
    releases/<version>/, which appears in one rename when all of it is written."""
    version = edition.info.version
    store = root / RELEASES_DIR
    store.mkdir(exist_ok=True)
    final = store / version
    work = Path(tempfile.mkdtemp(prefix=f".{version}-new-", dir=store))
    try:
        frozen = work / "frozen"
        freeze(site, frozen, edition)
        target = work / version
        target.mkdir()
        files = pack(frozen, target / ARCHIVE, edition.info.date)
        (target / SNAPSHOT).write_bytes(snapshot_bytes(edition))
        manifest = {
            "format": MANIFEST_FORMAT,
            "version": version,
            "date": edition.info.date,
            "archive_sha256": sha256_of(target / ARCHIVE),
            "snapshot_sha256": sha256_of(target / SNAPSHOT),
            "files": files,
        }
        (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
        if final.exists():
            raise ReleaseFailed(f"{RELEASES_DIR}/{version}/ exists: version {version} is released")
        os.rename(target, final)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return final


def release_problem(root: Path, edition: Edition, version: str | None) -> str | None:
    """Why `version` (by default the current one) cannot be released now, or None."""
    current = edition.info.versions[0]
    wanted = version or current.version
    origin = str(current.origin)
    listed = {v.version: v for v in edition.info.versions}
    if wanted not in listed:
        return (
            f"{origin}: version {wanted} is not listed under 'versions'; add it, newest first, "
            "with its date and changes, then release it"
        )
    if (root / RELEASES_DIR / wanted).exists():
        return (
            f"{RELEASES_DIR}/{wanted}/: version {wanted} is released already; a released "
            "version is never made again (add a new version to release the changes)"
        )
    if wanted != current.version:
        entry = listed[wanted]
        return (
            f"{entry.origin}: version {wanted} is not the current "
            f"version ({current.version}, the first under 'versions'): only the current "
            "version can be released, as it is built now"
        )
    return None
