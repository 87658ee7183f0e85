"""Schedules back to TOML: the tables that, read again, give the same elections.

A date given by a rule is written as its rule, so that the file keeps saying where the date comes
from; keys at their default are left out, as a person would write the file.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from tahapan.model import Election, Holiday, Region, Stage, as_table

MANAGED_HEADER = (
    "# Dikelola oleh tahapan (`tahapan stage add|set|remove`); versi sebelumnya ada di berkas .bak.\n"
    "# Managed by tahapan; the previous version is kept beside it as .bak. Values edited by hand are\n"
    "# kept, comments are not.\n"
)


def schedule_text(
    elections: Iterable[Election], regions: Iterable[Region] = (), *, header: str = ""
) -> str:
    data: dict[str, Any] = {"schema": 1}
    region_tables = [region_table(r) for r in regions]
    if region_tables:
        data["regions"] = region_tables
    data["elections"] = [election_table(e) for e in elections]
    return tables_text(data, header=header)


def tables_text(data: dict[str, Any], *, header: str = "") -> str:
    """TOML for ``data``; a rule (``start = {h = -3}``) stays on its key's line, as people write it.

    tomli-w writes every nested table as a [section], which would move a rule below the stage's
    other keys; rules are swapped for unique markers and put back as inline tables.
    """
    import tomli_w

    token = uuid.uuid4().hex
    inline: dict[str, str] = {}

    def swap(node: Any) -> Any:
        if isinstance(node, list):
            return [swap(item) for item in node]
        if not isinstance(node, dict):
            return node
        out = {}
        for key, value in node.items():
            if key in ("start", "end") and isinstance(value, dict):
                marker = f"rule-{token}-{len(inline)}"
                body = tomli_w.dumps(value).strip().splitlines()
                inline[marker] = "{ " + ", ".join(body) + " }"
                out[key] = marker
            else:
                out[key] = swap(value)
        return out

    text = tomli_w.dumps(swap(data))
    for marker, table in inline.items():
        text = text.replace(f'"{marker}"', table, 1)
    return header + text


def region_table(region: Region) -> dict[str, Any]:
    return as_table(region)


def election_table(election: Election) -> dict[str, Any]:
    table: dict[str, Any] = {
        "id": election.id,
        "name": election.name,
        "name_en": election.name_en,
        "voting_day": election.voting_day,
    }
    if election.timezone != "Asia/Jakarta":
        table["timezone"] = election.timezone
    table["basis"] = election.basis
    for key in ("scope", "scope_en"):
        value = getattr(election, key)
        if value is not None:
            table[key] = value
    if election.regions:
        table["regions"] = list(election.regions)
    if election.holidays:
        table["holidays"] = [_holiday(h) for h in election.holidays]
    if election.stages:
        table["stages"] = [stage_table(s) for s in election.stages]
    return table


def _holiday(holiday: Holiday) -> dict[str, Any]:
    return as_table(holiday)


def stage_table(stage: Stage) -> dict[str, Any]:
    table: dict[str, Any] = {"id": stage.id, "name": stage.name, "name_en": stage.name_en}
    if stage.start_rule is not None:
        table["start"] = as_table(stage.start_rule)
    elif stage.start is not None:
        table["start"] = stage.start
    table["end"] = as_table(stage.end_rule) if stage.end_rule is not None else stage.end
    table["basis"] = stage.basis
    table["confidence"] = stage.confidence
    for key in ("confidence_note", "note", "note_en"):
        value = getattr(stage, key)
        if value is not None:
            table[key] = value
    if not stage.held:
        table["held"] = False
    if stage.regions:
        table["regions"] = list(stage.regions)
    if stage.counting != "calendar":
        table["counting"] = stage.counting
    if stage.projected:
        table["projected"] = True
    if stage.stages:
        table["stages"] = [stage_table(s) for s in stage.stages]
    return table
