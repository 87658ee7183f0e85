"""Plain text of `tahapan kasus`: a case step by step, the open cases, the chains.

Plain lines (no Rich), wrapped to the terminal and one line a fact in a pipe, the same as `hitung`.
"""

from __future__ import annotations

from datetime import date

from tahapan.days.deadlines import Count, Point
from tahapan.days.pins import clock
from tahapan.i18n import distance, format_date, pick, tr
from tahapan.model import CONFIDENCE_TEXT
from tahapan.render.lines import MAX_WIDTH, MIN_WIDTH, wrap
from tahapan.reports.case_steps import StepDue
from tahapan.reports.cases import CaseEdit, CaseReport, CasesReport
from tahapan.schedule.chains import EVENT, Chain

STATE = {
    "done": ("selesai", "done"),
    "open": ("berjalan", "open"),
    "overdue": ("TERLEWAT", "MISSED"),
    "lapsed": ("lewat, tidak terjadi", "passed, did not happen"),
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
    lines.append(
        tr("Kasus terbuka per ", "Open cases as of ") + format_date(report.date, weekday=True)
    )
    for r in report.cases:
        title = f"{r.case.id} · {r.case.name or pick(r.chain.name, r.chain.name_en)}"
        if r.case.closed is not None:
            title += tr(" (ditutup ", " (closed ") + format_date(r.case.closed, short=True) + ")"
        lines += wrapped(title)
        lines += wrapped(next_line(r), first="  ", rest="    ")
    return joined(lines)


def next_line(r: CaseReport) -> str:
    """The case's nearest deadline in one line: when, how far, what."""
    step = r.next
    if step is None or step.due is None:
        waiting = next((s for s in r.steps if s.state in ("pending", "waiting")), None)
        if waiting is None:
            return tr("tidak ada tenggat tersisa", "no deadline left")
        return tr("menunggu: ", "waiting for: ") + pick(waiting.step.name, waiting.step.name_en)
    return (
        f"{moment(step.due.end, short=True)} ({left(step.days_left)}): "
        f"{pick(step.step.name, step.step.name_en)}{footing_mark(step)}"
    )


def deadline_fields(report: CaseReport, step: StepDue, on: date) -> list[str]:
    """`check`'s columns for a case deadline: the date, `kasus`, the case, the step, `tenggat` (or
    `TERLEWAT`), the name (and the minute of an hour deadline), how far."""
    due = step.due.end if step.due else None
    name = pick(step.step.name, step.step.name_en) + footing_mark(step)
    if due is not None and due.at is not None:
        name += f" ({_clock(due)})"
    return [
        due.day.isoformat() if due else "",
        tr("kasus", "case"),
        report.case.id,
        step.step.id,
        tr("TERLEWAT", "MISSED") if step.state == "overdue" else tr("tenggat", "deadline"),
        name,
        distance((due.day - on).days) if due and due.day >= on else left(step.days_left),
    ]


def deadline_message(report: CaseReport, step: StepDue) -> str:
    """A case deadline in a notification, for a phone: names, not ids."""
    due = step.due.end if step.due else None
    when = moment(due, short=True) if due else ""
    what = pick(step.step.name, step.step.name_en) + footing_mark(step)
    case = report.case.name or report.case.id
    state = tr(" TERLEWAT", " MISSED") if step.state == "overdue" else ""
    return f"{when}{state} · {what} · {tr('kasus', 'case')} {case} · {left(step.days_left)}"


def case_lines(report: CaseReport) -> list[str]:
    case, chain = report.case, report.chain
    head = (
        tr(f"Kasus {case.id}", f"Case {case.id}")
        if report.stored
        else tr("Hitungan rantai", "Chain count")
    )
    chain_name = pick(chain.name, chain.name_en)
    lines = wrapped(f"{head}: {case.name or chain_name}")
    rows = [
        # the chain's name once: in the title when the case has no name of its own
        (tr("rantai", "chain"), f"{chain.id} · {chain_name}" if case.name else chain.id),
        (tr("peristiwa", "event"), pick(chain.event, chain.event_en)),
        ("", moment(Point.of(case.event, case.zone))),
        (tr("dasar", "basis"), chain.basis),
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
        lines += ["", tr("Catatan rantai: ", "Chain note: ") + pick(chain.note, chain.note_en)]
    return lines


def step_lines(number: int, s: StepDue, report: CaseReport) -> list[str]:
    step = s.step
    state = tr(*STATE[s.state])
    if report.next is s:
        state = tr("BERIKUTNYA", "NEXT") if s.state == "open" else state
    optional = tr(" (bila ada)", " (if any)") if step.optional else ""
    # a chain counted by `hitung` is arithmetic, not a case: no step is missed or done there
    mark = f"[{state}] " if report.stored else ""
    lines = wrapped(f"{number}. {mark}{pick(step.name, step.name_en)}{optional} ({step.id})")
    rows: list[tuple[str, str]] = []
    if s.due is not None:
        when = moment(s.due.end)
        if s.state == "open" or (s.state == "overdue" and report.stored):
            when += f" ({left(s.days_left)})"
        rows.append((tr("tenggat", "deadline"), when))
        if s.due.start is not None and s.due.start.day != s.due.end.day:
            rows.append((tr("terbuka", "opens"), moment(s.due.start)))
    if s.implied:
        rows.append(
            (
                tr("terjadi", "happened"),
                tr(
                    "tanggalnya belum dicatat (langkah sesudahnya sudah dicatat)",
                    "its day is not recorded (a later step is)",
                ),
            )
        )
    if s.done_on is not None:
        done = moment(s.done_on)
        if s.late_days:
            done += tr(f" (terlambat {s.late_days} hari)", f" ({s.late_days} days late)")
        elif s.due is not None:
            done += tr(" (tepat waktu)", " (in time)")
        rows.append((tr("terjadi", "happened"), done))
    rows.append((tr("aturan", "rule"), rule_text(step.count, step.ref, report.chain)))
    if step.basis:
        rows.append((tr("dasar", "basis"), f"{step.basis} · {confidence_words(step.confidence)}"))
    if s.footing in ("deadline", "earliest") and s.state not in ("done", "pending"):
        rows.append((tr("perkiraan", "estimate"), footing_text(s, report.chain)))
    if s.state == "waiting":
        rows.append((tr("menunggu", "waiting"), waiting_text(s, report.chain)))
    if s.due is not None and s.due.from_midnight:
        rows.append(
            (
                tr("jam", "time"),
                tr(
                    "jam titik awal belum dicatat: dihitung dari pukul 00.00, saat paling awal",
                    "the starting time is not recorded: counted from 00:00, the earliest it can be",
                ),
            )
        )
    alternative = step.alternative
    if alternative is not None:
        other = rule_text(alternative.count, alternative.ref, report.chain)
        if s.alternative is not None:
            other += f" → {moment(s.alternative.end)}"
        other += f" ({alternative.basis} · {confidence_words(alternative.confidence)})"
        rows.append((tr("aturan lain", "other rule"), other))
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
    return tr(f"{amount} sejak {point}", f"{amount} from {point}")


def footing_text(s: StepDue, chain: Chain) -> str:
    name = _ref_name(s.ref, chain)
    if s.footing == "deadline":
        return tr(
            f"{name} belum dicatat: dihitung dari tenggatnya (saat paling akhir)",
            f"{name} is not recorded: counted from its deadline (the latest it can be)",
        )
    return tr(
        f"{name} belum dicatat: dihitung dari saat paling awal ia dapat terjadi",
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
    words = {
        "added": tr("ditambahkan", "added"),
        "done": tr("dicatat", "recorded"),
        "closed": tr("ditutup", "closed"),
        "reopened": tr("dibuka kembali", "reopened"),
        "removed": tr("dihapus", "removed"),
    }[result.action]
    what = f"{result.case}/{result.step}" if result.step else result.case
    kept = tr(f"; versi lama: {result.backup}", f"; previous version: {result.backup}")
    return f"{tr('kasus', 'case')} {what} {words} ({result.path}{kept if result.backup else ''})"


def moment(point: Point, *, short: bool = False) -> str:
    text = format_date(point.day, weekday=not short, short=short)
    if point.at is None:
        return text
    return f"{text} {tr('pukul', 'at')} {_clock(point)}"


def _clock(point: Point) -> str:
    """22.19 WIB (22:19 WIB in English)."""
    return "" if point.at is None else clock(point.at)


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
    step = chain.step(ref)
    return ref if step is None else f"{ref}"


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
