"""Dates as officers write them, time zones, and "today".

A date is read only when the whole text is one of the documented forms (``accepted_forms``): ISO,
day-first numbers, "29 November 2023" with Indonesian or English month names (old spellings too,
e.g. "Nopember"), a weekday before it that must agree, "hari ini", "besok" and H-notation. Nothing
is guessed: text with a word or number left over is refused, never read as some other date.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from tahapan.errors import DateError, UnknownNameError
from tahapan.i18n import Message, Words, month_name, weekday_name
from tahapan.model import Region, canonical_zone

DEFAULT_ZONE = "Asia/Jakarta"
NOW_VARIABLE = "TAHAPAN_NOW"


#: month names and abbreviations, Indonesian (old spellings too) and English
_MONTH_NAMES = (
    ("jan", "januari", "january"),
    ("feb", "peb", "februari", "pebruari", "february"),
    ("mar", "maret", "march"),
    ("apr", "april"),
    ("mei", "may"),
    ("jun", "juni", "june"),
    ("jul", "juli", "july"),
    ("agu", "ags", "agt", "agus", "agustus", "aug", "august"),
    ("sep", "sept", "september"),
    ("okt", "oktober", "oct", "october"),
    ("nov", "nop", "november", "nopember"),
    ("des", "desember", "dec", "december"),
)
_WEEKDAY_NAMES = (
    ("sen", "senin", "mon", "monday"),
    ("sel", "selasa", "tue", "tuesday"),
    ("rab", "rabu", "wed", "wednesday"),
    ("kam", "kamis", "thu", "thursday"),
    ("jum", "jumat", "jum'at", "fri", "friday"),
    ("sab", "sabtu", "sat", "saturday"),
    ("min", "minggu", "ahad", "sun", "sunday"),
)
MONTHS = {name: i + 1 for i, names in enumerate(_MONTH_NAMES) for name in names}
WEEKDAYS = {name: i for i, names in enumerate(_WEEKDAY_NAMES) for name in names}
#: words officers put before a date: "hari Rabu, tanggal 29 November 2023"
_LEAD = {"hari", "pada", "tanggal", "tgl", "on", "the"}

_RELATIVE = {
    "hari ini": 0, "today": 0, "sekarang": 0, "now": 0,
    "besok": 1, "tomorrow": 1, "lusa": 2,
    "kemarin": -1, "yesterday": -1,
}  # fmt: skip
# ASCII digits only: "H-١" or a full-width year are not forms an officer types by intent
_H_RE = r"^h\s*(?:([+\-−–])\s*([0-9]{1,5}))?$"  # compiled on first use (re keeps it), as all here
_ISO_SHAPE = r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$"


def accepted_forms() -> Message:
    return Words(
        "Bentuk yang diterima: 2023-11-29, 29/11/2023, 29-11-2023, 29 November 2023, 29 Nov 2023, "
        '"Rabu, 29 November 2023", hari ini, besok, kemarin, dan H-3 / H / H+2 '
        "(hari relatif terhadap hari pemungutan suara pemilu yang dipilih dengan --election).",
        "Accepted forms: 2023-11-29, 29/11/2023, 29-11-2023, 29 November 2023, 29 Nov 2023, "
        '"Wednesday, 29 November 2023", today, tomorrow, yesterday, and H-3 / H / H+2 '
        "(days relative to the voting day of the election chosen with --election).",
    )


INDONESIAN_ZONES = ("Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura")
#: older names of the same zones that systems still carry
_OLD_NAMES = {"Asia/Ujung_Pandang": "Asia/Makassar"}


def machine_zone(windows: bool = os.name == "nt") -> str | None:
    """The machine's own zone when it is an Indonesian one (TZ, else the /etc/localtime link, else
    /etc/timezone; on Windows the registry's); None for any other, so that a server kept in UTC
    still counts Indonesian days. ``windows``: the CLI passes folders.WINDOWS, tahapan's one view
    of the platform (which tests can stand in for)."""
    name = os.environ.get("TZ", "").strip().lstrip(":")
    if not name and windows:
        from tahapan.days.windows_zone import windows_zone

        name = windows_zone() or ""
    elif not name:
        try:
            name = os.readlink("/etc/localtime").partition("zoneinfo/")[2]
        except OSError:
            try:
                with open("/etc/timezone", encoding="utf-8") as handle:
                    name = handle.read(100).strip()
            except (OSError, UnicodeDecodeError):
                name = ""
    name = _OLD_NAMES.get(name, name)
    if name not in INDONESIAN_ZONES:
        name = _zone_of_tz(name) or ""
    return name if name in INDONESIAN_ZONES else None


#: POSIX TZ offsets (west of UTC positive: WITA-8 is UTC+8) of the Indonesian zones
_POSIX_OFFSETS = {-7: "Asia/Jakarta", -8: "Asia/Makassar", -9: "Asia/Jayapura"}
_POSIX = r"^(?:<[^>]+>|[A-Za-z]{3,})([+-]?\d{1,2})(?::00(?::00)?)?$"


def _zone_of_tz(value: str) -> str | None:
    """The zone a TZ value names in the other forms the C library reads: a file path
    (/usr/share/zoneinfo/Asia/Makassar, with or without the leading ':') or a POSIX rule without
    daylight saving (WITA-8, <+08>-8), which gives the Indonesian zone of that offset."""
    if "zoneinfo/" in value:
        return _OLD_NAMES.get(value.partition("zoneinfo/")[2], value.partition("zoneinfo/")[2])
    match = re.match(_POSIX, value) if any(c.isdecimal() for c in value) else None  # Etc/UTC
    return _POSIX_OFFSETS.get(int(match.group(1))) if match else None


def resolve_zone(name: str | None) -> str:
    """The IANA name for a zone option ('WITA' -> 'Asia/Makassar'); DEFAULT_ZONE when not given."""
    if name is None or not name.strip():
        return DEFAULT_ZONE
    try:
        return canonical_zone(name.strip())
    except ValueError:
        raise UnknownNameError(
            Words(f"zona waktu tidak dikenal: {name!r}", f"unknown time zone: {name!r}"),
            hint=Words(
                "Gunakan WIB, WITA, WIT atau nama IANA seperti Asia/Jakarta, Asia/Makassar, Asia/Jayapura.",
                "Use WIB, WITA, WIT or an IANA name such as Asia/Jakarta, Asia/Makassar, Asia/Jayapura.",
            ),
        ) from None


def clock_zone(
    option: str | None,
    configured: str | None,
    region: Region | None,
    *,
    windows: bool = os.name == "nt",
) -> str:
    """The zone whose date is "today": --tz (or TAHAPAN_TZ), the config's tz, the region's zone,
    the machine's own zone when it is Indonesian (``windows``: see machine_zone), else
    Asia/Jakarta."""
    if option:
        return resolve_zone(option)
    if configured:
        return resolve_zone(configured)
    if region is not None:
        return region.timezone
    return machine_zone(windows) or resolve_zone(None)


def now(zone: str) -> datetime:
    """The current instant in ``zone``; TAHAPAN_NOW (ISO 8601, e.g. 2024-02-10T17:30:00Z) pins it."""
    pinned = os.environ.get(NOW_VARIABLE, "").strip()
    if pinned:
        try:
            instant = datetime.fromisoformat(pinned)
        except ValueError:
            raise DateError(
                Words(
                    f"{NOW_VARIABLE} bukan waktu ISO 8601: {pinned!r}",
                    f"{NOW_VARIABLE} is not an ISO 8601 time: {pinned!r}",
                ),
                hint=Words(
                    "Contoh: 2024-02-10T17:30:00Z atau 2024-02-10T17:30:00+07:00.",
                    "Example: 2024-02-10T17:30:00Z or 2024-02-10T17:30:00+07:00.",
                ),
            ) from None
        if instant.tzinfo is None:
            # a bare local time is read in the chosen zone, as an officer would mean it
            instant = instant.replace(tzinfo=ZoneInfo(zone))
        try:
            return instant.astimezone(ZoneInfo(zone))
        except OverflowError:
            raise DateError(
                Words(
                    f"{NOW_VARIABLE} di luar kalender di zona {zone}: {pinned!r}",
                    f"{NOW_VARIABLE} falls outside the calendar in {zone}: {pinned!r}",
                )
            ) from None
    return datetime.now(UTC).astimezone(ZoneInfo(zone))


def today(zone: str) -> date:
    return now(zone).date()


def parse_date(text: str, *, today: date | None, voting_day: date | None = None) -> date:
    """Read a date as officers write it; raise DateError naming the accepted forms.

    ``today`` None: a file is being read, where "besok" means nothing.
    """
    cleaned = " ".join(text.strip().split())
    lowered = cleaned.lower()
    if lowered in _RELATIVE:
        if today is None:
            raise DateError(
                Words(
                    f"{text!r} bergantung pada hari ini; di berkas tulis tanggalnya",
                    f"{text!r} depends on today; in a file, write the date",
                ),
                hint=accepted_forms(),
            )
        try:
            return today + timedelta(days=_RELATIVE[lowered])
        except OverflowError:
            raise DateError(
                Words(f"di luar kalender: {text!r}", f"outside the calendar: {text!r}")
            ) from None
    offset = h_offset(cleaned)
    if offset is not None:
        return _from_h(cleaned, offset, voting_day)
    iso = re.match(_ISO_SHAPE, cleaned)
    if iso:
        return _from_iso(cleaned, iso)
    return _from_words(cleaned)


def h_offset(text: str) -> int | None:
    """Days from voting day written in H-notation ('H-7' -> -7, 'H' -> 0), or None for other text."""
    match = re.match(_H_RE, " ".join(text.split()), re.IGNORECASE)
    if match is None:
        return None
    sign, number = match.groups()
    return 0 if number is None else int(number) * (1 if sign == "+" else -1)


def _from_h(text: str, offset: int, voting_day: date | None) -> date:
    if voting_day is None:
        raise DateError(
            Words(
                f"{text!r} dihitung dari hari pemungutan suara, jadi perlu tepat satu pemilu",
                f"{text!r} counts from voting day, so it needs exactly one election",
            ),
            hint=Words(
                "Tambahkan --election, misalnya --election pemilu-2024.",
                "Add --election, e.g. --election pemilu-2024.",
            ),
        )
    try:
        return voting_day + timedelta(days=offset)
    except OverflowError:
        raise DateError(
            Words(f"di luar kalender: {text!r}", f"outside the calendar: {text!r}")
        ) from None


def _from_iso(text: str, match: re.Match[str]) -> date:
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise _no_such_date(text, year, month, day) from None


def _no_such_date(text: str, year: int, month: int, day: int) -> DateError:
    if day < 1:
        reason = Words("hari dimulai dari 1", "days start at 1")
    elif 1 <= month <= 12 and 1 <= year <= 9999:
        import calendar

        last = calendar.monthrange(year, month)[1]
        reason = Words(
            f"{month_name(month, 'id')} {year} hanya terdiri atas {last} hari",
            f"{month_name(month, 'en')} {year} has only {last} days",
        )
    elif not 1 <= month <= 12:
        reason = Words("bulan harus 1–12", "the month must be 1–12")
    else:
        reason = Words("tahun harus 1–9999", "the year must be 1–9999")
    return DateError(
        Words(
            f"tanggal tidak ada: {text!r} ({reason.id})", f"no such date: {text!r} ({reason.en})"
        ),
        hint=accepted_forms(),
    )


#: words, ASCII numbers, and any other character alone, so that nothing is skipped unseen
_TOKEN = r"[^\W\d_]+(?:'[^\W\d_]+)?|[0-9]+|\S"


def _from_words(text: str) -> date:
    """A date in words or numbers, read only when the whole text is one of the documented forms.

    A fuzzy parser that skips or reuses what it does not understand turns "5-6 Februari 2024" into
    a date in 2005; here every token must have its place, or the text is refused.
    """
    tokens = re.findall(_TOKEN, text.lower())
    weekday = None
    while tokens and tokens[0] in _LEAD:
        tokens = tokens[1:]
    if tokens and tokens[0] in WEEKDAYS:
        weekday = tokens[0]
        tokens = tokens[1:]
        if tokens[:1] == [","]:
            tokens = tokens[1:]
        while tokens and tokens[0] in _LEAD:
            tokens = tokens[1:]
    parts = _day_month_year(tokens)
    if parts is None:
        months = [t for t in tokens if t in MONTHS]
        numbers = [t for t in tokens if t.isdigit()]
        if len(months) == 1 and len(numbers) == 1 and len(tokens) <= 3:
            raise DateError(
                Words(
                    f"tanggal tidak lengkap: {text!r}; tulis hari, bulan, dan tahun",
                    f"incomplete date: {text!r}; give the day, month and year",
                ),
                hint=accepted_forms(),
            )
        raise DateError(
            Words(f"tanggal tidak dikenali: {text!r}", f"not a date: {text!r}"),
            hint=accepted_forms(),
        )
    day, month, year = parts
    try:
        result = date(year, month, day)
    except ValueError:
        raise _no_such_date(text, year, month, day) from None
    if weekday is not None and WEEKDAYS[weekday] != result.weekday():
        raise DateError(
            Words(
                f"hari tidak cocok: {result.day} {month_name(result.month, 'id')} {result.year} "
                f"jatuh pada hari {weekday_name(result, 'id')}, bukan {weekday.capitalize()}",
                f"weekday does not match: {result.day} {month_name(result.month, 'en')} {result.year} "
                f"is a {weekday_name(result, 'en')}, not {weekday.capitalize()}",
            ),
            hint=Words("Periksa tanggal atau nama harinya.", "Check the date or the weekday."),
        )
    return result


def _day_month_year(tokens: list[str]) -> tuple[int, int, int] | None:
    """(day, month, year) when the tokens are exactly one documented form, else None."""

    def number(token: str, digits: tuple[int, ...]) -> int | None:
        return int(token) if token.isascii() and token.isdigit() and len(token) in digits else None

    # 29/11/2023, 29-11-2023, 29.11.2023: day first, one separator, a four-digit year
    if len(tokens) == 5 and tokens[1] == tokens[3] and tokens[1] in ("/", "-", "."):
        day, month, year = (
            number(tokens[0], (1, 2)),
            number(tokens[2], (1, 2)),
            number(tokens[4], (4,)),
        )
        if day is not None and month is not None and year is not None:
            return day, month, year
        return None
    words = [t for t in tokens if t != "."]  # "29 Nov. 2023"
    # 29 November 2023, 29 Nov 2023; English "November 29, 2023"
    if len(words) == 3 and words[1] in MONTHS:
        day, year = number(words[0], (1, 2)), number(words[2], (4,))
        if day is not None and year is not None:
            return day, MONTHS[words[1]], year
    if words[:1] and words[0] in MONTHS and len(words) in (3, 4):
        rest = words[1:]
        if len(rest) == 3 and rest[1] != ",":
            return None
        day, year = number(rest[0], (1, 2)), number(rest[-1], (4,))
        if day is not None and year is not None:
            return day, MONTHS[words[0]], year
    return None


# no bare "m": an officer may mean minggu (week) or month, and a guess would be a silent wrong date
_SPAN_RE = r"^([0-9]{1,6})\s*(d|h|hari|days?|w|minggu|pekan|weeks?)?$"
MAX_SPAN_DAYS = 3660


def parse_span(text: str) -> int:
    """A number of days: '10', '10d', '10 hari', '2w', '2 minggu' (a week is 7 days)."""
    match = re.match(_SPAN_RE, text.strip(), re.IGNORECASE)
    if match:
        number, unit = int(match.group(1)), (match.group(2) or "d").lower()
        total = number * (7 if unit[0] in "wmp" else 1)
        if total <= MAX_SPAN_DAYS:
            return total
    raise DateError(
        Words(f"jangka waktu tidak dikenali: {text!r}", f"not a number of days: {text!r}"),
        hint=Words(
            f"Tulis jumlah hari 0–{MAX_SPAN_DAYS}, misalnya 7, 10 hari, atau 2 minggu.",
            f"Give 0–{MAX_SPAN_DAYS} days: 7, 10d, 10 days, 2w, 2 weeks.",
        ),
    )


def parse_spans(text: str) -> tuple[int, ...]:
    """Distances in days for `check --remind`: '7,3,1,0' (each as ``parse_span`` reads it)."""
    parts = [p.strip() for p in text.split(",") if p.strip()]  # '10 hari, 2 minggu' too
    if not parts:
        raise DateError(
            Words("--remind kosong", "--remind is empty"),
            hint=Words(
                "Contoh: --remind 7,3,1,0 (0 = hari ini).", "E.g. --remind 7,3,1,0 (0 = today)."
            ),
        )
    return tuple(dict.fromkeys(parse_span(part) for part in parts))
