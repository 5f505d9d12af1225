"""Citations formatted once per shape and filled in are what citeproc-py itself gives."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edition import cite, csl
from edition.catalog import load_edition
from tests.conftest import ROOT

EDITION = load_edition(ROOT)[0]


@pytest.mark.parametrize("lang", ["tr", "en"])
@pytest.mark.parametrize("document", EDITION.documents, ids=lambda d: d.id)
def test_every_document_citation_is_citeprocs_own(document: Any, lang: str) -> None:
    item = cite.document_item(EDITION, document, lang, "https://example.org/", document.id)
    assert csl.format_item(item, lang) == csl.format_directly(item, lang)


words = st.text(
    alphabet=st.sampled_from(list("abcçğıİiöşüxyzABÇĞÖŞÜ -.,:?'&<\"")), min_size=1, max_size=30
).filter(lambda s: s.strip())
names = st.lists(st.builds(lambda n: {"literal": n}, words), max_size=4)
dates = st.tuples(
    st.integers(1900, 1930), st.integers(1, 12), st.integers(1, 28), st.integers(1, 3)
).map(lambda t: [t[0], t[1], t[2]][: t[3]])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lang=st.sampled_from(["tr", "en"]),
    kind=st.sampled_from(["letter", "manuscript", "speech"]),
    title=words,
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
    title: str,
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
        "title": title,
        "author": authors,
        "recipient": recipients,
        "issued": {"date-parts": [parts], **({"circa": True} if circa else {})},
        "archive": "RGASPİ",
        "archive-place": "Moskova",
        "archive_location": location,
        "container-title": "Edisyon",
        "medium": "Dijital edisyon",
        "version": "0.2.0",
        "URL": "https://example.org/belgeler/x/",
        "language": lang,
    }
    if place is not None:
        item["event-place"] = place
    assert csl.format_item(item, lang) == csl.format_directly(item, lang)
