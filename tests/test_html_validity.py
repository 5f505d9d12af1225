"""The Nu Html Checker (npm vnu-jar, pinned; run with the machine's Java) finds no error in
any built page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(site: Path) -> None:
    assert VNU.is_file(), "make test installs vnu-jar with npm ci"
    java = shutil.which("java")
    assert java, "make test installs a Java runtime"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "gnu", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line.replace(str(site), "") for line in result.stderr.splitlines() if line]
    assert errors == []
    assert result.returncode == 0
    assert len(list(site.rglob("*.html"))) > 40  # both languages, every page kind
