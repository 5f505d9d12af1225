"""The last touches on every built page: a Content-Security-Policy, and valid HTML where the
theme's markup is not.

The policy lets a page run the scripts the site serves and, inline, only the scripts that
the theme's templates and the edition's own code put on it: their SHA-256 hashes are taken
from the page as the template made it, *without* the page's content (the rendered chapter or
record). A script that reached a page through its content is never hashed, so it never runs,
whatever the markup policy (markup.py) let through.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
DATA_TYPES = ("application/json", "application/ld+json")  # data blocks: never executed
POLICY = (
    "default-src 'self'; "
    "script-src 'self' 'wasm-unsafe-eval' {hashes}; "
    "style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "font-src 'self' data:; "
    "connect-src 'self'; "
    "worker-src 'self' blob:; "
    "object-src 'none'; "
    "base-uri 'self'; "
    "form-action 'self'"
)
POLICY_META = '<meta http-equiv="Content-Security-Policy" content="'
HASH = re.compile(r"'sha256-[A-Za-z0-9+/=]+'")


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts a browser would run (data blocks left out)."""
    return [
        match.group("body")
        for match in INLINE_SCRIPT.finditer(html)
        if "src=" not in match.group("attrs")
        and not any(kind in match.group("attrs") for kind in DATA_TYPES)
    ]


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(hashes: set[str]) -> str:
    return POLICY.format(hashes=" ".join(sorted(hashes)))


def template_policy(output: str, content: str) -> str:
    """The policy of a page MkDocs rendered: the hashes of its template's inline scripts, found
    in `output` with the page's `content` taken out."""
    shipped = output.replace(content, "", 1) if content else output
    return policy({script_hash(body) for body in inline_scripts(shipped)})


def policy_of(html: str) -> str | None:
    """The policy a built page carries, or None."""
    start = html.find(POLICY_META)
    if start < 0:
        return None
    start += len(POLICY_META)
    return html[start : html.index('"', start)]


# Material marks its checkbox toggles autocomplete="off", which HTML allows on text-like
# inputs only (the Nu Html Checker reports it on every page).
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def with_policy(html: str, page_policy: str) -> str:
    """`html` with `page_policy` first in its <head> (before any script), the theme's invalid
    attributes mended."""
    html = CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    anchor = '<meta charset="utf-8">' if '<meta charset="utf-8">' in html else "<head>"
    return html.replace(anchor, f'{anchor}\n  {POLICY_META}{page_policy}">', 1)


def apply_policy(site: Path) -> None:
    """The pages MkDocs did not render from content (the theme's 404 page, the redirect stubs
    of old ids, which mkdocs-redirects writes from its own template) get the policy of their
    own scripts: nothing in them comes from a source file but a checked id."""
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if POLICY_META not in html:
            scripts = {script_hash(body) for body in inline_scripts(html)}
            page.write_text(with_policy(html, policy(scripts)), encoding="utf-8")
