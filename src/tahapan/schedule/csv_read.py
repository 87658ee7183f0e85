"""A CSV as Excel writes it in an Indonesian office, read into rows for ``tabular.collect``.

The separator is found from the header row (comma, semicolon or tab: Excel writes ; where the decimal
mark is a comma, as in Indonesia), or from a first line ``sep=;`` that names it; a byte-order mark is
dropped. Only UTF-8 is read (``read.decode``): a file in another encoding is refused with how to save
it as UTF-8, never guessed.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from tahapan.i18n import Message, Words
from tahapan.model import Election
from tahapan.schedule.tabular import (
    COLUMNS,
    REQUIRED,
    Imported,
    Row,
    collect,
    columns_message,
    stray_columns,
)


def import_csv(path: Path, text: str, known: dict[str, Election]) -> Imported:
    """Rows of ``text`` as schedule tables: an overlay for an election in ``known``, a new election
    otherwise (its voting day from its pemungutan-suara row)."""
    result = Imported()
    separator, found_by, before, body = _separator(text.lstrip("\ufeff"))
    reader = csv.reader(io.StringIO(body), delimiter=separator)
    try:
        written = [h.strip() for h in next(reader, [])]
    except csv.Error as err:
        result.problems.append(_unreadable(path, before + max(reader.line_num, 1), err))
        return result
    header = [h.lower() for h in written]  # Election, PATH: as Excel users may capitalise
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        name = SEPARATORS[separator]
        read = Words(
            f"terbaca {len(header)} kolom dengan pemisah {name[0]} ({found_by[0]}): ",
            f"read {len(header)} columns with {name[1]} as the separator ({found_by[1]}): ",
        )
        result.problems.append(f"{path}:{before + 1}: " + columns_message(missing, read, written))
        return result
    stray = stray_columns(header)
    if stray:
        result.problems.append(f"{path}:{before + 1}: " + stray)
        return result

    def lines() -> Iterator[Row]:
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            # a cell over the csv module's limit, a NUL byte; line_num already counts its line
            except csv.Error as err:
                result.problems.append(_unreadable(path, before + max(reader.line_num, 1), err))
                return
            yield str(before + reader.line_num), dict(zip(header, values, strict=False))

    return collect(path, lines(), known, result)


#: the separators a header row is read with, named in messages (Indonesian, English)
SEPARATORS = {",": ("koma (,)", "comma (,)"), ";": ("titik koma (;)", "semicolon (;)"),
              "\t": ("tab", "tab")}  # fmt: skip
#: Excel's first line naming the separator: sep=; (quoted by some programs)
_SEP_LINE = re.compile(r'"?sep=([,;\t])"?[ ]*\r?', re.IGNORECASE)


def _separator(text: str) -> tuple[str, tuple[str, str], int, str]:
    """The separator, how it was found (for messages), the lines before the header, the text from
    the header on. Excel writes ; where the decimal mark is a comma, as in Indonesia."""
    first, _, rest = text.partition("\n")
    named = _SEP_LINE.fullmatch(first)
    if named:
        return named.group(1), ("dari baris sep=", "named by the sep= line"), 1, rest
    line = first.rstrip("\r")

    def fit(separator: str) -> tuple[int, int]:
        # the one that splits the header into the most known columns; else the most used
        try:
            cells = next(csv.reader([line], delimiter=separator), [])
        except csv.Error:
            cells = []
        return len({c.strip().lower() for c in cells} & set(COLUMNS)), line.count(separator)

    best = max(SEPARATORS, key=fit)
    return best, ("ditebak dari baris judul", "assumed from the header row"), 0, text


def _unreadable(path: Path, line: int, err: csv.Error) -> Message:
    limit = csv.field_size_limit() // 1024
    if "field limit" in str(err):
        reason = Words(
            f"sel lebih panjang dari {limit} kB; CSV jadwal berisi nama, tanggal dan dasar hukum",
            f"a cell is longer than {limit} kB; a schedule CSV holds names, dates and bases",
        )
    else:
        reason = Words(f"CSV tidak terbaca ({err})", f"the CSV cannot be read ({err})")
    return f"{path}:{line}: " + reason
