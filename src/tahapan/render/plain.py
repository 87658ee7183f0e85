"""Plain-text answers for scripts and cron: one line per fact, no colour, no Rich."""

from __future__ import annotations

import sys

from tahapan.i18n import days, h_label, tr
from tahapan.report import CheckReport, ShowReport
from tahapan.timeline import h_day


def render_check(report: CheckReport) -> None:
    out = sys.stdout
    if report.stage is not None:
        out.write(_active_line(report.stage) + "\n")
        return
    # one tab-separated line per event: date, H, election, path, starts/ends, name
    for e in report.events:
        kind = {
            "start": tr("mulai", "starts"),
            "end": tr("berakhir", "ends"),
            "day": tr("hari itu", "on the day"),
        }[e.kind]
        name = tr(e.ref.stage.name, e.ref.stage.name_en)
        fields = [
            e.day.isoformat(),
            h_label(h_day(e.ref.election, e.day)),
            e.ref.election.id,
            e.ref.path,
            kind,
            name,
        ]
        out.write("\t".join(fields) + "\n")


def _active_line(show: ShowReport) -> str:
    where = f"{show.ref.election.id}/{show.ref.path}"
    if show.position == "active":
        if show.day is None:
            return tr(
                f"ya: {where} berjalan, sisa {show.days_left} hari",
                f"yes: {where} is running, {days(show.days_left or 0)} left",
            )
        total = show.ref.stage.days_total
        return tr(
            f"ya: {where} berjalan, hari {show.day} dari {total}, sisa {show.days_left} hari",
            f"yes: {where} is running, day {show.day} of {total}, {days(show.days_left or 0)} left",
        )
    why = {
        "upcoming": tr(
            f"mulai dalam {show.days_until} hari", f"starts in {days(show.days_until or 0)}"
        ),
        "ended": tr(
            f"berakhir {show.days_since} hari lalu", f"ended {days(show.days_since or 0)} ago"
        ),
        "not-held": tr("tidak dilaksanakan", "not held"),
        "unknown": tr("mulai tidak diketahui", "start not known"),
    }[show.position]
    return tr(
        f"tidak: {where} tidak berjalan pada {show.date} ({why})",
        f"no: {where} is not running on {show.date} ({why})",
    )
