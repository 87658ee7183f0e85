""".xlsx export and import (openpyxl, the `excel` extra): one formatted sheet per election, the same
rows as the CSV back again, formulas refused and never run, and a clear word without openpyxl."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import tomllib
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from conftest import installed_command, packages_loaded_by
from tahapan.reports.export import ScheduleExport
from tahapan.schedule.load import build_catalog, load_catalog
from tahapan.schedule.merge import SourceFile
from tahapan.schedule.tabular import COLUMNS, csv_text
from tahapan.schedule.writer import schedule_text
from test_exchange import elections as any_election
from test_exchange import merged_over

openpyxl = pytest.importorskip("openpyxl")

from tahapan.render.workbook import sheet_name, xlsx_bytes  # noqa: E402
from tahapan.schedule.xlsx_read import import_xlsx  # noqa: E402

HEADER = list(COLUMNS)


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A workbook as an officer would make one: typed cells, any sheets."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_export_then_import_gives_the_same_schedule_as_the_csv(cli, tmp_path):
    xlsx, csv = tmp_path / "semua.xlsx", tmp_path / "semua.csv"
    assert cli("export", "-f", "xlsx", "-o", str(xlsx)).exit_code == 0
    assert cli("export", "-f", "csv", "-o", str(csv)).exit_code == 0
    back = {}
    for source in (xlsx, csv):
        out = tmp_path / f"{source.suffix[1:]}.toml"
        result = cli("import", str(source), "-o", str(out))
        assert result.exit_code == 0, result.stderr
        assert result.stderr.endswith(f"tahapan: 100 baris, 11 pemilu → {out}\n")
        back[source.suffix] = out.read_text(encoding="utf-8")
    # the same tables from either file (only the header names the file it came from)
    assert back[".xlsx"].replace("semua.xlsx", "semua.csv") == back[".csv"]
    from_xlsx = load_catalog([tmp_path / "xlsx.toml"]).elections
    assert from_xlsx == load_catalog([tmp_path / "csv.toml"]).elections
    # and the rows of the schedule it loads are the rows exported
    assert csv_text(from_xlsx) == csv.read_bytes().decode("utf-8")


def test_one_formatted_sheet_per_election(cli, tmp_path):
    out = tmp_path / "jadwal.xlsx"
    # -o FILE.xlsx picks the format, as calendar's -o does
    result = cli("export", "-e", "pilkada-2024", "-e", "pemilu-2024", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["pilkada-2024", "pemilu-2024"]
    sheet = book["pilkada-2024"]
    assert [c.value for c in sheet[1]] == HEADER
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    dated = next(r for r in sheet.iter_rows(min_row=2) if r[HEADER.index("start")].value)
    row = {h: c for h, c in zip(HEADER, dated, strict=True)}
    assert row["election"].value == "pilkada-2024"
    for column in ("start", "end"):
        assert isinstance(row[column].value, datetime)
        assert row[column].number_format == "DD/MM/YYYY"
    assert isinstance(row["days"].value, int) and row["projected"].value is False
    assert row["basis"].value and row["confidence"].value in ("P", "P+2S", "2S", "1S", "D")
    widths = [sheet.column_dimensions[chr(65 + i)].width for i in range(len(HEADER))]
    assert all(8 <= w <= 60 for w in widths) and widths[2] > widths[6]  # name wider than days
    assert sheet.max_row - 1 == sum(
        1 for e in load_catalog().elections if e.id == "pilkada-2024" for _ in e.walk()
    )


def test_the_same_schedule_gives_the_same_bytes(cli, tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert cli("export", "-f", "xlsx", "-o", str(a)).exit_code == 0
    assert (
        cli(
            "export", "-f", "xlsx", "-o", str(b), env={"TAHAPAN_NOW": "2031-05-05T10:00:00Z"}
        ).exit_code
        == 0
    )
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"1980-01-01T00:00:00Z" in archive.read("docProps/core.xml")


def test_text_that_looks_like_a_formula_is_never_written_as_one(tmp_path):
    text = schedule_text(load_catalog().elections[:1]).replace(
        'name = "Perencanaan program dan anggaran"', 'name = "=HYPERLINK(\\"http://x\\")"'
    )
    catalog = build_catalog([SourceFile(Path("x.toml"), text, tomllib.loads(text))])
    path = tmp_path / "x.xlsx"
    path.write_bytes(xlsx_bytes(ScheduleExport(catalog.elections)))
    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    cell = openpyxl.load_workbook(path).worksheets[0]["C2"]
    assert (cell.value, cell.data_type) == ('\'=HYPERLINK("http://x")', "s")
    back = import_xlsx(path, path.read_bytes(), {e.id: e for e in catalog.elections})
    assert back.problems == []
    assert back.data["elections"][0]["stages"][0]["name"] == '=HYPERLINK("http://x")'


def test_a_formula_cell_is_refused_by_sheet_row_and_column(cli, tmp_path):
    source = workbook(
        tmp_path / "rumus.xlsx",
        {
            "Desa": [
                HEADER,
                [
                    "x-1",
                    "rapat",
                    "Rapat",
                    "Meeting",
                    date(2024, 9, 2),
                    "=E2+1",
                    None,
                    "Undangan",
                    "P",
                ],
                ["x-1", "apel", "Apel", "Parade", None, date(2024, 9, 9), None, "=1+1", "P"],
            ]
        },
    )
    # a text cell holding '=...' (Excel's formula cell written as text) is refused the same way
    book = openpyxl.load_workbook(source)
    cell = book["Desa"]["H3"]
    cell.data_type = "s"
    book.save(source)
    out = tmp_path / "rumus.toml"
    result = cli("import", str(source), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        f"{source}:Desa:2: end: sel F2 berisi rumus '=E2+1'; rumus tidak dijalankan, tulis nilainya",
        f"{source}:Desa:3: basis: sel H3 berisi rumus '=1+1'; rumus tidak dijalankan, tulis nilainya",
    ]
    assert not out.exists()


def test_an_officers_workbook_with_date_cells_and_a_notes_sheet(cli, tmp_path):
    source = workbook(
        tmp_path / "desa.xlsx",
        {
            "Catatan": [["Jadwal pilkades, disusun oleh PPS"]],
            "Tahapan": [
                [h.capitalize() for h in HEADER],
                ["pilkades-2025", "pemungutan-suara", "Pemungutan suara", "Voting",
                 datetime(2025, 11, 27), datetime(2025, 11, 27), 1, "Perbup 7/2025", "P", True],
                [],
                ["pilkades-2025", "rapat", "Rapat", "Meeting", None, date(2025, 9, 3), None,
                 "Perbup 7/2025", "D", "SALAH"],
                ["pilkades-2025", "apel", "Apel", "Parade", "1/9/2025", datetime(2025, 9, 3, 10, 0),
                 3.0, "Perbup 7/2025", "P", None],
            ],
        },
    )  # fmt: skip
    result = cli("import", str(source))
    assert result.exit_code == 2
    # the row and the sheet as Excel shows them; a time of day is no schedule date
    assert result.stderr.splitlines()[1:] == [
        f"{source}:Tahapan:5: end: tanggal tidak dikenali: '2025-09-03 10:00:00'",
    ]
    book = openpyxl.load_workbook(source)
    book["Tahapan"]["F5"] = datetime(2025, 9, 3)
    book.save(source)
    result = cli("import", str(source))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "tahapan: lembar dilewati (baris pertamanya bukan kolom jadwal): Catatan",
        "tahapan: 3 baris, 1 pemilu",
    ]
    election = tomllib.loads(result.stdout)["elections"][0]
    assert election["voting_day"] == date(2025, 11, 27)
    voting, meeting, parade = election["stages"]
    assert voting["projected"] is True and "projected" not in meeting
    assert (parade["start"], parade["end"]) == (date(2025, 9, 1), date(2025, 9, 3))


def test_a_workbook_without_schedule_columns_says_what_each_sheet_holds(cli, tmp_path):
    source = workbook(tmp_path / "lain.xlsx", {"Lembar1": [["Pemilu", "Tanggal"]], "Kosong": []})
    result = cli("import", str(source), "--lang", "en")
    assert result.exit_code == 2
    accepted = (
        "the columns accepted: election, path, name, name_en, start, end, days, basis, confidence, "
        "projected, repeat (name_en, start, days, projected, repeat may be left out)"
    )
    missing = "missing columns: election, path, name, end, basis, confidence"
    assert result.stderr.splitlines()[1:] == [
        f"{source}:Lembar1:1: {missing}; read 2 columns in the sheet's first row: Pemilu, Tanggal; {accepted}",
        f"{source}:Kosong:1: {missing}; read 0 columns in the sheet's first row: (empty); {accepted}",
    ]
    partial = workbook(tmp_path / "separuh.xlsx", {"Jadwal": [["election", "path", "name"]]})
    result = cli("import", str(partial))
    assert result.exit_code == 2
    assert f"{partial}:Jadwal:1: kolom tidak ada: end, basis, confidence;" in result.stderr


def test_a_damaged_workbook_is_refused(cli, tmp_path):
    source = tmp_path / "rusak.xlsx"
    source.write_bytes(b"PK\x03\x04" + os.urandom(200))
    result = cli("import", str(source))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1].startswith(
        f"{source}: bukan buku kerja .xlsx yang terbaca"
    )


def test_without_openpyxl_the_message_says_how_to_install_it(cli, tmp_path, monkeypatch):
    source = workbook(tmp_path / "a.xlsx", {"S": [HEADER]})
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now fails
    for args in (("export", "-f", "xlsx", "-o", str(tmp_path / "b.xlsx")), ("import", str(source))):
        result = cli(*args)
        assert result.exit_code == 75, args  # as --notify without Apprise
        assert result.stderr == (
            "tahapan: .xlsx memerlukan openpyxl\n"
            "  Pasang dengan: pip install 'tahapan[excel]'; atau pakai CSV (-f csv).\n"
        )
    assert not (tmp_path / "b.xlsx").exists()


def test_status_and_check_never_import_openpyxl():
    assert "openpyxl" not in packages_loaded_by("status")
    assert "openpyxl" not in packages_loaded_by("check", "--within", "7")
    assert "openpyxl" not in packages_loaded_by("export", "-f", "csv", "-o", os.devnull)


def test_the_installed_command_writes_a_workbook_but_not_to_a_terminal(tmp_path):
    out = tmp_path / "j.xlsx"
    done = subprocess.run(
        [*installed_command(), "export", "-e", "pilkada-2024", "-o", str(out)],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(out).sheetnames == ["pilkada-2024"]
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [*installed_command(), "export", "-f", "xlsx"],
            stdout=follower, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=60,
        )  # fmt: skip
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "tahapan: XLSX tidak dicetak ke terminal\n  Tambahkan -o BERKAS.xlsx.\n"
    )


def test_sheet_names_excel_accepts():
    used: set[str] = set()
    assert sheet_name("a/b:c?d*e[f]g\\h", used) == "a-b-c-d-e-f-g-h"
    long = "pemilihan-ulang-kabupaten-bangka-2025"
    assert sheet_name(long, used) == long[:31]
    assert sheet_name(long, used) == long[:29] + "-2"
    assert sheet_name("History", used) == "History-2"
    assert sheet_name("", used) == "jadwal"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_election())
def test_xlsx_export_import_gives_the_csv_rows_for_any_schedule(election):
    raw = xlsx_bytes(ScheduleExport([election]))
    imported = import_xlsx(Path("x.xlsx"), raw, {election.id: election})
    assert imported.problems == []
    assert csv_text(merged_over(election, imported.data).elections) == csv_text([election])
