"""What the `kasus` commands share with `hitung --chain`, `check` and `status`: a case counted on a
day, and the moments officers type."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from tahapan.cli.options import Session
from tahapan.errors import TahapanError
from tahapan.i18n import tr

if TYPE_CHECKING:
    from tahapan.reports.cases import CaseReport
    from tahapan.schedule.case_edits import Change
    from tahapan.schedule.cases import Case, CaseBook


def chain_run(session: Session, chain: str, when: str) -> CaseReport:
    """`hitung --chain`: a chain counted from ``when`` as a case would be, none kept."""
    from tahapan.schedule.cases import Case, load_book

    book = load_book()
    book.chain(chain)
    zone = session.region.timezone if session.region else "Asia/Jakarta"
    if not when.strip():
        raise TahapanError(
            tr("--chain perlu tanggal peristiwa awal", "--chain needs the event's date"),
            hint=tr(
                f'Contoh: tahapan hitung --chain {chain} "2024-03-20 22:19"',
                f'Example: tahapan hitung --chain {chain} "2024-03-20 22:19"',
            ),
        )
    event = read_moment(when, session, zone, "--chain")
    region = session.region.id if session.region else None
    case = Case(id="hitung", chain=chain, event=event, zone=zone, region=region)
    report = case_report(session, book, case, session.today, decrees=True)
    report.stored = False
    return report


def case_report(
    session: Session, book: CaseBook, case: Case, day: date, *, decrees: bool = False
) -> CaseReport:
    """The case counted on ``day``: the region's local holidays, the holiday decrees' last year."""
    from tahapan.reports.cases import local_holidays, run_case

    loaded = session.loaded or session.catalog
    region = next((r for r in loaded.regions if r.id == case.region), None)
    from tahapan.schedule.holiday_cache import decrees_until

    until = decrees_until() if decrees else None
    return run_case(
        case,
        book.chain(case.chain),
        on=day,
        now=looked_at(session, day, session.zone),
        holidays=local_holidays(loaded.elections, region),
        decrees_until=until,
        region=region,
    )


def open_cases(
    session: Session, day: date, *, every: bool = False, decrees: bool = False
) -> list[CaseReport]:
    """The user's open cases (closed ones too with ``every``) counted on ``day``, with their
    regions' local holidays, as `kasus`, `check`, `status` and `calendar` name them."""
    from tahapan.reports.cases import case_reports
    from tahapan.schedule.cases import load_book
    from tahapan.schedule.holiday_cache import decrees_until

    loaded = session.loaded or session.catalog
    return case_reports(
        load_book(),
        on=day,
        now=looked_at(session, day, session.zone),
        elections=loaded.elections,
        regions=loaded.regions,
        every=every,
        decrees_until=decrees_until() if decrees else None,
    )


def read_moment(text: str, session: Session, zone: str, option: str) -> date | datetime:
    from tahapan.days.dates import h_offset
    from tahapan.days.moments import parse_moment
    from tahapan.schedule.cases import CASE_YEARS, in_range

    if not text.strip():
        raise TahapanError(tr(f"{option} kosong", f"{option} is empty"))
    if h_offset(text.split()[0]) is not None:
        raise TahapanError(
            tr(
                f"{option} {text!r}: tanggal kasus tidak ditulis dengan H",
                f"{option} {text!r}: a case's dates are not written in H-notation",
            ),
            hint=tr(
                "Tulis tanggalnya, mis. 2024-03-20 22:19.", "Write the date, e.g. 2024-03-20 22:19."
            ),
        )
    moment = parse_moment(text, today=session.today, zone=zone)
    if not in_range(moment):
        low, high = CASE_YEARS
        raise TahapanError(
            tr(
                f"{option} {text!r}: di luar tahun {low}–{high} yang dihitung untuk kasus",
                f"{option} {text!r}: outside the years {low}–{high} cases are counted in",
            )
        )
    return moment


def looked_at(session: Session, day: date, zone: str) -> datetime:
    """The minute an hour deadline is measured against: now on today, else the day's first minute."""
    from datetime import time
    from zoneinfo import ZoneInfo

    from tahapan.days.dates import now

    return now(zone) if day == session.today else datetime.combine(day, time(0), ZoneInfo(zone))


def edit_cases(
    session: Session,
    ident: str,
    mutate: Change,
    json: bool,
    step: str | None = None,
    when: list[date | datetime] | None = None,
) -> int:
    """Make a change to the cases file, say what was done, and show the case as it now stands."""
    from tahapan.cli.streams import say
    from tahapan.config import cases_file
    from tahapan.render import render
    from tahapan.render.cases import edit_message
    from tahapan.reports.cases import CaseEdit
    from tahapan.schedule.cases import change_cases, load_book

    action, backup = change_cases(mutate)
    kept = str(backup) if backup else None
    result = CaseEdit(action, ident, str(cases_file()), kept, step)  # type: ignore[arg-type]
    result.when = when[-1] if when else None
    if action != "removed":
        book = load_book()
        result.report = case_report(session, book, book.case(ident), session.today, decrees=True)
    say(edit_message(result))
    return render(result, "json" if json else "term")
