"""Pydantic models that check a schedule file (``data/stages.toml`` and the files users add).

Used only when a file is read; what they accept becomes the plain classes of ``model.py``
(``to_model``). They check shape and types (unknown keys are errors); the rules that relate one stage
to another (end before start, a sub-stage outside its parent, duplicate ids) live in ``rules.py`` so
that every problem in a file is reported at once. A start or end may be a table such as
``{ after = "penetapan-hasil", working_days = 3 }``: it is kept as ``start_rule``/``end_rule`` and
``relative.py`` fills in the date once the files are merged.
"""

from __future__ import annotations

from datetime import date
from datetime import date as Day  # for a model whose field is itself named `date`
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tahapan import model
from tahapan.model import (
    CODE_PATTERN,
    FILE_SCHEMA,
    ID_PATTERN,
    MAX_OFFSET_DAYS,
    UNRESOLVED,
    Confidence,
    Counting,
    ElectionKind,
    RegionKind,
    canonical_zone,
)
from tahapan.text import block, needs_cleaning, one_line

#: bounds on text from files: an official name is a line, a note a few paragraphs; a 5 MB name
#: would take the terminal renderer minutes to wrap
MAX_ID, MAX_NAME, MAX_TEXT, MAX_NOTE = 100, 500, 2000, 10000
RegionRef = Annotated[str, Field(min_length=1, max_length=200)]


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class RelativeDate(_Strict):
    """A date counted from another stage or from voting day.

    ``after`` counts from the end of the named stage, ``before`` back from its start, ``h`` from
    voting day in calendar days (``h = -30`` is H-30).
    """

    after: str | None = Field(None, min_length=1)
    before: str | None = Field(None, min_length=1)
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


class Stage(_Strict):
    id: str = Field(pattern=ID_PATTERN, max_length=MAX_ID)
    name: str = Field(min_length=1, max_length=MAX_NAME)
    #: left out (or empty): English output shows ``name``; an office need not invent English
    name_en: str | None = Field(None, max_length=MAX_NAME)
    #: None: the sources do not give the start; it is never guessed
    start: date | None = None
    end: date
    basis: str = Field(min_length=1, max_length=MAX_TEXT)
    confidence: Confidence
    confidence_note: str | None = Field(None, max_length=MAX_TEXT)
    note: str | None = Field(None, max_length=MAX_NOTE)
    note_en: str | None = Field(None, max_length=MAX_NOTE)
    #: False for a scheduled stage that did not take place
    held: bool = True
    #: region ids or codes this stage belongs to; empty: everywhere its election runs
    regions: tuple[RegionRef, ...] = ()
    #: how the stage's own window is counted, e.g. by `tahapan pace`
    counting: Counting = "calendar"
    #: dates copied from another election's pattern (`election add --like`), not from a regulation
    projected: bool = False
    #: an RFC 5545 recurrence rule ("FREQ=MONTHLY;INTERVAL=3"); checked in recurrence.py
    repeat: str | None = Field(None, min_length=1, max_length=MAX_TEXT)
    instances: tuple[Instance, ...] = ()
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


class Instance(_Strict):
    """One occurrence of a repeating stage as the sources date it (see model.Instance)."""

    of: date
    start: Day | None = None
    end: Day | None = None
    basis: str = Field(min_length=1, max_length=MAX_TEXT)
    confidence: Confidence
    held: bool = True
    note: str | None = Field(None, max_length=MAX_NOTE)
    note_en: str | None = Field(None, max_length=MAX_NOTE)

    @model_validator(mode="after")
    def _window(self) -> Instance:
        from tahapan.i18n import Words

        if not self.held and (self.start is not None or self.end is not None):
            raise ValueError(
                Words(
                    "pelaksanaan yang batal tidak memiliki start atau end: tulis held = false "
                    "saja, atau tanggal pindahnya tanpa held",
                    "an instance that was not held has no start or end: give held = false alone, "
                    "or the dates it was moved to without held",
                )
            )
        if self.held and self.end is None:
            raise ValueError(
                Words(
                    "pelaksanaan yang jadi wajib memiliki end (dan start bila lebih dari sehari); "
                    "yang batal ditulis held = false",
                    "an instance that was held needs its end (and start, if it lasts more than a "
                    "day); one that was not held says held = false",
                )
            )
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(
                Words(
                    f"end {self.end} lebih awal dari start {self.start}",
                    f"end {self.end} is before start {self.start}",
                )
            )
        return self


class Holiday(_Strict):
    date: date
    name: str = Field(min_length=1, max_length=MAX_NAME)
    name_en: str | None = Field(None, max_length=MAX_NAME)
    #: a local holiday: only these regions (ids or codes) are off; empty: the whole election
    regions: tuple[RegionRef, ...] = ()


class Change(_Strict):
    """A documented change of a published schedule (see model.Change)."""

    summary: str = Field(min_length=1, max_length=MAX_TEXT)
    summary_en: str = Field(min_length=1, max_length=MAX_TEXT)
    basis: str = Field(min_length=1, max_length=MAX_TEXT)
    confidence: Confidence
    date: Day | None = None
    stage: str | None = Field(None, min_length=1, max_length=MAX_TEXT)
    old_start: Day | None = None
    old_end: Day | None = None


class Region(_Strict):
    """A province, regency or city, with the zone its local time is kept in."""

    id: str = Field(pattern=ID_PATTERN, max_length=MAX_ID)
    #: the Kemendagri code (19, 19.71); a region a user's file adds may have none
    code: str | None = Field(None, pattern=CODE_PATTERN)
    kind: RegionKind | None = None
    #: the decree's name ("Kota Pangkal Pinang")
    name: str = Field(min_length=1, max_length=MAX_NAME)
    name_en: str | None = Field(None, max_length=MAX_NAME)
    #: the province a regency or city lies in
    parent: str | None = None
    timezone: str
    #: other names officers write for it: short names (Jatim, Tangsel), usual spellings
    aliases: tuple[RegionRef, ...] = ()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        return canonical_zone(value)


class Election(_Strict):
    id: str = Field(pattern=ID_PATTERN, max_length=MAX_ID)
    name: str = Field(min_length=1, max_length=MAX_NAME)
    #: left out (or empty): English output shows ``name``; an office need not invent English
    name_en: str | None = Field(None, max_length=MAX_NAME)
    #: left out: not set yet, or a programme with no voting day
    voting_day: date | None = None
    #: the voting day is a planning date (`election add --like`), not a source's
    projected: bool = False
    kind: ElectionKind = "election"
    timezone: str = "Asia/Jakarta"
    basis: str = Field(min_length=1, max_length=MAX_TEXT)
    scope: str | None = Field(None, max_length=MAX_TEXT)
    scope_en: str | None = Field(None, max_length=MAX_TEXT)
    note: str | None = Field(None, max_length=MAX_NOTE)
    note_en: str | None = Field(None, max_length=MAX_NOTE)
    #: region ids or codes the election is held in; empty: nationwide
    regions: tuple[RegionRef, ...] = ()
    #: days off beyond the national list, e.g. a local holiday on a regional voting day
    holidays: tuple[Holiday, ...] = ()
    stages: tuple[Stage, ...] = ()
    changes: tuple[Change, ...] = ()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        return canonical_zone(value)

    @model_validator(mode="after")
    def _programme_has_no_voting_day(self) -> Election:
        if self.kind == "programme" and self.voting_day is not None:
            from tahapan.i18n import Words

            raise ValueError(
                Words(
                    'program (kind = "programme") tidak memiliki hari pemungutan suara: hapus '
                    'voting_day, atau tulis kind = "election"',
                    'a programme (kind = "programme") has no voting day: leave out voting_day, or '
                    'write kind = "election"',
                )
            )
        return self


class ScheduleFile(_Strict):
    schema_: Literal[1] = Field(
        FILE_SCHEMA, alias="schema"
    )  # the Literal must be the number itself
    #: the day this file's content was last revised, and why (e.g. the PKPU that amended it)
    revision: date | None = None
    revision_note: str | None = Field(None, max_length=MAX_TEXT)
    regions: tuple[Region, ...] = ()
    elections: tuple[Election, ...] = ()


def to_model(schedule: ScheduleFile) -> model.Schedule:
    """The checked file as the plain classes the rest of tahapan works on, its text made safe to
    show (see ``text.py``)."""
    return model.Schedule(
        regions=tuple(model.Region(**_clean(r.model_dump(), Region)) for r in schedule.regions),
        elections=tuple(_election(e) for e in schedule.elections),
    )


def checked_model(data: dict[str, Any]) -> model.Schedule | None:
    """Merged tables as the plain classes, each election checked and turned over on its own, so
    that the pydantic objects of a national office's 100,000 stages are never all held at once; or
    None when they are not valid (``ScheduleFile.model_validate`` of the whole then names every
    problem, as it always has: this is the way for tables that pass)."""
    from pydantic import ValidationError

    regions, elections = data.get("regions"), data.get("elections")
    if data.keys() - {"schema", "regions", "elections"} or not (
        isinstance(regions, list) and isinstance(elections, list)
    ):
        return None
    try:
        # an election's checks are those of the whole file's tuple item: the same model
        top = ScheduleFile.model_validate({**data, "elections": []})
        return model.Schedule(
            regions=tuple(model.Region(**_clean(r.model_dump(), Region)) for r in top.regions),
            elections=tuple(_election(Election.model_validate(e)) for e in elections),
        )
    except ValidationError:
        return None


_LINES = {
    "name",
    "name_en",
    "basis",
    "scope",
    "scope_en",
    "confidence_note",
    "summary",
    "summary_en",
}
_BLOCKS = {"note", "note_en"}


_TEXT = {*_LINES, *_BLOCKS, "aliases"}
#: the keys of each model's table that hold text to clean, in field order
_TEXT_KEYS: dict[type[BaseModel], tuple[str, ...]] = {}


def _clean(values: dict[str, Any], kind: type[BaseModel]) -> dict[str, Any]:
    keys = _TEXT_KEYS.get(kind)
    if keys is None:
        keys = _TEXT_KEYS[kind] = tuple(k for k in kind.model_fields if k in _TEXT)
    for key in keys:
        value = values[key]
        if isinstance(value, str):
            if needs_cleaning(value):  # seldom: most text is shown as it is
                values[key] = one_line(value) if key in _LINES else block(value)
        elif key == "aliases":
            values[key] = tuple(one_line(alias) for alias in value)
    return values


def _rule(rule: RelativeDate) -> model.RelativeDate:
    return model.RelativeDate(**rule.model_dump())


def _stage(stage: Stage) -> model.Stage:
    # a model's fields are its __dict__ (extra keys are refused): copied at once, not one by one;
    # only what is there is converted (most stages have no rules, instances or sub-stages)
    values = _clean(dict(stage.__dict__), Stage)
    if stage.instances:
        values["instances"] = tuple(
            model.Instance(**_clean(i.model_dump(), Instance)) for i in stage.instances
        )
    if stage.start_rule is not None:
        values["start_rule"] = _rule(stage.start_rule)
    if stage.end_rule is not None:
        values["end_rule"] = _rule(stage.end_rule)
    if stage.stages:
        values["stages"] = tuple(_stage(s) for s in stage.stages)
    return model.Stage(**values)


def _election(election: Election) -> model.Election:
    values = _clean(dict(election.__dict__), Election)
    values.update(
        holidays=tuple(model.Holiday(**_clean(h.model_dump(), Holiday)) for h in election.holidays),
        stages=tuple(_stage(s) for s in election.stages),
        changes=tuple(model.Change(**_clean(c.model_dump(), Change)) for c in election.changes),
    )
    return model.Election(**values)
