"""A case's deadline in `check`'s lines and in a notification (`check --notify`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tahapan.i18n import distance, pick, tr
from tahapan.render.cases import footing_mark, left, moment, shown_minute
from tahapan.reports.case_steps import StepDue
from tahapan.reports.cases import CaseReport
from tahapan.text import one_line


def deadline_fields(report: CaseReport, step: StepDue, on: date) -> list[str]:
    """`check`'s columns for a case deadline: the date, `kasus`, the case, the step, `tenggat` (or
    `TERLEWAT`), the name (and the minute of an hour deadline), how far."""
    due = step.due.end if step.due else None
    name = pick(step.step.name, step.step.name_en) + footing_mark(step)
    if due is not None and due.at is not None:
        name += f" ({shown_minute(due, end=True)[1]})"
    return [
        due.last_day.isoformat() if due else "",
        tr("kasus", "case"),
        report.case.id,
        step.step.id,
        tr("TERLEWAT", "MISSED") if step.state == "overdue" else tr("tenggat", "deadline"),
        name,
        distance(step.days_left)
        if step.days_left is not None and step.days_left >= 0
        else left(step.days_left),
    ]


def deadline_message(report: CaseReport, step: StepDue) -> str:
    """A case deadline in a notification, for a phone: names, not ids."""
    due = step.due.end if step.due else None
    when = moment(due, short=True, end=True) if due else ""
    what = pick(step.step.name, step.step.name_en) + footing_mark(step)
    case = report.case.name or report.case.id
    state = tr(" TERLEWAT", " MISSED") if step.state == "overdue" else ""
    return f"{when}{state} · {what} · {tr('kasus', 'case')} {case} · {left(step.days_left)}"


def case_file_line(path: Path, cases: int, chains: int) -> str:
    """`validate`'s line for a cases file: what it holds."""
    return (
        f"{one_line(str(path))}: ok ("
        + tr(
            f"{cases} kasus, {chains} alur",
            f"{cases} case{'s' if cases != 1 else ''}, {chains} chain{'s' if chains != 1 else ''}",
        )
        + ")"
    )
