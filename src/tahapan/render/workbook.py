"""`export -f xlsx`: the CSV's rows as an Excel workbook, one sheet per election.

The same columns as the CSV (tabular.COLUMNS, the basis and confidence among them), with dates as
real date cells shown DD/MM/YYYY, days as a number and projected as a truth value; the header row is
bold and frozen, the columns sized to their text. Text that a spreadsheet would take as a formula is
written with a leading apostrophe, as in the CSV, and never as a formula. The same schedule gives the
same bytes: the document's times and the archive's entry times are fixed.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime
from typing import Any

from tahapan.model import Election
from tahapan.reports.export import ScheduleExport
from tahapan.schedule.tabular import COLUMNS, DATE_COLUMNS, Value, neutralise, records
from tahapan.text import REPLACEMENT

#: written as the document's created and modified time, and each archive entry's (zip's earliest)
FIXED_TIME = datetime(1980, 1, 1)
#: Excel refuses these in a sheet name, and names over 31 characters
_NOT_IN_SHEET_NAME = re.compile(r"[\\/?*\[\]:]")
#: a column is never drawn narrower or wider than this (characters)
_WIDTHS = (8, 60)


def xlsx_bytes(result: ScheduleExport) -> bytes:
    from tahapan.schedule.xlsx_read import openpyxl_module

    openpyxl = openpyxl_module()
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    book = openpyxl.Workbook()
    book.remove(book.active)
    used: set[str] = set()
    chosen: list[Election | None] = [*result.elections] or [None]
    for election in chosen:  # no election: a sheet with the header alone
        sheet = book.create_sheet(sheet_name(election.id if election else "jadwal", used))
        sheet.append(list(COLUMNS))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        widths = [len(c) + 2 for c in COLUMNS]
        for record in records([election] if election else []):
            sheet.append([_cell(record[c]) for c in COLUMNS])
            for index, column in enumerate(COLUMNS):
                value = record[column]
                widths[index] = max(
                    widths[index], 12 if isinstance(value, date) else len(str(value or "")) + 2
                )
        for index, column in enumerate(COLUMNS):
            letter = get_column_letter(index + 1)
            sheet.column_dimensions[letter].width = min(max(widths[index], _WIDTHS[0]), _WIDTHS[1])
            if column in DATE_COLUMNS:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index + 1, max_col=index + 1):
                    cell.number_format = "DD/MM/YYYY"
        sheet.freeze_panes = "A2"
    book.properties.creator = "tahapan"
    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    # ExcelWriter rather than Workbook.save, which stamps the document with the time of saving
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return _fixed_entry_times(buffer.getvalue())


def sheet_name(text: str, used: set[str]) -> str:
    """A sheet name Excel takes: its forbidden characters replaced, at most 31 characters, not
    'History' (reserved), unique in the workbook (case aside)."""
    base = _NOT_IN_SHEET_NAME.sub("-", text).strip("'")[:31] or "jadwal"
    name, number = base, 1
    while name.lower() in used or name.lower() == "history":
        number += 1
        name = f"{base[: 31 - len(str(number)) - 1]}-{number}"
    used.add(name.lower())
    return name


def _cell(value: Value) -> Any:
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        # control characters cannot be stored in the file's XML; shown as elsewhere (text.py)
        return ILLEGAL_CHARACTERS_RE.sub(REPLACEMENT, neutralise(value)) or None
    return value


def _fixed_entry_times(data: bytes) -> bytes:
    """The archive again, each entry dated FIXED_TIME (zip records the time each part was written)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as old,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for info in old.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            new.writestr(fixed, old.read(info))
    return out.getvalue()
