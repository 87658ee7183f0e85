"""The user's cases: each a chain started from one event, with the steps done so far.

Cases are kept in their own file (``kasus.toml`` beside the user's schedule file, or
TAHAPAN_CASES_FILE), never in a schedule file: a case is private work (a published calendar never
reads this file), and marking a step done must not change the schedules every command caches. The
file may hold an office's own ``[[chains]]`` too. Every change runs under the file's lock, is checked
whole, and replaces the file atomically with the old one kept as ``.bak``, as schedule edits are.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tahapan.config import cases_file
from tahapan.errors import DataError, TahapanError
from tahapan.i18n import Message, Words
from tahapan.model import FILE_SCHEMA, ID_PATTERN
from tahapan.schedule.chains import Chain, chain_file_tables, merge_chains, shipped_chains_path
from tahapan.text import one_line

HEADER = (
    "# Dikelola oleh tahapan (`tahapan kasus add|done|close|remove`); versi sebelumnya ada di .bak.\n"
    "# Komentar tidak disimpan saat berkas ditulis ulang.\n"
    "# Managed by tahapan; the previous version is kept beside it as .bak. Values edited by hand are\n"
    "# kept, comments are not.\n"
)
Moment = date | datetime
#: the years a case's event and steps may fall in
CASE_YEARS = (1970, 2099)
#: the bounds of a schedule file's ids and names, the same for cases
MAX_ID, MAX_NAME = 100, 500
_CASE_KEYS = {"id", "chain", "event", "zone", "name", "region", "closed", "done"}


@dataclass(frozen=True)
class Case:
    id: str
    chain: str
    #: the event the chain starts from: a day, or a day and time (aware)
    event: Moment
    #: the zone its times are read and shown in: the region's, else WIB
    zone: str
    name: str | None = None
    region: str | None = None
    #: step id -> the day (or day and time) it happened
    done: tuple[tuple[str, Moment], ...] = ()
    closed: date | None = None

    def done_on(self, step: str) -> Moment | None:
        return next((when for ident, when in self.done if ident == step), None)


@dataclass(frozen=True)
class CaseBook:
    """Every chain known (shipped, then the cases file's own) and the user's cases."""

    chains: dict[str, Chain]
    cases: tuple[Case, ...]
    path: Path

    def case(self, ident: str) -> Case:
        for case in self.cases:
            if case.id == ident:
                return case
        from tahapan.errors import UnknownNameError

        known = ", ".join(c.id for c in self.cases)
        raise UnknownNameError(
            Words(f"kasus {ident!r} tidak ditemukan", f"unknown case: {ident!r}"),
            hint=Words(
                f"Kasus yang ada: {known or 'belum ada'}.", f"Cases: {known or 'none yet'}."
            ),
        )

    def chain(self, ident: str) -> Chain:
        if ident in self.chains:
            return self.chains[ident]
        from tahapan.errors import UnknownNameError

        raise UnknownNameError(
            Words(f"alur tenggat tidak dikenal: {ident!r}", f"unknown deadline chain: {ident!r}"),
            hint=Words("Alur yang tersedia: ", "Chains: ") + ", ".join(self.chains),
        )


def load_book(path: Path | None = None) -> CaseBook:
    path = path or cases_file()
    # no file: no cases; anything else at the path (a folder, a link to nowhere, a device) is read
    # and refused by the reader, with its name, rather than taken for an empty book
    data = _read(path) if os.path.lexists(path) else {}
    return book_of(data, path)


def book_of(data: Mapping[str, Any], path: Path) -> CaseBook:
    """The chains and cases of a cases file's tables, or a DataError naming every problem."""
    shipped = shipped_chains_path()
    ours, problems = chain_file_tables(_read(shipped), str(shipped))
    own, own_problems = chain_file_tables(data, str(path))
    chains, merge_problems = merge_chains([ours, own])
    problems += own_problems + merge_problems
    unknown = sorted(set(data) - {"schema", "chains", "cases"})
    if unknown:
        problems.append(
            f"{path}: "
            + Words(
                f"kunci tidak dikenal: {', '.join(unknown)} (berkas kasus berisi [[cases]] dan "
                "[[chains]])",
                f"unknown keys: {', '.join(unknown)} (a cases file holds [[cases]] and [[chains]])",
            )
        )
    cases: list[Case] = []
    if data.get("schema", FILE_SCHEMA) != FILE_SCHEMA:
        problems.append(
            f"{path}: schema = {data.get('schema')!r}: "
            + Words(
                f"berkas kasus memakai schema = {FILE_SCHEMA}",
                f"cases files have schema = {FILE_SCHEMA}",
            )
        )
    tables = data.get("cases", [])
    if not isinstance(tables, list):
        problems.append(
            f"{path}: cases: "
            + Words("tulis setiap kasus sebagai [[cases]]", "write each case as [[cases]]")
        )
        tables = []
    seen: set[str] = set()
    for index, table in enumerate(tables):
        found: list[Message] = []
        case = _case(table, chains, found)
        label = table.get("id") if isinstance(table, Mapping) else None
        where = f"{path}: {label if isinstance(label, str) else f'cases[{index}]'}"
        if case is not None and case.id in seen:
            found.append(Words("id kasus dipakai dua kali", "case id given twice"))
        if case is not None:
            seen.add(case.id)
        problems += [f"{where}: " + p for p in found]
        if case is not None and not found:
            cases.append(case)
    if problems:
        raise DataError(problems)
    return CaseBook(chains, tuple(cases), path)


def change_cases(mutate: Callable[[dict[str, Any], CaseBook], str]) -> tuple[str, Path | None]:
    """Apply ``mutate`` to the cases file's tables under its lock, check the result whole, and write
    it (the old file kept as .bak); returns what ``mutate`` said was done, and the backup."""
    from tahapan.safefile import commit, is_special, locked, target
    from tahapan.schedule.writer import tables_text

    path = cases_file()
    where = target(path, make_folder=True)
    with locked(where):
        data: dict[str, Any] = {"schema": FILE_SCHEMA}
        if is_special(where):
            raise DataError(
                [
                    f"{path}: "
                    + Words(
                        "bukan berkas biasa; kasus disimpan di berkas TOML",
                        "not a regular file; cases are kept in a TOML file",
                    )
                ]
            )
        if os.path.lexists(where):
            data = _read(where)
        said = mutate(data, book_of(data, path))
        text = tables_text(data, header=HEADER)
        # the text as written must read back as the same book, or nothing is written
        from tahapan.schedule.read import source_from_bytes

        book_of(source_from_bytes(path, text.encode("utf-8")).data, path)
        backup = commit(where, text.encode("utf-8"), backup=True)
    return said, backup


def case_table(data: dict[str, Any], ident: str) -> dict[str, Any]:
    for table in data.get("cases", []):
        if table.get("id") == ident:
            return table  # type: ignore[no-any-return]
    raise TahapanError(Words(f"kasus {ident!r} tidak ditemukan", f"unknown case: {ident!r}"))


def _read(path: Path) -> dict[str, Any]:
    """The file's tables, read as schedule files are: a size bound, UTF-8 (a BOM dropped), TOML
    syntax errors by line and column in the user's language."""
    from tahapan.schedule.read import read_source

    return read_source(path).data


def _case(table: Any, chains: dict[str, Chain], problems: list[Message]) -> Case | None:
    import re

    if not isinstance(table, Mapping):
        problems.append(Words("harus berupa tabel [[cases]]", "must be a [[cases]] table"))
        return None
    unknown = sorted(str(k) for k in table if k not in _CASE_KEYS)
    if unknown:
        problems.append(Words("kunci tidak dikenal: ", "unknown keys: ") + ", ".join(unknown))
    ident, chain_id, event = table.get("id"), table.get("chain"), table.get("event")
    if not isinstance(ident, str) or not re.fullmatch(ID_PATTERN, ident) or len(ident) > MAX_ID:
        problems.append(
            "id: "
            + Words("huruf kecil, angka dan tanda hubung", "lower-case letters, digits, hyphens")
        )
    chain = chains.get(chain_id) if isinstance(chain_id, str) else None
    if chain is None:
        problems.append(f"chain = {chain_id!r}: " + Words("alur tidak dikenal", "unknown chain"))
    if not _is_moment(event):
        problems.append("event: " + _moment_words())
    zone = table.get("zone", "Asia/Jakarta")
    if not _is_zone(zone):
        problems.append(
            f"zone = {zone!r}: " + Words("zona waktu tidak dikenal", "unknown time zone")
        )
    done = table.get("done", {})
    if not isinstance(done, Mapping):
        problems.append("done: " + Words("harus berupa tabel", "must be a table"))
        done = {}
    for step, when in done.items():
        if chain is not None and chain.step(step) is None:
            problems.append(
                f"done.{step}: " + Words(f"bukan langkah {chain.id}", f"not a step of {chain.id}")
            )
        if not _is_moment(when):
            problems.append(f"done.{step}: " + _moment_words())
    closed = table.get("closed")
    if closed is not None and (isinstance(closed, datetime) or not isinstance(closed, date)):
        problems.append("closed: " + Words("tanggal", "a date"))
    texts = {k: table.get(k) for k in ("name", "region")}
    for key, value in texts.items():
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(
                f"{key}: " + Words("teks yang tidak kosong", "a text that is not empty")
            )
        elif isinstance(value, str) and len(value) > MAX_NAME:
            problems.append(
                f"{key}: "
                + Words(f"paling panjang {MAX_NAME} huruf", f"at most {MAX_NAME} characters")
            )
        elif isinstance(value, str):
            texts[key] = one_line(value)  # no control characters reach a terminal or a calendar
    if problems or not isinstance(event, date):
        return None
    return Case(
        id=str(ident),
        chain=str(chain_id),
        event=event,
        zone=str(zone),
        name=texts["name"],
        region=texts["region"],
        done=tuple(done.items()),
        closed=closed,
    )


def _is_moment(value: Any) -> bool:
    # a date-time must say its offset: a bare 22:19 would mean a different minute in each zone
    if isinstance(value, datetime):
        return value.tzinfo is not None and in_range(value)
    return isinstance(value, date) and in_range(value)


def _moment_words() -> Message:
    low, high = CASE_YEARS
    return Words(
        f"tanggal atau tanggal-jam dengan selisih waktunya, tahun {low}–{high}",
        f"a date, or a date-time with its offset, in {low}–{high}",
    )


def in_range(moment: date | datetime) -> bool:
    """Whether a case's moment lies in the years tahapan counts cases in (``CASE_YEARS``): a count
    of ten years from it stays a date, and its zone's offset is whole minutes, as TOML writes it."""
    return CASE_YEARS[0] <= moment.year <= CASE_YEARS[1]


def _is_zone(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(value)
    except (ValueError, OSError, KeyError):
        return False
    return True
