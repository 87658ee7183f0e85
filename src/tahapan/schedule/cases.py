"""The user's cases: each a chain started from one event, with the steps done so far.

Cases are kept in their own file (``kasus.toml`` beside the user's schedule file, or
TAHAPAN_CASES_FILE), never in a schedule file: a case is private work (a published calendar never
reads this file), and marking a step done must not change the schedules every command caches. The
file may hold an office's own ``[[chains]]`` too. Every change runs under the file's lock, is checked
whole, and replaces the file atomically with the old one kept as ``.bak``, as schedule edits are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tahapan.config import cases_file
from tahapan.errors import DataError, TahapanError
from tahapan.i18n import tr
from tahapan.model import FILE_SCHEMA, ID_PATTERN
from tahapan.schedule.chains import Chain, chain_file_tables, merge_chains, shipped_chains_path

HEADER = (
    "# Dikelola oleh tahapan (`tahapan kasus add|done|close|remove`); versi sebelumnya ada di .bak.\n"
    "# Managed by tahapan; the previous version is kept beside it as .bak.\n"
)
Moment = date | datetime
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

        known = ", ".join(c.id for c in self.cases) or tr("belum ada", "none yet")
        raise UnknownNameError(
            tr(f"kasus {ident!r} tidak ditemukan", f"unknown case: {ident!r}"),
            hint=tr(f"Kasus yang ada: {known}.", f"Cases: {known}."),
        )

    def chain(self, ident: str) -> Chain:
        if ident in self.chains:
            return self.chains[ident]
        from tahapan.errors import UnknownNameError

        raise UnknownNameError(
            tr(f"alur tenggat tidak dikenal: {ident!r}", f"unknown deadline chain: {ident!r}"),
            hint=tr("Alur yang tersedia: ", "Chains: ") + ", ".join(self.chains),
        )


def load_book(path: Path | None = None) -> CaseBook:
    path = path or cases_file()
    data = _read(path) if path.is_file() else {}
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
            + tr(
                f"kunci tidak dikenal: {', '.join(unknown)} (berkas kasus berisi [[cases]] dan "
                "[[chains]])",
                f"unknown keys: {', '.join(unknown)} (a cases file holds [[cases]] and [[chains]])",
            )
        )
    cases: list[Case] = []
    tables = data.get("cases", [])
    for index, table in enumerate(tables if isinstance(tables, list) else [tables]):
        found: list[str] = []
        case = _case(table, chains, found)
        label = table.get("id") if isinstance(table, Mapping) else None
        where = f"{path}: {label if isinstance(label, str) else f'cases[{index}]'}"
        if case is not None and any(c.id == case.id for c in cases):
            found.append(tr("id kasus dipakai dua kali", "case id given twice"))
        problems += [f"{where}: {p}" for p in found]
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
        if where.exists() and not is_special(where):
            data = _read(where)
        said = mutate(data, book_of(data, path))
        book_of(data, path)  # the new content loads, or nothing is written
        backup = commit(where, tables_text(data, header=HEADER).encode("utf-8"), backup=True)
    return said, backup


def case_table(data: dict[str, Any], ident: str) -> dict[str, Any]:
    for table in data.get("cases", []):
        if table.get("id") == ident:
            return table  # type: ignore[no-any-return]
    raise TahapanError(tr(f"kasus {ident!r} tidak ditemukan", f"unknown case: {ident!r}"))


def _read(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        text = path.read_bytes().decode("utf-8-sig")
        return tomllib.loads(text)
    except OSError as err:
        from tahapan.errors import UnreadableError

        raise UnreadableError([f"{path}: {err.strerror or err}"]) from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise DataError([f"{path}: {err}"]) from None


def _case(table: Any, chains: dict[str, Chain], problems: list[str]) -> Case | None:
    import re

    if not isinstance(table, Mapping):
        problems.append(tr("harus berupa tabel [[cases]]", "must be a [[cases]] table"))
        return None
    unknown = sorted(str(k) for k in table if k not in _CASE_KEYS)
    if unknown:
        problems.append(tr("kunci tidak dikenal: ", "unknown keys: ") + ", ".join(unknown))
    ident, chain_id, event = table.get("id"), table.get("chain"), table.get("event")
    if not isinstance(ident, str) or not re.match(ID_PATTERN, ident):
        problems.append(
            "id: "
            + tr("huruf kecil, angka dan tanda hubung", "lower-case letters, digits, hyphens")
        )
    chain = chains.get(chain_id) if isinstance(chain_id, str) else None
    if chain is None:
        problems.append(f"chain = {chain_id!r}: " + tr("alur tidak dikenal", "unknown chain"))
    if not _is_moment(event):
        problems.append("event: " + tr("tanggal atau tanggal-jam", "a date or a date-time"))
    zone = table.get("zone", "Asia/Jakarta")
    if not _is_zone(zone):
        problems.append(f"zone = {zone!r}: " + tr("zona waktu tidak dikenal", "unknown time zone"))
    done = table.get("done", {})
    if not isinstance(done, Mapping):
        problems.append("done: " + tr("harus berupa tabel", "must be a table"))
        done = {}
    for step, when in done.items():
        if chain is not None and chain.step(step) is None:
            problems.append(
                f"done.{step}: " + tr(f"bukan langkah {chain.id}", f"not a step of {chain.id}")
            )
        if not _is_moment(when):
            problems.append(
                f"done.{step}: " + tr("tanggal atau tanggal-jam", "a date or a date-time")
            )
    closed = table.get("closed")
    if closed is not None and (isinstance(closed, datetime) or not isinstance(closed, date)):
        problems.append("closed: " + tr("tanggal", "a date"))
    texts = {k: table.get(k) for k in ("name", "region")}
    for key, value in texts.items():
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(f"{key}: " + tr("teks yang tidak kosong", "a text that is not empty"))
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
        return value.tzinfo is not None
    return isinstance(value, date)


def _is_zone(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(value)
    except (ValueError, OSError, KeyError):
        return False
    return True
