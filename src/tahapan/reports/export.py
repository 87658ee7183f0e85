"""`tahapan export` and `calendar -f ics|csv`: elections as a file to take elsewhere."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tahapan.model import Election, Region, as_table
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

    exit_code = 0

    def payload(self) -> dict[str, Any]:
        return {
            "regions": [json_value(as_table(r)) for r in self.regions],
            "elections": [json_value(as_table(e)) for e in self.elections],
        }
