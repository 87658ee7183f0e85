"""`tahapan status`: the stages running on a date, how far along, and what comes next."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from tahapan.days import timeline as tl
from tahapan.model import Election, Region
from tahapan.reports import election_json, stage_json
from tahapan.schedule.catalog import Catalog
from tahapan.schedule.select import pick_elections


@dataclass
class ElectionStatus:
    election: Election
    h: int
    active: list[tl.ActiveStage]
    upcoming: list[tl.UpcomingStage]
    ended: list[tl.EndedStage]


@dataclass
class StatusReport:
    date: date
    timezone: str
    horizon: int
    elections: list[ElectionStatus]
    #: every loaded election, so that a day with nothing near can still say what is known
    loaded: tuple[Election, ...]
    #: the region chosen with --region, if any
    region: Region | None = None

    exit_code = 0

    def payload(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "timezone": self.timezone,
            "region": None
            if self.region is None
            else {"id": self.region.id, "code": self.region.code, "name": self.region.name},
            "elections": [election_json(es.election, self.date) for es in self.elections],
            "active": [
                {
                    **stage_json(a.ref),
                    "day": a.day,
                    "days_total": a.days_total,
                    "days_left": a.days_left,
                }
                for es in self.elections
                for a in es.active
            ],
            "upcoming": [
                {**stage_json(u.ref), "days_until": u.days_until}
                for es in self.elections
                for u in es.upcoming
            ],
            "ended": [
                {**stage_json(e.ref), "days_since": e.days_since}
                for es in self.elections
                for e in es.ended
            ],
        }


def build_status(
    catalog: Catalog,
    *,
    on: date,
    timezone: str,
    election_ids: Sequence[str] = (),
    horizon: int = tl.DEFAULT_HORIZON,
    region: Region | None = None,
) -> StatusReport:
    chosen = (
        pick_elections(catalog, election_ids)
        if election_ids
        else tl.near_elections(catalog.elections, on, horizon=horizon)
    )
    statuses = [
        ElectionStatus(
            election=e,
            h=tl.h_day(e, on),
            active=tl.active([e], on),
            upcoming=tl.upcoming([e], on, horizon=horizon),
            ended=tl.recently_ended([e], on),
        )
        for e in chosen
    ]
    return StatusReport(on, timezone, horizon, statuses, catalog.elections, region)
