"""Stages as CSV, one row per stage, for spreadsheets: export, and import back to a TOML schedule.

Columns: election, path, name, name_en, start, end, days, basis, confidence, projected (true or
false; optional on import, as files from earlier releases lack it). A cell that a
spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is written with
a leading apostrophe, and the apostrophe is taken off again on import, so export -> import -> export
gives the same file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, get_args

from tahapan.days.dates import parse_date
from tahapan.errors import DateError
from tahapan.i18n import tr
from tahapan.model import FILE_SCHEMA, VOTING_STAGES, Confidence, Election, is_valid_id

COLUMNS = (
    "election", "path", "name", "name_en", "start", "end", "days", "basis", "confidence", "projected",
    "repeat",
)  # fmt: skip
#: name_en may be left out, or empty: English output then shows the name
REQUIRED = ("election", "path", "name", "end", "basis", "confidence")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA) else cell


def restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA) else cell


def rows(elections: Iterable[Election]) -> list[dict[str, str]]:
    out = []
    for election in elections:
        for path, stage in election.walk():
            out.append(
                {
                    "election": election.id,
                    "path": path,
                    "name": stage.name,
                    "name_en": stage.name_en or "",
                    "start": "" if stage.start is None else stage.start.isoformat(),
                    "end": stage.end.isoformat(),
                    "days": "" if stage.days_total is None else str(stage.days_total),
                    "basis": stage.basis,
                    "confidence": stage.confidence,
                    "projected": "true" if stage.projected else "false",
                    # the rule itself: the row is the first occurrence (dated instances stay in
                    # TOML); a row of one occurrence (a calendar's CSV) repeats nothing
                    "repeat": (stage.repeat or "") if stage.occurrence is None else "",
                }
            )
    return out


def csv_text(elections: Iterable[Election]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows(elections):
        writer.writerow({k: neutralise(v) for k, v in row.items()})
    return buffer.getvalue()


@dataclass
class Imported:
    """The TOML tables an import produced, and the problems of its rows."""

    data: dict[str, Any] = field(default_factory=lambda: {"schema": FILE_SCHEMA, "elections": []})
    problems: list[str] = field(default_factory=list)
    rows: int = 0


def import_csv(path: Path, text: str, known: dict[str, Election]) -> Imported:
    """Rows of ``text`` as schedule tables: an overlay for an election in ``known``, a new election
    otherwise (its voting day from its pemungutan-suara row)."""
    result = Imported()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
    except csv.Error as err:
        result.problems.append(_unreadable(path, reader.line_num + 1, err))
        return result
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        result.problems.append(
            f"{path}:1: "
            + tr(
                f"kolom tidak ada: {', '.join(missing)}; kolom yang dibaca: {', '.join(COLUMNS)}",
                f"missing columns: {', '.join(missing)}; the columns read are: {', '.join(COLUMNS)}",
            )
        )
        return result
    trees: dict[str, dict[str, Any]] = {}
    voting: dict[str, date] = {}
    seen: dict[tuple[str, str], int] = {}
    rows = iter(reader)
    while True:
        try:
            raw = next(rows)
        except StopIteration:
            break
        except csv.Error as err:  # a cell over the csv module's limit, a NUL byte
            result.problems.append(_unreadable(path, reader.line_num + 1, err))
            break
        line = reader.line_num
        cells = {(k or "").strip(): restore((v or "").strip()) for k, v in raw.items() if k}
        if not any(cells.values()):
            continue
        result.rows += 1
        table = _row_table(path, line, cells, result.problems)
        if table is None:
            continue
        election, stage_path, stage = table
        if (election, stage_path) in seen:
            result.problems.append(
                f"{path}:{line}: path: "
                + tr(
                    f"{election}/{stage_path} sudah ada di baris {seen[election, stage_path]}",
                    f"{election}/{stage_path} is already in row {seen[election, stage_path]}",
                )
            )
            continue
        seen[election, stage_path] = line
        _place(trees.setdefault(election, {"id": election, "stages": []}), stage_path, stage)
        if stage_path in VOTING_STAGES:
            voting[election] = stage["start"] if "start" in stage else stage["end"]
    for election, tree in trees.items():
        if election not in known:
            # without a pemungutan-suara row its voting day is not set: every view says so
            tree = {
                "id": election,
                "name": election,
                **({"voting_day": voting[election]} if election in voting else {}),
                "basis": tr(f"Diimpor dari {path.name}", f"Imported from {path.name}"),
                "stages": tree["stages"],
            }
        result.data["elections"].append(tree)
    return result


def _row_table(
    path: Path, line: int, cells: dict[str, str], problems: list[str]
) -> tuple[str, str, dict[str, Any]] | None:
    found: list[str] = []

    def bad(column: str, message: str) -> None:
        found.append(f"{path}:{line}: {column}: {message}")

    election, stage_path = cells.get("election", ""), cells.get("path", "")
    if not is_valid_id(election):
        bad("election", _id_message(election))
    parts = stage_path.split("/")
    if not stage_path or not all(is_valid_id(p) for p in parts):
        bad(
            "path",
            _id_message(stage_path)
            + tr(" (sub-tahapan: induk/anak)", " (sub-stage: parent/child)"),
        )
    for column in ("name", "basis"):
        if not cells.get(column):
            bad(column, tr("tidak boleh kosong", "must not be empty"))
    confidence = cells.get("confidence", "")
    accepted = get_args(Confidence)
    if confidence not in accepted:
        bad(
            "confidence",
            tr(
                f"{confidence!r} tidak diterima; pilihan: ",
                f"{confidence!r} not accepted; expected ",
            )
            + ", ".join(accepted),
        )
    projected = cells.get("projected", "").strip().lower()
    if projected not in ("", "true", "false"):
        bad(
            "projected",
            tr(
                f"{projected!r} tidak diterima; pilihan: true, false",
                f"{projected!r} not accepted; expected true, false",
            ),
        )
    start = _date(cells.get("start", ""), "start", bad, optional=True)
    end = _date(cells.get("end", ""), "end", bad, optional=False)
    days_text = cells.get("days", "")
    if days_text and not (days_text.isascii() and days_text.isdigit()):
        bad(
            "days", tr(f"{days_text!r} bukan jumlah hari", f"{days_text!r} is not a number of days")
        )
    if start is not None and end is not None:
        if end < start:
            bad("end", tr(f"{end} lebih awal dari start {start}", f"{end} is before start {start}"))
        days = cells.get("days", "")
        if days and days != str((end - start).days + 1):
            bad(
                "days",
                tr(
                    f"{days} tidak cocok dengan {start}..{end} ({(end - start).days + 1} hari, kedua ujung dihitung)",
                    f"{days} does not match {start}..{end} ({(end - start).days + 1} days, both ends counted)",
                ),
            )
    if found:
        problems.extend(found)
        return None
    assert end is not None
    table: dict[str, Any] = {"id": parts[-1], "name": cells["name"]}
    if cells.get("name_en"):
        table["name_en"] = cells["name_en"]
    if start is not None:
        table["start"] = start
    table.update({"end": end, "basis": cells["basis"], "confidence": confidence})
    if projected == "true":
        table["projected"] = True
    if cells.get("repeat"):  # checked with the rest once the file is loaded
        table["repeat"] = cells["repeat"]
    return election, stage_path, table


def _unreadable(path: Path, line: int, err: csv.Error) -> str:
    limit = csv.field_size_limit() // 1024
    if "field limit" in str(err):
        reason = tr(
            f"sel lebih panjang dari {limit} kB; CSV jadwal berisi nama, tanggal dan dasar hukum",
            f"a cell is longer than {limit} kB; a schedule CSV holds names, dates and bases",
        )
    else:
        reason = tr(f"CSV tidak terbaca ({err})", f"the CSV cannot be read ({err})")
    return f"{path}:{line}: {reason}"


def _date(text: str, column: str, bad: Any, *, optional: bool) -> date | None:
    if not text:
        if not optional:
            bad(column, tr("tidak boleh kosong", "must not be empty"))
        return None
    try:
        return parse_date(text, today=None)
    except DateError as err:
        bad(column, err.message)
        return None


def _id_message(text: str) -> str:
    return tr(
        f"{text!r} bukan id: huruf kecil, angka, dan tanda hubung (contoh: masa-tenang)",
        f"{text!r} is not an id: lower-case letters, digits and hyphens (e.g. masa-tenang)",
    )


def _place(election: dict[str, Any], stage_path: str, stage: dict[str, Any]) -> None:
    """Put a row's table at its path in the tree, making bare parents ({id}) where a row is missing."""
    siblings: list[dict[str, Any]] = election["stages"]
    parts = stage_path.split("/")
    for part in parts[:-1]:
        parent = next((t for t in siblings if t["id"] == part), None)
        if parent is None:
            parent = {"id": part}
            siblings.append(parent)
        siblings = parent.setdefault("stages", [])
    existing = next((t for t in siblings if t["id"] == parts[-1]), None)
    if existing is None:
        siblings.append(stage)
    else:  # a bare parent made earlier: the row fills it in, keeping its children last
        children = existing.pop("stages", None)
        existing.update(stage)
        if children:
            existing["stages"] = children
