"""Month grids for the wall calendar: which stages run on each day, voting days and holidays.

Plain data for every renderer (terminal, PDF, HTML): weeks run Senin to Minggu; each stage shown gets a
colour and a letter (for print without colour), the same on every page and in every format of one
calendar, and a lane in each month (days/lanes.py); a stage that runs through a whole month and lasts
90 days or more goes in that month's band above the grid instead of filling every cell. A stage whose
start the sources do not give is shown, as uncertain, from where `status` counts it as running.
"""

from __future__ import annotations

import calendar as stdcal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from tahapan.colours import faded
from tahapan.days import lanes as ln
from tahapan.days import timeline as tl
from tahapan.days.months import month_bounds, month_range
from tahapan.days.palette import colours
from tahapan.days.workdays import Closed, WorkCalendar, YearDays
from tahapan.model import Election

#: what a calendar day is (``Day.kind``), drawn alike by the terminal, PDF and HTML calendars
DayKind = Literal["voting", "holiday", "cuti", "sunday", "saturday", "workday"]
#: a stage this long that covers a whole month goes in the month's band, not in every cell
BACKGROUND_DAYS = 90
SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


@dataclass(frozen=True)
class Mark:
    """A stage shown in the calendar."""

    ref: tl.StageRef
    symbol: str
    colour: str
    #: the first day it is drawn: its start, or where an unknown start counts from (pale)
    start: date

    @property
    def rank(self) -> int:
        return ln.importance(self.ref.stage)

    @property
    def known(self) -> bool:
        """Its start is known (else it is drawn pale, with "?")."""
        return self.ref.stage.start is not None

    @property
    def fill(self) -> str:
        """The colour of its bars: pale when the start is unknown."""
        return self.colour if self.known else faded(self.colour)

    @property
    def tag(self) -> str:
        """Its letter, after '? ' when the start is unknown: all a bar too short for the name says."""
        return f"{'' if self.known else '? '}{self.symbol}"


@dataclass(frozen=True)
class Day:
    day: date
    in_month: bool
    #: indices into the calendar's marks of the stages running on this day (not the month's band)
    marks: tuple[int, ...]
    #: the elections whose voting day this is
    voting: tuple[str, ...]
    holiday: Closed | None

    @property
    def kind(self) -> DayKind:
        """What the day is, for every calendar view alike: voting day before a day off, a day off
        before the weekend (a Sunday that is cuti bersama is drawn as cuti)."""
        if self.voting:
            return "voting"
        off = self.holiday.kind if self.holiday is not None else None
        if off in ("public", "local"):
            return "holiday"
        if off == "cuti":
            return "cuti"
        weekday = self.day.weekday()
        return "sunday" if weekday == 6 else "saturday" if weekday == 5 else "workday"

    @property
    def weekend(self) -> bool:
        """In the Saturday or Sunday column, whatever else the day is."""
        return self.day.weekday() >= 5


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    weeks: tuple[tuple[Day, ...], ...]
    #: stages in this month's cells, in legend order
    marks: tuple[int, ...]
    #: long stages that run through the whole month
    band: tuple[int, ...]
    #: each week's bars, in lanes that a stage keeps through the month
    segments: tuple[tuple[ln.Segment, ...], ...] = ()


def symbol(index: int) -> str:
    """The stage's letter: A-Z, a-z, 0-9, then AA, AB, ... (bijective base 62), so that no two
    stages of one calendar share one, however many there are."""
    out = ""
    index += 1
    while index:
        index, digit = divmod(index - 1, len(SYMBOLS))
        out = SYMBOLS[digit] + out
    return out


#: the elections with a stage in the months, the months' grids, the stages shown
Grid = tuple[tuple[Election, ...], tuple[Month, ...], tuple[Mark, ...]]


def grid(
    elections: list[Election],
    first: date,
    last: date,
    national: Callable[[int], YearDays] | None = None,
) -> Grid:
    """The months of ``first``..``last`` laid out: each stage shown with its letter and colour,
    each day with its stages, voting days and days off (``reports.calendar`` makes the answer).
    ``national``: where a year's national days off come from (by default the holidays package)."""
    months = month_range(first, last)
    start, end = month_bounds(first, last)
    shown = sorted(
        (
            (r, begin)
            for r in tl.all_stages(elections)
            if (begin := tl.counted_from(r.stage, r.election)) <= end and r.stage.end >= start
        ),
        key=lambda shown: (shown[1], shown[0].stage.end, shown[0].election.id, shown[0].path),
    )
    marks = tuple(
        Mark(ref, symbol(i), colour, begin)
        for i, ((ref, begin), colour) in enumerate(zip(shown, colours(shown), strict=True))
    )
    holidays: list[Any] = [h for e in elections for h in e.holidays]
    workdays = WorkCalendar(holidays, national=national)
    voting: dict[date, list[str]] = {}
    for election in elections:
        if election.voting_day is not None:
            voting.setdefault(election.voting_day, []).append(election.id)
    ranks = [m.rank for m in marks]
    starts = [m.ref.stage.start for m in marks]
    # the elections that have a stage in these months, the only ones the title and footer name
    shown_ids = {m.ref.election.id for m in marks}
    return (
        tuple(e for e in elections if e.id in shown_ids),
        tuple(_month(y, m, marks, workdays, voting, ranks, starts) for y, m in months),
        marks,
    )


def _month(
    year: int,
    month: int,
    marks: tuple[Mark, ...],
    workdays: WorkCalendar,
    voting: dict[date, list[str]],
    ranks: Sequence[int],
    starts: Sequence[date | None],
) -> Month:
    first = date(year, month, 1)
    last = date(year, month, stdcal.monthrange(year, month)[1])
    band = tuple(
        i
        for i, m in enumerate(marks)
        if m.start <= first
        and m.ref.stage.end >= last
        and (m.ref.stage.end - m.start).days + 1 >= BACKGROUND_DAYS
    )
    in_cells: set[int] = set()
    weeks: list[tuple[Day, ...]] = []
    dates = stdcal.Calendar(firstweekday=0).monthdatescalendar(year, month)
    # the stages drawn somewhere in the grid's weeks, in order: only they can run on one of its
    # days (a national calendar has tens of thousands, most of them in other months)
    banded = set(band)
    near = [
        (i, m.start, m.ref.stage.end)
        for i, m in enumerate(marks)
        if i not in banded and m.start <= dates[-1][-1] and m.ref.stage.end >= dates[0][0]
    ]
    for week in dates:
        days = []
        for day in week:
            running = tuple(i for i, start, end in near if start <= day <= end)
            if day.month == month:
                in_cells.update(running)
            days.append(
                Day(
                    day,
                    day.month == month,
                    running,
                    tuple(voting.get(day, ())),
                    workdays.closed(day),
                )
            )
        weeks.append(tuple(days))
    segments = ln.place(
        [[(d.day, d.in_month, d.marks) for d in week] for week in weeks], ranks, starts
    )
    return Month(year, month, tuple(weeks), tuple(sorted(in_cells)), band, segments)
