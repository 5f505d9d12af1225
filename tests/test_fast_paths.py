"""The edition's fast paths give what the libraries they stand in for give: citations
formatted once per shape and filled in, and plain dates read without the EDTF grammar."""

from __future__ import annotations

from typing import Any

import pytest
from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edition.model import documents
from edition.model.catalog import load_edition
from edition.outputs import cite, csl
from tests.conftest import ROOT

EDITION = load_edition(ROOT)[0]


@pytest.mark.parametrize("lang", ["tr", "en"])
@pytest.mark.parametrize("document", EDITION.documents, ids=lambda d: d.id)
def test_every_document_citation_is_citeprocs_own(document: Any, lang: str) -> None:
    item = cite.document_item(EDITION, document, lang, "https://example.org/")
    assert csl.format_item(item, lang) == csl.format_directly(item, lang)


words = st.text(
    alphabet=st.sampled_from(list("abcçğıİiöşüxyzABÇĞÖŞÜ -.,:?'&<\"")), min_size=1, max_size=30
).filter(lambda s: s.strip())
name = st.builds(lambda f: {"family": f}, words) | st.builds(
    lambda g, f: {"given": g, "family": f}, words, words
)
names = st.lists(name, max_size=4)
dates = st.tuples(
    st.integers(1900, 1930), st.integers(1, 12), st.integers(1, 28), st.integers(1, 3)
).map(lambda t: [t[0], t[1], t[2]][: t[3]])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lang=st.sampled_from(["tr", "en"]),
    kind=st.sampled_from(["personal_communication", "manuscript", "speech"]),
    title=st.none() | words,
    genre=st.none() | words,
    location=words,
    place=st.none() | words,
    authors=names,
    recipients=names,
    parts=dates,
    circa=st.booleans(),
)
def test_any_item_fills_in_as_citeproc_formats_it(
    lang: str,
    kind: str,
    title: str | None,
    genre: str | None,
    location: str,
    place: str | None,
    authors: list[dict[str, str]],
    recipients: list[dict[str, str]],
    parts: list[int],
    circa: bool,
) -> None:
    item: dict[str, Any] = {
        "id": "x",
        "type": kind,
        "author": authors,
        "recipient": recipients,
        "issued": {"date-parts": [parts], **({"circa": True} if circa else {})},
        "archive": "RGASPİ",
        "archive-place": "Moskova",
        "archive_location": location,
        "URL": "https://example.org/belgeler/x/",
        "language": lang,
    }
    if place is not None:
        item["event-place"] = place
    if title is not None:
        item["title"] = title
    if genre is not None:
        item["genre"] = genre
    assert csl.format_item(item, lang) == csl.format_directly(item, lang)


@settings(max_examples=200, deadline=None)
@given(
    year=st.integers(1, 2100),
    month=st.none() | st.integers(0, 13),
    day=st.none() | st.integers(0, 32),
    year_mark=st.sampled_from(["", "?"]),
    mark=st.sampled_from(["", "?"]),
)
def test_plain_dates_are_read_as_the_edtf_grammar_reads_them(
    year: int, month: int | None, day: int | None, year_mark: str, mark: str
) -> None:
    text = f"{year:04d}" + (f"{year_mark}-{month:02d}" if month is not None else "")
    text += (f"-{day:02d}" if month is not None and day is not None else "") + mark
    try:
        parsed = parse_edtf(text)
    except EDTFParseException:
        with pytest.raises(EDTFParseException):
            documents.date_facts(text)
        return
    facts = documents.date_facts(text)
    assert (facts.year, facts.month, facts.day) == (year, month, day if month else None)
    assert facts.uncertain == (mark == "?")
    assert facts.year_uncertain == (year_mark == "?" and month is not None and mark == "")
    assert facts.earliest == tuple(parsed.lower_strict()[:3])
    assert facts.latest == tuple(parsed.upper_strict()[:3])
