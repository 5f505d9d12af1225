"""What the preview keeps of its loading and rendering is only ever reused for the same
inputs: after each kind of edit, the problems reported and every page and file rendered with
what is kept are those a fresh load and rendering of the same sources give. (The slower
test in test_incremental.py checks the built site.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from edition.memo import RenderMemory
from edition.model.catalog import SourceMemory, load_edition
from edition.site.pages import render_site
from tests.conftest import copy_project, run_cli
from tests.test_incremental import ADDRESS, RECORD, edit

NEW_ID = "rgaspi-159-2-57-099"
CITING = ("docs/tr/mustafa-kemal-ve-komunizm.md", "docs/en/mustafa-kemal-ve-komunizm.md")
CHAPTER = "docs/tr/sovyet-yazismalarinda-mustafa-kemal-ve-turkiye.md"


def _add_record(project: Path) -> None:
    for chapter in CITING:
        edit(project, chapter, "[@kurat, 376]", f"[@kurat, 376] [@{NEW_ID}]")
    added = run_cli(
        project,
        "new-document",
        "Fon 159, Sayı 2, Dosya 57, Vr. 099",
        "--date",
        "1921-01",
        "--text",
        "Sınama metni.",
    )
    assert added.returncode == 0, added.stderr


def _remove_record(project: Path) -> None:
    (project / f"sources/documents/{NEW_ID}.yaml").unlink()
    for chapter in CITING:
        edit(project, chapter, f"[@kurat, 376] [@{NEW_ID}]", "[@kurat, 376]")


EDITS: dict[str, Callable[[Path], None]] = {
    "a record's date": lambda p: edit(p, RECORD, 'date: "1920-09-27"', 'date: "1921-09-27"'),
    "a record's sender": lambda p: edit(p, RECORD, "senders: [cicerin]", "senders: [aralov]"),
    "a record's text names someone": lambda p: edit(
        p, RECORD, "Kemalistlerin durumu kötüdür.", "Kemalistlerin durumu Aralov kötüdür."
    ),
    "a person's English name": lambda p: edit(
        p, "sources/people.yaml", "english: Semyon Aralov", "english: Semen Aralov"
    ),
    "the forms a person is found by": lambda p: edit(
        p, "sources/people.yaml", "mentions: [Aralov]", "mentions: [Aralov, Batı]"
    ),
    "a paragraph names someone": lambda p: edit(
        p, CHAPTER, "kaleme aldığı anılarında", "kaleme aldığı Lenin anılarında"
    ),
    # Every later paragraph's number moves on by one: the lists of the places naming a
    # person or citing a record link the new numbers.
    "a paragraph inserted": lambda p: edit(
        p, CHAPTER, "Türkiye\n\nRusya’da", "Türkiye\n\nSınama paragrafı.\n\nRusya’da"
    ),
    "the paragraph removed again": lambda p: edit(
        p, CHAPTER, "Türkiye\n\nSınama paragrafı.\n\nRusya’da", "Türkiye\n\nRusya’da"
    ),
    "a paragraph cites a record": lambda p: edit(
        p, CHAPTER, "[@benhur, 85]", "[@benhur, 85] [@rgaspi-159-2-57-003]"
    ),
    "a translated paragraph": lambda p: edit(
        p, "docs/en/giris.md", "capable personnel", "able personnel"
    ),
    "a work's shorthand": lambda p: edit(
        p, "sources/references.bib", "shorthand = {Aliyef}", "shorthand = {Aliyev}"
    ),
    "an event": lambda p: edit(
        p, "sources/events.yaml", "en: The Bolshevik Revolution", "en: The October Revolution"
    ),
    "a glossary note": lambda p: edit(
        p, "sources/glossary.yaml", "en: The author's name for", "en: The author's term for"
    ),
    "a translation drops a term's rendering": lambda p: edit(
        p, "docs/en/sonuc.md", "[the National Pact], and", "[the Pact], and"
    ),
    "the rendering restored": lambda p: edit(
        p, "docs/en/sonuc.md", "[the Pact], and", "[the National Pact], and"
    ),
    "a record added and cited": _add_record,
    "the record removed again": _remove_record,
}


@pytest.fixture(scope="module")
def kept(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SourceMemory, RenderMemory]:
    project = copy_project(tmp_path_factory.mktemp("memory"))
    sources, rendering = SourceMemory(), RenderMemory()
    edition, _ = load_edition(project, sources)
    assert edition is not None
    for lang in edition.languages:
        render_site(edition, lang, ADDRESS, rendering)
    return project, sources, rendering


@pytest.mark.parametrize("kind", list(EDITS))
def test_after_each_kind_of_edit_the_kept_loading_and_rendering_are_fresh_ones(
    kept: tuple[Path, SourceMemory, RenderMemory], kind: str
) -> None:
    # The edits add up, in order: each is made on the sources the one before left.
    project, sources, rendering = kept
    EDITS[kind](project)
    edition, problems = load_edition(project, sources)
    assert edition is not None
    # The checks kept by the texts they compare report what checks made afresh report.
    assert [p.format() for p in problems.sorted()] == [
        p.format() for p in load_edition(project)[1].sorted()
    ]
    for lang in edition.languages:
        with_memory = render_site(edition, lang, ADDRESS, rendering)
        afresh = render_site(edition, lang, ADDRESS)
        assert sorted(with_memory) == sorted(afresh)
        differing = [src for src in afresh if with_memory[src] != afresh[src]]
        assert differing == [], f"after {kind}, {lang}: {differing[:5]}"
