"""Writing the user's files so that nothing is ever lost or half-written.

- ``replace_text``: the new text goes to a temporary file beside the old one, is flushed to disk, and
  is renamed over it; a crash (or SIGKILL from cron) leaves the old file or the new one, never half.
- ``locked``: an advisory lock on ``FILE.lock`` held across read-modify-write, so that two
  concurrent `tahapan stage add` never lose an entry (the file itself is replaced, so it cannot hold
  the lock).
- ``keep_backup``: the previous version as ``FILE.bak``, itself written atomically.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def replace_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_dir(path.parent)


def keep_backup(path: Path) -> Path | None:
    """Copy the current version to FILE.bak (atomically); None when there is no file yet."""
    try:
        old = path.read_bytes()
    except FileNotFoundError:
        return None
    backup = path.with_name(path.name + ".bak")
    replace_text(backup, old.decode("utf-8-sig"))
    return backup


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock for ``path`` (waits for another tahapan that holds it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(path.name + ".lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _lock(fd)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
        return
    fcntl.flock(fd, fcntl.LOCK_EX)


def _unlock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    fcntl.flock(fd, fcntl.LOCK_UN)


def _sync_dir(folder: Path) -> None:
    # make the rename itself durable; some systems cannot open a directory, which is no harm
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
