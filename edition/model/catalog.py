"""load_edition(): every source loaded, parsed and cross-checked once per change of the sources."""

from __future__ import annotations

import dataclasses
import os
import re
import stat
import time
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from edition.labels import interface_languages, named_anchors
from edition.model import (
    Archive,
    Block,
    BlockKind,
    Chapter,
    Edition,
    EditionInfo,
    Footnote,
    Identifiers,
    Languages,
    LocalizedText,
    Origin,
    Publication,
    TranslationNote,
    Version,
)
from edition.model.bibliography import parse_bibliography
from edition.model.chapters import NAMED_ANCHOR, parse_chapter, words_of
from edition.model.documents import parse_document
from edition.model.events import check_events, parse_events
from edition.model.glossary import check_glossary, parse_glossary
from edition.model.people import mentions, parse_people
from edition.problems import Problem, Problems, did_you_mean
from edition.sources.hygiene import check_links, check_slug, read_source
from edition.sources.releases import load_releases, manifest_files, releasing
from edition.sources.schema import check_against_schema, check_fields, load_schema
from edition.sources.yamlsource import LineMap, parse_yaml
from edition.urls import Paths

EDITION_FILE = "sources/edition.yaml"
REFERENCES_FILE = "sources/references.bib"
PEOPLE_FILE = "sources/people.yaml"
EVENTS_FILE = "sources/events.yaml"
GLOSSARY_FILE = "sources/glossary.yaml"  # optional: an edition may have no glossary
DOCUMENTS_DIR = "sources/documents"
DOCS_DIR = "docs"

T = TypeVar("T")
Loaded = tuple[Edition | None, Problems]


# How recent a change leaves a file's status untrusted (see SourceMemory.read).
RACY_NS = 2_000_000_000


@dataclass
class SourceMemory:
    """What loading keeps for the next load in the same process (the preview's, which loads
    after every edit): the last load, by the source files' paths, times and sizes, and each
    file's parse, by its text, so that an edit to one record parses that record only. A parse
    is pure: the same text gives the same object and the same problems, and unchanged records
    staying the same objects lets the rendering tell cheaply what changed (memo.py)."""

    last: tuple[Hashable, Loaded] | None = None
    parsed: dict[tuple[Hashable, ...], tuple[Any, tuple[Problem, ...]]] = field(
        default_factory=dict
    )
    used: dict[tuple[Hashable, ...], tuple[Any, tuple[Problem, ...]]] = field(default_factory=dict)
    texts: dict[str, tuple[Hashable | None, str | None, tuple[Problem, ...]]] = field(
        default_factory=dict
    )
    texts_used: dict[str, tuple[Hashable | None, str | None, tuple[Problem, ...]]] = field(
        default_factory=dict
    )
    derived: dict[Hashable, Any] = field(default_factory=dict)
    derived_used: dict[Hashable, Any] = field(default_factory=dict)

    def derive(self, key: Hashable, make: Callable[[], T]) -> T:
        """`make()`, or what it gave for the same key (the texts it is made from) in the last
        load: the checks that compare thousands of texts compare only the changed ones."""
        if key in self.derived:
            result: T = self.derived[key]
        else:
            result = make()
        self.derived_used[key] = result
        return result

    def read(self, root: Path, relative: str, problems: Problems) -> str | None:
        """`read_source`, or what it gave for the same file while its status (inode, times,
        size) is unchanged: thousands of records are not read again for an edit to one."""
        # Paths as strings: at thousands of records, pathlib's objects cost more than the
        # system calls.
        path = os.path.join(root, relative)
        try:
            status = os.lstat(path)
            target = os.stat(path) if stat.S_ISLNK(status.st_mode) else status
        except OSError:
            return read_source(root, relative, problems)
        key: Hashable | None = (
            *(path, status.st_ino, status.st_mode, target.st_ino),
            *(target.st_mtime_ns, target.st_ctime_ns, target.st_size),
        )
        remembered = self.texts.get(path)
        if remembered is None or remembered[0] != key:
            own = Problems()
            # A file changed in the last seconds may change again within the clock's
            # granularity and keep its status (git's "racily clean" entries): read it again.
            if time.time_ns() - target.st_mtime_ns < RACY_NS:
                key = None
            remembered = (key, read_source(root, relative, own), tuple(own.items))
        self.texts_used[path] = remembered
        problems.extend(remembered[2])
        return remembered[1]

    def parse_once(
        self, key: tuple[Hashable, ...], parse: Callable[..., T], problems: Problems
    ) -> T:
        """`parse(problems)`, or what it gave for the same key in the last load."""
        remembered = self.parsed.get(key)
        if remembered is None:
            own = Problems()
            remembered = (parse(problems=own), tuple(own.items))
        self.used[key] = remembered
        problems.extend(remembered[1])
        result: T = remembered[0]
        return result


def record_names(root: Path) -> list[str]:
    """The names of the record files, sorted (one folder: the order of their paths)."""
    try:
        with os.scandir(root / DOCUMENTS_DIR) as entries:
            return sorted(entry.name for entry in entries if entry.name.endswith(".yaml"))
    except OSError:  # as pathlib's glob did: no folder, no records (reported as missing)
        return []


def record_files(root: Path) -> list[Path]:
    """The record files, by name."""
    folder = root / DOCUMENTS_DIR
    return [folder / name for name in record_names(root)]


def source_files(root: Path) -> list[Path]:
    """Every file the edition is made from, in a stable order."""
    files = [root / EDITION_FILE, root / REFERENCES_FILE, root / PEOPLE_FILE, root / EVENTS_FILE]
    if (root / GLOSSARY_FILE).exists():
        files.append(root / GLOSSARY_FILE)
    files += record_files(root)
    # Every language folder, listed or not: a folder the edition does not list is reported.
    files += sorted((root / DOCS_DIR).glob("*/*.md"))
    files += manifest_files(root)
    return files


def load_edition(root: Path, memory: SourceMemory | None = None) -> Loaded:
    """Load and check everything under `root`. With a `memory`, the last load is given again
    until a source file changes, and each file unchanged since is not parsed again.

    Returns the edition (None when a source is too broken to build one) and every problem.
    """
    memory = memory if memory is not None else SourceMemory()
    stamp = tuple(_status(path) for path in source_files(root))
    key = (str(root.resolve()), stamp, releasing())
    if memory.last is not None and memory.last[0] == key:
        return memory.last[1]
    try:
        loaded = _load_sources(root, memory)
    finally:
        # Only what this load used is kept: a deleted or edited file's old parse goes.
        memory.parsed, memory.used = memory.used, {}
        memory.texts, memory.texts_used = memory.texts_used, {}
        memory.derived, memory.derived_used = memory.derived_used, {}
    memory.last = (key, loaded)
    return loaded


_read = read_source


def load_info(root: Path, memory: SourceMemory | None = None) -> EditionInfo | None:
    """sources/edition.yaml alone, read as `load_edition` reads it (None where it cannot be
    read): what needs only the edition's settings, such as its address, loads no record."""
    memory = memory if memory is not None else SourceMemory()
    problems = Problems()  # reported by the load of the whole edition
    text = _read(root, EDITION_FILE, problems)
    if text is None:
        return None
    _languages, info = memory.parse_once(("edition", text), partial(_parse_edition, text), problems)
    return info


def _status(path: Path) -> tuple[str, int, int, int]:
    """What tells that a file changed (-1: it is gone)."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return (str(path), -1, -1, -1)
    return (str(path), status.st_mtime_ns, status.st_ctime_ns, status.st_size)


def _load_sources(root: Path, memory: SourceMemory) -> Loaded:
    problems = Problems()
    for folder in (DOCS_DIR, "sources"):
        check_links(root, folder, problems)
    text = _read(root, EDITION_FILE, problems)
    languages, info = (
        memory.parse_once(("edition", text), partial(_parse_edition, text), problems)
        if text is not None
        else (None, None)
    )
    if languages is None:
        # Every text of every source is in the edition's languages: none can be read without.
        return None, problems
    people_text = _read(root, PEOPLE_FILE, problems)
    people = _parsed_once(
        memory,
        people_text,
        partial(parse_people, path=PEOPLE_FILE, languages=languages),
        problems,
        languages,
    )
    bib_text = _read(root, REFERENCES_FILE, problems)
    works = _parsed_once(
        memory, bib_text or None, partial(parse_bibliography, path=REFERENCES_FILE), problems
    )
    documents = []
    unreadable: set[str] = set()
    archives = info.archives if info is not None else None
    for name in record_names(root):
        relative = f"{DOCUMENTS_DIR}/{name}"
        record = memory.read(root, relative, problems)
        document = (
            memory.parse_once(
                ("document", relative, record, languages, archives),
                partial(parse_document, record, relative, languages, archives),
                problems,
            )
            if record is not None
            else None
        )
        if document is None:
            unreadable.add(name.removesuffix(".yaml"))
        else:
            documents.append(document)
    if info is None:
        return None, problems
    chapters = _load_chapters(root, info, problems, memory)
    events_text = _read(root, EVENTS_FILE, problems)
    events = _parsed_once(
        memory,
        events_text or None,
        partial(parse_events, path=EVENTS_FILE, languages=languages),
        problems,
        languages,
    )
    check_events(events, {c.slug: c for c in chapters if c.lang == languages.original}, problems)
    glossary_text = (
        _read(root, GLOSSARY_FILE, problems) if (root / GLOSSARY_FILE).exists() else None
    )
    glossary = _parsed_once(
        memory,
        glossary_text or None,
        partial(parse_glossary, path=GLOSSARY_FILE, languages=languages),
        problems,
        languages,
    )
    edition = Edition(
        info=info,
        chapters=tuple(chapters),
        works=tuple(works),
        documents=tuple(sorted(documents, key=lambda d: d.id)),
        people=tuple(people),
        events=tuple(events),
        glossary=tuple(glossary),
        releases=load_releases(root, info.versions, EDITION_FILE, problems),
    )
    check_edition(edition, problems, unreadable, memory.derive)
    return edition, problems


def _parsed_once(
    memory: SourceMemory,
    text: str | None,
    parse: partial[list[T]],
    problems: Problems,
    *key: Hashable,
) -> list[T]:
    """A file's parse (`parse(text=…)`), made once per text: what is unchanged stays the same
    objects, which the rendering's memory compares by identity. No text (None), nothing."""
    if text is None:
        return []
    path = parse.keywords["path"]
    return memory.parse_once((path, text, *key), partial(parse, text), problems)


def _parse_edition(text: str, problems: Problems) -> tuple[Languages | None, EditionInfo | None]:
    """sources/edition.yaml's languages and the rest of it; None for what cannot be read."""
    data = _edition_data(text, problems)
    languages = _parse_languages(data, problems) if data is not None else None
    if data is None or languages is None:
        return None, None
    return languages, _load_info(data, text, languages, problems)


def _edition_data(text: str, problems: Problems) -> LineMap | None:
    """sources/edition.yaml as a mapping; None when it is not one."""
    reported = len(problems.items)
    data = parse_yaml(text, EDITION_FILE, problems)
    if isinstance(data, LineMap):
        return data
    if data is None and len(problems.items) == reported:
        required = load_schema("edition.schema.json")["required"]
        problems.error(
            Origin(EDITION_FILE, 1), f"the file is empty: it needs {', '.join(required)}"
        )
    elif data is not None:
        problems.error(Origin(EDITION_FILE, 1), "expected a mapping of field: value lines")
    return None


def _parse_languages(data: LineMap, problems: Problems) -> Languages | None:
    """The edition's languages, which must be read (and right) before any of its texts."""
    if check_fields(data, "edition.schema.json", ("languages",), EDITION_FILE, problems):
        return None
    origin = Origin(EDITION_FILE, data.line_of("languages"))
    codes = tuple(str(code) for code in data["languages"])
    missing = [code for code in codes if code not in interface_languages()]
    if missing:
        problems.error(
            origin,
            f"languages: the engine has no interface texts in {', '.join(missing)}; it has "
            f"them in {', '.join(interface_languages())} (edition/labels.py)",
        )
        return None
    return Languages(codes, origin)


def _load_info(
    data: LineMap, text: str, languages: Languages, problems: Problems
) -> EditionInfo | None:
    if check_against_schema(data, "edition.schema.json", EDITION_FILE, problems, languages.codes):
        return None
    chapters = data["chapters"]
    first_ok = chapters[0] == "index"
    if not first_ok:
        problems.error(
            Origin(EDITION_FILE, data.line_of("chapters")),
            "chapters must list the chapter files (without .md), starting with 'index'",
        )
    slugs_ok = all(
        [
            check_slug(
                name, "chapter", _item_origin(text, data.line_of("chapters"), name), problems
            )
            for name in chapters
        ]
    )
    versions = _parse_versions(data, problems, languages.original)
    translators = _parse_translators(data, problems, languages)
    notes = _parse_translation_notes(data, problems, languages)
    paths = _parse_paths(data, languages, problems)
    archives = _parse_archives(data, problems, languages.original)
    if (
        not (first_ok and slugs_ok and versions and translators is not None)
        or archives is None
        or notes is None
        or paths is None
    ):
        return None
    publication = data["publication"]
    identifiers = data["identifiers"]
    return EditionInfo(
        languages=languages,
        title=LocalizedText.from_mapping(data["title"], languages.original),
        author=str(data["author"]),
        publication=Publication(
            journal=str(publication["journal"]),
            journal_short=publication.get("journal_short"),
            issue=str(publication["issue"]),
            season=publication.get("season"),
            year=int(publication["year"]),
        ),
        translators=translators,
        versions=tuple(versions),
        chapters=tuple(str(c) for c in chapters),
        origin=Origin(EDITION_FILE, data.line_of("chapters")),
        identifiers=Identifiers(
            article=identifiers["article"],
            edition=identifiers["edition"],
            files=identifiers["files"],
        ),
        archives=archives,
        paths=paths,
        author_orcid=data.get("author_orcid"),
        address=data.get("address"),
        translation_notes=notes,
    )


def _item_origin(text: str, after: int, item: object) -> Origin:
    """Where a list item of edition.yaml stands: the first line from `after` that holds it."""
    lines = text.split("\n")
    for number in range(after, len(lines) + 1):
        if str(item) in lines[number - 1]:
            return Origin(EDITION_FILE, number)
    return Origin(EDITION_FILE, after)


# The numbers of a signature, in the order of the record's id.
SIGNATURE_PARTS = ("fond", "opis", "delo", "list")


def _parse_archives(data: LineMap, problems: Problems, original: str) -> tuple[Archive, ...] | None:
    archives = []
    entries = data.get("archives") or LineMap()
    for abbreviation, entry in entries.items():
        origin = Origin(EDITION_FILE, entries.line_of(abbreviation))
        template = entry["signature"]
        named = set(re.findall(r"\{([^{}]*)\}", template))
        if named != set(SIGNATURE_PARTS):
            problems.error(
                Origin(EDITION_FILE, entry.line_of("signature")),
                f"archives: {abbreviation}: the signature must name "
                f"{', '.join('{' + part + '}' for part in SIGNATURE_PARTS)} once each"
                + (
                    f", not {', '.join(sorted(named - set(SIGNATURE_PARTS)))}"
                    if named - set(SIGNATURE_PARTS)
                    else ""
                ),
            )
            continue
        archives.append(
            Archive(
                abbreviation=str(abbreviation),
                name=LocalizedText.from_mapping(entry["name"], original),
                name_original=entry.get("name_original"),
                place=LocalizedText.from_mapping(entry["place"], original),
                signature=template,
                id_prefix=entry["id_prefix"],
                english=entry.get("english"),
                russian=entry.get("russian"),
                origin=origin,
            )
        )
    if len(archives) < len(entries):
        return None
    return tuple(archives)


def _parse_translators(
    data: LineMap, problems: Problems, languages: Languages
) -> tuple[tuple[str, LocalizedText], ...] | None:
    entry = data.get("translators", {})
    credits = []
    for lang, credit in sorted(entry.items()):
        if lang not in languages.translations:
            problems.error(
                Origin(EDITION_FILE, entry.line_of(lang)),
                f"translators: '{lang}' is not a language the edition translates into; "
                f"translations: {', '.join(languages.translations) or 'none'}",
            )
            return None
        credits.append((str(lang), LocalizedText.from_mapping(credit, languages.original)))
    return tuple(credits)


# The paths' words that name a page or folder at a language's root (the others are inside
# one of these, or stems of files beside a page).
TOP_LEVEL_PATHS = (
    "documents", "citations", "how_to_cite", "people", "chronology", "glossary", "versions",
    "releases", "changes", "downloads", "parallel", "data", "pdf", "epub",
)  # fmt: skip


def _parse_paths(data: LineMap, languages: Languages, problems: Problems) -> Paths | None:
    """The words of the URLs: each given one, else its default in the schema. Two pages may
    not claim one URL: a chapter or a translation's folder named as a page kind."""
    declared = load_schema("edition.schema.json")["properties"]["paths"]["properties"]
    given = data.get("paths") or LineMap()
    paths = Paths(
        **{name: str(given.get(name, spec["default"])) for name, spec in declared.items()}
    )
    claimed: dict[str, str] = {
        f"{lang}": f"the {lang} translation" for lang in languages.translations
    }
    claimed |= {str(slug): f"chapter '{slug}'" for slug in data["chapters"]}
    for name in TOP_LEVEL_PATHS:
        word = getattr(paths, name)
        if word in claimed:
            line = given.line_of(name) if name in given else data.line_of("chapters")
            problems.error(
                Origin(EDITION_FILE, line),
                f"paths: {name} '{word}' is the URL of {claimed[word]} as well; give it "
                "another name under 'paths'",
            )
            return None
        claimed[word] = f"paths: {name}"
    return paths


def _parse_translation_notes(
    data: LineMap, problems: Problems, languages: Languages
) -> tuple[tuple[str, TranslationNote], ...] | None:
    entries = data.get("translation_notes") or LineMap()
    notes = []
    for lang, entry in sorted(entries.items()):
        origin = Origin(EDITION_FILE, entries.line_of(lang))
        if lang not in languages.translations:
            problems.error(
                origin,
                f"translation_notes: '{lang}' is not a language the edition translates into; "
                f"translations: {', '.join(languages.translations) or 'none'}",
            )
            return None
        note = TranslationNote(
            note=" ".join(str(entry["note"]).split()),
            conventions=tuple(" ".join(str(c).split()) for c in entry.get("conventions", [])),
            resp=" ".join(str(entry["resp"]).split()) if "resp" in entry else None,
            origin=origin,
        )
        notes.append((str(lang), note))
    return tuple(notes)


def _parse_versions(data: LineMap, problems: Problems, original: str) -> list[Version]:
    versions: list[Version] = []
    for entry in data["versions"]:
        number = str(entry["version"])
        if versions and _version_key(number) >= _version_key(versions[-1].version):
            problems.error(
                Origin(EDITION_FILE, entry.line),
                f"version {number} is listed after {versions[-1].version}: list the newest first",
            )
            return []
        versions.append(
            Version(
                number,
                str(entry["date"]),
                LocalizedText.from_mapping(entry["changes"], original),
                Origin(EDITION_FILE, entry.line),
            )
        )
    return versions


def _version_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _load_chapters(
    root: Path, info: EditionInfo, problems: Problems, memory: SourceMemory
) -> list[Chapter]:
    chapters: list[Chapter] = []
    languages = info.languages
    for folder in sorted((root / DOCS_DIR).glob("*/")):
        if folder.name not in languages and any(folder.glob("*.md")):
            problems.error(
                Origin(folder.relative_to(root).as_posix(), 1),
                f"chapters in '{folder.name}', which is not among the edition's languages "
                f"({', '.join(languages)}, {EDITION_FILE}:{languages.origin.line})",
            )
    for lang in languages:
        folder = root / DOCS_DIR / lang
        if not folder.is_dir():
            if lang == languages.original:
                problems.error(Origin(f"{DOCS_DIR}/{lang}", 1), "the chapters' folder is missing")
            continue
        listed = set(info.chapters)
        for path in sorted(folder.glob("*.md")):
            if path.stem not in listed:
                problems.error(
                    Origin(path.relative_to(root).as_posix(), 1),
                    f"chapter '{path.stem}' is not listed under 'chapters' in {EDITION_FILE}",
                )
        number = 0
        for slug in info.chapters:
            relative = f"{DOCS_DIR}/{lang}/{slug}.md"
            if not (root / relative).exists():
                if lang == languages.original:
                    problems.error(
                        info.origin, f"chapter '{slug}' is listed but {relative} is missing"
                    )
                continue
            text = memory.read(root, relative, problems)
            if text is None:
                continue
            numbered = slug != "index"
            chapter = memory.parse_once(
                ("chapter", relative, slug, lang, str(numbered), text),
                partial(
                    parse_chapter, text, slug=slug, lang=lang, path=relative, numbered=numbered
                ),
                problems,
            )
            if numbered:
                # Numbered once per text and first number: an unchanged chapter stays the same
                # object from one load to the next, which the rendering's memory relies on.
                first = number
                chapter = memory.parse_once(
                    ("numbered", relative, slug, lang, text, first),
                    partial(_numbered, chapter, first),
                    problems,
                )
                number = first + sum(1 for b in chapter.blocks if b.number is not None)
            chapters.append(chapter)
    return chapters


def _numbered(chapter: Chapter, first: int, problems: Problems) -> Chapter:
    """The chapter with its paragraphs and quotations numbered on from `first`, as the
    article numbers them across its chapters."""
    number = first
    blocks = []
    for block in chapter.blocks:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE):
            number += 1
            block = dataclasses.replace(block, number=number)
        blocks.append(block)
    return dataclasses.replace(chapter, blocks=tuple(blocks))


# --- cross-checks ---------------------------------------------------------------------


def check_edition(
    edition: Edition,
    problems: Problems,
    unreadable: set[str],
    derive: Callable[[Hashable, Callable[[], Any]], Any] = lambda _key, make: make(),
) -> None:
    """Every check that needs more than one source file.

    `unreadable` holds the ids of record files whose own errors were reported already;
    citations of them are not reported a second time.
    """
    works = {work.key: work for work in edition.works}
    documents = {document.id: document for document in edition.documents}
    record_prefixes = tuple(f"{archive.id_prefix}-" for archive in edition.info.archives)
    _check_ids(edition, problems)
    _check_people_refs(edition, problems)
    known = sorted(set(works) | set(documents))
    cited: Counter[str] = Counter()
    for chapter in edition.chapters:
        for citation, _anchor in chapter.citations():
            for item in citation.items:
                cited[item.key] += 1
                if item.key in unreadable:
                    continue
                if (
                    item.key not in works
                    and item.key not in documents
                    and item.key.startswith(record_prefixes)
                ):
                    problems.error(
                        item.origin,
                        f"citation '@{item.key}' refers to no document record: there is no "
                        f"{DOCUMENTS_DIR}/{item.key}.yaml"
                        f"{did_you_mean(item.key, documents)}",
                    )
                elif item.key not in works and item.key not in documents:
                    problems.error(
                        item.origin,
                        f"citation key '@{item.key}' is neither in {REFERENCES_FILE} nor a "
                        f"document id{did_you_mean(item.key, known)}",
                    )
                elif item.key in documents and item.locator:
                    problems.error(
                        item.origin,
                        f"a document citation takes no pages: write [@{item.key}]",
                    )
        _check_footnotes(chapter, problems)
    _check_footnote_numbering(edition, problems)
    for work in edition.works:
        if not cited[work.key]:
            problems.warning(work.origin, f"work '{work.key}' is not cited by any chapter")
    for document in edition.documents:
        if not cited[document.id]:
            problems.warning(
                document.origin, f"document '{document.id}' is not cited by any chapter"
            )
    _check_quotations(edition, problems, derive)
    _check_people_are_named(edition, problems)
    _check_named_anchors(edition, problems)
    _check_parity(edition, problems, derive)
    check_glossary(edition, problems, derive)


def _citation_signature(citations: Any) -> list[str]:
    return [
        f"@{item.key}" + (f", {item.locator}" if item.locator else "")
        for citation in citations
        for item in citation.items
    ]


def _check_named_anchors(edition: Edition, problems: Problems) -> None:
    known = named_anchors()
    for chapter in edition.chapters:
        for block in chapter.blocks:
            name = block.named_anchor
            if block.number is None and name is not None and name not in known:
                written = NAMED_ANCHOR.search(block.markdown)
                offset = block.markdown[: written.start()].count("\n") if written else 0
                problems.error(
                    Origin(block.origin.path, block.origin.line + offset),
                    f"the anchor '#{name}' has no name to show in links"
                    f"{did_you_mean(name, known)}; the anchors a chapter may name are: "
                    + ", ".join(f"#{k}" for k in known),
                )


def _check_parity(
    edition: Edition, problems: Problems, derive: Callable[[Hashable, Callable[[], Any]], Any]
) -> None:
    """Every translation has the original's paragraphs, notes and citations, in order."""
    original = edition.original
    for lang in edition.languages.translations:
        twins = {chapter.slug: chapter for chapter in edition.chapters_in(lang)}
        for chapter in edition.chapters_in(original):
            twin = twins.get(chapter.slug)
            if twin is None:
                problems.error(
                    edition.info.origin,
                    f"chapter '{chapter.slug}' has no {lang} twin: {DOCS_DIR}/{lang}/"
                    f"{chapter.path} is missing",
                )
                continue
            # Pure in the two chapters, which stay the same objects while their files are
            # unchanged: a hundred twins are not compared again for an edit to a record.
            key = ("twin", _Same(chapter), _Same(twin))
            problems.extend(derive(key, partial(_twin_problems, chapter, twin)))
        for document in edition.documents:
            theirs, ours = document.text.get(lang), document.text.get(original)
            if not (theirs and ours):
                continue
            counted = derive(
                ("parentheses", theirs, ours), partial(_more_parentheses, theirs, ours)
            )
            if counted:
                problems.error(
                    document.origin_of("text"),
                    f"the {lang} text has {_parentheses(theirs)} parenthesis(es) where the "
                    f"{original} has {_parentheses(ours)}: the translation's own additions "
                    "stand in [square brackets], parentheses are the author's",
                )


@dataclass(frozen=True, eq=False)
class _Same:
    """A key that is equal to another only for the very same object: comparing two chapters
    field by field would cost what their check costs. The key keeps its object alive, so
    its id is not reused while it is kept."""

    value: object

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.value is self.value


def _twin_problems(chapter: Chapter, twin: Chapter) -> tuple[Problem, ...]:
    found = Problems()
    _check_twin(chapter, twin, found)
    return tuple(found.items)


def _check_twin(chapter: Chapter, twin: Chapter, problems: Problems) -> None:
    def anchored(c: Chapter) -> list[Block]:
        return [b for b in c.blocks if b.anchor]

    ours, theirs = anchored(chapter), anchored(twin)
    for mine, other in zip(ours, theirs, strict=False):
        name = f"¶ {mine.number}" if mine.number else f"#{mine.anchor}"
        # Numbers follow from the order (an earlier chapter may have shifted them); named
        # anchors and kinds must match.
        named = mine.number is None or other.number is None
        if (named and mine.anchor != other.anchor) or mine.kind is not other.kind:
            problems.error(
                other.origin,
                f"the twin of {name} ({mine.kind.value}, {chapter.origin.path}:"
                f"{mine.origin.line}) is here a {other.kind.value}"
                + (f" #{other.anchor}" if named else "")
                + ": paragraphs, block quotes and named anchors must correspond one to one",
            )
            return
        if _citation_signature(mine.citations) != _citation_signature(other.citations):
            problems.error(
                other.origin,
                f"{name} cites {'; '.join(_citation_signature(other.citations)) or 'nothing'} "
                f"but its twin at {chapter.origin.path}:{mine.origin.line} cites "
                f"{'; '.join(_citation_signature(mine.citations)) or 'nothing'}",
            )
        _check_parentheses(name, mine, other, chapter, problems)
        if list(mine.footnote_refs) != list(other.footnote_refs):
            problems.error(
                other.origin,
                f"{name} has footnote markers {list(other.footnote_refs)} but its twin at "
                f"{chapter.origin.path}:{mine.origin.line} has {list(mine.footnote_refs)}",
            )
    if len(ours) != len(theirs):
        if len(ours) > len(theirs):
            missing = ours[len(theirs)]
            problems.error(
                twin.origin,
                f"{len(theirs)} numbered paragraphs here, {len(ours)} in "
                f"{chapter.origin.path}: the twin of its paragraph at line "
                f"{missing.origin.line} is missing",
            )
        else:
            extra = theirs[len(ours)]
            problems.error(
                extra.origin,
                f"this paragraph has no twin in {chapter.origin.path}: "
                f"{len(theirs)} numbered paragraphs here, {len(ours)} there",
            )
    notes = {note.label: note for note in twin.footnotes}
    originals = {note.label for note in chapter.footnotes}
    for note in twin.footnotes:
        if note.label not in originals:
            problems.error(
                note.origin,
                f"footnote [^{note.label}] has no twin in {chapter.origin.path}",
            )
    for note in chapter.footnotes:
        other_note = notes.get(note.label)
        if other_note is None:
            problems.error(
                twin.origin,
                f"footnote [^{note.label}] of {chapter.origin.path}:{note.origin.line} has no "
                "twin here",
            )
        else:
            _check_parentheses(f"footnote [^{note.label}]", note, other_note, chapter, problems)
        if other_note is not None and (
            _citation_signature(note.citations) != _citation_signature(other_note.citations)
        ):
            problems.error(
                other_note.origin,
                f"footnote [^{note.label}] cites "
                f"{'; '.join(_citation_signature(other_note.citations)) or 'nothing'} but its "
                f"twin at {chapter.origin.path}:{note.origin.line} cites "
                f"{'; '.join(_citation_signature(note.citations)) or 'nothing'}",
            )


# What is not the author's prose inside a passage: code, HTML tags, link targets.
_NOT_PROSE = re.compile(r"`[^`]*`|<[^>]*>|\]\([^)]*\)")


def _more_parentheses(theirs: str, ours: str) -> bool:
    return _parentheses(theirs) > _parentheses(ours)


def _parentheses(markdown: str) -> int:
    return _NOT_PROSE.sub(" ", markdown).count("(")


def _check_parentheses(
    name: str,
    mine: Block | Footnote,
    other: Block | Footnote,
    chapter: Chapter,
    problems: Problems,
) -> None:
    """The translation's own additions stand in square brackets, never in the author's
    parentheses: a translated passage has no more parentheses than its original."""
    ours, theirs = _parentheses(mine.markdown), _parentheses(other.markdown)
    if theirs > ours:
        problems.error(
            other.origin,
            f"{name} has {theirs} parenthesis(es) but its twin at {chapter.origin.path}:"
            f"{mine.origin.line} has {ours}: the translation's own additions stand in "
            "[square brackets], parentheses are the author's",
        )


def _check_people_are_named(edition: Edition, problems: Problems) -> None:
    """A person the text never names is a record without a reason, or a mistyped form."""
    texts = [
        words_of(markdown)
        for chapter in edition.chapters_in(edition.original)
        for markdown in (
            *(block.markdown for block in chapter.blocks),
            *(note.markdown for note in chapter.footnotes),
        )
    ]
    texts += [document.text.text(edition.original) for document in edition.documents]
    for person in edition.people:
        if not any(mentions(person, text) for text in texts):
            problems.warning(
                person.origin,
                f"person '{person.id}' is not named in the text by any of "
                f"{', '.join(person.mentions)}: check the forms under 'mentions'",
            )


def _check_ids(edition: Edition, problems: Problems) -> None:
    """Ids, aliases and citation keys each name one thing: two claims on one URL are an error."""
    claimed: dict[str, Origin] = {}
    # Every record's own id first, so that an alias is the one reported when it collides.
    claims = [(d.id, d.origin_of("id")) for d in edition.documents]
    claims += [(a, d.origin_of("aliases")) for d in edition.documents for a in d.aliases]
    for name, origin in claims:
        if name in claimed:
            problems.error(origin, f"id '{name}' is already used by the record at {claimed[name]}")
        else:
            claimed[name] = origin
    for work in edition.works:
        if work.key in claimed:
            problems.error(
                work.origin,
                f"key '{work.key}' is also a document id ({claimed[work.key]}); keys must differ",
            )


def _check_people_refs(edition: Edition, problems: Problems) -> None:
    people = {person.id for person in edition.people}
    for document in edition.documents:
        for name in ("senders", "recipients"):
            for person_id in getattr(document, name):
                if person_id not in people:
                    problems.error(
                        document.origin_of(name),
                        f"'{person_id}' in '{name}' is not a person id in {PEOPLE_FILE}"
                        f"{did_you_mean(person_id, people)}",
                    )


def _check_footnotes(chapter: Chapter, problems: Problems) -> None:
    defined: dict[str, Origin] = {}
    for note in chapter.footnotes:
        if note.label in defined:
            problems.error(
                note.origin,
                f"footnote [^{note.label}] is defined twice (first at {defined[note.label]})",
            )
        defined.setdefault(note.label, note.origin)
    referenced: set[str] = set()
    for block in chapter.blocks:
        for label in block.footnote_refs:
            referenced.add(label)
            if label not in defined:
                problems.error(
                    block.origin,
                    f"footnote marker [^{label}] has no note: add a line '[^{label}]: …' at the "
                    "end of the chapter",
                )
    for label, origin in defined.items():
        if label not in referenced:
            problems.error(origin, f"footnote [^{label}] is never referenced in the text")


def _check_footnote_numbering(edition: Edition, problems: Problems) -> None:
    """Footnotes are numbered as printed: 1, 2, 3 … through the whole article."""
    for lang in edition.languages:
        expected = 1
        for chapter in edition.chapters_in(lang):
            for block in chapter.blocks:
                for label in block.footnote_refs:
                    if label != str(expected):
                        problems.error(
                            block.origin,
                            f"footnote marker [^{label}] is out of sequence: footnotes are "
                            f"numbered as printed, and this one should be [^{expected}]",
                        )
                    expected += 1


_CITATION_AND_PUNCTUATION = re.compile(r"\s*\[@[^\]]*\][.,;:]?")


def _quotation_text(block: Block) -> str:
    """A block quote's words: citations, footnote markers and '>' removed."""
    lines = [re.sub(r"^>\s?", "", line) for line in block.markdown.splitlines()]
    text = _CITATION_AND_PUNCTUATION.sub("", "\n".join(lines))
    text = re.sub(r"\[\^[^\]]+\]", "", text)
    return _normalise(text)


def _normalise(text: str) -> str:
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()))


def _check_quotations(
    edition: Edition, problems: Problems, derive: Callable[[Hashable, Callable[[], Any]], Any]
) -> None:
    """A record's text is the article's quotation of it, word for word."""
    original = edition.original
    for chapter in edition.chapters_in(original):
        for block in chapter.blocks:
            if block.kind is not BlockKind.QUOTE:
                continue
            for citation in block.citations:
                for item in citation.items:
                    document = edition.document(item.key)
                    if document is None:
                        continue
                    quoted = derive(("quoted", block.markdown), partial(_quotation_text, block))
                    text = document.text.get(original) or ""
                    recorded = derive(("recorded", text), partial(_normalise, text))
                    if quoted != recorded:
                        problems.error(
                            document.origin_of("text"),
                            f"text.{original} differs from the article's quotation at "
                            f"{block.origin}: {_first_difference(recorded, quoted)}",
                        )


def _first_difference(recorded: str, quoted: str) -> str:
    for index, (a, b) in enumerate(zip(recorded, quoted, strict=False)):
        if a != b:
            window = slice(max(0, index - 20), index + 20)
            return f"the record has '…{recorded[window]}…', the article '…{quoted[window]}…'"
    shorter, text = ("record", recorded) if len(recorded) < len(quoted) else ("article", quoted)
    return f"the {shorter}'s text ends early, after '…{text[-30:]}'"
