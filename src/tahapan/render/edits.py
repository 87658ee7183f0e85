"""The words of a change made (`stage`, `election`, `config` writers): one line to stderr saying
what was done and where, the notes and warnings after it. Nothing goes to stdout in text; --json
prints the result's payload."""

from __future__ import annotations

from datetime import date

from tahapan.i18n import format_date, pick, tr
from tahapan.reports.edits import EditReport
from tahapan.schedule.legal import LegalWarning


def edit_text(result: EditReport) -> str:
    """Nothing on stdout: what was done is said on stderr (``edit_lines``)."""
    return ""


def edit_lines(result: EditReport) -> list[str]:
    """What was done, then the note on a projection, then each warning, one line each."""
    if result.kind == "config":
        if result.action != "set":
            return []
        value = result.value
        if isinstance(value, list):
            value = (" " if result.target == "notify" else ",").join(value)
        key = result.target
        return [
            tr(
                f"{key} = {value} disimpan di {result.path}",
                f"{key} = {value} saved in {result.path}",
            )
        ]
    words = {
        "added": tr("ditambahkan", "added"),
        "changed": tr("diubah", "changed"),
        "removed": tr("dihapus", "removed"),
    }[result.action]
    kept = (
        tr(f"; versi lama: {result.backup}", f"; previous version: {result.backup}")
        if result.backup
        else ""
    )
    lines = [f"{result.target} {words} ({result.path}{kept})"]
    if result.projection is not None:
        lines.append(projection_note(result))
    return lines + [tr("peringatan: ", "warning: ") + warning_text(w) for w in result.warnings]


def projection_note(result: EditReport) -> str:
    ident = result.target.partition("/")[0]
    if result.projection == "office-assumption":
        return tr(
            f"tahapan ini menjadi asumsi kantor sampai hari pemungutan suara {ident} resmi: "
            f"tahapan election set-voting-day {ident} TANGGAL --basis ... --confidence ...",
            f"the stage is now an office assumption until the voting day of {ident} is "
            f"official: tahapan election set-voting-day {ident} DATE --basis ... --confidence ...",
        )
    return tr(
        "tahapan ini tetap proyeksi sampai tanggal resminya diberi bersama --basis dan "
        "--confidence (--start, --end, --basis, --confidence dalam satu perintah)",
        "the stage stays a projection until its official dates come with --basis and "
        "--confidence (--start, --end, --basis, --confidence in one command)",
    )


def _date(day: date | None) -> str:
    assert day is not None  # each rule gives the dates its words name
    return format_date(day)


def warning_text(w: LegalWarning) -> str:
    """A rule of UU 7/2017 the planned dates break, or a holiday beside voting day, in words an
    officer can act on."""
    if w.rule == "stages-start-20-months-before":
        first, latest = _date(w.day), _date(w.due)
        return tr(
            f"tahapan pertama dimulai {first}, sedangkan tahapan harus dimulai paling lambat 20 "
            f"bulan sebelum hari pemungutan suara ({latest}; UU 7/2017 Pasal 167 ayat (6))",
            f"the first stage starts {first}, but the stages must start at least 20 months "
            f"before voting day ({latest}; UU 7/2017 art. 167(6))",
        )
    if w.rule == "quiet-period-3-days":
        return tr(
            "masa tenang berlangsung 3 hari sebelum hari pemungutan suara, yaitu H-3 sampai "
            "dengan H-1 (UU 7/2017)",
            "the quiet period is the 3 days before voting day, H-3 to H-1 (UU 7/2017)",
        )
    if w.rule == "campaign-25-days-after-dct":
        start, due = _date(w.day), _date(w.due)
        return tr(
            f"kampanye dimulai {start}, sedangkan kampanye dimulai 25 hari setelah penetapan DCT "
            f"({due}; UU 7/2017 Pasal 276 sebagaimana diubah Perppu 1/2022)",
            f"the campaign starts {start}, but it starts 25 days after the final list (DCT) "
            f"({due}; UU 7/2017 art. 276 as amended by Perppu 1/2022)",
        )
    if w.rule == "rallies-last-21-days":
        first, last = _date(w.due), _date(w.until)
        return tr(
            "rapat umum serta iklan di media massa dilaksanakan selama 21 hari terakhir sebelum "
            f"masa tenang ({first} – {last}; UU 7/2017 Pasal 276 sebagaimana diubah Perppu "
            "1/2022)",
            "rallies and paid media must be the last 21 days before the quiet period "
            f"({first} – {last}; UU 7/2017 art. 276 as amended by Perppu 1/2022)",
        )
    if w.rule == "national-result-by-h35":
        return tr(
            "penetapan hasil Pemilu secara nasional paling lambat H+35 (UU 7/2017)",
            "the national result is set by H+35 at the latest (UU 7/2017)",
        )
    where = {
        -1: tr("sehari sebelumnya", "the day before"),
        0: tr("pada hari yang sama", "that same day"),
        1: tr("sehari sesudahnya", "the day after"),
    }[w.offset or 0]
    voting, day = _date(w.voting_day), _date(w.day)
    name = pick(w.holiday or "", w.holiday_en)
    return tr(
        f"hari pemungutan suara {voting}: {where}, {day}, adalah {name}",
        f"voting day {voting}: {where}, {day}, is {name}",
    )
