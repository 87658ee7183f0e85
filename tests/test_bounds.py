"""Bounded work: inputs at sizes and edges that once hung, took gigabytes or crashed now get an
answer or a message, with the same cost per problem, part or stage however many there are."""

from __future__ import annotations

import json
import os
from datetime import date

import pytest

from conftest import LATIHAN
from tahapan.errors import DataError
from tahapan.i18n import said
from tahapan.schedule import messages
from tahapan.schedule.load import load_catalog

HEAD = 'schema = 1\n[[elections]]\nid = "x"\nname = "X"\nname_en = "X"\nvoting_day = 2025-03-01\nbasis = "b"\n'


def _stage(
    i: int, *, confidence: str = "P", end: str = "2025-01-02", start: str | None = "2025-01-01"
) -> str:
    begin = f"start = {start}\n" if start else ""
    return (
        f'[[elections.stages]]\nid = "s{i}"\nname = "S"\nname_en = "S"\n{begin}end = {end}\n'
        f'basis = "b"\nconfidence = "{confidence}"\n'
    )


def test_locating_thousands_of_problems_reads_each_file_once(tmp_path, monkeypatch):
    path = tmp_path / "buruk.toml"
    path.write_text(
        HEAD + "".join(_stage(i, confidence="Q") for i in range(5000)), encoding="utf-8"
    )
    built = []
    original = messages._LineIndex.__init__

    def counting(self, lines):
        built.append(len(lines))
        original(self, lines)

    monkeypatch.setattr(messages._LineIndex, "__init__", counting)
    with pytest.raises(DataError) as caught:
        load_catalog([path])
    assert len(caught.value.problems) == 5000
    assert said(caught.value.problems[-1]).startswith(
        f"{path}:{7 + 4999 * 8 + 8}: x/s4999: confidence"
    )
    assert len(built) == 1  # one pass over the file for all 5000, not one per problem


def test_a_chain_of_1500_relative_dates_resolves(tmp_path):
    stages = [_stage(i, end=f'{{ after = "s{i + 1}", days = 1 }}', start=None) for i in range(1499)]
    stages.append(_stage(1499))
    path = tmp_path / "rantai.toml"
    path.write_text(HEAD + "".join(stages), encoding="utf-8")
    election = next(e for e in load_catalog([path]).elections if e.id == "x")
    ends = {s.id: s.end for s in election.stages}
    assert ends["s0"] == date(2025, 1, 2).fromordinal(date(2025, 1, 2).toordinal() + 1499)


def test_a_cycle_in_a_long_chain_is_named(tmp_path):
    stages = [
        _stage(i, end=f'{{ after = "s{(i + 1) % 1200}", days = 1 }}', start=None)
        for i in range(1200)
    ]
    path = tmp_path / "lingkar.toml"
    path.write_text(HEAD + "".join(stages), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalog([path])
    assert "tanggal relatif berputar: s0.end → s1.end" in said(caught.value.problems[0])


def test_a_30000_part_dotted_key_is_refused_before_parsing(cli, tmp_path):
    path = tmp_path / "titik.toml"
    path.write_text("schema = 1\n" + ".".join(["a"] * 30000) + " = 1\n", encoding="utf-8")
    result = cli("status", "--data", str(path))
    assert result.exit_code == 2
    assert (
        f"{path}:2: kunci bertitik terlalu panjang (30000 bagian); paling banyak 40"
        in result.stderr
    )


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_only_regular_files_are_read_as_schedules(cli, tmp_path, kind):
    if kind == "fifo":
        path = tmp_path / "pipa.toml"
        os.mkfifo(path)  # reading it would wait for a writer for ever
    else:
        path = "/dev/zero"  # never ends
    result = cli("status", "--data", str(path))
    assert result.exit_code == 2
    assert "bukan berkas biasa (pipa atau perangkat)" in result.stderr


def test_an_empty_data_option(cli):
    result = cli("status", "--data", "")
    assert (result.exit_code, result.stderr) == (
        2,
        "tahapan: --data kosong: beri nama berkas TOML\n",
    )


def test_a_huge_terminal_width_is_clamped(cli):
    result = cli("status", "--on", "2023-11-29", env={"COLUMNS": "99999999"})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) == 400


def test_a_csv_cell_over_the_limit(cli, tmp_path):
    path = tmp_path / "besar.csv"
    path.write_text(
        "election,path,name,name_en,start,end,days,basis,confidence\n"
        f"x,a,{'A' * 200_000},B,2025-01-01,2025-01-02,2,b,P\n",
        encoding="utf-8",
    )
    result = cli("import", str(path))
    assert result.exit_code == 2
    assert f"{path}:2: sel lebih panjang dari 128 kB" in result.stderr


END = HEAD.replace("2025-03-01", "9999-12-30").replace('id = "x"', 'id = "akhir"') + _stage(
    0, start="9999-12-01", end="9999-12-31"
)


def test_dates_at_the_end_of_the_calendar(cli, tmp_path, monkeypatch):
    path = tmp_path / "akhir.toml"
    path.write_text(END, encoding="utf-8")
    data = ["-e", "akhir", "--data", str(path)]
    month = cli("calendar", "--month", "9999-12", *data)
    assert month.exit_code == 2 and "November 9999" in month.stderr
    ics = cli("calendar", "-f", "ics", *data)
    assert (
        ics.exit_code == 0
        and "DURATION:P31D" in ics.stdout
        and "DTSTART;VALUE=DATE:99991201" in ics.stdout
    )
    pace = cli("pace", "s0", "--done", "10", "--on", "9999-12-10", *data)
    assert pace.exit_code == 1 and "perkiraan selesai" in pace.stdout
    monkeypatch.setenv("TAHAPAN_NOW", "9999-12-31T10:00:00+07:00")
    tomorrow = cli("status", "--on", "besok")
    assert (tomorrow.exit_code, tomorrow.stderr.splitlines()[0]) == (
        2,
        "tahapan: di luar kalender: 'besok'",
    )
    assert cli("calendar", "--month", "0001-01", *data).exit_code == 2


def test_the_minimal_schedule_still_loads(tmp_path):
    path = tmp_path / "latihan.toml"
    path.write_text(LATIHAN, encoding="utf-8")
    assert "latihan" in load_catalog([path]).ids()


@pytest.mark.parametrize("kind", ["missing-key", "bad-id"])
def test_thousands_of_problems_of_any_kind_are_located_in_one_pass(tmp_path, monkeypatch, kind):
    body = "".join(
        _stage(i).replace('confidence = "P"\n', "")
        if kind == "missing-key"
        else _stage(i).replace(f'id = "s{i}"', f'id = "S {i}"')
        for i in range(3000)
    )
    path = tmp_path / "buruk.toml"
    path.write_text(HEAD + body, encoding="utf-8")
    built = []
    original = messages._LineIndex.__init__
    monkeypatch.setattr(
        messages._LineIndex,
        "__init__",
        lambda self, lines: built.append(1) or original(self, lines),
    )
    with pytest.raises(DataError) as caught:
        load_catalog([path])
    assert len(caught.value.problems) == 3000 and len(built) == 1


def test_a_long_dotted_key_inside_an_inline_table(cli, tmp_path):
    path = tmp_path / "sebaris.toml"
    path.write_text("schema = 1\nx = {" + ".".join(["a"] * 60000) + " = 1}\n", encoding="utf-8")
    result = cli("validate", str(path))
    assert f"{path}:2: kunci bertitik terlalu panjang (60000 bagian)" in result.stdout


def test_megabyte_texts_are_refused_by_length_and_not_echoed(cli, tmp_path):
    path = tmp_path / "panjang.toml"
    path.write_text(
        HEAD.replace('name = "X"', 'name = "' + "A" * 2_000_000 + '"', 1), encoding="utf-8"
    )
    result = cli("status", "--data", str(path))
    assert result.exit_code == 2 and len(result.stderr) < 500
    assert "(2000000 karakter): terlalu panjang: paling banyak 500 karakter" in result.stderr
    region = cli("status", "-r", "a" * 100_000)
    assert region.exit_code == 2 and "(100000 karakter)" in region.stderr


@pytest.mark.parametrize("zone", ["Asia", "America", "x" * 300])
def test_a_folder_of_zones_or_a_long_name_is_an_unknown_zone(cli, zone):
    result = cli("status", "--tz", zone)
    assert result.exit_code == 2 and result.stderr.startswith("tahapan: zona waktu tidak dikenal:")


@pytest.mark.parametrize("now", ["9999-12-31T20:00:00Z", "0001-01-01T00:00:00+14:00"])
def test_a_pinned_now_at_the_calendars_ends(cli, monkeypatch, now):
    monkeypatch.setenv("TAHAPAN_NOW", now)
    result = cli("status", "--on", "2024-01-01")
    assert result.exit_code == 2 and "TAHAPAN_NOW di luar kalender" in result.stderr


def test_a_count_of_thousands_of_digits(cli):
    result = cli("hitung", "2024-01-01 + " + "9" * 5000 + " hari")
    assert result.exit_code == 2 and result.stderr.startswith("tahapan: jumlah terlalu besar")


@pytest.mark.parametrize("content", ["x = " + "[" * 5000 + "]" * 5000 + "\n"])
def test_a_config_nested_too_deeply(cli, tmp_path, monkeypatch, content):
    config = tmp_path / "config.toml"
    config.write_text(content, encoding="utf-8")
    monkeypatch.setenv("TAHAPAN_CONFIG", str(config))
    result = cli("status")
    assert result.exit_code == 2 and "tabel bersarang terlalu dalam" in result.stderr


def test_a_config_that_never_ends_or_waits(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("TAHAPAN_CONFIG", "/dev/zero")
    endless = cli("status")
    assert endless.exit_code == 2 and "lebih dari 1 MB" in endless.stderr
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    monkeypatch.setenv("TAHAPAN_CONFIG", str(fifo))
    waiting = cli("status")
    assert waiting.exit_code == 2 and "pipa, bukan berkas" in waiting.stderr


def test_a_fifo_nobody_reads_is_not_waited_on(cli, tmp_path):
    fifo = tmp_path / "pipa.toml"
    os.mkfifo(fifo)
    result = cli(
        "stage", "add", "pemilu-2024/x", "--name", "a", "--name-en", "b", "--end", "2024-01-01",
        "--basis", "b", "--confidence", "P", "--file", str(fifo),
    )  # fmt: skip
    assert result.exit_code == 73 and "pipa tanpa pembaca" in result.stderr


@pytest.mark.parametrize("target", ['""', '" "'])
def test_an_empty_rule_target_is_refused(tmp_path, target):
    path = tmp_path / "kosong.toml"
    path.write_text(HEAD + _stage(0, start=f"{{ after = {target}, days = 1 }}"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalog([path])
    assert "tidak boleh kosong" in said(caught.value.problems[0])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "24-11"], "bulan tidak dikenali: '24-11'"),
        (["--year", "24"], "tahun di luar kalender: 24"),
        (["--year", "0"], "tahun di luar kalender: 0"),
    ],
)
def test_calendar_years_have_four_digits(cli, args, message):
    result = cli("calendar", "-e", "pilkada-2024", "-f", "json", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_calendar_counts_h_from_the_election_given(cli):
    result = cli("calendar", "-f", "json", "--from", "H-30", "--to", "H", "-e", "pemilu-2024")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["from"] == "2024-01-01"


def test_pace_after_the_window_projects_from_the_days_spent(cli):
    late = cli(
        "pace", "coklit", "-e", "pilkada-2024", "--done", "50", "--on", "2024-08-30", "--json"
    )
    data = json.loads(late.stdout)
    assert data["projected_end"] == "2024-11-06" > data["date"]  # 68 days for half: 136 in all


def test_import_refuses_a_bad_day_count_without_a_start(cli, tmp_path):
    path = tmp_path / "hari.csv"
    path.write_text(
        "election,path,name,name_en,start,end,days,basis,confidence\n"
        "pemilu-2024,rk,R,R,,2023-11-20,abc,B,P\n",
        encoding="utf-8",
    )
    result = cli("import", str(path))
    assert result.exit_code == 2 and "'abc' bukan jumlah hari" in result.stderr


@pytest.mark.parametrize("text", ["H-١", "H-３", "２０２４-01-02", "٢٠٢٤-01-02"])
def test_only_ascii_digits_are_dates(cli, text):
    assert cli("status", "-e", "pemilu-2024", "--on", text).exit_code == 2


def test_file_names_in_messages_are_shown_safely(cli, tmp_path):
    out = tmp_path / "k\x1b[31m\u2028.json"
    result = cli(
        "calendar", "-e", "pilkada-2024", "--month", "2024-11", "-f", "json", "-o", str(out)
    )
    assert result.exit_code == 0 and "\x1b" not in result.stderr and "\u2028" not in result.stderr
    assert out.exists()
