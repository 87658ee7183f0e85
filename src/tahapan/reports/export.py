"""`tahapan export` and `calendar -f ics|csv`: elections as a file to take elsewhere."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tahapan.days.pins import Pin
from tahapan.model import Election, Region, Stage, as_table
from tahapan.reports import json_value


@dataclass
class ScheduleExport:
    elections: Sequence[Election]
    #: the regions the elections name, written beside them in a TOML file
    regions: Sequence[Region] = ()
    #: iCalendar: when the file was made, and the reminder's days before each stage
    stamp: datetime | None = None
    alarm_days: tuple[int, ...] = ()
    #: iCalendar: (election, stage path) -> SEQUENCE and LAST-MODIFIED of its event
    versions: dict[tuple[str, str], tuple[int, datetime]] | None = None
    #: iCalendar: stages longer than this many days are left out (`--max-days`; None: none is)
    max_days: int | None = None
    #: iCalendar: the open cases' deadlines (`calendar --cases`), each an event of its own
    pins: tuple[Pin, ...] = ()

    exit_code = 0

    def payload(self) -> dict[str, Any]:
        return {
            "regions": [json_value(as_table(r)) for r in self.regions],
            "elections": [json_value(as_table(e)) for e in self.elections],
        }


def left_out(stage: Stage, max_days: int | None) -> bool:
    """Too long for a phone calendar (`--max-days`): a background stage of years (planning, an
    ad hoc body's term) would cover every day of it. Its sub-stages stay, each judged alone; a
    stage without a start stands on its last day as a deadline and stays too."""
    total = stage.days_total
    return max_days is not None and total is not None and total > max_days


def count_left_out(elections: Sequence[Election], max_days: int | None) -> int:
    """How many held stages ``left_out`` keeps off the calendar (a repeating one counts once)."""
    return sum(1 for e in elections for _, s in e.walk() if s.held and left_out(s, max_days))


def regions_used(regions: Sequence[Region], elections: Sequence[Election]) -> list[Region]:
    """The regions the exported elections name, with the provinces they lie in."""
    by_key = {r.id: r for r in regions} | {r.code: r for r in regions if r.code}
    wanted: set[str] = set()
    for election in elections:
        refs = set(election.regions)
        refs.update(r for _, s in election.walk() for r in s.regions)
        refs.update(r for h in election.holidays for r in h.regions)
        for ref in refs:
            region = by_key.get(ref)
            while region is not None and region.id not in wanted:
                wanted.add(region.id)
                region = by_key.get(region.parent) if region.parent else None
    return [r for r in regions if r.id in wanted]
