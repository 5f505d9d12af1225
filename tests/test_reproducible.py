"""Two builds of the same sources, in two processes, give byte-identical sites, whatever the
clock says and however Python seeds its hashes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PUBLIC_ADDRESS, copy_project


def digest(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def build_in_a_new_process(project: Path, epoch: int, hash_seed: int) -> None:
    environment = {
        **os.environ,
        "SOURCE_DATE_EPOCH": str(epoch),
        "PYTHONHASHSEED": str(hash_seed),
        "EDITION_URL": PUBLIC_ADDRESS,  # as published, with its sitemap
    }
    subprocess.run(
        [sys.executable, str(project / "build_edition.py"), "build"],
        env=environment,
        check=True,
        capture_output=True,
    )


def test_two_builds_in_two_processes_are_byte_identical(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    one, two = copy_project(tmp_path / "one"), copy_project(tmp_path / "two")
    build_in_a_new_process(one, epoch=0, hash_seed=1)
    build_in_a_new_process(two, epoch=2_000_000_000, hash_seed=2)
    first, second = digest(one / "site"), digest(two / "site")
    assert len(first) > 100
    assert "sitemap.xml" in first and "pagefind/pagefind-entry.json" in first
    assert "pdf/korkmaz-edisyon-tr.pdf" in first and "en/pdf/korkmaz-edisyon-en.pdf" in first
    assert "epub/korkmaz-edisyon-tr.epub" in first and "en/epub/korkmaz-edisyon-en.epub" in first
    differing = sorted(
        name for name in first.keys() | second.keys() if first.get(name) != second.get(name)
    )
    assert differing == []
