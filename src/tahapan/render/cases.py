"""Plain text of `tahapan kasus`: a case step by step, the open cases, the chains.

Plain lines (no Rich), wrapped to the terminal and one line a fact in a pipe, the same as `hitung`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tahapan.days.deadlines import Count, Point
from tahapan.i18n import format_date, pick, tr, weekday_name
from tahapan.model import CONFIDENCE_TEXT, ZONE_SHORT
from tahapan.render.lines import MAX_WIDTH, MIN_WIDTH, wrap
from tahapan.reports.case_steps import StepDue
from tahapan.reports.cases import CaseEdit, CaseReport, CasesReport
from tahapan.schedule.chains import EVENT, Chain

STATE = {
    "done": ("selesai", "done"),
    "open": ("berjalan", "open"),
    "overdue": ("TERLEWAT", "MISSED"),
    "lapsed": ("lewat, tidak dicatat", "passed, not recorded"),
    # open, its count not begun yet
    "scheduled": ("terjadwal", "scheduled"),
    "pending": ("belum terjadi", "not yet"),
    "waiting": ("menunggu", "waiting"),
}
_UNIT = {
    "days": ("hari", "day", "days"),
    "working_days": ("hari kerja", "working day", "working days"),
    "hours": ("jam", "hour", "hours"),
}


def case_text(report: CaseReport) -> str:
    return joined(case_lines(report))


def cases_text(report: CasesReport) -> str:
    lines: list[str] = []
    if not report.cases:
        lines.append(
            tr(
                "Tidak ada kasus terbuka. Tambahkan dengan: tahapan kasus add ID --chain RANTAI "
                "--from TANGGAL",
                "No open cases. Add one with: tahapan kasus add ID --chain CHAIN --from DATE",
            )
        )
        return joined(lines)
    head = tr("Semua kasus per ", "All cases as of ") if report.every else ""
    head = head or tr("Kasus terbuka per ", "Open cases as of ")
    lines.append(head + format_date(report.date, weekday=True))
    for r in report.cases:
        title = f"{r.case.id} · {r.case.name or pick(r.chain.name, r.chain.name_en)}"
        if r.case.closed is not None:
            title += tr(" (ditutup ", " (closed ") + format_date(r.case.closed, short=True) + ")"
            lines += wrapped(title)
            continue
        lines += wrapped(title)
        # every missed deadline, then the next one ahead: a missed one must not hide the next
        missed = [s for s in r.steps if s.state == "overdue"]
        ahead = [s for s in r.steps if s.state == "open" and s.due is not None]
        shown = (
            missed + sorted(ahead, key=lambda s: s.due.end.last_day if s.due else report.date)[:1]
        )
        targets: list[StepDue | None] = [*shown] if shown else [None]
        for step in targets:
            lines += wrapped(next_line(r, step), first="  ", rest="    ")
    return joined(lines)


def next_line(r: CaseReport, step: StepDue | None = None) -> str:
    """A deadline of the case in one line (by default its nearest): when, how far, what."""
    step = step or r.next
    if step is None or step.due is None:
        waiting = next((s for s in r.steps if s.state in ("pending", "waiting")), None)
        if waiting is None:
            return tr("tidak ada tenggat tersisa", "no deadline left")
        return tr("menunggu: ", "waiting for: ") + pick(waiting.step.name, waiting.step.name_en)
    missed = tr("TERLEWAT ", "MISSED ") if step.state == "overdue" else ""
    return (
        f"{missed}{moment(step.due.end, short=True, end=True)} ({left(step.days_left)}): "
        f"{pick(step.step.name, step.step.name_en)}{footing_mark(step)}"
    )


def case_lines(report: CaseReport) -> list[str]:
    case, chain = report.case, report.chain
    head = (
        tr(f"Kasus {case.id}", f"Case {case.id}")
        if report.stored
        else tr("Perhitungan tenggat", "Chain count")
    )
    chain_name = pick(chain.name, chain.name_en)
    lines = wrapped(f"{head}: {case.name or chain_name}")
    rows = [
        # the chain's name once: in the title when the case has no name of its own
        (tr("alur", "chain"), f"{chain.id} · {chain_name}" if case.name else chain.id),
        (tr("peristiwa", "event"), pick(chain.event, chain.event_en)),
        ("", moment(Point.of(case.event, case.zone))),
        (tr("dasar hukum", "basis"), chain.basis),
    ]
    if report.region is not None:
        rows.append((tr("wilayah", "region"), report.region.name))
    if case.closed is not None:
        rows.append((tr("ditutup", "closed"), format_date(case.closed, weekday=True)))
    rows.append((tr("per", "as of"), format_date(report.date, weekday=True)))
    lines += label_rows(rows, "  ")
    if report.decrees_until is not None and any(s.uncovered for s in report.steps):
        years = sorted({y for s in report.steps for y in s.uncovered})
        lines.append(
            "  "
            + tr(
                f"PERHATIAN: hari libur dan cuti bersama {', '.join(map(str, years))} belum "
                f"ditetapkan SKB (data sampai {report.decrees_until}); hari kerja di tahun itu "
                "dihitung dengan perkiraan.",
                f"NOTE: the holidays and cuti bersama of {', '.join(map(str, years))} are not "
                f"decreed yet (data until {report.decrees_until}); working days in that year are "
                "estimates.",
            )
        )
    for number, step in enumerate(report.steps, 1):
        lines.append("")
        lines += step_lines(number, step, report)
    if chain.note:
        lines += ["", tr("Catatan alur: ", "Chain note: ") + pick(chain.note, chain.note_en)]
    return lines


def step_lines(number: int, s: StepDue, report: CaseReport) -> list[str]:
    step = s.step
    begun = s.due is None or s.due.start is None or s.due.start.day <= report.date
    state = tr(*STATE[s.state if s.state != "open" or begun else "scheduled"])
    if report.next is s and s.state == "open" and report.case.closed is None:
        state = tr("BERIKUTNYA", "NEXT")
    optional = tr(" (bila ada)", " (if any)") if step.optional else ""
    # a chain counted by `hitung` is arithmetic, not a case: no step is missed or done there
    mark = f"[{state}] " if report.stored else ""
    lines = wrapped(f"{number}. {mark}{pick(step.name, step.name_en)}{optional} ({step.id})")
    rows: list[tuple[str, str]] = []
    estimated = s.footing in ("deadline", "earliest") and s.state not in ("done", "pending")
    if s.due is not None:
        notes = [tr("perkiraan", "estimate")] if estimated else []
        if s.state == "open" or (s.state == "overdue" and report.stored):
            notes.append(left(s.days_left))
        when = moment(s.due.end, end=True) + (f" ({', '.join(notes)})" if notes else "")
        rows.append((tr("tenggat", "deadline"), when))
        if s.due.start is not None and s.due.start.day != s.due.end.day:
            rows.append((tr("hitungan mulai", "counting from"), moment(s.due.start)))
    if s.implied:
        rows.append(
            (
                tr("terjadi", "happened"),
                tr(
                    "tanggal belum dicatat; dianggap sudah terjadi karena langkah sesudahnya "
                    "sudah dicatat",
                    "its day is not recorded; it happened, as a later step is recorded",
                ),
            )
        )
    if s.done_on is not None:
        done = moment(s.done_on, end=True)
        if s.late_days:
            done += tr(f" (terlambat {s.late_days} hari)", f" ({s.late_days} days late)")
        elif s.due is not None:
            done += tr(" (tepat waktu)", " (in time)")
        rows.append((tr("terjadi", "happened"), done))
    rows.append((tr("ketentuan", "rule"), rule_text(step.count, step.ref, report.chain)))
    if step.basis:
        basis = f"{step.basis} · {confidence_words(step.confidence)}"
        rows.append((tr("dasar hukum", "basis"), basis))
    if estimated:
        rows.append((tr("perkiraan", "estimate"), footing_text(s, report.chain)))
    if s.day_off is not None and s.state in ("open", "overdue"):
        off, weekday = s.day_off, weekday_name(s.day_off.day)
        what = weekday if off.kind == "weekend" else f"{pick(off.name, off.name_en)} ({weekday})"
        rows.append(
            (
                tr("hari libur", "day off"),
                tr(
                    f"tenggat jatuh pada hari {what}; ketentuan menghitung hari kalender: "
                    "pastikan kantor yang dituju menerima",
                    f"the deadline falls on {what}; the rule counts calendar days: make sure the "
                    "office receives that day",
                ),
            )
        )
    if s.state == "waiting":
        rows.append((tr("menunggu", "waiting"), waiting_text(s, report.chain)))
    if s.due is not None and s.due.from_midnight:
        rows.append(
            (
                tr("jam", "time"),
                tr(
                    "jam peristiwa awal belum dicatat: dihitung dari pukul 00.00 (tenggat paling "
                    'awal); catat jamnya, mis. --from "2024-05-18 14.30"',
                    "the starting time is not recorded: counted from 00:00 (the earliest deadline); "
                    'record it, e.g. --from "2024-05-18 14:30"',
                ),
            )
        )
    alternative = step.alternative
    if alternative is not None:
        other = rule_text(alternative.count, alternative.ref, report.chain)
        if s.alternative is not None:
            other += f" → {moment(s.alternative.end, end=True)}"
        other += f" ({alternative.basis} · {confidence_words(alternative.confidence)})"
        rows.append((tr("ketentuan lain", "other rule"), other))
        if alternative.note:
            rows.append(("", pick(alternative.note, alternative.note_en)))
    if step.note:
        rows.append((tr("catatan", "note"), pick(step.note, step.note_en)))
    if s.uncovered:
        years = ", ".join(map(str, s.uncovered))
        rows.append(
            (
                tr("libur", "holidays"),
                tr(
                    f"{years} belum ditetapkan SKB: perkiraan", f"{years} not decreed yet: estimate"
                ),
            )
        )
    return lines + label_rows(rows, "   ")


def rule_text(count: Count | None, ref: str, chain: Chain) -> str:
    point = _ref_name(ref, chain)
    if count is None:
        return tr(f"terjadi setelah {point}; tanpa tenggat", f"happens after {point}; no deadline")
    unit_id, one_en, many_en = _UNIT[count.unit]
    if count.unit == "hours" and count.n % 24 == 0 and count.n:
        amount = tr(f"{count.n // 24}×24 jam", f"{count.n // 24}×24 hours")
    else:
        amount = tr(f"{count.n} {unit_id}", f"{count.n} {one_en if count.n == 1 else many_en}")
    if count.backward:
        return tr(f"{amount} sebelum {point}", f"{amount} before {point}")
    if count.inclusive:
        return tr(
            f"{amount} sejak {point}, hari itu hari pertama",
            f"{amount} from {point}, that day the first",
        )
    return tr(f"{amount} sejak {point}", f"{amount} from {point}")


def footing_text(s: StepDue, chain: Chain) -> str:
    name = _ref_name(s.ref, chain)
    if s.footing == "deadline":
        return tr(
            f"{name} belum dicatat: dihitung dari tenggatnya; bila langkah itu terjadi lebih "
            "awal, tenggat ini ikut maju",
            f"{name} is not recorded: counted from its deadline; if it happens earlier, this "
            "deadline comes earlier too",
        )
    return tr(
        f"{name} belum dicatat: dihitung dari saat paling awal langkah itu dapat terjadi",
        f"{name} is not recorded: counted from the earliest it can happen",
    )


def waiting_text(s: StepDue, chain: Chain) -> str:
    name = _ref_name(s.ref, chain)
    return tr(
        f"dihitung setelah {name} dicatat (tahapan kasus done ID {s.ref} --on TANGGAL)",
        f"counted once {name} is recorded (tahapan kasus done ID {s.ref} --on DATE)",
    )


def footing_mark(s: StepDue) -> str:
    if s.footing == "actual" or s.footing is None:
        return ""
    return tr(" [perkiraan]", " [estimate]")


def edit_text(result: CaseEdit) -> str:
    """The case as it stands after the change (the message of what was done is ``edit_message``)."""
    return case_text(result.report) if result.report is not None else ""


def edit_message(result: CaseEdit) -> str:
    where = (
        tr(f"versi lama: {result.backup}", f"previous version: {result.backup}")
        if result.backup
        else result.path
    )
    case, step = result.case, result.step
    if result.action == "done" and result.when is not None and result.report is not None:
        when = moment(Point.of(result.when, result.report.case.zone), end=True)
        return tr(
            f"langkah {step} pada kasus {case} dicatat terjadi {when} ({where})",
            f"step {step} of case {case} recorded as happened {when} ({where})",
        )
    if result.action == "undone":
        return tr(
            f"catatan langkah {step} pada kasus {case} dibatalkan ({where})",
            f"the record of step {step} of case {case} taken back ({where})",
        )
    words = {
        "added": tr("ditambahkan", "added"),
        "closed": tr("ditutup", "closed"),
        "reopened": tr("dibuka kembali", "reopened"),
        "removed": tr("dihapus", "removed"),
    }.get(result.action, result.action)
    return f"{tr('kasus', 'case')} {case} {words} ({where})"


def moment(point: Point, *, short: bool = False, end: bool = False) -> str:
    """A day, with its minute when known."""
    day, minute = shown_minute(point, end=end)
    text = format_date(day, weekday=not short, short=short)
    return text if minute is None else f"{text} {tr('pukul', 'at')} {minute}"


def shown_minute(point: Point, *, end: bool = False) -> tuple[date, str | None]:
    """The day and the minute a point is shown with: a deadline at midnight is 24.00 of the day
    before, as the law writes it ("berakhir pukul 24.00")."""
    at = point.at
    if at is None:
        return point.day, None
    if end and (at.hour, at.minute) == (0, 0):
        return point.day - timedelta(days=1), "24" + clock(at)[2:]
    return point.day, clock(at)


def left(days_left: int | None) -> str:
    if days_left is None:
        return ""
    if days_left == 0:
        return tr("hari ini", "today")
    if days_left < 0:
        return tr(f"lewat {-days_left} hari", f"{-days_left} days ago")
    return tr(f"sisa {days_left} hari", f"{days_left} days left")


def _ref_name(ref: str, chain: Chain) -> str:
    if ref == EVENT:
        return tr("peristiwa awal", "the event")
    return tr(f"langkah {ref}", f"step {ref}")


def confidence_words(confidence: str | None) -> str:
    if confidence is None:
        return ""
    words = CONFIDENCE_TEXT.get(confidence)
    return f"{confidence}" if words is None else f"{confidence}, {tr(*words)}"


def label_rows(rows: list[tuple[str, str]], indent: str) -> list[str]:
    width = max((len(label) for label, _ in rows), default=0)
    out: list[str] = []
    limit = _width()
    for label, value in rows:
        first = f"{indent}{label:<{width}}  "
        out += wrap(value, limit, first=first, rest=" " * len(first))
    return out


def wrapped(text: str, *, first: str = "", rest: str = "   ") -> list[str]:
    return wrap(text, _width(), first=first, rest=rest)


def joined(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


def _width() -> int | None:
    """The terminal's width when stdout is one; None in a pipe, where each fact stays one line."""
    import os
    import sys

    try:
        if not sys.stdout.isatty():
            return None
        columns = os.environ.get("COLUMNS", "")
        width = (
            int(columns)
            if columns.isdigit() and int(columns) > 0
            else os.get_terminal_size().columns
        )
    except (OSError, ValueError, AttributeError):
        return None
    return min(max(width, MIN_WIDTH), MAX_WIDTH)


def clock(at: datetime) -> str:
    """22.19 WIB (22:19 WIB in English): the minute in its zone's short name."""
    zone = str(getattr(at.tzinfo, "key", "")) or at.strftime("UTC%z")
    return f"{at.strftime(tr('%H.%M', '%H:%M'))} {ZONE_SHORT.get(zone, zone)}"
