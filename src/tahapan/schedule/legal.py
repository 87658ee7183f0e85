"""What the election law fixes relative to voting day, checked against a projected national election.

A projection copies another election's distances from its voting day, which the law does not: UU
7/2017 counts the start of the stages in months (Art. 167(6)), so the same number of days can fall
on the wrong side of it; and a voting day copied five years on can land beside Idul Fitri. These
checks say so when `election add --like` plans a national election; they change nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from tahapan.model import Election

#: Art. 167(6): the stages start at least 20 months before voting day
MONTHS_BEFORE = 20
#: Art. 276 (as amended by Perppu 1/2022): the campaign starts 25 days after the final list (DCT)
CAMPAIGN_AFTER_DCT = 25
#: rallies and paid media: the last 21 days before the quiet period
RALLY_DAYS = 21
#: the national result is set at the latest 35 days after voting day
RESULT_BY = 35

Window = tuple[date | None, date]

Rule = Literal[
    "stages-start-20-months-before",
    "quiet-period-3-days",
    "campaign-25-days-after-dct",
    "rallies-last-21-days",
    "national-result-by-h35",
    "voting-day-beside-holiday",
]


@dataclass(frozen=True)
class LegalWarning:
    """A rule the planned dates break, with the dates that say how: ``day`` as planned, ``due``
    (to ``until``) as the law wants it; beside a holiday, the holiday's ``day`` and names and its
    ``offset`` from ``voting_day``. Its words are render.edits's."""

    rule: Rule
    day: date | None = None
    due: date | None = None
    until: date | None = None
    voting_day: date | None = None
    offset: int | None = None
    holiday: str | None = None
    holiday_en: str | None = None


def projected_windows(like: Election, voting_day: date) -> dict[str, Window]:
    """The held stages of ``like`` by id, moved by the days between the two voting days."""
    assert like.voting_day is not None
    shift = voting_day - like.voting_day
    return {
        stage.id: (None if stage.start is None else stage.start + shift, stage.end + shift)
        for _, stage in like.walk()
        if stage.held
    }


def conflicts(windows: dict[str, Window], voting_day: date) -> list[LegalWarning]:
    """Each rule of UU 7/2017 that the projected dates break, with the dates an officer acts on."""
    from dateutil.relativedelta import relativedelta

    out: list[LegalWarning] = []
    starts = [start for start, _ in windows.values() if start is not None]
    latest = voting_day - relativedelta(months=MONTHS_BEFORE)
    if starts and min(starts) > latest:
        out.append(LegalWarning("stages-start-20-months-before", day=min(starts), due=latest))
    quiet = windows.get("masa-tenang")
    if quiet is not None and quiet != (
        voting_day - timedelta(days=3),
        voting_day - timedelta(days=1),
    ):
        out.append(LegalWarning("quiet-period-3-days"))
    dct, campaign = windows.get("penetapan-dct"), windows.get("kampanye")
    if dct is not None and campaign is not None and campaign[0] is not None:
        due = dct[1] + timedelta(days=CAMPAIGN_AFTER_DCT)
        if campaign[0] != due:
            out.append(LegalWarning("campaign-25-days-after-dct", day=campaign[0], due=due))
    rallies = windows.get("rapat-umum")
    if rallies is not None and quiet is not None and quiet[0] is not None:
        wanted = (quiet[0] - timedelta(days=RALLY_DAYS), quiet[0] - timedelta(days=1))
        if rallies != wanted:
            out.append(LegalWarning("rallies-last-21-days", due=wanted[0], until=wanted[1]))
    result = windows.get("penetapan-hasil")
    if result is not None and result[1] > voting_day + timedelta(days=RESULT_BY):
        out.append(LegalWarning("national-result-by-h35"))
    return out


def beside_a_holiday(voting_day: date) -> list[LegalWarning]:
    """The public holidays and cuti bersama on the voting day or the days either side of it."""
    from tahapan.days.workdays import year_days

    national = {
        day: (kind, name, name_en)
        for year in {voting_day.year - 1, voting_day.year, voting_day.year + 1}
        for day, kind, name, name_en in year_days(year)
    }
    out = []
    for offset in (-1, 0, 1):
        day = voting_day + timedelta(days=offset)
        kind, name, name_en = national.get(day, ("", "", ""))
        if kind in ("public", "cuti"):
            out.append(
                LegalWarning(
                    "voting-day-beside-holiday",
                    day=day,
                    voting_day=voting_day,
                    offset=offset,
                    holiday=name,
                    holiday_en=name_en,
                )
            )
    return out
