"""What each document and chapter says in each language, as text and fields: kept with every
release (releases/<version>/snapshot.json) and made for the current version, so that any
version can be compared with the current one without building either again."""

from __future__ import annotations

import json
from typing import Any

from edition.labels import label
from edition.model import BlockKind, Edition
from edition.render import document_title
from edition.render.documentpages import record_rows

SNAPSHOT_FORMAT = 1
# A page's snapshot: its kind, its title and its parts, each (key, label, text); a part is
# compared with the part of the same key in another version.
PageSnapshot = dict[str, Any]


def _row_text(row: dict[str, Any]) -> str:
    value = str(row["value"])
    if row["entries"]:
        value = "; ".join(
            entry["text"] + (f" ({entry['note']})" if entry["note"] else "")
            for entry in row["entries"]
        )
    return f"{value} ({row['note']})" if row["note"] else value


def page_snapshots(edition: Edition, lang: str) -> dict[str, PageSnapshot]:
    """Every document page and chapter of `lang`, by source path."""
    pages: dict[str, PageSnapshot] = {}
    for chapter in edition.chapters_in(lang):
        parts = [["title", label(lang, "changes_part_title"), chapter.title]]
        counts: dict[str, int] = {}
        for block in chapter.blocks:
            if block.anchor:
                key, name = block.anchor, label(lang, "changes_part_paragraph", anchor=block.anchor)
            else:  # headings and the like: by kind and place among their kind
                counts[block.kind.value] = counts.get(block.kind.value, 0) + 1
                key = f"{block.kind.value}-{counts[block.kind.value]}"
                name = label(
                    lang,
                    "changes_part_heading"
                    if block.kind is BlockKind.HEADING
                    else "changes_part_block",
                    n=counts[block.kind.value],
                )
            parts.append([key, name, block.markdown])
        for note in chapter.footnotes:
            parts.append(
                [note.anchor, label(lang, "changes_part_footnote", n=note.label), note.markdown]
            )
        pages[chapter.path] = {"kind": "chapter", "title": chapter.title, "parts": parts}
    for document in edition.documents:
        parts = [
            [f"field:{row['label']}", str(row["label"]), _row_text(row)]
            for row in record_rows(edition, document, lang)
        ]
        parts.append(["text", label(lang, "text"), document.text.text(lang)])
        pages[edition.paths.document_src(document.id)] = {
            "kind": "document",
            "title": document_title(edition, document, lang),
            "parts": parts,
        }
    return pages


def snapshot(edition: Edition) -> dict[str, Any]:
    return {
        "format": SNAPSHOT_FORMAT,
        "version": edition.info.version,
        "date": edition.info.date,
        "languages": {lang: page_snapshots(edition, lang) for lang in edition.languages},
    }


def snapshot_bytes(edition: Edition) -> bytes:
    """The snapshot as its file holds it: the same bytes for the same edition."""
    text = json.dumps(snapshot(edition), ensure_ascii=False, sort_keys=True, indent=1)
    return (text + "\n").encode("utf-8")
