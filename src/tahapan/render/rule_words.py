"""A repeat rule in words an officer reads: "bulan Juli dan Desember, hari Rabu ke-3"."""

from __future__ import annotations

from datetime import date

from tahapan.i18n import WEEKDAYS_EN, WEEKDAYS_ID, format_date, language, month_name, tr
from tahapan.schedule.rrule_text import WEEKDAYS, RuleError, parts

_UNIT = {
    "DAILY": ("hari", "day"),
    "WEEKLY": ("minggu", "week"),
    "MONTHLY": ("bulan", "month"),
    "YEARLY": ("tahun", "year"),
}
#: parts this says in words; a rule with any other is shown as written
_SAID = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTH", "BYMONTHDAY", "BYSETPOS", "WKST"}


def rule_words(text: str) -> str | None:
    """The rule in words, or None when it uses a part these words do not cover."""
    try:
        found = parts(text)
    except RuleError:
        return None
    if not set(found) <= _SAID:
        return None
    unit_id, unit_en = _UNIT[found["FREQ"]]
    n = int(found.get("INTERVAL", "1"))
    pieces = [tr(f"setiap {unit_id}", f"every {unit_en}") if n == 1 else tr(
        f"setiap {n} {unit_id}", f"every {n} {unit_en}s"
    )]  # fmt: skip
    if "BYMONTH" in found:
        months = [month_name(int(m)) for m in found["BYMONTH"].split(",")]
        pieces = [tr("bulan ", "in ") + _joined(months)]
    if "BYMONTHDAY" in found:
        days = [_nth_day(int(d)) for d in found["BYMONTHDAY"].split(",")]
        pieces.append(tr("tanggal ", "on day ") + _joined(days))
    if "BYDAY" in found:
        pieces.append(_days(found["BYDAY"].split(","), found.get("BYSETPOS")))
    if "COUNT" in found:
        pieces.append(tr(f"sebanyak {found['COUNT']} kali", f"{found['COUNT']} times"))
    if "UNTIL" in found:
        u = found["UNTIL"]
        until = date(int(u[:4]), int(u[4:6]), int(u[6:]))
        pieces.append(tr("sampai ", "until ") + format_date(until, short=True))
    return ", ".join(pieces)


def _days(items: list[str], setpos: str | None) -> str:
    names = WEEKDAYS_EN if language() == "en" else WEEKDAYS_ID
    if setpos is None:
        said = [_day(item, names) for item in items]
        return tr("hari ", "on ") + _joined(said)
    plain = [names[WEEKDAYS.index(item[-2:])] for item in items]
    span = (
        f"{plain[0]}–{plain[-1]}"
        if len(plain) > 2 and [i[-2:] for i in items] == list(WEEKDAYS[: len(items)])
        else _joined(plain)
    )
    positions = _joined([_nth(int(p)) for p in setpos.split(",")])
    of = "" if len(plain) == 1 else "of "
    return tr(f"hari {span} {positions}", f"the {positions} {of}{span}")


def _day(item: str, names: tuple[str, ...]) -> str:
    name = names[WEEKDAYS.index(item[-2:])]
    number = item[:-2]
    if not number:
        return name
    return tr(f"{name} {_nth(int(number))}", f"the {_nth(int(number))} {name}")


def _nth(n: int) -> str:
    if n == -1:
        return tr("terakhir", "last")
    if n < 0:
        return tr(f"ke-{-n} dari akhir", f"{-n} from the end")
    return tr(f"ke-{n}", _ordinal(n))


def _nth_day(n: int) -> str:
    return str(n) if n > 0 else (tr("terakhir", "last") if n == -1 else _nth(n))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _joined(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    last = tr(" dan ", " and ") if len(items) == 2 else tr(", dan ", ", and ")
    return ", ".join(items[:-1]) + last + items[-1]
