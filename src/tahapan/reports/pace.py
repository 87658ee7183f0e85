"""`tahapan pace`: whether a stage's field work keeps up, measured by ``days.pace``."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from tahapan.days.pace import Pace, measure
from tahapan.days.timeline import StageRef
from tahapan.errors import ExitCode


@dataclass(frozen=True)
class PaceReport(Pace):
    @property
    def exit_code(self) -> int:
        return 0 if self.ok else int(ExitCode.ATTENTION)

    def payload(self) -> dict[str, Any]:
        stage = self.ref.stage
        return {
            "date": self.on.isoformat(),
            "election": self.ref.election.id,
            "path": self.ref.path,
            "name": stage.name,
            "name_en": stage.name_en or stage.name,  # a string, as in every JSON of schema 1
            "start": stage.start.isoformat() if stage.start else None,
            "end": stage.end.isoformat(),
            "projected": stage.projected,
            "date_source": self.ref.election.dating(stage),
            "counting": self.counting,
            "done": round(self.done, 4),
            "elapsed": self.elapsed,
            "total": self.total,
            "expected": round(self.expected, 4),
            "gap_points": round(self.gap_points, 4),
            "gap_days": round(self.gap_days, 2),
            "verdict": self.verdict,
            "ok": self.ok,
            "projected_end": self.projected_end.isoformat() if self.projected_end else None,
            "margin_days": self.margin_days,
        }


def pace_report(ref: StageRef, done: float, on: date) -> PaceReport:
    """`pace`'s answer: ``ref``'s work ``done`` (percent) on ``on`` (see ``days.pace.measure``)."""
    measured = measure(ref, done, on)
    return PaceReport(**{f.name: getattr(measured, f.name) for f in fields(measured)})
