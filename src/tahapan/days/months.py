"""Which months a calendar shows: asked for (--month, --year, --from/--to) or chosen for the date."""

from __future__ import annotations

import calendar as stdcal
import re
from dataclasses import replace
from datetime import date, timedelta

from tahapan.days import timeline as tl
from tahapan.errors import DateError, TahapanError
from tahapan.i18n import Words
from tahapan.model import Election, Stage

#: the most months one calendar holds (three years), so a typo cannot ask for a thousand pages
MAX_MONTHS = 36


def month_range(first: date, last: date) -> list[tuple[int, int]]:
    """(year, month) from the month of ``first`` to that of ``last``."""
    if (first.year, first.month) == (1, 1) or (last.year, last.month) == (9999, 12):
        # a month grid shows whole weeks: the days before January 1 or after December 9999 do
        # not exist
        raise DateError(
            Words(
                "kalender hanya untuk bulan Februari tahun 1 sampai November 9999",
                "calendars cover February of the year 1 to November 9999 only",
            ),
            hint=Words("Pilih bulan lain.", "Choose another month."),
        )
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
        if len(months) > MAX_MONTHS:
            raise DateError(
                Words(
                    f"terlalu banyak bulan: paling banyak {MAX_MONTHS} dalam satu kalender",
                    f"too many months: at most {MAX_MONTHS} in one calendar",
                ),
                hint=Words(
                    "Pilih --year atau --from/--to yang lebih pendek.",
                    "Choose a shorter --year or --from/--to.",
                ),
            )
    return months


def month_bounds(first: date, last: date) -> tuple[date, date]:
    """The first day of ``first``'s month and the last day of ``last``'s (at most MAX_MONTHS)."""
    months = month_range(first, last)
    return date(*months[0], 1), date(*months[-1], stdcal.monthrange(*months[-1])[1])


def default_range(elections: list[Election], today: date) -> tuple[date, date]:
    """From this month to the month the next stage starts in (at least two months, at most twelve)."""
    running = tl.active(elections, today)
    upcoming = tl.upcoming(elections, today)
    if not running and not upcoming:
        raise DateError(
            Words(
                "tidak ada tahapan yang berjalan atau akan datang; sebutkan bulannya",
                "no stage is running or coming up; say which months",
            ),
            hint=Words(
                "Contoh: --month 2024-11, --year 2024, atau --from 2024-06-01 --to 2024-12-31.",
                "E.g. --month 2024-11, --year 2024, or --from 2024-06-01 --to 2024-12-31.",
            ),
        )
    # near the year 9999 (a repeating stage runs there) the range stops at the calendar's end
    ahead = today + timedelta(days=31) if today <= date.max - timedelta(days=31) else date.max
    last = max([u.ref.stage.start or today for u in upcoming] + [ahead])
    year = today.year + (today.month + 10) // 12
    cap = date(year, (today.month + 10) % 12 + 1, 1) if year <= date.max.year else date.max
    return date(today.year, today.month, 1), min(last, cap)


def requested_range(
    month: str | None,
    year: int | None,
    start: str | None,
    end: str | None,
    today: date,
    voting_day: date | None = None,
) -> tuple[date, date] | None:
    """The months asked for with --month, --year or --from/--to; None when none was given."""
    from tahapan.days.dates import parse_date

    given = [
        flag
        for flag, v in (("--month", month), ("--year", year), ("--from/--to", start or end))
        if v is not None
    ]
    if len(given) > 1:
        raise TahapanError(
            Words(f"pilih satu dari {', '.join(given)}", f"choose one of {', '.join(given)}"),
            hint=Words(
                "--month 2024-11, --year 2024, atau --from TANGGAL --to TANGGAL.",
                "--month 2024-11, --year 2024, or --from DATE --to DATE.",
            ),
        )
    if month is not None:
        try:
            if not re.fullmatch(r"[0-9]{4}-[0-9]{1,2}", month.strip()):
                raise ValueError(month)  # a two-digit year would be the year 24, not 2024
            y, m = (int(part) for part in month.strip().split("-"))
            first = date(y, m, 1)
        except ValueError:
            raise DateError(
                Words(f"bulan tidak dikenali: {month!r}", f"not a month: {month!r}"),
                hint=Words("Tulis TTTT-BB, misalnya 2024-11.", "Write YYYY-MM, e.g. 2024-11."),
            ) from None
        return first, first
    if year is not None:
        if not 1000 <= year <= 9998:  # four digits, as everywhere a year is written
            raise DateError(
                Words(f"tahun di luar kalender: {year}", f"year outside the calendar: {year}")
            )
        return date(year, 1, 1), date(year, 12, 31)
    if start or end:
        if not (start and end):
            raise DateError(
                Words("--from dan --to harus diberikan bersama", "give --from and --to together")
            )
        first = parse_date(start, today=today, voting_day=voting_day)
        last = parse_date(end, today=today, voting_day=voting_day)
        if last < first:
            raise DateError(
                Words(
                    f"--to {last} lebih awal dari --from {first}",
                    f"--to {last} is before --from {first}",
                )
            )
        return first, last
    return None


def within(election: Election, first: date, last: date) -> Election:
    """The election with only the stages that touch the months of first..last."""
    start, end = month_bounds(first, last)

    def keep(stages: tuple[Stage, ...]) -> tuple[Stage, ...]:
        # an unknown start counts from where status counts it, as in the month grids; a repeating
        # stage that has begun by the window's end is kept whole (its rule goes into iCalendar,
        # whose clients expand it)
        return tuple(
            replace(s, stages=keep(s.stages))
            for s in stages
            if (s.repeat is not None and s.start is not None and s.start <= end)
            or (tl.counted_from(s, election) <= end and s.end >= start)
        )

    return replace(election, stages=keep(election.stages))
