"""Problems in schedule files, worded for the officer who must fix them: ``FILE:LINE: path: message``.

Pydantic's errors are translated (with "did you mean" for a misspelt key), and the line is found in
the file's text from the ids down to the stage and the key at fault.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tahapan.i18n import Message, Words
from tahapan.schedule.rules import Problem
from tahapan.schedule.schema import Election, Holiday, Region, RelativeDate, ScheduleFile, Stage

RULE_FIELDS = {"start_rule": "start", "end_rule": "end"}

_ACCEPTED_KEYS = {
    "file": sorted(ScheduleFile.model_fields.keys() - {"schema_"} | {"schema"}),
    "election": sorted(Election.model_fields),
    "stage": sorted(Stage.model_fields.keys() - RULE_FIELDS.keys()),
    "rule": sorted(RelativeDate.model_fields),
    "holiday": sorted(Holiday.model_fields),
    "region": sorted(Region.model_fields),
}


def pydantic_problem(data: Any, error: Any) -> Problem:
    """One pydantic error as a Problem: the ids down to the stage, the key, and the message."""
    loc: tuple[Any, ...] = tuple(error["loc"])
    where, key, rule_key = _where_from_loc(data, loc)
    kind = error["type"]
    # inside a rule table (end = { after = ... }) the line to fix is the one of `end`
    label_key = f"{key}.{rule_key}" if rule_key else key
    if kind == "extra_forbidden":
        message = unknown_key_message(str(rule_key or key), loc)
    elif kind == "missing":
        message = Words(
            f"kunci wajib {label_key!r} tidak ada", f"required key {label_key!r} is missing"
        )
    else:
        value = error.get("input")
        shown: Message = f" ({value!r})" if isinstance(value, (str, int, float, bool)) else ""
        if len(str(shown)) > 80:  # a value of megabytes is named, not printed
            cut, size = f" ({value!r}"[:60], len(str(value))
            shown = (
                Words(f"{cut}…) ({size} karakter)", f"{cut}…) ({size} characters)")
                if isinstance(value, str)
                else ""
            )
        label = f"{label_key}" + shown + ": " if key else ""
        message = label + _translate(kind, error["msg"], error.get("ctx") or {}, value)
    return Problem(where, message, str(key) if key else None)


def _where_from_loc(
    data: Any, loc: tuple[Any, ...]
) -> tuple[tuple[str, ...], str | None, str | None]:
    """The ids down to the stage, the key at fault, and the key inside a rule table, if any."""
    where: list[str] = []
    node = data
    key: str | None = None
    for i, part in enumerate(loc):
        if part in RULE_FIELDS:
            rest = [str(p) for p in loc[i + 1 :]]
            return tuple(where), RULE_FIELDS[part], ".".join(rest) or None
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if key in ("holidays", "regions") and where:
                break  # a holiday or region list entry: point at the key of the list
            ident = node.get("id") if isinstance(node, dict) else None
            where.append(ident if isinstance(ident, str) else f"#{part + 1}")
        else:
            key = part
            node = node.get(part) if isinstance(node, dict) else None
    if loc and isinstance(loc[-1], int) and key not in ("holidays", "regions"):
        key = None
    return tuple(where), key, None


def unknown_key_message(key: str, loc: tuple[Any, ...]) -> Message:
    depth = sum(1 for p in loc if isinstance(p, int))
    if any(p in RULE_FIELDS for p in loc):
        kind = "rule"
    elif "holidays" in loc:
        kind = "holiday"
    elif loc and loc[0] == "regions":
        kind = "region"
    else:
        kind = "file" if depth == 0 else "election" if depth == 1 else "stage"
    accepted = _ACCEPTED_KEYS[kind]
    close = difflib.get_close_matches(key, accepted, n=1)
    guess = (
        (f'; apakah yang dimaksud "{close[0]}"?', f'; did you mean "{close[0]}"?')
        if close
        else ("", "")
    )
    return Words(
        f'kunci tidak dikenal "{key}"{guess[0]} Kunci yang diterima: {", ".join(accepted)}',
        f'unknown key "{key}"{guess[1]} Accepted keys: {", ".join(accepted)}',
    )


def _translate(kind: str, msg: str, ctx: dict[str, Any], value: Any = None) -> Message:
    if kind.startswith("date"):
        example = _as_toml_date(value) or "2024-02-14"
        return Words(
            f"bukan tanggal TOML; tulis tanpa tanda kutip, misalnya {example}",
            f"not a TOML date; write it without quotes, e.g. {example}",
        )
    if kind in (
        "tuple_type",
        "list_type",
    ):  # `[elections.stages]` where `[[elections.stages]]` goes
        return Words(
            "harus berupa daftar tabel, ditulis [[...]] (dua kurung siku), bukan satu tabel [...]",
            "must be a list of tables, written [[...]] (double brackets), not one table [...]",
        )
    if kind == "literal_error":
        return Words(
            f"nilai tidak diterima; pilihan: {ctx.get('expected')}",
            f"value not accepted; expected {ctx.get('expected')}",
        )
    if kind == "string_pattern_mismatch":
        if isinstance(value, str) and "/" in value:
            return Words(
                "tidak ada tahapan di jalur ini untuk diubah; subtahapan baru ditulis di bawah tabel induknya",
                "no stage at this path to change; a new sub-stage goes under its parent's table",
            )
        if ctx.get("pattern", "").startswith("^\\d"):
            return Words(
                "kode Kemendagri berbentuk 19 (provinsi) atau 19.71 (kabupaten/kota)",
                "a Kemendagri code looks like 19 (province) or 19.71 (regency or city)",
            )
        return Words(
            "id hanya boleh huruf kecil, angka, dan tanda hubung (contoh: masa-tenang)",
            "ids may hold only lower-case letters, digits and hyphens (e.g. masa-tenang)",
        )
    if kind == "string_too_short":
        return Words("tidak boleh kosong", "must not be empty")
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return Words(
            f"terlalu panjang: paling banyak {limit} karakter",
            f"too long: at most {limit} characters",
        )
    if kind == "value_error":  # a validator's own ValueError: its message, in both languages
        error = ctx.get("error")
        reason = error.args[0] if isinstance(error, ValueError) and error.args else None
        return reason if isinstance(reason, (str, Words)) else str(error or msg)
    return msg


def format_problem(path: Path, lines: list[str], problem: Problem) -> Message:
    line = locate(lines, problem.where, problem.key)
    where = "/".join(problem.where)
    prefix = f"{path}:{line}: " if line else f"{path}: "
    return prefix + (f"{where}: " if where else "") + problem.message


_HEADER = re.compile(r"^\s*\[")
_ID_LINE = re.compile(r"""^\s*id\s*=\s*["']([^"']*)["']""")
_KEY_LINE = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=""")


class _LineIndex:
    """Where each id, key and table header stands in one file's lines, found in one pass, so that
    locating every problem of a file with thousands of them stays linear."""

    def __init__(self, lines: list[str]) -> None:
        self.ids: dict[str, list[int]] = {}
        self.keys: dict[str, list[int]] = {}
        self.headers: list[int] = []
        for i, line in enumerate(lines):
            if _HEADER.match(line):
                self.headers.append(i)
            found = _ID_LINE.match(line)
            if found:
                value = found.group(1)
                # an id may be written as a path: it answers to its last part too
                for name in {value, value.rpartition("/")[2]}:
                    self.ids.setdefault(name, []).append(i)
            key = _KEY_LINE.match(line)
            if key:  # bare or quoted: "name" = ... is the key name
                name = next(g for g in key.groups() if g is not None)
                self.keys.setdefault(name, []).append(i)


_indexes: list[tuple[list[str], _LineIndex]] = []


def _index(lines: list[str]) -> _LineIndex:
    for seen, index in _indexes:
        if seen is lines:
            return index
    index = _LineIndex(lines)
    _indexes[:] = [*_indexes[-3:], (lines, index)]  # a few files at a time are enough
    return index


def _first_at(positions: list[int], start: int) -> int | None:
    from bisect import bisect_left

    at = bisect_left(positions, start)
    return positions[at] if at < len(positions) else None


def locate(lines: list[str], where: Iterable[str], key: str | None) -> int | None:
    """Best-effort line number (1-based) of a stage, or of one of its keys, in the TOML text.

    The ids are looked for in order; one that is missing is skipped, because an overlay file may
    name a sub-stage by its id or path without nesting it under its parent.
    """
    index = _index(lines)
    found: int | None = None
    start = 0
    for ident in where:
        at = _first_at(index.ids.get(ident, []), start)
        if at is not None:
            found, start = at, at + 1
    if key is None or key == "id":
        return None if found is None else found + 1
    from bisect import bisect_right

    first = 0
    if found is not None:
        # the key belongs to the table that holds this id: from its header to the next one
        before = bisect_right(index.headers, found) - 1
        first = index.headers[before] if before >= 0 else 0
    after = _first_at(index.headers, (found if found is not None else first) + 1)
    # a key the file does not write (a missing one) has no line of its own: the table's is given
    at = _first_at(index.keys.get(key, []), first)
    if at is not None and (after is None or at < after):
        return at + 1
    return None if found is None else found + 1


def _as_toml_date(value: Any) -> str | None:
    """'12 Januari 2024' -> '2024-01-12': the fix for a date typed as text, when it reads as one."""
    if not isinstance(value, str):
        return None
    from datetime import date

    from tahapan.days.dates import parse_date
    from tahapan.errors import DateError

    try:
        # a fixed "today", so that "besok" is not taken for a date in a schedule file
        return (
            parse_date(value, today=date.min).isoformat() if value.strip()[:1].isdigit() else None
        )
    except DateError:
        return None
