"""What a static host or CDN should send with the built site besides its files: the
Content-Security-Policy as a header, which can also forbid framing (a <meta> policy cannot)."""

from __future__ import annotations

from pathlib import Path

from edition.site.csp import HASH, POLICY, policy_of


def header_policy(site: Path) -> str:
    """One policy for every page of the built site at `site`: each page's own, with the
    hashes of all the site's inline scripts (a handful: Material's bootstrap scripts), and
    `frame-ancestors 'none'`."""
    hashes: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        hashes.update(HASH.findall(policy_of(page.read_text(encoding="utf-8")) or ""))
    return POLICY.format(hashes=" ".join(sorted(hashes))) + "; frame-ancestors 'none'"
