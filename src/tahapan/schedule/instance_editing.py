"""`stage set|remove` on one occurrence of a repeating stage (`pdpb/rekap-nasional-2026-12-16`).

When a KPU circular dates the next PDPB recap, the officer records it on that occurrence: it becomes
an instance of the repeating stage in the user's file (`[[elections.stages.instances]]`, with its
own basis and confidence), which every view and the iCalendar override then follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from tahapan.model import Election, Stage, as_table
from tahapan.schedule.editing import Change, Tables, find_table, make_table, overlay_table, refuse
from tahapan.schedule.recurrence import DATED


@dataclass(frozen=True)
class Occurrence:
    """An occurrence named by the day its rule gives it, of a repeating stage of ``election``."""

    election: Election
    stage: Stage
    day: date

    @property
    def name(self) -> str:
        return f"{self.election.id}/{self.stage.id}-{self.day.isoformat()}"


def occurrence(election: Election, path: str) -> Occurrence | None:
    """The occurrence ``path`` names (``rekap-nasional-2026-12-16``), None when it names none;
    a day the rule does not give is refused with the nearest days it does."""
    match = re.match(DATED, path)
    if match is None:
        return None
    stage = next((s for s in election.stages if s.id == match["series"] and s.repeat), None)
    if stage is None:
        return None
    try:
        day = date.fromisoformat(match["day"])
    except ValueError:
        return None
    from tahapan.schedule.recurrence import starts

    if day not in starts(stage, day, day):
        near = ", ".join(d.isoformat() for d in starts(stage, day.replace(day=1), _later(day))[:3])
        raise refuse(
            f"{day} bukan hari pelaksanaan {stage.id} menurut aturannya ({stage.repeat})",
            f"{day} is not a day {stage.id} occurs on by its rule ({stage.repeat})",
            (f"Hari pelaksanaan terdekat: {near}.", f"The nearest days it occurs on: {near}.")
            if near
            else None,
        )
    return Occurrence(election, stage, day)


def _later(day: date) -> date:
    return date(min(day.year + 1, 9999), day.month, min(day.day, 28))


def setting_instance(target: Occurrence, fields: Tables) -> Change:
    """The change that records the occurrence as the sources date it (or as not held)."""
    unknown = sorted(set(fields) - {"start", "end", "basis", "confidence", "note", "held"})
    if unknown:
        raise refuse(
            f"satu pelaksanaan hanya menerima --start, --end, --basis, --confidence, --note dan "
            f"--not-held (tertulis: {', '.join(unknown)})",
            f"one occurrence takes only --start, --end, --basis, --confidence, --note and "
            f"--not-held (given: {', '.join(unknown)})",
            None,
        )
    missing = [f"--{k}" for k in ("basis", "confidence") if k not in fields]
    if missing:
        raise refuse(
            f"jadwal satu pelaksanaan perlu dasar hukumnya sendiri: {', '.join(missing)}",
            f"one occurrence's date needs its own source: {', '.join(missing)}",
            (
                'Contoh: --start 2026-12-17 --end 2026-12-17 --basis "SE KPU Nomor ..." '
                "--confidence P, atau --not-held --basis ... --confidence P.",
                'E.g. --start 2026-12-17 --end 2026-12-17 --basis "KPU circular ..." '
                "--confidence P, or --not-held --basis ... --confidence P.",
            ),
        )
    held = fields.get("held", True)
    entry: Tables = {"of": target.day}
    if held:
        end = fields.get("end") or fields.get("start")
        if end is None:
            raise refuse(
                "beri tanggal pelaksanaannya (--start/--end), atau --not-held bila batal",
                "give its dates (--start/--end), or --not-held when it did not take place",
                None,
            )
        if "start" in fields:
            entry["start"] = fields["start"]
        entry["end"] = end
    else:
        entry["held"] = False
    entry |= {k: fields[k] for k in ("basis", "confidence", "note") if k in fields}

    def change(data: Tables) -> str:
        table = make_table(overlay_table(data, target.election.id), target.stage.id)
        entries = _entries(table, target.stage)
        entries[:] = [e for e in entries if e.get("of") != target.day] + [entry]
        entries.sort(key=lambda e: e["of"])
        return "changed"

    return change


def removing_instance(target: Occurrence) -> Change:
    """The change that takes the occurrence's instance out of the user's file: the rule's date
    (or the other file's instance) comes back."""

    def change(data: Tables) -> str:
        table = next(
            (t for t in data.get("elections", []) if t.get("id") == target.election.id), None
        )
        found = find_table(table, target.stage.id) if table is not None else None
        entries = found.get("instances", []) if found is not None else []
        kept = [e for e in entries if e.get("of") != target.day]
        if found is None or len(kept) == len(entries):
            raise refuse(
                f"{target.name} tidak diubah di berkas ini",
                f"{target.name} is not changed in this file",
                None,
            )
        found["instances"] = kept
        return "removed"

    return change


def _entries(table: Tables, stage: Stage) -> list[Any]:
    """The file's instances of the stage; the first time, seeded with those other files gave it
    (an overlay's list replaces theirs)."""
    if "instances" not in table:
        table["instances"] = [as_table(i) for i in stage.instances]
    entries: list[Any] = table["instances"]
    return entries
