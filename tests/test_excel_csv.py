"""`tahapan import` of CSV files as Excel writes them in an Indonesian office: a `sep=;` first line,
semicolons or tabs, a byte-order mark, BENAR/SALAH and ya/tidak, dates written 27/11/2024."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tahapan.i18n import said
from tahapan.schedule.csv_read import import_csv
from tahapan.schedule.load import load_catalog

HEADER = "election;path;name;name_en;start;end;days;basis;confidence;projected"


def excel_csv(tmp_path, lines, name="jadwal.csv", sep_line=True):
    """A file as Indonesian Excel saves 'CSV UTF-8': BOM, sep=; line, CRLF."""
    text = ("sep=;\r\n" if sep_line else "") + "\r\n".join(lines) + "\r\n"
    path = tmp_path / name
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return path


def test_a_sep_line_bom_benar_and_day_first_dates(cli, tmp_path):
    source = excel_csv(
        tmp_path,
        [
            HEADER,
            "pilkades-2024;pemungutan-suara;Pemungutan suara;Voting;27/11/2024;27/11/2024;1;Perbup 7/2024;P;BENAR",
            "pilkades-2024;kampanye;Kampanye;Campaign;1/9/2024;23/11/2024;84;Perbup 7/2024;P;SALAH",
        ],
    )
    out = tmp_path / "desa.toml"
    result = cli("import", str(source), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"tahapan: 2 baris, 1 pemilu → {out}\n"
    (election,) = load_catalog([out], include_shipped=False).elections
    assert election.voting_day == date(2024, 11, 27)
    voting, campaign = election.stages
    assert (voting.start, voting.projected) == (date(2024, 11, 27), True)
    # day first, always: 1/9/2024 is the first of September
    assert (campaign.start, campaign.end, campaign.projected) == (
        date(2024, 9, 1),
        date(2024, 11, 23),
        False,
    )


def test_the_installed_command_reads_an_excel_csv(run, tmp_path):
    source = excel_csv(
        tmp_path,
        [HEADER, "pilkades-2024;rapat;Rapat;Meeting;2/9/2024;3/9/2024;2;Undangan;P;ya"],
    )
    done = run("import", str(source))
    assert done.returncode == 0, done.stderr
    stage = tomllib.loads(done.stdout)["elections"][0]["stages"][0]
    assert (stage["start"], stage["end"], stage["projected"]) == (
        date(2024, 9, 2),
        date(2024, 9, 3),
        True,
    )


def test_a_tab_separated_file_and_a_capitalised_header(cli, tmp_path):
    source = tmp_path / "salinan.tsv"
    source.write_text(
        "Election\tPath\tName\tName_EN\tEnd\tBasis\tConfidence\n"
        "pilkades-2024\trapat\tRapat, lalu apel\tMeeting\t2024-09-03\tUndangan; lisan\tP\n",
        encoding="utf-8",
    )
    result = cli("import", str(source))
    assert result.exit_code == 0, result.stderr
    stage = tomllib.loads(result.stdout)["elections"][0]["stages"][0]
    # commas and semicolons inside cells stay text: the separator is the tab
    assert (stage["name"], stage["basis"], stage["end"]) == (
        "Rapat, lalu apel",
        "Undangan; lisan",
        date(2024, 9, 3),
    )


def test_a_semicolon_file_without_a_sep_line(cli, tmp_path):
    source = excel_csv(
        tmp_path,
        [HEADER, "pilkades-2024;rapat;Rapat;Meeting;;03/09/2024;;Undangan;P;"],
        sep_line=False,
    )
    result = cli("import", str(source))
    assert result.exit_code == 0, result.stderr
    assert tomllib.loads(result.stdout)["elections"][0]["stages"][0]["end"] == date(2024, 9, 3)


@pytest.mark.parametrize(
    ("written", "projected"),
    [("TRUE", True), ("benar", True), ("Ya", True), ("1", True),
     ("false", False), ("SALAH", False), ("TIDAK", False), ("0", False), ("", False)],
)  # fmt: skip
def test_truth_values_in_either_language(cli, tmp_path, written, projected):
    source = excel_csv(
        tmp_path, [HEADER, f"x-1;rapat;Rapat;Meeting;;03/09/2024;;Undangan;P;{written}"]
    )
    result = cli("import", str(source))
    assert result.exit_code == 0, result.stderr
    stage = tomllib.loads(result.stdout)["elections"][0]["stages"][0]
    assert stage.get("projected", False) is projected


def test_a_bad_row_is_named_by_its_line_in_the_file(cli, tmp_path):
    source = excel_csv(
        tmp_path,
        [
            HEADER,
            "x-1;rapat;Rapat;Meeting;;03/09/2024;;Undangan;P;mungkin",
            "x-1;apel;Apel;Parade;;09/31/2024;;Undangan;P;",
        ],
    )
    result = cli("import", str(source))
    assert result.exit_code == 2
    # line 1 is sep=;, the header line 2: the rows are lines 3 and 4, as an editor numbers them
    assert result.stderr.splitlines()[1:] == [
        f"{source}:3: projected: 'mungkin' tidak diterima; pilihan: true/false, benar/salah, "
        "ya/tidak, 1/0, assumption",
        f"{source}:4: end: tanggal tidak ada: '09/31/2024' (bulan harus 1–12)",
    ]


def test_a_header_that_does_not_match_says_what_was_read(cli, tmp_path):
    source = excel_csv(tmp_path, ["Pemilu;Jalur;Nama;Selesai", "x-1;rapat;Rapat;3/9/2024"])
    result = cli("import", str(source))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == (
        f"{source}:2: kolom tidak ada: election, path, name, end, basis, confidence; "
        "terbaca 4 kolom dengan pemisah titik koma (;) (dari baris sep=): Pemilu, Jalur, Nama, "
        "Selesai; kolom yang diterima: election, path, name, name_en, start, end, days, basis, "
        "confidence, projected, repeat (name_en, start, days, projected, repeat boleh tidak ada)"
    )
    guessed = tmp_path / "koma.csv"
    guessed.write_text("pemilu,jalur\nx-1,rapat\n", encoding="utf-8")
    english = cli("import", str(guessed), "--lang", "en")
    assert english.exit_code == 2
    assert (
        "read 2 columns with comma (,) as the separator (assumed from the header row): pemilu, jalur;"
        in english.stderr
    )


def test_a_windows_1252_file_is_refused_with_how_to_save_utf8(cli, tmp_path):
    source = tmp_path / "ansi.csv"
    source.write_bytes(
        b"election;path;name;name_en;end;basis;confidence\r\n"
        b"x-1;rapat;Rapat \xe9valuasi;Meeting;3/9/2024;Undangan;P\r\n"
    )
    result = cli("import", str(source))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        f"{source}:2: bukan teks UTF-8 (bita 0xe9); simpan berkas sebagai UTF-8",
        "  Di Excel: Simpan Sebagai → CSV UTF-8 (Dipisahkan koma) (*.csv).",
    ]


def test_an_old_xls_file_is_refused_by_name(cli, tmp_path):
    source = tmp_path / "lama.xls"
    source.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    result = cli("import", str(source))
    assert result.exit_code == 2
    assert f"{source}: format .xls lama tidak dibaca" in result.stderr
    assert "Buku Kerja Excel (.xlsx)" in result.stderr


cells = st.one_of(
    st.text(max_size=10),
    st.sampled_from(["x-1", "rapat", "27/11/2024", "1/2/2025", "31/02/2024", "BENAR", "tidak", "P",
                     "=1+1", "sep=;", '"', ";", "\t", ""]),
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([",", ";", "\t"]),
    st.booleans(),
    st.lists(st.sampled_from([*HEADER.split(";"), "catatan", "Election"]), max_size=11),
    st.lists(st.lists(cells, max_size=11), max_size=5),
)
def test_any_excel_like_csv_imports_or_says_why(separator, sep_line, header, rows):
    import csv
    import io

    buffer = io.StringIO()
    if sep_line:
        buffer.write(f"sep={separator}\r\n")
    writer = csv.writer(buffer, delimiter=separator)
    writer.writerow(header)
    writer.writerows(rows)
    result = import_csv(Path("acak.csv"), "\ufeff" + buffer.getvalue(), {})
    assert result.rows <= len(rows)
    for problem in result.problems:
        assert said(problem).startswith("acak.csv:")
