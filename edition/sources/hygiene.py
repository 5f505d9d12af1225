"""What any source file must be before it is parsed, and what any name or address taken from
one must look like: the rules are declared here once and applied where sources are read.

- A source file is UTF-8 text. A byte-order mark is dropped, CRLF and CR line ends read as
  LF; a byte that is not UTF-8, a NUL or another control character is a problem at its line.
- A name that becomes part of a path or URL (a chapter, an id, an alias) is a plain slug.
- An address a reader can follow (a work's `url`) is an absolute http(s) URL and nothing else.
- Nothing outside the project is read or published: a symlink that leaves it is a problem.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from edition.model import Origin
from edition.problems import Problems

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_RULE = "lowercase letters a-z, digits and single hyphens, e.g. 'sonuc'"

# C0 and C1 controls and DEL, but tab and the line ends; a NUL ends strings in C code.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What an URL may not hold: spaces, controls, and the characters that end an HTML attribute or
# a Markdown autolink.
_URL_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f<>\"'`\\]")
WEB_SCHEMES = ("http", "https")


def decode_source(data: bytes, path: str, problems: Problems) -> str | None:
    """A source file's bytes as text with LF line ends, or None with a problem at the line of
    the first byte that is not UTF-8 and at the line of each control character."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line = data[: error.start].count(b"\n") + 1
        problems.error(
            Origin(path, line),
            f"not UTF-8 text: byte 0x{data[offset if offset < len(data) else error.start]:02x} "
            f"cannot be decoded ({error.reason}); save the file as UTF-8",
        )
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = False
    for number, line_text in enumerate(text.split("\n"), 1):
        control = _CONTROL.search(line_text)
        if control is not None:
            found = True
            problems.error(
                Origin(path, number),
                f"control character U+{ord(control.group()):04X} in the text "
                f"(column {control.start() + 1}): delete it",
            )
    return None if found else text


def read_source(root: Path, relative: str, problems: Problems) -> str | None:
    """A source file under `root`, decoded as `decode_source` does; None with a problem when it
    is missing, unreadable or a link out of the project."""
    path = root / relative
    if not inside(root, path):
        problems.error(
            Origin(relative, 1), f"is a link to {path.resolve()}, outside the project: not read"
        )
        return None
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.error(Origin(relative, 1), "file not found")
        return None
    except OSError as error:
        problems.error(Origin(relative, 1), f"cannot be read: {error.strerror or error}")
        return None
    return decode_source(data, relative, problems)


def inside(root: Path, path: Path) -> bool:
    """Whether `path`, every link followed, lies within `root`."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def check_links(root: Path, folder: str, problems: Problems) -> None:
    """Every symlink under `root/folder` that points outside `root` is a problem naming the
    link: MkDocs would publish what it points at."""
    top = root / folder
    if top.is_dir():
        _check_links_in(root, top, problems)


def _check_links_in(root: Path, directory: Path, problems: Problems) -> None:
    # The directory's entries tell whether each is a link without a call per file: the
    # preview checks thousands of records after every edit.
    with os.scandir(directory) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_symlink():
            path = Path(entry.path)
            if not inside(root, path):
                problems.error(
                    Origin(path.relative_to(root).as_posix(), 1),
                    f"is a symbolic link to {os.readlink(path)}, outside the project: "
                    "nothing outside it is published; copy the file in instead",
                )
        elif entry.is_dir():
            _check_links_in(root, Path(entry.path), problems)


def check_slug(name: object, what: str, origin: Origin, problems: Problems) -> bool:
    """Whether `name` is a slug; a problem at `origin` when it is not."""
    if isinstance(name, str) and SLUG.fullmatch(name):
        return True
    problems.error(origin, f"{what} {name!r} is not a plain name: use {SLUG_RULE}")
    return False


def web_address_problem(value: str) -> str | None:
    """Why `value` is not an address a reader may follow, or None when it is one."""
    if _URL_FORBIDDEN.search(value):
        return "holds a space, a quote, '<', '>', '`', '\\' or a control character"
    parts = urlsplit(value)
    if parts.scheme.lower() not in WEB_SCHEMES:
        return f"must start with http:// or https://, not '{parts.scheme or value[:12]}'"
    if not parts.hostname:
        return "names no host"
    return None


# A spreadsheet runs a cell that begins with one of these as a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell that no spreadsheet runs: one that would start a formula gets a leading
    apostrophe, as OWASP advises (the README says so)."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
