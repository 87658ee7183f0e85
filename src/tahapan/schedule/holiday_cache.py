"""The national days off of a year, and the last year the decrees cover, kept in the cache folder.

The holidays package takes about 0.1 s to import (it loads every country's calendar), and the
last decreed year 0.2 s more to find: a `status` that names the user's case deadlines would pay it
every morning. After the first run both come from this file. The key holds the package's own
version file (its size and time: a pip upgrade changes them) and this format, so an entry never
goes stale.
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any

from tahapan.days.workdays import YearDays, holiday_data, year_days

FILE = "holidays.json"
#: the shape of an entry; a change of it leaves old entries unread
FORMAT = 1
#: entries kept (a year each, and the last decreed year); past it the file starts again
MAX_ENTRIES = 32

_loaded: dict[str, Any] | None = None


def national_days(year: int) -> YearDays:
    """``workdays.year_days`` from the file when it holds the year."""
    key = f"{_version()}|{year}"
    found = _entries().get(key)
    if isinstance(found, list):
        with suppress(TypeError, ValueError):
            return [(date.fromisoformat(d), k, n, e) for d, k, n, e in found]
    days = year_days(year)
    _put(key, [[d.isoformat(), k, n, e] for d, k, n, e in days])
    return days


def decrees_until() -> int | None:
    """``workdays.holiday_data``'s last decreed year, from the file when it holds it."""
    key = f"{_version()}|until"
    found = _entries().get(key)
    if isinstance(found, int) or (found is None and key in _entries()):
        return found
    until = holiday_data()[1]
    _put(key, until)
    return until


def _version() -> str:
    """The installed package's version file, as its size and time: read without importing it."""
    import importlib.util

    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return f"{FORMAT}/none"
    try:
        info = os.stat(os.path.join(os.path.dirname(spec.origin), "version.py"))
    except OSError:
        return f"{FORMAT}/unknown"
    return f"{FORMAT}/{info.st_size}-{info.st_mtime_ns}"


def _entries() -> dict[str, Any]:
    global _loaded
    if _loaded is None:
        _loaded = {}
        path = _path()
        if path is not None:
            with suppress(OSError, ValueError):
                data = json.loads(path.read_bytes())
                if isinstance(data, dict):
                    _loaded = data
    return _loaded


def _put(key: str, value: Any) -> None:
    entries = _entries()
    if len(entries) >= MAX_ENTRIES:
        entries.clear()
    entries[key] = value
    path = _path()
    if path is None:
        return
    from tahapan.safefile import replace_bytes

    with suppress(OSError):  # a cache that cannot be written only costs time
        replace_bytes(path, json.dumps(entries, separators=(",", ":")).encode(), mode=0o600)


def _path() -> Path | None:
    from tahapan.folders import directory
    from tahapan.schedule.cache import enabled

    if not enabled():
        return None
    folder = directory(create=True)
    return None if folder is None else folder / FILE
