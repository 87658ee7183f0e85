"""The elections, stages and regions tahapan works with: plain frozen dataclasses.

Files are checked by the pydantic models in ``schema.py`` (only when a file is read, not on every
run: the validated result is cached, see ``cache.py``); everything else works on these classes, which
cost nothing to import. Both ends of a window are inclusive.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import MISSING, dataclass, fields
from datetime import date
from functools import lru_cache
from typing import Any, Final, Literal, TypeVar

from tahapan.records import FrozenRecord

Confidence = Literal["P", "P+2S", "2S", "1S", "D"]
Counting = Literal["calendar", "working"]
RegionKind = Literal["provinsi", "kabupaten", "kota"]
ElectionKind = Literal["election", "programme"]
#: how a stage's dates stand (``Election.dating``), a stable value in JSON and CSV: from a source;
#: copied from another election's pattern; or the office's own while the voting day is projected
Dating = Literal["official", "projected", "assumption"]
CONFIDENCE_TEXT = {
    "P": ("teks resmi", "official text"),
    "P+2S": ("teks resmi dan dua sumber sekunder", "official text and two secondary sources"),
    "2S": ("dua sumber sekunder atau lebih", "two or more secondary sources agree"),
    "1S": ("satu sumber sekunder", "one secondary source"),
    "D": ("dihitung dari aturan yang bersumber", "derived from a sourced rule"),
}
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
#: Kemendagri area codes: 19 (province), 19.71 (regency or city)
CODE_PATTERN = r"^\d{2}(?:\.\d{2})?$"
T = TypeVar("T")

# Short names officers use, mapped to the zones the regulations mean by them.
ZONE_ALIASES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
#: and back: the short name shown after a time or a date (Pontianak keeps WIB too)
ZONE_SHORT = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}

#: fields the loader sets and no file holds: an occurrence is made from its repeating stage
RUNTIME_FIELDS = frozenset({"occurrence"})
#: the version of the schedule file format (`schema = 1` at the top of a file)
FILE_SCHEMA: Final = 1
#: the ids of the voting-day stage: the election's own, and a re-vote's (a CSV row with one gives the
#: voting day; `election add` without a template makes the first)
VOTING_STAGES = ("pemungutan-suara", "pemungutan-suara-ulang")
#: the largest count a relative date may add; the same ten-year bound as spans on the command line
MAX_OFFSET_DAYS = 3660
#: stands for an end that a rule gives, until the loader has computed it
UNRESOLVED = date.min


@dataclass(frozen=True, slots=True, kw_only=True, repr=False, eq=False)
class RelativeDate(FrozenRecord):
    """A date counted from another stage or from voting day.

    ``after`` counts from the end of the named stage, ``before`` back from its start, ``h`` from
    voting day in calendar days (``h = -30`` is H-30).
    """

    after: str | None = None
    before: str | None = None
    h: int | None = None
    days: int | None = None
    working_days: int | None = None

    @property
    def anchor(self) -> str | None:
        """The stage the date counts from, or None for voting day."""
        return self.after or self.before

    @property
    def offset(self) -> int:
        """Signed count: positive after, negative before."""
        n = self.h if self.h is not None else (self.days or self.working_days or 0)
        return -n if self.before is not None else n


@dataclass(frozen=True, slots=True, kw_only=True, repr=False, eq=False)
class Stage(FrozenRecord):
    """A stage of an election's schedule, with its own sub-stages (a docstring of its own also
    spares @dataclass from working one out of the signature)."""

    id: str
    name: str
    #: None: the file gives no English name; English output shows ``name`` (i18n.pick)
    name_en: str | None = None
    #: None: the sources do not give the start; it is never guessed
    start: date | None = None
    end: date
    basis: str
    confidence: Confidence
    confidence_note: str | None = None
    note: str | None = None
    note_en: str | None = None
    #: False for a scheduled stage that did not take place
    held: bool = True
    #: region ids or codes this stage belongs to; empty: everywhere its election runs
    regions: tuple[str, ...] = ()
    #: how the stage's own window is counted, e.g. by `tahapan pace`
    counting: Counting = "calendar"
    #: dates copied from another election's pattern (`election add --like`), not from a regulation
    projected: bool = False
    #: an iCalendar recurrence rule (RFC 5545 RRULE text): the stage repeats, each occurrence as
    #: long as the first (``start``..``end``); see ``schedule/recurrence.py``
    repeat: str | None = None
    #: occurrences the sources date differently from the rule, or that were not held
    instances: tuple[Instance, ...] = ()
    #: set on one occurrence of a repeating stage: the day the rule gives it (its RECURRENCE-ID)
    occurrence: date | None = None
    start_rule: RelativeDate | None = None
    end_rule: RelativeDate | None = None
    stages: tuple[Stage, ...] = ()

    @property
    def series(self) -> str:
        """The id of the repeating stage this is an occurrence of (``rekap-2026-04-02`` ->
        ``rekap``); a stage's own id otherwise."""
        return self.id[: -len("-YYYY-MM-DD")] if self.occurrence is not None else self.id

    @property
    def days_total(self) -> int | None:
        """Length of the window, both ends counted."""
        return None if self.start is None else (self.end - self.start).days + 1

    def walk(self, parent: str = "") -> Iterator[tuple[str, Stage]]:
        """This stage and its sub-stages, depth first, with their paths ('kampanye/rapat-umum')."""
        path = f"{parent}/{self.id}" if parent else self.id
        yield path, self
        for child in self.stages:
            yield from child.walk(path)


@dataclass(frozen=True, slots=True, kw_only=True, repr=False, eq=False)
class Instance(FrozenRecord):
    """One occurrence of a repeating stage as the sources date it: moved, or not held.

    ``of`` is the first day the rule gives the occurrence; ``start``/``end`` its real window.
    """

    of: date
    start: date | None = None
    end: date | None = None
    basis: str
    confidence: Confidence
    held: bool = True
    note: str | None = None
    note_en: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True, repr=False, eq=False)
class Holiday(FrozenRecord):
    """A day off beyond the national list, such as a local holiday on a regional voting day."""

    date: date
    name: str
    name_en: str | None = None
    #: a local holiday: only these regions (ids or codes) are off; empty: the whole election
    regions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True, repr=False, eq=False)
class Change(FrozenRecord):
    """A documented change of a published schedule: what moved, when it was decided, on what basis.

    ``old_start``/``old_end`` are the dates before the change (the stage's own fields hold the new
    ones); ``date`` is left out when the sources do not give the day the change was decided.
    """

    summary: str
    summary_en: str
    basis: str
    confidence: Confidence
    #: the stage that moved, by id or path; None: the election as a whole (its rules, its day)
    stage: str | None = None
    old_start: date | None = None
    old_end: date | None = None
    # last: after this field, "date" in an annotation would name it, not the type
    date: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True, repr=False, eq=False)
class Region(FrozenRecord):
    """A province, regency or city, with the zone its local time is kept in."""

    id: str
    #: the Kemendagri code (19, 19.71); a region a user's file adds may have none
    code: str | None = None
    kind: RegionKind | None = None
    #: the decree's name ("Kota Pangkal Pinang")
    name: str
    name_en: str | None = None
    #: the province a regency or city lies in
    parent: str | None = None
    timezone: str
    #: other names officers write for it: short names (Jatim, Tangsel), usual spellings
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True, repr=False, eq=False)
class Election(FrozenRecord):
    """An election (or a continuous programme) with its stages, as the schedule files give it."""

    id: str
    name: str
    #: None: the file gives no English name; English output shows ``name`` (i18n.pick)
    name_en: str | None = None
    #: None: not set yet (an election before its PKPU), or none at all (a programme)
    voting_day: date | None = None
    #: the voting day is a planning date (`election add --like`), no source's yet; cleared when it
    #: is set with its basis (`election set-voting-day --basis`), or a file before it dates it
    projected: bool = False
    #: "programme": continuous work with no voting day (PDPB), shown apart from elections
    kind: ElectionKind = "election"
    timezone: str = "Asia/Jakarta"
    basis: str
    scope: str | None = None
    scope_en: str | None = None
    #: what is known beyond the dates (for an election whose voting day is not set: its state)
    note: str | None = None
    note_en: str | None = None
    #: region ids or codes the election is held in; empty: nationwide
    regions: tuple[str, ...] = ()
    #: days off beyond the national list, e.g. a local holiday on a regional voting day
    holidays: tuple[Holiday, ...] = ()
    stages: tuple[Stage, ...] = ()
    #: documented changes of the published schedule, oldest first
    changes: tuple[Change, ...] = ()

    def walk(self) -> Iterator[tuple[str, Stage]]:
        for stage in self.stages:
            yield from stage.walk()

    def dating(self, stage: Stage) -> Dating:
        """How one of its stages is dated; every view asks here. A stage the office dated with its
        own basis is still its assumption while the voting day it counts towards is projected."""
        if stage.projected:
            return "projected"
        return "assumption" if self.projected else "official"


@dataclass(frozen=True, slots=True, kw_only=True, repr=False, eq=False)
class Schedule(FrozenRecord):
    """What one or more files hold, once read."""

    regions: tuple[Region, ...] = ()
    elections: tuple[Election, ...] = ()


def as_table(obj: Any) -> dict[str, Any]:
    """A model object as the table a file holds: every field in order, except those at their default
    (None, an empty tuple, ``held = true``); nested objects as tables, tuples as lists.

    The one field list of each entity is its dataclass: the cache, the TOML writer and the JSON
    reports all start from this table, so a new field travels through them with no other edit.
    """
    out: dict[str, Any] = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        if f.default is not MISSING and value == f.default:
            continue
        out[f.name] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if hasattr(value, "__dataclass_fields__"):
        return as_table(value)
    return value


def from_table(cls: type[T], table: dict[str, Any], shared: dict[str, str] | None = None) -> T:
    """The inverse of ``as_table`` for tables whose dates are ISO text (JSON): the cache's decoder.

    An unknown key or a value of the wrong kind raises (KeyError, TypeError or ValueError); the
    conversions are worked out once per class from its annotations. ``shared`` holds the strings
    made so far, by their text: one met again is that object, and each date one object too, so a
    national office's stages, which repeat the same names, bases and days, are held once.
    """
    plan = _PLANS.get(cls) or _plan(cls)
    memo = {} if shared is None else shared
    return cls(**{key: plan[key](value, memo) for key, value in table.items()})


_Convert = Callable[[Any, dict[str, str]], Any]
_PLANS: dict[type, dict[str, _Convert]] = {}


def _plan(cls: type) -> dict[str, _Convert]:
    plan = {f.name: _converter(str(f.type)) for f in fields(cls)}
    _PLANS[cls] = plan
    return plan


def _same(value: Any, shared: dict[str, str]) -> Any:
    return shared.setdefault(value, value) if type(value) is str else value


def _texts(value: Any, shared: dict[str, str]) -> tuple[Any, ...]:
    return tuple([shared.setdefault(v, v) if type(v) is str else v for v in value])


@lru_cache(maxsize=4096)
def _day(text: str) -> date:
    return date.fromisoformat(text)


def _converter(annotation: str) -> _Convert:
    """The conversion from JSON for one of this module's annotations, read from its text
    ('date | None', 'tuple[Stage, ...]'): typing.get_type_hints would compile every annotation,
    milliseconds on each run that reads the cache."""
    parts = [part.strip() for part in annotation.split("|")]
    if "None" in parts and len(parts) > 1:
        inner = _converter(" | ".join(p for p in parts if p != "None"))
        return inner if inner is _same else (lambda v, m: None if v is None else inner(v, m))
    if annotation.startswith("tuple["):
        item = _converter(annotation[len("tuple[") :].split(",")[0])
        return _texts if item is _same else (lambda v, m: tuple(item(x, m) for x in v))
    if annotation == "date":
        return lambda v, m: _day(v)
    found = globals().get(annotation)
    if isinstance(found, type) and hasattr(found, "__dataclass_fields__"):
        return lambda v, m: from_table(found, v, m)
    return _same


def canonical_zone(name: str) -> str:
    """'WIT' -> 'Asia/Jayapura'; an IANA name is checked against the zone database."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    zone = ZONE_ALIASES.get(name.upper(), name)
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "Asia" is a folder of zones, not one
        from tahapan.i18n import tr

        raise ValueError(
            tr(
                f"zona waktu tidak dikenal: {name!r}; gunakan WIB, WITA, WIT atau nama IANA seperti "
                "Asia/Makassar",
                f"unknown time zone {name!r}: use WIB, WITA, WIT or an IANA name such as Asia/Makassar",
            )
        ) from None
    return zone


def is_valid_id(text: str) -> bool:
    return bool(re.match(ID_PATTERN, text))  # compiled on first use, not by every run
