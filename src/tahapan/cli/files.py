"""`tahapan validate` (check schedule files) and `tahapan regions` (the regions tahapan knows)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tahapan.cli.options import DataOpt, JsonOpt, LangOpt, open_session
from tahapan.config import load_config
from tahapan.errors import ExitCode
from tahapan.i18n import set_language
from tahapan.render import emit
from tahapan.report_data import RegionsReport, build_validate


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
            sys.stderr.write("".join(f"tahapan: {line}\n" for line in report.unreadable))
        raise typer.Exit(int(ExitCode.BAD_INPUT))
    if report.problems:
        raise typer.Exit(int(ExitCode.ATTENTION))


def regions(
    query: Annotated[
        str | None,
        typer.Argument(help="Part of a name, id or code to look for.", show_default=False),
    ] = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    data: DataOpt = None,
) -> None:
    """The regions tahapan knows: id, Kemendagri code, name, time zone, province."""
    session = open_session(data=data, lang=lang, tz=None, elections=None)
    found = session.catalog.regions
    if query:
        q = query.lower()
        found = tuple(r for r in found if q in r.id or q in (r.code or "") or q in r.name.lower())
    emit(RegionsReport(found), as_json=json)
