"""The Turkish pages carry the source text word for word: nothing dropped, nothing added."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import lxml.html

from tests.conftest import CHAPTER_PAGES, SOURCE_TEXT, parse_page

# Lines of the extraction that are not the author's text: the running head and page number.
RUNNING_HEAD = re.compile(r"^\s*(19|TÜBAR LIV / 2023-Güz / .*)\s*$")
# A footnote at the foot of a printed page starts with its number and two spaces.
FOOTNOTE_NUMBER = re.compile(r"^\s*[1-4]  (?=\S)")
# The title and the section headings stand on lines of their own without a full stop.
HEADING_LINES = {2, 3, 44, 45, 74, 110, 249, 480}
# Parts of the pages that are the edition's apparatus, not text.
APPARATUS = (
    "ed-pnum",  # paragraph numbers
    "footnote-backref",
    "headerlink",
    "ed-byline",
    "ed-cite-block",  # "cite this" on the title page
)


def normalise(text: str) -> str:
    """Compare words only: case, whitespace, hyphenation and quote shapes are ignored."""
    text = unicodedata.normalize("NFC", text).casefold().replace("\u0307", "")
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text)


def source_lines() -> list[tuple[int, str]]:
    """The source's numbered lines, the body first and then the footnotes, without page heads.

    A footnote block starts after a line of many spaces and ends where the text resumes on a
    line that starts with a single space (the new page).
    """
    body: list[tuple[int, str]] = []
    notes: list[tuple[int, str]] = []
    in_notes = False
    for number, line in enumerate(SOURCE_TEXT.read_text(encoding="utf-8").splitlines(), 1):
        if RUNNING_HEAD.match(line):
            continue
        if not line.strip() and len(line) >= 20:
            in_notes = True
            continue
        if in_notes and re.match(r"^ \S", line) and not FOOTNOTE_NUMBER.match(line):
            in_notes = False
        if in_notes:
            notes.append((number, FOOTNOTE_NUMBER.sub("", line)))
        else:
            body.append((number, line))
    return [*body, (0, ""), *notes]


def source_segments() -> list[str]:
    """The source cut into sentences, never across a heading, a blank line or a page foot."""
    segments: list[str] = []
    current: list[str] = []
    for number, line in source_lines():
        if not line.strip() or number in HEADING_LINES:
            segments.append(" ".join(current))
            current = []
            if line.strip():
                segments.append(line)
            continue
        current.append(line)
    segments.append(" ".join(current))
    sentences = []
    for segment in segments:
        sentences += [s for s in re.split(r"(?<=[.?!:;])\s+", segment) if normalise(s)]
    return sentences


def page_text(element: lxml.html.HtmlElement) -> str:
    for node in element.xpath(
        " | ".join(f".//*[contains(concat(' ', @class, ' '), ' {c} ')]" for c in APPARATUS)
    ):
        node.drop_tree()
    return " ".join(element.itertext())


def article_text(site: Path) -> str:
    texts = []
    for relative in CHAPTER_PAGES:
        article = parse_page(site, relative).xpath("//article")[0]
        texts.append(page_text(article))
    return " ".join(texts)


def test_every_sentence_of_the_source_is_on_the_turkish_pages(site: Path) -> None:
    built = normalise(article_text(site))
    missing = [s for s in source_segments() if normalise(s) not in built]
    assert missing == []


def test_the_body_chapters_hold_nothing_but_the_source(site: Path) -> None:
    source = normalise(" ".join(line for _, line in source_lines()))
    added = []
    for relative in CHAPTER_PAGES[1:]:
        article = parse_page(site, relative).xpath("//article")[0]
        pieces = article.xpath(
            ".//*[contains(@class, 'ed-block')] | .//div[@class='footnote']//li | .//h1"
        )
        assert pieces, relative
        for piece in pieces:
            text = page_text(piece)
            if normalise(text) not in source:
                added.append((relative, text.strip()[:120]))
    assert added == []


def test_no_running_head_or_page_number_on_any_page(site: Path) -> None:
    for relative in CHAPTER_PAGES:
        text = page_text(parse_page(site, relative).xpath("//article")[0])
        assert "TÜBAR" not in text and "2023-Güz" not in text, relative
        assert not re.search(r"(^|\s)19\s*$", text), relative


def test_real_hyphens_are_kept_and_line_end_hyphens_joined(site: Path) -> None:
    text = " ".join(page_text(parse_page(site, r).xpath("//article")[0]) for r in CHAPTER_PAGES)
    for kept in ("Sosyo-Politik", "Brest-Litovsk", "Batum-Kars-Ardahan", "1918-1922"):
        assert kept in text
    for joined in ("ekonomik", "Devleti’ni", "mücadelesi", "Mihailoviç", "Eylül 1877"):
        assert joined in text
    for broken in ("ekono- mik", "Dev- leti", "müca- delesi"):
        assert broken not in text
