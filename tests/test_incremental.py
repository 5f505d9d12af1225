"""The preview's rebuilds write only what an edit changed, and leave the very site a full
build of the same sources makes, byte for byte: after an edit to a record, to the people,
to a chapter, after a record is added and after it is removed again."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from edition.site.incremental import LanguageBuild
from edition.site.publish import BuildFailed, Preview, build_site
from tests.conftest import run_cli

RECORD = "sources/documents/rgaspi-159-2-57-003.yaml"
NEW_ID = "rgaspi-159-2-57-099"
NEW_RECORD = f"sources/documents/{NEW_ID}.yaml"
ADDRESS = "https://edition.example/"


def files_of(site: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None), by path."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes() if path.is_file() else None
        for path in sorted(site.rglob("*"))
    }


def edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rebuild_matches_full_build(
    project: Path, served: Path, reference: Path
) -> dict[str, LanguageBuild]:
    """The preview's rebuild of `served`, checked against a full build into `reference`."""
    built = build_site(project / "mkdocs.yml", served, ADDRESS, preview=True)
    build_site(project / "mkdocs.yml", reference, ADDRESS, preview=True)
    served_files, reference_files = files_of(served), files_of(reference)
    assert sorted(served_files) == sorted(reference_files)
    differing = [name for name in served_files if served_files[name] != reference_files[name]]
    assert differing == []
    return built


def written(built: dict[str, LanguageBuild]) -> dict[str, int | None]:
    """Pages each language wrote; None for a complete build."""
    return {lang: None if b.complete else b.written for lang, b in built.items()}


def test_an_edit_writes_only_what_it_changed_and_the_site_is_a_full_builds(
    project: Path, tmp_path: Path
) -> None:
    served = tmp_path / "served"
    first = build_site(project / "mkdocs.yml", served, ADDRESS, preview=True)
    assert written(first) == {"tr": None, "en": None}
    counter = iter(range(100))

    def step(change: Callable[[], None]) -> dict[str, int | None]:
        change()
        return written(
            rebuild_matches_full_build(project, served, tmp_path / f"full-{next(counter)}")
        )

    # A record's date: its page, its neighbours, the indexes, the data files.
    pages = step(lambda: edit(project, RECORD, 'date: "1920-09-27"', 'date: "1920-09-28"'))
    assert all(count is not None and 0 < count < 40 for count in pages.values()), pages
    # The people file: every page that names a person.
    step(
        lambda: edit(
            project, "sources/people.yaml", "Büyükelçisi (1922-1923)", "elçisi (1922-1923)"
        )
    )
    # A paragraph of a chapter: the chapter, its parallel page, the article's TEI …
    pages = step(lambda: edit(project, "docs/tr/giris.md", "ilk olarak fark eden", "ilk fark eden"))
    assert all(count is not None for count in pages.values()), pages
    # … and of its translation.
    step(lambda: edit(project, "docs/en/giris.md", "capable personnel", "able personnel"))
    # A work cited: the citations pages, every page that cites it, the data files.
    step(
        lambda: edit(
            project, "sources/references.bib", "shorthand = {Aliyef}", "shorthand = {Aliyev}"
        )
    )
    # An event: the chronology, the paragraph it links to.
    step(
        lambda: edit(
            project,
            "sources/events.yaml",
            "en: The Bolshevik Revolution",
            "en: The October Revolution",
        )
    )
    # A new record and its citation, then both removed: its pages come and go.
    citing = ("docs/tr/mustafa-kemal-ve-komunizm.md", "docs/en/mustafa-kemal-ve-komunizm.md")
    for chapter in citing:
        edit(project, chapter, "[@kurat, 376]", f"[@kurat, 376] [@{NEW_ID}]")
    run_cli(
        project,
        "new-document",
        "Fon 159, Sayı 2, Dosya 57, Vr. 099",
        "--date",
        "1921-01",
        "--text",
        "Sınama metni.",
    )
    assert (project / NEW_RECORD).is_file()
    pages = step(lambda: None)
    assert all(count is not None for count in pages.values()), pages
    assert (served / "belgeler" / NEW_ID / "index.html").is_file()

    def remove() -> None:
        (project / NEW_RECORD).unlink()
        for chapter in citing:
            edit(project, chapter, f"[@kurat, 376] [@{NEW_ID}]", "[@kurat, 376]")

    step(remove)
    assert not (served / "belgeler" / NEW_ID).exists()


def test_a_changed_navigation_rebuilds_every_page(project: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    build_site(project / "mkdocs.yml", served, ADDRESS, preview=True)
    title = next(
        line
        for line in (project / "docs/en/giris.md").read_text("utf-8").splitlines()
        if line.startswith("# ")
    )
    edit(project, "docs/en/giris.md", title, title + " (revised)")
    built = rebuild_matches_full_build(project, served, tmp_path / "full")
    assert written(built)["en"] is None  # its navigation names the chapter
    assert written(built)["tr"] is not None


def fails_then_recovers_complete(
    project: Path, tmp_path: Path, served: Path, fix: Callable[[], None], reason: str
) -> None:
    """A build that fails leaves the served site as it was; after `fix` the next build is a
    complete one (the failed build's languages may have moved on: it trusts none of them)."""
    before = files_of(served)
    with pytest.raises(BuildFailed, match=reason):
        build_site(project / "mkdocs.yml", served, ADDRESS, preview=True)
    assert files_of(served) == before
    fix()
    built = rebuild_matches_full_build(project, served, tmp_path / "full-after-fix")
    assert written(built) == {"tr": None, "en": None}


def test_a_killed_worker_fails_one_build_and_the_next_starts_anew(
    project: Path, tmp_path: Path
) -> None:
    served = tmp_path / "served"
    build_site(project / "mkdocs.yml", served, ADDRESS, preview=True)
    workers = multiprocessing.active_children()  # the translation's worker processes
    assert workers
    for worker in workers:
        assert worker.pid is not None
        os.kill(worker.pid, signal.SIGKILL)
        worker.join(timeout=30)
    edit(project, RECORD, 'date: "1920-09-27"', 'date: "1920-09-28"')
    fails_then_recovers_complete(
        project, tmp_path, served, lambda: None, reason="worker process stopped"
    )


@pytest.mark.parametrize(
    "broken",
    ["nowhere.md", "sonuc.md#p999"],  # no such page; no such anchor in a page not rewritten
)
def test_a_broken_link_fails_the_rebuild_and_the_preview_stays(
    project: Path, tmp_path: Path, broken: str
) -> None:
    served = tmp_path / "served"
    build_site(project / "mkdocs.yml", served, ADDRESS, preview=True)
    chapter = "docs/tr/giris.md"
    edit(project, chapter, "ilk olarak", "ilk [olarak](sonuc.md#p30)")
    built = rebuild_matches_full_build(project, served, tmp_path / "full")
    assert written(built)["tr"] is not None  # sonuc/ was not written again
    edit(project, chapter, "sonuc.md#p30", broken)
    fails_then_recovers_complete(
        project,
        tmp_path,
        served,
        lambda: edit(project, chapter, broken, "sonuc.md#p30"),
        reason="strict mode",  # MkDocs' warning of the link, counted in strict mode
    )


def pages_of(site: Path) -> dict[str, bytes | None]:
    """The site but its search index, which the preview makes a moment after each build."""
    return {name: data for name, data in files_of(site).items() if name.split("/")[0] != "pagefind"}


def test_a_warm_start_serves_the_kept_site_and_a_changed_one_is_built_anew(
    project: Path, tmp_path: Path
) -> None:
    """A preview stopped as the editor stops it keeps its site; the next one on the same
    sources serves it as it is and builds edits as after a cold start; a source changed or
    a file of the kept site damaged in between, and the site is built anew."""
    first = Preview(project / "mkdocs.yml")
    assert first.start() is False  # nothing kept yet: a full build
    first.stop()
    kept = files_of(first.site)

    warm = Preview(project / "mkdocs.yml")
    assert warm.start() is True
    assert files_of(warm.site) == kept  # served at once, as it was left
    warm.ready()
    edit(project, RECORD, 'date: "1920-09-27"', 'date: "1920-09-28"')
    warm.build()
    # The edited page is served before the files that list every record are brought up to
    # date; once they are, the site is a full build's.
    edited = warm.site / "belgeler/rgaspi-159-2-57-003/index.html"
    assert "1920-09-28" in edited.read_text(encoding="utf-8")
    warm.ready()
    reference = tmp_path / "full"
    build_site(project / "mkdocs.yml", reference, preview=True)
    assert pages_of(warm.site) == pages_of(reference)
    warm.stop()

    # Changed while no preview ran: not trusted, built anew from the changed source.
    edit(project, "sources/people.yaml", "Büyükelçisi (1922-1923)", "elçisi (1922-1923)")
    changed = Preview(project / "mkdocs.yml")
    assert changed.start() is False
    build_site(project / "mkdocs.yml", reference, preview=True)
    assert pages_of(changed.site) == pages_of(reference)
    changed.stop()

    # A file of the kept site gone: not trusted either.
    (changed.site / "index.html").unlink()
    damaged = Preview(project / "mkdocs.yml")
    assert damaged.start() is False
    assert pages_of(damaged.site) == pages_of(reference)
    damaged.stop()


def test_edits_in_quick_succession_are_each_built_at_once_and_the_listings_follow(
    project: Path, tmp_path: Path
) -> None:
    """Two edits saved within the preview's rest before the listings: each is shown by its
    own build, with no build of the files that list every record between them; those follow
    once the sources rest, made from the last edit, and the site is then a full build's."""
    data = "veri/documents.json"
    slow = Preview(project / "mkdocs.yml", listings_after=3600)
    slow.start()
    page = slow.site / "belgeler/rgaspi-159-2-57-003/index.html"
    for before, after in (("27", "28"), ("28", "29")):
        edit(project, RECORD, f'date: "1920-09-{before}"', f'date: "1920-09-{after}"')
        slow.build()
        assert f"1920-09-{after}" in page.read_text(encoding="utf-8")
    listed = (slow.site / data).read_text(encoding="utf-8")
    assert "1920-09-27" in listed and "1920-09-28" not in listed
    slow.ready()  # at once, not when due
    assert "1920-09-29" in (slow.site / data).read_text(encoding="utf-8")
    slow.stop()

    quick = Preview(project / "mkdocs.yml", listings_after=0.2)
    quick.start()  # the kept site, warm
    quick.ready()
    edit(project, RECORD, 'date: "1920-09-29"', 'date: "1920-09-30"')
    quick.build()
    deadline = time.monotonic() + 120
    while "1920-09-30" not in (quick.site / data).read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, "the listings were not made once due"
        time.sleep(0.1)
    quick.ready()
    reference = tmp_path / "full"
    build_site(project / "mkdocs.yml", reference, preview=True)
    assert pages_of(quick.site) == pages_of(reference)
    quick.stop()
