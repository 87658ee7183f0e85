"""One-day marks a calendar carries beside its stages: the deadlines of the user's cases
(`calendar --cases`, `publish --cases`).

Plain data with its words, made from the cases in render/case_marks.py; private work, which no
calendar shows unless asked and no public feed ever holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

#: the sign of a case deadline in a grid's cell and before its line in the key; doubled for one
#: missed, so that a pinned sheet shows it without its key
PIN_SIGN = "!"
MISSED_SIGN = "!!"


@dataclass(frozen=True)
class Pin:
    """A case's deadline not met yet (or missed), on its day."""

    day: date
    #: the minute an hour deadline ends (aware, in the case's zone); None: the end of ``day``
    at: datetime | None
    case: str
    step: str
    #: what a grid's cell says: "pileg-2024: Pengajuan permohonan ke MK (22.19 WIB)"
    label: str
    #: its line in the key: the date (and minute), the case, the step, and whether it is missed
    key: str
    #: iCalendar: what a phone shows, and the rule, the basis and how the date is known
    summary: str
    description: str
    #: when the case file last changed: the event's DTSTAMP and LAST-MODIFIED
    modified: datetime
    overdue: bool = False
    #: counted from an earlier step's deadline or earliest moment, not a recorded date
    estimate: bool = False
    #: the deadline as `check --json` gives it
    data: Mapping[str, Any] = field(default_factory=dict, compare=False)


def sign_of(pins: Iterable[Pin]) -> str:
    """The sign a day's deadlines get: "!!" when one of them was missed."""
    return MISSED_SIGN if any(p.overdue for p in pins) else PIN_SIGN


def within(pins: Iterable[Pin], first: date, last: date) -> tuple[Pin, ...]:
    """The pins from ``first`` to ``last``, by day and minute (a day's deadline after its hours)."""
    return tuple(
        sorted(
            (p for p in pins if first <= p.day <= last),
            key=lambda p: (p.day, p.at is None, p.at, p.case, p.step),
        )
    )


def on_day(pins: Iterable[Pin], day: date) -> tuple[Pin, ...]:
    return within(pins, day, day)
