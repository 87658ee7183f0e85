"""Plain-text answers for scripts and cron: one line per fact, no colour, no Rich."""

from __future__ import annotations

import sys

from tahapan.i18n import days, h_label, tr
from tahapan.report import CheckReport
from tahapan.timeline import h_day


def render_check(report: CheckReport) -> None:
    out = sys.stdout
    if report.question == "active" and report.stage is not None:
        where = f"{report.stage.election.id}/{report.stage.path}"
        a = report.active
        if a is None:
            stage = report.stage.stage
            if stage.start is not None and report.date < stage.start:
                n = (stage.start - report.date).days
                why = tr(f"mulai dalam {n} hari", f"starts in {days(n)}")
            elif report.date > stage.end:
                n = (report.date - stage.end).days
                why = tr(f"berakhir {n} hari lalu", f"ended {days(n)} ago")
            else:
                why = (
                    tr("tidak dilaksanakan", "not held")
                    if not stage.held
                    else tr("mulai tidak diketahui", "start not known")
                )
            out.write(
                tr(
                    f"tidak: {where} tidak berjalan pada {report.date} ({why})\n",
                    f"no: {where} is not running on {report.date} ({why})\n",
                )
            )
        elif a.day is None:
            out.write(
                tr(
                    f"ya: {where} berjalan, sisa {a.days_left} hari\n",
                    f"yes: {where} is running, {days(a.days_left)} left\n",
                )
            )
        else:
            out.write(
                tr(
                    f"ya: {where} berjalan, hari {a.day} dari {a.days_total}, sisa {a.days_left} hari\n",
                    f"yes: {where} is running, day {a.day} of {a.days_total}, {days(a.days_left)} left\n",
                )
            )
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
