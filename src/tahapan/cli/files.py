"""`tahapan validate` (check schedule files) and `tahapan regions` (the regions tahapan knows)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tahapan.cli.options import DataOpt, JsonOpt, LangOpt, open_session
from tahapan.config import load_config
from tahapan.errors import ExitCode, TahapanError
from tahapan.i18n import set_language, tr
from tahapan.model import Region
from tahapan.render import emit
from tahapan.reports.files import RegionsReport, build_validate


def validate(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...", help="Schedule files (TOML) to check.", show_default=False
        ),
    ],
    lang: LangOpt = None,
    json: JsonOpt = False,
) -> None:
    """Check schedule files: exit 0 valid, 1 problems found (listed), 2 a file cannot be read.

    Each file is checked as tahapan would use it: merged over the shipped data, in the order given.
    """
    set_language(lang.value if lang else load_config().get("lang", "id"))
    report = build_validate(files)
    emit(report, as_json=json)
    if report.unreadable:
        if not json:
            from tahapan.text import safe_lines

            sys.stderr.write(
                "".join(f"tahapan: {safe_lines(line)}\n" for line in report.unreadable)
            )
        raise typer.Exit(int(ExitCode.BAD_INPUT))
    if report.problems:
        raise typer.Exit(int(ExitCode.ATTENTION))


def regions(
    query: Annotated[
        str | None,
        typer.Argument(
            metavar="TEXT",
            help="Code, id or name to look for, whole or in part (kediri, 35.71, Tangsel, kota).",
            show_default=False,
        ),
    ] = None,
    province: Annotated[
        str | None,
        typer.Option(
            "--province",
            "-p",
            metavar="PROVINCE",
            help="Only the regions of this province (code, id or name: 35, jawa-timur, Jatim).",
            show_default=False,
        ),
    ] = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    data: DataOpt = None,
) -> None:
    """The regions tahapan knows: 38 provinces and 514 regencies and cities, with Kemendagri code,
    kind, time zone and province. With TEXT, those it names: exact matches first, then names holding
    every word, then names containing it. Exit 1 when nothing matches, as grep does."""
    from tahapan.schedule.region_lookup import find_region, search, suggestions

    session = open_session(data=data, lang=lang, tz=None, elections=None)
    known = session.catalog.regions
    found: tuple[Region, ...] = known
    if province:
        chosen = find_region(known, province)
        if chosen.parent is not None:
            above = next((r.name for r in known if r.id == chosen.parent), chosen.parent)
            raise TahapanError(
                tr(f"{chosen.name} bukan provinsi", f"{chosen.name} is not a province"),
                hint=tr(f"Provinsinya: {above}.", f"Its province is {above}."),
            )
        found = tuple(r for r in found if chosen.id in (r.id, r.parent))
    if query:
        found = tuple(search(found, query))
    emit(RegionsReport(found), as_json=json)
    if not found:
        if not json:
            close = suggestions(found if province else known, query or "")
            guess = tr(" Mungkin maksudnya: ", " Did you mean: ") + ", ".join(r.name for r in close)
            where = tr(f" di {province!r}", f" in {province!r}") if province else ""
            sys.stderr.write(
                "tahapan: "
                + tr(
                    f"tidak ada wilayah yang cocok dengan {query!r}", f"no region matches {query!r}"
                )
                + where
                + ("." + guess + "?" if close else ".")
                + "\n"
            )
        raise typer.Exit(int(ExitCode.ATTENTION))
