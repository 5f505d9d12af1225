"""Chapters: docs/<lang>/<slug>.md parsed into blocks, citations and footnotes.

markdown-it-py finds the top-level blocks and their lines; Pandoc's citation syntax
(`[@key, 12]`, `[@a, 1; @b, 2-3]`, `@key [12]`) and footnote markers are found by pattern
inside each block, so that every one keeps its own line.
"""

from __future__ import annotations

import re
import textwrap
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from edition.model import (
    Block,
    BlockKind,
    Chapter,
    Citation,
    CitationForm,
    CitationItem,
    Footnote,
    Origin,
)
from edition.problems import Problems
from edition.sources.markup import check_markup

_KEY = r"[A-Za-z0-9_](?:[A-Za-z0-9_:.#$%&+?<>~/-]*[A-Za-z0-9_])?"
BRACKETED_CITATION = re.compile(r"\[(?=\s*-?@)([^\[\]]*)\]")
CITATION_ITEM = re.compile(rf"^\s*(-?)@({_KEY})\s*(?:,\s*(?P<locator>[^;]*?))?\s*$")
NARRATIVE_CITATION = re.compile(rf"(?<![\w@\[/.])@({_KEY})(?:\s+\[(?P<locator>[^\]@\[]+)\])?")
FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]?")
NAMED_ANCHOR = re.compile(r"\{:?\s*#([A-Za-z][\w-]*)\s*\}\s*$")

_markdown = MarkdownIt("commonmark").use(footnote_plugin).use(front_matter_plugin)
# Every link is kept as a link token, so that the markup policy sees each address: the site's
# Markdown (Python-Markdown) would link what markdown-it's own check leaves as text.
_markdown.validateLink = lambda url: True  # type: ignore[method-assign]
_BLOCK_KINDS = {
    "heading_open": BlockKind.HEADING,
    "paragraph_open": BlockKind.PARAGRAPH,
    "blockquote_open": BlockKind.QUOTE,
}


def parse_chapter(
    text: str, *, slug: str, lang: str, path: str, numbered: bool, problems: Problems
) -> Chapter:
    """Parse one chapter file; `path` is the file's path for messages."""
    lines = text.splitlines()
    tokens = _markdown.parse(text)
    check_markup(tokens, path, problems)
    front_matter = ""
    blocks: list[Block] = []
    footnotes: list[Footnote] = []
    title = ""
    inside_footnote = False
    for index, token in enumerate(tokens):
        if token.type == "front_matter":
            front_matter = token.content
            continue
        if token.type == "footnote_open":
            inside_footnote = True
            footnotes.append(_parse_footnote(tokens, index, lines, path, problems))
            continue
        if token.type == "footnote_close":
            inside_footnote = False
            continue
        if inside_footnote or token.level != 0 or token.map is None or token.nesting < 0:
            continue
        start, end = token.map
        source = "\n".join(lines[start:end])
        kind = _BLOCK_KINDS.get(token.type)
        if kind is None:
            # Lists, raw HTML and the like pass through unnumbered.
            blocks.append(Block(BlockKind.OTHER, source, Origin(path, start + 1)))
            continue
        if kind is BlockKind.HEADING and not title and tokens[index].tag == "h1":
            title = tokens[index + 1].content.strip()
        origin = Origin(path, start + 1)
        blocks.append(
            Block(
                kind=kind,
                markdown=source,
                origin=origin,
                citations=tuple(parse_citations(source, origin, problems)),
                footnote_refs=tuple(FOOTNOTE_REF.findall(source)),
                named_anchor=named.group(1) if (named := NAMED_ANCHOR.search(source)) else None,
            )
        )
    if not title:
        problems.error(Origin(path, 1), "the chapter has no title: start it with '# Title'")
    # markdown-it drops a note that nothing refers to; the editor hears of it, at its line.
    kept = {note.label for note in footnotes}
    for number, line in enumerate(lines, 1):
        definition = FOOTNOTE_DEF.match(line)
        if definition is not None and definition.group(1) not in kept:
            problems.error(
                Origin(path, number),
                f"footnote [^{definition.group(1)}] is never referenced in the text: add the "
                f"marker [^{definition.group(1)}] where it belongs, or delete the note",
            )
    return Chapter(
        slug=slug,
        lang=lang,
        path=f"{slug}.md",
        origin=Origin(path, 1),
        title=title,
        numbered=numbered,
        front_matter=front_matter,
        blocks=tuple(blocks),
        footnotes=tuple(footnotes),
    )


def _parse_footnote(
    tokens: list[Token], index: int, lines: list[str], path: str, problems: Problems
) -> Footnote:
    label = str(tokens[index].meta.get("label", ""))
    start: int | None = None
    end = 0
    for token in tokens[index + 1 :]:
        if token.type == "footnote_close":
            break
        if token.map is not None:
            start = token.map[0] if start is None else min(start, token.map[0])
            end = max(end, token.map[1])
    if start is None:  # an empty note: find its marker line
        start = next((n for n, line in enumerate(lines) if line.startswith(f"[^{label}]:")), 0)
        end = start + 1
    raw = lines[start:end]
    first = FOOTNOTE_DEF.sub("", raw[0], count=1) if raw else ""
    body = (first + "\n" + textwrap.dedent("\n".join(raw[1:]))).strip()
    origin = Origin(path, start + 1)
    return Footnote(
        label=label,
        markdown=body,
        origin=origin,
        citations=tuple(parse_citations(body, origin, problems)),
    )


def parse_citations(source: str, origin: Origin, problems: Problems) -> list[Citation]:
    """Every Pandoc-style citation in a block's Markdown, in the order they appear."""
    found: list[tuple[int, Citation]] = []
    taken: list[tuple[int, int]] = []
    for match in BRACKETED_CITATION.finditer(source):
        taken.append(match.span())
        line = origin.line + source.count("\n", 0, match.start())
        at = Origin(origin.path, line)
        items: list[CitationItem] = []
        for part in match.group(1).split(";"):
            parsed = CITATION_ITEM.match(part)
            if parsed is None:
                problems.error(
                    at,
                    f"malformed citation '{match.group(0)}': write [@key], [@key, pages] or "
                    "[@key1, pages; @key2, pages]",
                )
                items = []
                break
            locator = (parsed.group("locator") or "").strip()
            items.append(CitationItem(parsed.group(2), locator, at))
        if items:
            citation = Citation(
                match.group(0), CitationForm.PARENTHETICAL, tuple(items), at, match.span()
            )
            found.append((match.start(), citation))
    for match in NARRATIVE_CITATION.finditer(source):
        if any(start <= match.start() < end for start, end in taken):
            continue
        line = origin.line + source.count("\n", 0, match.start())
        at = Origin(origin.path, line)
        item = CitationItem(match.group(1), (match.group("locator") or "").strip(), at)
        found.append(
            (
                match.start(),
                Citation(match.group(0), CitationForm.NARRATIVE, (item,), at, match.span()),
            )
        )
    return [citation for _, citation in sorted(found, key=lambda pair: pair[0])]


@lru_cache(maxsize=65536)
def words_of(markdown: str) -> str:
    """A block's words on one line: quote markers and inline HTML tags gone, whitespace
    collapsed."""
    lines = (re.sub(r"^\s*>\s?", "", line) for line in markdown.splitlines())
    return " ".join(re.sub(r"<[^>\n]+>", "", " ".join(lines)).split())
