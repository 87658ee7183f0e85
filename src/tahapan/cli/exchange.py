"""`tahapan export` (the merged schedule as TOML or CSV) and `tahapan import` (CSV to TOML)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tahapan.cli.options import (
    DataOpt,
    ElectionOpt,
    LangOpt,
    OutputOpt,
    RegionOpt,
    open_session,
)
from tahapan.errors import DataError
from tahapan.i18n import tr
from tahapan.model import Election, Region
from tahapan.render import write_out
from tahapan.schedule.select import pick_elections
from tahapan.schedule.load import check_with, read_text, shipped_paths


class ExportFormat(StrEnum):
    toml = "toml"
    csv = "csv"


def export(
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="toml (a schedule file) or csv.")
    ] = ExportFormat.toml,
    output: OutputOpt = None,
    election: ElectionOpt = None,
    region: RegionOpt = None,
    lang: LangOpt = None,
    data: DataOpt = None,
) -> None:
    """The merged schedule (shipped data and your files) as one TOML file, or as CSV rows."""
    session = open_session(data=data, lang=lang, tz=None, elections=election, region=region)
    # without --region, write everything loaded: local holidays too, with their regions
    catalog = session.catalog if session.region or session.loaded is None else session.loaded
    chosen = (
        pick_elections(catalog, session.elections) if session.elections else list(catalog.elections)
    )
    if format == ExportFormat.csv:
        from tahapan.schedule.tabular import csv_text

        text = csv_text(chosen)
    else:
        from tahapan.schedule.writer import schedule_text

        text = schedule_text(chosen, _regions_used(catalog.regions, chosen))
    write_out(text, output)


def import_csv(
    file: Annotated[
        Path, typer.Argument(metavar="FILE.csv", help="Rows as `export --format csv` writes them.")
    ],
    output: OutputOpt = None,
    lang: LangOpt = None,
    data: DataOpt = None,
) -> None:
    """A CSV of stages (one row each) as a TOML schedule file; bad rows are named by row and column."""
    session = open_session(data=data, lang=lang, tz=None, elections=None)
    from tahapan.schedule import tabular
    from tahapan.schedule.writer import tables_text

    imported = tabular.import_csv(
        file, read_text(file), {e.id: e for e in session.catalog.elections}
    )
    if imported.problems:
        raise DataError(imported.problems)
    result = tables_text(
        imported.data,
        header=f"# {tr('Diimpor dari', 'Imported from')} {file.name} (tahapan import)\n",
    )
    # the result must load beside everything else, or it is not written
    check_with([*shipped_paths(), *session.files], output or Path(f"{file.stem}.toml"), result)
    write_out(result, output)
    from tahapan.cli.streams import say

    say(
        tr(
            f"{imported.rows} baris, {len(imported.data['elections'])} pemilu",
            f"{imported.rows} rows, {len(imported.data['elections'])} elections",
        )
        + (f" → {output}" if output else "")
    )


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
