"""What one process remembers from one build to the next: the preview's, which builds after
every edit. Everything else is made anew by each build and passed along explicitly; these
are handed to the loader and the renderers by the build's glue (the MkDocs hook, publish.py)
and are the only memory the stages share across builds. A one-off build gains nothing from
them and loses nothing.
"""

from __future__ import annotations

from edition.memo import RenderMemory
from edition.model.catalog import SourceMemory

SOURCES = SourceMemory()
RENDERING = RenderMemory()
