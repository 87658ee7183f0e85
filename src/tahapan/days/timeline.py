"""Where a date falls in the election timetables: pure functions on the models, no I/O.

All windows include both ends: a stage from 2023-11-28 to 2024-02-10 lasts 75 days, the 29th of
November is day 2 of 75, and on its last day 0 days are left.

The result classes are plain (not frozen) dataclasses: they live for one run, and a frozen dataclass
costs about twice as much to define, which every `tahapan status` pays at start-up.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from tahapan.model import Election, Stage
from tahapan.records import Record

#: where a stage stands on a date; "unknown": its start is not known and it does not yet count as
#: running (see counted_from)
Position = Literal["active", "upcoming", "ended", "not-held", "unknown"]
#: what happens on an event's day: a stage starts, ends (its last day), or is a one-day stage
EventKind = Literal["start", "end", "day"]

#: how far ahead "upcoming" looks, and how near an election must be to be shown by default
DEFAULT_HORIZON = 60
#: how long a stage counts as "just ended"
RECENT_DAYS = 7


@dataclass(repr=False, eq=False)
class StageRef(Record):
    """A stage with its election and its path (a sub-stage's is "kampanye/rapat-umum")."""

    election: Election
    path: str
    stage: Stage

    @property
    def depth(self) -> int:
        return self.path.count("/")


@dataclass(repr=False, eq=False)
class ActiveStage(Record):
    """A stage that runs on the date, and how far along it is."""

    ref: StageRef
    #: day N of M, both ends counted; None when the start is not known
    day: int | None
    days_total: int | None
    #: 0 on the last day
    days_left: int


@dataclass(repr=False, eq=False)
class UpcomingStage(Record):
    """A stage that starts after the date."""

    ref: StageRef
    days_until: int


@dataclass(repr=False, eq=False)
class EndedStage(Record):
    """A stage that ended before the date."""

    ref: StageRef
    days_since: int


def all_stages(elections: Iterable[Election], *, held_only: bool = True) -> Iterator[StageRef]:
    for election in elections:
        for path, stage in election.walk():
            if stage.held or not held_only:
                yield StageRef(election, path, stage)


def h_day(election: Election, on: date) -> int | None:
    """Signed days from voting day: -77 is 'H-77', 0 is 'H', 3 is 'H+3'; None while it is not set
    (and for a programme, which has none)."""
    if election.voting_day is None or election.kind == "programme":
        return None
    return (on - election.voting_day).days


def known_from(election: Election) -> date | None:
    """The earliest known start of any held stage: where the election's timetable is known to run
    from (an unknown start counts from here at the latest, see counted_from)."""
    starts = [s.start for _, s in election.walk() if s.start is not None and s.held]
    return min(starts) if starts else None


def counted_from(stage: Stage, election: Election) -> date:
    """The first day a stage counts as running: its start, or for an unknown start (never guessed;
    views show it as "?") the election's first known date, or DEFAULT_HORIZON days before its end
    when that is earlier. Its last day is then a deadline that `status` shows as `check` reports it,
    and the calendars draw it, pale, from here."""
    if stage.start is not None:
        return stage.start
    first = stage.end - timedelta(days=min(DEFAULT_HORIZON, stage.end.toordinal() - 1))
    begun = known_from(election)
    return min(first, begun) if begun is not None else first


def is_active(ref: StageRef, on: date) -> bool:
    stage = ref.stage
    if not stage.held or on > stage.end:
        return False
    return counted_from(stage, ref.election) <= on


def active(elections: Iterable[Election], on: date) -> list[ActiveStage]:
    out = []
    for ref in all_stages(elections):
        if is_active(ref, on):
            start = ref.stage.start
            out.append(
                ActiveStage(
                    ref,
                    day=None if start is None else (on - start).days + 1,
                    days_total=ref.stage.days_total,
                    days_left=(ref.stage.end - on).days,
                )
            )
    return out


def upcoming(
    elections: Iterable[Election], on: date, *, horizon: int = DEFAULT_HORIZON
) -> list[UpcomingStage]:
    """Stages starting after ``on`` within ``horizon`` days, and at least the next one of each election."""
    out: list[UpcomingStage] = []
    for election in elections:
        later = sorted(
            (r for r in all_stages([election]) if r.stage.start is not None and r.stage.start > on),
            key=lambda r: (r.stage.start, r.depth),
        )
        within = [r for r in later if (r.stage.start - on).days <= horizon]  # type: ignore[operator]
        seen: set[str] = set()  # a repeating stage: its next occurrence, not a row for every day
        for ref in within or later[:1]:
            if ref.stage.series in seen:
                continue
            seen.add(ref.stage.series)
            out.append(UpcomingStage(ref, (ref.stage.start - on).days))  # type: ignore[operator]
    return sorted(out, key=lambda u: (u.days_until, u.ref.depth))


def recently_ended(
    elections: Iterable[Election], on: date, *, within: int = RECENT_DAYS
) -> list[EndedStage]:
    out = sorted(
        (
            EndedStage(ref, (on - ref.stage.end).days)
            for ref in all_stages(elections)
            if 0 < (on - ref.stage.end).days <= within
        ),
        key=lambda e: (e.days_since, e.ref.depth),
    )
    # a repeating stage: its latest occurrence only
    seen: set[tuple[str, str]] = set()
    kept = []
    for ended in out:
        key = (ended.ref.election.id, ended.ref.stage.series)
        if key not in seen:
            seen.add(key)
            kept.append(ended)
    return kept


def is_near(election: Election, on: date, *, horizon: int = DEFAULT_HORIZON) -> bool:
    """True when a stage runs on ``on``, starts within ``horizon`` days, or ended within RECENT_DAYS."""
    for ref in all_stages([election]):
        stage = ref.stage
        if is_active(ref, on):
            return True
        if stage.start is not None and 0 < (stage.start - on).days <= horizon:
            return True
        if 0 < (on - stage.end).days <= RECENT_DAYS:
            return True
    return False


def near_elections(
    elections: Iterable[Election], on: date, *, horizon: int = DEFAULT_HORIZON
) -> list[Election]:
    return [e for e in elections if is_near(e, on, horizon=horizon)]


def position(ref: StageRef, on: date) -> Position:
    """'active', 'upcoming', 'ended', 'not-held', or 'unknown' (start not known and not yet counted
    as running)."""
    if not ref.stage.held:
        return "not-held"
    if is_active(ref, on):
        return "active"
    if on > ref.stage.end:
        return "ended"
    return "upcoming" if ref.stage.start is not None else "unknown"


@dataclass(repr=False, eq=False)
class Event(Record):
    """A stage starting or ending on a day: what `check --within` reports."""

    day: date
    kind: EventKind
    ref: StageRef


def events_within(elections: Iterable[Election], on: date, days: int) -> list[Event]:
    """Starts and ends (last days) of held stages from ``on`` through ``on + days``, in date order."""
    out: list[Event] = []
    for ref in all_stages(elections):
        stage = ref.stage
        if stage.start == stage.end:
            if 0 <= (stage.end - on).days <= days:
                out.append(Event(stage.end, "day", ref))
            continue
        if stage.start is not None and 0 <= (stage.start - on).days <= days:
            out.append(Event(stage.start, "start", ref))
        if 0 <= (stage.end - on).days <= days:
            out.append(Event(stage.end, "end", ref))
    order: dict[EventKind, int] = {"end": 0, "day": 1, "start": 2}
    return sorted(out, key=lambda e: (e.day, order[e.kind], e.ref.election.id, e.ref.path))
