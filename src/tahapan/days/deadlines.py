"""A legal deadline counted from a point in time: N calendar days, N working days or N×24 hours,
forwards ("within 3 days of") or backwards ("5 days before").

"N hari setelah X" is X + N: the day of X is not counted, the next day is the first. A deadline in
days ends at the end of its last day (24:00 in the case's zone); one in hours ends at the minute.
Nothing here knows chains or cases: ``schedule/chains.py`` says which count each step uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from tahapan.days.workdays import WorkCalendar

Unit = Literal["days", "working_days", "hours"]
UNITS: tuple[Unit, ...] = ("days", "working_days", "hours")


@dataclass(frozen=True)
class Point:
    """A day, with its minute when the time is known (aware, in the case's zone)."""

    day: date
    at: datetime | None = None

    @classmethod
    def of(cls, moment: date | datetime, zone: str) -> Point:
        if isinstance(moment, datetime):
            local = moment.astimezone(ZoneInfo(zone))
            return cls(local.date(), local)
        return cls(moment)

    @property
    def last_day(self) -> date:
        """The day a deadline at this point ends on: 00.00 closes the day before ("pukul 24.00")."""
        if self.at is not None and (self.at.hour, self.at.minute, self.at.second) == (0, 0, 0):
            return self.day - timedelta(days=1)
        return self.day


@dataclass(frozen=True)
class Count:
    n: int
    unit: Unit
    #: "5 days before": the deadline is counted back from the point
    backward: bool = False
    #: the day of the point is the first day counted ("14 hari kerja sejak dicatat", as the
    #: Constitutional Court counts from registration), not the day after it
    inclusive: bool = False


@dataclass(frozen=True)
class Due:
    """Where a count from a point ends, and the window it leaves open."""

    end: Point
    #: the first day (or minute) the window is open: the day after the point; None backwards
    start: Point | None
    #: an hour count from a point whose time is not known is counted from 00:00 of its day, the
    #: earliest it can be
    from_midnight: bool = False


def count_from(point: Point, count: Count, calendar: WorkCalendar, zone: str) -> Due:
    sign = -1 if count.backward else 1
    if count.unit == "hours":
        base = point.at or datetime.combine(point.day, time(0), ZoneInfo(zone))
        # real hours, counted in UTC: Python adds a timedelta to an aware time on its own wall
        # clock, which in a zone with summer time is an hour off across the change
        end = (base.astimezone(UTC) + timedelta(hours=sign * count.n)).astimezone(ZoneInfo(zone))
        start = None if count.backward else Point(base.date(), base)
        return Due(Point(end.date(), end), start, from_midnight=point.at is None)
    # an inclusive count starts from the day before the point, so that the point is day 1
    origin = point.day - timedelta(days=1) if count.inclusive else point.day
    if count.unit == "working_days":
        end_day = calendar.shift(origin, sign * count.n)
        first = calendar.shift(origin, 1)
    else:
        end_day = origin + timedelta(days=sign * count.n)
        first = origin + timedelta(days=1)
    start = None if count.backward or count.n == 0 else Point(first)
    return Due(Point(end_day), start)


def years_between(a: date, b: date) -> range:
    low, high = sorted((a, b))
    return range(low.year, high.year + 1)
