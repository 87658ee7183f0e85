"""`tahapan data` in words: the sources in use, and what an update or a rollback did."""

from __future__ import annotations

from tahapan.i18n import tr
from tahapan.reports.data import SourceRow, SourcesReport, UpdateReport


def sources_text(report: SourcesReport) -> str:
    lines = [tr("Sumber jadwal, dalam urutan penggabungan:", "Schedule sources, in merge order:")]
    for row in report.rows:
        lines.append(f"  {_kind(row):<12} {row.path}")
        lines += [f"  {'':<12} {detail}" for detail in _details(row)]
    until = report.holidays_until
    lines.append(
        tr(
            f"Data hari libur: paket holidays {report.holidays_version}; libur nasional dan cuti "
            f"bersama menurut SKB sampai {until}" + ("." if until else " (tidak diketahui)."),
            f"Holiday data: holidays package {report.holidays_version}; public holidays and cuti "
            f"bersama by decree (SKB) to {until}" + ("." if until else " (unknown)."),
        )
    )
    return "".join(line + "\n" for line in lines)


def _kind(row: SourceRow) -> str:
    return {
        "shipped": tr("bawaan", "shipped"),
        "update": tr("pembaruan", "update"),
        "own": tr("berkas Anda", "your file"),
        "overlay": tr("tambahan", "overlay"),
    }[row.kind]


def _details(row: SourceRow) -> list[str]:
    out = []
    if row.revision:
        note = f" — {row.revision_note}" if row.revision_note else ""
        out.append(tr(f"revisi {row.revision}{note}", f"revision {row.revision}{note}"))
    elif row.path.name != "regions.toml":
        out.append(tr("tanpa revisi", "no revision"))
    if row.origin:
        signed = tr(", bertanda tangan minisign", ", minisign-signed") if row.signed else ""
        out.append(tr(f"dari {row.origin}{signed}", f"from {row.origin}{signed}"))
    if row.checked_at:
        from tahapan.render.changes import when

        checked = when(row.checked_at)
        out.append(tr(f"terakhir diperiksa {checked}", f"last checked {checked}"))
    if not row.used:
        out.append(
            tr(
                "TIDAK DIPAKAI: lebih lama dari data bawaan (tahapan data rollback atau update)",
                "NOT USED: older than the shipped data (tahapan data rollback or update)",
            )
        )
    return out


def update_text(report: UpdateReport) -> str:
    from tahapan.render.changes import describe

    lines = []
    for o in report.outcomes:
        signed = tr(" (tanda tangan sah)", " (valid signature)") if o.signed else ""
        if o.action == "kept-back":
            lines.append(
                tr(
                    f"{o.source}: revisi {o.revision} sudah dibatalkan dengan `data rollback`; "
                    "tidak dipasang lagi (--force memasangnya)",
                    f"{o.source}: revision {o.revision} was undone by `data rollback`; not "
                    "installed again (--force installs it)",
                )
            )
            continue
        if o.action == "current":
            lines.append(
                tr(
                    f"{o.source}: sudah terbaru (revisi {o.revision or '?'}){signed}",
                    f"{o.source}: already current (revision {o.revision or '?'}){signed}",
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
        elif o.action == "rolled-back":
            lines.append(
                tr(
                    f"{o.source}: dikembalikan ke revisi {o.revision}",
                    f"{o.source}: rolled back to revision {o.revision}",
                )
            )
        else:
            lines.append(tr(f"{o.source}: pembaruan dilepas", f"{o.source}: update removed"))
        current = None
        for item in o.items:
            c = item.change
            if c.election != current:
                current = c.election
                from tahapan.i18n import pick

                lines.append(f"  {pick(c.election_name, c.election_name_en)} ({c.election})")
            lines.append("    " + describe(item))
        count = len(o.items)
        lines.append(
            "  "
            + (
                tr(f"{count} perubahan.", f"{count} change{'' if count == 1 else 's'}.")
                if count
                else tr("Jadwal yang dimuat tidak berubah.", "The loaded schedules did not change.")
            )
        )
    return "".join(line + "\n" for line in lines)
