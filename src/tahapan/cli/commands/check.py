"""`tahapan check`: an exit status that answers one question, for cron and shell scripts.

This is the path cron runs every few minutes: it prints plain text and never imports Rich.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer

from tahapan.cli import complete
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
from tahapan.days.dates import parse_span, parse_spans
from tahapan.errors import TahapanError
from tahapan.i18n import tr
from tahapan.render import render
from tahapan.reports.check import (
    CheckReport,
    build_check_active,
    build_check_remind,
    build_check_within,
)


def command(
    active: Annotated[
        str | None,
        typer.Option(
            "--active",
            metavar="STAGE",
            help="Exit 0 when this stage runs on the date, 1 when not.",
            show_default=False,
            autocompletion=complete.stages,
        ),
    ] = None,
    within: Annotated[
        str | None,
        typer.Option(
            "--within",
            metavar="DAYS",
            help="Exit 1 and print each stage starting or ending within DAYS (7, 10d, 2w); exit 0 when none.",
            show_default=False,
        ),
    ] = None,
    remind: Annotated[
        str | None,
        typer.Option(
            "--remind",
            metavar="DAYS,...",
            help="Exit 1 and print each stage starting or ending exactly DAYS away (7,3,1,0; 0 = today): each reminder once.",
            show_default=False,
        ),
    ] = None,
    changes: Annotated[
        bool,
        typer.Option(
            "--changes",
            help="Exit 1 and print each change of schedule not reported to `check --changes` "
            "yet (old dates -> new); combines with --within/--remind. The history moves on only "
            "once the answer is delivered.",
        ),
    ] = False,
    notify: Annotated[
        list[str] | None,
        typer.Option(
            "--notify",
            metavar="URL",
            help="Also send the answer through Apprise (tgram://, mailto://, slack://, ntfy://, json://...), "
            "when there is one; `config` sends to the config's notify URLs. Repeatable.",
            show_default=False,
        ),
    ] = None,
    cases: Annotated[
        bool,
        typer.Option(
            "--cases/--no-cases",
            help="With --within/--remind: the deadlines of your open cases (`tahapan kasus`) too; "
            "a missed one is said by --within until recorded, by --remind the day after.",
        ),
    ] = True,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print nothing; only the exit status answers.")
    ] = False,
    election: ElectionOpt = None,
    on: OnOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    json: JsonOpt = False,
    data: DataOpt = None,
    region: RegionOpt = None,
) -> int:
    """Answer with the exit status: 0 yes/nothing due, 1 no/something due, 2 bad input."""
    session = open_session(data=data, lang=lang, tz=tz, elections=election, region=region)
    asked = 3 - [active, within, remind].count(None)
    if asked > 1 or (asked == 0 and not changes) or (changes and active is not None):
        raise TahapanError(
            tr(
                "berikan tepat satu dari --active TAHAPAN, --within HARI atau --remind HARI,..., "
                "atau --changes (boleh bersama --within/--remind)",
                "give exactly one of --active STAGE, --within DAYS or --remind DAYS,..., or "
                "--changes (which combines with --within/--remind)",
            ),
            hint=tr(
                "Contoh: tahapan check --active kampanye -e pemilu-2024; tahapan check --within 7; "
                "tahapan check --remind 7,3,1,0 --changes",
                "Example: tahapan check --active kampanye -e pemilu-2024; tahapan check --within 7; "
                "tahapan check --remind 7,3,1,0 --changes",
            ),
        )
    date = resolve_on(session, on)
    # a notify URL that can never work is said before any answer, whether or not one is due
    senders = _senders(notify) if notify else None
    if active is not None:
        report = build_check_active(
            session.catalog, active, on=date, election_ids=session.elections
        )
    elif remind is not None:
        report = build_check_remind(
            session.catalog, parse_spans(remind), on=date, election_ids=session.elections
        )
    elif within is not None:
        report = build_check_within(
            session.catalog, parse_span(within), on=date, election_ids=session.elections
        )
    else:
        report = CheckReport(date, True, "changes")
    failure = None
    if cases and (within is not None or remind is not None):
        days = parse_span(within) if within else parse_spans(remind or "")
        try:
            _case_deadlines(session, report, days)
        except TahapanError as err:
            # a damaged cases file: the schedules' deadlines are still said, then the failure
            failure = err
    seen = None
    if changes:
        try:
            seen = _changes(session, report)
        except TahapanError as err:
            # the history cannot be read or kept: the deadlines are still said, then the failure
            failure = failure or err
    code = render(report, "json" if json else "quiet" if quiet else "text")
    if failure is not None:
        raise failure
    if notify:
        _notify(senders, report)
    if seen is not None:
        # only now: a notification that failed (exit 75) is sent again by the next run
        seen()
    return code


def _case_deadlines(session: Session, report: CheckReport, days: int | tuple[int, ...]) -> None:
    """The open cases' deadlines in the window, when the user keeps cases at all (one stat else)."""
    from tahapan.config import has_cases

    if not has_cases():
        return
    from tahapan.cli.case_session import open_cases
    from tahapan.reports.cases import deadlines_within

    reports = open_cases(session, report.date)
    report.case_deadlines = deadlines_within(reports, report.date, days)
    report.ok = report.ok and not report.case_deadlines


def _changes(session: Session, report: CheckReport) -> Callable[[], None]:
    """Add the changes not reported to `check --changes` yet; returns what marks them reported."""
    from tahapan.cli.commands.changes import (
        no_history_folder,
        reader_name,
        region_refs,
        wanted_elections,
    )
    from tahapan.days.dates import now
    from tahapan.errors import WriteError
    from tahapan.history import History
    from tahapan.reports.changes import READER_CHECK, look

    history = History.open()
    if history is None:
        raise WriteError(no_history_folder())
    found = look(
        history,
        session.loaded or session.catalog,
        reader=reader_name(READER_CHECK, session),
        at=now("UTC"),
        election_ids=wanted_elections(session),
        region_refs=region_refs(session),
    )
    # "did a date I depend on move": a reworded basis alone is for `tahapan changes`
    report.changes = [item for item in found.report.items if item.change.moves_dates]
    report.changes_first_look = found.report.first_look
    report.baseline_lost = found.report.baseline_lost
    report.ok = report.ok and not report.changes and not report.baseline_lost
    if found.report.first_look:
        from tahapan.cli.streams import say

        say(
            tr(
                "check --changes: pemeriksaan pertama; jadwal yang berlaku sekarang disimpan "
                "sebagai acuan, perubahan setelah ini akan dilaporkan.",
                "check --changes: first run; the schedules in use are saved as the baseline, and "
                "changes after this will be reported.",
            )
        )
    return lambda: history.mark(found.reader, found.upto)


def _notify(senders: Any, report: CheckReport) -> None:
    """Send the answer, when there is one, to the URLs read by ``_senders``."""
    from tahapan.notify import send
    from tahapan.render.plain import check_message

    message = check_message(report)
    if message is not None:
        import sys

        sys.stdout.flush()  # the answer is out before a slow or failed send
        send(senders, *message)


def _senders(given: list[str]) -> Any:
    """The URLs given (`config`: those of the config's notify key), each read by Apprise now: one
    that cannot work is bad input before any answer is printed."""
    from tahapan.config import load_config
    from tahapan.notify import CONFIG, senders

    urls = [
        (u, g if g == CONFIG else "--notify")
        for g in given
        for u in (load_config().get("notify", []) if g == CONFIG else [g])
    ]
    if not urls:
        raise TahapanError(
            tr("--notify config: kunci notify belum diisi", "--notify config: no notify URLs set"),
            hint=tr(
                "Isi dengan: tahapan config set notify tgram://TOKEN/CHAT_ID",
                "Set them with: tahapan config set notify tgram://TOKEN/CHAT_ID",
            ),
        )
    return senders(urls)
