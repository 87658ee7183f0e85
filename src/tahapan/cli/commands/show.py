"""`tahapan show`: one stage in full."""

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
from tahapan.render import render
from tahapan.reports.stages import build_show


@helped("show")
def command(
    stage: Annotated[
        str,
        typer.Argument(
            metavar="STAGE",
            help=h(
                "show.STAGE",
                "Stage id or path: kampanye, kampanye/rapat-umum, pemilu-2024/kampanye.",
            ),
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
) -> int:
    """One stage in full: dates, legal basis, confidence, sub-stages, and where the date falls."""
    session = open_session(data=data, lang=lang, tz=tz, elections=election, region=region)
    # an id several elections hold: the one running on the date, else the nearest, as `check
    # --active` picks it; the others are named under it
    report = build_show(
        session.catalog,
        stage,
        on=resolve_on(session, on),
        election_ids=session.elections,
        nearest=True,
    )
    return render(report, "json" if json else "term")
