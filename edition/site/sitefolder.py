"""The built site's folder on disk: one build at a time per checkout, and a folder that exists,
complete, at every instant.

- `BuildLock`: an exclusive `flock` on `.edition.lock` in the checkout, holding the pid of its
  owner. The kernel lets go of it when the owner dies, however it dies, so a stale lock of a
  dead process is simply taken over; a second build or preview refuses at once.
- `swap_in`: the new site and the old one change places in one `renameat2(RENAME_EXCHANGE)`
  (Linux 3.15+). Where the file system cannot exchange, two renames, and a kill between them
  leaves the old site in `.site-old-*`, which `clear_leftovers` puts back at the next start.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from pathlib import Path
from types import TracebackType

LOCK_FILE = ".edition.lock"


class Locked(Exception):
    """Another process builds or previews this checkout."""

    def __init__(self, path: Path, owner: str) -> None:
        super().__init__(
            f"another build or preview of this checkout is running (process {owner or '?'}, "
            f"holding {path}); wait for it to end or stop it"
        )


class BuildLock:
    """`with BuildLock(root):` — held for the life of a build or a preview."""

    def __init__(self, root: Path) -> None:
        self.path = root / LOCK_FILE
        self._fd: int | None = None

    def __enter__(self) -> BuildLock:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            os.close(fd)
            raise Locked(self.path, owner) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self._fd = fd
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing lets go of the lock
            self._fd = None


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step; False where the system or file system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_in(staging: Path, target: Path) -> None:
    """`staging` becomes `target`; the old `target` is deleted. `target` exists throughout."""
    if not target.exists():
        os.replace(staging, target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # the old site, now at the staging path
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    os.rmdir(retired)
    os.replace(target, retired)
    os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)


def clear_leftovers(target: Path) -> None:
    """What a killed build left beside `target`: unfinished new sites are deleted; an old site
    that was moved aside comes back when `target` is missing, and is deleted otherwise."""
    for stale in target.parent.glob(f".{target.name}-new-*"):
        shutil.rmtree(stale, ignore_errors=True)
    retired = sorted(target.parent.glob(f".{target.name}-old-*"), key=os.path.getmtime)
    if retired and not target.exists():
        os.replace(retired.pop(), target)
    for stale in retired:
        shutil.rmtree(stale, ignore_errors=True)
