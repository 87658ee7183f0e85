"""Schedules as files for other programs: TOML (tahapan's own), CSV (spreadsheets), iCalendar."""

from __future__ import annotations

from collections.abc import Iterator

from tahapan.reports.export import ScheduleExport


def toml_text(result: ScheduleExport) -> Iterator[str]:
    from tahapan.schedule.writer import schedule_pieces

    return schedule_pieces(result.elections, result.regions)


def csv_text(result: ScheduleExport) -> Iterator[str]:
    from tahapan.schedule.tabular import csv_lines

    return csv_lines(result.elections)


def ics_text(result: ScheduleExport) -> str:
    from tahapan.days.dates import now
    from tahapan.render.calendar_ics import write_ics

    return write_ics(
        result.elections,
        stamp=result.stamp or now("UTC"),
        alarm_days=result.alarm_days,
        versions=result.versions,
        max_days=result.max_days,
        pins=result.pins,
    )
