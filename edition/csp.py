"""The last touches on every built page: a Content-Security-Policy (scripts only from the
site itself, or inline ones whose SHA-256 the build has computed), and valid HTML where the
theme's markup is not."""

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


def policy_for(html: str) -> str:
    """The policy of one page: its own inline scripts, by hash, and nothing else inline."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attributes = match.group("attrs")
        if "src=" in attributes or any(kind in attributes for kind in DATA_TYPES):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return POLICY.format(hashes=" ".join(sorted(set(hashes))))


# Material marks its checkbox toggles autocomplete="off", which HTML allows on text-like
# inputs only (the Nu Html Checker reports it on every page).
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def apply_policy(site: Path) -> None:
    """Add the policy to every page's <head>, right after the charset and before any script,
    and mend the theme's invalid attributes."""
    charset = '<meta charset="utf-8">'
    for page in sorted(site.rglob("*.html")):
        html = CHECKBOX_AUTOCOMPLETE.sub(r"\1", page.read_text(encoding="utf-8"))
        if charset not in html:  # a redirect stub: it runs one inline script, hashed likewise
            charset = "<head>"
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
        page.write_text(html.replace(charset, f"{charset}\n  {meta}", 1), encoding="utf-8")
        charset = '<meta charset="utf-8">'
