"""Hostile and faulty input: nothing a source file holds runs in a reader's browser or breaks
a build, and bad luck (a kill, a second build, a full disk) never costs the last good site."""

from __future__ import annotations

import csv
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest

from edition.site.csp import inline_scripts, policy_of, script_hash, template_policy
from edition.site.sitefolder import clear_leftovers
from tests.conftest import run_cli
from tests.test_problems import edit, messages

RECORD = "sources/documents/rgaspi-159-2-57-003.yaml"
CHAPTER = "docs/tr/mustafa-kemal-ve-komunizm.md"
JS_LINK = "[klik](javascript:alert(document.domain)){ onmouseover=alert(1) }"


def live_markup(html: str) -> list[str]:
    """What in a page could run: an element with an event handler, a link or frame to a
    `javascript:` or `data:` address, an object or frame, an inline script the page's policy
    allows that its template did not ship."""
    document = lxml.html.fromstring(html)
    found = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and value.strip().lower().startswith(
                ("javascript:", "vbscript:", "data:text")
            ):
                found.append(f"<{element.tag} {name}={value!r}>")
        if element.tag in ("iframe", "object", "embed", "frame", "base"):
            found.append(f"<{element.tag}>")
    for article in document.xpath("//article"):
        for script in article.xpath(".//script[not(@type='application/ld+json')]"):
            found.append(f"<script> in the content: {(script.text or '')[:40]!r}")
    return found


def test_names_and_urls_from_sources_are_never_read_as_markup(project: Path) -> None:
    people = project / "sources/people.yaml"
    text = people.read_text(encoding="utf-8")
    text = text.replace("english: Semyon Aralov", f"english: '{JS_LINK}'", 1)
    text = text.replace(
        "russian: Семён Иванович Аралов", "russian: '<b onclick=alert(2)>x</b> [y](javascript:z)'"
    )
    people.write_text(text, encoding="utf-8")
    edit(
        project,
        "sources/documents/rgaspi-159-2-56-045.yaml",
        "place: Tiflis",
        'place: \'=HYPERLINK("http://evil.example","x")\'',
    )
    result = run_cli(project, "build", "--without-pdf")
    assert result.returncode == 0, result.stderr
    for page in ("kisiler/index.html", "en/kisiler/index.html"):
        html = (project / "site" / page).read_text(encoding="utf-8")
        assert live_markup(html) == [], page
        shown = lxml.html.fromstring(html).text_content()
        assert JS_LINK in shown and "[y](javascript:z)" in shown, page
    rows = list(
        csv.DictReader(io.StringIO((project / "site/veri/documents.csv").read_text("utf-8")))
    )
    place = next(row["place"] for row in rows if row["id"] == "rgaspi-159-2-56-045")
    assert place == '\'=HYPERLINK("http://evil.example","x")'  # shown as text


@pytest.mark.parametrize(
    "url",
    [
        'https://example.org/"onmouseover="alert(1)',
        "javascript:alert(1)",
        "https://example.org/> <img src=x onerror=alert(1)>",
        "file:///etc/passwd",
    ],
)
def test_a_work_url_is_http_or_https_and_nothing_else(project: Path, url: str) -> None:
    edit(project, "sources/references.bib", "shorthand = {Aliyef},", f"url = {{{url}}},")
    problems = messages(project)
    assert any(
        p.startswith("sources/references.bib:8: error: entry 'aliyef': url ") for p in problems
    ), problems


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<script>alert(1)</script>", "raw HTML <script> is not allowed in a chapter"),
        ('<iframe src="https://example.org/"></iframe>', "raw HTML <iframe> is not allowed"),
        ("<object data=x></object>", "raw HTML <object> is not allowed"),
        ('<span lang="tr" onclick="alert(1)">x</span>', "attribute 'onclick' on <span>"),
        ("[x](javascript:alert(1))", "a link to 'javascript:' is not allowed"),
        ("[x](JaVa&#x53;cript:alert(1))", "a link to 'JaVaScript:' is not allowed"),
        ("x { onclick=alert(1) }", "attribute 'onclick' in '{ onclick=alert(1) }'"),
    ],
)
def test_raw_html_in_a_chapter_is_refused_at_its_line(
    project: Path, markup: str, expected: str
) -> None:
    path = project / CHAPTER
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if line.startswith("Bu ") or len(line) > 80)
    lines[number] += " " + markup
    path.write_text("\n".join(lines), encoding="utf-8")
    problems = messages(project)
    assert [p for p in problems if p.startswith(f"{CHAPTER}:{number + 1}: error: ")], problems
    assert any(expected in p for p in problems), problems


def test_the_policy_hashes_the_templates_scripts_never_the_contents() -> None:
    content = "<p>x</p><script>alert(1)</script>"
    page = f"<html><head><script>theme()</script></head><body>{content}</body></html>"
    policy = template_policy(page, content)
    assert script_hash("theme()") in policy
    assert script_hash("alert(1)") not in policy


def test_every_hash_in_a_built_pages_policy_is_a_script_of_its_template(site: Path) -> None:
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        document = lxml.html.fromstring(html)
        outside = "".join(
            lxml.html.tostring(e, encoding="unicode") for e in document.xpath("//head | //header")
        )
        policy = policy_of(html)
        assert policy is not None, page
        allowed = {source.rstrip(";") for source in policy.split() if source.startswith("'sha256-")}
        theirs = {script_hash(body) for body in inline_scripts(html)}
        assert allowed <= theirs, page
        # Nothing in the content (the <article>) is allowed to run.
        for script in document.xpath("//article//script[not(@type)]"):
            assert script_hash(script.text or "") not in allowed, (page, outside[:0])


def test_a_yaml_alias_bomb_is_refused_at_its_line(project: Path) -> None:
    bomb = (
        'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        "e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    )
    path = project / RECORD
    path.write_text(path.read_text(encoding="utf-8") + bomb, encoding="utf-8")
    lines = path.read_text(encoding="utf-8").count("\n")
    started = time.monotonic()
    result = run_cli(project, "check")
    assert time.monotonic() - started < 30
    assert result.returncode == 1
    assert f"{RECORD}:{lines - 4}: error: YAML anchor '&a' is not allowed" in result.stdout
    assert f"{RECORD}:{lines}: error: YAML alias '*d' is not allowed" in result.stdout


def test_names_that_become_paths_are_slugs(project: Path) -> None:
    edit(project, "sources/edition.yaml", "  - sonuc\n", "  - ../../etc/passwd\n")
    problems = messages(project)
    assert any(
        "sources/edition.yaml:" in p and "chapter '../../etc/passwd' is not a plain name" in p
        for p in problems
    ), problems
    assert not any("etc/passwd" in p and "missing" in p for p in problems), problems


def test_a_symlink_out_of_the_project_is_refused(project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    (project / "docs/tr/assets").mkdir(parents=True, exist_ok=True)
    (project / "docs/tr/assets/leak.txt").symlink_to(secret)
    (project / "sources/documents/outside.yaml").symlink_to(secret)
    problems = messages(project)
    assert any(
        p.startswith("docs/tr/assets/leak.txt:1: error: is a symbolic link to ") for p in problems
    ), problems
    assert any(p.startswith("sources/documents/outside.yaml:1: error: ") for p in problems)
    result = run_cli(project, "build", "--without-pdf")
    assert result.returncode == 1 and not (project / "site").exists()


def test_text_hygiene_bom_crlf_controls_and_bad_bytes(project: Path) -> None:
    chapter = project / CHAPTER
    chapter.write_bytes(b"\xef\xbb\xbf" + chapter.read_bytes().replace(b"\n", b"\r\n"))
    record = project / RECORD
    record.write_bytes(record.read_bytes().replace(b"\n", b"\r\n"))
    assert messages(project) == []
    lines = record.read_bytes().split(b"\r\n")
    lines[5] += b" \x00"
    lines[9] += b" \xff\xfe"
    record.write_bytes(b"\r\n".join(lines))
    people = project / "sources/people.yaml"
    people_lines = people.read_bytes().split(b"\n")
    people_lines[12] += b"\x1b[31m"
    people.write_bytes(b"\n".join(people_lines))
    problems = messages(project)
    assert any(p.startswith(f"{RECORD}:10: error: not UTF-8 text: byte 0xff") for p in problems)
    assert any(
        p.startswith("sources/people.yaml:13: error: control character U+001B") for p in problems
    ), problems
    record.write_bytes(b"\r\n".join(lines[:9] + lines[10:]))
    assert any(
        p.startswith(f"{RECORD}:6: error: control character U+0000") for p in messages(project)
    )


def test_an_empty_edition_file_says_so(project: Path) -> None:
    (project / "sources/edition.yaml").write_text("# nothing yet\n", encoding="utf-8")
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert "sources/edition.yaml:1: error: the file is empty" in result.stdout


def test_a_note_never_referenced_is_reported_at_its_line(project: Path) -> None:
    path = project / CHAPTER
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n[^99]: A note nothing points to.\n", encoding="utf-8")
    line = text.count("\n") + 2
    assert f"{CHAPTER}:{line}: error: footnote [^99] is never referenced in the text" in " ".join(
        messages(project)
    )


def test_the_documented_rename_passes_and_keeps_every_old_file(project: Path) -> None:
    """The README's remedy for a corrected signature: the old id under `aliases`."""
    old, new = "rgaspi-159-2-57-095", "rgaspi-159-2-57-096"
    assert run_cli(project, "build", "--without-pdf").returncode == 0
    published = (project / "published-urls.txt").read_text(encoding="utf-8")
    assert f"/belgeler/{old}/atif.bib" in published and f"/veri/tei/{old}.xml" in published
    record = project / f"sources/documents/{old}.yaml"
    text = record.read_text(encoding="utf-8").replace(f"id: {old}", f"id: {new}")
    text = text.replace("Vr. 095", "Vr. 096") + f"aliases: [{old}]\n"
    (project / f"sources/documents/{new}.yaml").write_text(text, encoding="utf-8")
    record.unlink()
    for chapter in (project / "docs").rglob("*.md"):
        chapter.write_text(chapter.read_text("utf-8").replace(old, new), encoding="utf-8")
    result = run_cli(project, "build", "--without-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    for prefix in ("", "en/"):
        for name in ("atif.bib", "atif.ris", "atif.json"):
            assert (site / f"{prefix}belgeler/{old}/{name}").read_bytes() == (
                site / f"{prefix}belgeler/{new}/{name}"
            ).read_bytes()
    assert (site / f"veri/tei/{old}.xml").read_bytes() == (
        site / f"veri/tei/{new}.xml"
    ).read_bytes()


# --- bad luck -------------------------------------------------------------------------


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def session_members(session: int) -> list[str]:
    """The processes still in a session (a killed build's children, if any survived)."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != "Z":
                members.append(f"{entry.name}: {cmdline[:80]}")
    return members


def start_build(project: Path, *arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(project / "build_edition.py"), "build", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its children share its session: they can be found
    )


def test_killed_at_random_instants_a_build_leaves_a_whole_site_and_no_process(
    project: Path,
) -> None:
    assert run_cli(project, "build").returncode == 0  # with the PDFs: Chromium is killed too
    site = project / "site"
    good = tree(site)
    chance = random.Random(os.environ.get("PYTEST_SEED", time.time_ns()))
    # SIGKILL at random instants, and once an interrupt from the keyboard (SIGINT).
    kills = [(signal.SIGKILL, chance.uniform(0.05, 7.0)) for _ in range(3)]
    kills.append((signal.SIGINT, chance.uniform(2.0, 5.0)))
    for how, delay in kills:
        process = start_build(project)
        time.sleep(delay)
        process.send_signal(how)
        process.wait()
        assert tree(site) == good, f"{how.name} after {delay:.2f} s"
        deadline = time.monotonic() + 10
        while session_members(process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert session_members(process.pid) == [], f"{how.name} after {delay:.2f} s"
    assert run_cli(project, "build", "--without-pdf").returncode == 0
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]


def test_a_second_build_at_once_refuses_and_names_the_first(project: Path) -> None:
    lock = project / ".edition.lock"
    lock.write_text("999999\n", encoding="utf-8")  # a dead process's: taken over
    first = start_build(project, "--without-pdf")
    deadline = time.monotonic() + 30
    while lock.read_text().strip() != str(first.pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    second = run_cli(project, "build", "--without-pdf")
    serve = run_cli(project, "serve", "--dev-addr", "127.0.0.1:0")
    _out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    for refused in (second, serve):
        assert refused.returncode == 2
        assert f"another build or preview of this checkout is running (process {first.pid}" in (
            refused.stderr
        )
    assert tree(project / "site") == tree(project / "site")  # complete, and readable
    assert (project / "site/index.html").exists() and (project / "site/en/index.html").exists()


def test_leftovers_of_a_killed_swap_are_restored_or_cleared(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (tmp_path / ".site-old-abc").mkdir()
    (tmp_path / ".site-old-abc/index.html").write_text("old", encoding="utf-8")
    (tmp_path / ".site-new-xyz").mkdir()
    clear_leftovers(site)  # killed between the renames: the old site comes back
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    (tmp_path / ".site-old-def").mkdir()
    clear_leftovers(site)  # the new site was in place: the old one goes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 12 MB tmpfs (the built site takes about 9), or a skip where mounting is not allowed."""
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({result.stderr.strip()})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_or_a_read_only_folder_ends_in_one_line(
    project: Path, small_disk: Path
) -> None:
    assert run_cli(project, "build", "--without-pdf").returncode == 0
    site = small_disk / "site"
    shutil.copytree(project / "site", site)
    good = tree(site)
    result = run_cli(project, "build", "--without-pdf", "--site-dir", str(site))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "No space left on device; nothing was changed" in result.stderr.strip().splitlines()[-1]
    assert tree(site) == good
    assert [p.name for p in small_disk.iterdir()] == ["site"]
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = run_cli(project, "build", "--without-pdf", "--site-dir", str(site))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "Read-only file system" in result.stderr
    assert tree(site) == good


def test_new_document_with_a_bad_text_file(project: Path, tmp_path: Path) -> None:
    arguments = ("new-document", "Fon 159, Sayı 2, Dosya 57, Vr. 010", "--date", "1920")
    missing = run_cli(project, *arguments, "--text-file", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert f"--text-file {tmp_path / 'nope.txt'}: No such file or directory" in missing.stderr
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Birinci satır\nİkinci\n".encode() + "Üçüncü".encode("iso8859_15"))
    result = run_cli(project, *arguments, "--text-file", str(latin))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{latin}:3: error: not UTF-8 text" in result.stdout
    assert not (project / "sources/documents/rgaspi-159-2-57-010.yaml").exists()


# --- a hostile corpus of our own -----------------------------------------------------------

HOSTILE_PARTS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[x](javascript:alert(1))",
    "[y](JaVaScRiPt:alert(1))",
    "<https://example.org/\" onmouseover=\"alert(1)>",
    "{ onclick=alert(1) }",
    "{: #x .y onfocus=alert(1) }",
    "<a href='javascript:alert(1)'>a</a>",
    "&lt;script&gt;",
    "&#106;avascript:alert(1)",
    "*", "_", "`", "**", "|", "\\", "#", "!", "[", "]", "(", ")", "<", ">", "&", "'", '"',
    "<!--", "-->", "]]>", "<![CDATA[", "\u202e", "=cmd|' /C calc'!A0",
)  # fmt: skip


def hostile_text() -> object:
    from hypothesis import strategies as st

    piece = st.one_of(
        st.sampled_from(HOSTILE_PARTS),
        st.text(st.characters(blacklist_categories=("Cc", "Cs"), max_codepoint=0x2FFF), max_size=6),
    )
    return st.lists(piece, min_size=1, max_size=6).map("".join).filter(lambda s: s.strip())


def _put_everywhere(project: Path, values: list[str]) -> None:
    """Hostile text in every free-text field of every kind of source: a record, a person, an
    event, a work (fields with a grammar, like ids and dates, are the checks' business)."""
    import json

    # Each field gets the ten live attacks for sure, in an order of its own, besides the
    # random text.
    attacks = HOSTILE_PARTS[:10]
    take = iter(
        f"{value} " + " ".join(attacks[number % 10 :] + attacks[: number % 10])
        for number, value in enumerate(values * 20)
    )

    def q(text: str) -> str:  # a YAML double-quoted scalar is a JSON string
        return json.dumps(next(take) if text else text, ensure_ascii=False)

    record = project / "sources/documents/rgaspi-159-2-56-045.yaml"
    text = record.read_text(encoding="utf-8").replace("place: Tiflis", f"place: {q('x')}")
    text = text.replace('date_as_printed: "31 Aralık"', f"date_as_printed: {q('x')}")
    record.write_text(text, encoding="utf-8")
    people = project / "sources/people.yaml"
    text = people.read_text(encoding="utf-8")
    for field in (
        "english: Semyon Aralov",
        "russian: Семён Иванович Аралов",
        "full_name: Semyon İvanoviç Aralov",
    ):
        name = field.split(":")[0]
        text = text.replace(field, f"{name}: {q('x')}", 1)
    text = text.replace(
        "    tr: Sovyet Rusya’nın Ankara’daki Büyükelçisi (1922-1923)", f"    tr: {q('x')}", 1
    ).replace("    en: Soviet Russia’s Ambassador in Ankara (1922-1923)", f"    en: {q('x')}", 1)
    people.write_text(text, encoding="utf-8")
    events = project / "sources/events.yaml"
    text = events.read_text(encoding="utf-8")
    text = text.replace("    tr: Fransız İhtilali", f"    tr: {q('x')}", 1)
    text = text.replace("    en: French Revolution", f"    en: {q('x')}", 1)
    text = text.replace('date_as_printed: "1789"', f"date_as_printed: {q('x')}", 1)
    events.write_text(text, encoding="utf-8")
    bib = project / "sources/references.bib"
    braces = str.maketrans({"{": "(", "}": ")", "\\": "/"})  # BibTeX's own syntax
    shorthand = next(take).translate(braces)
    title = next(take).translate(braces)
    bib.write_text(
        bib.read_text(encoding="utf-8").replace(
            "shorthand = {Aliyef},", f"shorthand = {{{shorthand}}},\n  title = {{{title}}},", 1
        ),
        encoding="utf-8",
    )


def test_hostile_text_in_every_field_never_becomes_live_markup(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from tests.conftest import copy_project

    @settings(
        max_examples=3,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(st.lists(hostile_text(), min_size=12, max_size=12))
    def build_and_look(values: list[str]) -> None:
        project = copy_project(tmp_path_factory.mktemp("hostile"))
        _put_everywhere(project, values)
        result = run_cli(project, "build", "--without-pdf")
        assert result.returncode == 0, result.stdout + result.stderr
        for page in sorted((project / "site").rglob("*.html")):
            assert live_markup(page.read_text(encoding="utf-8")) == [], page
        shutil.rmtree(project)

    build_and_look()
