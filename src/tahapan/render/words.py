"""Words that more than one view says the same way."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tahapan.days.timeline import h_day
from tahapan.i18n import NO_VOTING_DAY, PROJECTED, days, format_date, h_label, tr

if TYPE_CHECKING:  # for the annotations only: `check` prints these words without the reports
    from tahapan.model import Election
    from tahapan.reports.stages import ShowReport


def no_voting_day(election: Election) -> str:
    """What stands for the voting day of an election that has none (yet)."""
    if election.kind == "programme":
        return tr(
            "program berkelanjutan, tanpa hari pemungutan suara",
            "continuous programme, no voting day",
        )
    return tr(*NO_VOTING_DAY)


def h_text(election: Election, day: date) -> str:
    """'H-7' for a day of an election; what stands for it when there is no voting day."""
    if election.kind == "programme":
        return "-"
    return h_label(h_day(election, day))


def voting_day_text(election: Election, *, short: bool = False, weekday: bool = False) -> str:
    """'pemungutan suara 14 Feb 2024', or what stands for it; a planning date says so
    ('pemungutan suara 14 Feb 2029 (proyeksi)')."""
    if election.voting_day is None:
        return no_voting_day(election)
    day = format_date(election.voting_day, short=short, weekday=weekday)
    mark = f" ({tr(*PROJECTED)})" if election.projected else ""
    return tr("pemungutan suara ", "voting day ") + day + mark


def position_word(position: str) -> str:
    """Where a stage stands, in a word or two ("sudah berakhir"): `show`'s other elections."""
    return {
        "active": tr("sedang berjalan", "running"),
        "upcoming": tr("akan datang", "upcoming"),
        "ended": tr("sudah berakhir", "ended"),
        "not-held": tr("tidak dilaksanakan", "not held"),
    }.get(
        position,
        tr("tanggal mulai tidak tercantum di sumber", "start date not given by the sources"),
    )


def position_words(show: ShowReport) -> str:
    """Where a stage stands on the report's date, in words: "hari ke-3 dari 21, sisa 18 hari",
    "mulai dalam 4 hari", "berakhir 2 hari lalu"... (the terminal's `show` and `check --active`)."""
    left = show.days_left or 0
    if show.position == "active":
        if show.day is None:  # running, but its start is not known
            return tr(f"sisa {left} hari", f"{days(left)} left")
        total = show.ref.stage.days_total
        return tr(
            f"hari ke-{show.day} dari {total}, sisa {left} hari",
            f"day {show.day} of {total}, {days(left)} left",
        )
    if show.position == "upcoming":
        return tr(f"mulai dalam {show.days_until} hari", f"starts in {days(show.days_until or 0)}")
    if show.position == "ended":
        return tr(
            f"berakhir {show.days_since} hari lalu", f"ended {days(show.days_since or 0)} ago"
        )
    return position_word(show.position)
