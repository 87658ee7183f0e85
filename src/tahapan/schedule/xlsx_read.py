"""An .xlsx workbook read into rows for ``tabular.collect``, the same row checks as a CSV's.

openpyxl is an optional extra (``tahapan[excel]``), imported only here and by render/workbook.py,
through ``openpyxl_module``, which says how to install it. Every sheet whose first row names schedule
columns is read (a notes sheet beside them is passed over, and named). Formulas are never run: a cell
holding one, or text starting with '=', is refused by sheet, row and column, so what is imported is
what was written, not what a formula computes on the day. Date cells come as dates.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from tahapan.errors import DataError, ExtraMissingError
from tahapan.i18n import Message, Words
from tahapan.model import Election
from tahapan.schedule.tabular import (
    COLUMNS,
    REQUIRED,
    Imported,
    Row,
    cell_text,
    collect,
    columns_message,
    stray_columns,
)

INSTALL = "pip install 'tahapan[excel]'"
#: what a workbook's parts may unpack to: a national schedule's workbook is well under 1 MB, and a
#: zip bomb is refused before openpyxl unpacks it
MAX_UNPACKED_BYTES = 256 * 1024 * 1024


def openpyxl_module() -> Any:
    """openpyxl, or an ExtraMissingError saying how to install it (exit 75, as for Apprise)."""
    try:
        import openpyxl
    except ImportError:
        raise ExtraMissingError(
            Words(".xlsx memerlukan openpyxl", ".xlsx needs openpyxl"),
            hint=Words(
                f"Pasang dengan: {INSTALL}; atau pakai CSV (-f csv).",
                f"Install it with: {INSTALL}; or use CSV (-f csv).",
            ),
        ) from None
    return openpyxl


def import_xlsx(path: Path, raw: bytes, known: dict[str, Election]) -> Imported:
    """The rows of every schedule sheet of the workbook ``raw`` as schedule tables."""
    openpyxl = openpyxl_module()
    result = Imported()
    _check_size(path, raw)
    read: list[str] = []
    firsts: list[tuple[str, list[str]]] = []
    with warnings.catch_warnings():
        # openpyxl warns of parts it leaves out (data validation, conditional formats): not ours
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
        except (
            Exception
        ) as err:  # a damaged or foreign archive fails in many ways: each one is this
            raise _unreadable(path, err) from None
        try:

            def rows() -> Iterator[Row]:
                for sheet in book.worksheets:
                    sheet.reset_dimensions()  # some writers record a wrong size; read what is there
                    lines = _guarded(path, sheet.iter_rows())
                    written = [_text(c.value).strip() for c in next(lines, ())]
                    while written and not written[-1]:  # formatted but empty cells at its end
                        written.pop()
                    header = [h.lower() for h in written]
                    firsts.append((sheet.title, written))
                    if not set(header) & set(REQUIRED):
                        result.skipped.append(sheet.title)
                        continue
                    missing = [c for c in REQUIRED if c not in header]
                    if missing:
                        result.problems.append(
                            f"{path}:{sheet.title}:1: "
                            + columns_message(missing, _read_words(written), written)
                        )
                        continue
                    stray = stray_columns(header)
                    if stray:
                        result.problems.append(f"{path}:{sheet.title}:1: " + stray)
                        continue
                    read.append(sheet.title)
                    yield from _sheet_rows(path, sheet.title, header, lines, result.problems)

            collect(path, rows(), known, result)
        finally:
            book.close()
    if not read and not result.problems:
        for title, written in firsts or [("", [])]:
            missing = list(REQUIRED)
            result.problems.append(
                f"{path}:{title}:1: " + columns_message(missing, _read_words(written), written)
            )
    return result


def _sheet_rows(
    path: Path, title: str, header: list[str], lines: Iterable[Any], problems: list[Message]
) -> Iterator[Row]:
    from openpyxl.utils import get_column_letter

    for number, cells in enumerate(lines, start=2):
        values: dict[str, str] = {}
        refused = False
        for index, cell in enumerate(cells):
            column = header[index] if index < len(header) else ""
            if column not in COLUMNS:
                continue
            value = cell.value
            if cell.data_type == "f" or (isinstance(value, str) and value.strip().startswith("=")):
                formula = getattr(value, "text", value)  # an array formula holds its text
                problems.append(
                    f"{path}:{title}:{number}: {column}: "
                    + Words(
                        f"sel {get_column_letter(index + 1)}{number} berisi rumus {formula!r}; "
                        "rumus tidak dijalankan, tulis nilainya",
                        f"cell {get_column_letter(index + 1)}{number} holds the formula "
                        f"{formula!r}; formulas are not run, write the value",
                    )
                )
                refused = True
                continue
            values[column] = _text(value)
        if not refused:
            yield f"{title}:{number}", values


def _text(value: Any) -> str:
    """A cell's value as a CSV would hold it: a date cell (a datetime at midnight) as its date."""
    if isinstance(value, datetime):
        # a time of day is no schedule date: left on, the date check names the cell
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if value is None or isinstance(value, str | int | bool | date):
        return cell_text(value)
    return str(value)


def _read_words(header: list[str]) -> Message:
    return Words(
        f"terbaca {len(header)} kolom di baris pertama lembar: ",
        f"read {len(header)} columns in the sheet's first row: ",
    )


def _guarded(path: Path, lines: Iterator[Any]) -> Iterator[Any]:
    """A sheet's rows, read lazily: a damaged part fails here, as the message for a bad file."""
    while True:
        try:
            line = next(lines)
        except StopIteration:
            return
        except Exception as err:  # as for load_workbook: the archive is not a readable workbook
            raise _unreadable(path, err) from None
        yield line


def _check_size(path: Path, raw: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise _unreadable(path, err) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise DataError(
            [
                f"{path}: "
                + Words(
                    f"isi buku kerja terlalu besar ({unpacked // 1024 // 1024} MB setelah dibuka); "
                    f"dibaca sampai {MAX_UNPACKED_BYTES // 1024 // 1024} MB",
                    f"the workbook unpacks to too much ({unpacked // 1024 // 1024} MB); it is read "
                    f"up to {MAX_UNPACKED_BYTES // 1024 // 1024} MB",
                )
            ]
        )


def _unreadable(path: Path, err: Exception) -> DataError:
    return DataError(
        [
            f"{path}: "
            + Words(
                f"bukan buku kerja .xlsx yang terbaca ({type(err).__name__})",
                f"not a readable .xlsx workbook ({type(err).__name__})",
            )
        ],
        hint=Words(
            "Di Excel: Simpan Sebagai → Buku Kerja Excel (.xlsx), atau CSV UTF-8.",
            "In Excel: Save As → Excel Workbook (.xlsx), or CSV UTF-8.",
        ),
    )
