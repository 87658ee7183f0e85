"""`tahapan hitung` (alias `calc`): date arithmetic."""

from __future__ import annotations

from typing import Annotated

import typer

from tahapan.cli.help import h, helped
from tahapan.cli.options import (
    DataOpt,
    ElectionOpt,
    JsonOpt,
    LangOpt,
    RegionOpt,
    TzOpt,
    open_session,
    read_date,
)
from tahapan.render import render
from tahapan.reports.calc import calc_report
from tahapan.schedule.select import pick_elections

#: "- 3 hari" and "-35" are arithmetic, not options
OPTIONS = {"context_settings": {"ignore_unknown_options": True}}


@helped("hitung")
def command(
    expression: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="EXPRESSION",
            help=h(
                "hitung.EXPRESSION",
                'A date, a date and a count ("2024-12-06 + 3 hari kerja", "3 working days after '
                '2024-03-20"), or a span ("2023-11-28 .. 2024-02-10").',
            ),
            show_default=False,
        ),
    ] = None,
    election: ElectionOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    data: DataOpt = None,
    region: RegionOpt = None,
    chain: Annotated[
        str | None,
        typer.Option(
            "--chain",
            metavar="CHAIN",
            help=h(
                "hitung.chain",
                "Count a deadline chain (`tahapan kasus chains`) from the date and time given, "
                'without keeping a case: hitung --chain phpu-pileg "2024-03-20 22:19".',
            ),
            show_default=False,
        ),
    ] = None,
) -> int:
    """Date arithmetic: H-30, a date plus N days or working days, the days in a span (both ends
    counted). Working days skip weekends, national holidays, cuti bersama and the election's own."""
    session = open_session(data=data, lang=lang, tz=tz, elections=election, region=region)
    text = " ".join(expression or [])
    if chain is not None:
        from tahapan.cli.case_session import chain_run

        return render(chain_run(session, chain, text), "json" if json else "term")
    chosen = pick_elections(session.catalog, session.elections)
    context = chosen[0] if len(chosen) == 1 else None
    report = calc_report(
        text,
        read_date=lambda part: read_date(part, session.today, chosen),
        election=context,
        elections=session.catalog.elections,
    )
    return render(report, "json" if json else "term")
