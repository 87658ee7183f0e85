"""tahapan's own folders and digests, for the cache (schedule/cache.py) and the write locks
(safefile.py): a folder is used only when it is a real directory, ours, that nobody else can write."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any, Literal

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


#: the XDG variable of each of the user's folders, and where it is when the variable is not set
_XDG = {
    "cache": ("XDG_CACHE_HOME", "~/.cache"),
    "config": ("XDG_CONFIG_HOME", "~/.config"),
    "data": ("XDG_DATA_HOME", "~/.local/share"),
}


def user_path(kind: Literal["cache", "config", "data"]) -> Path:
    """tahapan's folder of this kind in the user's directories, as platformdirs names it.

    On Linux, when the XDG variable is an absolute path (or unset, with an absolute HOME), the
    answer every platformdirs release gives is worked out here: importing platformdirs costs every
    run a few milliseconds (it loads tempfile and random). Anything else asks platformdirs.
    """
    variable, default = _XDG[kind]
    base = os.environ.get(variable, "")
    android = "ANDROID_DATA" in os.environ and "ANDROID_ROOT" in os.environ
    if sys.platform == "linux" and not android:
        if base.startswith("/"):
            return Path(os.path.join(base, "tahapan"))
        if not base and os.environ.get("HOME", "").startswith("/"):
            return Path(os.path.join(os.path.expanduser(default), "tahapan"))
    import platformdirs

    if kind == "cache":
        return platformdirs.user_cache_path("tahapan", appauthor=False)
    if kind == "config":
        return platformdirs.user_config_path("tahapan", appauthor=False)
    return platformdirs.user_data_path("tahapan", appauthor=False)


def directory(create: bool = False) -> Path | None:
    """The cache directory, when it is safe to use: ours, a real directory, writable by us alone."""
    folder = user_path("cache")
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
    parent = user_path("data")
    try:
        parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return _inside(parent if is_private(parent, stat.S_ISDIR) else None, name)


#: the folder of installed updates inside the user's data directory
UPDATES = "pembaruan"


def updates_path() -> Path:
    """Where `tahapan data update` installs schedule files (made by data_folder when one is)."""
    return user_path("data") / UPDATES


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
