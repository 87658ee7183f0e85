"""`tahapan hitung` (alias `calc`): date arithmetic; `tahapan pace`: is field work keeping up?"""

from __future__ import annotations

from typing import Annotated

import typer

from tahapan.days.calc import calculate
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
from tahapan.days.dates import parse_date
from tahapan.errors import ExitCode
from tahapan.days.pace import measure, parse_done
from tahapan.render import emit
from tahapan.schedule.select import find_stage, pick_elections


def hitung(
    expression: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="EXPRESSION",
            help='A date, a date and a count ("2024-12-06 + 3 hari kerja", "3 working days after '
            '2024-03-20"), or a span ("2023-11-28 .. 2024-02-10").',
            show_default=False,
        ),
    ] = None,
    election: ElectionOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    data: DataOpt = None,
    region: RegionOpt = None,
) -> None:
    """Date arithmetic: H-30, a date plus N days or working days, the days in a span.

    Hitung tanggal: H-30, tanggal + N hari (kerja), dan jumlah hari dalam rentang (kedua ujung
    dihitung). Working days skip weekends, national holidays, cuti bersama and the election's own.
    """
    session = open_session(data=data, lang=lang, tz=tz, elections=election, region=region)
    text = " ".join(expression or [])
    chosen = pick_elections(session.catalog, session.elections)
    context = chosen[0] if len(chosen) == 1 else None
    report = calculate(
        text,
        read_date=lambda part: parse_date(
            part, today=session.today, voting_day=context.voting_day if context else None
        ),
        election=context,
        elections=session.catalog.elections,
    )
    emit(report, as_json=json)


def pace(
    stage: Annotated[
        str,
        typer.Argument(
            help="Stage id or path: coklit, pemutakhiran-data-pemilih/coklit.",
            autocompletion=complete.stages,
            show_default=False,
        ),
    ],
    done: Annotated[
        str,
        typer.Option(
            "--done",
            metavar="PERCENT",
            help="Share of the work done: 53.33, 53,33, 53.33% or a count out of a total (1200/2250).",
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
    """Pace of work: share done against time gone by; exit 1 when behind.

    Laju pekerjaan: persentase selesai dibanding waktu tahapan yang sudah berjalan, perkiraan
    tanggal selesai pada laju sejauh ini, dan exit 1 bila terlambat.
    """
    session = open_session(data=data, lang=lang, tz=tz, elections=election, region=region)
    share = parse_done(done)
    elections = pick_elections(session.catalog, session.elections) if session.elections else None
    ref = find_stage(session.catalog, stage, elections)
    report = measure(ref, share, resolve_on(session, on))
    emit(report, as_json=json)
    if not report.ok:
        raise typer.Exit(int(ExitCode.ATTENTION))
