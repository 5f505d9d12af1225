"""Building the site atomically: into a fresh folder beside the target, swapped in on success."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class BuildFailed(Exception):
    """MkDocs stopped; the previous site was not touched."""


def build_site(config_file: Path, site_dir: Path) -> None:
    """Build with MkDocs (strict) into a temporary sibling of `site_dir`, then swap it in.

    A failed or interrupted build leaves `site_dir` exactly as it was: the only changes to
    it are two renames after MkDocs has finished.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        config = load_config(config_file=str(config_file), site_dir=str(staging), strict=True)
        build(config)
    except (MkDocsException, SystemExit) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(error) or "MkDocs reported problems (see above)") from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    staging.chmod(0o755)
    retired = None
    if site_dir.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        os.rmdir(retired)
        os.replace(site_dir, retired)
    os.replace(staging, site_dir)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)
