"""Bad input: every problem is reported at once, with its file, its line and a way out."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.model.catalog import load_edition
from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
RECORD = "sources/documents/rgaspi-159-2-57-003.yaml"
CHAPTER = "docs/tr/mustafa-kemal-ve-komunizm.md"
CHAPTER_2 = "docs/tr/sovyet-yazismalarinda-mustafa-kemal-ve-turkiye.md"
CHAPTER_EN = "docs/en/mustafa-kemal-ve-komunizm.md"
CHAPTER_2_EN = "docs/en/sovyet-yazismalarinda-mustafa-kemal-ve-turkiye.md"
PARAGRAPH_5 = "The relations between the Ankara Government and"  # ¶ 5 starts so in English
KURTA = (
    "error: citation key '@kurta' is neither in sources/references.bib nor a document id; "
    "did you mean 'kurat'?"
)
BIB = "sources/references.bib"


def edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not unique in {relative}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def edit_both(project: Path, relative: str, old: str, new: str) -> None:
    """The same edit in a chapter and in its English twin."""
    edit(project, relative, old, new)
    edit(project, relative.replace("docs/tr/", "docs/en/"), old, new)


def line_of(project: Path, relative: str, needle: str) -> int:
    """The first line of a file that holds `needle`: the English text is revised over time,
    so its line numbers are found, not written down."""
    lines = (project / relative).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def messages(project: Path) -> list[str]:
    _, problems = load_edition(project)
    return [problem.format() for problem in problems.sorted()]


def test_the_real_edition_has_no_problems() -> None:
    assert messages(ROOT) == []


def test_yaml_syntax_error(project: Path) -> None:
    edit(project, RECORD, "kind: letter\n", "kind: [letter\n")
    assert messages(project) == [
        f"{RECORD}:7: error: YAML syntax error: expected ',' or ']', but got ':' "
        "while parsing a flow sequence"
    ]


def test_yaml_tags_are_refused_and_never_run(project: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    edit(
        project,
        RECORD,
        "kind: letter",
        f'kind: !!python/object/apply:os.system ["touch {marker}"]',
    )
    assert messages(project) == [
        f"{RECORD}:6: error: YAML tag !!python/object/apply:os.system is not allowed: "
        "records hold plain text, lists and mappings only"
    ]
    assert not marker.exists()


def test_unknown_field(project: Path) -> None:
    edit(project, RECORD, "place:", "plaec:")
    assert messages(project) == [
        f"{RECORD}:33: error: field 'unknown' is 'plaec'; did you mean 'place'?; expected one "
        "of: place, senders, recipients, date, original_text",
    ]
    edit(project, RECORD, "senders:", "sendrs:")
    assert messages(project)[1:] == [
        f"{RECORD}:9: error: unknown field 'sendrs'; did you mean 'senders'?; allowed fields: "
        "aliases, archive, citation_as_printed, date, date_as_printed, date_basis, id, kind, "
        "original_language, original_language_basis, place, recipient_groups, recipients, "
        "senders, signature, text, unknown",
        f"{RECORD}:33: error: field 'unknown' is 'plaec'; did you mean 'place'?; expected one "
        "of: place, senders, recipients, date, original_text",
    ]


def test_missing_field(project: Path) -> None:
    edit(project, RECORD, "kind: letter\n", "")
    assert messages(project) == [
        f"{RECORD}:2: error: missing field 'kind': What kind of document it is, as the "
        "article calls it."
    ]


def test_malformed_date(project: Path) -> None:
    edit(project, RECORD, 'date: "1920-09-27"', 'date: "27.09.1920"')
    assert messages(project) == [
        f"{RECORD}:7: error: date '27.09.1920' is not an EDTF date; write 1920-09-27 (day), "
        "1920-12 (month), 1920 (year), 1920?-12-31 (year uncertain) or 1920-12? (whole date "
        "uncertain)"
    ]


def test_uncertain_date_needs_its_basis(project: Path) -> None:
    edit(project, RECORD, 'date: "1920-09-27"', 'date: "1920?-09-27"')
    assert messages(project) == [
        f"{RECORD}:7: error: date '1920?-09-27' is marked uncertain; add 'date_basis' saying "
        "what the article gives and how the rest was inferred"
    ]


def test_malformed_signature(project: Path) -> None:
    edit(project, RECORD, "Sayı 2, Dosya 57, Vr. 003\n", "Sayi 2, Dosya 57, Vr. 003\n")
    assert messages(project) == [
        f"{RECORD}:4: error: signature 'Fon 159, Sayi 2, Dosya 57, Vr. 003' is not of the form "
        "'Fon 159, Sayı 2, Dosya 57, Vr. 010' (RGASPİ's signatures, as sources/edition.yaml "
        "gives them), with an optional part such as ' (1)'"
    ]


def test_id_must_follow_the_signature(project: Path) -> None:
    edit(project, RECORD, "Sayı 2, Dosya 57, Vr. 003\n", "Sayı 2, Dosya 57, Vr. 004\n")
    assert messages(project)[0] == (
        f"{RECORD}:2: error: id 'rgaspi-159-2-57-003' does not match the signature "
        "'Fon 159, Sayı 2, Dosya 57, Vr. 004'; expected 'rgaspi-159-2-57-004' (an old id "
        "belongs under 'aliases')"
    )


def test_two_records_with_one_id(project: Path) -> None:
    copy = "sources/documents/rgaspi-159-2-57-004.yaml"
    (project / copy).write_text((project / RECORD).read_text(encoding="utf-8"), encoding="utf-8")
    assert messages(project) == [
        f"{copy}:2: error: id 'rgaspi-159-2-57-003' is already used by the record at {RECORD}:2",
        f"{copy}:2: error: the file is named 'rgaspi-159-2-57-004.yaml' but the record's id is "
        "'rgaspi-159-2-57-003'; name the file 'rgaspi-159-2-57-003.yaml'",
    ]


def test_citation_key_missing_from_the_bibliography(project: Path) -> None:
    edit_both(project, CHAPTER, "[@kurat, 376]", "[@kurta, 376]")
    assert messages(project) == [
        f"{CHAPTER_EN}:{line_of(project, CHAPTER_EN, '@kurta')}: {KURTA}",
        f"{CHAPTER}:29: {KURTA}",
    ]


def test_translation_must_keep_the_citations_of_the_original(project: Path) -> None:
    edit(project, CHAPTER, "[@kurat, 376]", "[@kurta, 376]")
    assert messages(project) == [
        f"{CHAPTER_EN}:{line_of(project, CHAPTER_EN, PARAGRAPH_5)}: error: ¶ 5 cites "
        "@gursel, 182-183; @kurat, 376; @armaoglu, 132; "
        f"@yel, 836 but its twin at {CHAPTER}:17 cites @gursel, 182-183; @kurta, 376; "
        "@armaoglu, 132; @yel, 836",
        f"{CHAPTER}:29: {KURTA}",
    ]


def test_a_missing_translation_is_named(project: Path) -> None:
    (project / "docs/en/sonuc.md").unlink()
    lines = (project / "sources/edition.yaml").read_text(encoding="utf-8").splitlines()
    chapters = lines.index("chapters:") + 1
    assert messages(project) == [
        f"sources/edition.yaml:{chapters}: error: chapter 'sonuc' has no en twin: "
        "docs/en/sonuc.md is missing"
    ]


def test_reference_to_no_record(project: Path) -> None:
    edit_both(project, CHAPTER_2, "[@rgaspi-159-2-57-095]", "[@rgaspi-159-2-57-096]")
    no_record = (
        "error: citation '@rgaspi-159-2-57-096' refers to no document record: there is no "
        "sources/documents/rgaspi-159-2-57-096.yaml; did you mean 'rgaspi-159-2-57-095'?"
    )
    assert messages(project) == [
        f"{CHAPTER_2_EN}:{line_of(project, CHAPTER_2_EN, '@rgaspi-159-2-57-096')}: {no_record}",
        f"{CHAPTER_2}:64: {no_record}",
        "sources/documents/rgaspi-159-2-57-095.yaml:2: warning: document "
        "'rgaspi-159-2-57-095' is not cited by any chapter",
    ]


def test_reference_to_no_person(project: Path) -> None:
    edit(project, RECORD, "recipients: [lenin]", "recipients: [lennin]")
    assert messages(project) == [
        f"{RECORD}:10: error: 'lennin' in 'recipients' is not a person id in "
        "sources/people.yaml; did you mean 'lenin'?"
    ]


def test_footnote_marker_without_its_note(project: Path) -> None:
    edit(project, CHAPTER_2, "[^2]: Sovyet yöneticileri", "Sovyet yöneticileri")
    assert messages(project) == [
        f"{CHAPTER_2_EN}:1: error: 17 numbered paragraphs here, 18 in {CHAPTER_2}: the twin "
        "of its paragraph at line 168 is missing",
        f"{CHAPTER_2_EN}:{line_of(project, CHAPTER_2_EN, '[^2]:')}: error: footnote [^2] has "
        f"no twin in {CHAPTER_2}",
        f"{CHAPTER_2}:52: error: footnote marker [^2] has no note: add a line '[^2]: …' at "
        "the end of the chapter",
    ]


def test_footnotes_keep_the_printed_numbers(project: Path) -> None:
    edit(project, CHAPTER_2, "Molotov’a[^2]", "Molotov’a[^5]")
    edit(project, CHAPTER_2, "[^2]: Sovyet", "[^5]: Sovyet")
    assert messages(project)[-1] == (
        f"{CHAPTER_2}:52: error: footnote marker [^5] is out of sequence: footnotes are "
        "numbered as printed, and this one should be [^2]"
    )


def test_record_text_must_match_the_quotation(project: Path) -> None:
    edit(project, RECORD, "Batı radyosunun", "Doğu radyosunun")
    assert messages(project) == [
        f"{RECORD}:12: error: text.tr differs from the article's quotation at {CHAPTER_2}:39: "
        "the record has '…Doğu radyosunun verd…', the article '…Batı radyosunun verd…'"
    ]


def test_malformed_and_duplicate_bibliography_entries(project: Path) -> None:
    edit(project, BIB, "@misc{yel,", "@misc{kurat,")
    missing = "error: citation key '@yel' is neither in sources/references.bib nor a document id"
    assert messages(project) == [
        f"{CHAPTER_EN}:{line_of(project, CHAPTER_EN, '@yel')}: {missing}",
        f"{CHAPTER}:39: {missing}",
        f"{BIB}:122: error: two entries have the key 'kurat'; keys must be unique",
    ]


def test_every_problem_in_one_run(project: Path) -> None:
    edit(project, RECORD, "kind: letter\n", "kind: leter\n")
    edit_both(project, CHAPTER, "[@kurat, 376]", "[@kurta, 376]")
    edit(project, CHAPTER_2, "[^2]: Sovyet yöneticileri", "Sovyet yöneticileri")
    assert messages(project) == [
        f"{CHAPTER_EN}:{line_of(project, CHAPTER_EN, '@kurta')}: {KURTA}",
        f"{CHAPTER_2_EN}:1: error: 17 numbered paragraphs here, 18 in {CHAPTER_2}: the twin "
        "of its paragraph at line 168 is missing",
        f"{CHAPTER_2_EN}:{line_of(project, CHAPTER_2_EN, '[^2]:')}: error: footnote [^2] has "
        f"no twin in {CHAPTER_2}",
        f"{CHAPTER}:29: {KURTA}",
        f"{CHAPTER_2}:52: error: footnote marker [^2] has no note: add a line '[^2]: …' at "
        "the end of the chapter",
        f"{RECORD}:6: error: field 'kind' is 'leter'; did you mean 'letter'?; expected one "
        "of: letter, telegram, report, press-report, speech",
    ]


def test_check_command_prints_problems_and_exits_1(project: Path) -> None:
    edit_both(project, CHAPTER, "[@kurat, 376]", "[@kurta, 376]")
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{CHAPTER_EN}:{line_of(project, CHAPTER_EN, '@kurta')}: {KURTA}",
        f"{CHAPTER}:29: {KURTA}",
    ]
    assert result.stderr.strip() == "2 error(s), 0 warning(s)"


def test_check_command_exits_0_on_good_sources(project: Path) -> None:
    result = run_cli(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_usage_error_exits_2(project: Path) -> None:
    assert run_cli(project, "frobnicate").returncode == 2


def test_failed_build_leaves_the_previous_site_untouched(project: Path) -> None:
    first = run_cli(project, "build", "--without-pdf")
    assert first.returncode == 0, first.stderr
    site = project / "site"
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    edit(project, CHAPTER, "[@kurat, 376]", "[@kurta, 376]")
    second = run_cli(project, "build")
    assert second.returncode == 1
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


@pytest.mark.parametrize(
    "broken_link",
    ["[bozuk](yok.md)", "[bozuk](giris.md#p999)"],
)
def test_strict_mkdocs_build_fails_on_a_broken_link(project: Path, broken_link: str) -> None:
    edit(project, "docs/tr/sonuc.md", "# Sonuç\n", f"# Sonuç\n\n{broken_link}\n")
    edit(project, "docs/en/sonuc.md", "# Conclusion\n", f"# Conclusion\n\n{broken_link}\n")
    result = run_cli(project, "build")
    assert result.returncode == 1
    assert "Doc file 'sonuc.md' contains a link" in result.stderr
    assert "warnings in strict mode!" in result.stderr
    assert not (project / "site").exists()


def test_an_alias_keeps_the_old_url_alive(project: Path) -> None:
    edit(project, RECORD, "unknown:\n", "aliases: [rgaspi-159-2-57-003-old]\nunknown:\n")
    result = run_cli(project, "build", "--without-pdf")
    assert result.returncode == 0, result.stderr
    redirect = project / "site/belgeler/rgaspi-159-2-57-003-old/index.html"
    assert '<meta http-equiv="refresh" content="0; url=../rgaspi-159-2-57-003/">' in (
        redirect.read_text(encoding="utf-8")
    )


def test_an_alias_may_not_take_another_records_id(project: Path) -> None:
    edit(project, RECORD, "unknown:\n", "aliases: [rgaspi-159-2-57-095]\nunknown:\n")
    assert messages(project) == [
        f"{RECORD}:33: error: id 'rgaspi-159-2-57-095' is already used by the record at "
        "sources/documents/rgaspi-159-2-57-095.yaml:2"
    ]


def test_a_named_anchor_the_engine_cannot_name_is_reported_not_a_crash(project: Path) -> None:
    for relative in ("docs/tr/index.md", "docs/en/index.md"):
        edit(project, relative, "{ #oz }", "{ #ozet }")
    problem = (
        "error: the anchor '#ozet' has no name to show in links; did you mean 'oz'?; the "
        "anchors a chapter may name are: #abstract, #oz"
    )
    assert messages(project) == [
        f"docs/en/index.md:{line_of(project, 'docs/en/index.md', '{ #ozet }')}: {problem}",
        f"docs/tr/index.md:{line_of(project, 'docs/tr/index.md', '{ #ozet }')}: {problem}",
    ]
    result = run_cli(project, "build", "--without-pdf")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_a_language_the_engine_has_no_words_for_is_named_at_its_line(project: Path) -> None:
    edit(project, "sources/edition.yaml", "languages: [tr, en]", "languages: [tr, de]")
    line = line_of(project, "sources/edition.yaml", "languages: [tr, de]")
    assert messages(project) == [
        f"sources/edition.yaml:{line}: error: languages: the engine has no interface texts "
        "in de; it has them in en, tr (edition/labels.py)"
    ]


def test_a_text_in_a_language_the_edition_does_not_have(project: Path) -> None:
    edit(project, RECORD, "  en: |\n", "  de: Ein Brief.\n  en: |\n")
    line = line_of(project, RECORD, "  de: Ein Brief.")
    assert messages(project) == [
        f"{RECORD}:{line}: error: unknown field 'de'; allowed fields: en, tr"
    ]


def test_chapters_in_a_language_the_edition_does_not_list(project: Path) -> None:
    (project / "docs" / "de").mkdir()
    (project / "docs" / "de" / "index.md").write_text("# Titel\n", encoding="utf-8")
    assert messages(project) == [
        "docs/de:1: error: chapters in 'de', which is not among the edition's languages "
        f"(tr, en, sources/edition.yaml:{line_of(project, 'sources/edition.yaml', 'languages: [')})"
    ]


def test_a_url_word_that_another_page_has_is_named_at_its_line(project: Path) -> None:
    edit(project, "sources/edition.yaml", "chapters:\n", "paths:\n  people: giris\nchapters:\n")
    line = line_of(project, "sources/edition.yaml", "  people: giris")
    assert messages(project) == [
        f"sources/edition.yaml:{line}: error: paths: people 'giris' is the URL of chapter "
        "'giris' as well; give it another name under 'paths'"
    ]
