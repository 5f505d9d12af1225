"""TEI P5 of the edition: one file per archival document and one for the article, built with
lxml from the same model as the pages. Pure: (Edition, site address) → XML text.

Each document's file describes the record in its teiHeader (msDesc with the archive and the
signature, the date from the EDTF, the people with a pointer to the people page, what is not
known) and gives its text in the author's Turkish and the edition's English. The article's file
numbers paragraphs and quotes as the site does (`p12`), keeps the footnotes where they are
called, and links every citation to a `listBibl` of the works and the documents.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable
from functools import lru_cache, partial

import lxml.html
from lxml import etree
from markdown_it import MarkdownIt

from edition import urls
from edition.labels import KIND_NAMES, LANGUAGE_NAMES, label, language_name, named, text_label
from edition.memo import Parts, RenderMemory, fresh
from edition.model import (
    BlockKind,
    Chapter,
    Citation,
    CitationForm,
    DatePrecision,
    Document,
    DocumentDate,
    Edition,
    Footnote,
    LocalizedText,
    Work,
)
from edition.model.chapters import FOOTNOTE_REF, NAMED_ANCHOR
from edition.render import alphabetical_key, cited_records, document_title

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
TEI_VERSION = "4.3.0"
"""The TEI P5 release whose tei_all.rng the files are declared for (and tested against)."""
TEI_SCHEMA_URL = (
    f"https://www.tei-c.org/Vault/P5/{TEI_VERSION}/xml/tei/custom/schema/relaxng/tei_all.rng"
)
RESP_AUTHOR = "resp-author"
RESP_EDITION = "resp-edition"
Make = Callable[[etree._Element], None]


def tei_sources(edition: Edition) -> list[str]:
    """Every TEI file: the article's, each record's, and each record's again under every
    earlier id of it (its `aliases`), so that a link to the old file keeps working."""
    paths = edition.paths
    return [paths.article_tei] + [
        paths.tei_src(name) for d in edition.documents for name in (d.id, *d.aliases)
    ]


def render_tei_files(
    edition: Edition, root_url: str, memory: RenderMemory | None = None
) -> dict[str, str]:
    """Every TEI file, keyed by its path from the site root; with a `memory`, what the last
    build made is reused while what it was made from is unchanged."""
    memory = memory if memory is not None else RenderMemory()
    remembered = memory.tei_documents
    paths = edition.paths
    article_parts = memory.family("article TEI", (root_url, edition.info)).get
    files = {paths.article_tei: render_article_tei(edition, root_url, article_parts)}
    # A document's file names the edition and the people of the record besides the record.
    remembered.begin((root_url, edition.info))
    for document in edition.documents:
        files[paths.tei_src(document.id)] = remembered.get(
            document.id,
            (document, edition.people_of(document)),
            partial(render_document_tei, edition, document, root_url),
        )
        for alias in document.aliases:
            files[paths.tei_src(alias)] = files[paths.tei_src(document.id)]
    return files


# --- building blocks ------------------------------------------------------------------


def _tag(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def _el(
    parent: etree._Element, name: str, text: str | None = None, **attributes: str
) -> etree._Element:
    """A TEI child element; `lang` and `id` become xml:lang and xml:id."""
    element = etree.SubElement(parent, _tag(name))
    for key, value in attributes.items():
        if key in ("lang", "id"):
            element.set(f"{{{XML_NS}}}{key}", value)
        else:
            element.set(key.rstrip("_"), value)
    if text is not None:
        element.text = text
    return element


def _localized(parent: etree._Element, name: str, text: LocalizedText, **attributes: str) -> None:
    """One element per language the text is given in."""
    for lang, value in text.values:
        _el(parent, name, value, lang=lang, **attributes)


def _serialise(root: etree._Element) -> str:
    model = etree.ProcessingInstruction(
        "xml-model",
        f'href="{TEI_SCHEMA_URL}" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"',
    )
    _indent(root)
    # The prolog is written item by item: lxml drops a top-level processing instruction
    # that is given a line break after it.
    prolog = [b'<?xml version="1.0" encoding="UTF-8"?>', etree.tostring(model)]
    element = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return b"\n".join([*prolog, element, b""]).decode("utf-8")


_JOINED_PART = re.compile(r"<!--part [0-9]+-->")


class _Joined:
    """Elements written out on their own (a part kept from the last build costs nothing to
    write again), each standing in the tree as a placeholder until the whole is written."""

    def __init__(self) -> None:
        self.parts: dict[str, str] = {}

    def put(self, parent: etree._Element, written: str) -> None:
        """`written` as the last child of `parent`."""
        placeholder = etree.Comment(f"part {len(self.parts)}")
        parent.append(placeholder)
        self.parts[f"<!--part {len(self.parts)}-->"] = written

    def put_instead(self, element: etree._Element, written: str) -> None:
        """`written` in the place of `element`."""
        placeholder = etree.Comment(f"part {len(self.parts)}")
        parent = element.getparent()
        assert parent is not None
        parent.replace(element, placeholder)
        self.parts[f"<!--part {len(self.parts)}-->"] = written

    def into(self, serialised: str) -> str:
        return _JOINED_PART.sub(lambda match: self.parts[match.group(0)], serialised)


def _level(element: etree._Element) -> int:
    """How deep in its tree an element stands, as _indent counts it."""
    return sum(1 for _ in element.iterancestors())


def _fragment(element: etree._Element, level: int) -> str:
    """An element written out as it is written at `level` in the whole file (its own
    namespace declaration is the root's, and goes)."""
    _indent(element, level)
    written: str = etree.tostring(element, encoding="unicode", with_tail=False)
    return written.replace(f' xmlns="{TEI_NS}"', "", 1)


def _indent(element: etree._Element, level: int = 0) -> None:
    """Indent elements that hold only elements; text with markup in it is left exactly as
    it is (lxml's own indenting would add spaces inside a citation)."""
    children = list(element)
    if not children or (element.text or "") or any(child.tail for child in children):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in children:
        child.tail = inner
        _indent(child, level + 1)
    children[-1].tail = "\n" + "  " * level


def _root(lang: str, tei_id: str | None = None) -> etree._Element:
    root = etree.Element(_tag("TEI"), nsmap={None: TEI_NS})
    root.set(f"{{{XML_NS}}}lang", lang)
    if tei_id:
        root.set(f"{{{XML_NS}}}id", tei_id)
    return root


def _edition_statement(file_desc: etree._Element, edition: Edition) -> None:
    statement = _el(file_desc, "editionStmt")
    text = _el(statement, "edition", n=edition.info.version)
    text.text = f"{label('en', 'version')} {edition.info.version} ("
    _el(text, "date", edition.info.date, when=edition.info.date).tail = ")"


def _publication(file_desc: etree._Element, edition: Edition, url: str | None, lang: str) -> None:
    """Where the file is published: the edition's address (none in a build without a public
    address); no publisher is invented."""
    statement = _el(file_desc, "publicationStmt")
    paragraph = _el(statement, "p", lang=lang)
    paragraph.text = f"{label(lang, 'tei_published')} "
    if url is None:
        title = _el(paragraph, "title", edition.info.title.text(lang))
        title.tail = f", {label(lang, 'version').lower()} {edition.info.version} ("
        _el(paragraph, "date", edition.info.date, when=edition.info.date).tail = ")."
        return
    _el(paragraph, "ref", edition.info.title.text(lang), target=url).tail = ", "
    _el(
        paragraph, "idno", url, type="URI"
    ).tail = f", {label(lang, 'version').lower()} {edition.info.version} ("
    _el(paragraph, "date", edition.info.date, when=edition.info.date).tail = ")."


def _responsibilities(title_statement: etree._Element, edition: Edition) -> None:
    author = _el(title_statement, "respStmt", id=RESP_AUTHOR)
    # The header's own words are English, TEI's working language; the edition's note on a
    # translation is in the translation's language.
    _el(author, "resp", named("en", "tei_resp_author", edition.languages), lang="en")
    _el(author, "persName", edition.info.author)
    translations = edition.languages.translations
    if not translations:
        return
    translation = _el(title_statement, "respStmt", id=RESP_EDITION)
    for lang in translations:
        note = edition.info.translation_note(lang)
        if note is not None and note.resp:
            _el(translation, "resp", note.resp, lang=lang)
        else:
            resp = label("en", "tei_resp_translation", translation=language_name(lang, "en"))
            _el(translation, "resp", resp, lang="en")
    credit = edition.info.translator(translations[0])
    name = credit.text("en") if credit else label("en", "tei_the_edition")
    _el(translation, "name", name, lang="en")


# --- dates ------------------------------------------------------------------------------


def date_attributes(date: DocumentDate) -> dict[str, str]:
    """TEI's @when from an EDTF date, at its precision (1920, 1920-12, 1920-12-31), with
    @cert="medium" where the EDTF marks it uncertain; never more precise than the record."""
    parts = [f"{date.year:04d}"]
    if date.precision in (DatePrecision.MONTH, DatePrecision.DAY) and date.month:
        parts.append(f"{date.month:02d}")
    if date.precision is DatePrecision.DAY and date.day:
        parts.append(f"{date.day:02d}")
    attributes = {"when": "-".join(parts)}
    if date.uncertain or date.year_uncertain:
        attributes["cert"] = "medium"
    return attributes


# --- a document -------------------------------------------------------------------------


def render_document_tei(edition: Edition, document: Document, root_url: str) -> str:
    """The TEI file of one archival document."""
    root = _root(edition.original, document.id)
    header = _el(root, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title_statement = _el(file_desc, "titleStmt")
    for lang in edition.languages:
        _el(title_statement, "title", document_title(edition, document, lang), lang=lang)
    _responsibilities(title_statement, edition)
    _edition_statement(file_desc, edition)
    page_url = (
        root_url + urls.src_to_url(edition.paths.document_src(document.id)) if root_url else None
    )
    _publication(file_desc, edition, page_url, edition.original)
    _document_notes(file_desc, document, edition.original)
    _manuscript(_el(file_desc, "sourceDesc"), edition, document)
    _document_profile(_el(header, "profileDesc"), edition, document, root_url)
    _document_text(_el(root, "text"), edition, document)
    return _serialise(root)


def _document_notes(file_desc: etree._Element, document: Document, original: str) -> None:
    notes = _el(file_desc, "notesStmt")
    _el(
        notes,
        "note",
        document.citation_as_printed,
        type="citation-as-printed",
        lang=original,
    )
    if document.date.basis is not None:
        _localized(notes, "note", document.date.basis, type="date-basis")
    for name, reason in document.unknown:
        _localized(notes, "note", reason, type="unknown", subtype=name)


def _manuscript(source: etree._Element, edition: Edition, document: Document) -> None:
    signature = document.signature
    manuscript = _el(source, "msDesc")
    identifier = _el(manuscript, "msIdentifier")
    archive = signature.archive
    original = edition.original
    _el(identifier, "settlement", archive.place.text(original), lang=original)
    _el(
        identifier,
        "repository",
        f"{archive.name.text(original)} ({archive.abbreviation})",
        lang=original,
    )
    collection = _el(identifier, "collection", type="fond", n=signature.fond)
    collection.text = f"Fond {signature.fond}"
    for kind, value in (("opis", signature.opis), ("delo", signature.delo)):
        _el(identifier, "collection", f"{kind.capitalize()} {value}", type=kind, n=value)
    _el(identifier, "idno", signature.as_printed, type="signature", lang=edition.original)
    for kind, text in (("english", signature.english), ("russian", signature.russian)):
        if text is None:
            continue
        alternative = _el(identifier, "altIdentifier", type=kind)
        _el(alternative, "idno", text, type="signature", lang="en" if kind == "english" else "ru")
    sheet = _el(identifier, "altIdentifier", type="list")
    _el(sheet, "idno", signature.list, type="list")
    if signature.list_part:
        part = _el(identifier, "altIdentifier", type="list-part")
        _el(part, "idno", signature.list_part, type="list-part")
        _el(part, "note", label("en", "list_part", part=signature.list_part), lang="en")
    contents = _el(manuscript, "msContents")
    item = _el(contents, "msItem")
    _el(item, "title", document_title(edition, document, edition.original), lang=edition.original)
    _el(item, "textLang", mainLang=document.original_language)
    history = _el(manuscript, "history")
    origin = _el(history, "origin")
    _el(
        origin,
        "origDate",
        document.date.as_printed,
        lang=edition.original,
        **date_attributes(document.date),
    )
    if document.place:  # else notesStmt says why it is not known
        _el(origin, "origPlace", document.place, lang=edition.original)


def _document_profile(
    profile: etree._Element, edition: Edition, document: Document, root_url: str
) -> None:
    correspondence = _el(profile, "correspDesc")
    unknown = dict(document.unknown)
    for action, ids, field in (
        ("sent", document.senders, "senders"),
        ("received", document.recipients, "recipients"),
    ):
        element = _el(correspondence, "correspAction", type=action)
        for person_id in ids:
            person = edition.person(person_id)
            name = person.full_name if person else person_id
            # Without a public address, relative to the file (/veri/tei/<id>.xml).
            people_page = (root_url or "../../") + urls.src_to_url(edition.paths.people_page)
            _el(element, "persName", name, ref=f"{people_page}#{person_id}")
        if action == "received":
            for group in document.recipient_groups:
                _localized(element, "rs", group, type="group")
        if action == "sent" and document.place:
            _el(element, "placeName", document.place, lang=edition.original)
        if action == "sent":
            _el(element, "date", document.date.as_printed, **date_attributes(document.date))
        if field in unknown:
            _localized(element, "note", unknown[field], type="unknown")
        if len(element) == 0:
            _el(element, "note", label("en", "unknown"), lang="en", type="unknown")
    languages = _el(profile, "langUsage")
    names = LANGUAGE_NAMES["en"]
    codes = dict.fromkeys([document.original_language, *edition.languages])
    for code in codes:
        _el(languages, "language", names.get(code, code), ident=code)
    classes = _el(profile, "textClass")
    keywords = _el(classes, "keywords")
    for lang in edition.languages:
        _el(keywords, "term", KIND_NAMES[lang][document.kind], lang=lang, type="kind")


def _document_text(text: etree._Element, edition: Edition, document: Document) -> None:
    body = _el(text, "body")
    for lang in edition.languages:
        value = document.text.get(lang)
        if not value:
            continue
        original = lang == edition.original
        division = _el(
            body,
            "div",
            type="translation",
            lang=lang,
            id=f"text-{lang}",
            resp=f"#{RESP_AUTHOR}" if original else f"#{RESP_EDITION}",
        )
        if not original:
            division.set("corresp", f"#text-{edition.original}")
        _el(division, "head", text_label(document.original_language, lang, lang, edition.original))
        for paragraph in paragraphs(value):
            _el(division, "p", paragraph)


def paragraphs(text: str) -> list[str]:
    """A record's text as paragraphs (blank lines between), each on one line."""
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]


# --- the article ------------------------------------------------------------------------


_markdown = MarkdownIt("commonmark")


# The article's paragraphs are rendered again on each of the preview's rebuilds; nearly all
# are unchanged.
@lru_cache(maxsize=1 << 16)
def _html_of(markdown: str) -> str:
    return str(_markdown.render(markdown))


_PLACEHOLDER = re.compile("\ue000([0-9]+)\ue001")
_ADMONITION = re.compile(r'^!!!\s+\w+(?:\s+"([^"]*)")?\s*$')
_DIV_LANG = re.compile(r'^<div\s+lang="([A-Za-z-]+)"')


def render_article_tei(edition: Edition, root_url: str, parts: Parts = fresh) -> str:
    """The article in TEI: the original and each translation, each numbered as on the site,
    with footnotes in place and citations linked to the lists of works. Each language's text
    and each document's entry is written on its own (`parts` keeps them) and joined in."""
    joined = _Joined()
    root = _root(edition.original, "article")
    header = _el(root, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title_statement = _el(file_desc, "titleStmt")
    _localized(title_statement, "title", edition.info.title)
    author = _el(title_statement, "author")
    _el(author, "persName", edition.info.author)
    _responsibilities(title_statement, edition)
    _edition_statement(file_desc, edition)
    _publication(file_desc, edition, root_url or None, edition.original)
    source = _el(file_desc, "sourceDesc")
    printed = _el(source, "bibl", type="printed")
    _el(printed, "author", edition.info.author)
    _el(
        printed,
        "title",
        edition.info.title.text(edition.original),
        level="a",
        lang=edition.original,
    )
    publication = edition.info.publication
    _el(printed, "title", publication.journal, level="j")
    if publication.journal_short:
        _el(printed, "title", publication.journal_short, level="j", type="abbreviated")
    # The journal numbers issues, not volumes.
    _el(printed, "biblScope", publication.issue, unit="issue")
    season = f"{publication.season} " if publication.season else ""
    _el(printed, "date", f"{season}{publication.year}", when=str(publication.year))
    profile = _el(header, "profileDesc")
    languages = _el(profile, "langUsage")
    for code in edition.languages:
        _el(languages, "language", LANGUAGE_NAMES["en"][code], ident=code)

    outer = _el(root, "text")
    group = _el(outer, "group")
    for lang in edition.languages:
        prefix = "" if lang == edition.original else f"{lang}-"
        original = lang == edition.original
        text = _el(
            group,
            "text",
            lang=lang,
            id=f"text-{lang}",
            type="original" if original else "translation",
        )
        if not original:
            text.set("resp", f"#{RESP_EDITION}")
            text.set("corresp", f"#text-{edition.original}")
        _ArticleWriter(edition, lang, prefix, joined, parts).write(text)
    _bibliography(_el(outer, "back"), edition, joined, parts)
    return joined.into(_serialise(root))


class _ArticleWriter:
    """One language of the article into a TEI <text>: front (title page) and body."""

    def __init__(
        self,
        edition: Edition,
        lang: str,
        prefix: str,
        joined: _Joined | None = None,
        parts: Parts = fresh,
    ) -> None:
        self.edition = edition
        self.lang = lang
        self.original = edition.original
        self.prefix = prefix
        self.joined = joined
        self.parts = parts
        self.placed_notes: set[str] = set()
        self.documents = {document.id: document for document in edition.documents}
        self.works = {work.key: work for work in edition.works}

    def write(self, text: etree._Element) -> None:
        chapters = self.edition.chapters_in(self.lang)
        front = _el(text, "front")
        body = _el(text, "body")
        for chapter in chapters:
            if not chapter.numbered:
                self._title_page(front, chapter)
            elif self.joined is None:
                self._chapter(body, chapter)
            else:
                # A chapter is written on its own, from itself, what it cites and the notes
                # placed before it (a note placed already is pointed to).
                written, placed = self.parts(
                    ("chapter", self.lang, chapter.slug),
                    (chapter, cited_records(self.edition, [chapter]), frozenset(self.placed_notes)),
                    partial(self._chapter_written, chapter, _level(body) + 1),
                )
                self.placed_notes = set(placed)
                self.joined.put(body, written)
        if len(front) == 0:
            text.remove(front)

    def _id(self, name: str) -> str:
        return self.prefix + name

    def _title_page(self, front: etree._Element, chapter: Chapter) -> None:
        """The title page as the text's <front>: title, author, the author's note, the
        abstracts (xml:id as the site's anchors: oz, abstract) and the edition's notes."""
        container = front
        blocks = list(chapter.blocks)
        for index, block in enumerate(blocks):
            first = block.markdown.splitlines()[0] if block.markdown else ""
            if admonition := _ADMONITION.match(first):
                # Python-Markdown's "!!! note": CommonMark sees a paragraph, then the note's
                # indented text as the next block.
                following = blocks[index + 1] if index + 1 < len(blocks) else None
                body = following.markdown if following is not None else ""
                self._admonition(container, body, admonition.group(1))
                continue
            if block.kind is BlockKind.OTHER:
                if opened := _DIV_LANG.match(first):
                    container = _el(front, "div", lang=opened.group(1))
                elif first.strip() == "</div>":
                    container = front
                continue
            if block.kind is BlockKind.HEADING and block.markdown.startswith("# "):
                title = _el(front, "docTitle")
                part = _el(title, "titlePart", type="main")
                self._inline(part, block.markdown.lstrip("# "), (), chapter)
                _el(front, "docAuthor", self.edition.info.author)
                continue
            target = container
            if block.named_anchor:
                target = _el(container, "div", type="abstract", id=self._id(block.named_anchor))
            self._blocks(target, block.markdown, block.citations, chapter)

    def _admonition(self, parent: etree._Element, markdown: str, title: str | None) -> None:
        """An editor's note on the title page ("!!! note"), kept as the edition's note."""
        body = textwrap.dedent(markdown)
        note = _el(parent, "note", type="editorial", resp=f"#{RESP_EDITION}")
        if title:
            _el(note, "label", title)
        self._blocks(note, body, (), None)

    def _chapter_written(self, chapter: Chapter, level: int) -> tuple[str, set[str]]:
        """The chapter's division written out at `level`, and the notes placed by then."""
        body = etree.Element(_tag("body"), nsmap={None: TEI_NS})
        placed = self.placed_notes
        self.placed_notes = set(placed)
        try:
            self._chapter(body, chapter)
            return _fragment(body[0], level), self.placed_notes
        finally:
            self.placed_notes = placed

    def _chapter(self, body: etree._Element, chapter: Chapter) -> None:
        division = _el(body, "div", type="chapter", n=chapter.slug, id=self._id(chapter.slug))
        for block in chapter.blocks:
            if block.kind is BlockKind.HEADING and block.markdown.startswith("# "):
                head = _el(division, "head")
                self._inline(head, block.markdown.lstrip("# "), block.citations, chapter)
                continue
            created = self._blocks(division, block.markdown, block.citations, chapter)
            if block.number is not None and created:
                element = created[0]
                element.set("n", str(block.number))
                element.set(f"{{{XML_NS}}}id", self._id(f"p{block.number}"))
                if self.prefix:
                    element.set("corresp", f"#p{block.number}")
                documents = [
                    item.key
                    for citation in block.citations
                    for item in citation.items
                    if item.key in self.documents
                ]
                if block.kind is BlockKind.QUOTE and documents:
                    element.set("source", " ".join(f"{key}.xml" for key in documents))

    # --- Markdown to TEI --------------------------------------------------------------

    def _blocks(
        self,
        parent: etree._Element,
        markdown: str,
        citations: Iterable[Citation],
        chapter: Chapter | None,
    ) -> list[etree._Element]:
        """Block Markdown (paragraphs, quotes, lists) as TEI children of `parent`."""
        html = _html_of(self._with_placeholders(markdown, citations, chapter))
        fragment = lxml.html.fragment_fromstring(html, create_parent="div")
        created: list[etree._Element] = []
        for child in fragment:
            element = self._block(parent, child)
            if element is not None:
                created.append(element)
        return created

    def _inline(
        self,
        parent: etree._Element,
        markdown: str,
        citations: Iterable[Citation],
        chapter: Chapter | None,
    ) -> None:
        """Inline Markdown (one paragraph's worth) into `parent`, without a <p>."""
        html = _html_of(self._with_placeholders(markdown, citations, chapter))
        fragment = lxml.html.fragment_fromstring(html, create_parent="div")
        for index, child in enumerate(fragment):
            if index:
                _append_text(parent, " ")
            if child.tag == "p":  # the paragraph's content only
                self._mixed_children(parent, child)
                self._text(parent, child.tail)
            else:
                self._mixed(parent, child)
        _strip_end(parent)

    def _with_placeholders(
        self, markdown: str, citations: Iterable[Citation], chapter: Chapter | None
    ) -> str:
        """The Markdown with each citation and footnote call replaced by a placeholder that
        Markdown leaves alone; `self.makers` holds what each becomes."""
        replacements: list[tuple[int, int, Make]] = []
        for citation in citations:
            start, end = citation.span
            replacements.append((start, end, self._citation_maker(citation)))
        for match in FOOTNOTE_REF.finditer(markdown):
            note = self._footnote(chapter, match.group(1))
            if note is not None:
                replacements.append((match.start(), match.end(), self._note_maker(note, chapter)))
        replacements.sort(key=lambda r: r[0])
        self.makers: list[Make] = []
        pieces: list[str] = []
        position = 0
        for start, end, make in replacements:
            pieces.append(markdown[position:start])
            pieces.append(f"\ue000{len(self.makers)}\ue001")
            self.makers.append(make)
            position = end
        pieces.append(markdown[position:])
        text = "".join(pieces)
        return NAMED_ANCHOR.sub("", text)

    def _footnote(self, chapter: Chapter | None, label_: str) -> Footnote | None:
        if chapter is None:
            return None
        return next((note for note in chapter.footnotes if note.label == label_), None)

    def _block(self, parent: etree._Element, html: etree._Element) -> etree._Element | None:
        tag = html.tag if isinstance(html.tag, str) else ""
        if tag == "p":
            element = _el(parent, "p")
            self._mixed_children(element, html)
            return element
        if tag == "blockquote":
            quote = _el(parent, "quote")
            for child in html:
                self._block(quote, child)
            return quote
        if tag in ("ul", "ol"):
            listing = _el(parent, "list", rend="numbered" if tag == "ol" else "bulleted")
            for child in html:
                item = _el(listing, "item")
                self._mixed_children(item, child)
            return listing
        if re.fullmatch(r"h[1-6]", tag):
            head = _el(parent, "head")
            self._mixed_children(head, html)
            return head
        if tag:  # anything else: its text, as a paragraph
            element = _el(parent, "p")
            self._mixed_children(element, html)
            return element
        return None

    def _mixed_children(self, target: etree._Element, html: etree._Element) -> None:
        self._text(target, html.text)
        for child in html:
            self._mixed(target, child)

    def _mixed(self, target: etree._Element, html: etree._Element) -> None:
        """One inline HTML element (and its tail) as TEI inside `target`."""
        tag = html.tag if isinstance(html.tag, str) else ""
        element: etree._Element | None = None
        if tag == "em":
            element = _el(target, "hi", rend="italic")
        elif tag == "strong":
            element = _el(target, "hi", rend="bold")
        elif tag == "code":
            element = _el(target, "code")
        elif tag == "a" and html.get("href"):
            element = _el(target, "ref", target=html.get("href", ""))
        elif tag == "br":
            element = _el(target, "lb")
        elif html.get("lang"):
            element = _el(target, "foreign", lang=html.get("lang", ""))
        if element is not None:
            self._mixed_children(element, html)
        else:
            self._mixed_children(target, html)
        self._text(target, html.tail)

    def _text(self, target: etree._Element, text: str | None) -> None:
        """Text with placeholders: plain runs appended, each placeholder made."""
        if not text:
            return
        position = 0
        for match in _PLACEHOLDER.finditer(text):
            _append_text(target, text[position : match.start()])
            self.makers[int(match.group(1))](target)
            position = match.end()
        _append_text(target, text[position:])

    # --- citations and notes ----------------------------------------------------------

    def _citation_maker(self, citation: Citation) -> Make:
        def make(target: etree._Element) -> None:
            for item in citation.items:
                document = self.documents.get(item.key)
                if document is not None:
                    ref = _el(target, "ref", type="document", target=f"{document.id}.xml")
                    ref.text = document.citation_as_printed
                    if self.lang != self.original:
                        ref.set(f"{{{XML_NS}}}lang", self.original)
                    return
            parenthetical = citation.form is CitationForm.PARENTHETICAL
            if parenthetical:
                _append_text(target, "(")
            for index, item in enumerate(citation.items):
                if index:
                    _append_text(target, "; ")
                work = self.works.get(item.key)
                bibl = _el(target, "bibl")
                ref = _el(bibl, "ref", target=f"#{bibl_id(item.key)}")
                ref.text = work.label if work is not None else item.key
                if item.locator:
                    ref.tail = " "
                    _el(bibl, "citedRange", item.locator)
            if parenthetical:
                _append_text(target, ")")

        return make

    def _note_maker(self, note: Footnote, chapter: Chapter | None) -> Make:
        def make(target: etree._Element) -> None:
            note_id = self._id(f"fn{note.label}")
            if note_id in self.placed_notes:
                _el(target, "ptr", target=f"#{note_id}")
                return
            self.placed_notes.add(note_id)
            element = _el(target, "note", place="foot", n=note.label, id=note_id)
            makers = self.makers
            paragraphs = re.split(r"\n\s*\n", note.markdown)
            if len(paragraphs) == 1:
                self._inline(element, note.markdown, note.citations, chapter)
            else:
                self._blocks(element, note.markdown, note.citations, chapter)
            self.makers = makers

        return make


def _strip_end(element: etree._Element) -> None:
    """No trailing whitespace (Markdown's last line break) at the end of an element."""
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "").rstrip() or None
    elif element.text:
        element.text = element.text.rstrip()


def _append_text(target: etree._Element, text: str) -> None:
    """Text after what `target` holds; the source's line breaks become spaces."""
    text = re.sub(r"[ \t]*\n[ \t]*", " ", text)
    if not text:
        return
    if len(target):
        last = target[-1]
        last.tail = (last.tail or "") + text
    else:
        target.text = (target.text or "") + text


def bibl_id(key: str) -> str:
    """The xml:id of a work in the article's list of works: an NCName from its key."""
    return "bibl-" + re.sub(r"[^A-Za-z0-9_.-]", "_", key)


def _bibliography(back: etree._Element, edition: Edition, joined: _Joined, parts: Parts) -> None:
    division = _el(back, "div", type="bibliography")
    _el(division, "head", label(edition.original, "citations"), lang=edition.original)
    works = _el(division, "listBibl", type="works")
    _el(works, "head", label(edition.original, "works"), lang=edition.original)
    for work in sorted(
        edition.works, key=lambda w: (alphabetical_key(w.label, edition.original), w.key)
    ):
        _work(works, work)
    documents = _el(division, "listBibl", type="documents")
    _el(documents, "head", label(edition.original, "documents"), lang=edition.original)
    level = _level(documents) + 1
    for document in sorted(edition.documents, key=lambda d: d.signature.normalised):
        joined.put(
            documents,
            parts(
                ("document", document.id),
                (document, edition.people_of(document)),
                partial(_document_entry, edition, document, level),
            ),
        )


def _document_entry(edition: Edition, document: Document, level: int) -> str:
    bibl = etree.Element(_tag("bibl"), nsmap={None: TEI_NS})
    bibl.set(f"{{{XML_NS}}}id", document.id)
    bibl.set("type", "archival-document")
    _el(
        bibl,
        "title",
        document_title(edition, document, edition.original),
        lang=edition.original,
    ).tail = ". "
    _el(bibl, "idno", document.signature.as_printed, type="signature", lang=edition.original)
    _el(bibl, "ptr", target=f"{document.id}.xml")
    return _fragment(bibl, level)


def _work(parent: etree._Element, work: Work) -> None:
    """A work as far as the article lets it be known; an incomplete one says so."""
    fields = dict(work.fields)
    bibl = _el(parent, "bibl", id=bibl_id(work.key), n=work.key)
    if work.url and work.label == work.url:
        _el(bibl, "ref", work.url, target=work.url)
    elif work.complete:
        for name in ("author", "editor"):
            if fields.get(name):
                _el(bibl, name, fields[name]).tail = ", "
        if fields.get("title"):
            _el(bibl, "title", fields["title"]).tail = ", "
        for name, element in (("publisher", "publisher"), ("address", "pubPlace")):
            if fields.get(name):
                _el(bibl, element, fields[name]).tail = ", "
        if fields.get("year"):
            _el(bibl, "date", fields["year"])
        if work.url:
            _el(bibl, "ref", work.url, target=work.url)
    else:
        bibl.text = work.label
        if work.url:
            _el(bibl, "ref", work.url, target=work.url)
    if not work.complete:
        _el(bibl, "note", label("en", "incomplete"), type="incomplete", lang="en")
