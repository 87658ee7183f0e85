"""Schedules back to TOML: the tables that, read again, give the same elections.

A date given by a rule is written as its rule, so that the file keeps saying where the date comes
from; keys at their default are left out, as a person would write the file.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

from tahapan.model import FILE_SCHEMA, Election, Region, Stage, as_table

MANAGED_HEADER = (
    "# Dikelola oleh tahapan (`tahapan stage add|set|remove`); versi sebelumnya ada di berkas .bak.\n"
    "# Managed by tahapan; the previous version is kept beside it as .bak. Values edited by hand are\n"
    "# kept, comments are not.\n"
)


def schedule_text(
    elections: Iterable[Election], regions: Iterable[Region] = (), *, header: str = ""
) -> str:
    return "".join(schedule_pieces(elections, regions, header=header))


def schedule_pieces(
    elections: Iterable[Election], regions: Iterable[Region] = (), *, header: str = ""
) -> Iterator[str]:
    """The file a piece at a time: the schema and the regions, then each election as tomli-w
    writes an array of tables (a blank line before each), so that a national export is written
    as it is made."""
    data: dict[str, Any] = {"schema": FILE_SCHEMA}
    region_tables = [file_table(r) for r in regions]
    if region_tables:
        data["regions"] = region_tables
    each = iter(elections)
    first = next(each, None)
    if first is None:
        data["elections"] = []
        yield tables_text(data, header=header)
        return
    yield tables_text(data, header=header)
    for election in chain([first], each):
        yield "\n"
        yield tables_text({"elections": [file_table(election)]})


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


def file_table(obj: Election | Stage | Region) -> dict[str, Any]:
    """An election, stage or region as its file table (``model.as_table``), with each stage's rule
    written in place of the date it gives (``start = { h = -3 }``)."""
    return _rules_in_place(as_table(obj))


def _rules_in_place(table: dict[str, Any]) -> dict[str, Any]:
    rules = {key[:-5]: table.pop(key) for key in ("start_rule", "end_rule") if key in table}
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key == "end" and "start" in rules and "start" not in table:
            out["start"] = rules["start"]  # a start given only by its rule
        out[key] = rules.get(key, value)
    if "stages" in out:
        out["stages"] = [_rules_in_place(child) for child in out["stages"]]
    return out
