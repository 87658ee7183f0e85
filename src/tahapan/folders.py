"""tahapan's own folders and digests, for the cache (schedule/cache.py) and the write locks
(safefile.py): a folder is used only when it is a real directory, ours, that nobody else can write."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

#: Windows: file modes there say nothing of who may write (ACLs do), and files held open by another
#: program cannot be replaced; read at call time, so that tests can stand in for Windows
WINDOWS = os.name == "nt"
#: the reparse-tag bit of links that name another place (symlinks, junctions), not of a OneDrive
#: placeholder (IsReparseTagNameSurrogate)
_NAME_SURROGATE = 0x20000000


def hasher(digest_size: int) -> Any:
    try:  # the C module alone: hashlib would load OpenSSL first, a few ms on every run
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import blake2b
    return blake2b(digest_size=digest_size)


def directory(create: bool = False) -> Path | None:
    """The cache directory, when it is safe to use: ours, a real directory, writable by us alone."""
    from platformdirs import user_cache_path

    folder = user_cache_path("tahapan", appauthor=False)
    if create:
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return None
    return folder if is_private(folder, stat.S_ISDIR) else None


def private_folder(name: str) -> Path | None:
    """A folder of tahapan's own inside the cache directory (0700), or None when none is safe."""
    return _inside(directory(create=True), name)


def data_folder(name: str) -> Path | None:
    """A folder of tahapan's own inside the user's data directory (0700), where what must outlive the
    cache is kept (the schedule history, installed updates), or None when none is safe."""
    from platformdirs import user_data_path

    parent = user_data_path("tahapan", appauthor=False)
    try:
        parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return _inside(parent if is_private(parent, stat.S_ISDIR) else None, name)


#: the folder of installed updates inside the user's data directory
UPDATES = "pembaruan"


def updates_path() -> Path:
    """Where `tahapan data update` installs schedule files (made by data_folder when one is)."""
    from platformdirs import user_data_path

    return user_data_path("tahapan", appauthor=False) / UPDATES


def _inside(parent: Path | None, name: str) -> Path | None:
    if parent is None:
        return None
    folder = parent / name
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    return folder if is_private(folder, stat.S_ISDIR) else None


def is_private(path: Path, kind: Any) -> bool:
    try:
        info = os.lstat(path)  # a symlink is refused: it could point anywhere
    except OSError:
        return False
    if not kind(info.st_mode):
        return False
    if WINDOWS:
        # every folder reports mode 0o777 there, so the mode cannot refuse it; the folders are
        # under %LOCALAPPDATA% and %APPDATA%, which the user's profile ACL keeps to the user. A
        # junction is refused as a symlink is.
        return not getattr(info, "st_reparse_tag", 0) & _NAME_SURROGATE
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()
