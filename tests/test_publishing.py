"""Publishing: the offline copy opened from disk, `make publish`, the GitHub Pages workflow."""

from __future__ import annotations

import functools
import hashlib
import json
import posixpath
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
import yaml
from playwright.sync_api import Browser

from edition.model.catalog import load_edition
from edition.outputs.offline import README, offline_page, write_offline_copy
from edition.site.csp import inline_scripts, policy, policy_of, script_hash
from edition.site.hosting import header_policy
from tests.conftest import ROOT, copy_project, run_cli

EDITION, _ = load_edition(ROOT)
assert EDITION is not None
FOLDER = EDITION.info.identifiers.edition  # the folder the zip unpacks into


def make_copy(site: Path, output: Path) -> Path:
    info = EDITION.info
    readme = README.format(
        title=info.title.text("tr"), version=info.version, date=info.date, address="x"
    )
    write_offline_copy(site, output, readme, info.date, FOLDER)
    return output


@pytest.fixture(scope="module")
def offline_zip(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_copy(site, tmp_path_factory.mktemp("offline") / "korkmaz-edition-offline.zip")


@pytest.fixture(scope="module")
def unpacked(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(folder)
    return folder / FOLDER


def test_offline_copy_keeps_the_published_paths(offline_zip: Path) -> None:
    names = set(zipfile.ZipFile(offline_zip).namelist())
    for path in (
        "index.html",
        "en/index.html",
        "belgeler/rgaspi-159-2-57-003/index.html",
        "belgeler/rgaspi-159-2-57-003/atif.bib",
        "pdf/korkmaz-edisyon-tr.pdf",
        "en/pdf/korkmaz-edisyon-en.pdf",
        "epub/korkmaz-edisyon-tr.epub",
        "en/epub/korkmaz-edisyon-en.epub",
        "OKUBENI-README.txt",
    ):
        assert f"{FOLDER}/{path}" in names
    assert not [name for name in names if "/pagefind/" in name]  # search cannot work from disk


def test_every_link_of_the_offline_copy_names_a_file(unpacked: Path) -> None:
    broken, pages = [], sorted(unpacked.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        if page.name == "404.html":  # served by a host at any path: absolute links by design
            continue
        html = lxml.html.fromstring(page.read_bytes())
        assert not html.xpath("//*[contains(@class, 'md-search')]"), page
        for href in html.xpath("//a/@href | //link[@rel='prev' or @rel='next']/@href"):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(unpacked)}: {href}")
    assert broken == []


def test_the_offline_zip_is_the_same_bytes_each_time(site: Path, offline_zip: Path) -> None:
    assert offline_zip.stat().st_mode & 0o777 == 0o644
    again = make_copy(site, offline_zip.with_name("again.zip"))
    assert hashlib.sha256(again.read_bytes()).digest() == (
        hashlib.sha256(offline_zip.read_bytes()).digest()
    )
    year, month, day = (int(part) for part in EDITION.info.date.split("-"))
    infos = zipfile.ZipFile(offline_zip).infolist()
    assert [info.filename for info in infos[1:]] == sorted(info.filename for info in infos[1:])
    assert {info.date_time for info in infos} == {(year, month, day, 0, 0, 0)}


def test_offline_copy_opened_from_disk_leads_from_the_title_page_to_a_document(
    browser: Browser, unpacked: Path
) -> None:
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    try:
        page.goto((unpacked / "index.html").as_uri())
        assert page.locator("h1").first.inner_text().startswith("Rus Arşivlerinde")
        page.locator("article").get_by_role("link", name="Belgeler", exact=True).click()
        assert page.url == (unpacked / "belgeler/index.html").as_uri()
        page.get_by_role("link", name="Mektup: Çiçerin → Lenin, 27 Eylül 1920").click()
        assert page.url == (unpacked / "belgeler/rgaspi-159-2-57-003/index.html").as_uri()
        assert page.locator("h1").inner_text() == "Mektup: Çiçerin → Lenin, 27 Eylül 1920"
        # from the document to the chapter that quotes it, and on to the English twin
        page.locator("article").get_by_role("link", name="¶ 17", exact=False).first.click()
        assert page.url.endswith("sovyet-yazismalarinda-mustafa-kemal-ve-turkiye/index.html#p17")
        # The site's scripts run from disk under the policy: Material's, and the edition's,
        # which keeps the reader's place when switching language.
        page.goto((unpacked / "giris/index.html").as_uri() + "#p2")
        assert page.evaluate("typeof document$") == "object"
        page.locator(".md-header .md-select").hover()  # the language menu
        page.locator("a.ed-twin[hreflang='en']").click()
        page.wait_for_load_state("load")
        assert page.url == (unpacked / "en/giris/index.html").as_uri() + "#p2"
        assert problems == []
    finally:
        page.close()


REDIRECT = """<!doctype html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="{policy}">
    <title>Redirecting...</title>
    <script>var a=location.hash.substr(1);location.href="../new/"+(a?"#"+a:"")</script>
    <meta http-equiv="refresh" content="0; url=../new/">
</head>
<body>You're being redirected to a <a href="../new/">new destination</a>.</body>
</html>
"""


def test_a_redirect_of_an_old_id_leads_to_the_new_file_on_disk() -> None:
    stub = REDIRECT.replace("{policy}", policy({script_hash(s) for s in inline_scripts(REDIRECT)}))
    files = {"belgeler/old/index.html", "belgeler/new/index.html"}
    out = offline_page(stub, "belgeler/old/index.html", files)
    assert 'content="0; url=../new/index.html"' in out
    assert 'location.href="../new/index.html"' in out
    assert '<a href="../new/index.html">' in out
    changed = policy({script_hash(s) for s in inline_scripts(out)})
    assert policy_of(out) == changed  # the changed script's hash, and only it
    assert policy_of(out) != policy_of(stub)


def test_offline_needs_a_built_site(project: Path) -> None:
    result = run_cli(project, "offline", "--site-dir", str(project / "nothing"))
    assert result.returncode == 2
    assert "no built site at" in result.stderr and "build' first" in result.stderr


def make(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-s", *arguments], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_make_publish_needs_the_published_address() -> None:
    refused = make("publish-address", "EDITION_URL=")
    assert refused.returncode == 2
    assert "make publish needs EDITION_URL" in refused.stderr
    assert make("publish-address", "EDITION_URL=https://example.org/korkmaz/").returncode == 0
    dry = make("-n", "publish", "EDITION_URL=https://example.org/korkmaz/")
    assert 'EDITION_URL="https://example.org/korkmaz/"' in dry.stdout
    assert "build_edition.py build" in dry.stdout


def test_the_pages_workflow_builds_for_the_pages_address_and_deploys() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text("utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "push" in triggers and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    steps = {step.get("uses", "").split("@")[0]: step for step in build["steps"]}
    assert "actions/checkout" in steps and "actions/configure-pages" in steps
    assert steps["actions/upload-pages-artifact"]["with"]["path"] == "site"
    runs = " ".join(step.get("run", "") for step in build["steps"])
    assert 'make publish EDITION_URL="${{ steps.pages.outputs.base_url }}/"' in runs
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert build["container"].startswith("debian:")  # the Makefile installs Debian packages


def test_posix_relative_paths_in_the_zip_are_forward_slashes(offline_zip: Path) -> None:
    for name in zipfile.ZipFile(offline_zip).namelist():
        assert "\\" not in name and not posixpath.isabs(name) and ".." not in name.split("/")


# --- a host that sends the policy as a header -----------------------------------------


@pytest.fixture(scope="module")
def with_header(site: Path) -> Iterator[str]:
    policy = header_policy(site)

    class Handler(SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            self.send_header("Content-Security-Policy", policy)
            super().end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_the_header_policy_allows_every_pages_own_scripts_and_forbids_framing(site: Path) -> None:
    policy = header_policy(site)
    assert policy.endswith("; frame-ancestors 'none'")
    for page in ("index.html", "en/giris/index.html", "belgeler/rgaspi-159-2-57-003/index.html"):
        own = policy_of((site / page).read_text("utf-8")) or ""
        for source in own.split("script-src ")[1].split(";")[0].split():
            assert source in policy


def test_pages_run_under_the_header_policy(browser: Browser, with_header: str) -> None:
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        for path in ("", "sovyet-yazismalarinda-mustafa-kemal-ve-turkiye/", "en/belgeler/"):
            response = page.goto(with_header + path)
            assert (
                response is not None
                and "frame-ancestors" in response.headers["content-security-policy"]
            )
            assert page.evaluate("typeof document$") == "object"
        assert problems == []
    finally:
        page.close()


@pytest.fixture(scope="module")
def local_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`build` with no public address: neither EDITION_URL nor `address` in edition.yaml."""
    project = copy_project(tmp_path_factory.mktemp("local"))
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_a_build_without_a_public_address_names_none(local_build: Path) -> None:
    loopback = [
        path.relative_to(local_build).as_posix()
        for path in local_build.rglob("*")
        if path.is_file()
        and path.suffix in {".html", ".bib", ".ris", ".json", ".xml", ".csv", ".txt"}
        and b"127.0.0.1" in path.read_bytes()
    ]
    assert loopback == []
    assert not (local_build / "sitemap.xml").exists()  # a sitemap needs absolute addresses
    ris = (local_build / "belgeler/rgaspi-159-2-56-045/atif.ris").read_text(encoding="utf-8")
    assert "\nUR  - " not in ris
    csl = json.loads((local_build / "belgeler/rgaspi-159-2-56-045/atif.json").read_text("utf-8"))
    assert all("URL" not in item for item in csl)
    page = lxml.html.fromstring((local_build / "en/giris/index.html").read_bytes())
    assert not page.xpath('//link[@rel="canonical"]')
    assert not page.xpath('//meta[@name="DC.identifier"]')
    data = json.loads((local_build / "veri/documents.json").read_text(encoding="utf-8"))
    # Relative to the data file, so that they resolve wherever the site is served.
    assert data["documents"][0]["url"]["en"] == "../en/belgeler/rgaspi-159-2-56-045/"
    assert (local_build / data["documents"][0]["url"]["en"].replace("../", "", 1)).is_dir()


def test_the_address_in_the_edition_file_is_used_when_no_edition_url_is_set(
    project: Path,
) -> None:
    path = project / "sources/edition.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("author_orcid:", "address: https://edition.example/k/\nauthor_orcid:", 1),
        encoding="utf-8",
    )
    result = run_cli(project, "build", "--without-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    ris = (project / "site/belgeler/rgaspi-159-2-56-045/atif.ris").read_text(encoding="utf-8")
    assert "UR  - https://edition.example/k/belgeler/rgaspi-159-2-56-045/" in ris
    assert (project / "site/sitemap.xml").exists()
