"""The engine on an edition that is not this one: tests/sample/, a small fictional edition
with another author, journal, archive and signature grammar, whose original is English and
whose translation is Turkish. What the engine renders for it
is compared with the golden output checked in beside it (Pelican's way): a change of output
shows as a diff, and is accepted by regenerating with --regenerate-golden."""

from __future__ import annotations

import json
import posixpath
import shutil
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import lxml.etree
import pytest

from edition.model.catalog import load_edition
from edition.site.pages import render_site
from edition.urls import epub_path, language_prefixes
from tests.conftest import PUBLIC_ADDRESS, ROOT, run_cli
from tests.epubcheck import epubcheck_messages

SAMPLE = ROOT / "tests" / "sample"
GOLDEN = SAMPLE / "golden"
ENGINE_FILES = ("mkdocs.yml", "build_edition.py")
TRACES = ("korkmaz", "rgasp", "mustafa kemal", "tübar", "türklük", "çiçerin", "chicherin")


def sample_project(folder: Path) -> Path:
    """The sample's sources with the engine's configuration, hook and templates."""
    project = folder / "sample"
    shutil.copytree(SAMPLE / "sources", project / "sources")
    shutil.copytree(SAMPLE / "docs", project / "docs")
    shutil.copytree(ROOT / "docs" / "overrides", project / "docs" / "overrides")
    for name in ENGINE_FILES:
        shutil.copy2(ROOT / name, project / name)
    return project


def rendered(project: Path) -> dict[str, str]:
    """Every page and file the engine renders for the sample, by golden path."""
    edition, problems = load_edition(project)
    assert edition is not None and not problems.items, [p.format() for p in problems.items]
    output = {}
    for lang, prefix in language_prefixes(edition.languages).items():
        for src, page in render_site(edition, lang, PUBLIC_ADDRESS + prefix).items():
            output[f"{lang}/{src}"] = page.content
            if page.meta:
                output[f"{lang}/{src}.meta.json"] = (
                    json.dumps(page.meta, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
                )
    return output


def test_the_sample_renders_as_its_golden_output(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    output = rendered(sample_project(tmp_path))
    if request.config.getoption("--regenerate-golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in output.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes(text.encode("utf-8"))  # CSV keeps its CRLF
    golden = {
        path.relative_to(GOLDEN).as_posix(): path.read_bytes().decode("utf-8")
        for path in sorted(GOLDEN.rglob("*"))
        if path.is_file()
    }
    assert sorted(output) == sorted(golden), "pages added or gone: --regenerate-golden"
    changed = [name for name in output if output[name] != golden[name]]
    assert changed == [], f"output differs from tests/sample/golden/ in {changed}"


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample built once, as an editor builds it without a public address (no PDF)."""
    project = sample_project(tmp_path_factory.mktemp("sample"))
    result = run_cli(project, "build", "--without-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_the_sample_builds_with_no_trace_of_the_korkmaz_edition(sample_site: Path) -> None:
    site = sample_site
    # The original, English, at the root; the Turkish translation under /tr/.
    page = (site / "documents/ssa-3-1-12-4/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page
    assert "Collection 3, Box 1, File 12, Item 4" in page  # the archive's own grammar
    assert "Russian archival form" not in page  # the sample's archive has none
    assert "Sample State Archive (SSA), Sampletown" in page
    assert "English (the document&#x27;s own text, as quoted)" in page
    translated = (site / "tr/documents/ssa-3-1-12-4/index.html").read_text(encoding="utf-8")
    assert '<html lang="tr"' in translated
    assert "Örnek Devlet Arşivi (SSA), Örnekkent" in translated
    assert "Türkçe (edisyonun, belgenin İngilizcesinden çevirisi)" in translated
    assert not (site / "en").exists()
    # The sample's own words in every URL: none of the engine's default (Turkish) ones.
    folders = {path.relative_to(site).parts[0] for path in site.rglob("*")}
    folders |= {path.relative_to(site / "tr").parts[0] for path in (site / "tr").rglob("*")}
    assert {"documents", "works-cited", "cite", "side-by-side", "data", "downloads"} <= folders
    assert not folders & {"belgeler", "kaynaklar", "atif", "paralel", "veri", "indir", "kisiler"}
    assert (site / "documents/files/3-1-12/index.html").is_file()
    assert (site / "documents/ssa-3-1-12-4/cite.bib").is_file()
    assert (site / "data/tei/article.xml").is_file()
    found = [
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file()
        and path.suffix in {".html", ".json", ".xml", ".bib", ".ris", ".csv", ".txt"}
        and any(trace in path.read_text(encoding="utf-8").casefold() for trace in TRACES)
    ]
    assert found == []


def test_the_samples_epubs_pass_epubcheck_and_link_nowhere_relative(sample_site: Path) -> None:
    edition, _ = load_edition(SAMPLE)
    assert edition is not None
    books = [sample_site / epub_path(edition, lang) for lang in edition.languages]
    assert [book.name for book in books] == ["sample-edition-en.epub", "sample-edition-tr.epub"]
    reports = epubcheck_messages(books)
    assert {book.name: messages for book, messages in reports.items()} == {
        book.name: [] for book in books
    }
    # With no public address, what the book does not hold is named, not linked: every
    # relative link leads to a document of the book.
    for book in books:
        with zipfile.ZipFile(book) as archive:
            names = set(archive.namelist())
            for name in (n for n in names if n.endswith(".xhtml")):
                tree = lxml.etree.fromstring(archive.read(name))
                for href in tree.xpath("//*[local-name()='a']/@href"):
                    parts = urlsplit(href)
                    if parts.scheme:
                        continue
                    target = posixpath.join(posixpath.dirname(name), parts.path) or name
                    assert parts.path == "" or target in names, f"{name}: {href}"
