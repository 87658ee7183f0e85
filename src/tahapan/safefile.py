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


def save(path: Path, data: bytes) -> Path | None:
    """Write an output file the safe way; returns the backup of the old version, if any.

    A regular file (or a symlink to one, which stays a symlink) is replaced atomically under its
    lock, the old version kept as FILE.bak. Anything else that exists — /dev/null, /dev/stdout, a
    pipe — is written into as it is: it must never be renamed over or backed up.
    """
    from tahapan.errors import TahapanError
    from tahapan.i18n import tr

    if path.is_dir():
        raise TahapanError(
            tr(
                f"{path} adalah direktori; beri nama berkas",
                f"{path} is a directory; give a file name",
            )
        )
    if path.exists() and not path.is_file():
        with open(path, "wb") as handle:
            handle.write(data)
        return None
    target = path.resolve() if path.is_symlink() else path
    with locked(target):
        sweep(target)
        backup = keep_backup(target)
        replace_bytes(target, data)
    return backup


def replace_text(path: Path, text: str) -> None:
    replace_bytes(path, text.encode("utf-8"))


def replace_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_dir(path.parent)


def sweep(path: Path) -> None:
    """Remove temporary files a killed writer left beside ``path``. Call it holding the lock: no
    other writer of ``path`` can be half-way then, so every such file is stale."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        stale.unlink(missing_ok=True)


def keep_backup(path: Path) -> Path | None:
    """Copy the current version to FILE.bak (atomically); None when there is no file yet."""
    try:
        old = path.read_bytes()
    except FileNotFoundError:
        return None
    backup = path.with_name(path.name + ".bak")
    replace_bytes(backup, old)
    return backup


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock for ``path`` (waits for another tahapan that holds it)."""
    lock_path = path.with_name(path.name + ".lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as err:
        # a file where a folder should be, no permission, a read-only disk: the user's to fix
        from tahapan.errors import TahapanError
        from tahapan.i18n import tr

        if isinstance(err, (FileExistsError, NotADirectoryError)):
            why = tr(
                f"{err.filename} berkas, bukan folder", f"{err.filename} is a file, not a folder"
            )
        elif isinstance(err, PermissionError):
            why = tr(
                f"tidak ada izin menulis di {err.filename}",
                f"no permission to write in {err.filename}",
            )
        else:
            why = f"{err.strerror} ({err.filename})"
        raise TahapanError(
            tr(f"{path} tidak bisa ditulis: {why}", f"{path} cannot be written: {why}"),
            hint=tr(
                "Periksa foldernya (ada, berupa folder, boleh ditulis) atau pilih berkas lain.",
                "Check its folder (it exists, is a folder, may be written) or choose another file.",
            ),
        ) from None
    try:
        _flock(fd, take=True)
        try:
            yield
        finally:
            _flock(fd, take=False)
    finally:
        os.close(fd)


def _flock(fd: int, take: bool) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK if take else msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    fcntl.flock(fd, fcntl.LOCK_EX if take else fcntl.LOCK_UN)


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
