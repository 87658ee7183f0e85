"""Pydantic models of a schedule file (``data/stages.toml`` and the files users add).

The models check shape and types (unknown keys are errors); the rules that relate one stage to another
(end before start, a sub-stage outside its parent, duplicate ids) live in ``rules.py`` so that every
problem in a file is reported at once. A start or end may be a table such as
``{ after = "penetapan-hasil", working_days = 3 }``: the model keeps it as ``start_rule``/``end_rule``
and ``relative.py`` fills in the date when the file is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Confidence = Literal["P", "P+2S", "2S", "1S", "D"]
CONFIDENCE_TEXT = {
    "P": ("teks resmi", "official text"),
    "P+2S": ("teks resmi dan dua sumber sekunder", "official text and two secondary sources"),
    "2S": ("dua sumber sekunder atau lebih", "two or more secondary sources agree"),
    "1S": ("satu sumber sekunder", "one secondary source"),
    "D": ("diturunkan dari aturan bersumber", "derived from a sourced rule"),
}
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
#: Kemendagri area codes: 19 (province), 19.71 (regency or city)
CODE_PATTERN = r"^\d{2}(?:\.\d{2})?$"
_ID_RE = re.compile(ID_PATTERN)

# Short names officers use, mapped to the zones the regulations mean by them.
ZONE_ALIASES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


#: the largest count a relative date may add; the same ten-year bound as spans on the command line
MAX_OFFSET_DAYS = 3660
#: stands for an end that a rule gives, until the loader has computed it
UNRESOLVED = date.min
Counting = Literal["calendar", "working"]


class RelativeDate(_Strict):
    """A date counted from another stage or from voting day.

    ``after`` counts from the end of the named stage, ``before`` back from its start, ``h`` from
    voting day in calendar days (``h = -30`` is H-30).
    """

    after: str | None = None
    before: str | None = None
    h: int | None = Field(None, ge=-MAX_OFFSET_DAYS, le=MAX_OFFSET_DAYS)
    days: int | None = Field(None, ge=0, le=MAX_OFFSET_DAYS)
    working_days: int | None = Field(None, ge=0, le=MAX_OFFSET_DAYS)

    @model_validator(mode="after")
    def _one_anchor(self) -> RelativeDate:
        anchors = [k for k in ("after", "before", "h") if getattr(self, k) is not None]
        counts = [k for k in ("days", "working_days") if getattr(self, k) is not None]
        example = '{ after = "penetapan-hasil", working_days = 3 }, { before = "pemungutan-suara", days = 7 }, { h = -30 }'
        if len(anchors) != 1:
            raise ValueError("give exactly one of after, before or h, e.g. " + example)
        if self.h is not None and counts:
            raise ValueError(
                "h already counts calendar days from voting day; leave out days/working_days"
            )
        if self.h is None and len(counts) != 1:
            raise ValueError("give exactly one of days or working_days, e.g. " + example)
        return self

    @property
    def anchor(self) -> str | None:
        """The stage the date counts from, or None for voting day."""
        return self.after or self.before

    @property
    def offset(self) -> int:
        """Signed count: positive after, negative before."""
        n = self.h if self.h is not None else (self.days or self.working_days or 0)
        return -n if self.before is not None else n


class Stage(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    #: None: the sources do not give the start; it is never guessed
    start: date | None = None
    end: date
    basis: str = Field(min_length=1)
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
    start_rule: RelativeDate | None = None
    end_rule: RelativeDate | None = None
    stages: tuple[Stage, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _split_rules(cls, data: Any) -> Any:
        # A table in `start`/`end` is a rule; the date it gives is filled in after the whole file is read.
        if not isinstance(data, dict):
            return data
        for key in ("start_rule", "end_rule"):
            if key in data:
                raise ValueError(f'unknown key "{key}": write the rule in "{key[:-5]}"')
        data = dict(data)
        for key in ("start", "end"):
            value = data.get(key)
            if isinstance(value, (dict, RelativeDate)):
                data[f"{key}_rule"] = value
                data[key] = None if key == "start" else UNRESOLVED
        return data

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


class Holiday(_Strict):
    date: date
    name: str = Field(min_length=1)
    name_en: str | None = None
    #: a local holiday: only these regions (ids or codes) are off; empty: the whole election
    regions: tuple[str, ...] = ()


class Region(_Strict):
    """A province, regency or city, with the zone its local time is kept in."""

    id: str = Field(pattern=ID_PATTERN)
    #: the Kemendagri code, where the project's sources give it
    code: str | None = Field(None, pattern=CODE_PATTERN)
    name: str = Field(min_length=1)
    name_en: str | None = None
    timezone: str
    #: the province a regency or city lies in
    parent: str | None = None

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        return canonical_zone(value)


class Election(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    voting_day: date
    timezone: str = "Asia/Jakarta"
    basis: str = Field(min_length=1)
    scope: str | None = None
    scope_en: str | None = None
    #: region ids or codes the election is held in; empty: nationwide
    regions: tuple[str, ...] = ()
    #: days off beyond the national list, e.g. a local holiday on a regional voting day
    holidays: tuple[Holiday, ...] = ()
    stages: tuple[Stage, ...] = ()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        return canonical_zone(value)

    def walk(self) -> Iterator[tuple[str, Stage]]:
        for stage in self.stages:
            yield from stage.walk()


class ScheduleFile(_Strict):
    schema_: Literal[1] = Field(1, alias="schema")
    regions: tuple[Region, ...] = ()
    elections: tuple[Election, ...] = ()


def canonical_zone(name: str) -> str:
    """'WIT' -> 'Asia/Jayapura'; an IANA name is checked against the zone database."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    zone = ZONE_ALIASES.get(name.upper(), name)
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {name!r}: use WIB, WITA, WIT or an IANA name such as Asia/Makassar"
        ) from None
    return zone


def is_valid_id(text: str) -> bool:
    return bool(_ID_RE.match(text))
