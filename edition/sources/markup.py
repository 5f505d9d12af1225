"""What a chapter may hold besides Markdown: the raw-HTML policy, declared once.

A chapter is the author's text. Raw HTML in it marks language and a few inline forms; it
never runs code, loads anything or links anywhere. The policy (also in the README):

- elements: ALLOWED_ELEMENTS only; attributes: ALLOWED_ATTRIBUTES only (no `on…` handler,
  no `style`, no `href`/`src`);
- links and images: a relative address, `#anchor`, or LINK_SCHEMES;
- attribute lists (`{ … }`, Python-Markdown's attr_list): `#id`, `.class` and the allowed
  attributes only.

Every breach is a problem at its file and line; the build stops before any page is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.token import Token

from edition.model import Origin
from edition.problems import Problems

ALLOWED_ELEMENTS = frozenset(
    {"span", "div", "abbr", "b", "bdi", "br", "cite", "em", "i", "mark", "q", "s", "small",
     "strong", "sub", "sup", "u", "wbr"}
)  # fmt: skip
ALLOWED_ATTRIBUTES = frozenset({"lang", "dir", "title", "class", "markdown"})
LINK_SCHEMES = ("http", "https", "mailto")

_TAG = re.compile(r"<\s*(/?)\s*([^\s/>]*)([^>]*)>?", re.DOTALL)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Python-Markdown's attr_list: `{: … }` or `{ … }` after a block or an inline element.
_ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*([^}\n]*?)[ \t]*\}")
_ATTRIBUTE_LIST_ITEM = re.compile(r"""#[\w-]+|\.[\w-]+|([^\s=]+)=("[^"]*"|'[^']*'|\S+)""")


def check_markup(tokens: list[Token], path: str, problems: Problems) -> None:
    """Every raw HTML tag, link and attribute list in a chapter's tokens, against the policy."""
    for token, line, text in _raw_parts(tokens):
        origin = Origin(path, line)
        if token.type in ("html_inline", "html_block"):
            _check_html(text, origin, problems)
        elif token.type in ("link_open", "image"):
            target = str(token.attrGet("href") or token.attrGet("src") or "")
            _check_address(target, origin, problems)
        elif token.type == "inline":
            _check_attribute_lists(text, origin, problems)


def _raw_parts(tokens: list[Token]) -> Iterator[tuple[Token, int, str]]:
    """Each token that may carry markup, with its 1-based line."""
    for token in tokens:
        start = token.map[0] + 1 if token.map else 1
        if token.type in ("html_block", "inline"):
            yield token, start, token.content
        for child in token.children or ():
            yield child, start + _lines_before(token.content, child), child.content


def _lines_before(content: str, child: Token) -> int:
    at = content.find(child.content) if child.content else -1
    return content.count("\n", 0, at) if at > 0 else 0


def _check_html(text: str, origin: Origin, problems: Problems) -> None:
    text = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    for match in _TAG.finditer(text):
        at = Origin(origin.path, origin.line + text.count("\n", 0, match.start()))
        name = match.group(2).lower()
        if name not in ALLOWED_ELEMENTS:
            problems.error(
                at,
                f"raw HTML <{match.group(2) or '…'}> is not allowed in a chapter; "
                f"allowed elements: {', '.join(sorted(ALLOWED_ELEMENTS))}",
            )
            continue
        for attribute in _ATTRIBUTE.finditer(match.group(3)):
            key = attribute.group(1).lower()
            if key not in ALLOWED_ATTRIBUTES:
                problems.error(
                    at,
                    f"attribute '{attribute.group(1)}' on <{name}> is not allowed in a chapter; "
                    f"allowed attributes: {', '.join(sorted(ALLOWED_ATTRIBUTES))}",
                )


def _check_address(target: str, origin: Origin, problems: Problems) -> None:
    # Browsers drop tabs and line ends inside a URL, and leading spaces and controls.
    cleaned = re.sub(r"[\t\n\r]", "", target).lstrip("\x00- ")
    scheme = _SCHEME.match(cleaned)
    if scheme is not None and scheme.group(1).lower() not in LINK_SCHEMES:
        problems.error(
            origin,
            f"a link to '{scheme.group(1)}:' is not allowed in a chapter; links go to the "
            f"edition's pages or to {', '.join(s + ':' for s in LINK_SCHEMES)} addresses",
        )


def _check_attribute_lists(text: str, origin: Origin, problems: Problems) -> None:
    for match in _ATTRIBUTE_LIST.finditer(text):
        for item in _ATTRIBUTE_LIST_ITEM.finditer(match.group(1)):
            key = item.group(1)
            if key is not None and key.lower() not in ALLOWED_ATTRIBUTES - {"markdown"}:
                problems.error(
                    Origin(origin.path, origin.line + text.count("\n", 0, match.start())),
                    f"attribute '{key}' in '{match.group()}' is not allowed in a chapter; an "
                    "attribute list may give #id, .class, lang, dir and title",
                )
