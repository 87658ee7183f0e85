"""Date arithmetic as officers say it: `tahapan hitung`.

Three kinds of question:

- a date on its own: ``H-30`` (with one election), ``besok``, ``14/02/2024``;
- a date moved by a count: ``2024-12-06 + 3 hari kerja``, ``3 hari kerja setelah 2024-12-06``,
  ``2024-02-14 + 35 hari``, ``H - 7``;
- a span, both ends counted: ``2023-11-28 .. 2024-02-10`` (also ``s.d.``, ``sampai``, ``to``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from tahapan.days import timeline as tl
from tahapan.days.workdays import Closed, WorkCalendar
from tahapan.errors import DateError
from tahapan.i18n import Message, Words
from tahapan.model import MAX_OFFSET_DAYS, Election, Holiday

Unit = Literal["days", "working_days", "weeks", "months"]

# longest first, so that "hari kerja" wins over "hari"
_UNIT_WORDS: dict[str, Unit] = {
    "hari kalender": "days", "calendar days": "days", "calendar day": "days",
    "hari kerja": "working_days", "working days": "working_days", "working day": "working_days",
    "work days": "working_days", "workdays": "working_days", "workday": "working_days",
    "business days": "working_days", "business day": "working_days", "hk": "working_days",
    "wd": "working_days",
    "hari": "days", "days": "days", "day": "days", "d": "days",
    "minggu": "weeks", "pekan": "weeks", "weeks": "weeks", "week": "weeks", "w": "weeks",
    "bulan": "months", "months": "months", "month": "months",
}  # fmt: skip
_SPAN = re.compile(
    r"^(?P<a>.+?)\s*(?:\.\.|…|\s(?:s\.?\s?d\.?|s/d|sampai(?: dengan)?|hingga|to|until)\s)\s*(?P<b>.+)$",
    re.IGNORECASE,
)
_SHIFT = re.compile(
    r"^(?P<a>.+?)\s+(?P<op>\+|-|−|plus|minus|tambah|kurang)\s*(?P<n>\d+)\s*(?P<unit>\D*)$",
    re.IGNORECASE,
)
_PHRASE = re.compile(
    r"^(?P<n>\d+)\s*(?P<unit>\D+?)\s+(?P<dir>setelah|sesudah|after|sebelum|before)\s+(?P<a>.+)$",
    re.IGNORECASE,
)
_BACKWARD = {"-", "−", "minus", "kurang", "sebelum", "before"}


@dataclass(frozen=True)
class DayInfo:
    """A date as `hitung` reports it: weekday, H against the election, and why it is a day off."""

    day: date
    h: int | None
    closed: Closed | None


@dataclass(frozen=True)
class Calculation:
    """One expression worked out; `hitung`'s answer is ``reports.calc.CalcReport``, built from it."""

    kind: Literal["date", "shift", "span"]
    expression: str
    election: Election | None
    first: DayInfo
    #: the result of a shift, or the last day of a span
    last: DayInfo | None = None
    count: int | None = None
    unit: Unit | None = None
    #: for a span: days both ends counted, and the working days among them
    days: int | None = None
    working_days: int | None = None
    #: days off between the two dates (a working-day shift, or a span)
    days_off: tuple[Closed, ...] = field(default=())


def calculate(
    expression: str,
    *,
    read_date: Callable[[str], date],
    election: Election | None,
    elections: tuple[Election, ...] = (),
) -> Calculation:
    """Work out one `hitung` expression.

    ``read_date`` turns a date text into a date (the CLI's parser, which knows today and H).
    ``election`` gives H and the file's own holidays; when it is None, the election whose timetable
    holds the first date is used, if any.
    """
    text = " ".join(expression.split())
    if not text:
        raise DateError(Words("tidak ada yang dihitung", "nothing to calculate"), hint=usage())
    span = _SPAN.match(text)
    if span:
        first, last = read_date(span["a"]), read_date(span["b"])
        if last < first:
            raise DateError(
                Words(
                    f"rentang terbalik: {span['b']!r} lebih awal dari {span['a']!r}",
                    f"the span runs backwards: {span['b']!r} is before {span['a']!r}",
                ),
                hint=Words("Tulis tanggal awal lebih dulu.", "Give the earlier date first."),
            )
        if (last - first).days > MAX_OFFSET_DAYS:
            raise DateError(_too_far(text))
        context = election or _election_around(elections, first)
        cal = WorkCalendar(_holidays(context))
        return Calculation(
            "span",
            text,
            context,
            _info(first, context, cal),
            _info(last, context, cal),
            days=(last - first).days + 1,
            working_days=cal.count(first, last),
            days_off=tuple(cal.closed_between(first, last)),
        )
    shift = _SHIFT.match(text) or _PHRASE.match(text)
    if shift:
        start = read_date(shift["a"])
        if len(shift["n"]) > 1000:  # int() of thousands of digits is refused by Python itself
            raise DateError(
                Words(
                    f"jumlah terlalu besar: {shift['n'][:12]}…",
                    f"count too large: {shift['n'][:12]}…",
                ),
                hint=Words("Paling jauh 3660 hari.", "At most 3660 days."),
            )
        n = int(shift["n"])
        unit = _unit(shift["unit"])
        backward = (shift.groupdict().get("op") or shift.groupdict().get("dir") or "").lower()
        sign = -1 if backward in _BACKWARD else 1
        context = election or _election_around(elections, start)
        cal = WorkCalendar(_holidays(context))
        result = _move(start, sign * n, unit, cal, text)
        days_off: tuple[Closed, ...] = ()
        if unit == "working_days":
            # the days the count stepped over, which is why the answer is later than it looks
            low, high = sorted((start, result))
            days_off = tuple(c for c in cal.closed_between(low, high) if c.day != start)
        return Calculation(
            "shift",
            text,
            context,
            _info(start, context, cal),
            _info(result, context, cal),
            count=sign * n,
            unit=unit,
            days_off=days_off,
        )
    day = read_date(text)
    context = election or _election_around(elections, day)
    return Calculation("date", text, context, _info(day, context, WorkCalendar(_holidays(context))))


def usage() -> Message:
    return Words(
        "Contoh: tahapan hitung H-30 -e pemilu-2024; tahapan hitung 2024-12-06 + 3 hari kerja; "
        "tahapan hitung 3 hari kerja setelah 2024-03-20; tahapan hitung 2023-11-28 .. 2024-02-10. "
        "Satuan: hari, hari kerja, minggu, bulan (juga days, working days, weeks, months).",
        "Examples: tahapan hitung H-30 -e pemilu-2024; tahapan hitung 2024-12-06 + 3 working days; "
        "tahapan hitung 3 working days after 2024-03-20; tahapan hitung 2023-11-28 .. 2024-02-10. "
        "Units: days, working days, weeks, months (also hari, hari kerja, minggu, bulan).",
    )


def _holidays(election: Election | None) -> tuple[Holiday, ...]:
    return election.holidays if election else ()


def _unit(words: str) -> Unit:
    key = " ".join(words.lower().split()) or "hari"
    if key in _UNIT_WORDS:
        return _UNIT_WORDS[key]
    raise DateError(
        Words(f"satuan tidak dikenal: {words.strip()!r}", f"unknown unit: {words.strip()!r}"),
        hint=usage(),
    )


def _move(start: date, n: int, unit: Unit, cal: WorkCalendar, text: str) -> date:
    # every count is bounded (ten years), so that a slip of the keyboard cannot hang the count
    if abs(n) > MAX_OFFSET_DAYS:
        raise DateError(_too_far(text))
    try:
        if unit == "working_days":
            moved = cal.shift(start, n)
        elif unit == "months":
            from dateutil.relativedelta import relativedelta

            moved = start + relativedelta(months=n)
        else:
            moved = start + timedelta(days=n * (7 if unit == "weeks" else 1))
    except (OverflowError, ValueError):
        raise DateError(_too_far(text)) from None
    if unit != "working_days" and abs((moved - start).days) > MAX_OFFSET_DAYS:
        raise DateError(_too_far(text))
    return moved


def _too_far(text: str) -> Message:
    return Words(
        f"terlalu jauh untuk dihitung: {text!r} (paling jauh {MAX_OFFSET_DAYS} hari, sekitar 10 tahun)",
        f"too far to calculate: {text!r} (at most {MAX_OFFSET_DAYS} days, about 10 years)",
    )


def _info(day: date, election: Election | None, cal: WorkCalendar) -> DayInfo:
    h = None if election is None else tl.h_day(election, day)
    return DayInfo(day, h, cal.closed(day))


def _election_around(elections: tuple[Election, ...], day: date) -> Election | None:
    """The election whose timetable (first known start to last end) holds ``day``; the one with the
    nearest voting day when several do."""
    holding = []
    for election in elections:
        if election.kind == "programme":  # no voting day to count H from, no days off of its own
            continue
        begun = tl.known_from(election)
        if begun is not None and begun <= day <= max(s.end for _, s in election.walk()):
            holding.append(election)
    if not holding:
        return None
    # an election whose voting day is not set is the last choice
    return min(holding, key=lambda e: abs(h) if (h := tl.h_day(e, day)) is not None else 10**6)
