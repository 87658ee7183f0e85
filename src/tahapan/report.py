"""What each command answers, as plain data: one builder per command and its JSON payload.

The CLI builds a report, then either dumps ``to_json()`` or hands the report to the terminal
renderer; neither renderer computes anything. Reports are plain (not frozen) dataclasses, as in
``timeline.py``, to keep start-up short.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from tahapan.days import timeline as tl
from tahapan.model import Election, Region, RelativeDate, Stage, as_table
from tahapan.schedule.select import find_stage, pick_elections
from tahapan.schedule.load import Catalog

SCHEMA = 1


def _stage_json(ref: tl.StageRef) -> dict[str, Any]:
    s = ref.stage
    return {
        "election": ref.election.id,
        "id": s.id,
        "path": ref.path,
        "name": s.name,
        "name_en": s.name_en,
        "start": None if s.start is None else s.start.isoformat(),
        "end": s.end.isoformat(),
        "projected": s.projected,
    }


def _election_json(election: Election, on: date) -> dict[str, Any]:
    return {
        "id": election.id,
        "name": election.name,
        "name_en": election.name_en,
        "voting_day": election.voting_day.isoformat(),
        "h": tl.h_day(election, on),
    }


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

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "date": self.date.isoformat(),
            "timezone": self.timezone,
            "region": None
            if self.region is None
            else {"id": self.region.id, "code": self.region.code, "name": self.region.name},
            "elections": [_election_json(es.election, self.date) for es in self.elections],
            "active": [
                {
                    **_stage_json(a.ref),
                    "day": a.day,
                    "days_total": a.days_total,
                    "days_left": a.days_left,
                }
                for es in self.elections
                for a in es.active
            ],
            "upcoming": [
                {**_stage_json(u.ref), "days_until": u.days_until}
                for es in self.elections
                for u in es.upcoming
            ],
            "ended": [
                {**_stage_json(e.ref), "days_since": e.days_since}
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


def _rule_json(election: Election, rule: RelativeDate | None) -> dict[str, Any] | None:
    if rule is None:
        return None
    from tahapan.schedule.relative import anchor_date

    base = anchor_date(election, rule)
    return {
        **as_table(rule),
        "from": None if base is None else base.isoformat(),
    }


def _tree_json(ref: tl.StageRef, stage: Stage, on: date) -> dict[str, Any]:
    return {
        **_stage_json(ref),
        "start_rule": _rule_json(ref.election, stage.start_rule),
        "end_rule": _rule_json(ref.election, stage.end_rule),
        "counting": stage.counting,
        "days_total": stage.days_total,
        "basis": stage.basis,
        "confidence": stage.confidence,
        "held": stage.held,
        "position": tl.position(ref, on),
        "stages": [
            _tree_json(tl.StageRef(ref.election, f"{ref.path}/{c.id}", c), c, on)
            for c in stage.stages
        ],
    }


@dataclass
class ListReport:
    date: date
    elections: list[Election]
    sources: dict[str, str]
    #: with --sources: (election, path) -> the file the stage came from, and {key: file} changed later
    stage_sources: dict[tuple[str, str], tuple[str, dict[str, str]]] | None = None
    #: election id -> names of the regions it is scoped to
    regions: dict[str, tuple[str, ...]] | None = None

    def to_json(self) -> dict[str, Any]:
        out = {
            "schema": SCHEMA,
            "date": self.date.isoformat(),
            "elections": [
                {
                    **_election_json(e, self.date),
                    "timezone": e.timezone,
                    "regions": list(e.regions),
                    "basis": e.basis,
                    "source": self.sources.get(e.id),
                    "stages": [_tree_json(tl.StageRef(e, s.id, s), s, self.date) for s in e.stages],
                }
                for e in self.elections
            ],
        }
        if self.stage_sources is not None:
            out["stage_sources"] = [
                {"election": e, "path": p, "source": made, "changed": changed}
                for (e, p), (made, changed) in self.stage_sources.items()
            ]
        return out


def build_list(
    catalog: Catalog, *, on: date, election_ids: Sequence[str] = (), sources: bool = False
) -> ListReport:
    chosen = pick_elections(catalog, election_ids) if election_ids else list(catalog.elections)
    stage_sources = None
    if sources:
        stage_sources = {}
        for election in chosen:
            for path, _ in election.walk():
                made, changed = catalog.stage_source(election.id, path)
                stage_sources[(election.id, path)] = (
                    str(made),
                    {key: str(f) for key, f in sorted(changed.items())},
                )
    regions = {e.id: region_names(catalog, e.regions) for e in chosen if e.regions}
    return ListReport(
        on, chosen, {k: str(v) for k, v in catalog.sources.items()}, stage_sources, regions
    )


@dataclass
class ShowReport:
    date: date
    ref: tl.StageRef
    position: str
    day: int | None
    days_left: int | None
    days_until: int | None
    days_since: int | None
    #: for a stage counted in working days: how many its window holds
    working_days: int | None = None
    #: names of the regions the stage (or else its election) is scoped to
    regions: tuple[str, ...] = ()

    @property
    def h_start(self) -> int | None:
        s = self.ref.stage.start
        return None if s is None else tl.h_day(self.ref.election, s)

    @property
    def h_end(self) -> int:
        return tl.h_day(self.ref.election, self.ref.stage.end)

    def to_json(self) -> dict[str, Any]:
        stage = self.ref.stage
        return {
            "schema": SCHEMA,
            "date": self.date.isoformat(),
            "stage": {
                **_tree_json(self.ref, stage, self.date),
                "name_election": self.ref.election.name,
                "note": stage.note,
                "note_en": stage.note_en,
                "confidence_note": stage.confidence_note,
                "h_start": self.h_start,
                "h_end": self.h_end,
                "day": self.day,
                "days_left": self.days_left,
                "days_until": self.days_until,
                "days_since": self.days_since,
                "working_days": self.working_days,
                "regions": list(self.regions),
            },
        }


def build_show(
    catalog: Catalog, stage_ref: str, *, on: date, election_ids: Sequence[str] = ()
) -> ShowReport:
    elections = pick_elections(catalog, election_ids) if election_ids else None
    ref = find_stage(catalog, stage_ref, elections)
    where = tl.position(ref, on)
    stage = ref.stage
    running = where == "active"
    return ShowReport(
        date=on,
        ref=ref,
        position=where,
        day=(on - stage.start).days + 1 if running and stage.start is not None else None,
        days_left=(stage.end - on).days if running else None,
        days_until=(stage.start - on).days
        if stage.start is not None and on < stage.start
        else None,
        days_since=(on - stage.end).days if on > stage.end else None,
        working_days=_working_days(ref),
        regions=region_names(catalog, stage.regions or ref.election.regions),
    )


def region_names(catalog: Catalog, refs: Sequence[str]) -> tuple[str, ...]:
    """'kota-pangkalpinang' or '19.71' -> 'Kota Pangkalpinang' (an unknown one stays as written)."""
    names = {r.id: r.name for r in catalog.regions} | {
        r.code: r.name for r in catalog.regions if r.code
    }
    return tuple(names.get(ref, ref) for ref in refs)


def _working_days(ref: tl.StageRef) -> int | None:
    stage = ref.stage
    if stage.counting != "working" or stage.start is None:
        return None
    from tahapan.days.workdays import WorkCalendar

    return WorkCalendar(ref.election.holidays).count(stage.start, stage.end)


@dataclass
class CheckReport:
    """The answer of `tahapan check`: ``ok`` decides the exit status (0 when true, 1 when not)."""

    date: date
    ok: bool
    question: str  # "active" or "within"
    #: for --active: where the stage stands on the date, as `show` computes it
    stage: ShowReport | None = None
    days: int | None = None
    events: tuple[tl.Event, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "date": self.date.isoformat(),
            "ok": self.ok,
            "question": self.question,
        }
        if self.stage is not None:
            show = self.stage
            out["stage"] = {
                **_stage_json(show.ref),
                "position": show.position,
                "day": show.day,
                "days_total": show.ref.stage.days_total,
                "days_left": show.days_left,
                "days_until": show.days_until,
                "days_since": show.days_since,
            }
        else:
            out["days"] = self.days
            out["events"] = [
                {
                    **_stage_json(e.ref),
                    "date": e.day.isoformat(),
                    "event": e.kind,
                    "h": tl.h_day(e.ref.election, e.day),
                    "days_until": (e.day - self.date).days,
                }
                for e in self.events
            ]
        return out


def build_check_active(
    catalog: Catalog, stage_ref: str, *, on: date, election_ids: Sequence[str] = ()
) -> CheckReport:
    show = build_show(catalog, stage_ref, on=on, election_ids=election_ids)
    return CheckReport(on, show.position == "active", "active", stage=show)


def build_check_within(
    catalog: Catalog, days: int, *, on: date, election_ids: Sequence[str] = ()
) -> CheckReport:
    elections = pick_elections(catalog, election_ids) if election_ids else list(catalog.elections)
    events = tuple(tl.events_within(elections, on, days))
    # "ok" means nothing is due: a cron line `tahapan check --within 7 || mail ...` mails only when needed
    return CheckReport(on, not events, "within", days=days, events=events)
