"""`tahapan kasus`: the results of the cases commands, and the cases' deadlines as `check` and
`status` give them. Each case's steps are counted in ``case_steps.py``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from tahapan.errors import ExitCode
from tahapan.model import Holiday, Region
from tahapan.reports.case_steps import (
    StepDue,
    alternative_json,
    count_steps,
    point_json,
    rule_json,
)
from tahapan.schedule.cases import Case, CaseBook
from tahapan.schedule.chains import Chain


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
    #: asked for alone (`kasus show`): then a missed deadline is the answer, exit 1; shown among
    #: others (`kasus`, `status`, `hitung --chain`) it is not
    alone: bool = False

    @property
    def exit_code(self) -> int:
        return late_exit(self) if self.alone else 0

    @property
    def next(self) -> StepDue | None:
        """The nearest deadline not met: an overdue one first, then the soonest ahead."""
        due = [s for s in self.steps if s.state in ("open", "overdue") and s.due is not None]
        return min(due, key=lambda s: s.due.end.last_day if s.due else date.max, default=None)

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
                            "rule": rule_json(s.count, s.ref),
                            "basis": s.basis,
                            "confidence": s.confidence,
                            "optional": s.optional,
                            "alternative": None
                            if s.alternative is None
                            else alternative_json(s.alternative),
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

    action: Literal["added", "done", "undone", "closed", "reopened", "removed"]
    case: str
    path: str
    backup: str | None = None
    step: str | None = None
    report: CaseReport | None = None
    #: the moment a step was recorded as happened
    when: date | datetime | None = None

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
        "due": point_json(step.due.end if step.due else None),
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
        "event": case.event.isoformat(),
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
    steps = count_steps(case, chain, on=on, now=now, holidays=holidays, decrees_until=decrees_until)
    return CaseReport(case, chain, on, steps, region, stored, decrees_until)


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
        found, key=lambda pair: (pair[1].due.end.last_day if pair[1].due else on, pair[0].case.id)
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
        return (step is None, step.due.end.last_day if step and step.due else date.max, r.case.id)

    return sorted(reports, key=key)


def late_exit(report: CaseReport) -> int:
    return int(ExitCode.ATTENTION) if any(s.state == "overdue" for s in report.steps) else 0
