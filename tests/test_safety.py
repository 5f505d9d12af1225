"""A hostile record renders inert: its markup shows as text, in the page and in the head."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from tests.conftest import run_cli

HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def test_markup_in_records_and_people_is_shown_as_text(project: Path) -> None:
    record = project / "sources/documents/rgaspi-159-2-56-045.yaml"
    text = record.read_text(encoding="utf-8").replace("place: Tiflis", f"place: '{HOSTILE}'")
    record.write_text(text, encoding="utf-8")
    people = project / "sources/people.yaml"
    people.write_text(
        people.read_text(encoding="utf-8").replace("name: Nerodiev", f"name: '{HOSTILE}'"),
        encoding="utf-8",
    )
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr
    for page in (
        "belgeler/rgaspi-159-2-56-045/index.html",
        "belgeler/index.html",
        "kaynaklar/index.html",
    ):
        html = lxml.html.fromstring((project / "site" / page).read_bytes())
        scripts = [
            s.text_content()
            for s in html.xpath("//script[not(@type='application/ld+json')]")
            if "alert(" in s.text_content()
        ]
        assert scripts == [], page
        assert html.xpath("//img[@onerror]") == [], page
        assert HOSTILE in html.text_content(), page
    document = lxml.html.fromstring(
        (project / "site/belgeler/rgaspi-159-2-56-045/index.html").read_bytes()
    )
    # Kept as text in the attribute (as "Family, Given", the name's last word first).
    creators = document.xpath("//meta[@name='DC.creator']/@content")
    assert [c for c in creators if "<script>alert(1)</script>" in c and "onerror=alert(2)>" in c]
    jsonld = document.xpath("//script[@type='application/ld+json']/text()")[0]
    assert "<script>" not in jsonld and "\\u003cscript\\u003e" in jsonld
    bib = (project / "site/belgeler/rgaspi-159-2-56-045/atif.bib").read_text(encoding="utf-8")
    assert HOSTILE in bib


def test_markup_in_the_bibliography_is_shown_as_text(project: Path) -> None:
    bib = project / "sources/references.bib"
    hostile = "<script>alert(3)</script><img src=x onerror=alert(4)>"
    bib.write_text(
        bib.read_text(encoding="utf-8").replace(
            "shorthand = {Kurat}", f"shorthand = {{{hostile}}}"
        ),
        encoding="utf-8",
    )
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr
    for page in (
        "kaynaklar/index.html",
        "mustafa-kemal-ve-komunizm/index.html",
        "en/mustafa-kemal-ve-komunizm/index.html",
    ):
        html = lxml.html.fromstring((project / "site" / page).read_bytes())
        assert not [s for s in html.xpath("//script") if "alert(3)" in s.text_content()]
        assert html.xpath("//img[@onerror]") == []
        assert hostile in html.text_content(), page


def test_every_page_carries_a_content_security_policy(project: Path) -> None:
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr
    for page in (project / "site").rglob("*.html"):
        html = lxml.html.fromstring(page.read_bytes())
        (policy,) = html.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        assert (
            "default-src 'self'" in policy and "'unsafe-inline'" not in policy.split("style-src")[0]
        ), page
