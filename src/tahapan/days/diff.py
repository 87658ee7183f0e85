"""What differs between two versions of the schedules: elections and stages added or removed, dates
moved, basis or confidence changed, held or not.

Both sides are *fingerprints*: for every election and stage, the fields a change of schedule is made
of, as plain JSON values. A fingerprint is what the history keeps as its snapshot (so the previous
version needs no file of its own) and what `tahapan changes OLD NEW` makes of each file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from tahapan.model import Election

#: election id -> path ("" for the election itself) -> field -> value (dates as ISO text)
Fingerprint = dict[str, dict[str, dict[str, Any]]]
#: the fields compared, in the order a change lists them; names are kept to say what changed
ELECTION_FIELDS = ("voting_day", "timezone", "basis", "regions", "name", "name_en")
STAGE_FIELDS = (
    "start",
    "end",
    "held",
    "basis",
    "confidence",
    "projected",
    "regions",
    "name",
    "name_en",
    "repeat",
    "instances",
)
#: fields whose change moves a date someone plans by (what `check --changes` and SEQUENCE follow)
DATE_FIELDS = frozenset({"start", "end", "held", "voting_day", "repeat", "instances"})
Kind = Literal["added", "removed", "changed"]


def fingerprint(elections: Iterable[Election]) -> Fingerprint:
    out: Fingerprint = {}
    for election in elections:
        rows: dict[str, dict[str, Any]] = {"": _row(election, ELECTION_FIELDS)}
        for path, stage in election.walk():
            rows[path] = _row(stage, STAGE_FIELDS)
        out[election.id] = rows
    return out


def _row(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    row = {}
    for name in names:
        value = getattr(obj, name)
        if name == "instances":  # "2026-12-28: 2026-12-29..2026-12-29", "2027-01-04: -" (not held)
            value = [_instance(i) for i in value] or None
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        row[name] = value
    return row


def _instance(instance: Any) -> str:
    if not instance.held:
        return f"{instance.of.isoformat()}: -"
    start = (instance.start or instance.end).isoformat()
    return f"{instance.of.isoformat()}: {start}..{instance.end.isoformat()}"


@dataclass(frozen=True)
class FieldChange:
    key: str
    old: Any
    new: Any

    @property
    def shift(self) -> int | None:
        """Days a date moved (negative: earlier); None when this is not a move of a known date."""
        if self.key not in ("start", "end", "voting_day") or not (self.old and self.new):
            return None
        return (date.fromisoformat(self.new) - date.fromisoformat(self.old)).days


@dataclass(frozen=True)
class Difference:
    """One election or stage that differs; ``path`` is "" for the election's own fields."""

    election: str
    path: str
    kind: Kind
    #: the row on each side (None where it does not exist)
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    #: the election's names, from the newer side that has it
    election_name: str
    election_name_en: str
    fields: tuple[FieldChange, ...] = ()

    @property
    def row(self) -> dict[str, Any]:
        """The newest row there is: the new one, or the old one of what was removed."""
        return self.new if self.new is not None else self.old or {}

    @property
    def moves_dates(self) -> bool:
        """Whether this changes a date someone plans by (added and removed stages do)."""
        return self.kind != "changed" or any(f.key in DATE_FIELDS for f in self.fields)

    def field(self, key: str) -> FieldChange | None:
        return next((f for f in self.fields if f.key == key), None)


def diff(old: Fingerprint, new: Fingerprint) -> list[Difference]:
    """Every difference, in the new side's order (what was removed after what is kept)."""
    return list(_differences(old, new))


def _differences(old: Fingerprint, new: Fingerprint) -> Iterator[Difference]:
    for eid in [*new, *(e for e in old if e not in new)]:
        before, after = old.get(eid), new.get(eid)
        head = (after or before or {}).get("", {})
        name = str(head.get("name", eid))
        names = (name, str(head.get("name_en") or name))
        if before is None or after is None:
            # an election added or removed is one change, not one per stage
            kind: Kind = "added" if before is None else "removed"
            yield Difference(eid, "", kind, _get(before, ""), _get(after, ""), *names)
            continue
        for path in [*after, *(p for p in before if p not in after)]:
            a, b = before.get(path), after.get(path)
            if a is None or b is None:
                kind = "added" if a is None else "removed"
                if _parent_also(path, before if a is None else after):
                    yield Difference(eid, path, kind, a, b, *names)
                continue
            changed = tuple(
                FieldChange(key, a.get(key), b.get(key))
                for key in (ELECTION_FIELDS if path == "" else STAGE_FIELDS)
                if a.get(key) != b.get(key)
            )
            if changed:
                yield Difference(eid, path, "changed", a, b, *names, fields=changed)


def _get(rows: dict[str, dict[str, Any]] | None, path: str) -> dict[str, Any] | None:
    return None if rows is None else rows.get(path)


def _parent_also(path: str, other_side: dict[str, dict[str, Any]]) -> bool:
    """A sub-stage added or removed with its parent is said once, with the parent; so is one
    added under a parent that is new."""
    parent = path.rpartition("/")[0]
    return not parent or parent in other_side


def working_shift(change: FieldChange, is_working: Any) -> int | None:
    """Working days a date moved (negative: earlier): those after the earlier date up to the later
    one, so that a move and its undoing count the same. ``is_working(day)`` is a working-day
    calendar's test."""
    shift = change.shift
    if not shift:
        return shift
    from datetime import timedelta

    first = date.fromisoformat(change.old if shift > 0 else change.new)
    count = sum(1 for n in range(1, abs(shift) + 1) if is_working(first + timedelta(days=n)))
    return count if shift > 0 else -count
