"""Working days (hari kerja): Monday to Friday, less Indonesian public holidays, cuti bersama and the
extra days off a schedule file declares.

The national list comes from the ``holidays`` package (Indonesia, categories public and government; the
second holds cuti bersama). It is imported on first use only: most commands never count working days.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from tahapan.model import Holiday

DayOff = Literal["weekend", "public", "cuti", "local"]


@dataclass(frozen=True)
class Closed:
    """A day that is not a working day, and why."""

    day: date
    kind: DayOff
    #: its names: Indonesian (the decree's) and English; the view picks one
    name: str
    name_en: str

    def payload(self) -> dict[str, str]:
        """As JSON answers give a day off: the same in either language."""
        return {"kind": self.kind, "name": self.name, "name_en": self.name_en}


#: the national days off of one year, each with its kind and its names (Indonesian, English)
YearDays = list[tuple[date, DayOff, str, str]]


class WorkCalendar:
    def __init__(
        self, extra: Iterable[Holiday] = (), national: Callable[[int], YearDays] | None = None
    ) -> None:
        self._extra = {h.date: h for h in extra}
        self._years: dict[int, dict[date, Closed]] = {}
        #: where a year's national days come from: the holidays package, or a cache of it
        self._national_days = national or year_days

    def closed(self, day: date) -> Closed | None:
        """Why ``day`` is not a working day, or None when it is one."""
        local = self._extra.get(day)
        if local is not None:
            return Closed(day, "local", local.name, local.name_en or local.name)
        national = self._national(day.year).get(day)
        if national is not None:
            return national
        if day.weekday() >= 5:
            return Closed(day, "weekend", "akhir pekan", "weekend")
        return None

    def is_working(self, day: date) -> bool:
        return self.closed(day) is None

    def shift(self, day: date, n: int) -> date:
        """The n-th working day after ``day`` (before it when n < 0); ``day`` itself when n == 0."""
        step = timedelta(days=1 if n > 0 else -1)
        left = abs(n)
        while left:
            day += step
            if self.is_working(day):
                left -= 1
        return day

    def count(self, first: date, last: date) -> int:
        """Working days from ``first`` to ``last``, both counted."""
        return sum(1 for d in _days(first, last) if self.is_working(d))

    def closed_between(self, first: date, last: date) -> list[Closed]:
        """Every day off from ``first`` to ``last``, both counted, in order."""
        return [c for d in _days(first, last) if (c := self.closed(d)) is not None]

    def nth_working(self, first: date, n: int) -> date:
        """The n-th working day counting ``first`` itself as the first when it is one (n >= 1)."""
        return self.shift(first - timedelta(days=1), n)

    def _national(self, year: int) -> dict[date, Closed]:
        if year not in self._years:
            self._years[year] = {
                day: Closed(day, kind, name_id, name_en)
                for day, kind, name_id, name_en in self._national_days(year)
            }
        return self._years[year]


def _days(first: date, last: date) -> Iterator[date]:
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


def year_days(year: int) -> YearDays:
    """The national days off of ``year`` from the holidays package, in both languages."""
    from holidays.countries.indonesia import Indonesia  # heavy (≈0.1 s): only when counting

    if not 1 <= year <= 9998:
        return []
    found: dict[date, tuple[date, DayOff, str, str]] = {}
    for category, kind in (("public", "public"), ("government", "cuti")):
        names_id = Indonesia(years=year, categories=(category,), language="id")
        names_en = Indonesia(years=year, categories=(category,), language="en_US")
        for day, name in names_id.items():
            # a day that is both keeps its public-holiday name
            found.setdefault(day, (day, kind, name, names_en.get(day, name)))  # type: ignore[arg-type]
    return sorted(found.values())


def holiday_data() -> tuple[str, int | None]:
    """The `holidays` package's version, and the last year whose decree (SKB of public holidays
    and cuti bersama) it carries.

    The package answers for any year, with estimates for years no decree covers yet; cuti bersama
    come only from the decrees (no rule makes them), so the last year with any is the last decree.
    """
    import holidays
    from holidays.countries.indonesia import Indonesia

    cuti = Indonesia(years=range(2002, 2101), categories=("government",))
    last = max((day.year for day in cuti), default=None)
    return str(getattr(holidays, "__version__", "?")), last


def holidays_payload() -> dict[str, object]:
    """The holiday data as JSON answers name it (`hitung --json`, `data --json`)."""
    version, until = holiday_data()
    return {"package": "holidays", "version": version, "decrees_until": until}
