"""Versions frozen at their own URLs (issue 19): a version is released, a record and a chapter
paragraph are edited, a second version is released, and the first version's pages must be
the bytes of its release, with their banner, the comparisons must show the edits, and the
citations must name the version."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from tests.conftest import PUBLIC_ADDRESS, copy_project

DOCUMENT = "rgaspi-159-2-56-045"
FIRST, SECOND = "0.3.0", "0.4.0"
NEW_VERSION = f"""versions:
  - version: {SECOND}
    date: "2026-12-20"
    changes:
      tr: Bir belgenin tarih dayanağı ve Giriş'in bir paragrafı düzeltildi.
      en: The date basis of a document and a paragraph of the Introduction corrected.
"""


def release(project: Path, *arguments: str, seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "EDITION_URL": PUBLIC_ADDRESS, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, str(project / "build_edition.py"), "release", "--without-pdf", *arguments],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def build(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "EDITION_URL": PUBLIC_ADDRESS}
    return subprocess.run(
        [sys.executable, str(project / "build_edition.py"), "build", "--without-pdf"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` by its SHA-256."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def edit(project: Path) -> None:
    """A new version: a record's field and a chapter paragraph corrected."""
    record = project / "sources" / "documents" / f"{DOCUMENT}.yaml"
    text = record.read_text("utf-8")
    assert "bir edisyon tahminidir" in text
    assert "is an editorial conjecture" in text
    text = text.replace("bir edisyon tahminidir", "bir edisyon varsayımıdır")
    record.write_text(text.replace("an editorial conjecture", "an editorial assumption"), "utf-8")
    chapter = project / "docs" / "tr" / "giris.md"
    text = chapter.read_text("utf-8")
    assert "kolay olmamasına rağmen" in text
    chapter.write_text(text.replace("kolay olmamasına rağmen", "kolay olmasa da"), "utf-8")
    edition = project / "sources" / "edition.yaml"
    text = edition.read_text("utf-8")
    edition.write_text(text.replace("versions:\n", NEW_VERSION, 1), "utf-8")


def page(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / path / "index.html").read_bytes())


def css(tree: lxml.html.HtmlElement, selector: str) -> list[lxml.html.HtmlElement]:
    """Elements by `tag.class` (no cssselect here), or by `tag` alone."""
    tag, _, name = selector.partition(".")
    if not name:
        return list(tree.iter(tag))
    found: list[lxml.html.HtmlElement] = tree.xpath(
        f'.//{tag}[contains(concat(" ", normalize-space(@class), " "), " {name} ")]'
    )
    return found


def resolve(from_path: str, href: str) -> str:
    """A relative link from a site path (a folder) to the site path it names."""
    target = posixpath.normpath(posixpath.join(from_path, href.split("#")[0]))
    return "" if target == "." else target + "/"


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The project released at 0.3.0, edited, and released at 0.4.0."""
    project = copy_project(tmp_path_factory.mktemp("versions"))
    first = release(project)
    assert first.returncode == 0, first.stderr
    site = project / "site"
    frozen_at_release = tree(site / "surum" / FIRST)
    archive = (project / "releases" / FIRST / "site.tar.gz").read_bytes()
    edit(project)
    second = release(project)
    assert second.returncode == 0, second.stderr
    return {
        "project": project,
        "site": site,
        "frozen_at_release": frozen_at_release,
        "archive": archive,
    }


def test_the_first_version_stays_the_bytes_it_was_released_with(
    released: dict[str, object],
) -> None:
    project, site = Path(str(released["project"])), Path(str(released["site"]))
    assert tree(site / "surum" / FIRST) == released["frozen_at_release"]
    assert (project / "releases" / FIRST / "site.tar.gz").read_bytes() == released["archive"]
    # The frozen copy still says what it said: the record's old word, not the new one.
    html = (site / "surum" / FIRST / "belgeler" / DOCUMENT / "index.html").read_text("utf-8")
    assert "tahminidir" in html and "varsayımıdır" not in html
    assert "varsayımıdır" in (site / "belgeler" / DOCUMENT / "index.html").read_text("utf-8")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_an_old_page_has_its_banner_and_points_at_the_current_one(
    released: dict[str, object], prefix: str
) -> None:
    site = Path(str(released["site"]))
    frozen_path = f"surum/{FIRST}/{prefix}belgeler/{DOCUMENT}/"
    tree_ = page(site, frozen_path)
    banner = css(tree_, "aside.ed-frozen")
    assert len(banner) == 1
    text = banner[0].text_content()
    assert FIRST in text and "2026-12-06" in text
    assert ("daha yeni" in text.lower()) if not prefix else ("newer version" in text)
    current = css(banner[0], "a.ed-frozen-current")[0].get("href")
    assert resolve(frozen_path, current) == f"{prefix}belgeler/{DOCUMENT}/"
    versions = resolve(frozen_path, banner[0].get("data-ed-versions")).rstrip("/")
    assert json.loads((site / versions).read_text("utf-8"))["current"]["version"] == SECOND
    canonical = tree_.xpath("//link[@rel='canonical']/@href")[0]
    assert canonical == f"{PUBLIC_ADDRESS}{prefix}belgeler/{DOCUMENT}/"
    assert tree_.xpath("//meta[@name='robots'][@content='noindex']")
    # The copy is the whole site: its own links stay in it.
    first_link = css(tree_, "nav.md-nav")[0].xpath(".//a/@href")[0]
    assert resolve(frozen_path, first_link).startswith(f"surum/{FIRST}/")


def test_old_versions_are_neither_in_the_sitemap_nor_searched(
    released: dict[str, object],
) -> None:
    site = Path(str(released["site"]))
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "/surum/" not in sitemap and f"{PUBLIC_ADDRESS}belgeler/{DOCUMENT}/" in sitemap
    urls = []
    for fragment in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes())
        urls.append(json.loads(data[data.index(b"{") :])["url"])
    assert urls and not [url for url in urls if "surum/" in url]


def test_the_comparisons_show_the_edits(released: dict[str, object]) -> None:
    site = Path(str(released["site"]))
    record = page(site, f"degisiklikler/{FIRST}/belgeler/{DOCUMENT}/")
    assert [d.text_content() for d in css(record, "del.ed-del")] == ["tahminidir"]
    assert [i.text_content() for i in css(record, "ins.ed-ins")] == ["varsayımıdır"]
    english = page(site, f"en/degisiklikler/{FIRST}/belgeler/{DOCUMENT}/")
    assert [d.text_content() for d in css(english, "del.ed-del")] == ["conjecture"]
    assert [i.text_content() for i in css(english, "ins.ed-ins")] == ["assumption"]
    chapter = page(site, f"degisiklikler/{FIRST}/giris/")
    assert "olmamasına rağmen" in " ".join(d.text_content() for d in css(chapter, "del"))
    assert "olmasa da" in " ".join(i.text_content() for i in css(chapter, "ins"))
    # The pages that did not change have no comparison.
    assert not (site / f"degisiklikler/{FIRST}/sonuc").exists()
    # Each changed page lists the version it changed in and links its comparison.
    for path in (f"belgeler/{DOCUMENT}/", "giris/"):
        section = css(page(site, path), "section.ed-versions")[0]
        assert SECOND in section.text_content()
        hrefs = [resolve(path, a.get("href")) for a in css(section, "a")]
        assert f"degisiklikler/{FIRST}/{path}" in hrefs
        assert f"surum/{FIRST}/{path}" in hrefs
    # The release's own page lists both edits; the versions page links each release to it.
    summary = page(site, f"degisiklikler/{SECOND}/").text_content()
    assert "varsayımıdır" in summary and "olmasa da" in summary
    versions = page(site, "surumler/")
    hrefs = [resolve("surumler/", a.get("href")) for a in css(css(versions, "article")[0], "a")]
    for version in (FIRST, SECOND):
        assert f"degisiklikler/{version}/" in hrefs and f"surum/{version}/" in hrefs
    assert "Saklanmadı" in versions.text_content()  # 0.2.0 and 0.1.0 were never frozen


def test_the_citations_name_the_version(released: dict[str, object]) -> None:
    site = Path(str(released["site"]))
    frozen = f"{PUBLIC_ADDRESS}surum/{SECOND}/belgeler/{DOCUMENT}/"
    item = json.loads((site / "belgeler" / DOCUMENT / "atif.json").read_text("utf-8"))[0]
    assert SECOND in item["note"] and frozen in item["note"]
    assert item["URL"] == f"{PUBLIC_ADDRESS}belgeler/{DOCUMENT}/"
    assert re.search(
        r"addendum = \{.*" + re.escape(frozen),
        (site / "belgeler" / DOCUMENT / "atif.bib").read_text("utf-8"),
    )
    assert f"N1  - Dijital edisyon, sürüm {SECOND}" in (
        site / "belgeler" / DOCUMENT / "atif.ris"
    ).read_text("utf-8")
    block = css(page(site, f"belgeler/{DOCUMENT}/"), "p.ed-cite-version")[0].text_content()
    assert SECOND in block and frozen in block
    # The frozen copy's own files name its own version.
    old = site / "surum" / FIRST / "belgeler" / DOCUMENT / "atif.json"
    assert f"surum/{FIRST}/belgeler/{DOCUMENT}/" in json.loads(old.read_text("utf-8"))[0]["note"]


def test_bad_releases_are_refused_and_damage_nothing(
    released: dict[str, object], tmp_path: Path
) -> None:
    project = Path(str(released["project"]))
    before = tree(project / "releases")
    again = release(project)
    assert again.returncode == 1 and f"releases/{SECOND}/" in again.stderr
    unlisted = release(project, "9.9.9")
    assert unlisted.returncode == 1 and "sources/edition.yaml:" in unlisted.stderr
    assert "9.9.9 is not listed" in unlisted.stderr
    old = release(project, FIRST)
    assert old.returncode == 1 and f"releases/{FIRST}/" in old.stderr
    assert tree(project / "releases") == before
    # A damaged archive is never served: the build stops, naming it, and the site stays.
    copy = tmp_path / "damaged"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("site"))
    shutil.copytree(project / "site", copy / "site")
    archive = copy / "releases" / FIRST / "site.tar.gz"
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    site_before = tree(copy / "site")
    built = build(copy)
    assert built.returncode == 1, built.stderr
    assert f"releases/{FIRST}/site.tar.gz: damaged" in built.stderr
    assert tree(copy / "site") == site_before


def test_a_release_is_the_same_bytes_in_another_process(
    released: dict[str, object], tmp_path: Path
) -> None:
    """The first release made again from the same sources, with another hash seed."""
    project = copy_project(tmp_path)
    assert release(project, seed="12345").returncode == 0
    again = (project / "releases" / FIRST / "site.tar.gz").read_bytes()
    assert again == released["archive"]
