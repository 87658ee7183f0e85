"""Pace of field work: is the share done keeping up with the share of the window gone by?

Officers report progress each day ("e-coklit 53.33 % on day 8 of 31"). The day of the report counts
as elapsed (the figure is the day's closing count), so on day 8 of 31 the window is 8/31 = 25.81 %
gone. At the rate so far (53.33 % in 8 days) the work needs ceil(100 / 6.67) = 15 days, so it
would finish on day 15. A stage with ``counting = "working"`` is measured in working days instead.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from tahapan.days.timeline import StageRef
from tahapan.days.workdays import WorkCalendar
from tahapan.errors import DateError, TahapanError
from tahapan.i18n import Words, format_date
from tahapan.model import MAX_OFFSET_DAYS, Counting

Verdict = Literal["done", "ahead", "on-schedule", "behind"]
_PERCENT = re.compile(r"^(\d{1,3}(?:[.,]\d+)?)\s*%?$")
#: a count, plain (2250) or in groups of three as Indonesian (2.250) or English (2,250) write it
_COUNT = r"(\d{1,3}(?:[.,\u00a0 ]\d{3}){1,4}|\d{1,12})"
_FRACTION = re.compile(rf"^{_COUNT}\s*/\s*{_COUNT}$")


@dataclass(frozen=True)
class Pace:
    """The pace measured; `pace`'s answer is ``reports.pace.PaceReport``, built from it."""

    on: date
    ref: StageRef
    done: float
    counting: Counting
    #: days (or working days) of the window gone by, the report day included
    elapsed: int
    total: int
    verdict: Verdict
    #: when the work would finish at the rate so far; None when nothing is done yet or all is
    projected_end: date | None

    @property
    def expected(self) -> float:
        """The share of the window gone by, in percent."""
        return 100.0 * self.elapsed / self.total

    @property
    def gap_points(self) -> float:
        """Percentage points ahead (positive) or behind (negative)."""
        return self.done - self.expected

    @property
    def gap_days(self) -> float:
        """The same gap in days (or working days) of work at the planned rate."""
        return self.done / 100.0 * self.total - self.elapsed

    @property
    def margin_days(self) -> int | None:
        """Calendar days from the projected finish to the stage's last day (negative: too late)."""
        if self.projected_end is None:
            return None
        return (self.ref.stage.end - self.projected_end).days

    @property
    def ok(self) -> bool:
        return self.verdict != "behind"


def parse_done(text: str) -> float:
    """'53.33', '53,33', '53.33%' or a count out of a total ('1200/2250', '1.200/2.250'), as a
    percentage."""
    cleaned = text.strip()
    match = _PERCENT.match(cleaned)
    if match:
        value = float(match.group(1).replace(",", "."))
        if 0 <= value <= 100:
            return value
    fraction = _FRACTION.match(cleaned)
    if fraction:
        part, whole = (int(re.sub(r"\D", "", g)) for g in fraction.groups())
        if whole > 0 and part <= whole:
            return 100.0 * part / whole
    raise TahapanError(
        Words(f"--done tidak dikenali: {text!r}", f"--done not understood: {text!r}"),
        hint=Words(
            "Tulis persentase 0–100 (53.33, 53,33 atau 53.33%) atau jumlah dari total (1200/2250, 1.200/2.250).",
            "Give a percentage 0–100 (53.33, 53,33 or 53.33%) or a count out of a total (1200/2250, 1,200/2,250).",
        ),
    )


def measure(ref: StageRef, done: float, on: date) -> Pace:
    stage = ref.stage
    where = f"{ref.election.id}/{ref.path}"
    if not stage.held:
        raise TahapanError(Words(f"{where} tidak dilaksanakan", f"{where} was not held"))
    if stage.start is None:
        raise TahapanError(
            Words(
                f"tanggal mulai {where} tidak tercantum di sumber, jadi lajunya tidak dapat diukur",
                f"the sources do not give when {where} starts, so its pace cannot be measured",
            )
        )
    start = stage.start
    if on < start:
        raise DateError(
            Words(
                f"{where} baru mulai {format_date(start, lang='id')}; laju diukur sejak hari pertamanya",
                f"{where} starts on {format_date(start, lang='en')}; pace is measured from its first day",
            ),
            hint=Words(
                "Isi --on dengan tanggal dalam rentang tahapan.",
                "Give an --on date within the stage.",
            ),
        )
    last = min(on, stage.end)
    cal = WorkCalendar(ref.election.holidays) if stage.counting == "working" else None
    if cal is not None:
        elapsed, total = cal.count(start, last), cal.count(start, stage.end)
        if total == 0:
            raise TahapanError(
                Words(f"{where} tidak memuat hari kerja", f"{where} holds no working days")
            )
    else:
        elapsed, total = (last - start).days + 1, (stage.end - start).days + 1
    projected = None
    # the finish is projected from the days actually spent: after the window's end they go on
    # counting, or half the work done late would be "finished" before the report day
    spent = elapsed
    if on > stage.end:
        spent = cal.count(start, on) if cal is not None else (on - start).days + 1
    # to a hundredth of a day first, so that 53.33 % (8/15 rounded) on day 8 gives 15 days, not 16
    units = math.ceil(round(100.0 * spent / done, 2)) if 0 < done < 100 else 0
    # a trickle of progress would put the finish centuries away; past ten years it is not a date
    if 0 < units <= MAX_OFFSET_DAYS:
        try:
            projected = (
                cal.nth_working(start, units)
                if cal is not None
                else start + timedelta(days=units - 1)
            )
        except OverflowError:  # a finish after 9999: no date to name
            projected = None
    return Pace(
        on, ref, done, stage.counting, elapsed, total, _verdict(done, elapsed, total), projected
    )


def _verdict(done: float, elapsed: int, total: int) -> Verdict:
    if done >= 100:
        return "done"
    # compare done/100 with elapsed/total without a rounding error deciding "behind"
    gap = done * total - 100.0 * elapsed
    if abs(gap) < 1e-9:
        return "on-schedule"
    return "ahead" if gap > 0 else "behind"
