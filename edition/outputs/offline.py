"""The offline copy: the built site as a zip that a reader unpacks and opens from disk
(file://), at the same paths as the published site. A browser does not turn a folder into
its index.html on disk, so every link to a folder of the site names its index.html; search
fetches its index, which browsers refuse to pages opened from disk, so the search box is
left out, and so is the index."""

from __future__ import annotations

import os
import posixpath
import re
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import lxml.html

from edition.site.csp import HASH, policy, policy_of, script_hash

LEFT_OUT = ("pagefind/",)
README = """\
{title}

Bu klasör edisyonun çevrimdışı kopyasıdır: index.html dosyasını bir tarayıcıda açın
(İngilizce: en/index.html). Sayfalar ve dosyalar yayımlanmış sitedekiyle aynı yollardadır.
Arama, tarayıcılar diskten açılan sayfaların dizin dosyalarını okumasına izin vermediği için
bu kopyada yoktur. Edisyonun tamamı PDF olarak: pdf/ ve en/pdf/.

This folder is an offline copy of the edition: open index.html in a browser (English:
en/index.html). Pages and files are at the same paths as on the published site. Search is
left out of this copy, because browsers do not let pages opened from disk read its index.
The whole edition as a PDF: pdf/ and en/pdf/.

Edition version {version} ({date}); published at: {address}
"""
REDIRECT_SCRIPT = re.compile(r'(location\.href=")([^"]*)(")')
LINKING = (("a", "href"), ("link", "href"), ("area", "href"))


def offline_url(url: str, page: str, files: set[str]) -> str:
    """A relative link of the site page `page` as it must be on disk: a folder of the site
    becomes its index.html. Absolute addresses and links within the page stay."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return url
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
    folder_index = ("" if target == "." else target + "/") + "index.html"
    if not (parts.path.endswith("/") or folder_index in files):
        return url
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit(("", "", path + "index.html", parts.query, parts.fragment))


def offline_page(html: str, page: str, files: set[str]) -> str:
    """A page of the site as it is in the offline copy (see the module's docstring)."""
    document = lxml.html.document_fromstring(html)
    for tag, attribute in LINKING:
        for element in document.iter(tag):
            value = element.get(attribute)
            if value is not None:
                element.set(attribute, offline_url(value, page, files))
    for meta in document.xpath("//meta[@http-equiv='refresh']"):  # a redirect of an old id
        delay, _, target = meta.get("content", "").partition("url=")
        if target:
            meta.set("content", delay + "url=" + offline_url(target, page, files))
    # A script keeps its place in the policy when the copy rewrites it, and nothing else gains one.
    allowed = set(HASH.findall(policy_of(html) or ""))
    shipped = [
        s for s in document.xpath("//script[not(@src)]") if script_hash(s.text or "") in allowed
    ]
    for script in document.xpath("//script[not(@src)]"):
        if script.text and "location.href=" in script.text:
            script.text = REDIRECT_SCRIPT.sub(
                lambda m: m.group(1) + offline_url(m.group(2), page, files) + m.group(3),
                script.text,
            )
    # Search needs its index fetched, which a page opened from disk may not do.
    for element in document.xpath(
        "//*[contains(concat(' ', @class, ' '), ' md-search ')]"
        " | //label[@for='__search' and contains(@class, 'md-header__button')]"
    ):
        element.drop_tree()
    out = str(lxml.html.tostring(document, encoding="unicode", doctype="<!doctype html>"))
    # A changed inline script needs its hash in the page's policy anew.
    for meta in document.xpath("//meta[@http-equiv='Content-Security-Policy']"):
        old = meta.get("content", "")
        new = policy({script_hash(script.text or "") for script in shipped})
        out = out.replace(f'content="{old}"', f'content="{new}"', 1)
    return out + "\n"


def write_offline_copy(site: Path, output: Path, readme: str, date: str, folder: str) -> int:
    """The zip of the offline copy at `output`, made from the built site at `site`, its
    files in `folder` (the edition's id); returns the number of files. Same site, same
    bytes: entries sorted, dated `date` (YYYY-MM-DD), the same permissions for all."""
    files = {
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and not path.relative_to(site).as_posix().startswith(LEFT_OUT)
    }
    year, month, day = (int(part) for part in date.split("-"))
    stamp = (max(year, 1980), month, day, 0, 0, 0)

    def entry(name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
        info.create_system = 3  # unix, so that the permissions below are read
        info.external_attr = 0o100644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{output.name}-", dir=output.parent)
    try:
        with os.fdopen(handle, "wb") as stream, zipfile.ZipFile(stream, "w") as archive:
            archive.writestr(entry("OKUBENI-README.txt"), readme, compresslevel=9)
            for name in sorted(files):
                data = (site / name).read_bytes()
                if name.endswith(".html"):
                    data = offline_page(data.decode("utf-8"), name, files).encode("utf-8")
                archive.writestr(entry(name), data, compresslevel=9)
        os.chmod(temporary, 0o644)  # mkstemp made it private; the zip is for readers
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(files) + 1
