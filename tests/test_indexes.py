"""People and chronology: built from the records, linked to the places that name them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from edition.model.catalog import load_edition
from tests.conftest import ROOT, parse_page
from tests.test_site_links import resolve


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_person_has_a_section_with_their_forms_and_places(site: Path, prefix: str) -> None:
    people = yaml.safe_load((ROOT / "sources/people.yaml").read_text(encoding="utf-8"))
    html = parse_page(site, f"{prefix}kisiler/index.html")
    for person in people:
        (heading,) = html.xpath(f"//h2[@id='{person['id']}']")
        assert heading.text_content().strip() == person["name"]
        section = []
        for sibling in heading.itersiblings():
            if sibling.tag == "h2":
                break
            section.append(sibling)
        text = " ".join(s.text_content() for s in section)
        assert person["full_name"] in text
        assert any(s.xpath(f".//span[@lang='en'][.='{person['english']}']") for s in section)
        if "russian" in person:
            assert any(s.xpath(f".//span[@lang='ru'][.='{person['russian']}']") for s in section)
        links = [a for s in section for a in s.xpath(".//a")]
        assert links, person["id"]
        for link in links:
            target, fragment = resolve(f"{prefix}kisiler/index.html", link.get("href"))
            assert target.startswith(prefix)
            if fragment:  # a paragraph or footnote: its Turkish twin names the person
                original = target.removeprefix(prefix)
                element = parse_page(site, original).xpath(f"//*[@id='{fragment}']")[0]
                forms = "|".join(re.escape(form) for form in person["mentions"])
                assert re.search(forms, element.text_content()), (person["id"], fragment)


def test_footnote_facts_reach_the_people_page(site: Path) -> None:
    html = parse_page(site, "kisiler/index.html")
    text = _words(html.text_content())
    assert "11 Eylül 1877’de Polonyalı küçük bir asilzade ailesinde doğdu." in text
    assert "Gerçek soyadı Skryabin’dir" in text
    assert "1936’da tutuklandı; 1939’da hücre arkadaşı tarafından öldürüldü." in text
    dzerjinski = [
        a.get("href")
        for a in html.xpath(
            "//h2[@id='dzerjinski']/following-sibling::p[1]/following-sibling::*//a"
        )
    ]
    assert "../sovyet-yazismalarinda-mustafa-kemal-ve-turkiye/#fn:1" in dzerjinski


def test_chronology_orders_partial_and_uncertain_dates(site: Path) -> None:
    html = parse_page(site, "kronoloji/index.html")
    rows = [
        [_words(td.text_content()) for td in tr.xpath("./td")] for tr in html.xpath("//tbody/tr")
    ]
    dates = [row[0] for row in rows]
    assert (
        dates.index("Aralık 1920") < dates.index("31 Aralık [1920?]") < dates.index("16 Mart 1921")
    )
    assert dates.index("1920") < dates.index("Eylül 1920") < dates.index("27 Eylül 1920")
    assert dates.index("3 Mart 1918") < dates.index("1 Mayıs 1919")
    whats = [row[1] for row in rows]
    assert any(w.startswith("Olay: Brest-Litovsk Anlaşması") for w in whats)
    assert any(w.startswith("Olay: Sevr Antlaşması") for w in whats)
    assert any(w.startswith("Olay: Moskova Antlaşması") and "imza tarihidir" in w for w in whats)
    assert sum(w.startswith("Belge:") for w in whats) == 5


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_event_links_to_the_paragraph_that_states_it(site: Path, prefix: str) -> None:
    events = yaml.safe_load((ROOT / "sources/events.yaml").read_text(encoding="utf-8"))
    page = f"{prefix}kronoloji/index.html"
    html = parse_page(site, page)
    label = "Olay:" if not prefix else "Event:"
    rows = [
        tr
        for tr in html.xpath("//tbody/tr")
        if _words(tr.xpath("./td")[1].text_content()).startswith(label)
    ]
    assert len(rows) == len(events)
    quotes = {_words(e["quote"]) for e in events}
    for row in rows:
        (href,) = row.xpath("./td[3]//a/@href")
        target, fragment = resolve(page, href)
        assert target.startswith(prefix)
        # the Turkish twin of the linked paragraph holds the quoted words
        original = target.removeprefix(prefix)
        paragraph = _words(
            parse_page(site, original).xpath(f"//*[@id='{fragment}']")[0].text_content()
        )
        assert any(quote in paragraph for quote in quotes), href


def _edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def _messages(project: Path) -> list[str]:
    return [p.format() for p in load_edition(project)[1].sorted()]


def test_an_event_whose_words_are_not_in_the_chapter(project: Path) -> None:
    _edit(
        project,
        "sources/events.yaml",
        "quote: 3 Mart 1918 Brest-Litovsk Anlaşması",
        "quote: 3 Mart 1918 Brest Anlaşması",
    )
    assert _messages(project) == [
        "sources/events.yaml:50: error: the words '3 Mart 1918 Brest Anlaşması' are not in a "
        "paragraph of docs/tr/mustafa-kemal-ve-komunizm.md: copy them exactly from the "
        "paragraph that states the event"
    ]


def test_a_person_the_text_never_names(project: Path) -> None:
    _edit(project, "sources/people.yaml", "mentions: [Zinovyev]", "mentions: [Zinoviev]")
    lines = (project / "sources/people.yaml").read_text(encoding="utf-8").splitlines()
    record = next(n for n, line in enumerate(lines, 1) if "mentions: [Zinoviev]" in line)
    assert _messages(project) == [
        f"sources/people.yaml:{record}: warning: person 'zinovyev' is not named in the text by any "
        "of Zinoviev: check the forms under 'mentions'"
    ]


def test_people_file_is_checked_against_its_schema(project: Path) -> None:
    _edit(
        project,
        "sources/people.yaml",
        "  english: Grigory Zinoviev\n",
        "  englsh: Grigory Zinoviev\n",
    )
    assert _messages(project)[:2] == [
        "sources/people.yaml:288: error: missing field 'english': The form English-language "
        "scholarship uses.",
        "sources/people.yaml:291: error: unknown field 'englsh'; did you mean 'english'?; "
        "allowed fields: english, facts, full_name, id, mentions, name, role, russian",
    ]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_document_is_reached_from_the_documents_page_by_file_and_by_year(
    site: Path, prefix: str
) -> None:
    edition = load_edition(ROOT)[0]
    assert edition is not None
    page = f"{prefix}belgeler/index.html"
    html = parse_page(site, page)
    found_by: dict[str, set[str]] = {"dosya": set(), "yil": set()}
    for link in html.xpath("//article//a[contains(@href, 'dosya/') or contains(@href, 'yil/')]"):
        target, _ = resolve(page, link.get("href"))
        kind = "dosya" if "/dosya/" in target else "yil"
        listed = parse_page(site, target)
        for document_link in listed.xpath("//article//a[contains(@href, 'rgaspi-')]"):
            document_target, _ = resolve(target, document_link.get("href"))
            assert (site / document_target).is_file()
            found_by[kind].add(document_target.split("/")[-2])
    ids = {document.id for document in edition.documents}
    assert found_by == {"dosya": ids, "yil": ids}


def test_a_year_page_groups_its_documents_by_month(site: Path) -> None:
    html = parse_page(site, "belgeler/yil/1920/index.html")
    headings = [h.text_content().strip() for h in html.xpath("//article//h2")]
    assert headings == ["Ayı bilinmeyenler", "Eylül 1920", "Aralık 1920"]


def test_a_footnote_named_with_markdown_characters_reads_the_same_in_each_list() -> None:
    """A list of places stands in a Markdown paragraph (the people page) and in the
    chronology's raw HTML table: the footnote [^note_1] reads "note note_1" in both, as
    Python-Markdown (the site's converter) and a browser's HTML parser make of them."""
    import markdown
    from lxml import html as lxml_html

    from edition.model import Chapter, Origin
    from edition.render import Place, place_links

    chapter = Chapter(
        "letter", "en", "letter.md", Origin("docs/en/letter.md"), "L", True, "", (), ()
    )
    links = place_links([Place(chapter, "fn:note_1*")], "people.md", "en")
    in_paragraph = markdown.markdown(f"Named at: {links}")
    in_table = markdown.markdown(f"<table><tbody><tr><td>{links}</td></tr></tbody></table>")
    for converted in (in_paragraph, in_table):
        link = lxml_html.fromstring(converted).xpath("//a")[0]
        assert link.text_content() == "note note_1*"
        assert link.get("href") == "../letter/#fn:note_1*"
