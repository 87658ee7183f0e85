"""A cache of the checked, merged schedules, so that a run need not parse and validate TOML again.

- Keyed on the content of every file read (and on tahapan's version and the model's shape): a file
  that changes, in any way, gives a new key; the old entry is never used again and is pruned.
- Stored as JSON Lines (never pickle): a header with an index of the elections, a line with the
  regions, then one line per election, so that a run decodes only what it shows.
- Read only from a directory that is the user's own and that no one else can write
  (``~/.cache/tahapan``, made 0700); a file or directory that fails the check is ignored.
- Never trusted blindly: the header must have its exact shape and carry its own digest, and the
  regions line and each election line the digest the header gives them, so a line cut short, a disk
  error or an edit makes the entry a miss (or, found while decoding lazily, a rebuild:
  ``Damaged``), never a crash and never a wrong answer.
- ``TAHAPAN_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable
from dataclasses import MISSING, fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tahapan import __version__
from tahapan.folders import directory, hasher, is_private
from tahapan.model import (
    Change,
    Election,
    Holiday,
    Region,
    RelativeDate,
    Stage,
    from_table,
)

FORMAT = 6
NO_CACHE_VARIABLE = "TAHAPAN_NO_CACHE"
KEEP = 8
_PREFIX = "catalog-"


def enabled() -> bool:
    return os.environ.get(NO_CACHE_VARIABLE, "") in ("", "0")


class Damaged(Exception):
    """An entry line that does not decode into its election: the catalog is rebuilt from the files."""


def line_digest(line: Line) -> str:
    digest = hasher(12)
    digest.update(line)
    return str(digest.hexdigest())


def key(files: Iterable[tuple[Path, bytes]]) -> str:
    digest = hasher(16)
    shape = ";".join(
        f"{cls.__name__}:{','.join(f.name for f in fields(cls))}"
        for cls in (Election, Stage, Holiday, Change, Region, RelativeDate)
    )
    digest.update(f"{FORMAT}\0{__version__}\0{shape}\0".encode())
    for path, raw in files:
        digest.update(f"{path}\0{len(raw)}\0".encode())
        digest.update(raw)
    return str(digest.hexdigest())


#: a line of an entry: a view into the entry's bytes, read once (not copied line by line)
Line = bytes | memoryview


def read(cache_key: str) -> tuple[dict[str, Any], Line, list[Line]] | None:
    """The header, the regions line and the election lines of an entry (undecoded), or None when
    there is none to trust. Lines stay bytes until asked for: a region's run decodes a few of many."""
    folder = directory()
    if folder is None:
        return None
    path = folder / f"{_PREFIX}{cache_key}.jsonl"
    if not is_private(path, stat.S_ISREG):
        return None
    try:
        lines = _lines(path.read_bytes())
        header = json.loads(bytes(lines[0]))
    except (OSError, ValueError, IndexError, RecursionError):
        return None
    if not _well_formed(header, cache_key) or len(lines) - 2 != len(header["index"]):
        return None  # cut short, or not ours: never half an answer
    if header["holidays"] and header["holidays"] != _holidays_version():
        return None
    # the regions line is copied: a view of it would hold the entry's bytes after the elections
    return header, bytes(lines[1]), lines[2:]


def _lines(data: bytes) -> list[Line]:
    """The lines of an entry, the newlines at its end left out, each a view of ``data``."""
    whole = memoryview(data)
    lines: list[Line] = []
    start, end = 0, len(data)
    while end and data[end - 1] == ord("\n"):
        end -= 1
    while start <= end:
        stop = data.find(b"\n", start, end)
        stop = end if stop == -1 else stop
        lines.append(whole[start:stop])
        start = stop + 1
    return lines


def _header_text(header: dict[str, Any]) -> bytes:
    return json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _well_formed(header: Any, cache_key: str) -> bool:
    """The header has exactly the shape ``write`` gives it (valid JSON of another shape is a miss)."""
    try:
        unsigned = {k: v for k, v in header.items() if k != "check"}
        return (
            header["check"] == line_digest(_header_text(unsigned))
            and header["format"] == FORMAT
            and header["key"] == cache_key
            and (header["holidays"] is None or isinstance(header["holidays"], str))
            and isinstance(header["sources"], dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in header["sources"].items())
            and isinstance(header["regions"], str)
            and isinstance(header["index"], list)
            and all(
                isinstance(e["id"], str)
                and isinstance(e["digest"], str)
                and isinstance(e["regions"], list)
                and all(isinstance(r, str) for r in e["regions"])
                for e in header["index"]
            )
        )
    except (KeyError, TypeError, AttributeError):
        return False


def decode_line(line: Line, digest: str, shared: dict[str, str] | None = None) -> Election:
    """One election line, checked against its digest; Damaged when it is not what was written.
    ``shared``: the strings of the lines decoded before it (``model.from_table``)."""
    if line_digest(line) != digest:
        raise Damaged
    try:
        return from_table(Election, json.loads(bytes(line)), shared)
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise Damaged from err


def decode_regions(line: Line, digest: str) -> list[Region]:
    """The regions line, checked against its digest; Damaged when it is not what was written."""
    if line_digest(line) != digest:
        raise Damaged
    try:
        return [decode_region(r) for r in json.loads(bytes(line))]
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as err:
        raise Damaged from err


def write(
    cache_key: str,
    elections: tuple[Election, ...],
    regions: tuple[Region, ...],
    sources: dict[str, Path],
    used_holidays: bool,
) -> None:
    folder = directory(create=True)
    if folder is None:
        return

    def dumped(value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    body = [dumped(encode(e)) for e in elections]
    region_line = dumped([encode(r) for r in regions])
    header: dict[str, Any] = {
        "format": FORMAT,
        "key": cache_key,
        "holidays": _holidays_version() if used_holidays else None,
        "regions": line_digest(region_line),
        "sources": {k: str(v) for k, v in sources.items()},
        "index": [
            {"id": e.id, "regions": list(e.regions), "digest": line_digest(line)}
            for e, line in zip(elections, body, strict=True)
        ],
    }
    header["check"] = line_digest(_header_text(header))
    from tahapan.safefile import replace_bytes

    try:
        entry = folder / f"{_PREFIX}{cache_key}.jsonl"
        lines = [_header_text(header), region_line, *body]
        replace_bytes(entry, [piece for line in lines for piece in (line, b"\n")], mode=0o600)
        _prune(folder)
    except OSError:
        pass  # a cache that cannot be written only costs time


def _prune(folder: Path) -> None:
    entries = sorted(
        folder.glob(f"{_PREFIX}*.jsonl"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)


def _holidays_version() -> str | None:
    # working days resolved at load time depend on the holidays package's lists
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("holidays")
    except PackageNotFoundError:
        return None


# ---------------------------------------------------------------------------------- encoding


def encode(obj: Any) -> Any:
    """A model object as JSON values: its table (``model.as_table``), dates as ISO text.

    Made in one pass from each class's fields, worked out once (``as_table`` then a walk over its
    table would build every table twice: a national office's 100,000 stages are written so)."""
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [encode(item) for item in obj]
    if isinstance(obj, dict):
        return {key: encode(value) for key, value in obj.items()}
    if is_dataclass(obj) and not isinstance(obj, type):
        table = {}
        for name, default in _FIELDS.get(type(obj)) or _fields_of(type(obj)):
            value = getattr(obj, name)
            if default is MISSING or value != default:
                # as as_table: a value at its field's default is left out
                table[name] = value if type(value) in _PLAIN else encode(value)
        return table
    return obj


#: each model class's fields and defaults (MISSING: none), in order
_FIELDS: dict[type, list[tuple[str, Any]]] = {}
#: values that are JSON as they are
_PLAIN = {str, int, bool, float, type(None)}


def _fields_of(cls: type) -> list[tuple[str, Any]]:
    _FIELDS[cls] = [(f.name, f.default) for f in fields(cls)]
    return _FIELDS[cls]


def decode_election(d: dict[str, Any]) -> Election:
    return from_table(Election, d)


def decode_region(d: dict[str, Any]) -> Region:
    return from_table(Region, d)
