"""A published folder (`tahapan publish DIR`), replaced whole and safely beside a live web server.

- DIR must be missing, empty, or a folder an earlier publish made (it holds ``.tahapan-publish``):
  a mistyped path can never have an unrelated folder's files removed.
- The new tree is built beside DIR and exchanged with it in one step (renameat2 RENAME_EXCHANGE on
  Linux; elsewhere two renames, a moment without DIR), so a visitor never sees half a site.
- A file whose bytes did not change is the old file itself (a hard link into the new tree): its
  modification time stays, and rsync, a CDN or a phone asking If-Modified-Since see no change. When
  nothing changed at all, nothing is touched.
- Only paths tahapan made, inside DIR's parent, are ever removed.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from tahapan.errors import TahapanError
from tahapan.i18n import tr

MARKER = ".tahapan-publish"
MARKER_TEXT = b"Dibuat oleh `tahapan publish`; isi folder ini diganti utuh setiap kali.\n"


@dataclass(frozen=True)
class Written:
    """What a publish did to DIR."""

    written: int
    kept: int
    removed: int


def publish_tree(folder: Path, files: dict[str, bytes]) -> Written:
    """Make ``folder`` hold exactly ``files`` (relative paths with /) and the marker."""
    from tahapan.safefile import failed

    real = {rel: data for rel, data in files.items() if rel != MARKER}
    files = {**real, MARKER: MARKER_TEXT}
    target = Path(os.path.realpath(folder)) if folder.is_symlink() else folder
    old = _existing(target, folder)
    kept = sum(1 for rel, data in real.items() if old.get(rel) == data)
    removed = len(set(old) - set(files))
    if old == files:
        return Written(0, kept, 0)  # nothing changed: nothing is touched
    fresh = target.parent / f".{target.name}.tahapan-baru-{os.getpid()}"
    try:
        _build(fresh, target, files, old)
        _swap(fresh, target)
    except OSError as err:
        shutil.rmtree(fresh, ignore_errors=True)
        raise failed(target, err) from None
    shutil.rmtree(fresh, ignore_errors=True)  # now the old tree, if there was one
    return Written(len(real) - kept, kept, removed)


def _existing(target: Path, given: Path) -> dict[str, bytes]:
    """The files of an earlier publish, or {} for a missing or empty folder; anything else is
    refused before a byte is written."""
    if not target.exists():
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
            hint=tr("Beri folder tujuan situs, mis. /var/www/jadwal.", "Give the site's folder."),
        )
    entries = list(target.iterdir())
    if not entries:
        return {}
    if not (target / MARKER).is_file():
        raise TahapanError(
            tr(
                f"{given} tidak kosong dan bukan hasil `tahapan publish` (tidak ada {MARKER}); "
                "tidak ada yang diubah",
                f"{given} is not empty and not made by `tahapan publish` (no {MARKER}); nothing "
                "was changed",
            ),
            hint=tr(
                "Beri folder kosong atau folder baru; isinya akan diganti utuh setiap kali.",
                "Give an empty or a new folder; its content is replaced whole each time.",
            ),
        )
    out = {}
    for path in target.rglob("*"):
        if path.is_file() and not path.is_symlink():
            out[path.relative_to(target).as_posix()] = path.read_bytes()
    return out


def _build(fresh: Path, target: Path, files: dict[str, bytes], old: dict[str, bytes]) -> None:
    shutil.rmtree(fresh, ignore_errors=True)  # left by a publish that was killed
    fresh.mkdir(mode=0o755)
    for rel, data in sorted(files.items()):
        path = fresh / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if old.get(rel) == data:
            try:
                os.link(target / rel, path)  # the same file: its time and inode stay
                continue
            except OSError:
                shutil.copy2(target / rel, path)
                continue
        with open(path, "wb") as handle:
            handle.write(data)
    _sync(fresh)


def _sync(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _swap(fresh: Path, target: Path) -> None:
    """``fresh`` takes ``target``'s place; the old tree ends where ``fresh`` was."""
    if not target.exists():
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
