"""What an import refuses rather than guess: a column it does not know (a misspelt `strat` would drop
every start date), a column given twice, a header without rows, an office assumption on an election
whose voting day is official. And what rows cannot carry is said on export."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tahapan.schedule.tabular import neutralise, restore


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "jadwal.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_misspelt_column_is_refused_with_the_name_it_resembles(cli, run, tmp_path):
    source = _csv(
        tmp_path,
        "election,path,name,name_en,strat,end,days,basis,confidence,projectd\n"
        "ops-x,a,A,,2024-01-01,2024-01-05,5,Surat,P,true\n",
    )
    result = cli("import", str(source), "-o", str(tmp_path / "out.toml"))
    assert result.exit_code == 2
    assert (
        f"{source}:1: kolom tidak dikenal: 'strat' (apakah yang dimaksud start?), 'projectd' "
        "(apakah yang dimaksud projected?); kolom yang diterima: election, path, name, name_en, "
        "start, end, days, basis, confidence, projected, repeat"
    ) in result.stderr
    assert not (tmp_path / "out.toml").exists()
    done = run("import", str(source), "--lang", "en")
    assert done.returncode == 2 and "unknown columns: 'strat' (did you mean start?)" in done.stderr


def test_a_column_given_twice_is_refused(cli, tmp_path):
    source = _csv(
        tmp_path, "election,path,name,name,end,basis,confidence\nops-x,a,A,B,2024-01-05,Surat,P\n"
    )
    result = cli("import", str(source))
    assert result.exit_code == 2 and "kolom ganda: name" in result.stderr


def test_a_workbook_with_a_misspelt_column_is_refused(cli, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Jadwal"
    sheet.append(["election", "path", "name", "mulai", "end", "basis", "confidence"])
    sheet.append(["ops-x", "a", "A", "2024-01-01", "2024-01-05", "Surat", "P"])
    book.save(tmp_path / "jadwal.xlsx")
    result = cli("import", str(tmp_path / "jadwal.xlsx"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'jadwal.xlsx'}:Jadwal:1: kolom tidak dikenal: 'mulai'" in result.stderr


def test_a_header_without_rows_is_refused_and_writes_nothing(cli, tmp_path):
    source = _csv(tmp_path, "election,path,name,end,basis,confidence\n")
    out = tmp_path / "out.toml"
    out.write_text("# the office's file\n", encoding="utf-8")
    result = cli("import", str(source), "-o", str(out))
    assert result.exit_code == 2 and "tidak ada baris tahapan di bawah baris judul" in result.stderr
    assert out.read_text(encoding="utf-8") == "# the office's file\n"


def test_an_assumption_needs_a_projected_voting_day(cli, tmp_path):
    source = _csv(
        tmp_path,
        "election,path,name,end,basis,confidence,projected\n"
        "pemilu-2024,rapat-x,Rapat,2024-01-05,Surat,P,assumption\n",
    )
    result = cli("import", str(source))
    assert result.exit_code == 2
    assert (
        f"{source}:2: projected: assumption hanya untuk pemilu yang hari pemungutan suaranya "
        "masih proyeksi; hari pemungutan suara pemilu-2024 sudah resmi (tulis false)"
    ) in result.stderr


@given(st.text(max_size=12))
def test_any_text_comes_back_from_a_spreadsheet_cell(text):
    # "'=x" was written as it was and read back as "=x"
    assert restore(neutralise(text)) == text
    assert not neutralise(text).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_export_says_that_rows_lose_not_held(cli, tmp_path):
    result = cli("export", "-e", "pemilu-2024", "-f", "csv", "-o", str(tmp_path / "x.csv"))
    assert result.exit_code == 0
    assert (
        "peringatan: CSV tidak memuat tanda tidak dilaksanakan pada 7 tahapan (putaran-kedua, "
        "pemutakhiran-putaran-kedua, …) (pemilu-2024)"
    ) in result.stderr


def test_an_h_too_far_is_refused_in_the_option_s_words(cli):
    assert cli("election", "add", "pemilu-2029", "--like", "pemilu-2024", "--voting-day",
               "2029-02-14", "-q").exit_code == 0  # fmt: skip
    result = cli(
        "stage", "set", "pemilu-2029/kampanye", "--start", "H-99999", "--basis", "Rapat",
        "--confidence", "P",
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == (
        "tahapan: --start H-99999 terlalu jauh dari hari pemungutan suara\n"
        "  H paling jauh 3660 hari sebelum atau sesudahnya.\n"
    )


def test_an_empty_notify_value_is_refused(cli):
    result = cli("config", "set", "notify", "  ")
    assert result.exit_code == 2 and "tahapan config unset notify" in result.stderr
    assert cli("config", "get", "notify").exit_code == 1


def test_export_says_it_once_for_many_elections_that_lose_the_same(cli, tmp_path):
    # a national set: the same loss in thousands of elections is one warning, not thousands
    data = tmp_path / "nasional.toml"
    data.write_text(
        "schema = 1\n"
        + "".join(
            f'[[elections]]\nid = "batal-{n}"\nname = "Batal {n}"\nvoting_day = 2025-03-01\n'
            'basis = "Catatan"\n[[elections.stages]]\nid = "rapat"\nname = "Rapat"\n'
            'end = 2025-01-12\nbasis = "b"\nconfidence = "P"\nheld = false\n'
            for n in range(5)
        ),
        encoding="utf-8",
    )
    args = [a for n in range(5) for a in ("-e", f"batal-{n}")]
    result = cli("export", "--data", str(data), *args, "-f", "csv", "-o", str(tmp_path / "x.csv"))
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "peringatan" in line]
    assert warnings == [
        "tahapan: peringatan: CSV tidak memuat tanda tidak dilaksanakan pada 1 tahapan (rapat) "
        "(batal-0, batal-1, batal-2, … (5 pemilu)); gunakan -f toml agar semuanya termuat"
    ]
    one = cli("export", "--data", str(data), "-e", "batal-3", "-f", "csv", "--lang", "en")
    assert one.stderr.splitlines() == [
        "tahapan: warning: the CSV leaves out that 1 stage is not held (rapat) (batal-3); use -f "
        "toml for all of it"
    ]
