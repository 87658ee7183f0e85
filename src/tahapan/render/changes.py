"""Changes of schedule in words: a block per change for people (`tahapan changes`, `data update`),
one line per change for cron mail and phones (`check --changes`). Plain text, no Rich: `check
--changes` runs from cron. Words, not symbols: a mail or a chat message has no legend."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from tahapan.days.diff import FieldChange
from tahapan.i18n import NO_VOTING_DAY, days, format_date, format_range, pick, tr
from tahapan.model import ZONE_SHORT
from tahapan.reports.changes import ChangesReport, Item, Source


def changes_text(report: ChangesReport) -> str:
    lines = [_heading(report)]
    if report.first_look:
        lines.append(
            tr(
                "Pemeriksaan pertama: jadwal yang berlaku sekarang disimpan sebagai acuan. "
                "Perubahan setelah ini ditampilkan pada pemeriksaan berikutnya.",
                "First run: the schedules in use are saved as the baseline; later runs show what "
                "changed since.",
            )
        )
    if report.baseline_lost:
        lines.append(lost_baseline())
    lines += blocks(report.items, indent="", zone=report.timezone)
    if not report.first_look:
        lines.append(count_line(len(report.items), since_last=report.mode == "history"))
    return wrapped(lines)


def lost_baseline() -> str:
    return tr(
        "Peringatan: acuan riwayat rusak atau hilang dan dibuat ulang dari jadwal yang berlaku "
        "sekarang; perubahan sebelum saat ini tidak dapat ditampilkan. Periksa tanggal yang Anda "
        "pakai dengan `tahapan list`.",
        "Warning: the history's baseline was damaged or gone and was taken again from the "
        "schedules in use now; changes before now cannot be shown. Check the dates you rely on "
        "with `tahapan list`.",
    )


def count_line(count: int, *, since_last: bool = False) -> str:
    if not count and since_last:
        return tr(
            "Tidak ada perubahan baru sejak pemeriksaan terakhir (semua yang tercatat: tahapan "
            "changes --all).",
            "No new changes since the last check (everything recorded: tahapan changes --all).",
        )
    if not count:
        return tr("Tidak ada perubahan.", "No changes.")
    return tr(f"{count} perubahan.", f"{count} change{'' if count == 1 else 's'}.")


def blocks(items: list[Item], *, indent: str, zone: str | None = None) -> list[str]:
    """Each change as a block under its election's name: what, the old and new dates, the basis,
    and (from the history) when and how it was recorded."""
    lines = []
    current = None
    for item in items:
        c = item.change
        if c.election != current:
            current = c.election
            lines.append(f"{indent}{pick(c.election_name, c.election_name_en)} ({c.election})")
        lines.append(f"{indent}  {_what(item)}: {_label(item)}")
        lines += [f"{indent}    {detail}" for detail in _details(item, zone)]
    return lines


def wrapped(lines: list[str]) -> str:
    """Lines fitted to the terminal (80 columns into a pipe or a file), a long one continuing under
    its own indent plus two; a command in one is kept whole (render/lines.py)."""
    import shutil

    from tahapan.render.lines import wrap

    width = max(shutil.get_terminal_size((80, 24)).columns, 30)
    out = []
    for text in lines:
        lead = text[: len(text) - len(text.lstrip(" "))]
        out += wrap(text.strip(), width, first=lead, rest=lead + "  ")
    return "".join(line + "\n" for line in out)


def _heading(report: ChangesReport) -> str:
    if report.mode == "files":
        return tr("Perubahan jadwal: ", "Schedule changes: ") + (
            f"{_source(report.old)} → {_source(report.new)}"
        )
    since = ""
    if report.since:
        day = _instant(report.since, report.timezone).date()
        since = f" ({tr('dicatat sejak', 'recorded since')} {format_date(day, short=True)})"
    return tr("Perubahan sejak pemeriksaan terakhir", "Changes since the last check") + since


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
    """A change on one line, for cron and phones: election · what: old → new · basis."""
    c = item.change
    parts = [pick(c.election_name, c.election_name_en), f"{_what(item)}: {_label(item)}"]
    moved = _moved(item)
    if moved:
        parts[-1] += f" {moved}"
    parts += [_field(f) for f in c.fields if f.key not in ("start", "end")]
    if c.row.get("basis") and not c.field("basis"):
        parts.append(f"{tr('dasar hukum tetap', 'basis unchanged')}: {c.row['basis']}")
    return " · ".join(parts)


def _what(item: Item) -> str:
    return {
        "added": tr("ditambahkan", "added"),
        "removed": tr("dihapus", "removed"),
        "changed": tr("diubah", "changed"),
    }[item.change.kind]


def _label(item: Item) -> str:
    c = item.change
    row = c.row
    if c.path:
        name = str(pick(row.get("name") or c.path, row.get("name_en")))
        return name if c.kind == "changed" else f"{name}, {_window(row)}"
    if c.kind == "changed":
        return tr("data pemilu (hari pemungutan suara)", "this election")
    return tr("pemilu, ", "election, ") + _window(row)


def _moved(item: Item) -> str:
    """'25 Sep – 23 Nov 2024 → 25 Sep – 20 Nov 2024 (tanggal akhir dimajukan 3 hari)'."""
    c = item.change
    if not (c.field("start") or c.field("end")):
        return ""
    return f"{_window(c.old or {})} → {_window(c.new or {})}{_shift(item)}"


def _details(item: Item, zone: str | None) -> list[str]:
    c = item.change
    out = []
    if c.kind != "changed":
        pass
    elif c.field("start") or c.field("end"):
        out.append(tr("lama: ", "was: ") + _window(c.old or {}))
        out.append(tr("baru: ", "now: ") + _window(c.new or {}) + _shift(item))
    out += [_field(f) for f in c.fields if f.key not in ("start", "end")]
    if c.kind == "changed" and c.row.get("basis") and not c.field("basis"):
        # the dates moved under the same basis: say so, lest it seem to set the new dates
        out.append(f"{tr('dasar hukum (tidak berubah)', 'basis (unchanged)')}: {c.row['basis']}")
    elif c.kind == "added" and c.row.get("basis"):
        out.append(f"{tr('dasar hukum', 'basis')}: {c.row['basis']}")
    if item.n is not None:
        out.append(_recorded(item, zone))
    return out


def _recorded(item: Item, zone: str | None) -> str:
    when = local_time(item.seen_at or "", zone)
    if item.by == "berkas":
        return tr(
            f"dicatat {when}; berkas jadwal diubah di luar tahapan",
            f"recorded {when}; a schedule file changed outside tahapan",
        )
    return tr(f"dicatat {when} melalui {item.by}", f"recorded {when} through {item.by}")


def _window(row: dict[str, Any]) -> str:
    if "voting_day" in row:  # an election: its voting day, which may not be set
        if row["voting_day"] is None:
            return tr(*NO_VOTING_DAY)
        day = date.fromisoformat(row["voting_day"])
        return tr("pemungutan suara ", "voting day ") + format_range(day, day)
    end = date.fromisoformat(row["end"])
    start = date.fromisoformat(row["start"]) if row.get("start") else None
    return format_range(start, end)


def _shift(item: Item) -> str:
    moved = [f for f in (item.change.field("start"), item.change.field("end")) if f is not None]
    if len(moved) == 2 and moved[0].shift is not None and moved[0].shift == moved[1].shift:
        return f" ({_how_far(moved[0], item)})"  # the window moved as a whole
    words = []
    for f in moved:
        if f.shift is None:
            continue
        what = tr("tanggal mulai", "starts") if f.key == "start" else tr("tanggal akhir", "ends")
        words.append(f"{what} {_how_far(f, item)}")
    return f" ({'; '.join(words)})" if words else ""


def _how_far(f: FieldChange, item: Item) -> str:
    shift = f.shift or 0
    n = abs(shift)
    text = (
        tr(f"dimajukan {days(n)}", f"{days(n)} earlier")
        if shift < 0
        else tr(f"diundur {days(n)}", f"{days(n)} later")
    )
    working = item.working.get(f.key)
    if working is not None and abs(working) != n:
        count = abs(working)
        text += tr(f", {count} hari kerja", f", {count} working day{'' if count == 1 else 's'}")
    return text


_FIELD_WORDS = {
    "held": ("dilaksanakan", "held"),
    "basis": ("dasar hukum", "basis"),
    "confidence": ("kepastian", "confidence"),
    "projected": ("proyeksi", "projected"),
    "regions": ("wilayah", "regions"),
    "name": ("nama", "name"),
    "name_en": ("nama Inggris", "English name"),
    "timezone": ("zona waktu", "time zone"),
    "repeat": ("aturan pengulangan", "repeat rule"),
    "instances": ("jadwal pelaksanaan yang diubah", "changed occurrences"),
}


def _field(f: FieldChange) -> str:
    if f.key == "held":
        return (
            tr("kini dilaksanakan", "now held") if f.new else tr("tidak dilaksanakan", "not held")
        )
    if f.key == "voting_day" and (f.old is None or f.new is None):
        if f.new is None:
            return tr("hari pemungutan suara dihapus", "voting day removed")
        day = date.fromisoformat(f.new)
        return tr("hari pemungutan suara diisi: ", "voting day set: ") + format_range(day, day)
    if f.key == "voting_day":
        old, new = date.fromisoformat(f.old), date.fromisoformat(f.new)
        shift = f.shift or 0
        how = (
            tr(f"dimajukan {days(-shift)}", f"{days(-shift)} earlier")
            if shift < 0
            else tr(f"diundur {days(shift)}", f"{days(shift)} later")
        )
        return (
            tr("pemungutan suara: ", "voting day: ")
            + f"{format_range(old, old)} → {format_range(new, new)} ({how})"
        )
    word = tr(*_FIELD_WORDS.get(f.key, (f.key, f.key)))
    quoted = f.key in ("basis", "name", "name_en")  # prose, where an arrow alone would blur
    return f"{word}: {_value(f.old, quoted)} → {_value(f.new, quoted)}"


def _value(value: Any, quoted: bool) -> str:
    if value is None or value == []:
        return "–"
    if isinstance(value, bool):
        return tr("ya", "yes") if value else tr("tidak", "no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return f"“{value}”" if quoted else str(value)


def _instant(stamp: str, zone: str | None) -> datetime:
    from zoneinfo import ZoneInfo

    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment.astimezone(ZoneInfo(zone)) if zone else moment


def local_time(stamp: str, zone: str | None) -> str:
    """'2026-12-06T15:12:26Z' as '6 Des 2026 22.12 WIB' in ``zone`` (the history keeps UTC)."""
    try:
        moment = _instant(stamp, zone)
    except ValueError:
        return stamp
    clock = (
        f"{moment.hour:02d}.{moment.minute:02d}"
        if tr("id", "en") == "id"
        else (f"{moment.hour:02d}:{moment.minute:02d}")
    )
    name = ZONE_SHORT.get(zone or "", zone or "UTC")
    return f"{format_date(moment.date(), short=True)} {clock} {name}"
