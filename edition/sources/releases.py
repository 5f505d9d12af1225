"""The release store, `releases/<version>/`: each released version's site as an archive, its
manifest and the snapshot of its texts. Read here, with every problem at its file and line;
written only by `build_edition.py release` (edition/site/releases.py).

A version being released is announced to the build's processes (the translation's worker
among them) by the environment, as the public address is: its pages then name their own
frozen copy, which exists once the release has finished.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from edition.model import Origin, Release, Version
from edition.problems import Problems

RELEASES_DIR = "releases"
MANIFEST = "release.json"
SNAPSHOT = "snapshot.json"
ARCHIVE = "site.tar.gz"
RELEASING = "EDITION_RELEASING"  # the version `release` is building, for the build's processes
MANIFEST_FORMAT = 1
MANIFEST_FIELDS = ("format", "version", "date", "archive_sha256", "snapshot_sha256", "files")


def manifest_files(root: Path) -> list[Path]:
    """The manifests and snapshots of the store: sources of the edition like any other (a
    folder whose name starts with a dot is a release being made, never read)."""
    store = root / RELEASES_DIR
    if not store.is_dir():
        return []
    return [
        path
        for folder in sorted(store.iterdir())
        if folder.is_dir() and not folder.name.startswith(".")
        for path in (folder / MANIFEST, folder / SNAPSHOT)
    ]


def releasing() -> str:
    return os.environ.get(RELEASING, "")


def _json(path: Path, relative: str, problems: Problems) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        problems.error(
            Origin(relative, 1),
            "missing: a release folder holds its manifest, "
            f"{SNAPSHOT} and {ARCHIVE}; restore it from version control",
        )
    except UnicodeDecodeError:
        problems.error(Origin(relative, 1), "not UTF-8: the file is damaged; restore it")
    except json.JSONDecodeError as error:
        problems.error(
            Origin(relative, error.lineno),
            f"not JSON ({error.msg}): the file is damaged; restore it from version control",
        )
    return None


def load_releases(
    root: Path, versions: tuple[Version, ...], edition_file: str, problems: Problems
) -> tuple[Release, ...]:
    """The released versions, newest first, each checked against its entry in
    sources/edition.yaml (`edition_file`); and the version being released, if any."""
    listed = {version.version: version for version in versions}
    found: dict[str, Release] = {}
    store = root / RELEASES_DIR
    folders = sorted(p for p in store.iterdir() if p.is_dir()) if store.is_dir() else []
    for folder in folders:
        if folder.name.startswith("."):
            continue
        relative = f"{RELEASES_DIR}/{folder.name}/{MANIFEST}"
        manifest = _json(folder / MANIFEST, relative, problems)
        if manifest is None:
            continue
        origin = Origin(relative, 1)
        if not isinstance(manifest, dict) or any(name not in manifest for name in MANIFEST_FIELDS):
            problems.error(origin, f"a manifest has the fields {', '.join(MANIFEST_FIELDS)}")
            continue
        if manifest["format"] != MANIFEST_FORMAT or manifest["version"] != folder.name:
            problems.error(
                origin,
                f"the manifest of {folder.name} says version {manifest['version']} in format "
                f"{manifest['format']}; the engine reads format {MANIFEST_FORMAT}",
            )
            continue
        entry = listed.get(folder.name)
        if entry is None:
            problems.error(
                origin,
                f"version {folder.name} was released but is not listed under 'versions' in "
                f"{edition_file}: a released version stays listed",
            )
            continue
        if entry.date != manifest["date"]:
            problems.error(
                entry.origin,
                f"version {entry.version} was released on {manifest['date']} ({relative}); "
                "a released version's date does not change",
            )
            continue
        snapshot_relative = f"{RELEASES_DIR}/{folder.name}/{SNAPSHOT}"
        snapshot = _json(folder / SNAPSHOT, snapshot_relative, problems)
        if not isinstance(snapshot, dict) or "languages" not in snapshot:
            if snapshot is not None:
                problems.error(Origin(snapshot_relative, 1), "not a snapshot of the edition")
            continue
        found[folder.name] = Release(
            version=folder.name,
            date=entry.date,
            archive=f"{RELEASES_DIR}/{folder.name}/{ARCHIVE}",
            archive_sha256=str(manifest["archive_sha256"]),
            origin=origin,
            snapshot=snapshot,
        )
    pending = releasing()
    if pending and pending in listed and pending not in found:
        entry = listed[pending]
        found[pending] = Release(pending, entry.date, "", "", entry.origin, None)
    return tuple(found[v.version] for v in versions if v.version in found)
