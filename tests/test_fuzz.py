"""Random and mutated input never ends in a traceback: always problems with file and line."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edition.model import Origin
from edition.model.bibliography import parse_bibliography
from edition.model.catalog import load_edition
from edition.model.chapters import parse_chapter, parse_citations
from edition.model.documents import parse_document
from edition.model.people import parse_people
from edition.problems import Problems
from tests.conftest import ROOT

RECORD = (ROOT / "sources/documents/rgaspi-159-2-56-045.yaml").read_text(encoding="utf-8")
RECORD_DATA = yaml.safe_load(RECORD)
BIB = (ROOT / "sources/references.bib").read_text(encoding="utf-8")
PEOPLE = (ROOT / "sources/people.yaml").read_text(encoding="utf-8")
_EDITION = load_edition(ROOT)[0]
assert _EDITION is not None
ARCHIVES = _EDITION.info.archives
LANGUAGES = _EDITION.languages
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30)
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3)
    ),
    max_leaves=8,
)


def lines_of(text: str) -> int:
    """The line breaks of `text` as an editor counts them, and as the edition reads a file
    (`decode_source` makes a lone CR and CRLF a LF): the YAML parser counts a lone CR too."""
    return text.replace("\r\n", "\n").replace("\r", "\n").count("\n")


def assert_located(problems: Problems, path: str, lines: int) -> None:
    for problem in problems.items:
        assert problem.origin.path == path
        assert 1 <= problem.origin.line <= lines + 1, problem.format()
        assert problem.message


@SETTINGS
@given(st.sampled_from(sorted(RECORD_DATA)), values)
def test_a_record_with_any_value_in_any_field(field: str, value: object) -> None:
    data = dict(RECORD_DATA)
    data[field] = value
    text = yaml.safe_dump(data, allow_unicode=True)
    problems = Problems()
    parse_document(
        text, "sources/documents/rgaspi-159-2-56-045.yaml", LANGUAGES, ARCHIVES, problems
    )
    assert_located(problems, "sources/documents/rgaspi-159-2-56-045.yaml", lines_of(text))


@SETTINGS
@given(st.integers(0, len(RECORD)), st.integers(0, 40), st.text(max_size=20))
def test_a_record_cut_and_spliced_anywhere(start: int, length: int, insert: str) -> None:
    text = RECORD[:start] + insert + RECORD[start + length :]
    problems = Problems()
    parse_document(text, "sources/documents/x.yaml", LANGUAGES, ARCHIVES, problems)
    assert_located(problems, "sources/documents/x.yaml", lines_of(text))


@SETTINGS
@given(st.integers(0, len(BIB)), st.integers(0, 40), st.text(max_size=20))
def test_a_bibliography_cut_and_spliced_anywhere(start: int, length: int, insert: str) -> None:
    text = BIB[:start] + insert + BIB[start + length :]
    problems = Problems()
    parse_bibliography(text, "sources/references.bib", problems)
    assert_located(problems, "sources/references.bib", lines_of(text))


@SETTINGS
@given(st.integers(0, len(PEOPLE)), st.integers(0, 40), st.text(max_size=20))
def test_the_people_file_cut_and_spliced_anywhere(start: int, length: int, insert: str) -> None:
    text = PEOPLE[:start] + insert + PEOPLE[start + length :]
    problems = Problems()
    parse_people(text, "sources/people.yaml", problems, LANGUAGES)
    assert_located(problems, "sources/people.yaml", lines_of(text))


citation_text = st.lists(
    st.one_of(
        st.text(alphabet="[]@;,-^ :abc123\n", max_size=15),
        st.sampled_from(["[@kurat, 376]", "@volkova [1]", "[@", "[^1]", "[@a; @b, 2]", "@@x"]),
    ),
    max_size=8,
).map("".join)


@SETTINGS
@given(citation_text)
def test_any_citation_syntax_in_a_chapter(text: str) -> None:
    problems = Problems()
    citations = parse_citations(text, Origin("docs/tr/x.md", 3), problems)
    for citation in citations:
        start, end = citation.span
        assert text[start:end] == citation.source
        assert citation.origin.line >= 3
    chapter = parse_chapter(
        "# T\n\n" + text,
        slug="x",
        lang="tr",
        path="docs/tr/x.md",
        numbered=True,
        problems=problems,
    )
    assert chapter.title == "T"
    assert_located(problems, "docs/tr/x.md", lines_of(text) + 3)


def test_the_fixtures_are_real() -> None:
    assert Path(ROOT / "sources/documents").is_dir() and "signature" in RECORD_DATA
