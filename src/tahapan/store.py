"""Read schedule files, validate them, and hold the loaded elections.

Every problem with a file becomes one line ``FILE:LINE: election/stage: message`` in a ``DataError``;
nothing here prints or exits.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tahapan.errors import DataError
from tahapan.i18n import tr
from tahapan.model import Election, Holiday, RelativeDate, ScheduleFile, Stage
from tahapan.relative import resolve
from tahapan.rules import Problem, check_elections


def shipped_path() -> Path:
    """The official schedules: inside the installed package, or data/ of a source checkout."""
    packaged = Path(__file__).parent / "data" / "stages.toml"
    if packaged.is_file():
        return packaged
    # An editable install imports from src/, where the wheel's copy does not exist.
    return Path(__file__).resolve().parents[2] / "data" / "stages.toml"


@dataclass(frozen=True)
class Catalog:
    """The elections loaded from all schedule files, in file order."""

    elections: tuple[Election, ...]
    #: election id -> the file it came from
    sources: dict[str, Path] = field(default_factory=dict)

    def ids(self) -> list[str]:
        return [e.id for e in self.elections]


def load_catalog(extra: Sequence[Path] = (), *, include_shipped: bool = True) -> Catalog:
    paths = ([shipped_path()] if include_shipped else []) + list(extra)
    elections: list[Election] = []
    sources: dict[str, Path] = {}
    problems: list[str] = []
    for path in paths:
        try:
            schedule = load_file(path)
        except DataError as err:
            problems.extend(err.problems)
            continue
        for election in schedule.elections:
            if election.id in sources:
                problems.append(
                    f"{path}: {election.id}: "
                    + tr(
                        f"pemilu ini sudah dimuat dari {sources[election.id]}; beri id lain",
                        f"this election is already loaded from {sources[election.id]}; give it another id",
                    )
                )
                continue
            sources[election.id] = path
            elections.append(election)
    if problems:
        raise DataError(problems)
    return Catalog(tuple(elections), sources)


def load_file(path: Path) -> ScheduleFile:
    text = read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise DataError([_toml_syntax_message(path, err)]) from None
    return parse_schedule(data, text, path)


def read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError([f"{path}: " + tr("berkas tidak ditemukan", "no such file")]) from None
    except IsADirectoryError:
        raise DataError(
            [
                f"{path}: "
                + tr("ini direktori, bukan berkas TOML", "is a directory, not a TOML file")
            ]
        ) from None
    except PermissionError:
        raise DataError([f"{path}: " + tr("tidak ada izin membaca", "permission denied")]) from None
    except OSError as err:
        raise DataError(
            [f"{path}: " + tr("tidak bisa dibaca", "cannot be read") + f" ({err.strerror})"]
        ) from None
    try:
        # utf-8-sig: files saved by Windows editors start with a byte-order mark.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError(
            [
                f"{path}:{line}: "
                + tr(
                    f"bukan teks UTF-8 (byte 0x{raw[err.start]:02x}); simpan berkas sebagai UTF-8",
                    f"not UTF-8 text (byte 0x{raw[err.start]:02x}); save the file as UTF-8",
                )
            ]
        ) from None


def parse_schedule(data: dict[str, Any], text: str, path: Path) -> ScheduleFile:
    lines = text.splitlines()
    try:
        schedule = ScheduleFile.model_validate(data)
    except ValidationError as err:
        raise DataError([_pydantic_message(path, lines, data, e) for e in err.errors()]) from None
    elections: list[Election] = []
    rule_problems: list[Problem] = []
    for election in schedule.elections:
        resolved, found = resolve(election)
        elections.append(resolved)
        rule_problems.extend(found)
    if rule_problems:
        # the other rules would only repeat these: a stage without its dates cannot be checked
        raise DataError([_format(path, lines, p) for p in rule_problems])
    schedule = schedule.model_copy(update={"elections": tuple(elections)})
    problems = [_format(path, lines, p) for p in check_elections(schedule.elections)]
    if problems:
        raise DataError(problems)
    return schedule


def _toml_syntax_message(path: Path, err: tomllib.TOMLDecodeError) -> str:
    # tomllib ends its message with "(at line L, column C)"; put the position where editors look.
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)$", str(err))
    if match:
        reason = str(err)[: match.start()]
        return (
            f"{path}:{match.group(1)}:{match.group(2)}: "
            + tr("sintaks TOML salah: ", "TOML syntax error: ")
            + reason
        )
    return f"{path}: " + tr("sintaks TOML salah: ", "TOML syntax error: ") + str(err)


def _pydantic_message(path: Path, lines: list[str], data: Any, error: Any) -> str:
    loc: tuple[Any, ...] = tuple(error["loc"])
    where, key, rule_key = _where_from_loc(data, loc)
    kind = error["type"]
    # inside a rule table (end = { after = ... }) the line to fix is the one of `end`
    label_key = f"{key}.{rule_key}" if rule_key else key
    if kind == "extra_forbidden":
        message = _unknown_key_message(str(rule_key or key), loc)
    elif kind == "missing":
        message = tr(
            f"kunci wajib {label_key!r} tidak ada", f"required key {label_key!r} is missing"
        )
    else:
        value = error.get("input")
        shown = f" ({value!r})" if isinstance(value, (str, int, float, bool)) else ""
        label = f"{label_key}{shown}: " if key else ""
        message = label + _translate(kind, error["msg"], error.get("ctx") or {})
    return _format(path, lines, Problem(where, message, str(key) if key else None))


_RULE_FIELDS = {"start_rule": "start", "end_rule": "end"}


def _where_from_loc(
    data: Any, loc: tuple[Any, ...]
) -> tuple[tuple[str, ...], str | None, str | None]:
    """The ids down to the stage, the key at fault, and the key inside a rule table, if any."""
    where: list[str] = []
    node = data
    key: str | None = None
    for i, part in enumerate(loc):
        if part in _RULE_FIELDS:
            rest = [str(p) for p in loc[i + 1 :]]
            return tuple(where), _RULE_FIELDS[part], ".".join(rest) or None
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
            ident = node.get("id") if isinstance(node, dict) else None
            where.append(ident if isinstance(ident, str) else f"#{part + 1}")
        else:
            key = part
            node = node.get(part) if isinstance(node, dict) else None
    if loc and isinstance(loc[-1], int):
        key = None
    return tuple(where), key, None


_ACCEPTED_KEYS = {
    "file": sorted(ScheduleFile.model_fields.keys() - {"schema_"} | {"schema"}),
    "election": sorted(Election.model_fields),
    "stage": sorted(Stage.model_fields.keys() - _RULE_FIELDS.keys()),
    "rule": sorted(RelativeDate.model_fields),
    "holiday": sorted(Holiday.model_fields),
}


def _unknown_key_message(key: str, loc: tuple[Any, ...]) -> str:
    depth = sum(1 for p in loc if isinstance(p, int))
    if any(p in _RULE_FIELDS for p in loc):
        kind = "rule"
    elif "holidays" in loc:
        kind = "holiday"
    else:
        kind = "file" if depth == 0 else "election" if depth == 1 else "stage"
    accepted = _ACCEPTED_KEYS[kind]
    close = difflib.get_close_matches(key, accepted, n=1)
    guess = tr(f'; maksudnya "{close[0]}"?', f'; did you mean "{close[0]}"?') if close else ""
    return tr(
        f'kunci tidak dikenal "{key}"{guess} Kunci yang diterima: {", ".join(accepted)}',
        f'unknown key "{key}"{guess} Accepted keys: {", ".join(accepted)}',
    )


def _translate(kind: str, msg: str, ctx: dict[str, Any]) -> str:
    if kind.startswith("date"):
        return tr(
            "bukan tanggal TOML; tulis tanpa tanda kutip, misalnya 2024-02-14",
            "not a TOML date; write it without quotes, e.g. 2024-02-14",
        )
    if kind == "literal_error":
        return tr(
            f"nilai tidak diterima; pilihan: {ctx.get('expected')}",
            f"value not accepted; expected {ctx.get('expected')}",
        )
    if kind == "string_pattern_mismatch":
        return tr(
            "id hanya boleh huruf kecil, angka, dan tanda hubung (contoh: masa-tenang)",
            "ids may hold only lower-case letters, digits and hyphens (e.g. masa-tenang)",
        )
    if kind == "string_too_short":
        return tr("tidak boleh kosong", "must not be empty")
    if kind == "value_error":
        return str(ctx.get("error", msg))
    return msg


def _format(path: Path, lines: list[str], problem: Problem) -> str:
    line = _locate(lines, problem.where, problem.key)
    where = "/".join(problem.where)
    prefix = f"{path}:{line}: " if line else f"{path}: "
    return prefix + (f"{where}: " if where else "") + problem.message


_HEADER = re.compile(r"^\s*\[")


def _locate(lines: list[str], where: Iterable[str], key: str | None) -> int | None:
    """Best-effort line number (1-based) of a stage, or of one of its keys, in the TOML text."""
    found: int | None = None
    start = 0
    for ident in where:
        pattern = re.compile(r"""^\s*id\s*=\s*["']""" + re.escape(ident) + r"""["']""")
        for i in range(start, len(lines)):
            if pattern.match(lines[i]):
                found, start = i, i + 1
                break
        else:
            break
    if key is None or key == "id":
        return None if found is None else found + 1
    first = 0
    if found is not None:
        # the key belongs to the table that holds this id: search from its header to the next one
        first = next((i for i in range(found, -1, -1) if _HEADER.match(lines[i])), 0)
    key_re = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
    for i in range(first, len(lines)):
        if i > first and _HEADER.match(lines[i]) and (found is None or i > found):
            break
        if key_re.match(lines[i]):
            return i + 1
    return None if found is None else found + 1
