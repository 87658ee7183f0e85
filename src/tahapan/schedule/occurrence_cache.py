"""The days a repeating rule gives, kept per rule and year in the cache folder.

Reading a rule takes dateutil.rrule (about 10 ms to import), and the shipped PDPB rules are read by
every `status` and `check`: after the first run, their days for the years asked come from this file.
A rule's days in a year depend on the rule, its first day and the code that reads it, which the key
holds (this format and dateutil's version), so an entry never goes stale.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import suppress
from datetime import date
from pathlib import Path

FILE = "occurrences.json"
#: the way days are worked out; a change of it (or of dateutil) leaves old entries unread
FORMAT = 2
#: entries kept: a few rules over a few years each (a daily rule is 365 days an entry); past it
#: the file starts again
MAX_ENTRIES = 64

_loaded: dict[str, list[str]] | None = None
_changed = False


def year_days(
    rule: str, first: date, year: int, compute: Callable[[date, date], list[date]]
) -> list[date]:
    """The rule's first days in ``year``, from the file or from ``compute(first_day, last_day)``."""
    entries = _entries()
    key = f"{_version()}|{first.isoformat()}|{year}|{rule}"
    found = entries.get(key)
    if isinstance(found, list):
        try:
            return [date.fromisoformat(day) for day in found]
        except (TypeError, ValueError):
            pass  # a damaged entry is computed again
    days = compute(max(first, date(year, 1, 1)), date(year, 12, 31))
    if len(entries) >= MAX_ENTRIES:
        entries.clear()
    entries[key] = [day.isoformat() for day in days]
    global _changed
    _changed = True
    return days


def save() -> None:
    """Write the entries computed since the last save, once for all the years a window asked."""
    global _changed
    if _changed and _loaded is not None:
        _save(_loaded)
        _changed = False


def _version() -> str:
    import dateutil  # its package alone, without the rule reader

    return f"{FORMAT}/{dateutil.__version__}"


def _entries() -> dict[str, list[str]]:
    global _loaded
    if _loaded is None:
        _loaded = {}
        path = _path()
        if path is not None:
            try:
                data = json.loads(path.read_bytes())
                if isinstance(data, dict):
                    _loaded = data
            except (OSError, ValueError):
                pass
    return _loaded


def _path() -> Path | None:
    from tahapan.folders import directory
    from tahapan.schedule.cache import enabled

    if not enabled():
        return None
    folder = directory(create=True)
    return None if folder is None else folder / FILE


def _save(entries: dict[str, list[str]]) -> None:
    path = _path()
    if path is None:
        return
    from tahapan.safefile import replace_bytes

    with suppress(OSError):  # a cache that cannot be written only costs time
        replace_bytes(path, json.dumps(entries, separators=(",", ":")).encode(), mode=0o600)
