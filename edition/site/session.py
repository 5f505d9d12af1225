"""What one process remembers from one build to the next: the preview's, which builds after
every edit. Everything else is made anew by each build and passed along explicitly; these
are handed to the loader and the renderers by the build's glue (the MkDocs hook, publish.py)
and are the only memory the stages share across builds. A one-off build gains nothing from
them and loses nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from edition.memo import RenderMemory
from edition.model.catalog import SourceMemory

if TYPE_CHECKING:
    from edition.site.incremental import KeptBuild

SOURCES = SourceMemory()
RENDERING = RenderMemory()
# The preview's last good build of each language, alive, by the served site and the language.
PREVIEW_BUILDS: dict[tuple[str, str], KeptBuild] = {}
