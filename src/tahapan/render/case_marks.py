"""The words a calendar gives a case's deadline (`calendar --cases`, `publish --cases`): the open
cases' steps whose deadline is not met yet, and those missed, each a ``Pin`` on its day.

Said as `tahapan kasus` and `check` say them: the case id and the step's name, "[perkiraan]" when
the date counts from an earlier step's deadline rather than a recorded date, the minute of an hour
deadline in the case's zone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from tahapan.days.pins import Pin, within
from tahapan.i18n import pick, tr
from tahapan.model import CONFIDENCE_TEXT
from tahapan.render.cases import footing_mark, footing_text, moment, rule_text, shown_minute
from tahapan.reports.case_steps import StepDue
from tahapan.reports.cases import CaseReport, deadline_json

#: the steps a calendar shows: a deadline ahead, or one passed and not recorded
SHOWN = ("open", "overdue")


def case_pins(reports: Iterable[CaseReport], *, modified: datetime) -> tuple[Pin, ...]:
    """Every deadline not met of the cases in ``reports``; ``modified``: when the cases file last
    changed (the events' DTSTAMP, so that the same cases give the same file)."""
    pins = [
        _pin(report, step, modified)
        for report in reports
        if report.case.closed is None
        for step in report.steps
        if step.state in SHOWN and step.due is not None
    ]
    return within(pins, date.min, date.max)


def _pin(report: CaseReport, s: StepDue, modified: datetime) -> Pin:
    assert s.due is not None
    case, chain, step, due = report.case, report.chain, s.step, s.due.end
    name = pick(step.name, step.name_en)
    estimate = s.footing in ("deadline", "earliest")
    label = f"{case.id}: {name}{footing_mark(s)}"
    if due.at is not None:
        label += f" ({shown_minute(due, end=True)[1]})"
    key = f"{moment(due, short=True, end=True)} — {case.id}"
    key += f" ({case.name})" if case.name else ""
    key += f": {name}{footing_mark(s)}"
    if s.state == "overdue":
        key += tr(" — TERLEWAT", " — MISSED")
    lines = [
        tr(f"Kasus {case.id}", f"Case {case.id}") + (f": {case.name}" if case.name else ""),
        tr("Alur: ", "Chain: ") + f"{chain.id} · {pick(chain.name, chain.name_en)}",
        tr("Tenggat: ", "Deadline: ") + moment(due, end=True),
        tr("Aturan: ", "Rule: ") + rule_text(step.count, step.ref, chain),
    ]
    if step.basis:
        lines.append(tr("Dasar hukum: ", "Legal basis: ") + step.basis)
    if step.confidence in CONFIDENCE_TEXT:
        lines.append(
            tr("Kepastian: ", "Confidence: ")
            + f"{step.confidence} ({tr(*CONFIDENCE_TEXT[step.confidence])})"
        )
    if estimate:
        lines.append(tr("Perkiraan: ", "Estimate: ") + footing_text(s, chain))
    if step.optional:
        lines.append(tr("Langkah ini hanya bila ada.", "This step happens only in some cases."))
    if step.note:
        lines.append(pick(step.note, step.note_en))
    lines.append(
        tr(
            "Pribadi: dari berkas kasus (tahapan kasus show ",
            "Private: from the cases file (tahapan kasus show ",
        )
        + f"{case.id})"
    )
    return Pin(
        day=due.last_day,
        at=due.at,
        case=case.id,
        step=step.id,
        label=label,
        key=key,
        summary=tr("Tenggat ", "Deadline ") + f"{case.id}: {name}{footing_mark(s)}",
        description="\n".join(lines),
        modified=modified,
        overdue=s.state == "overdue",
        estimate=estimate,
        data=deadline_json(report, s),
    )
