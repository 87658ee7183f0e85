"""`tahapan status`: the stages running on a date, how far along, and what comes next."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from tahapan.days import timeline as tl
from tahapan.model import Election, Region
from tahapan.records import Record
from tahapan.reports import election_json, stage_json
from tahapan.schedule.catalog import Catalog
from tahapan.schedule.recurrence import around, expand_all, nearest
from tahapan.schedule.select import pick_elections

if TYPE_CHECKING:
    from tahapan.reports.cases import CaseReport


@dataclass(repr=False, eq=False)
class ElectionStatus(Record):
    """One election on the date: what runs, what comes next, what just ended."""

    election: Election
    #: None: the election's voting day is not set (or it is a programme)
    h: int | None
    active: list[tl.ActiveStage]
    upcoming: list[tl.UpcomingStage]
    ended: list[tl.EndedStage]


@dataclass(repr=False, eq=False)
class StatusReport(Record):
    """What `tahapan status` answers: each election near the date, as ``ElectionStatus``."""

    date: date
    timezone: str
    horizon: int
    elections: list[ElectionStatus]
    #: every loaded election, so that a day with nothing near can still say what is known
    loaded: tuple[Election, ...]
    #: the region chosen with --region, if any
    region: Region | None = None
    #: on a day with no election near: the continuous programmes (PDPB), what runs and comes next
    programmes: list[ElectionStatus] = field(default_factory=list)
    #: the user's open cases, the nearest deadline first (None: the user keeps no cases file)
    cases: list[CaseReport] | None = None

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
            "programmes": [_programme_json(ps, self.date) for ps in self.programmes],
            **({} if self.cases is None else {"cases": _cases_json(self.cases)}),
        }


def _cases_json(cases: list[CaseReport]) -> list[dict[str, Any]]:
    from tahapan.reports.cases import deadline_json

    return [
        {"case": r.case.id, "next": None if r.next is None else deadline_json(r, r.next)}
        for r in cases
    ]


def _programme_json(ps: ElectionStatus, on: date) -> dict[str, Any]:
    return {
        **election_json(ps.election, on),
        "active": [
            {
                **stage_json(a.ref),
                "day": a.day,
                "days_total": a.days_total,
                "days_left": a.days_left,
            }
            for a in ps.active
        ],
        "upcoming": [{**stage_json(u.ref), "days_until": u.days_until} for u in ps.upcoming],
        "ended": [{**stage_json(e.ref), "days_since": e.days_since} for e in ps.ended],
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
    # repeating stages as the occurrences around the date: the next of each comes within the window
    lo, hi = around(on, 400, horizon + 400)
    stored = pick_elections(catalog, election_ids) if election_ids else list(catalog.elections)
    every = expand_all(stored, lo, hi)
    programmes = [e for e in every if e.kind == "programme"]
    by_id = {e.id: e for e in stored}
    chosen = (
        every
        if election_ids
        else tl.near_elections([e for e in every if e.kind != "programme"], on, horizon=horizon)
    )
    report = StatusReport(
        on,
        timezone,
        horizon,
        [_with_next(by_id[e.id], _status(e, on, horizon), on) for e in chosen],
        # in the order of their voting days, those not set yet last
        tuple(
            sorted(
                (e for e in catalog.elections if e.kind != "programme"),
                key=lambda e: (e.voting_day is None, e.voting_day or on),
            )
        ),
        region,
    )
    if not chosen:
        # a programme's next occurrence of each repeating stage, however far within the window
        report.programmes = [
            _with_next(by_id[e.id], _status(e, on, (hi - on).days), on) for e in programmes
        ]
    return report


def _with_next(stored: Election, status: ElectionStatus, on: date) -> ElectionStatus:
    """The status with the next occurrence of each repeating stage, however far: a rule with years
    between its occurrences has its next one past any window."""
    shown = status.election
    seen = {u.ref.stage.series for u in status.upcoming}
    for stage in stored.stages:
        if stage.repeat is None or stage.id in seen:
            continue
        found = nearest(stage, on, later_only=True)
        if found is not None and found.start is not None:
            status.upcoming.append(
                tl.UpcomingStage(tl.StageRef(shown, found.id, found), (found.start - on).days)
            )
    status.upcoming.sort(key=lambda u: (u.days_until, u.ref.depth))
    return status


def _status(election: Election, on: date, horizon: int) -> ElectionStatus:
    return ElectionStatus(
        election=election,
        h=tl.h_day(election, on),
        active=tl.active([election], on),
        upcoming=tl.upcoming([election], on, horizon=horizon),
        ended=tl.recently_ended([election], on),
    )
