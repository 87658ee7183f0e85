"""`tahapan status`: which stages run on a date, how far along, and what comes next."""

from __future__ import annotations

from typing import Annotated

import typer

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
from tahapan.days.timeline import DEFAULT_HORIZON
from tahapan.render import render
from tahapan.reports.status import build_status

HorizonOpt = Annotated[
    int,
    typer.Option(
        "--days", min=0, max=3660, metavar="N", help="How many days ahead to list upcoming stages."
    ),
]


def command(
    on: OnOpt = None,
    election: ElectionOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    days: HorizonOpt = DEFAULT_HORIZON,
    data: DataOpt = None,
    region: RegionOpt = None,
) -> int:
    """Stages running on a date (default today), day N of M, and the next deadlines."""
    session = open_session(data=data, lang=lang, tz=tz, elections=election, region=region)
    report = build_status(
        session.catalog,
        on=resolve_on(session, on),
        timezone=session.zone,
        election_ids=session.elections,
        horizon=days,
        region=session.region,
    )
    return render(report, "json" if json else "text")
