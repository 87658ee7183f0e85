"""`tahapan calendar`: which elections, stages and months a calendar shows, chosen once here for
every format, and the month grids' answer (``CalendarReport``; ``days.monthgrid`` lays the months
out). ics and csv answer with a ``ScheduleExport`` of the same choice."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from tahapan.days import months as mo
from tahapan.days.monthgrid import Mark, Month, grid
from tahapan.days.pins import Pin, within
from tahapan.i18n import Words
from tahapan.model import Election, Region
from tahapan.reports.export import ScheduleExport

if TYPE_CHECKING:
    from tahapan.schedule.catalog import Catalog

#: what a calendar leaves out, counted for the command to say on stderr: stages longer than
#: --max-days, case deadlines outside the months shown
Notice = Callable[[Literal["left-out", "pins-outside"], int], None]


@dataclass(frozen=True)
class CalendarReport:
    elections: tuple[Election, ...]
    months: tuple[Month, ...]
    marks: tuple[Mark, ...]
    generated: date
    region: Region | None = None
    #: a PDF month on one A4 sheet, set tighter (`calendar --one-page`)
    one_page: bool = False
    #: the open cases' deadlines (`calendar --cases`); None: not asked for, as by default
    pins: tuple[Pin, ...] | None = None

    def named(self, month: Month | None = None) -> tuple[Election, ...]:
        """The elections with a stage in ``month`` (a page names no other), or in any month."""
        if month is None:
            return self.elections
        ids = {self.marks[i].ref.election.id for i in (*month.band, *month.marks)}
        return tuple(e for e in self.elections if e.id in ids)

    @property
    def first(self) -> date:
        return date(self.months[0].year, self.months[0].month, 1)

    @property
    def last(self) -> date:
        month = self.months[-1]
        return mo.month_bounds(self.first, date(month.year, month.month, 1))[1]

    exit_code = 0

    def payload(self) -> dict[str, Any]:
        cases = {} if self.pins is None else {"cases": [dict(p.data) for p in self.pins]}
        return {
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "elections": [e.id for e in self.elections],
            "region": None if self.region is None else self.region.id,
            "stages": [
                {
                    "symbol": m.symbol,
                    "colour": m.colour,
                    "fill": m.fill,
                    "election": m.ref.election.id,
                    "path": m.ref.path,
                    "name": m.ref.stage.name,
                    "name_en": m.ref.stage.name_en or m.ref.stage.name,
                    "start": None if m.ref.stage.start is None else m.ref.stage.start.isoformat(),
                    "end": m.ref.stage.end.isoformat(),
                    "projected": m.ref.stage.projected,
                    "date_source": m.ref.election.dating(m.ref.stage),
                }
                for m in self.marks
            ],
            "months": [
                {
                    "month": f"{month.year:04d}-{month.month:02d}",
                    "band": [self.marks[i].symbol for i in month.band],
                    "days": [
                        {
                            "date": d.day.isoformat(),
                            "stages": [self.marks[i].symbol for i in d.marks],
                            "voting": list(d.voting),
                            "holiday": None
                            if d.holiday is None or d.holiday.kind == "weekend"
                            else d.holiday.payload(),
                        }
                        for week in month.weeks
                        for d in week
                        if d.in_month
                    ],
                }
                for month in self.months
            ],
            **cases,
        }


def month_pins(report: CalendarReport, month: Month) -> tuple[Pin, ...]:
    """The case deadlines in ``month`` (`calendar --cases`), in the order its key lists them."""
    first = date(month.year, month.month, 1)
    return within(report.pins or (), *mo.month_bounds(first, first))


def build(
    elections: list[Election],
    first: date,
    last: date,
    *,
    generated: date,
    region: Region | None = None,
    one_page: bool = False,
) -> CalendarReport:
    """The month grids of ``first``..``last`` for ``elections`` as given."""
    # the national days off from the cache folder: the holidays package takes longer to import
    # and ask than the whole calendar takes to lay out
    from tahapan.schedule.holiday_cache import national_days

    shown, months, marks = grid(elections, first, last, national=national_days)
    return CalendarReport(shown, months, marks, generated, region, one_page)


@dataclass(frozen=True)
class Asked:
    """The months a calendar was asked for: --month, --year, --from, --to (all None: the default)."""

    month: str | None = None
    year: int | None = None
    start: str | None = None
    end: str | None = None


def calendar_report(
    catalog: Catalog,
    ids: Sequence[str],
    asked: Asked,
    *,
    today: date,
    generated: date,
    region: Region | None = None,
    one_page: bool = False,
    pins: tuple[Pin, ...] | None = None,
    notice: Notice = lambda kind, n: None,
) -> CalendarReport:
    """The month grids (terminal, PDF, HTML, JSON): the months asked for, else from ``today``'s
    month to the one the next stage starts in; the chosen elections (``ids``; none: every loaded
    one, those near ``today`` choosing the default months), repeating stages as their
    occurrences in those months; ``pins`` (`--cases`) within them."""
    from tahapan.schedule.recurrence import around, expand_all

    chosen, nearby, months = _choice(catalog, ids, asked, today)
    first, last = months or mo.default_range(expand_all(nearby, *around(today)), today)
    chosen = expand_all(chosen, *mo.month_bounds(first, last))
    # "made on" is the real day (``generated``), whatever date --on looks at
    report = build(chosen, first, last, generated=generated, region=region, one_page=one_page)
    if pins is not None:
        report = replace(report, pins=_shown(pins, notice, report.first, report.last))
    return report


def calendar_export(
    catalog: Catalog,
    ids: Sequence[str],
    asked: Asked,
    *,
    today: date,
    stamp: datetime,
    rows: bool,
    alarm_days: tuple[int, ...] = (),
    max_days: int | None = None,
    pins: tuple[Pin, ...] | None = None,
    loaded: Catalog | None = None,
    notice: Notice = lambda kind, n: None,
) -> ScheduleExport:
    """The stages for a phone calendar (ics, a repeating stage kept as its rule) or a spreadsheet
    (``rows``: csv, a row per occurrence): every stage of the chosen elections, or those in the
    months asked for; ``max_days`` leaves long ones out (ics). Refused when nothing is left."""
    from tahapan.errors import TahapanError
    from tahapan.reports.export import count_left_out, left_out
    from tahapan.schedule.recurrence import around, expand_all

    chosen, nearby, months = _choice(catalog, ids, asked, today)
    if months is not None:  # only the elections with a stage in the months, as in the grids
        kept = [mo.within(e, *months) for e in chosen]
        chosen = [e for e in kept if any(s.held for _, s in e.walk())]
    else:
        chosen = nearby
    if rows:  # a row per occurrence; iCalendar keeps the rule
        chosen = expand_all(chosen, *(mo.month_bounds(*months) if months else around(today)))
    if max_days is not None and (n := count_left_out(chosen, max_days)):
        notice("left-out", n)
    if not any(s.held and not left_out(s, max_days) for e in chosen for _, s in e.walk()):
        raise TahapanError(
            Words(
                "tidak ada tahapan untuk kalender ini (pemilu yang belum memiliki tahapan, "
                "atau bulan tanpa tahapan)",
                "no stage for this calendar (an election with no stages yet, or months "
                "without any)",
            ),
            hint=Words("Pilih pemilu atau bulan lain.", "Choose another election or months."),
        )
    export = ScheduleExport(chosen, stamp=stamp, alarm_days=alarm_days, max_days=max_days)
    if pins:
        export.pins = _shown(pins, notice, *(mo.month_bounds(*months) if months else ()))
    if not rows:
        from tahapan.reports.versions import current_versions

        export.versions = current_versions(loaded or catalog, chosen, stamp)
    return export


def _choice(
    catalog: Catalog, ids: Sequence[str], asked: Asked, today: date
) -> tuple[list[Election], list[Election], tuple[date, date] | None]:
    """The elections chosen, those of them near ``today`` (for the default months), and the
    months asked for (None: the default)."""
    from tahapan.days.timeline import near_elections
    from tahapan.schedule.recurrence import around, expand_all
    from tahapan.schedule.select import pick_elections

    # repeating stages as their occurrences near the date, to choose elections and months by
    near = expand_all(catalog.elections, *around(today, 400, 800))
    # without -e every loaded election may have a stage in the months shown (the calendar names
    # only those that do); the default months still come from the elections near the date
    chosen = pick_elections(catalog, list(ids)) if ids else list(catalog.elections)
    near_ids = {e.id for e in near_elections(near, today)}
    nearby = chosen if ids else [e for e in chosen if e.id in near_ids] or chosen
    # H-30 .. H count from the voting day of the one election chosen, as --on does
    voting_day = chosen[0].voting_day if ids and len(chosen) == 1 else None
    months = mo.requested_range(asked.month, asked.year, asked.start, asked.end, today, voting_day)
    return chosen, nearby, months


def _shown(
    pins: tuple[Pin, ...], notice: Notice, first: date | None = None, last: date | None = None
) -> tuple[Pin, ...]:
    """The pins from ``first`` to ``last`` (every one without them); how many fall outside is
    noticed: a calendar without them is not mistaken for every deadline."""
    kept = within(pins, first or date.min, last or date.max)
    if len(pins) - len(kept):
        notice("pins-outside", len(pins) - len(kept))
    return kept
