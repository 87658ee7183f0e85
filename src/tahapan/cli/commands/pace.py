"""`tahapan pace`: is field work keeping up with the time gone by?"""

from __future__ import annotations

from typing import Annotated

import typer

from tahapan.cli import complete
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
from tahapan.days.pace import parse_done
from tahapan.render import render
from tahapan.reports.pace import pace_report
from tahapan.reports.stages import find_on


@helped("pace")
def command(
    stage: Annotated[
        str,
        typer.Argument(
            metavar="STAGE",
            help=h("pace.STAGE", "Stage id or path: coklit, pemutakhiran-data-pemilih/coklit."),
            autocompletion=complete.stages,
            show_default=False,
        ),
    ],
    done: Annotated[
        str,
        typer.Option(
            "--done",
            metavar="PERCENT",
            help=h(
                "pace.done",
                "Share of the work done: 53.33, 53,33, 53.33% or a count out of a total (1200/2250).",
            ),
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
) -> int:
    """Pace of work: share done against time gone by, the day it ends at this pace; exit 1 when
    behind."""
    session = open_session(data=data, lang=lang, tz=tz, elections=election, region=region)
    share = parse_done(done)
    on_date = resolve_on(session, on)
    ref = find_on(session.catalog, stage, on=on_date, election_ids=session.elections)
    report = pace_report(ref, share, on_date)
    return render(report, "json" if json else "term")
