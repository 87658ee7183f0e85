"""Pydantic models of a schedule file (``data/stages.toml`` and the files users add).

The models check shape and types (unknown keys are errors); the rules that relate one stage to another
(end before start, a sub-stage outside its parent, duplicate ids) live in ``rules.py`` so that every
problem in a file is reported at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Confidence = Literal["P", "P+2S", "2S", "1S", "D"]
CONFIDENCE_TEXT = {
    "P": ("teks resmi", "official text"),
    "P+2S": ("teks resmi dan dua sumber sekunder", "official text and two secondary sources"),
    "2S": ("dua sumber sekunder atau lebih", "two or more secondary sources agree"),
    "1S": ("satu sumber sekunder", "one secondary source"),
    "D": ("diturunkan dari aturan bersumber", "derived from a sourced rule"),
}
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)

# Short names officers use, mapped to the zones the regulations mean by them.
ZONE_ALIASES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


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
    stages: tuple[Stage, ...] = ()

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


class Election(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    voting_day: date
    timezone: str = "Asia/Jakarta"
    basis: str = Field(min_length=1)
    scope: str | None = None
    scope_en: str | None = None
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
