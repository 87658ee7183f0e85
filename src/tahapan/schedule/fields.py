"""A stage's fields as `stage add`/`stage set`, the CSV and xlsx columns and a projection
(`election add --like`) see them: the model's own (``dataclasses.fields(Stage)``, in its order), less
the few exceptions listed here, each with its reason. A field added to model.Stage and
schedule/schema.py becomes a column and a copied field with no other edit; its option needs its
help text, and tests/test_fields.py names the place until it has one (or is listed here)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from tahapan.model import RUNTIME_FIELDS, Stage

#: every field a schedule file holds, in the model's order
STAGE_FIELDS = tuple(f.name for f in fields(Stage) if f.name not in RUNTIME_FIELDS)
#: a stage's default values, which a copy leaves out as the writer does
DEFAULTS = {f.name: f.default for f in fields(Stage)}

# ---------------------------------------------------------------------- `stage add`, `stage set`

#: fields with no option of their own in either command
NOT_OPTIONS = {
    "id": "the STAGE argument names it, with its parents' path",
    "confidence_note": "not offered: written in the file",
    "note_en": "not offered: English output shows --note",
    "counting": "not offered: written in the file",
    "projected": "set by `election add --like`; `stage set` with dates, basis and confidence ends it",
    "repeat": "not offered: a recurrence is written in the file (RRULE)",
    "instances": "`stage set` on one occurrence (path-YYYY-MM-DD) records it",
    "start_rule": "--start H-7 writes the rule",
    "end_rule": "--end H-7 writes the rule",
    "stages": "a sub-stage is added by its own path: parent/child",
}
#: fields of one command only
NOT_ADDED = {"held": "a new stage is held; `stage set --not-held` says it did not take place"}
NOT_SET = {"regions": "not offered by `stage set`: a stage's regions are given when it is added"}
#: an option named other than its field: one region per --region, repeatable
OPTION_NAMES = {"regions": "--region"}


def option(field: str) -> str:
    return OPTION_NAMES.get(field, "--" + field.replace("_", "-"))


def stage_option_fields(command: str) -> list[str]:
    """The fields `stage add` or `stage set` has an option for, in the model's order."""
    left_out = NOT_OPTIONS | (NOT_ADDED if command == "add" else NOT_SET)
    return [f for f in STAGE_FIELDS if f not in left_out]


def stage_options(command: str) -> list[str]:
    """The options `stage add` or `stage set` has for the stage's fields, in the model's order."""
    return [option(f) for f in stage_option_fields(command)]


def given_fields(command: str, values: dict[str, Any]) -> dict[str, Any]:
    """The stage's fields as the command's parameters hold them (``locals()`` of `stage add` or
    `stage set`): {"name": ..., "regions": <--region>, ...}."""
    return {f: values[option(f)[2:].replace("-", "_")] for f in stage_option_fields(command)}


# ---------------------------------------------------------------------- CSV and xlsx columns

#: fields with no column: a row holds a stage's dates and their basis, to check against a
#: regulation's annex; the rest stays in TOML (`export` without --format keeps every field)
NOT_COLUMNS = {
    "confidence_note": "TOML only",
    "note": "TOML only",
    "note_en": "TOML only",
    "held": "TOML only",
    "regions": "TOML only",
    "counting": "TOML only",
    "instances": "TOML only: a row is the first occurrence, and repeat its rule",
    "start_rule": "the start column holds the date the rule gives",
    "end_rule": "the end column holds the date the rule gives",
    "stages": "every sub-stage is a row of its own",
}
#: a column named other than its field: the id with its parents' path (kampanye/rapat-umum)
COLUMN_NAMES = {"id": "path"}
#: columns of no field, and the field they follow: the stage's election first, the days of its
#: window after its end (computed on export, checked against start and end on import)
EXTRA_COLUMNS = {"election": None, "days": "end"}


def _columns() -> tuple[str, ...]:
    out = [c for c, after in EXTRA_COLUMNS.items() if after is None]
    for field in STAGE_FIELDS:
        if field not in NOT_COLUMNS:
            out.append(COLUMN_NAMES.get(field, field))
        out += [c for c, after in EXTRA_COLUMNS.items() if after == field]
    return tuple(out)


#: the columns of a CSV or a workbook, in their order
COLUMNS = _columns()

# ---------------------------------------------------------------------- a projection's copy

#: fields a projected stage does not take from its template's
NOT_PROJECTED = {
    "confidence_note": "the template's notes tell what happened in its year",
    "note": "the template's notes tell what happened in its year",
    "note_en": "the template's notes tell what happened in its year",
    "held": "only held stages are copied",
    "repeat": "a recurrence is counted from its own start, not from H",
    "instances": "occurrences of the template's year",
    "start_rule": "start is written as a rule from the new voting day",
    "end_rule": "end is written as a rule from the new voting day",
}
