"""`tahapan export`: the merged schedule as TOML, CSV or an Excel workbook (.xlsx)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from tahapan.cli.help import h, helped
from tahapan.cli.options import (
    DataOpt,
    ElectionOpt,
    LangOpt,
    OutputOpt,
    QuietOpt,
    RegionOpt,
    open_session,
)
from tahapan.i18n import tr
from tahapan.model import Election
from tahapan.render import format_named, render
from tahapan.reports.export import ScheduleExport, regions_used
from tahapan.schedule.select import pick_elections


class ExportFormat(StrEnum):
    toml = "toml"
    csv = "csv"
    xlsx = "xlsx"


@helped("export")
def command(
    format: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=h(
                "export.format",
                "toml (a schedule file), csv or xlsx (Excel, one sheet per election). Default: "
                "from the extension of -o FILE, else toml.",
            ),
            show_default=False,
        ),
    ] = None,
    output: OutputOpt = None,
    election: ElectionOpt = None,
    region: RegionOpt = None,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
    data: DataOpt = None,
) -> int:
    """The merged schedule (shipped data and your files) as one TOML file, or as rows: CSV or an
    Excel workbook."""
    session = open_session(data=data, lang=lang, tz=None, elections=election, region=region)
    # without --region, write everything loaded: local holidays too, with their regions
    catalog = session.catalog if session.region or session.loaded is None else session.loaded
    chosen = (
        pick_elections(catalog, session.elections) if session.elections else list(catalog.elections)
    )
    if format is None:  # -o jadwal.xlsx writes a workbook, not TOML under that name
        suffix = output.suffix.lower().lstrip(".") if output else ""
        format = ExportFormat(suffix) if suffix in set(ExportFormat) else ExportFormat.toml
    result = ScheduleExport(chosen, regions_used(catalog.regions, chosen))
    code = render(result, format_named(format.value), output)
    if format != ExportFormat.toml:
        _rows_leave_out(chosen, format.value.upper())
    return code


def _rows_leave_out(elections: list[Election], kind: str) -> None:
    """Rows are stages (CSV or XLSX): what a schedule file holds beyond them is said, so an import
    of the rows is not taken for the whole schedule."""
    from tahapan.cli.streams import say

    # a national set leaves the same out of thousands of elections: one warning for each kind
    groups: dict[str, list[str]] = {}
    for election in elections:
        left = [
            *([tr("jenis program", "the programme kind")] if election.kind == "programme" else []),
            *(
                tr(
                    f"jadwal pelaksanaan yang diubah pada {s.id}",
                    f"the changed occurrences of {s.id}",
                )
                for _, s in election.walk()
                if s.instances
            ),
            *_not_held(election),
        ]
        if left:
            groups.setdefault(", ".join(left), []).append(election.id)
    for what, ids in groups.items():
        which = ", ".join(ids[:3])
        if len(ids) > 3:
            which += tr(f", … ({len(ids)} pemilu)", f", … ({len(ids)} elections)")
        say(
            tr(
                f"peringatan: {kind} tidak memuat {what} ({which}); "
                "gunakan -f toml agar semuanya termuat",
                f"warning: the {kind} leaves out {what} ({which}); use -f toml for all of it",
            )
        )


def _not_held(election: Election) -> list[str]:
    """The stages marked not held: rows have no column for it (an import would hold them again)."""
    ids = [s.id for _, s in election.walk() if not s.held]
    if not ids:
        return []
    shown = ", ".join(ids[:2]) + (", …" if len(ids) > 2 else "")
    return [
        tr(
            f"tanda tidak dilaksanakan pada {len(ids)} tahapan ({shown})",
            f"that {len(ids)} stages are not held ({shown})"
            if len(ids) > 1
            else f"that 1 stage is not held ({shown})",
        )
    ]
