"""`tahapan changes`: what differs between two schedule files, or what changed in the loaded
schedules since this user last looked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from tahapan.days.diff import Difference, FieldChange, working_shift
from tahapan.errors import ExitCode


@dataclass
class Source:
    """One side of a comparison: a file and the revision it declares."""

    path: Path
    revision: date | None = None
    revision_note: str | None = None

    def payload(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "revision": self.revision.isoformat() if self.revision else None,
            "revision_note": self.revision_note,
        }


@dataclass
class Item:
    """A change, and where the history has it (none of these when two files are compared)."""

    change: Difference
    n: int | None = None
    seen_at: str | None = None
    by: str | None = None
    #: working days each date field moved, worked out once (None: not a move, or not counted)
    working: dict[str, int | None] = field(default_factory=dict)


@dataclass
class ChangesReport:
    mode: Literal["files", "history"]
    items: list[Item]
    old: Source | None = None
    new: Source | None = None
    #: history mode: this look took the first snapshot, so there was nothing to compare with
    first_look: bool = False
    #: history mode: when the snapshot was first taken on this machine
    since: str | None = None
    #: the zone the history's times are shown in (it keeps UTC)
    timezone: str | None = None
    #: the snapshot was damaged or gone: a new one was taken, changes before it cannot be told
    baseline_lost: bool = False

    @property
    def exit_code(self) -> int:
        # as diff(1): 0 the same, 1 different (or not known: the baseline was lost)
        return int(ExitCode.ATTENTION) if self.items or self.baseline_lost else 0

    def payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"mode": self.mode}
        if self.mode == "files":
            out["old"] = self.old.payload() if self.old else None
            out["new"] = self.new.payload() if self.new else None
        else:
            out["first_look"] = self.first_look
            out["baseline_lost"] = self.baseline_lost
            out["since"] = self.since
        out["count"] = len(self.items)
        out["changes"] = [item_json(item) for item in self.items]
        return out


def item_json(item: Item) -> dict[str, Any]:
    """One change as JSON: the same keys in both modes and in `check --changes`."""
    c = item.change
    row = c.row
    out: dict[str, Any] = {}
    if item.n is not None:
        out.update(n=item.n, seen_at=item.seen_at, by=item.by)
    out.update(
        election=c.election,
        election_name=c.election_name,
        election_name_en=c.election_name_en,
        stage=c.path or None,
        name=row.get("name"),
        name_en=row.get("name_en"),
        change=c.kind,
        moves_dates=c.moves_dates,
        fields=[_field_json(f, item.working.get(f.key)) for f in c.fields],
    )
    for key in ("start", "end", "voting_day", "basis", "confidence"):
        if key in row:
            out[key] = row[key]
    return out


def _field_json(f: FieldChange, working: int | None) -> dict[str, Any]:
    out: dict[str, Any] = {"field": f.key, "old": f.old, "new": f.new}
    if f.shift is not None:
        out["shift_days"] = f.shift
        out["shift_working_days"] = working
    return out


def with_working_days(items: Iterable[Item]) -> list[Item]:
    """Each moved date's shift in working days too (national days off; the holidays package is
    imported only when something moved)."""
    items = list(items)
    moved = [(i, f) for i in items for f in i.change.fields if f.shift]
    if not moved:
        return items
    from tahapan.days.workdays import WorkCalendar

    calendar = WorkCalendar()
    for item, f in moved:
        item.working[f.key] = working_shift(f, calendar.is_working)
    return items


def compare_files(old: Path, new: Path, *, regions: Sequence[Path]) -> ChangesReport:
    """The two files, each read on its own (with the shipped regions, which files refer to)."""
    from tahapan.days.diff import diff, fingerprint
    from tahapan.schedule.load import load_catalog

    sides = []
    for path in (old, new):
        catalog = load_catalog([*regions, path], include_shipped=False)
        sides.append(fingerprint(catalog.elections))
    items = with_working_days(Item(c) for c in diff(sides[0], sides[1]))
    return ChangesReport("files", items, old=file_source(old), new=file_source(new))


def file_source(path: Path) -> Source:
    """A file and its declared revision (read again: the loader does not keep the top level)."""
    from tahapan.schedule.read import read_source

    data = read_source(path).data
    revision = data.get("revision")
    note = data.get("revision_note")
    return Source(
        path,
        revision if isinstance(revision, date) else None,
        note if isinstance(note, str) else None,
    )


#: readers of the history, each with its own place (an officer's look does not consume cron's)
READER_CHANGES = "changes"
READER_CHECK = "check"


@dataclass
class Look:
    """What one reader has not seen yet, and how to mark it seen once it has been delivered."""

    report: ChangesReport
    reader: str
    #: the number to mark as read once the answer is out
    upto: int


def _concerns(row: dict[str, Any], refs: set[str] | None) -> bool:
    """Whether a change concerns the region (refs: its lineage's ids and codes; None: any): a
    stage scoped to other regions does not."""
    regions = row.get("regions") or []
    return refs is None or not regions or bool(refs.intersection(regions))


def look(
    history: Any,
    loaded: Any,
    *,
    reader: str,
    at: Any,
    election_ids: Iterable[str] | None = None,
    everything: bool = False,
    timezone: str | None = None,
    region_refs: set[str] | None = None,
) -> Look:
    """Record what changed in ``loaded`` (a Catalog) since the snapshot, then what ``reader`` has not
    seen, narrowed to ``election_ids`` (None: every election). A reader that never looked reads the
    history from its start (or from where a lost state left it)."""
    from tahapan.history import FROM_FILES

    if not everything and history.is_current(loaded.key, reader):
        # the files are the snapshot's and the reader has read everything: nothing to decode
        state = history.state()
        empty = ChangesReport("history", [], since=state.get("taken"), timezone=timezone)
        return Look(empty, reader, state["last"])
    found = history.reconcile(lambda: loaded.elections, loaded.key, by=FROM_FILES, at=at)
    # a reader that never looked reads the history from its start: changes made through tahapan
    # before (an edit, a `data update`) are never missed; only a snapshot taken right now has none
    seen = history.seen(reader)
    seen = history.floor() if seen is None else seen
    recorded = history.all() if everything else history.since(seen)
    if found.lost and not everything:
        recorded = []  # the readers' places went with the state: not everything again
    wanted = None if election_ids is None else set(election_ids)
    # an election no longer loaded at all is shown to a narrowed run too: its removal concerns
    # everyone who planned by it
    gone = set() if wanted is None else {r.change.election for r in recorded} - set(loaded.ids())
    items = [
        Item(r.change, r.n, r.at, r.by)
        for r in recorded
        if (wanted is None or r.change.election in wanted | gone)
        and _concerns(r.change.row, region_refs)
    ]
    report = ChangesReport(
        "history",
        with_working_days(items),
        first_look=found.first,
        since=history.state().get("taken"),
        timezone=timezone,
        baseline_lost=found.lost,
    )
    return Look(report, reader, found.last)
