"""What the election law fixes relative to voting day, checked against a projected national election.

A projection copies another election's distances from its voting day, which the law does not: UU
7/2017 counts the start of the stages in months (Art. 167(6)), so the same number of days can fall
on the wrong side of it; and a voting day copied five years on can land beside Idul Fitri. These
checks say so when `election add --like` plans a national election; they change nothing.
"""

from __future__ import annotations

from datetime import date, timedelta

from tahapan.i18n import Message, Words, format_date
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


def projected_windows(like: Election, voting_day: date) -> dict[str, Window]:
    """The held stages of ``like`` by id, moved by the days between the two voting days."""
    assert like.voting_day is not None
    shift = voting_day - like.voting_day
    return {
        stage.id: (None if stage.start is None else stage.start + shift, stage.end + shift)
        for _, stage in like.walk()
        if stage.held
    }


def conflicts(windows: dict[str, Window], voting_day: date) -> list[Message]:
    """Each rule of UU 7/2017 that the projected dates break, in words an officer can act on."""
    from dateutil.relativedelta import relativedelta

    out: list[Message] = []
    starts = [start for start, _ in windows.values() if start is not None]
    latest = voting_day - relativedelta(months=MONTHS_BEFORE)
    if starts and min(starts) > latest:
        out.append(
            Words(
                f"tahapan pertama dimulai {format_date(min(starts), lang='id')}, sedangkan tahapan harus dimulai "
                f"paling lambat 20 bulan sebelum hari pemungutan suara ({format_date(latest, lang='id')}; UU "
                "7/2017 Pasal 167 ayat (6))",
                f"the first stage starts {format_date(min(starts), lang='en')}, but the stages must start at "
                f"least 20 months before voting day ({format_date(latest, lang='en')}; UU 7/2017 art. 167(6))",
            )
        )
    quiet = windows.get("masa-tenang")
    if quiet is not None and quiet != (
        voting_day - timedelta(days=3),
        voting_day - timedelta(days=1),
    ):
        out.append(
            Words(
                "masa tenang berlangsung 3 hari sebelum hari pemungutan suara, yaitu H-3 sampai dengan H-1 (UU 7/2017)",
                "the quiet period is the 3 days before voting day, H-3 to H-1 (UU 7/2017)",
            )
        )
    dct, campaign = windows.get("penetapan-dct"), windows.get("kampanye")
    if dct is not None and campaign is not None and campaign[0] is not None:
        due = dct[1] + timedelta(days=CAMPAIGN_AFTER_DCT)
        if campaign[0] != due:
            out.append(
                Words(
                    f"kampanye dimulai {format_date(campaign[0], lang='id')}, sedangkan kampanye dimulai 25 hari "
                    f"setelah penetapan DCT ({format_date(due, lang='id')}; UU 7/2017 Pasal 276 sebagaimana "
                    "diubah Perppu 1/2022)",
                    f"the campaign starts {format_date(campaign[0], lang='en')}, but it starts 25 days after "
                    f"the final list (DCT) ({format_date(due, lang='en')}; UU 7/2017 art. 276 as amended by Perppu "
                    "1/2022)",
                )
            )
    rallies = windows.get("rapat-umum")
    if rallies is not None and quiet is not None and quiet[0] is not None:
        wanted = (quiet[0] - timedelta(days=RALLY_DAYS), quiet[0] - timedelta(days=1))
        if rallies != wanted:
            out.append(
                Words(
                    "rapat umum serta iklan di media massa dilaksanakan selama 21 hari terakhir sebelum "
                    f"masa tenang ({format_date(wanted[0], lang='id')} – {format_date(wanted[1], lang='id')}; UU 7/2017 "
                    "Pasal 276 sebagaimana diubah Perppu 1/2022)",
                    "rallies and paid media must be the last 21 days before the quiet period "
                    f"({format_date(wanted[0], lang='en')} – {format_date(wanted[1], lang='en')}; UU 7/2017 art. 276 as amended "
                    "by Perppu 1/2022)",
                )
            )
    result = windows.get("penetapan-hasil")
    if result is not None and result[1] > voting_day + timedelta(days=RESULT_BY):
        out.append(
            Words(
                "penetapan hasil Pemilu secara nasional paling lambat H+35 (UU 7/2017)",
                "the national result is set by H+35 at the latest (UU 7/2017)",
            )
        )
    return out


def beside_a_holiday(voting_day: date) -> list[Message]:
    """The public holidays and cuti bersama on the voting day or the days either side of it."""
    from tahapan.days.workdays import WorkCalendar

    calendar = WorkCalendar()
    out: list[Message] = []
    for offset in (-1, 0, 1):
        day = voting_day + timedelta(days=offset)
        closed = calendar.closed(day)
        if closed is not None and closed.kind in ("public", "cuti"):
            where = {
                -1: ("sehari sebelumnya", "the day before"),
                0: ("pada hari yang sama", "that same day"),
                1: ("sehari sesudahnya", "the day after"),
            }[offset]
            out.append(
                Words(
                    f"hari pemungutan suara {format_date(voting_day, lang='id')}: {where[0]}, {format_date(day, lang='id')}, "
                    f"adalah {closed.name}",
                    f"voting day {format_date(voting_day, lang='en')}: {where[1]}, {format_date(day, lang='en')}, is "
                    f"{closed.name_en}",
                )
            )
    return out
