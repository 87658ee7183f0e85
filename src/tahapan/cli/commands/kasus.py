"""`tahapan kasus`: legal deadlines that follow one event (a report, a crime, a dispute), kept as
cases in the user's own cases file."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import typer
from typer._click.core import ParameterSource

from tahapan.cli.case_session import (
    case_report,
    edit_cases,
    looked_at,
    open_cases,
    read_moment,
)
from tahapan.cli.help import Command, Group, h, helped, options_metavar, subcommand_metavar
from tahapan.cli.options import (
    JsonOpt,
    LangOpt,
    OnOpt,
    QuietOpt,
    open_session,
    resolve_on,
)
from tahapan.errors import TahapanError
from tahapan.i18n import tr

if TYPE_CHECKING:
    from tahapan.render.formats import Format
    from tahapan.schedule.cases import Case

command = typer.Typer(
    cls=Group,
    options_metavar=options_metavar(),
    subcommand_metavar=subcommand_metavar(),
    name="kasus",
    help=h(
        "kasus",
        "Case deadlines: a report, an election crime, a dispute. Each case follows a chain of "
        "legal deadlines from one event; without a subcommand, the open cases and their next "
        "deadline, the nearest first.",
    ),
    invoke_without_command=True,
)

IdArg = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help=h("kasus.ID", "Case id: lower-case words joined by hyphens, e.g. pidana-2024-001."),
        show_default=False,
    ),
]


@command.callback()
def kasus_list(
    ctx: typer.Context,
    every: Annotated[
        bool, typer.Option("--all", help=h("kasus.all", "Closed cases too."), show_default=False)
    ] = False,
    on: OnOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
) -> int | None:
    """The open cases, each with its next deadline and the days left, the nearest first."""
    if ctx.invoked_subcommand is not None:
        typed = ctx.get_parameter_source("lang") == ParameterSource.COMMANDLINE
        if every or on is not None or (lang is not None and typed) or json:
            # they would be this list's, not the subcommand's: said, not dropped
            raise TahapanError(
                tr(
                    f"opsi --all, --on, --lang dan --json ditulis setelah `kasus "
                    f"{ctx.invoked_subcommand}`",
                    f"--all, --on, --lang and --json go after `kasus {ctx.invoked_subcommand}`",
                ),
                hint=tr(
                    "Contoh: tahapan kasus show ID --on 2024-03-25 --json",
                    "Example: tahapan kasus show ID --on 2024-03-25 --json",
                ),
            )
        return None
    from tahapan.render import render
    from tahapan.reports.cases import CasesReport, nearest_first

    session = open_session(data=None, lang=lang, tz=None, elections=None, region="")
    day = resolve_on(session, on)
    reports = open_cases(session, day, every=every, decrees=True)
    return render(CasesReport(day, nearest_first(reports), every), _format(json))


@command.command("chains", cls=Command, options_metavar=options_metavar())
@helped("kasus.chains")
def kasus_chains(
    chain: Annotated[
        str | None,
        typer.Argument(
            metavar="[CHAIN]",
            help=h(
                "kasus.chains.CHAIN", "One chain, shown step by step: pemilu-pidana, phpu-pileg..."
            ),
            show_default=False,
        ),
    ] = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
) -> int:
    """The deadline chains: what each starts from, and every step's rule and article."""
    from tahapan.render import render
    from tahapan.reports.cases import ChainsReport
    from tahapan.schedule.cases import load_book

    open_session(data=None, lang=lang, tz=None, elections=None, region="")
    book = load_book()
    chains = [book.chain(chain)] if chain else list(book.chains.values())
    return render(ChainsReport(chains, detail=chain is not None), _format(json))


@command.command("add", cls=Command, options_metavar=options_metavar())
@helped("kasus.add")
def kasus_add(
    ident: IdArg,
    chain: Annotated[
        str,
        typer.Option(
            "--chain",
            metavar="CHAIN",
            help=h("kasus.add.chain", "The chain it follows (`tahapan kasus chains` lists them)."),
            show_default=False,
        ),
    ],
    when: Annotated[
        str,
        typer.Option(
            "--from",
            metavar="WHEN",
            help=h(
                "kasus.add.from",
                'The event it starts from: a date (2024-01-05) or a date and time ("2024-03-20 '
                '22:19", "20/03/2024 22.19 WITA"), in the case\'s zone.',
            ),
            show_default=False,
        ),
    ],
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            metavar="TEXT",
            help=h("kasus.add.name", "What the case is about."),
            show_default=False,
        ),
    ] = None,
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            "-r",
            metavar="REGION",
            envvar="TAHAPAN_REGION",
            help=h(
                "kasus.add.region",
                "The case's region: its time zone (WIB, WITA, WIT) and local holidays. Default: "
                "the config's region. Find it with `tahapan regions TEXT`.",
            ),
            show_default=False,
        ),
    ] = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> int:
    """Add a case: its deadlines are counted from the event, in the region's zone (else WIB)."""
    from tahapan.schedule.case_edits import adding, check_new_case

    session = open_session(data=None, lang=lang, tz=None, elections=None, region=region)
    check_new_case(ident, name)
    zone = session.region.timezone if session.region else "Asia/Jakarta"
    event = read_moment(when, session, zone, "--from")
    region_id = session.region.id if session.region else None
    change = adding(ident, chain, event, zone, name, region_id)
    return edit_cases(session, ident, change, json)


@command.command("show", cls=Command, options_metavar=options_metavar())
@helped("kasus.show")
def kasus_show(ident: IdArg, on: OnOpt = None, lang: LangOpt = None, json: JsonOpt = False) -> int:
    """Every step of a case: its deadline, the rule and article, the date under a conflicting
    rule, and whether it is done. Exit 1 when a deadline was missed."""
    from dataclasses import replace

    from tahapan.render import render
    from tahapan.schedule.cases import load_book

    session = open_session(data=None, lang=lang, tz=None, elections=None, region="")
    book = load_book()
    report = case_report(session, book, book.case(ident), resolve_on(session, on), decrees=True)
    return render(replace(report, alone=True), _format(json))


@command.command("done", cls=Command, options_metavar=options_metavar())
@helped("kasus.done")
def kasus_done(
    ident: IdArg,
    step: Annotated[
        str,
        typer.Argument(
            metavar="STEP",
            help=h("kasus.done.STEP", "The step that happened (its id)."),
            show_default=False,
        ),
    ],
    when: Annotated[
        str | None,
        typer.Option(
            "--on",
            metavar="WHEN",
            help=h(
                "kasus.done.on",
                'When it happened: a date, or a date and time ("2024-03-22 14:05"). Default: '
                "today.",
            ),
            show_default=False,
        ),
    ] = None,
    undo: Annotated[
        bool,
        typer.Option(
            "--undo", help=h("kasus.done.undo", "Take the record back."), show_default=False
        ),
    ] = False,
    lang: LangOpt = None,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> int:
    """Record that a step happened: the steps after it count from that real date."""
    session = open_session(data=None, lang=lang, tz=None, elections=None, region="")
    if undo and when is not None:
        raise TahapanError(tr("--undo tidak memakai --on", "--undo takes no --on"))

    from tahapan.schedule.case_edits import recording, undoing

    if undo:
        return edit_cases(session, ident, undoing(ident, step), json, step=step)

    def moment_of(case: Case) -> date | datetime:
        # the case's own zone reads a time written without one
        return read_moment(when, session, case.zone, "--on") if when else session.today

    recorded: list[date | datetime] = []
    now = looked_at(session, session.today, session.zone)
    change = recording(ident, step, moment_of, now, recorded)
    return edit_cases(session, ident, change, json, step=step, when=recorded)


@command.command("close", cls=Command, options_metavar=options_metavar())
@helped("kasus.close")
def kasus_close(
    ident: IdArg,
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            metavar="DATE",
            help=h("kasus.close.on", "The day the case is closed. Default: today."),
            show_default=False,
        ),
    ] = None,
    reopen: Annotated[
        bool,
        typer.Option(
            "--reopen",
            help=h("kasus.close.reopen", "Open a closed case again."),
            show_default=False,
        ),
    ] = False,
    lang: LangOpt = None,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> int:
    """Close a case: it leaves the list, the daily check and status (kept in the file)."""
    session = open_session(data=None, lang=lang, tz=None, elections=None, region="")
    if reopen and on is not None:
        raise TahapanError(tr("--reopen tidak memakai --on", "--reopen takes no --on"))
    from tahapan.schedule.case_edits import closing, reopening

    change = reopening(ident) if reopen else closing(ident, resolve_on(session, on), session.today)
    return edit_cases(session, ident, change, json)


@command.command("remove", cls=Command, options_metavar=options_metavar())
@helped("kasus.remove")
def kasus_remove(
    ident: IdArg, lang: LangOpt = None, json: JsonOpt = False, quiet: QuietOpt = False
) -> int:
    """Remove a case from the file (the previous version is kept as .bak)."""
    session = open_session(data=None, lang=lang, tz=None, elections=None, region="")

    from tahapan.schedule.case_edits import removing

    return edit_cases(session, ident, removing(ident), json)


# ------------------------------------------------------------------------------------------ shared


def _format(json: bool) -> Format:
    return "json" if json else "term"
