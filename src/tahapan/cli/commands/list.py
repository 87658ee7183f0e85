"""`tahapan list`: the stages of each election with their dates, marking where the date falls."""

from __future__ import annotations

from typing import Annotated

import typer

from tahapan.cli.help import h, helped
from tahapan.cli.options import (
    DataOpt,
    ElectionOpt,
    JsonOpt,
    LangOpt,
    OnOpt,
    RegionOpt,
    TzOpt,
    open_session,
    resolve_on,
)
from tahapan.render import render
from tahapan.reports.stages import build_list


@helped("list")
def command(
    sources: Annotated[
        bool,
        typer.Option(
            "--sources",
            help=h(
                "list.sources", "Show the file each stage came from, and what later files changed."
            ),
        ),
    ] = False,
    everything: Annotated[
        bool,
        typer.Option(
            "--all", "-a", help=h("list.all", "Every loaded election, near the date or not.")
        ),
    ] = False,
    election: ElectionOpt = None,
    on: OnOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    data: DataOpt = None,
    region: RegionOpt = None,
) -> int:
    """The stages of each election with their dates, marking where the date falls.

    Without -e: the elections with a stage near the date (every one when none is near; --all for
    every one always)."""
    session = open_session(
        data=data, lang=lang, tz=tz, elections=election, region=region, provenance=sources
    )
    report = build_list(
        session.catalog,
        on=resolve_on(session, on),
        election_ids=session.elections,
        sources=sources,
        everything=everything,
    )
    return render(report, "json" if json else "term")
