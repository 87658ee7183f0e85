"""The count of one case, step by step, from its event.

A step counts from the event or from an earlier step: from the day that step happened when it is
recorded; else from that step's own deadline (the latest it may happen), marked so; a step with no
deadline of its own that has not happened yet lends the point it follows, marked as the earliest
its date can be. A step counted from an optional step that has not happened waits: it may never
come. Nothing is guessed beyond that, and every view says which of these a date is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from tahapan.days.deadlines import Count, Due, Point, count_from, years_between
from tahapan.days.workdays import Closed, WorkCalendar
from tahapan.model import Holiday
from tahapan.schedule.cases import Case
from tahapan.schedule.chains import EVENT, Alternative, Chain, Step

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
    #: done without a record of its own: a later step counted from it is recorded
    implied: bool = False
    #: a deadline in calendar days that falls on a day off
    day_off: Closed | None = None

    def payload(self) -> dict[str, Any]:
        s = self.step
        return {
            "id": s.id,
            "name": s.name,
            "name_en": s.name_en or s.name,
            "state": self.state,
            "rule": rule_json(s.count, s.ref),
            "basis": s.basis,
            "confidence": s.confidence,
            "optional": s.optional,
            "note": s.note,
            "note_en": s.note_en,
            "counted_from": self.ref,
            "footing": self.footing,
            "from": point_json(self.base),
            "opens": point_json(self.due.start if self.due else None),
            "due": point_json(self.due.end if self.due else None),
            "from_midnight": bool(self.due and self.due.from_midnight),
            "days_left": self.days_left,
            "done_on": point_json(self.done_on),
            "implied": self.implied,
            "due_day_off": None if self.day_off is None else self.day_off.kind,
            "late_days": self.late_days,
            "alternative": None
            if s.alternative is None
            else {
                **alternative_json(s.alternative),
                "due": point_json(self.alternative.end if self.alternative else None),
            },
            "holidays_not_decreed": list(self.uncovered),
        }


def count_steps(
    case: Case,
    chain: Chain,
    *,
    on: date,
    now: datetime,
    holidays: Iterable[Holiday] = (),
    decrees_until: int | None = None,
) -> list[StepDue]:
    """Each step of ``chain`` for ``case`` on the day ``on`` (``now`` for hour deadlines)."""
    from tahapan.schedule.holiday_cache import national_days

    calendar = WorkCalendar(holidays, national=national_days)
    points: dict[str, tuple[Point, Footing] | None] = {
        EVENT: (Point.of(case.event, case.zone), "actual")
    }
    steps: list[StepDue] = []
    for step in chain.steps:
        result = _step(step, case, points, calendar, on, now, decrees_until)
        steps.append(result)
        if result.done_on is not None:
            points[step.id] = (result.done_on, "actual")
        elif step.optional:
            points[step.id] = None  # it may never happen: what counts from it waits
        elif result.due is not None:
            points[step.id] = (result.due.end, "deadline")
        elif result.base is not None and step.count is None:
            points[step.id] = (result.base, "earliest")
        else:
            points[step.id] = None
    _implied(steps)
    return steps


def _implied(steps: list[StepDue]) -> None:
    """A step that a recorded later step counts from has happened, recorded or not: it is done
    (its day unknown), not missed."""
    by_id = {s.step.id: s for s in steps}
    for recorded in (s for s in steps if s.done_on is not None):
        later, earlier = recorded, by_id.get(recorded.ref)
        # a step counted back from a later event says nothing of that event
        while earlier is not None and not (later.step.count and later.step.count.backward):
            if earlier.state != "done":
                earlier.state, earlier.implied, earlier.days_left = "done", True, None
            later, earlier = earlier, by_id.get(earlier.ref)


def _step(
    step: Step,
    case: Case,
    points: dict[str, tuple[Point, Footing] | None],
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
    if step.count.unit == "days" and due.end.at is None:
        result.day_off = calendar.closed(due.end.day)
    if done is not None:
        result.state = "done"
        late = _late(done, due.end)
        result.late_days = late if late > 0 else None
        return result
    # an hour deadline is measured on the clock of its own zone; a day deadline on the day asked
    at = due.end.at
    today = now.astimezone(at.tzinfo).date() if at is not None else on
    result.days_left = (due.end.last_day - today).days
    passed = at < now if at is not None else due.end.day < on
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


def alternative_json(alternative: Alternative) -> dict[str, Any]:
    """The other source's rule of a step, as every JSON gives it."""
    a = alternative
    return {
        "rule": rule_json(a.count, a.ref),
        "basis": a.basis,
        "confidence": a.confidence,
        "note": a.note,
        "note_en": a.note_en,
    }


def rule_json(count: Count | None, ref: str) -> dict[str, Any] | None:
    if count is None:
        return {"count": None, "unit": None, "direction": "after", "from": ref}
    return {
        "count": count.n,
        "unit": count.unit,
        "direction": "before" if count.backward else "after",
        "from": ref,
    }


def point_json(point: Point | None) -> str | None:
    if point is None:
        return None
    return point.at.isoformat() if point.at is not None else point.day.isoformat()
