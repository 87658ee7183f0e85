"""`tahapan list` (each election's stage tree) and `tahapan show` (one stage in full)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from datetime import date as Day  # the class has a field named `date`
from typing import Any

from tahapan.days import timeline as tl
from tahapan.errors import UnknownNameError
from tahapan.model import Election, RelativeDate, Stage, as_table
from tahapan.records import Record
from tahapan.reports import Streamed, election_json, stage_fields_json
from tahapan.schedule.catalog import Catalog
from tahapan.schedule.recurrence import expand_all, far_occurrence, listed
from tahapan.schedule.select import find_stage, pick_elections


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
        **stage_fields_json(ref),
        "start_rule": _rule_json(ref.election, stage.start_rule),
        "end_rule": _rule_json(ref.election, stage.end_rule),
        "days_total": stage.days_total,
        "position": tl.position(ref, on),
        "stages": [
            _tree_json(tl.StageRef(ref.election, f"{ref.path}/{c.id}", c), c, on)
            for c in stage.stages
        ],
    }


@dataclass(repr=False, eq=False)
class ListReport(Record):
    """What `tahapan list` answers: each election's stages, with where each stands on the date."""

    date: date
    elections: list[Election]
    sources: dict[str, str]
    #: with --sources: (election, path) -> the file the stage came from, and {key: file} changed later
    stage_sources: dict[tuple[str, str], tuple[str, dict[str, str]]] | None = None
    #: election id -> names of the regions it is scoped to
    regions: dict[str, tuple[str, ...]] | None = None
    #: the paths of tahapan's own files among the sources (shown as "shipped data")
    shipped_files: frozenset[str] = frozenset()
    #: the days a repeating stage's occurrences are listed for, and the elections that have one
    window: tuple[Day, Day] | None = None
    repeating: frozenset[str] = frozenset()
    #: (election, path) -> where each stage stands on the date, and each election's H that day
    positions: dict[tuple[str, str], tl.Position] = field(default_factory=dict)
    h_today: dict[str, int | None] = field(default_factory=dict)

    exit_code = 0

    def shipped(self, path: str) -> bool:
        return path in self.shipped_files

    def payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "date": self.date.isoformat(),
            "elections": Streamed(
                {
                    **election_json(e, self.date),
                    "timezone": e.timezone,
                    "regions": list(e.regions),
                    "basis": e.basis,
                    # what is known beyond the dates (Pemilu 2029 before its PKPU)
                    "note": e.note,
                    "note_en": e.note_en,
                    "source": self.sources.get(e.id),
                    "stages": [_tree_json(tl.StageRef(e, s.id, s), s, self.date) for s in e.stages],
                }
                for e in self.elections
            ),
        }
        shown = [e.id for e in self.elections if e.id in self.repeating]
        if shown and self.window is not None:
            # the occurrences of a repeating stage listed: the dates around the asked day
            out["occurrences"] = {
                "from": self.window[0].isoformat(),
                "to": self.window[1].isoformat(),
                "elections": shown,
            }
        if self.stage_sources is not None:
            out["stage_sources"] = [
                {"election": e, "path": p, "source": made, "changed": changed}
                for (e, p), (made, changed) in self.stage_sources.items()
            ]
        return out


def build_list(
    catalog: Catalog,
    *,
    on: date,
    election_ids: Sequence[str] = (),
    sources: bool = False,
    everything: bool = False,
) -> ListReport:
    """The named elections; else those with a stage near the date (as `status` chooses), or every
    loaded one when none is near or ``everything`` is asked for."""
    lo, hi = listed(on)
    stored = pick_elections(catalog, election_ids) if election_ids else list(catalog.elections)
    if election_ids:
        chosen = expand_all(stored, lo, hi)
    else:
        every = expand_all(stored, lo, hi)
        chosen = every if everything else (tl.near_elections(every, on) or every)
    stage_sources = None
    if sources:
        stage_sources = {}
        for election in chosen:
            for path, stage in election.walk():
                # an occurrence was made by the file that made its repeating stage
                made, changed = catalog.stage_source(
                    election.id, path.replace(stage.id, stage.series)
                )
                stage_sources[(election.id, path)] = (
                    str(made),
                    {key: str(f) for key, f in sorted(changed.items())},
                )
    regions = {e.id: region_names(catalog, e.regions) for e in chosen if e.regions}
    sources_text = {k: str(v) for k, v in catalog.sources.items()}
    shipped = frozenset(path for path in set(sources_text.values()) if catalog.is_shipped(path))
    if stage_sources:
        named = {first for first, _ in stage_sources.values()}
        named |= {file for _, later in stage_sources.values() for file in later.values()}
        shipped |= {path for path in named if catalog.is_shipped(path)}
    repeating = frozenset(e.id for e in stored if any(s.repeat for s in e.stages))
    positions = {
        (e.id, path): tl.position(tl.StageRef(e, path, stage), on)
        for e in chosen
        for path, stage in e.walk()
    }
    h_today = {e.id: tl.h_day(e, on) for e in chosen}
    return ListReport(
        on, chosen, sources_text, stage_sources, regions, shipped, (lo, hi), repeating,
        positions, h_today,
    )  # fmt: skip


@dataclass(repr=False, eq=False)
class ShowReport(Record):
    """What `tahapan show` answers: one stage, where it stands on the date, and its kin."""

    date: date
    ref: tl.StageRef
    position: tl.Position
    day: int | None
    days_left: int | None
    days_until: int | None
    days_since: int | None
    #: for a stage counted in working days: how many its window holds
    working_days: int | None = None
    #: names of the regions the stage (or else its election) is scoped to
    regions: tuple[str, ...] = ()
    #: the same stage in the other elections loaded, with where each stands on the date
    also: tuple[tuple[tl.StageRef, tl.Position], ...] = ()
    #: the path of each of its sub-stages -> where it stands on the date
    sub_positions: dict[str, tl.Position] = field(default_factory=dict)

    @property
    def h_start(self) -> int | None:
        s = self.ref.stage.start
        return None if s is None else tl.h_day(self.ref.election, s)

    @property
    def h_end(self) -> int | None:
        return tl.h_day(self.ref.election, self.ref.stage.end)

    exit_code = 0

    def payload(self) -> dict[str, Any]:
        stage = self.ref.stage
        return {
            "date": self.date.isoformat(),
            "stage": {
                **_tree_json(self.ref, stage, self.date),
                "name_election": self.ref.election.name,
                "h_start": self.h_start,
                "h_end": self.h_end,
                "day": self.day,
                "days_left": self.days_left,
                "days_until": self.days_until,
                "days_since": self.days_since,
                "working_days": self.working_days,
                "regions": list(self.regions),
            },
            "also_in": [
                {"election": r.election.id, "path": r.path, "position": where}
                for r, where in self.also
            ],
        }


def build_show(
    catalog: Catalog,
    stage_ref: str,
    *,
    on: date,
    election_ids: Sequence[str] = (),
    nearest: bool = False,
) -> ShowReport:
    """One stage on a date (found as ``find_on`` finds it), with the same stage's place in the
    other elections."""
    stored = pick_elections(catalog, election_ids) if election_ids else list(catalog.elections)
    ref = find_on(catalog, stage_ref, on=on, election_ids=election_ids, nearest=nearest)
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
        also=tuple(
            (other, tl.position(other, on))
            for other in tl.all_stages(stored, held_only=False)
            if other.stage.id == stage.series and other.election.id != ref.election.id
        ),
        sub_positions={
            path: tl.position(tl.StageRef(ref.election, path, child), on)
            for path, child in stage.walk(ref.path.rsplit("/", 1)[0] if "/" in ref.path else "")
            if child is not stage
        },
    )


def find_on(
    catalog: Catalog,
    stage_ref: str,
    *,
    on: date,
    election_ids: Sequence[str] = (),
    nearest: bool = False,
) -> tl.StageRef:
    """A stage by the names users type, a repeating one as its occurrence around ``on`` (or,
    outside the listed window, the one its id names by day, else the series' nearest). With
    ``nearest``, an id that several elections hold means the one running on the date, else the
    one nearest to it (a tie still asks for the election)."""
    stored = pick_elections(catalog, election_ids) if election_ids else list(catalog.elections)
    prefer = (lambda m: _nearest(m, on)) if nearest else None
    try:
        return find_stage(catalog, stage_ref, expand_all(stored, *listed(on)), prefer=prefer, on=on)
    except UnknownNameError:
        far = far_occurrence(stored, stage_ref, on)
        if far is None:
            raise
        return far


def _nearest(matches: list[tl.StageRef], on: date) -> list[tl.StageRef]:
    """The matches whose window is nearest to ``on`` (0 days: running), all of them on a tie."""

    def distance(ref: tl.StageRef) -> int:
        if tl.is_active(ref, on):  # the same rule as status, an unknown start included
            return 0
        first, last = tl.counted_from(ref.stage, ref.election), ref.stage.end
        return min(abs((first - on).days), abs((last - on).days))

    held = [m for m in matches if m.stage.held] or matches
    best = min(distance(m) for m in held)
    return [m for m in held if distance(m) == best]


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
