"""Stages as rows, one per stage, for spreadsheets: export as CSV (an .xlsx workbook is drawn from the
same records in render/workbook.py), and import back to a TOML schedule from either (the files are
read by csv_read.py and xlsx_read.py, told apart by table_import.py; each row is checked here, the
same for both).

Columns: election, path, name, name_en, start, end, days, basis, confidence, projected (true,
false, or assumption: the office's dates while the voting day is projected, which marks the
election projected on import; optional on import, as files from earlier releases lack it), repeat.
A cell that a
spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is written with
a leading apostrophe, and the apostrophe is taken off again on import, so export -> import -> export
gives the same file.

On import, truth values may be true/false, BENAR/SALAH (Indonesian Excel), ya/tidak or 1/0 in any
case, and dates ISO (2024-11-27) or day first (27/11/2024, 1/2/2025), never month first.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, get_args

from tahapan.days.dates import parse_date
from tahapan.errors import DateError
from tahapan.i18n import Lang, Message, Words, said
from tahapan.model import FILE_SCHEMA, VOTING_STAGES, Confidence, Election, is_valid_id
from tahapan.schedule.fields import COLUMNS as COLUMNS  # derived from the model's fields
from tahapan.schedule.fields import STAGE_FIELDS

#: name_en may be left out, or empty: English output then shows the name
REQUIRED = ("election", "path", "name", "end", "basis", "confidence")
#: the columns a workbook holds as dates, a number and a truth value (text in a CSV)
DATE_COLUMNS = ("start", "end")
NUMBER_COLUMNS = ("days",)
BOOLEAN_COLUMNS = ("projected",)
#: truth values as spreadsheets write them (Indonesian Excel: BENAR/SALAH), read in any case
TRUE_WORDS = ("true", "benar", "ya", "1")
FALSE_WORDS = ("false", "salah", "tidak", "0")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
#: a cell's value: text, or what a workbook holds typed (None: an empty cell)
Value = str | int | bool | date | None


def neutralise(cell: str) -> str:
    # a text that already starts with the apostrophe gets another, so that restore gives it back
    return "'" + cell if cell.startswith((*_FORMULA, "'")) else cell


def restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith((*_FORMULA, "'")) else cell


def records(elections: Iterable[Election]) -> Iterator[dict[str, Value]]:
    """One record per stage, typed: a workbook writes dates, numbers and truth values as such.
    Made one at a time: a national export is written as it is made."""
    for election in elections:
        for path, stage in election.walk():
            # every column that is a field holds its value; schedule/fields.py lists the others
            values: dict[str, Value] = {c: getattr(stage, c) for c in COLUMNS if c in STAGE_FIELDS}
            special: dict[str, Value] = {
                "election": election.id,
                "path": path,
                "days": stage.days_total,
                "projected": _DATING_VALUE[election.dating(stage)],
                # the rule itself: the row is the first occurrence (dated instances stay in
                # TOML); a row of one occurrence (a calendar's CSV) repeats nothing
                "repeat": (stage.repeat or "") if stage.occurrence is None else "",
            }
            yield {c: special[c] if c in special else values[c] for c in COLUMNS}


#: the projected column's value for each ``Election.dating``: a workbook's true/false cell, or the
#: word for the office's dates while the voting day is projected
_DATING_VALUE: dict[str, Value] = {"official": False, "projected": True, "assumption": "assumption"}


def cell_text(value: Value) -> str:
    """A value as a CSV writes it (and as the row checks read it): dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def rows(elections: Iterable[Election]) -> Iterator[dict[str, str]]:
    return ({k: cell_text(v) for k, v in record.items()} for record in records(elections))


def csv_text(elections: Iterable[Election]) -> str:
    return "".join(csv_lines(elections))


def csv_lines(elections: Iterable[Election]) -> Iterator[str]:
    """The CSV a line (a row) at a time, the header first."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    yield buffer.getvalue()
    for row in rows(elections):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow({k: neutralise(v) for k, v in row.items()})
        yield buffer.getvalue()


@dataclass
class Imported:
    """The TOML tables an import produced, and the problems of its rows."""

    data: dict[str, Any] = field(default_factory=lambda: {"schema": FILE_SCHEMA, "elections": []})
    problems: list[Message] = field(default_factory=list)
    rows: int = 0
    #: a workbook's sheets passed over: their first row names no schedule column
    skipped: list[str] = field(default_factory=list)


#: a row as its source read it: where it stands (a CSV's line, a workbook's SHEET:ROW), its cells
Row = tuple[str, dict[str, str]]


def stray_columns(header: list[str]) -> Message | None:
    """A header's columns that tahapan does not know, or that appear twice: a misspelt `strat` would
    drop every start date, a second `name` would hide the first. None when the header is sound."""
    from difflib import get_close_matches

    unknown = [h for h in header if h and h not in COLUMNS]
    twice = sorted({h for h in header if h and header.count(h) > 1})
    if not unknown and not twice:
        return None
    guesses = {c: get_close_matches(c, COLUMNS, n=1) for c in unknown}

    def text(lang: Lang) -> str:
        unknown_words = [
            f"{column!r}" + (f" ({said(GUESS, lang)} {close[0]}?)" if close else "")
            for column, close in guesses.items()
        ]
        parts = []
        if unknown_words:
            parts.append(said(UNKNOWN_COLUMNS, lang) + ", ".join(unknown_words))
        if twice:
            parts.append(said(TWICE, lang) + ", ".join(twice))
        return "; ".join(parts) + said(ACCEPTED, lang) + ", ".join(COLUMNS)

    return Words.made(text)


GUESS = Words("apakah yang dimaksud", "did you mean")
UNKNOWN_COLUMNS = Words("kolom tidak dikenal: ", "unknown columns: ")
TWICE = Words("kolom ganda: ", "columns given twice: ")
ACCEPTED = Words("; kolom yang diterima: ", "; the columns accepted: ")


def columns_message(missing: list[str], read: Message, header: list[str]) -> Message:
    """Columns missing from a header: which, what was read, what is accepted."""
    optional = ", ".join(c for c in COLUMNS if c not in REQUIRED)
    shown: Message = ", ".join(h if h else '""' for h in header) or Words("(kosong)", "(empty)")
    read_id, read_en = said(read, "id") + said(shown, "id"), said(read, "en") + said(shown, "en")
    return Words(
        f"kolom tidak ada: {', '.join(missing)}; {read_id}; kolom yang diterima: "
        f"{', '.join(COLUMNS)} ({optional} boleh tidak ada)",
        f"missing columns: {', '.join(missing)}; {read_en}; the columns accepted: "
        f"{', '.join(COLUMNS)} ({optional} may be left out)",
    )


def collect(
    path: Path, rows: Iterable[Row], known: dict[str, Election], result: Imported
) -> Imported:
    """Check each row (from a CSV or a workbook alike) and build the schedule tables of the good
    ones into ``result``; the bad ones are named by row and column in its problems."""
    trees: dict[str, dict[str, Any]] = {}
    voting: dict[str, date] = {}
    seen: dict[tuple[str, str], str] = {}
    #: elections with an office assumption (their voting day is projected), and its first row
    assumed: dict[str, str] = {}
    indexes: dict[str, dict[tuple[str, ...], dict[str, Any]]] = {}
    for line, raw in rows:
        cells = {k: restore(v.strip()) for k, v in raw.items() if k}
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
                + Words(
                    f"{election}/{stage_path} sudah ada di baris {seen[election, stage_path]}",
                    f"{election}/{stage_path} is already in row {seen[election, stage_path]}",
                )
            )
            continue
        seen[election, stage_path] = line
        if cells.get("projected", "").lower() == "assumption":
            if election in known and not known[election].projected:
                result.problems.append(
                    f"{path}:{line}: projected: "
                    + Words(
                        f"assumption hanya untuk pemilu yang hari pemungutan suaranya masih "
                        f"proyeksi; hari pemungutan suara {election} sudah resmi (tulis false)",
                        f"assumption is only for an election whose voting day is projected; "
                        f"{election}'s is official (write false)",
                    )
                )
                continue
            assumed.setdefault(election, line)
        tree = trees.setdefault(election, {"id": election, "stages": []})
        _place(tree, stage_path, stage, indexes.setdefault(election, {}))
        if stage_path in VOTING_STAGES:
            voting[election] = stage["start"] if "start" in stage else stage["end"]
    for election, tree in trees.items():
        if election not in known:
            # without a pemungutan-suara row its voting day is not set: every view says so
            tree = {
                "id": election,
                "name": election,
                **({"voting_day": voting[election]} if election in voting else {}),
                **({"projected": True} if election in assumed else {}),
                # data, not a message: written in the file's language, as its names are
                "basis": f"Diimpor dari {path.name}",
                "stages": tree["stages"],
            }
        elif election in assumed:
            tree = {"id": election, "projected": True, "stages": tree["stages"]}
        result.data["elections"].append(tree)
    return result


def _row_table(
    path: Path, line: str, cells: dict[str, str], problems: list[Message]
) -> tuple[str, str, dict[str, Any]] | None:
    found: list[Message] = []

    def bad(column: str, message: Message) -> None:
        found.append(f"{path}:{line}: {column}: " + message)

    election, stage_path = cells.get("election", ""), cells.get("path", "")
    if not is_valid_id(election):
        bad("election", _id_message(election))
    parts = stage_path.split("/")
    if not stage_path or not all(is_valid_id(p) for p in parts):
        bad(
            "path",
            _id_message(stage_path)
            + Words(" (subtahapan: induk/anak)", " (sub-stage: parent/child)"),
        )
    for column in ("name", "basis"):
        if not cells.get(column):
            bad(column, Words("tidak boleh kosong", "must not be empty"))
    confidence = cells.get("confidence", "")
    accepted = get_args(Confidence)
    if confidence not in accepted:
        bad(
            "confidence",
            Words(
                f"{confidence!r} tidak diterima; pilihan: ",
                f"{confidence!r} not accepted; expected ",
            )
            + ", ".join(accepted),
        )
    truths: dict[str, bool] = {}
    for column in BOOLEAN_COLUMNS:
        text = cells.get(column, "")
        if text.lower() in (*TRUE_WORDS, *FALSE_WORDS):
            truths[column] = text.lower() in TRUE_WORDS
        elif column == "projected" and text.lower() == _DATING_VALUE["assumption"]:
            truths[column] = False  # the stage is the office's; its election is the projection
        elif text:
            bad(
                column,
                Words(
                    f"{text!r} tidak diterima; pilihan: true/false, benar/salah, ya/tidak, 1/0"
                    + (", assumption" if column == "projected" else ""),
                    f"{text!r} not accepted; expected true/false, benar/salah, ya/tidak, 1/0"
                    + (", assumption" if column == "projected" else ""),
                ),
            )
    start = _date(cells.get("start", ""), "start", bad, optional=True)
    end = _date(cells.get("end", ""), "end", bad, optional=False)
    days_text = cells.get("days", "")
    if days_text and not (days_text.isascii() and days_text.isdigit()):
        bad(
            "days",
            Words(f"{days_text!r} bukan jumlah hari", f"{days_text!r} is not a number of days"),
        )
    if start is not None and end is not None:
        if end < start:
            bad(
                "end",
                Words(f"{end} lebih awal dari start {start}", f"{end} is before start {start}"),
            )
        days = cells.get("days", "")
        if days and days != str((end - start).days + 1):
            bad(
                "days",
                Words(
                    f"{days} tidak cocok dengan {start}..{end} ({(end - start).days + 1} hari, "
                    "tanggal awal dan akhir ikut dihitung)",
                    f"{days} does not match {start}..{end} ({(end - start).days + 1} days, both ends counted)",
                ),
            )
    if found:
        problems.extend(found)
        return None
    assert end is not None
    dates = {"start": start, "end": end}
    table: dict[str, Any] = {"id": parts[-1]}
    for column in (c for c in COLUMNS if c in STAGE_FIELDS):
        if column in dates:
            if dates[column] is not None:  # an unknown start stays unknown
                table[column] = dates[column]
        elif column == "projected":
            if truths.get("projected"):
                table[column] = True
        elif cells.get(column):  # text as it is (repeat is checked once the file is loaded)
            table[column] = cells[column]
    return election, stage_path, table


def _date(text: str, column: str, bad: Any, *, optional: bool) -> date | None:
    if not text:
        if not optional:
            bad(column, Words("tidak boleh kosong", "must not be empty"))
        return None
    try:
        return parse_date(text, today=None)
    except DateError as err:
        bad(column, err.message)
        return None


def _id_message(text: str) -> Message:
    return Words(
        f"{text!r} bukan id: huruf kecil, angka, dan tanda hubung (contoh: masa-tenang)",
        f"{text!r} is not an id: lower-case letters, digits and hyphens (e.g. masa-tenang)",
    )


def _place(
    election: dict[str, Any],
    stage_path: str,
    stage: dict[str, Any],
    index: dict[tuple[str, ...], dict[str, Any]],
) -> None:
    """Put a row's table at its path in the tree, making bare parents ({id}) where a row is missing.
    ``index`` finds a table by its path at once: searching the siblings made an import of N rows
    take N² steps (20,000 rows: 11 s)."""
    siblings: list[dict[str, Any]] = election["stages"]
    parts = tuple(stage_path.split("/"))
    for depth in range(1, len(parts)):
        parent = index.get(parts[:depth])
        if parent is None:
            parent = {"id": parts[depth - 1]}
            siblings.append(parent)
            index[parts[:depth]] = parent
        siblings = parent.setdefault("stages", [])
    existing = index.get(parts)
    if existing is None:
        siblings.append(stage)
        index[parts] = stage
    else:  # a bare parent made earlier: the row fills it in, keeping its children last
        children = existing.pop("stages", None)
        existing.update(stage)
        if children:
            existing["stages"] = children
