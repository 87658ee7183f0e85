"""`tahapan import`'s file: a CSV or an .xlsx workbook, read by csv_read.py or xlsx_read.py, each
row checked by tabular.py (which both readers import, so the choice between them is made here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tahapan.errors import DataError
from tahapan.i18n import Words

if TYPE_CHECKING:
    from pathlib import Path

    from tahapan.model import Election
    from tahapan.schedule.tabular import Imported


def import_file(path: Path, known: dict[str, Election]) -> Imported:
    """A CSV or an .xlsx workbook (told apart by its first bytes, not its name) as schedule tables."""
    from tahapan.schedule.read import decode, read_bytes

    raw = read_bytes(path)
    if raw.startswith(b"PK\x03\x04"):  # a zip archive: an .xlsx workbook
        from tahapan.schedule.xlsx_read import import_xlsx

        return import_xlsx(path, raw, known)
    if raw.startswith(b"\xd0\xcf\x11\xe0"):  # Excel 97-2003's own format
        raise DataError(
            [
                f"{path}: "
                + Words("format .xls lama tidak dibaca", "the old .xls format is not read")
            ],
            hint=Words(
                "Di Excel: Simpan Sebagai → Buku Kerja Excel (.xlsx) atau CSV UTF-8.",
                "In Excel: Save As → Excel Workbook (.xlsx) or CSV UTF-8.",
            ),
        )
    try:
        text = decode(path, raw)
    except DataError as err:  # ANSI (Windows-1252): the encoding is not guessed
        raise DataError(
            err.problems,
            hint=Words(
                "Di Excel: Simpan Sebagai → CSV UTF-8 (Dipisahkan koma) (*.csv).",
                "In Excel: Save As → CSV UTF-8 (Comma delimited) (*.csv).",
            ),
        ) from None
    from tahapan.schedule.csv_read import import_csv

    return import_csv(path, text, known)
