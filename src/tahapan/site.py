"""A published folder (`tahapan publish DIR`), replaced whole and safely beside a live web server.

- DIR must be missing, empty, or a folder an earlier publish made: its marker ``.tahapan-publish``
  lists every file that publish wrote, and DIR may hold nothing else. A mistyped path, or a file
  someone put in the site by hand, is refused before a byte is written; nothing of theirs is lost.
- The new tree is built beside DIR and exchanged with it in one step (renameat2 RENAME_EXCHANGE on
  Linux; elsewhere two renames, a moment without DIR), so a visitor never sees half a site. DIR's
  mode and owner pass to the new tree, and a file keeps its mode.
- A file whose bytes did not change is the old file itself (a hard link into the new tree): its
  modification time stays, and rsync, a CDN or a phone asking If-Modified-Since see no change. When
  nothing changed at all, nothing is touched.
- Two publishes into one DIR take turns (a lock); a build that was interrupted is swept.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from tahapan.errors import TahapanError
from tahapan.i18n import tr

MARKER = ".tahapan-publish"
MARKER_HEAD = (
    "# Dibuat oleh `tahapan publish`; isi folder ini diganti utuh setiap kali. Berkasnya:\n"
)
#: a published site's files are for everyone to read, whatever the umask of the cron job
FILE_MODE, FOLDER_MODE = 0o644, 0o755
#: a private file among them (`publish --cases`): for its owner alone, not the web server
PRIVATE_MODE = 0o600


@dataclass(frozen=True)
class Written:
    """What a publish did to DIR."""

    written: int
    kept: int
    removed: int


def publish_tree(
    folder: Path,
    files: dict[str, bytes],
    choices: dict[str, str] | None = None,
    private: frozenset[str] = frozenset(),
) -> Written:
    """Make ``folder`` hold exactly ``files`` (relative paths with /) and the marker, which also
    keeps ``choices`` for the next publish (``remembered``). The ``private`` files are readable by
    their owner alone, whatever mode they had."""
    from tahapan.safefile import failed, locked

    given = folder
    folder = Path(os.path.abspath(folder))
    target = Path(os.path.realpath(folder)) if folder.is_symlink() else folder
    if os.path.ismount(target):
        raise TahapanError(
            tr(
                f"{given} adalah titik kait (mount point); folder itu tidak dapat ditukar utuh",
                f"{given} is a mount point; it cannot be exchanged whole",
            ),
            hint=tr(
                "Terbitkan ke folder di dalamnya, mis. FOLDER/jadwal, dan sajikan folder itu.",
                "Publish into a folder inside it, e.g. DIR/jadwal, and serve that folder.",
            ),
        )
    real = {rel: data for rel, data in files.items() if rel != MARKER}
    noted = "".join(f"{CHOICE}{key} = {value}\n" for key, value in sorted((choices or {}).items()))
    listed = "".join(f"{rel}\n" for rel in sorted(real))
    marker = (MARKER_HEAD + listed + noted).encode("utf-8")
    files = {**real, MARKER: marker}
    try:
        with locked(target):
            old = _existing(target, given)
            kept = sum(1 for rel, data in real.items() if old.get(rel) == data)
            removed = len(set(old) - set(files))
            if old == files:
                return Written(0, kept, 0)  # nothing changed: nothing is touched
            _sweep(target)
            fresh = _fresh(target)
            try:
                _build(fresh, target, files, old, private)
                _swap(fresh, target)
            finally:
                # the old tree after a swap, or a half-built one after a failure or Ctrl-C
                shutil.rmtree(fresh, ignore_errors=True)
    except OSError as err:
        raise failed(target, err) from None
    return Written(len(real) - kept, kept, removed)


#: a choice kept in the marker: a comment line to the listing, "#: max-days = 365"
CHOICE = "#: "


def remembered(folder: Path) -> dict[str, str]:
    """The choices the last publish into ``folder`` kept; {} for a new folder or another one."""
    try:
        lines = (Path(folder) / MARKER).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return {}
    found = (
        line.removeprefix(CHOICE).partition(" = ") for line in lines if line.startswith(CHOICE)
    )
    return {key: value for key, sep, value in found if sep}


def _fresh(target: Path) -> Path:
    name = f".{target.name[:100]}.tahapan-baru-{os.getpid()}"  # a long name must not overflow
    fresh = target.parent / name
    try:
        fresh.mkdir(mode=0o700)
    except FileExistsError:
        shutil.rmtree(fresh)
        fresh.mkdir(mode=0o700)
    except PermissionError:
        raise TahapanError(
            tr(
                f"folder {target.parent} harus bisa ditulis: situs baru dibangun di samping {target}",
                f"the folder {target.parent} must be writable: the new site is built beside {target}",
            )
        ) from None
    return fresh


def _sweep(target: Path) -> None:
    """Builds beside DIR that an interrupted publish left (only tahapan's own, by their name)."""
    for path in target.parent.glob(f".{target.name[:100]}.tahapan-baru-*"):
        pid = path.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # there, but another user's
    return True


def _existing(target: Path, given: Path) -> dict[str, bytes]:
    """The files of an earlier publish, or {} for a missing or empty folder; anything else is
    refused before a byte is written."""
    if not os.path.lexists(target):
        if not target.parent.is_dir():
            raise TahapanError(
                tr(
                    f"folder {target.parent} tidak ada; buat dulu, atau pilih tempat lain",
                    f"the folder {target.parent} does not exist; make it first, or choose another",
                )
            )
        return {}
    if not target.is_dir():
        raise TahapanError(
            tr(f"{given} bukan folder", f"{given} is not a folder"),
            hint=tr(
                "Sebutkan folder tujuan situs, mis. /var/www/jadwal.", "Give the site's folder."
            ),
        )
    entries = list(target.iterdir())
    if not entries:
        return {}
    listed = _listed(target / MARKER)
    if listed is None:
        raise TahapanError(
            tr(
                f"{given} tidak kosong dan bukan hasil `tahapan publish` (tidak ada {MARKER}); "
                "tidak ada yang diubah",
                f"{given} is not empty and not made by `tahapan publish` (no {MARKER}); nothing "
                "was changed",
            ),
            hint=tr(
                "Pilih folder yang kosong atau belum ada; setiap kali diterbitkan, seluruh isinya diganti.",
                "Give an empty or a new folder; its content is replaced whole each time.",
            ),
        )
    out: dict[str, bytes] = {}
    strangers = []
    for path in sorted(target.rglob("*")):
        rel = path.relative_to(target).as_posix()
        if path.is_dir() and not path.is_symlink():
            continue
        if rel in listed and path.is_file() and not path.is_symlink():
            out[rel] = path.read_bytes()
        elif rel != MARKER:
            strangers.append(rel)
    if strangers:
        shown = ", ".join(strangers[:5]) + (" ..." if len(strangers) > 5 else "")
        raise TahapanError(
            tr(
                f"{given} berisi berkas yang tidak ditulis `tahapan publish`: {shown}; tidak ada "
                "yang diubah",
                f"{given} holds files `tahapan publish` did not write: {shown}; nothing was changed",
            ),
            hint=tr(
                "Pindahkan berkas itu ke luar folder situs (isinya diganti utuh setiap kali).",
                "Move them out of the site's folder (its content is replaced whole each time).",
            ),
        )
    out[MARKER] = (target / MARKER).read_bytes()
    return out


def _listed(marker: Path) -> set[str] | None:
    """The files the marker lists; None when it is not a marker (missing, a link, a folder)."""
    try:
        info = os.lstat(marker)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    lines = marker.read_text(encoding="utf-8", errors="replace").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def _build(
    fresh: Path,
    target: Path,
    files: dict[str, bytes],
    old: dict[str, bytes],
    private: frozenset[str] = frozenset(),
) -> None:
    if target.is_dir():
        info = os.stat(target)
        os.chmod(fresh, stat.S_IMODE(info.st_mode))  # the old DIR's mode and owner go on
        if hasattr(os, "chown") and os.geteuid() == 0:
            os.chown(fresh, info.st_uid, info.st_gid)
    else:
        os.chmod(fresh, FOLDER_MODE)
    for rel, data in sorted(files.items()):
        path = fresh / rel
        _folders(fresh, path.parent)
        if old.get(rel) == data:
            try:
                os.link(target / rel, path)  # the same file: its time, mode and inode stay
            except OSError:
                shutil.copy2(target / rel, path)
            if rel in private:
                os.chmod(path, PRIVATE_MODE)
            continue
        # readable by its owner alone until its mode is set: a private file never is by others
        with open(
            os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE), "wb"
        ) as handle:
            handle.write(data)
        mode = stat.S_IMODE(os.stat(target / rel).st_mode) if rel in old else FILE_MODE
        os.chmod(path, PRIVATE_MODE if rel in private else mode)
    from tahapan.safefile import sync_dir

    sync_dir(fresh)


def _folders(top: Path, folder: Path) -> None:
    if folder == top or folder.is_dir():
        return
    _folders(top, folder.parent)
    folder.mkdir()
    os.chmod(folder, FOLDER_MODE)


def _swap(fresh: Path, target: Path) -> None:
    """``fresh`` takes ``target``'s place; the old tree ends where ``fresh`` was."""
    if not os.path.lexists(target):
        os.rename(fresh, target)
        return
    if _exchange(fresh, target):
        return
    aside = fresh.with_name(fresh.name + "-lama")
    os.rename(target, aside)
    os.rename(fresh, target)
    os.rename(aside, fresh)


def _exchange(a: Path, b: Path) -> bool:
    """Linux's atomic exchange of two paths; False where the system has none."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return bool(done == 0)
