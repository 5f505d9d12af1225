"""What the preview keeps between its runs, so that it starts warm.

A preview stopped as the editor stops it (Ctrl-C) leaves the site it served in
`.cache/preview/site` and, beside it, a stamp: a digest of everything the site was made from
(every source file's bytes, the project's MkDocs files, the engine's own files, the
installed packages and their versions, the site's address) and the size and time of every
file of the site. The next preview serves that site at once when the stamp's digest is the
sources' and every file of the site is as it was left, and makes the builds it keeps for
edits in the background; otherwise the site is built anew, as on a first start. The stamp
is taken away as a preview starts, so a preview that is killed, or one stopped while a
build or the search index was unfinished, leaves nothing that the next one would trust.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
from dataclasses import dataclass
from pathlib import Path

import edition as engine
from edition.model.catalog import source_files
from edition.sources.releases import releasing

CACHE_FOLDER = Path(".cache") / "preview"
# Raised when what a stamp records, or how, changes: an older stamp is then not trusted.
STAMP_FORMAT = 1

SiteFiles = dict[str, list[int]]


def project_files(root: Path) -> list[Path]:
    """The project's files a site is made from besides the engine: the sources, the MkDocs
    configuration and the theme's overrides."""
    overrides = sorted(p for p in (root / "docs" / "overrides").rglob("*") if p.is_file())
    return [root / "mkdocs.yml", *overrides, *source_files(root)]


def engine_files() -> list[Path]:
    package = Path(engine.__file__).parent
    return sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def made_from(root: Path, site_url: str) -> str:
    """The digest of everything the preview's site of `root` is made from."""
    digest = hashlib.sha256()

    def add(*parts: str | bytes) -> None:
        for part in parts:
            data = part.encode("utf-8") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big") + data)

    add(str(STAMP_FORMAT), site_url, releasing())
    for name, version in sorted(
        (d.metadata["Name"] or "", d.version) for d in importlib.metadata.distributions()
    ):
        add(name, version)
    package = Path(engine.__file__).parent
    for path in engine_files():
        add(path.relative_to(package).as_posix(), path.read_bytes())
    for path in project_files(root):
        add(path.relative_to(root).as_posix(), path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


def site_files(site: Path) -> SiteFiles:
    """Every file of the site with its size and modification time, by path."""
    found: SiteFiles = {}
    _add_files(str(site), "", found)
    return dict(sorted(found.items()))


def _add_files(folder: str, prefix: str, found: SiteFiles) -> None:
    # Directory entries and plain strings: the site of thousands of records has tens of
    # thousands of files, and the warm start looks at every one.
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                _add_files(entry.path, f"{prefix}{entry.name}/", found)
            else:
                status = entry.stat()
                found[prefix + entry.name] = [status.st_size, status.st_mtime_ns]


@dataclass(frozen=True)
class PreviewCache:
    """The preview's kept site of the edition at `root`, and its stamp."""

    root: Path

    @property
    def site(self) -> Path:
        return self.root / CACHE_FOLDER / "site"

    @property
    def stamp(self) -> Path:
        return self.root / CACHE_FOLDER / "stamp.json"

    def take(self, digest: str) -> bool:
        """Whether the kept site may be served as it is: its stamp names `digest` and every
        file of the site is as the stamp records it. The stamp is gone afterwards either way:
        the site is about to change."""
        try:
            stamp = json.loads(self.stamp.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stamp = None
        self.stamp.unlink(missing_ok=True)
        return (
            isinstance(stamp, dict)
            and stamp.get("format") == STAMP_FORMAT
            and stamp.get("made_from") == digest
            and self.site.is_dir()
            and stamp.get("files") == site_files(self.site)
        )

    def keep(self, digest: str) -> None:
        """Stamp the site as made from `digest`, for the next preview."""
        stamp = {"format": STAMP_FORMAT, "made_from": digest, "files": site_files(self.site)}
        written = self.stamp.with_suffix(".json.new")
        written.write_text(json.dumps(stamp, separators=(",", ":")), encoding="utf-8")
        os.replace(written, self.stamp)


def sources_status(root: Path) -> tuple[tuple[str, int, int, int], ...]:
    """What a change to a file the site is made from changes: each one's times and size."""
    status = []
    for path in project_files(root):
        try:
            found = path.stat()
        except FileNotFoundError:
            status.append((str(path), -1, -1, -1))
            continue
        status.append((str(path), found.st_mtime_ns, found.st_ctime_ns, found.st_size))
    return tuple(status)
