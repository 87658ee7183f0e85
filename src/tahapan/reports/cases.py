"""`tahapan kasus`: every deadline of a case, counted step by step from its event.

A step counts from the event or from an earlier step: from the day that step happened when it is
recorded; else from that step's own deadline (the latest it may happen), marked so; a step with no
deadline of its own that has not happened yet lends the point it follows, marked as the earliest
its date can be. A step counted from an optional step that has not happened waits: it may never
come. Nothing is guessed beyond that, and every view says which of these a date is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from tahapan.days.deadlines import Count, Due, Point, count_from, years_between
from tahapan.days.workdays import WorkCalendar
from tahapan.errors import ExitCode
from tahapan.model import Holiday, Region
from tahapan.schedule.cases import Case, CaseBook
from tahapan.schedule.chains import EVENT, Chain, Step

#: done: recorded; open: its deadline is ahead; overdue: passed and not recorded; lapsed: an
#: optional step whose time passed (it did not happen); pending: an event with no deadline, not
#: recorded yet; waiting: it counts from something that has not happened and may never
State = Literal["done", "open", "overdue", "lapsed", "pending", "waiting"]
#: how the point a step counts from is known: recorded; the earlier step's deadline; the earliest
#: an unrecorded event can be
Footing = Literal["actual", "deadline", "earliest"]


@dataclass
class StepDue:
    step: Step
    state: State
    ref: str
    footing: Footing | None = None
    base: Point | None = None
    due: Due | None = None
    #: the date under the other source's rule, where the sources disagree
    alternative: Due | None = None
    done_on: Point | None = None
    #: days from the date looked at to the deadline (negative: passed)
    days_left: int | None = None
    #: a recorded step after its deadline: how many days late
    late_days: int | None = None
    #: years of a working-day count that no holiday decree covers yet
    uncovered: tuple[int, ...] = ()

    def payload(self) -> dict[str, Any]:
        s = self.step
        return {
            "id": s.id,
            "name": s.name,
            "name_en": s.name_en or s.name,
            "state": self.state,
            "rule": _rule_json(s.count, s.ref),
            "basis": s.basis,
            "confidence": s.confidence,
            "optional": s.optional,
            "note": s.note,
            "note_en": s.note_en,
            "counted_from": self.ref,
            "footing": self.footing,
            "from": _point_json(self.base),
            "opens": _point_json(self.due.start if self.due else None),
            "due": _point_json(self.due.end if self.due else None),
            "from_midnight": bool(self.due and self.due.from_midnight),
            "days_left": self.days_left,
            "done_on": _point_json(self.done_on),
            "late_days": self.late_days,
            "alternative": None
            if s.alternative is None
            else {
                "rule": _rule_json(s.alternative.count, s.alternative.ref),
                "basis": s.alternative.basis,
                "confidence": s.alternative.confidence,
                "note": s.alternative.note,
                "note_en": s.alternative.note_en,
                "due": _point_json(self.alternative.end if self.alternative else None),
            },
            "holidays_not_decreed": list(self.uncovered),
        }


@dataclass
class CaseReport:
    """One case (or a chain run from a date by `hitung --chain`, ``stored`` False), on a date."""

    case: Case
    chain: Chain
    date: date
    steps: list[StepDue]
    region: Region | None = None
    stored: bool = True
    #: the last year the holiday decrees cover
    decrees_until: int | None = None

    exit_code = 0

    @property
    def next(self) -> StepDue | None:
        """The nearest deadline not met: an overdue one first, then the soonest ahead."""
        due = [s for s in self.steps if s.state in ("open", "overdue") and s.due is not None]
        return min(due, key=lambda s: s.due.end.day if s.due else date.max, default=None)

    def payload(self) -> dict[str, Any]:
        return {
            **case_json(self.case, self.chain, self.region),
            "date": self.date.isoformat(),
            "stored": self.stored,
            "next": None if self.next is None else self.next.step.id,
            "holidays_decreed_until": self.decrees_until,
            "steps": [s.payload() for s in self.steps],
        }


@dataclass
class CasesReport:
    """The open cases (closed ones too with ``every``), the nearest deadline first."""

    date: date
    cases: list[CaseReport]
    every: bool = False

    exit_code = 0

    def payload(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "cases": [
                {
                    **case_json(r.case, r.chain, r.region),
                    "next": None if r.next is None else r.next.payload(),
                }
                for r in self.cases
            ],
        }


@dataclass
class ChainsReport:
    chains: list[Chain]
    #: one chain asked for by id: shown step by step
    detail: bool = False

    exit_code = 0

    def payload(self) -> dict[str, Any]:
        return {
            "chains": [
                {
                    "id": c.id,
                    "name": c.name,
                    "name_en": c.name_en or c.name,
                    "event": c.event,
                    "event_en": c.event_en or c.event,
                    "basis": c.basis,
                    "note": c.note,
                    "source": c.source,
                    "steps": [
                        {
                            "id": s.id,
                            "name": s.name,
                            "name_en": s.name_en or s.name,
                            "rule": _rule_json(s.count, s.ref),
                            "basis": s.basis,
                            "confidence": s.confidence,
                            "optional": s.optional,
                            "alternative": None
                            if s.alternative is None
                            else {
                                "rule": _rule_json(s.alternative.count, s.alternative.ref),
                                "basis": s.alternative.basis,
                                "confidence": s.alternative.confidence,
                            },
                        }
                        for s in c.steps
                    ],
                }
                for c in self.chains
            ]
        }


@dataclass
class CaseEdit:
    """What `kasus add|done|close|remove` did, for the message and --json."""

    action: Literal["added", "done", "closed", "reopened", "removed"]
    case: str
    path: str
    backup: str | None = None
    step: str | None = None
    report: CaseReport | None = None
    warnings: list[str] = field(default_factory=list)

    exit_code = 0

    def payload(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "case": self.case,
            "step": self.step,
            "file": self.path,
            "backup": self.backup,
            "steps": None if self.report is None else [s.payload() for s in self.report.steps],
        }


def deadline_json(report: CaseReport, step: StepDue) -> dict[str, Any]:
    """A case's deadline as `check` and `status` give it."""
    return {
        "case": report.case.id,
        "case_name": report.case.name,
        "chain": report.chain.id,
        "step": step.step.id,
        "name": step.step.name,
        "name_en": step.step.name_en or step.step.name,
        "state": step.state,
        "due": _point_json(step.due.end if step.due else None),
        "days_left": step.days_left,
        "footing": step.footing,
        "basis": step.step.basis,
    }


def case_json(case: Case, chain: Chain, region: Region | None) -> dict[str, Any]:
    return {
        "id": case.id,
        "name": case.name,
        "chain": chain.id,
        "chain_name": chain.name,
        "chain_name_en": chain.name_en or chain.name,
        "event": _moment_json(case.event),
        "zone": case.zone,
        "region": None if region is None else {"id": region.id, "name": region.name},
        "closed": None if case.closed is None else case.closed.isoformat(),
    }


# ------------------------------------------------------------------------------------ the count


def run_case(
    case: Case,
    chain: Chain,
    *,
    on: date,
    now: datetime,
    holidays: Iterable[Holiday] = (),
    decrees_until: int | None = None,
    region: Region | None = None,
    stored: bool = True,
) -> CaseReport:
    calendar = WorkCalendar(holidays)
    points: dict[str, tuple[Point, Footing] | None] = {
        EVENT: (Point.of(case.event, case.zone), "actual")
    }
    optional_open: set[str] = set()
    steps: list[StepDue] = []
    for step in chain.steps:
        result = _step(step, case, points, optional_open, calendar, on, now, decrees_until)
        steps.append(result)
        if result.done_on is not None:
            points[step.id] = (result.done_on, "actual")
        elif step.optional:
            optional_open.add(step.id)
            points[step.id] = None
        elif result.due is not None:
            points[step.id] = (result.due.end, "deadline")
        elif result.base is not None and step.count is None:
            points[step.id] = (result.base, "earliest")
        else:
            points[step.id] = None
    return CaseReport(case, chain, on, steps, region, stored, decrees_until)


def _step(
    step: Step,
    case: Case,
    points: dict[str, tuple[Point, Footing] | None],
    optional_open: set[str],
    calendar: WorkCalendar,
    on: date,
    now: datetime,
    decrees_until: int | None,
) -> StepDue:
    recorded = case.done_on(step.id)
    done = None if recorded is None else Point.of(recorded, case.zone)
    known = points.get(step.ref)
    backward = step.count is not None and step.count.backward
    if known is None or (backward and known[1] == "earliest"):
        # counted from something not happened yet (an optional step, or an event a deadline is
        # counted back from): no date until it is recorded
        return StepDue(step, "done" if done else "waiting", step.ref, done_on=done)
    base, footing = known
    if step.count is None:
        return StepDue(step, "done" if done else "pending", step.ref, footing, base, done_on=done)
    due = count_from(base, step.count, calendar, case.zone)
    alternative = None
    if step.alternative is not None:
        alt_known = points.get(step.alternative.ref)
        if alt_known is not None:
            alternative = count_from(alt_known[0], step.alternative.count, calendar, case.zone)
    result = StepDue(step, "open", step.ref, footing, base, due, alternative, done_on=done)
    result.uncovered = _uncovered(step.count, base, due, decrees_until)
    if done is not None:
        result.state = "done"
        late = _late(done, due.end)
        result.late_days = late if late > 0 else None
        return result
    result.days_left = (due.end.day - on).days
    passed = due.end.at < now if due.end.at is not None else due.end.day < on
    if passed:
        result.state = "lapsed" if step.optional else "overdue"
    return result


def _late(done: Point, due: Point) -> int:
    if due.at is not None and done.at is not None and done.at > due.at:
        return max(1, (done.day - due.day).days)
    return (done.day - due.day).days


def _uncovered(count: Count, base: Point, due: Due, until: int | None) -> tuple[int, ...]:
    if count.unit != "working_days" or until is None:
        return ()
    return tuple(y for y in years_between(base.day, due.end.day) if y > until)


def case_reports(
    book: CaseBook,
    *,
    on: date,
    now: datetime,
    elections: Sequence[Any],
    regions: Sequence[Region],
    every: bool = False,
    decrees_until: int | None = None,
) -> list[CaseReport]:
    """Each case of the book counted on ``on`` (the open ones; closed too with ``every``), with its
    region's local holidays from the loaded ``elections``."""
    out = []
    for case in book.cases:
        if case.closed is not None and not every:
            continue
        region = next((r for r in regions if r.id == case.region), None)
        out.append(
            run_case(
                case,
                book.chains[case.chain],
                on=on,
                now=now,
                holidays=local_holidays(elections, region),
                decrees_until=decrees_until,
                region=region,
            )
        )
    return out


def deadlines_within(
    reports: Sequence[CaseReport], on: date, days: Iterable[int] | int
) -> list[tuple[CaseReport, StepDue]]:
    """The deadlines not met of open cases that fall ``days`` away: every day up to it (an int,
    as `check --within`), or exactly those distances (`check --remind`)."""
    wanted = None if isinstance(days, int) else set(days)
    horizon = days if isinstance(days, int) else max(wanted or {0})
    found = []
    for report in reports:
        for step in report.steps:
            if step.due is None or step.state not in ("open", "overdue") or step.days_left is None:
                continue
            left = step.days_left
            near = left in wanted if wanted is not None else 0 <= left <= horizon
            # a missed deadline stays in --within's answer until it is recorded or the case
            # closed; --remind says it once, the day after
            missed = step.state == "overdue" and (wanted is None or left == -1)
            if near or missed:
                found.append((report, step))
    return sorted(
        found, key=lambda pair: (pair[1].due.end.day if pair[1].due else on, pair[0].case.id)
    )


def local_holidays(elections: Iterable[Any], region: Region | None) -> tuple[Holiday, ...]:
    """The days off a region keeps that the national decrees do not list: the local holidays the
    loaded schedules give for it."""
    if region is None:
        return ()
    names = {region.id, *([region.code] if region.code else [])}
    return tuple(h for e in elections for h in e.holidays if h.regions and names & set(h.regions))


def nearest_first(reports: Sequence[CaseReport]) -> list[CaseReport]:
    """Cases by their next deadline (a missed one first); those with none left last."""

    def key(r: CaseReport) -> tuple[bool, date, str]:
        step = r.next
        return (step is None, step.due.end.day if step and step.due else date.max, r.case.id)

    return sorted(reports, key=key)


def late_exit(report: CaseReport) -> int:
    return int(ExitCode.ATTENTION) if any(s.state == "overdue" for s in report.steps) else 0


def _rule_json(count: Count | None, ref: str) -> dict[str, Any] | None:
    if count is None:
        return {"count": None, "unit": None, "direction": "after", "from": ref}
    return {
        "count": count.n,
        "unit": count.unit,
        "direction": "before" if count.backward else "after",
        "from": ref,
    }


def _point_json(point: Point | None) -> str | None:
    if point is None:
        return None
    return point.at.isoformat() if point.at is not None else point.day.isoformat()


def _moment_json(moment: date | datetime) -> str:
    return moment.isoformat()
