"""The one way tahapan writes a file (the config, your schedule file, every `-o` output), so that
nothing the user had is lost, half-written, or has its mode, link or device replaced.

- ``target``: where writing a path goes. A symlink's target (the link stays a link: dotfile
  repositories keep working); a device, FIFO or socket is written into, never renamed over; a missing
  folder is made for tahapan's own files and refused for an output, where it is a typo.
- ``locked``: an advisory lock (filelock) held across read-modify-write, so that two `stage add` at
  once both land. Lock files live in tahapan's private cache folder, named by the target's path:
  never beside an output, and opened without following a link someone planted.
- ``commit``: the new bytes go to a temporary file beside the target, are flushed to disk and renamed
  over it (a crash or SIGKILL leaves the old file or the new one, never half), keeping the old file's
  mode and owner; a new file gets the umask's mode. The previous version is kept as ``FILE.bak``.
- Temporary files a killed writer left are swept; only tahapan's own, matched exactly.
- Any failure (no permission, a read-only or full disk, a folder in the way) is a ``WriteError``
  naming the file (exit 73); the old file is untouched.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tahapan.errors import TahapanError, WriteError
from tahapan.i18n import tr

_TMP_SUFFIX = ".tahapan-tmp"


def save(path: Path, data: bytes) -> Path | None:
    """Write an output (`-o`); returns the backup of the old version, if any."""
    where = target(path, make_folder=False)
    with locked(where):
        return commit(where, data, backup=True)


def target(path: Path, *, make_folder: bool) -> Path:
    """The file that writing ``path`` changes: the end of a symlink chain, or the path itself."""
    # a path that cannot name a file to write is the user's slip (exit 2); the system refusing a
    # write is a WriteError (exit 73)
    if is_special(path):  # /dev/stdout into a pipe: the link ends in no name ("pipe:[…]")
        return path
    where = Path(os.path.realpath(path)) if path.is_symlink() else path
    if where.is_dir():
        raise TahapanError(
            tr(
                f"{path} adalah folder; beri nama berkas",
                f"{path} is a directory; give a file name",
            )
        )
    folder = where.parent
    blocker = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        raise TahapanError(_message(path, OSError(errno.ENOTDIR, "", str(blocker))))
    if not folder.is_dir():
        if not make_folder:  # an output's folder is never made: a typo would scatter files
            raise TahapanError(
                tr(
                    f"{path} tidak dapat ditulis: folder {folder} tidak ada",
                    f"{path} cannot be written: there is no folder {folder}",
                ),
                hint=tr(
                    "Buat foldernya dulu, atau pilih tempat lain.",
                    "Make the folder first, or choose another place.",
                ),
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise _failed(path, err) from None
    return where


def is_special(path: Path) -> bool:
    """A device, FIFO or socket: written into as it is, never read back or replaced."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


#: how long a writer waits for another tahapan holding the same file's lock: `data update` holds
#: its registry's lock across downloads of 30 s each, so a few minutes; beyond that the other run is
#: stuck, and a scheduled run that waited for ever would pile up behind it
LOCK_WAIT = 300.0


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock for ``path`` (waits LOCK_WAIT seconds for another tahapan
    that holds it, then says so: exit 73, nothing written)."""
    lock_path = _lock_path(path)
    if lock_path is None:  # no private folder for locks: the write is still atomic
        yield
        return
    # filelock (imported only by the commands that write): flock on POSIX, LockFileEx on Windows,
    # where the hand-written msvcrt.locking gave up after 10 s with an internal error. The lock
    # file is in tahapan's private cache folder, never beside ``path``: beside it, a `.lock` would
    # be published with a `publish` folder, fill a dotfile repository and trip a user who sees a
    # file they never made; in the cache it is ours alone, and a stale one harms nothing (POSIX
    # filelock leaves it for waiters to share one inode; on Windows it is removed on release).
    from filelock import FileLock, Timeout

    lock = FileLock(lock_path, timeout=LOCK_WAIT, mode=0o600)
    try:
        lock.acquire()
    except Timeout:
        raise WriteError(
            tr(
                f"{path} sedang ditulis oleh tahapan lain (sudah ditunggu {LOCK_WAIT:.0f} detik)",
                f"{path} is being written by another tahapan run (waited {LOCK_WAIT:.0f} seconds)",
            ),
            hint=tr(
                "Tidak ada yang diubah. Tunggu proses itu selesai (atau hentikan jika macet), "
                "lalu ulangi.",
                "Nothing was changed. Wait for that run to finish (or stop it if it hangs), "
                "then try again.",
            ),
        ) from None
    except OSError as err:
        raise _failed(path, err) from None
    try:
        yield
    finally:
        lock.release()


def _lock_path(path: Path) -> Path | None:
    from tahapan.folders import hasher, private_folder

    folder = private_folder("locks")
    if folder is None:
        return None
    digest = hasher(16)  # the same name as earlier versions give the lock of the same file
    digest.update(os.path.abspath(path).encode("utf-8", "surrogateescape"))
    return folder / f"{digest.hexdigest()}.lock"


def commit(
    path: Path,
    data: bytes,
    *,
    backup: bool,
    new_mode: int | None = None,
    mode: int | None = None,
) -> Path | None:
    """Write ``data`` as the new content of ``path`` (a target, under its lock): with the old file's
    mode, ``new_mode`` for a new file, or ``mode`` whatever the file was (set on the temporary file,
    so the content is never readable by others, even for a moment)."""
    try:
        if is_special(path):
            _write_into(path, data)
            return None
        sweep(path)
        old = _stat(path)
        kept = keep_backup(path, old) if backup and old is not None else None
        if mode is None:
            mode = stat.S_IMODE(old.st_mode) if old is not None else new_mode
        replace_bytes(path, data, mode=mode, owner=old)
        return kept
    except WriteError:
        raise
    except OSError as err:
        raise _failed(path, err) from None


def _write_into(path: Path, data: bytes) -> None:
    """Write into a device or FIFO. A FIFO nobody reads would hold the run for ever: it is opened
    without waiting, and refused when no reader is there."""
    flags = os.O_WRONLY | (os.O_NONBLOCK if stat.S_ISFIFO(os.stat(path).st_mode) else 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        if err.errno == errno.ENXIO:
            raise WriteError(
                tr(
                    f"{path} adalah pipa tanpa pembaca; tidak ada yang menunggu keluarannya",
                    f"{path} is a pipe with no reader; nothing waits for the output",
                )
            ) from None
        raise
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def replace_text(path: Path, text: str) -> None:
    replace_bytes(path, text.encode("utf-8"))


def replace_bytes(
    path: Path,
    data: bytes | list[bytes],
    *,
    mode: int | None = None,
    owner: os.stat_result | None = None,
    attrs_of: Path | None = None,
) -> None:
    """Atomically replace ``path``; ``mode`` None: what the umask gives a new file (0600 files
    stay 0600 only when asked for). The user's extended attributes of ``attrs_of`` (default: the
    file replaced) go on. ``data`` may be a list of pieces, written one after another (a large
    file is then not joined into one copy first)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=_TMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            _set_mode(handle.fileno(), tmp, mode if mode is not None else 0o666 & ~_umask())
            if owner is not None and hasattr(os, "fchown") and os.geteuid() == 0:
                # root (cron) writing a user's file leaves it the user's
                os.fchown(handle.fileno(), owner.st_uid, owner.st_gid)
            _copy_user_attrs(attrs_of or path, handle.fileno())
            if isinstance(data, bytes):
                handle.write(data)
            else:
                handle.writelines(data)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    sync_dir(path.parent)


#: what a file system without (user) extended attributes, or one that forbids them, answers
_NO_ATTRS = {errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM, errno.ENOENT}
_NO_ATTRS.add(getattr(errno, "ENODATA", errno.ENOENT))  # an attribute gone between list and read


def _copy_user_attrs(source: Path, fd: int) -> None:
    """Copy ``user.*`` extended attributes (a tag, the address a file came from, an office's sync
    marker) to the new file: the rename would drop them with the old inode. Other namespaces
    (security, trusted, system) belong to the system and are not carried over. Where the system
    or the file system has none, nothing is said: they are the file's extras, not its content."""
    if not hasattr(os, "listxattr"):  # Windows, macOS
        return
    try:
        names = [n for n in os.listxattr(source) if n.startswith("user.")]
    except OSError as err:
        if err.errno in _NO_ATTRS:
            return
        raise
    for name in names:
        try:
            os.setxattr(fd, name, os.getxattr(source, name))
        except OSError as err:
            if err.errno not in _NO_ATTRS:
                raise


def _set_mode(fd: int, name: str, mode: int) -> None:
    # os.fchmod is POSIX only before Python 3.13; on Windows a mode is only the read-only flag,
    # which chmod by name sets the same (0600 there is no more private: the folder's ACL decides)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:
        os.chmod(name, mode)


#: the pauses before trying again to replace a file on Windows (about 1.5 s in all)
_REPLACE_PAUSES = (0.1, 0.2, 0.4, 0.8)


def _replace(tmp: str, path: Path) -> None:
    """os.replace, with a few short pauses on Windows: there a file another program holds open
    (Excel with the CSV, a PDF viewer, an antivirus or the search indexer reading it) cannot be
    replaced, and most of those holds pass in a moment."""
    from tahapan.folders import WINDOWS

    for pause in _REPLACE_PAUSES if WINDOWS else ():
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            time.sleep(pause)
    os.replace(tmp, path)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def sweep(path: Path) -> None:
    """Remove temporary files a killed writer of ``path`` left beside it. Call it holding the lock:
    no other writer of ``path`` is half-way then. Only names tahapan makes are matched, exactly (a
    glob would read `*` or `[` in the file's own name as a pattern)."""
    own = re.compile(
        re.escape(f".{path.name}.") + r"[a-z0-9_]{8}(?:" + re.escape(_TMP_SUFFIX) + r"|\.tmp)"
    )
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        if own.fullmatch(name):
            (path.parent / name).unlink(missing_ok=True)


def keep_backup(path: Path, old: os.stat_result | None = None) -> Path | None:
    """Copy the current version to FILE.bak (atomically, with its mode); None when there is none."""
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        return None
    backup = path.with_name(path.name + ".bak")
    if backup.is_dir():
        raise WriteError(
            tr(
                f"{backup} adalah folder; versi lama {path} tidak dapat disimpan di sana",
                f"{backup} is a folder; the previous version of {path} cannot be kept there",
            ),
            hint=tr("Pindahkan folder itu, lalu ulangi.", "Move that folder away, then try again."),
        )
    mode = stat.S_IMODE(old.st_mode) if old is not None else None
    replace_bytes(backup, content, mode=mode, owner=old, attrs_of=path)
    return backup


def failed(path: Path, err: OSError) -> WriteError:
    """An OSError met writing ``path`` as the message and exit code (73) every writer gives."""
    return _failed(path, err)


def _failed(path: Path, err: OSError) -> WriteError:
    return WriteError(
        _message(path, err),
        hint=tr(
            "Berkas lama tidak diubah. Periksa izin dan ruang disk, atau pilih tempat lain.",
            "The old file is unchanged. Check permissions and disk space, or choose another place.",
        ),
    )


def _message(path: Path, err: OSError) -> str:
    where = err.filename or path
    reasons = {
        errno.EACCES: tr(f"tidak ada izin menulis {where}", f"no permission to write {where}"),
        errno.EPERM: tr(f"tidak ada izin menulis {where}", f"no permission to write {where}"),
        errno.EROFS: tr("disk hanya bisa dibaca", "the disk is read-only"),
        errno.ENOSPC: tr("disk penuh", "the disk is full"),
        errno.EDQUOT: tr("kuota disk habis", "the disk quota is used up"),
        errno.EISDIR: tr(f"{where} adalah folder", f"{where} is a folder"),
        errno.ENOTDIR: tr(f"{where} berkas, bukan folder", f"{where} is a file, not a folder"),
        errno.EEXIST: tr(f"{where} berkas, bukan folder", f"{where} is a file, not a folder"),
        errno.ELOOP: tr(f"{where} tautan simbolik yang berputar", f"{where} is a symlink loop"),
    }
    from tahapan.folders import WINDOWS

    if WINDOWS and err.errno in (errno.EACCES, errno.EPERM):
        # what Windows says when another program holds the file open
        reasons[err.errno] = tr(
            f"tidak ada izin menulis {where}, atau berkas itu sedang dibuka program lain "
            "(mis. Excel atau pembaca PDF); tutup dulu",
            f"no permission to write {where}, or another program has the file open "
            "(e.g. Excel or a PDF viewer); close it first",
        )
    reason = reasons.get(err.errno or 0) or f"{err.strerror or err}"
    return tr(f"{path} tidak dapat ditulis: {reason}", f"{path} cannot be written: {reason}")


def sync_dir(folder: Path) -> None:
    # make the rename itself durable; some systems cannot open a directory, which is no harm
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
