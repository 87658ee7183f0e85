"""`tahapan hitung`: the answer to one expression, worked out by ``days.calc``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from tahapan.days.calc import Calculation, DayInfo, calculate
from tahapan.model import Election

#: a weekday as JSON answers give it, in any language (date.weekday() order)
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class CalcReport(Calculation):
    exit_code = 0

    def payload(self) -> dict[str, Any]:
        from tahapan.days.workdays import holidays_payload

        out: dict[str, Any] = {
            "kind": self.kind,
            "expression": self.expression,
            "election": None if self.election is None else self.election.id,
        }
        if self.kind == "date":
            return {**out, "date": day_json(self.first), "holidays": holidays_payload()}
        if self.kind == "shift":
            out.update({"from": day_json(self.first), "count": self.count, "unit": self.unit})
            out["result"] = day_json(self.last) if self.last else None
        else:
            out.update(
                {
                    "first": day_json(self.first),
                    "last": day_json(self.last) if self.last else None,
                    "days": self.days,
                    "working_days": self.working_days,
                }
            )
        out["days_off"] = [{"date": c.day.isoformat(), **c.payload()} for c in self.days_off]
        out["holidays"] = holidays_payload()  # which lists decided the days off above
        return out


def day_json(info: DayInfo) -> dict[str, Any]:
    return {
        "date": info.day.isoformat(),
        "weekday": WEEKDAY_KEYS[info.day.weekday()],
        "h": info.h,
        "day_off": None if info.closed is None else info.closed.payload(),
    }


def calc_report(
    expression: str,
    *,
    read_date: Callable[[str], date],
    election: Election | None,
    elections: tuple[Election, ...] = (),
) -> CalcReport:
    """`hitung`'s answer to ``expression`` (see ``days.calc.calculate``)."""
    done = calculate(expression, read_date=read_date, election=election, elections=elections)
    return CalcReport(**{f.name: getattr(done, f.name) for f in fields(done)})
