"""The changes of `tahapan kasus add|done|close|remove`, each checked against the cases file as it
is under the lock (``cases.change_cases``), as ``editing.py`` holds those of `tahapan stage`."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from tahapan.errors import TahapanError
from tahapan.i18n import LANGUAGES, Words, format_date
from tahapan.model import ID_PATTERN
from tahapan.schedule.cases import MAX_ID, MAX_NAME, Case, CaseBook, case_table
from tahapan.text import one_line

#: a change of the file's tables; returns what was done ("added", "done", ...)
Change = Callable[[dict[str, Any], CaseBook], str]


def check_new_case(ident: str, name: str | None) -> None:
    """Refuse an id or a name a case cannot have, before anything is read."""
    if not re.fullmatch(ID_PATTERN, ident) or len(ident) > MAX_ID:
        raise TahapanError(
            Words(f"format ID kasus salah: {ident!r}", f"not a valid case id: {ident!r}"),
            hint=Words(
                "Gunakan huruf kecil, angka, dan tanda hubung, mis. pidana-2024-001.",
                "Use lower-case letters, digits and hyphens, e.g. pidana-2024-001.",
            ),
        )
    if name is not None and not name.strip():
        raise TahapanError(Words("--name kosong", "--name is empty"))
    if name is not None and (len(name) > MAX_NAME or _not_text(name)):
        raise TahapanError(
            Words(
                f"--name: paling panjang {MAX_NAME} huruf, teks UTF-8",
                f"--name: at most {MAX_NAME} characters of UTF-8 text",
            )
        )


def adding(
    ident: str,
    chain: str,
    event: date | datetime,
    zone: str,
    name: str | None,
    region: str | None,
) -> Change:
    def add(data: dict[str, Any], book: CaseBook) -> str:
        book.chain(chain)  # an unknown chain is named with the known ones
        if any(c.id == ident for c in book.cases):
            raise TahapanError(
                Words(f"kasus {ident} sudah ada", f"case {ident} already exists"),
                hint=Words(
                    "Gunakan ID lain. Untuk melihat kasus itu: tahapan kasus show " + ident,
                    "Choose another id. To see that case: tahapan kasus show " + ident,
                ),
            )
        table: dict[str, Any] = {"id": ident, "chain": chain, "event": event, "zone": zone}
        if name:
            table["name"] = one_line(name)
        if region is not None:
            table["region"] = region
        data.setdefault("cases", []).append(table)
        return "added"

    return add


def recording(
    ident: str,
    step: str,
    moment_of: Callable[[Case], date | datetime],
    now: datetime,
    recorded: list[date | datetime],
) -> Change:
    """The change that records ``step`` as happened at ``moment_of(case)`` (read in the case's
    zone), refused before the event or later than ``now``; the moment is added to ``recorded``."""

    def record(data: dict[str, Any], book: CaseBook) -> str:
        case = _case_step(book, ident, step)
        moment = moment_of(case)
        if _before(moment, case.event):
            event = [format_date(day_of(case.event), lang=lang) for lang in LANGUAGES]
            raise TahapanError(
                Words(
                    f"langkah {step} tidak dapat dicatat terjadi sebelum peristiwa awal kasus "
                    f"({event[0]})",
                    f"step {step} cannot be recorded before the case's event ({event[1]})",
                )
            )
        if moment > now if isinstance(moment, datetime) else moment > now.date():
            on = [format_date(day_of(moment), lang=lang) for lang in LANGUAGES]
            today_is = [format_date(now.date(), lang=lang) for lang in LANGUAGES]
            raise TahapanError(
                Words(
                    f"langkah {step} tidak dapat dicatat terjadi pada {on[0]} karena tanggal itu "
                    f"belum tiba (hari ini {today_is[0]})",
                    f"step {step} cannot be recorded as happened on {on[1]}: that day has not come "
                    f"(today is {today_is[1]})",
                ),
                hint=Words(
                    "Catat langkah setelah terjadi; tenggatnya tampil di `tahapan kasus show`.",
                    "Record a step once it happened; its deadline shows in `tahapan kasus show`.",
                ),
            )
        case_table(data, ident).setdefault("done", {})[step] = moment
        recorded.append(moment)
        return "done"

    return record


def undoing(ident: str, step: str) -> Change:
    def undo(data: dict[str, Any], book: CaseBook) -> str:
        _case_step(book, ident, step)
        table = case_table(data, ident)
        if table.get("done", {}).pop(step, None) is None:
            raise TahapanError(
                Words(
                    f"langkah {step} pada kasus {ident} belum pernah dicatat",
                    f"step {step} of case {ident} was never recorded",
                )
            )
        if not table.get("done"):
            table.pop("done", None)
        return "undone"

    return undo


def closing(ident: str, day: date, today: date) -> Change:
    def close(data: dict[str, Any], book: CaseBook) -> str:
        case = book.case(ident)
        if case.closed is not None:
            raise TahapanError(
                Words(
                    f"kasus {ident} sudah ditutup pada {format_date(case.closed, lang='id')}",
                    f"case {ident} was closed on {format_date(case.closed, lang='en')}",
                ),
                hint=Words(
                    f"Buka kembali dengan: tahapan kasus close {ident} --reopen",
                    f"Reopen it with: tahapan kasus close {ident} --reopen",
                ),
            )
        if day > today or day < day_of(case.event):
            event = [format_date(day_of(case.event), lang=lang) for lang in LANGUAGES]
            raise TahapanError(
                Words(
                    f"tanggal penutupan {format_date(day, lang='id')} harus antara peristiwa awal "
                    f"({event[0]}) dan hari ini",
                    f"the closing day {format_date(day, lang='en')} must lie between the event "
                    f"({event[1]}) "
                    "and today",
                )
            )
        case_table(data, ident)["closed"] = day
        return "closed"

    return close


def reopening(ident: str) -> Change:
    def reopen(data: dict[str, Any], book: CaseBook) -> str:
        if book.case(ident).closed is None:
            raise TahapanError(Words(f"kasus {ident} tidak ditutup", f"case {ident} is not closed"))
        case_table(data, ident).pop("closed", None)
        return "reopened"

    return reopen


def removing(ident: str) -> Change:
    def remove(data: dict[str, Any], book: CaseBook) -> str:
        book.case(ident)
        data["cases"].remove(case_table(data, ident))
        if not data["cases"]:
            data.pop("cases")
        return "removed"

    return remove


def day_of(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _case_step(book: CaseBook, ident: str, step: str) -> Case:
    case = book.case(ident)
    chain = book.chain(case.chain)
    if chain.step(step) is None:
        raise TahapanError(
            Words(
                f"alur {chain.id} tidak memiliki langkah {step!r}",
                f"chain {chain.id} has no step {step!r}",
            ),
            hint=Words("Langkah yang tersedia: ", "Its steps: ")
            + ", ".join(s.id for s in chain.steps),
        )
    return case


def _before(moment: date | datetime, event: date | datetime) -> bool:
    """Whether ``moment`` is before the event: to the minute when both have one, else by day."""
    if isinstance(moment, datetime) and isinstance(event, datetime):
        return moment < event
    return day_of(moment) < day_of(event)


def _not_text(value: str) -> bool:
    """Bytes the terminal gave that are not UTF-8 (Python keeps them as lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
