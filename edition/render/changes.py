"""What changed between versions: each document's and chapter's history among the released
versions, word by word comparisons of its text and fields with the current version, what each
release changed, the frozen copies' banner, and what a current page says of its version.
Pure functions of the model and the releases' snapshots.

The comparison is difflib's (the standard library's SequenceMatcher) over words, spaces and
punctuation marks: a word that changed is shown deleted and inserted, whole.
"""

from __future__ import annotations

import difflib
import itertools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from edition import urls
from edition.labels import label
from edition.model import Edition, Release
from edition.outputs.snapshot import PageSnapshot, page_snapshots
from edition.render import escape, escape_html

TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(operation, text) pieces: '=' kept, '-' deleted, '+' inserted; whitespace runs count
    as one space, so that a rewrapped paragraph is not a change."""
    before = TOKEN.findall(" ".join(old.split()))
    after = TOKEN.findall(" ".join(new.split()))
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    pieces: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(("=", "".join(before[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            pieces.append(("-", "".join(before[i1:i2])))
        if tag in ("insert", "replace"):
            pieces.append(("+", "".join(after[j1:j2])))
    return _whole_changes(pieces)


def _whole_changes(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Changes that only a space keeps apart shown as one: "olmamasına rağmen" replaced by
    "olmasa da", rather than each word by a word with the space between them kept."""
    merged: list[tuple[str, str]] = []
    run: list[tuple[str, str]] = []

    def close() -> None:
        while run and run[-1][0] == "=":  # a trailing space belongs to what follows
            trailing = run.pop()
            close()
            merged.append(trailing)
            return
        deleted = "".join(text for op, text in run if op != "+")
        inserted = "".join(text for op, text in run if op != "-")
        merged.extend((op, text) for op, text in (("-", deleted), ("+", inserted)) if text)
        run.clear()

    for operation, text in pieces:
        if operation != "=" or (run and not text.strip()):
            run.append((operation, text))
            continue
        if run:
            close()
        merged.append((operation, text))
    if run:
        close()
    return merged


def diff_html(old: str, new: str) -> str:
    """The comparison as inline HTML: <del> and <ins> around what changed."""
    out = []
    for operation, text in word_diff(old, new):
        escaped = escape_html(text)
        if operation == "=":
            out.append(escaped)
        elif operation == "-":
            out.append(f'<del class="ed-del">{escaped}</del>')
        else:
            out.append(f'<ins class="ed-ins">{escaped}</ins>')
    return "".join(out)


@dataclass(frozen=True)
class KeptVersion:
    """A released version and what its pages said in one language."""

    release: Release
    pages: Mapping[str, PageSnapshot]


def kept_versions(
    edition: Edition, lang: str, current: Mapping[str, PageSnapshot]
) -> list[KeptVersion]:
    """The released versions, oldest first; the one being released says what is current."""
    kept = []
    for release in reversed(edition.releases):
        pages = current if release.snapshot is None else release.snapshot["languages"].get(lang, {})
        kept.append(KeptVersion(release, pages))
    return kept


def current_snapshots(edition: Edition, lang: str) -> dict[str, PageSnapshot]:
    """The current pages' snapshots; none are needed before a version is released."""
    return page_snapshots(edition, lang) if edition.releases else {}


def _parts(page: PageSnapshot | None) -> dict[str, tuple[str, str]]:
    return {key: (name, text) for key, name, text in (page or {}).get("parts", [])}


def changed_parts(old: PageSnapshot | None, new: PageSnapshot) -> list[tuple[str, str, str]]:
    """(label, old text, new text) of every part that differs, in the new page's order, then
    the parts the new page no longer has."""
    before, after = _parts(old), _parts(new)
    changed = [
        (name, before.get(key, ("", ""))[1], text)
        for key, (name, text) in after.items()
        if before.get(key, ("", ""))[1] != text
    ]
    changed += [(name, text, "") for key, (name, text) in before.items() if key not in after]
    return changed


def comparisons(
    edition: Edition, lang: str, current: Mapping[str, PageSnapshot]
) -> list[tuple[Release, str]]:
    """(released version, page source) of every current page that differs from what it was
    in a released version: each has a comparison page."""
    return [
        (kept.release, src)
        for kept in kept_versions(edition, lang, current)
        if not kept.release.pending
        for src, page in current.items()
        if src in kept.pages and changed_parts(kept.pages[src], page)
    ]


def comparison_sources(
    edition: Edition, lang: str, current: Mapping[str, PageSnapshot]
) -> list[str]:
    return [
        edition.paths.changes_src(release.version, src)
        for release, src in comparisons(edition, lang, current)
    ]


def _href(from_src: str, to_site_path: str, lang: str, edition: Edition) -> str:
    """A relative link from a page of `lang` to any path of the site (a frozen copy's, which
    MkDocs does not know), as raw HTML wants it."""
    here = urls.site_path(from_src, lang, edition.languages)
    return urls.relative_url(here, to_site_path)


def _frozen_site_path(edition: Edition, version: str, src: str, lang: str) -> str:
    return edition.paths.frozen_path(version, urls.site_path(src, lang, edition.languages))


def _parts_markdown(changed: list[tuple[str, str, str]], lang: str) -> list[str]:
    out = []
    for name, old, new in changed:
        out += [
            f"### {escape(name)}",
            "",
            f'<div class="ed-diff" lang="{escape_html(lang)}"><p>{diff_html(old, new)}</p></div>',
            "",
        ]
    return out


def render_comparison_page(
    edition: Edition,
    lang: str,
    release: Release,
    src: str,
    old: PageSnapshot,
    new: PageSnapshot,
) -> str:
    """A page as it was in a released version, word by word against the current one."""
    here = edition.paths.changes_src(release.version, src)
    frozen = _href(here, _frozen_site_path(edition, release.version, src, lang), lang, edition)
    out = [
        "# "
        + escape(
            label(
                lang,
                "changes_compare_title",
                title=new["title"],
                version=release.version,
            )
        ),
        "",
        escape(
            label(
                lang,
                "changes_compare_intro",
                version=release.version,
                date=release.date,
                current=edition.info.version,
            )
        ),
        "",
        f"[{escape(label(lang, 'changes_current_page'))}]({urls.link(here, src)}) · "
        f'<a href="{escape_html(frozen)}">'
        f"{escape_html(label(lang, 'changes_frozen_page', version=release.version))}</a>",
        "",
        f'<p class="ed-diff-legend">{escape_html(label(lang, "changes_legend"))}</p>',
        "",
    ]
    return "\n".join(out + _parts_markdown(changed_parts(old, new), lang))


def render_release_changes(
    edition: Edition, lang: str, release: Release, current: Mapping[str, PageSnapshot]
) -> str:
    """What the release of a version changed since the version kept before it."""
    kept = kept_versions(edition, lang, current)
    index = next(i for i, k in enumerate(kept) if k.release.version == release.version)
    here = edition.paths.changes_index(release.version)
    out = [
        "# " + escape(label(lang, "changes_release_title", version=release.version)),
        "",
    ]
    if index == 0:
        out += [escape(label(lang, "changes_first_kept", version=release.version)), ""]
        return "\n".join(out)
    before, after = kept[index - 1], kept[index]
    changed = [
        (src, page, changed_parts(before.pages.get(src), page))
        for src, page in sorted(after.pages.items())
    ]
    changed = [(src, page, parts) for src, page, parts in changed if parts]
    out += [
        escape(
            label(
                lang,
                "changes_release_intro",
                version=release.version,
                previous=before.release.version,
                count=len(changed),
            )
        ),
        "",
        f'<p class="ed-diff-legend">{escape_html(label(lang, "changes_legend"))}</p>',
        "",
    ]
    for src, page, parts in changed:
        frozen = _href(here, _frozen_site_path(edition, release.version, src, lang), lang, edition)
        link = (
            f"[{escape(page['title'])}]({urls.link(here, src)})"
            if src in current
            else escape(page["title"])
        )
        out += [
            f"## {link}",
            "",
            f'<p><a href="{escape_html(frozen)}">'
            f"{escape_html(label(lang, 'changes_frozen_page', version=release.version))}</a></p>",
            "",
        ]
        out += [line.replace("### ", "#### ", 1) for line in _parts_markdown(parts, lang)]
    return "\n".join(out)


def page_history(
    edition: Edition, lang: str, src: str, current: Mapping[str, PageSnapshot]
) -> dict[str, Any] | None:
    """What a current document page or chapter says of its versions: those in which it
    changed, and a comparison with the current text for each version it differs from."""
    if src not in current:
        return None
    kept = kept_versions(edition, lang, current)
    if not kept:
        return None
    changed_in = [
        later.release.version
        for earlier, later in itertools.pairwise(kept)
        if src in later.pages and changed_parts(earlier.pages.get(src), later.pages[src])
    ]
    if kept[-1].release.version != edition.info.version and changed_parts(
        kept[-1].pages.get(src), current[src]
    ):
        changed_in.append(edition.info.version)
    compare = [
        {
            "version": k.release.version,
            "date": k.release.date,
            "href": _href(
                src,
                urls.site_path(
                    edition.paths.changes_src(k.release.version, src), lang, edition.languages
                ),
                lang,
                edition,
            ),
            "frozen": _href(
                src, _frozen_site_path(edition, k.release.version, src, lang), lang, edition
            ),
        }
        for k in reversed(kept)
        if not k.release.pending and src in k.pages and changed_parts(k.pages[src], current[src])
    ]
    unchanged = [
        {
            "version": k.release.version,
            "frozen": _href(
                src, _frozen_site_path(edition, k.release.version, src, lang), lang, edition
            ),
        }
        for k in reversed(kept)
        if src in k.pages and not changed_parts(k.pages[src], current[src])
    ]
    return {
        "heading": label(lang, "changes_heading"),
        "changed_in_label": label(lang, "changes_changed_in"),
        "changed_in": ", ".join(changed_in) or label(lang, "changes_none"),
        "compare_label": label(lang, "changes_compare"),
        "compare": compare,
        "same_label": label(lang, "changes_same"),
        "same": unchanged,
        "first_kept": label(lang, "changes_kept_since", version=kept[0].release.version),
    }


def this_version(edition: Edition, lang: str, src: str, base_url: str) -> dict[str, str] | None:
    """On every current page, once its version is released: the version, and the address of
    this page in its frozen copy (the address to cite for this very text)."""
    release = edition.current_release
    if release is None:
        return None
    frozen = _frozen_site_path(edition, release.version, src, lang)
    root = base_url.removesuffix(urls.language_prefix(edition.languages, lang)) if base_url else ""
    return {
        "text": label(lang, "this_version", version=release.version, date=release.date),
        "link": label(lang, "this_version_link"),
        "href": _href(src, frozen, lang, edition),
        "url": root + frozen if root else "",
    }


def release_links(edition: Edition, lang: str, version: str) -> str:
    """On the versions page, under a version: its frozen copy and its changes, or that it
    was not kept."""
    release = edition.release(version)
    here = edition.paths.changelog
    if release is None:
        return f'<p class="ed-not-kept">{escape_html(label(lang, "version_not_kept"))}</p>'
    frozen = _href(
        here,
        edition.paths.frozen_path(version, urls.language_prefix(edition.languages, lang)),
        lang,
        edition,
    )
    changes = urls.link(here, edition.paths.changes_index(version))
    return (
        f'<a href="{escape_html(frozen)}">{escape_html(label(lang, "version_frozen"))}</a> · '
        f"[{escape(label(lang, 'version_changes'))}]({changes})"
    )


def frozen_banner(
    lang: str, version: str, date: str, current_href: str, versions_href: str, list_href: str
) -> str:
    """The banner of every page of a frozen copy, made when the version is released. It
    cannot know the versions after it: it says a newer one may exist, and the edition's
    script, reading the current list of versions, says which one does."""
    return (
        f'<aside class="ed-frozen" role="note" data-ed-version="{escape_html(version)}" '
        f'data-ed-versions="{escape_html(list_href)}">'
        f"<p><strong>{escape_html(label(lang, 'frozen_title', version=version, date=date))}"
        f"</strong> {escape_html(label(lang, 'frozen_body'))}</p>"
        f'<p class="ed-frozen-maybe" data-current="'
        f'{escape_html(label(lang, "frozen_is_current"))}">'
        f"{escape_html(label(lang, 'frozen_maybe_newer'))}</p>"
        f'<p class="ed-frozen-newer" hidden data-text="'
        f'{escape_html(label(lang, "frozen_newer"))}"></p>'
        f'<p><a class="ed-frozen-current" href="{escape_html(current_href)}">'
        f"{escape_html(label(lang, 'frozen_current_link'))}</a> · "
        f'<a href="{escape_html(versions_href)}">{escape_html(label(lang, "frozen_versions_link"))}'
        "</a></p></aside>"
    )


def versions_list(edition: Edition) -> str:
    """The versions as the current site knows them, for the frozen copies' banners."""
    current = edition.info.versions[0]
    listed = [
        {"version": v.version, "date": v.date, "kept": edition.release(v.version) is not None}
        for v in edition.info.versions
    ]
    data = {"current": {"version": current.version, "date": current.date}, "versions": listed}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
