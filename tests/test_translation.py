"""The English translation as a reader and an editor meet it: the glossary page and its
check, the translation's brackets kept apart from the author's parentheses, the note on
the translation and its conventions, inferences labelled as such."""

from __future__ import annotations

from pathlib import Path

import yaml

from edition.model.catalog import load_edition
from edition.site.pages import planned_sources
from tests.conftest import parse_page

CHAPTER_2 = "sovyet-yazismalarinda-mustafa-kemal-ve-turkiye.md"
RECORD = "sources/documents/rgaspi-159-2-56-045.yaml"


def messages(project: Path) -> list[str]:
    return [problem.format() for problem in load_edition(project)[1].sorted()]


def replace(project: Path, relative: str, old: str, new: str) -> int:
    """Replace text in a project file; the line it is on."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def line_of(project: Path, relative: str, needle: str) -> int:
    lines = (project / relative).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def test_glossary_page_lists_every_term_with_links_to_its_paragraphs(site: Path) -> None:
    terms = yaml.safe_load(Path("sources/glossary.yaml").read_text(encoding="utf-8"))
    for prefix in ("", "en/"):
        page = parse_page(site, f"{prefix}sozluk/index.html")
        rows = page.xpath("//article//table//tr[td]")
        shown = [row.xpath("string(td[1])").strip() for row in rows]
        assert sorted(shown) == sorted(term["term"] for term in terms)
        kuva = rows[shown.index("Kuvâ-yi Milliye")]
        assert kuva.xpath("string(td[2])").strip() == "the National Forces"
        assert kuva.xpath("td[1]//*[@lang]/@lang") == (["tr"] if prefix else [])
        for href in kuva.xpath("td[4]//a/@href"):
            target, anchor = href.split("#")
            chapter = parse_page(site, f"{prefix}sozluk/{target}index.html")
            assert chapter.xpath(f'//*[@id="{anchor}"]'), href
            assert "Kuvâ-yi Milliye" in chapter.xpath(f'string(//*[@id="{anchor}"]/..)')
        assert kuva.xpath("td[4]//a")
    nav = parse_page(site, "en/index.html").xpath('string(//nav[@aria-label="Navigation"])')
    assert "Glossary" in nav


def test_an_english_paragraph_that_leaves_the_glossary_is_reported_at_its_line(
    project: Path,
) -> None:
    line = replace(project, f"docs/en/{CHAPTER_2}", "[the\nNational Forces]", "[the\nmilitias]")
    assert messages(project) == [
        f"docs/en/{CHAPTER_2}:{_paragraph_start(project, line)}: error: "
        "the original uses 'Kuvâ-yi Milliye' here, but this en text has none of "
        f"'National Forces': the glossary (sources/glossary.yaml:"
        f"{line_of(project, 'sources/glossary.yaml', '- term: Kuvâ-yi Milliye')}) renders it "
        "'the National Forces'"
    ]


def _paragraph_start(project: Path, line: int) -> int:
    """The first line of the paragraph that holds `line` in the English chapter 2."""
    lines = (project / f"docs/en/{CHAPTER_2}").read_text(encoding="utf-8").splitlines()
    while line > 1 and lines[line - 2].strip():
        line -= 1
    return line


def test_a_record_text_that_leaves_the_glossary_is_reported(project: Path) -> None:
    record = "sources/documents/rgaspi-159-2-57-003.yaml"
    replace(project, record, "spread a holy\n", "spread a sacred\n")
    assert messages(project) == [
        f"{record}:{line_of(project, record, 'text:')}: error: the tr text uses 'kutsal "
        "yürüyüş', but the en text has none of 'holy campaign': the glossary "
        f"(sources/glossary.yaml:{line_of(project, 'sources/glossary.yaml', 'kutsal')}) renders "
        "it 'holy campaign'"
    ]


def test_the_translation_adds_brackets_never_parentheses(project: Path) -> None:
    line = replace(project, "docs/en/giris.md", "[Gallipoli]", "(Gallipoli)")
    record_line = line_of(project, RECORD, "text:")
    replace(project, RECORD, "Yeni Haziran [New June]", "Yeni Haziran (New June)")
    problems = messages(project)
    start = line
    lines = (project / "docs/en/giris.md").read_text(encoding="utf-8").splitlines()
    while start > 1 and lines[start - 2].strip():
        start -= 1
    assert (
        f"docs/en/giris.md:{start}: error: ¶ 2 has 1 parenthesis(es) but its twin at "
        in (problems[0])
    )
    assert "the translation's own additions stand in [square brackets]" in problems[0]
    assert problems[1] == (
        f"{RECORD}:{record_line}: error: the en text has 1 parenthesis(es) where the tr has 0: "
        "the translation's own additions stand in [square brackets], parentheses are the "
        "author's"
    )
    assert len(problems) == 2


def test_an_edition_without_a_glossary_has_no_glossary_page(project: Path) -> None:
    (project / "sources/glossary.yaml").unlink()
    edition, problems = load_edition(project)
    assert edition is not None and not problems.items
    assert edition.glossary == ()
    assert "sozluk.md" not in planned_sources(edition, "en")


def test_a_glossary_entry_with_an_unknown_language_is_refused(project: Path) -> None:
    line = replace(
        project, "sources/glossary.yaml", "rendering: {en: the Cheka}", "rendering: {de: Tscheka}"
    )
    assert messages(project) == [
        f"sources/glossary.yaml:{line}: error: 'Çeka': no translation in de; the edition's "
        "translations are en"
    ]


def test_the_note_on_the_translation_states_its_conventions(site: Path) -> None:
    note = parse_page(site, "en/index.html").xpath('//*[@id="translation-note"]')[0]
    text = " ".join(note.text_content().split())
    assert "it is not the author's" in text
    assert "Square brackets [ ] hold the edition's additions" in text
    assert "Parentheses ( ) are the author's" in text
    assert "Turkey names the country" in text
    links = {a.text_content(): a.get("href") for a in note.iter("a")}
    assert links == {"People": "kisiler/", "Glossary": "sozluk/"}


def test_the_parallel_columns_say_whose_text_each_is(site: Path) -> None:
    for prefix, heads in (
        ("en/", ["Turkish: the author's text", "English: the edition's translation"]),
        ("", ["Türkçe: yazarın metni", "İngilizce: edisyonun çevirisi"]),
    ):
        page = parse_page(site, f"{prefix}paralel/giris/index.html")
        shown = [h.text_content() for h in page.xpath('//*[@class="ed-parallel__head"]')]
        assert shown == heads


def test_the_inferred_language_of_a_record_is_labelled_with_its_basis(site: Path) -> None:
    page = parse_page(site, "en/belgeler/rgaspi-159-2-56-045/index.html")
    row = page.xpath('//tr[th[normalize-space()="Original language"]]')[0]
    text = " ".join(row.text_content().split())
    assert text.startswith("Original language Russian")
    assert "The edition's inference: The article does not name the document's language." in text
