"""`tahapan data` in words: the sources in use, and what an update or a rollback did."""

from __future__ import annotations

from tahapan.i18n import tr
from tahapan.reports.data import SourceRow, SourcesReport
from tahapan.reports.installing import UpdateReport


def sources_text(report: SourcesReport) -> str:
    from tahapan.render.changes import wrapped

    lines = [tr("Sumber jadwal, dalam urutan penggabungan:", "Schedule sources, in merge order:")]
    for row in report.rows:
        # an update is known by where it came from; its file in the data folder is a detail
        lines.append(f"  {_kind(row):<12} {row.origin or row.path}")
        lines += [f"  {'':<12} {detail}" for detail in _details(row, report.timezone)]
    until = report.holidays_until
    lines.append(
        tr(
            f"Data hari libur: paket holidays {report.holidays_version}; libur nasional dan cuti "
            f"bersama menurut SKB sampai {until}" + ("." if until else " (tidak diketahui)."),
            f"Holiday data: holidays package {report.holidays_version}; public holidays and cuti "
            f"bersama by decree (SKB) up to {until}" + ("." if until else " (unknown)."),
        )
    )
    return wrapped(lines)


def _kind(row: SourceRow) -> str:
    return {
        "shipped": tr("bawaan", "shipped"),
        "update": tr("pembaruan", "update"),
        "own": tr("berkas Anda", "your file"),
        "overlay": tr("tambahan", "overlay"),
    }[row.kind]


def _details(row: SourceRow, zone: str | None) -> list[str]:
    from tahapan.render.changes import local_time

    out = []
    if row.origin:
        out.append(tr(f"berkas: {row.path}", f"file: {row.path}"))
    if row.revision:
        note = f" — {row.revision_note}" if row.revision_note else ""
        out.append(tr(f"revisi {row.revision}{note}", f"revision {row.revision}{note}"))
    elif row.path.name != "regions.toml":
        out.append(tr("tanpa revisi", "no revision"))
    if row.signed:
        out.append(tr("bertanda tangan minisign (diperiksa)", "minisign-signed (verified)"))
    if row.checked_at:
        checked = local_time(row.checked_at, zone)
        out.append(tr(f"terakhir diperiksa {checked}", f"last checked {checked}"))
    if not row.used:
        out.append(not_used())
    return out


def not_used() -> str:
    return tr(
        "TIDAK DIPAKAI: revisinya lebih lama daripada data bawaan tahapan. Cabut dengan "
        "`tahapan data rollback` atau pasang revisi yang lebih baru.",
        "NOT USED: older than the data shipped with tahapan; remove it with `tahapan data "
        "rollback` or install a newer revision.",
    )


def update_text(report: UpdateReport) -> str:
    from tahapan.render.changes import blocks, wrapped

    lines = []
    for o in report.outcomes:
        signed = tr(" (tanda tangan sah)", " (valid signature)") if o.signed else ""
        if o.action == "kept-back":
            lines.append(
                tr(
                    f"{o.source}: revisi {o.revision} sudah dicabut dengan `data rollback`; tidak "
                    "dipasang lagi (pakai --force untuk tetap memasangnya)",
                    f"{o.source}: revision {o.revision} was withdrawn by `data rollback`; not "
                    "installed again (use --force to install it anyway)",
                )
            )
            continue
        if o.action == "current":
            lines.append(
                tr(
                    f"{o.source}: sudah mutakhir (revisi {o.revision or '?'}){signed}",
                    f"{o.source}: already up to date (revision {o.revision or '?'}){signed}",
                )
            )
            continue
        if o.action == "installed":
            was = tr(f", sebelumnya {o.previous_revision}", f", was {o.previous_revision}")
            lines.append(
                tr(
                    f"{o.source}: dipasang revisi {o.revision}"
                    f"{was if o.previous_revision else ''}{signed}",
                    f"{o.source}: installed revision {o.revision}"
                    f"{was if o.previous_revision else ''}{signed}",
                )
            )
            if not o.used:
                lines.append("  " + not_used())
        elif o.action == "rolled-back":
            lines.append(
                tr(
                    f"{o.source}: dikembalikan ke revisi {o.revision}",
                    f"{o.source}: rolled back to revision {o.revision}",
                )
            )
        else:
            lines.append(
                tr(
                    f"{o.source}: pembaruan dicabut; jadwal kembali seperti sebelum pembaruan ini",
                    f"{o.source}: update withdrawn; back to the schedule before it",
                )
            )
        lines += blocks(o.items, indent="  ")
        lines.append(
            "  "
            + (
                count_words(len(o.items))
                if o.items
                else tr(
                    "Jadwal yang berlaku tidak berubah.", "The schedules in use did not change."
                )
            )
        )
    return wrapped(lines)


def count_words(count: int) -> str:
    from tahapan.render.changes import count_line

    return count_line(count)
