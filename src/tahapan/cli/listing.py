"""`tahapan list` (the stage tree) and `tahapan show` (one stage in full)."""

from __future__ import annotations

from typing import Annotated

import typer

from tahapan.cli import complete
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
from tahapan.render import emit
from tahapan.report import build_list, build_show


def list_stages(
    sources: Annotated[
        bool,
        typer.Option(
            "--sources", help="Show the file each stage came from, and what later files changed."
        ),
    ] = False,
    election: ElectionOpt = None,
    on: OnOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    data: DataOpt = None,
    region: RegionOpt = None,
) -> None:
    """The stages of each election with their dates, marking where the date falls."""
    session = open_session(
        data=data, lang=lang, tz=tz, elections=election, region=region, provenance=sources
    )
    emit(
        build_list(
            session.catalog,
            on=resolve_on(session, on),
            election_ids=session.elections,
            sources=sources,
        ),
        as_json=json,
    )


def show(
    stage: Annotated[
        str,
        typer.Argument(
            help="Stage id or path: kampanye, kampanye/rapat-umum, pemilu-2024/kampanye.",
            autocompletion=complete.stages,
            show_default=False,
        ),
    ],
    election: ElectionOpt = None,
    on: OnOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    data: DataOpt = None,
    region: RegionOpt = None,
) -> None:
    """One stage in full: dates, legal basis, confidence, sub-stages, and where the date falls."""
    session = open_session(data=data, lang=lang, tz=tz, elections=election, region=region)
    emit(
        build_show(
            session.catalog, stage, on=resolve_on(session, on), election_ids=session.elections
        ),
        as_json=json,
    )
