"""The SEQUENCE and LAST-MODIFIED of each iCalendar event: how many times a stage's dates changed,
and when last, from the documented changes in the data and this machine's history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from tahapan.errors import TahapanError

#: (election id, stage path) -> (SEQUENCE, LAST-MODIFIED) of its iCalendar event
Versions = dict[tuple[str, str], tuple[int, datetime]]


def event_versions(
    elections: Sequence[Any],
    recorded: Sequence[Any],
    *,
    revisions: dict[str, date | None],
    fallback: datetime,
) -> Versions:
    """How many times each stage's dates have changed, and when last: the documented changes in the
    data (the same on every machine) plus those this machine's history saw. A phone replaces an
    event it has when the SEQUENCE grows; the count never depends on the clock.

    Without any change, LAST-MODIFIED is the revision of the file the election came from (else
    ``fallback``): identical input gives identical files."""
    from datetime import UTC, time

    out: Versions = {}
    seen: dict[tuple[str, str], list[datetime]] = {}
    for r in recorded:
        c = r.change
        if c.kind == "changed" and c.path and c.moves_dates:
            at = datetime.fromisoformat(r.at.replace("Z", "+00:00"))
            seen.setdefault((c.election, c.path), []).append(at)
    for election in elections:
        revision = revisions.get(election.id)
        base = datetime.combine(revision, time(), UTC) if revision else fallback
        paths = {s.id: p for p, s in election.walk()}
        documented: dict[str, list[datetime]] = {}
        for change in election.changes:
            path = paths.get(change.stage or "", change.stage)
            if path and (change.old_start or change.old_end):
                day = change.date or revision
                documented.setdefault(path, []).append(
                    datetime.combine(day, time(), UTC) if day else base
                )
        for path, _ in election.walk():
            times = documented.get(path, []) + seen.get((election.id, path), [])
            out[(election.id, path)] = (len(times), max([base, *times]))
    return out


def current_versions(loaded: Any, chosen: Sequence[Any], stamp: datetime | None) -> Versions:
    """The versions of ``chosen`` (elections of the ``loaded`` catalog) now: changes in the loaded
    files are recorded first, so that a stage moved since the last export gets a higher SEQUENCE
    even if no one ran `changes`."""
    from datetime import UTC

    from tahapan.history import History, record

    record(loaded)
    history = History.open()
    recorded: list[Any] = []
    fallback = stamp or datetime.now(UTC)
    if history is not None:
        recorded = history.all()
        taken = history.state().get("taken")
        if taken:
            fallback = datetime.fromisoformat(taken.replace("Z", "+00:00"))
    revisions = election_revisions(loaded, chosen)
    found = event_versions(chosen, recorded, revisions=revisions, fallback=fallback)
    return settled(history, found, chosen) if history is not None else found


def settled(history: Any, found: Versions, elections: Sequence[Any]) -> Versions:
    """The numbers as given before, raised where the dates changed since: a SEQUENCE never falls
    (an update rolled back lowers the count of documented changes) and always grows with a move."""
    kept = history.sequences()
    out: Versions = {}
    changed = False
    for election in elections:
        for path, stage in election.walk():
            key = f"{election.id}/{path}"
            dates = f"{stage.start}|{stage.end}|{stage.held}"
            number, modified = found[(election.id, path)]
            before = kept.get(key)
            if before is not None:
                number = max(number, before[0] + (before[1] != dates))
            if before != [number, dates]:
                kept[key] = [number, dates]
                changed = True
            out[(election.id, path)] = (number, modified)
    if changed:
        import contextlib

        # not kept: the next export counts from the history as before
        with contextlib.suppress(OSError, TahapanError):
            history.keep_sequences(kept)
    return out


def election_revisions(loaded: Any, chosen: Sequence[Any]) -> dict[str, date | None]:
    """The revision of the file each election came from (None: the file declares none)."""
    from tahapan.reports.changes import file_source

    sources = loaded.sources
    revisions: dict[str, date | None] = {}
    read: dict[Any, date | None] = {}
    for election in chosen:
        path = sources.get(election.id)
        if path is not None and path not in read:
            try:
                read[path] = file_source(path).revision
            except TahapanError:
                read[path] = None
        revisions[election.id] = read.get(path) if path is not None else None
    return revisions
