"""`tahapan export`: the merged schedule as TOML or CSV."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

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
from tahapan.render import render
from tahapan.reports.export import ScheduleExport, regions_used
from tahapan.schedule.select import pick_elections


class ExportFormat(StrEnum):
    toml = "toml"
    csv = "csv"


def command(
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="toml (a schedule file) or csv.")
    ] = ExportFormat.toml,
    output: OutputOpt = None,
    election: ElectionOpt = None,
    region: RegionOpt = None,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
    data: DataOpt = None,
) -> int:
    """The merged schedule (shipped data and your files) as one TOML file, or as CSV rows."""
    session = open_session(data=data, lang=lang, tz=None, elections=election, region=region)
    # without --region, write everything loaded: local holidays too, with their regions
    catalog = session.catalog if session.region or session.loaded is None else session.loaded
    chosen = (
        pick_elections(catalog, session.elections) if session.elections else list(catalog.elections)
    )
    result = ScheduleExport(chosen, regions_used(catalog.regions, chosen))
    code = render(result, format.value, output)
    if format == ExportFormat.csv:
        _csv_leaves_out(chosen)
    return code


def _csv_leaves_out(elections: list[Election]) -> None:
    """CSV rows are stages: what a schedule file holds beyond them is said, so an import of the
    rows is not taken for the whole schedule."""
    from tahapan.cli.streams import say

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
        ]
        if left:
            say(
                tr(
                    f"peringatan: CSV tidak memuat {', '.join(left)} ({election.id}); "
                    "gunakan -f toml agar semuanya termuat",
                    f"warning: the CSV leaves out {', '.join(left)} ({election.id}); "
                    "use -f toml for all of it",
                )
            )
