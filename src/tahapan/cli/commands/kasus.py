"""`tahapan kasus`: legal deadlines that follow one event (a report, a crime, a dispute), kept as
cases in the user's own cases file."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import typer

from tahapan.cli.case_session import (
    before_event,
    case_report,
    day_of,
    edit_cases,
    looked_at,
    not_text,
    open_cases,
    read_moment,
)
from tahapan.cli.help import Command, Group, options_metavar, subcommand_metavar
from tahapan.cli.options import (
    JsonOpt,
    LangOpt,
    OnOpt,
    QuietOpt,
    open_session,
    resolve_on,
)
from tahapan.errors import TahapanError
from tahapan.i18n import format_date, tr
from tahapan.text import one_line

command = typer.Typer(
    cls=Group,
    options_metavar=options_metavar(),
    subcommand_metavar=subcommand_metavar(),
    name="kasus",
    help="Case deadlines: a report, an election crime, a dispute. Each case follows a chain of "
    "legal deadlines from one event; without a subcommand, the open cases and their next "
    "deadline, the nearest first.",
    invoke_without_command=True,
)

IdArg = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help="Case id: lower-case words joined by hyphens, e.g. pidana-2024-001.",
        show_default=False,
    ),
]


@command.callback()
def kasus_list(
    ctx: typer.Context,
    every: Annotated[
        bool, typer.Option("--all", help="Closed cases too.", show_default=False)
    ] = False,
    on: OnOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
) -> int | None:
    """The open cases, each with its next deadline and the days left, the nearest first."""
    if ctx.invoked_subcommand is not None:
        if every or on is not None or lang is not None or json:
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
def kasus_chains(
    chain: Annotated[
        str | None,
        typer.Argument(
            metavar="[CHAIN]",
            help="One chain, shown step by step: pemilu-pidana, phpu-pileg...",
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
def kasus_add(
    ident: IdArg,
    chain: Annotated[
        str,
        typer.Option(
            "--chain",
            metavar="CHAIN",
            help="The chain it follows (`tahapan kasus chains` lists them).",
            show_default=False,
        ),
    ],
    when: Annotated[
        str,
        typer.Option(
            "--from",
            metavar="WHEN",
            help='The event it starts from: a date (2024-01-05) or a date and time ("2024-03-20 '
            '22:19", "20/03/2024 22.19 WITA"), in the case\'s zone.',
            show_default=False,
        ),
    ],
    name: Annotated[
        str | None,
        typer.Option("--name", metavar="TEXT", help="What the case is about.", show_default=False),
    ] = None,
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            "-r",
            metavar="REGION",
            envvar="TAHAPAN_REGION",
            help="The case's region: its time zone (WIB, WITA, WIT) and local holidays. Default: "
            "the config's region. Find it with `tahapan regions TEXT`.",
            show_default=False,
        ),
    ] = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> int:
    """Add a case: its deadlines are counted from the event, in the region's zone (else WIB)."""
    session = open_session(data=None, lang=lang, tz=None, elections=None, region=region)
    import re

    from tahapan.model import ID_PATTERN

    if not re.fullmatch(ID_PATTERN, ident) or len(ident) > 100:
        raise TahapanError(
            tr(f"format ID kasus salah: {ident!r}", f"not a valid case id: {ident!r}"),
            hint=tr(
                "Gunakan huruf kecil, angka, dan tanda hubung, mis. pidana-2024-001.",
                "Use lower-case letters, digits and hyphens, e.g. pidana-2024-001.",
            ),
        )
    zone = session.region.timezone if session.region else "Asia/Jakarta"
    if name is not None and (not name.strip() or (not name.isprintable() and not name.strip())):
        raise TahapanError(tr("--name kosong", "--name is empty"))
    if name is not None and (len(name) > 500 or not_text(name)):
        raise TahapanError(
            tr(
                "--name: paling panjang 500 huruf, teks UTF-8",
                "--name: at most 500 characters of UTF-8 text",
            )
        )
    event = read_moment(when, session, zone, "--from")

    def add(data: dict[str, Any], book: Any) -> str:
        book.chain(chain)  # an unknown chain is named with the known ones
        if any(c.id == ident for c in book.cases):
            raise TahapanError(
                tr(f"kasus {ident} sudah ada", f"case {ident} already exists"),
                hint=tr(
                    "Gunakan ID lain. Untuk melihat kasus itu: tahapan kasus show " + ident,
                    "Choose another id. To see that case: tahapan kasus show " + ident,
                ),
            )
        table: dict[str, Any] = {"id": ident, "chain": chain, "event": event, "zone": zone}
        if name:
            table["name"] = one_line(name)
        if session.region is not None:
            table["region"] = session.region.id
        data.setdefault("cases", []).append(table)
        return "added"

    return edit_cases(session, ident, add, json)


@command.command("show", cls=Command, options_metavar=options_metavar())
def kasus_show(ident: IdArg, on: OnOpt = None, lang: LangOpt = None, json: JsonOpt = False) -> int:
    """Every step of a case: its deadline, the rule and article, the date under a conflicting
    rule, and whether it is done. Exit 1 when a deadline was missed."""
    from tahapan.render import render
    from tahapan.reports.cases import late_exit
    from tahapan.schedule.cases import load_book

    session = open_session(data=None, lang=lang, tz=None, elections=None, region="")
    book = load_book()
    report = case_report(session, book, book.case(ident), resolve_on(session, on), decrees=True)
    render(report, _format(json))
    return late_exit(report)


@command.command("done", cls=Command, options_metavar=options_metavar())
def kasus_done(
    ident: IdArg,
    step: Annotated[
        str,
        typer.Argument(metavar="STEP", help="The step that happened (its id).", show_default=False),
    ],
    when: Annotated[
        str | None,
        typer.Option(
            "--on",
            metavar="WHEN",
            help='When it happened: a date, or a date and time ("2024-03-22 14:05"). Default: '
            "today.",
            show_default=False,
        ),
    ] = None,
    undo: Annotated[
        bool, typer.Option("--undo", help="Take the record back.", show_default=False)
    ] = False,
    lang: LangOpt = None,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> int:
    """Record that a step happened: the steps after it count from that real date."""
    session = open_session(data=None, lang=lang, tz=None, elections=None, region="")
    if undo and when is not None:
        raise TahapanError(tr("--undo tidak memakai --on", "--undo takes no --on"))

    def done(data: dict[str, Any], book: Any) -> str:
        from tahapan.schedule.cases import case_table

        case = book.case(ident)
        chain = book.chain(case.chain)
        if chain.step(step) is None:
            raise TahapanError(
                tr(
                    f"alur {chain.id} tidak memiliki langkah {step!r}",
                    f"chain {chain.id} has no step {step!r}",
                ),
                hint=tr("Langkah yang tersedia: ", "Its steps: ")
                + ", ".join(s.id for s in chain.steps),
            )
        table = case_table(data, ident)
        if undo:
            if table.get("done", {}).pop(step, None) is None:
                raise TahapanError(
                    tr(
                        f"langkah {step} pada kasus {ident} belum pernah dicatat",
                        f"step {step} of case {ident} was never recorded",
                    )
                )
            if not table.get("done"):
                table.pop("done", None)
            return "undone"
        moment = read_moment(when, session, case.zone, "--on") if when else session.today
        if before_event(moment, case.event):
            event = format_date(day_of(case.event))
            raise TahapanError(
                tr(
                    f"langkah {step} tidak dapat dicatat terjadi sebelum peristiwa awal kasus "
                    f"({event})",
                    f"step {step} cannot be recorded before the case's event ({event})",
                )
            )
        if day_of(moment) > session.today or (
            isinstance(moment, datetime) and moment > looked_at(session, session.today, case.zone)
        ):
            on, today = format_date(day_of(moment)), format_date(session.today)
            raise TahapanError(
                tr(
                    f"langkah {step} tidak dapat dicatat terjadi pada {on} karena tanggal itu "
                    f"belum tiba (hari ini {today})",
                    f"step {step} cannot be recorded as happened on {on}: that day has not come "
                    f"(today is {today})",
                ),
                hint=tr(
                    "Catat langkah setelah terjadi; tenggatnya tampil di `tahapan kasus show`.",
                    "Record a step once it happened; its deadline shows in `tahapan kasus show`.",
                ),
            )
        table.setdefault("done", {})[step] = moment
        recorded.append(moment)
        return "done"

    recorded: list[date | datetime] = []
    return edit_cases(session, ident, done, json, step=step, when=recorded)


@command.command("close", cls=Command, options_metavar=options_metavar())
def kasus_close(
    ident: IdArg,
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            metavar="DATE",
            help="The day the case is closed. Default: today.",
            show_default=False,
        ),
    ] = None,
    reopen: Annotated[
        bool, typer.Option("--reopen", help="Open a closed case again.", show_default=False)
    ] = False,
    lang: LangOpt = None,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> int:
    """Close a case: it leaves the list, the daily check and status (kept in the file)."""
    session = open_session(data=None, lang=lang, tz=None, elections=None, region="")
    if reopen and on is not None:
        raise TahapanError(tr("--reopen tidak memakai --on", "--reopen takes no --on"))
    day = resolve_on(session, on)

    def close(data: dict[str, Any], book: Any) -> str:
        from tahapan.schedule.cases import case_table

        case = book.case(ident)
        table = case_table(data, ident)
        if reopen:
            if case.closed is None:
                raise TahapanError(
                    tr(f"kasus {ident} tidak ditutup", f"case {ident} is not closed")
                )
            table.pop("closed", None)
            return "reopened"
        if case.closed is not None:
            raise TahapanError(
                tr(
                    f"kasus {ident} sudah ditutup pada {format_date(case.closed)}",
                    f"case {ident} was closed on {format_date(case.closed)}",
                ),
                hint=tr(
                    f"Buka kembali dengan: tahapan kasus close {ident} --reopen",
                    f"Reopen it with: tahapan kasus close {ident} --reopen",
                ),
            )
        if day > session.today or day < day_of(case.event):
            raise TahapanError(
                tr(
                    f"tanggal penutupan {format_date(day)} harus antara peristiwa awal "
                    f"({format_date(day_of(case.event))}) dan hari ini",
                    f"the closing day {format_date(day)} must lie between the event "
                    f"({format_date(day_of(case.event))}) and today",
                )
            )
        table["closed"] = day
        return "closed"

    return edit_cases(session, ident, close, json)


@command.command("remove", cls=Command, options_metavar=options_metavar())
def kasus_remove(
    ident: IdArg, lang: LangOpt = None, json: JsonOpt = False, quiet: QuietOpt = False
) -> int:
    """Remove a case from the file (the previous version is kept as .bak)."""
    session = open_session(data=None, lang=lang, tz=None, elections=None, region="")

    def remove(data: dict[str, Any], book: Any) -> str:
        from tahapan.schedule.cases import case_table

        book.case(ident)
        data["cases"].remove(case_table(data, ident))
        if not data["cases"]:
            data.pop("cases")
        return "removed"

    return edit_cases(session, ident, remove, json)


# ------------------------------------------------------------------------------------------ shared


def _format(json: bool) -> str:
    return "json" if json else "text"
