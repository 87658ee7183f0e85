"""A day, or a day and a time, as officers write the moment a deadline counts from:
``2024-03-20 22:19``, ``20/03/2024 22.19 WIB``, ``"20 Maret 2024 pukul 22.19"``,
``2024-03-20T22:19:00+07:00``. A time without a zone is in the case's zone.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from tahapan.days.dates import parse_date, resolve_zone
from tahapan.errors import DateError
from tahapan.i18n import Words

_TIME = re.compile(
    r"^(?P<day>.+?)(?:[T ]|\s+(?:pukul|pkl\.?|jam|at)\s+)(?P<h>[0-9]{1,2})[:.](?P<m>[0-9]{2})"
    r"(?:[:.](?P<s>[0-9]{2}))?\s*(?P<zone>Z|[+-][0-9]{2}:?[0-9]{2}|[A-Za-z]+(?:/[A-Za-z_]+)*)?$",
    re.IGNORECASE | re.ASCII,
)


def parse_moment(
    text: str, *, today: date, zone: str, voting_day: date | None = None
) -> date | datetime:
    """``text`` as a date, or as an aware date-time when it gives a time."""
    text = " ".join(text.split())
    found = _TIME.match(text)
    if found is None:
        return parse_date(text, today=today, voting_day=voting_day)
    day = parse_date(found["day"], today=today, voting_day=voting_day)
    hour, minute, second = int(found["h"]), int(found["m"]), int(found["s"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateError(
            Words(f"jam tidak valid: {text!r}", f"no such time: {text!r}"),
            hint=Words("Jam 00.00 sampai 23.59, mis. 22.19.", "Hours 00:00 to 23:59, e.g. 22:19."),
        )
    return datetime.combine(day, time(hour, minute, second), _zone(found["zone"], zone))


def _zone(word: str | None, default: str) -> ZoneInfo | timezone:
    if not word:
        return ZoneInfo(default)
    if word.upper() == "Z":
        return UTC
    offset = re.fullmatch(r"([+-])([0-9]{2}):?([0-9]{2})", word)
    if offset:
        sign = -1 if offset[1] == "-" else 1
        minutes = int(offset[2]) * 60 + int(offset[3])
        if minutes >= 24 * 60 or int(offset[3]) > 59:
            raise DateError(Words(f"selisih waktu tidak ada: {word}", f"no such offset: {word}"))
        return timezone(sign * timedelta(minutes=minutes))
    return ZoneInfo(resolve_zone(word))  # an unknown name is refused there, with the known ones
