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
from tahapan.model import Election, Region
from tahapan.render import render
from tahapan.reports.export import ScheduleExport
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
    result = ScheduleExport(chosen, _regions_used(catalog.regions, chosen))
    return render(result, format.value, output)


def _regions_used(regions: tuple[Region, ...], elections: list[Election]) -> list[Region]:
    """The regions the exported elections name, with the provinces they lie in."""
    by_key = {r.id: r for r in regions} | {r.code: r for r in regions if r.code}
    wanted: set[str] = set()
    for election in elections:
        refs = set(election.regions)
        refs.update(r for _, s in election.walk() for r in s.regions)
        refs.update(r for h in election.holidays for r in h.regions)
        for ref in refs:
            region = by_key.get(ref)
            while region is not None and region.id not in wanted:
                wanted.add(region.id)
                region = by_key.get(region.parent) if region.parent else None
    return [r for r in regions if r.id in wanted]
