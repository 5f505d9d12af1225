"""Zotero's translation-server, the engine behind "Save to Zotero" and Zotero's import, as a
test tool: unpacked from ../shared/vendor/zotero/ into .cache/ once (with `npm ci` from the
registry), started on a free loopback port, asked over HTTP.

The server is AGPL and is never part of the edition: nothing of it is copied into the project.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import tarfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARBALL = ROOT.parent / "shared" / "vendor" / "zotero" / "zotero-translation-server.tar.gz"
CACHE = ROOT / ".cache" / "zotero"


class ZoteroUnavailable(RuntimeError):
    pass


def _installed() -> Path:
    """The unpacked server with its npm packages, made once per version of the tarball."""
    if not TARBALL.exists():
        raise ZoteroUnavailable(f"{TARBALL} is missing")
    digest = hashlib.sha256(TARBALL.read_bytes()).hexdigest()[:16]
    home = CACHE / digest
    server = home / "zotero-translation-server"
    if (home / ".installed").exists():
        return server
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    with tarfile.open(TARBALL) as archive:
        archive.extractall(home, filter="data")
    subprocess.run(
        ["npm", "ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"],
        cwd=server,
        check=True,
        capture_output=True,
    )
    (home / ".installed").touch()
    return server


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def translation_server() -> Iterator[Zotero]:
    server = _installed()
    port = _free_port()
    env = {**os.environ, "NODE_CONFIG": json.dumps({"host": "127.0.0.1", "port": port})}
    process = subprocess.Popen(
        ["node", "src/server.js"],
        cwd=server,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    zotero = Zotero(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 60
        while not zotero.is_up():
            if process.poll() is not None or time.monotonic() > deadline:
                raise ZoteroUnavailable("the translation-server did not start")
            time.sleep(0.2)
        yield zotero
    finally:
        process.terminate()
        process.wait(timeout=10)


class Zotero:
    def __init__(self, address: str) -> None:
        self.address = address

    def is_up(self) -> bool:
        try:
            self._post("/import", b"")
        except urllib.error.HTTPError:
            return True  # it answers, if only that the input is empty
        except OSError:
            return False
        return True

    def _post(self, path: str, body: bytes) -> Any:
        request = urllib.request.Request(
            self.address + path, data=body, headers={"Content-Type": "text/plain"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def save_page(self, url: str) -> list[dict[str, Any]]:
        """What "Save to Zotero" makes of the page at `url`."""
        return [_clean(item) for item in self._post("/web", url.encode())]

    def import_file(self, data: bytes) -> list[dict[str, Any]]:
        """What Zotero's import makes of a file; child notes are left out."""
        items = self._post("/import", data)
        return [_clean(item) for item in items if item.get("itemType") != "note"]


# Fields that say when and how an item was made, not what it is.
_BOOKKEEPING = ("key", "version", "accessDate", "tags", "notes", "seeAlso", "attachments")


def _clean(item: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if key not in _BOOKKEEPING}
