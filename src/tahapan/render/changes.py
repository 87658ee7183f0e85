"""Changes of schedule in words: one line per change (for cron mail and phones), grouped by election
for `tahapan changes` at a terminal. Plain text, no Rich: `check --changes` runs from cron."""

from __future__ import annotations

from datetime import date
from typing import Any

from tahapan.days.diff import FieldChange
from tahapan.i18n import days, format_range, pick, tr
from tahapan.reports.changes import ChangesReport, Item, Source


def changes_text(report: ChangesReport) -> str:
    lines = [_heading(report)]
    if report.first_look:
        lines.append(
            tr(
                "Ini pertama kali dilihat: jadwal yang dimuat sekarang dicatat sebagai pembanding. "
                "Lain kali, perubahan sejak saat ini ditampilkan.",
                "This is the first look: the schedules loaded now are recorded to compare with. "
                "Next time, the changes since now are shown.",
            )
        )
    current = None
    for item in report.items:
        c = item.change
        if c.election != current:
            current = c.election
            lines.append(f"{pick(c.election_name, c.election_name_en)} ({c.election})")
        lines.append("  " + describe(item))
        extra = _basis(item)
        if extra:
            lines.append("      " + extra)
    if not report.first_look:
        count = len(report.items)
        lines.append(
            tr(f"{count} perubahan.", f"{count} change{'' if count == 1 else 's'}.")
            if count
            else tr("Tidak ada perubahan.", "No changes.")
        )
    return "".join(line + "\n" for line in lines)


def _heading(report: ChangesReport) -> str:
    if report.mode == "files":
        return tr("Perubahan jadwal: ", "Schedule changes: ") + (
            f"{_source(report.old)} → {_source(report.new)}"
        )
    since = f" {report.since[:10]}" if report.since else ""
    return tr(
        f"Perubahan jadwal yang dimuat (riwayat sejak{since})",
        f"Changes in the loaded schedules (history since{since})",
    )


def _source(source: Source | None) -> str:
    if source is None:
        return "?"
    revision = (
        tr(f" (revisi {source.revision})", f" (revision {source.revision})")
        if source.revision
        else ""
    )
    return f"{source.path}{revision}"


def line(item: Item) -> str:
    """A change on one line, for cron and phones: election · what moved · basis."""
    c = item.change
    basis = c.row.get("basis")
    shown = c.field("basis") is not None  # describe() already says the new basis
    tail = f" · {tr('dasar', 'basis')}: {basis}" if basis and not shown else ""
    return f"{pick(c.election_name, c.election_name_en)} · {describe(item)}{tail}"


def describe(item: Item) -> str:
    """What changed in one stage or election: '~ Kampanye: 25 Jul – 23 Agu 2025 → ...'."""
    c = item.change
    row = c.row
    name = pick(row.get("name") or c.election, row.get("name_en")) if c.path else ""
    label = name or tr("pemilu", "election")
    if c.kind == "added":
        return f"+ {label} ({tr('baru', 'new')}): {_window(row)}"
    if c.kind == "removed":
        return f"- {label} ({tr('dihapus', 'removed')}): {_window(row)}"
    parts = []
    old, new = c.old or {}, c.new or {}
    if c.field("start") or c.field("end"):
        parts.append(f"{_window(old)} → {_window(new)}{_shift(item)}")
    for f in c.fields:
        if f.key in ("start", "end"):
            continue
        parts.append(_field(f, item))
    return f"~ {label}: " + "; ".join(parts)


def _window(row: dict[str, Any]) -> str:
    if "voting_day" in row:  # an election: its voting day
        day = date.fromisoformat(row["voting_day"])
        return tr("pemungutan suara ", "voting day ") + format_range(day, day)
    end = date.fromisoformat(row["end"])
    start = date.fromisoformat(row["start"]) if row.get("start") else None
    return format_range(start, end)


def _shift(item: Item) -> str:
    moved = [f for f in (item.change.field("start"), item.change.field("end")) if f is not None]
    shifts = {f.shift for f in moved}
    if len(moved) == 2 and len(shifts) == 1:  # the window moved as a whole
        return f" ({_how_far(moved[0], item)})"
    words = []
    for f in moved:
        if f.shift is None:
            continue
        what = tr("mulai", "start") if f.key == "start" else tr("berakhir", "end")
        words.append(f"{what} {_how_far(f, item)}")
    return f" ({', '.join(words)})" if words else ""


def _how_far(f: FieldChange, item: Item) -> str:
    shift = f.shift or 0
    if shift == 0:
        return tr("tetap", "unchanged")
    n = abs(shift)
    text = (
        tr(f"dimajukan {days(n)}", f"{days(n)} earlier")
        if shift < 0
        else tr(f"diundur {days(n)}", f"{days(n)} later")
    )
    working = item.working.get(f.key)
    if working is not None and abs(working) != n:
        text += tr(
            f", {abs(working)} hari kerja",
            f", {abs(working)} working day{'' if abs(working) == 1 else 's'}",
        )
    return text


_FIELD_WORDS = {
    "held": ("dilaksanakan", "held"),
    "basis": ("dasar", "basis"),
    "confidence": ("kepastian", "confidence"),
    "projected": ("proyeksi", "projected"),
    "regions": ("wilayah", "regions"),
    "name": ("nama", "name"),
    "name_en": ("nama Inggris", "English name"),
    "voting_day": ("pemungutan suara", "voting day"),
    "timezone": ("zona waktu", "time zone"),
}


def _field(f: FieldChange, item: Item) -> str:
    if f.key == "held":
        return (
            tr("kini dilaksanakan", "now held") if f.new else tr("tidak dilaksanakan", "not held")
        )
    if f.key == "voting_day":
        old, new = date.fromisoformat(f.old), date.fromisoformat(f.new)
        return (
            tr("pemungutan suara ", "voting day ")
            + f"{format_range(old, old)} → {format_range(new, new)} ({_how_far(f, item)})"
        )
    word = tr(*_FIELD_WORDS.get(f.key, (f.key, f.key)))
    quoted = f.key in ("basis", "name", "name_en")  # prose, where an arrow alone would blur
    return f"{word} {_value(f.old, quoted)} → {_value(f.new, quoted)}"


def _value(value: Any, quoted: bool) -> str:
    if value is None or value == []:
        return "–"
    if isinstance(value, bool):
        return tr("ya", "yes") if value else tr("tidak", "no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return f"“{value}”" if quoted else str(value)


def _basis(item: Item) -> str:
    """Where the new dates come from, and what recorded the change, under a changed stage."""
    c = item.change
    parts = []
    if c.kind != "removed" and c.row.get("basis") and not c.field("basis"):
        parts.append(f"{tr('dasar', 'basis')}: {c.row['basis']}")
    if item.n is not None:
        by = tr("berkas berubah", "files changed") if item.by == "berkas" else item.by
        seen = when(item.seen_at or "")
        parts.append(tr(f"tercatat {seen} oleh {by}", f"seen {seen}, by {by}"))
    return " · ".join(parts)


def when(stamp: str) -> str:
    """'2026-12-06T14:39:26Z' as '2026-12-06 14:39 UTC' (the history keeps UTC)."""
    return f"{stamp[:10]} {stamp[11:16]} UTC" if len(stamp) >= 16 else stamp
