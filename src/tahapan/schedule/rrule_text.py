"""The text of a repeat rule (RFC 5545 RRULE), checked part by part before dateutil reads it.

dateutil accepts rules the RFC forbids and some that never end its loops (INTERVAL=0 repeats the
first day forever), so every part is checked here against RFC 5545 section 3.3.10, with a message
that says what is accepted.
"""

from __future__ import annotations

import re

from tahapan.i18n import Words

#: the frequencies a stage may repeat at: a stage is a run of whole days
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
#: parts that belong to the stage, not the rule, or that name times of day
REFUSED = ("DTSTART", "BYHOUR", "BYMINUTE", "BYSECOND")
#: a COUNT is counted from the first occurrence on every run: bounded so that it stays cheap
MAX_COUNT = 5000
MAX_INTERVAL = 1000
#: the number parts, the values each may take (both signs, never 0), and the frequencies allowed
_NUMBERS = {
    "BYMONTH": (1, 12, False, FREQUENCIES),
    "BYMONTHDAY": (1, 31, True, ("DAILY", "MONTHLY", "YEARLY")),
    "BYYEARDAY": (1, 366, True, ("YEARLY",)),
    "BYWEEKNO": (1, 53, True, ("YEARLY",)),
    "BYSETPOS": (1, 366, True, FREQUENCIES),
}
_KNOWN = ("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "WKST", *_NUMBERS)
_BYDAY = r"^([+-]?)(\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$"


class RuleError(ValueError):
    """A repeat rule that cannot be read, with what is accepted (in both languages)."""

    def __init__(self, message: Words) -> None:
        super().__init__(message)
        self.message = message


def parts(text: str) -> dict[str, str]:
    """'FREQ=WEEKLY;BYDAY=MO' -> {'FREQ': 'WEEKLY', 'BYDAY': 'MO'} (an 'RRULE:' prefix is allowed),
    every part checked; RuleError names the first that is wrong."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    found: dict[str, str] = {}
    for piece in body.split(";"):
        key, sep, value = (p.strip().upper() for p in piece.partition("="))
        if not sep or not key or not value:
            raise _error(f"bagian {piece!r} bukan KUNCI=NILAI", f"part {piece!r} is not KEY=VALUE")
        if key in found:
            raise _error(f"{key} ditulis dua kali", f"{key} is given twice")
        found[key] = value
    _check(found)
    return found


def rule_text(found: dict[str, str]) -> str:
    return ";".join(f"{key}={value}" for key, value in found.items())


def _check(found: dict[str, str]) -> None:
    freq = found.get("FREQ")
    if freq not in FREQUENCIES:
        raise _error(
            f"FREQ harus salah satu dari {', '.join(FREQUENCIES)} "
            + (f"(tertulis: {freq})" if freq else "(tidak diisi)"),
            f"FREQ must be one of {', '.join(FREQUENCIES)} (found {freq or 'none'})",
        )
    for key in found:
        if key in REFUSED:
            raise _error(
                f"{key} tidak dipakai: pengulangan dihitung per hari penuh sejak tanggal start",
                f"{key} is not used: a stage repeats in whole days from its start",
            )
        if key not in _KNOWN:
            raise _error(
                f"bagian {key} tidak dikenal; yang diterima: {', '.join(_KNOWN)}",
                f"unknown part {key}; accepted: {', '.join(_KNOWN)}",
            )
    _whole("INTERVAL", found.get("INTERVAL"), 1, MAX_INTERVAL)
    _whole("COUNT", found.get("COUNT"), 1, MAX_COUNT)
    until = found.get("UNTIL")
    if until is not None:
        if "COUNT" in found:
            raise _error(
                "COUNT dan UNTIL tidak boleh dipakai bersamaan",
                "COUNT and UNTIL cannot go together",
            )
        if "T" in until:
            raise _error(
                "UNTIL: tulis tanggal saja, mis. UNTIL=20271231",
                "UNTIL: give a date only, e.g. UNTIL=20271231",
            )
        if not (until.isdigit() and len(until) == 8):
            raise _error(
                f"UNTIL {until} bukan tanggal 8 angka (tahun, bulan, tanggal), mis. 20271231",
                f"UNTIL {until} is not a date YYYYMMDD, e.g. 20271231",
            )
    for key, (low, high, signed, freqs) in _NUMBERS.items():
        if key in found:
            _allowed(key, freq, freqs)
            for item in found[key].split(","):
                _whole(key, item.lstrip("+-") if signed else item, low, high, shown=item)
    if "BYDAY" in found:
        _byday(found["BYDAY"], freq, found)
    if found.get("WKST", "MO") not in WEEKDAYS:
        raise _error(
            f"WKST harus salah satu dari {', '.join(WEEKDAYS)}",
            f"WKST must be one of {', '.join(WEEKDAYS)}",
        )


def _byday(value: str, freq: str, found: dict[str, str]) -> None:
    for item in value.split(","):
        match = re.match(_BYDAY, item)
        if match is None:
            raise _error(
                f"BYDAY {item!r} bukan hari seperti MO, 2TU atau -1FR",
                f"BYDAY {item!r} is not a day such as MO, 2TU or -1FR",
            )
        number = match.group(2)
        if number is None:
            continue
        numbered_ok = freq == "MONTHLY" or (freq == "YEARLY" and "BYWEEKNO" not in found)
        limit = 5 if freq == "MONTHLY" or "BYMONTH" in found else 53
        if not numbered_ok or not 1 <= int(number) <= limit:
            raise _error(
                f"BYDAY {item}: hari bernomor hanya untuk FREQ=MONTHLY (1..5) atau YEARLY (1..53)",
                f"BYDAY {item}: a numbered day belongs to FREQ=MONTHLY (1..5) or YEARLY (1..53)",
            )


def _allowed(key: str, freq: str, freqs: tuple[str, ...]) -> None:
    if freq not in freqs:
        raise _error(
            f"{key} tidak berlaku untuk FREQ={freq}", f"{key} does not apply to FREQ={freq}"
        )


def _whole(key: str, value: str | None, low: int, high: int, shown: str | None = None) -> None:
    if value is not None and not (value.isdigit() and low <= int(value) <= high):
        shown = shown or value
        signed = " (atau -)" if shown != value else ""
        raise _error(
            f"{key} harus bilangan bulat {low}–{high}{signed} (tertulis: {shown})",
            f"{key} must be a whole number {low}..{high}{signed.replace('atau', 'or')} (found {shown})",
        )


def _error(text_id: str, text_en: str) -> RuleError:
    return RuleError(Words(text_id, text_en))
