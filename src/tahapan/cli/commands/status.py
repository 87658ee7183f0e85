"""`tahapan status`: which stages run on a date, how far along, and what comes next."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from tahapan.cli.help import h, helped
from tahapan.cli.options import (
    DataOpt,
    ElectionOpt,
    JsonOpt,
    LangOpt,
    OnOpt,
    RegionOpt,
    Session,
    TzOpt,
    open_session,
    resolve_on,
)
from tahapan.days.timeline import DEFAULT_HORIZON
from tahapan.errors import TahapanError
from tahapan.render import render
from tahapan.reports.status import build_status

HorizonOpt = Annotated[
    int,
    typer.Option(
        "--days",
        min=0,
        max=3660,
        metavar="N",
        help=h("status.days", "How many days ahead to list upcoming stages."),
    ),
]


@helped("status")
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
    from tahapan.config import has_cases

    failure = None
    if has_cases():  # one stat when the user keeps no cases
        try:
            report.cases = _open_cases(session, report.date)
        except TahapanError as err:
            failure = err  # a damaged cases file: the schedules are still shown, then the failure
    code = render(report, "json" if json else "term")
    if failure is not None:
        raise failure
    return code


def _open_cases(session: Session, day: date) -> list[Any]:
    from tahapan.cli.case_session import open_cases
    from tahapan.reports.cases import nearest_first

    return nearest_first(open_cases(session, day))
