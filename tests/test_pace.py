"""`tahapan pace`: share done against time gone by, the projection, and the exit status."""

from __future__ import annotations

import json

import pytest

from tahapan.days.pace import parse_done

COKLIT = ("pace", "coklit", "-e", "pilkada-2024")


def test_ahead_on_day_8_of_31(cli):
    # e-coklit reported 53.33 % done on day 8 of the 31-day Pilkada 2024 coklit (24 Jun-24 Jul)
    result = cli(*COKLIT, "--done", "53.33", "--on", "2024-07-01")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Pencocokan dan penelitian (coklit), per Senin, 1 Juli 2024",
        "  tahapan           pilkada-2024/pemutakhiran-data-pemilih/coklit",
        "  jadwal            24 Jun – 24 Jul 2024 (31 hari)",
        "  selesai           53,33%",
        "  waktu berjalan    8 hari dari 31 (25,81%)",
        "  status            lebih cepat 27,52 poin persen (sekitar 8,5 hari)",
        "  perkiraan selesai Senin, 8 Juli 2024, 16 hari sebelum batas",
    ]


def test_behind_exits_1_and_projects_past_the_end(cli):
    result = cli(*COKLIT, "--done", "20%", "--on", "2024-07-01", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert (data["verdict"], data["ok"], data["elapsed"], data["total"]) == ("behind", False, 8, 31)
    # 20 % in 8 days: 40 days in all, so day 40 = 2 August, 9 days after 24 July
    assert (data["projected_end"], data["margin_days"]) == ("2024-08-02", -9)
    assert data["gap_points"] == pytest.approx(20 - 800 / 31, abs=1e-4)


def test_exactly_on_schedule(cli):
    result = cli(*COKLIT, "--done", "10/31", "--on", "2024-06-26", "--json")
    data = json.loads(result.stdout)
    # 10 of 31 parts by day 3: 9.3 days for all of it, so day 10, 3 July
    assert (result.exit_code, data["verdict"], data["projected_end"]) == (0, "ahead", "2024-07-03")
    result = cli(*COKLIT, "--done", "3/31", "--on", "2024-06-26", "--json")
    data = json.loads(result.stdout)
    assert (result.exit_code, data["verdict"], data["projected_end"]) == (
        0,
        "on-schedule",
        "2024-07-24",
    )


def test_after_the_end_unfinished_is_behind_and_finished_is_done(cli):
    late = cli(*COKLIT, "--done", "90", "--on", "2024-08-10", "--json")
    assert late.exit_code == 1 and json.loads(late.stdout)["elapsed"] == 31
    done = cli(*COKLIT, "--done", "100", "--on", "2024-08-10", "--json")
    assert done.exit_code == 0 and json.loads(done.stdout)["verdict"] == "done"


def test_working_day_stage_is_measured_in_working_days(cli, tmp_path):
    own = tmp_path / "kerja.toml"
    own.write_text(
        'schema = 1\n[[elections]]\nid = "uji"\nname = "Uji"\nname_en = "Test"\n'
        'voting_day = 2024-02-14\nbasis = "uji"\n'
        '[[elections.stages]]\nid = "verifikasi"\nname = "Verifikasi"\nname_en = "Checks"\n'
        'start = 2024-04-01\nend = { after = "verifikasi", working_days = 0 }\n'
        'basis = "uji"\nconfidence = "D"\ncounting = "working"\n',
        encoding="utf-8",
    )
    # a rule may not count from its own stage
    assert cli("pace", "verifikasi", "--done", "1", "--data", str(own)).exit_code == 2
    own.write_text(
        own.read_text().replace('{ after = "verifikasi", working_days = 0 }', "2024-04-19")
    )
    result = cli(
        "pace", "verifikasi", "--done", "50", "--on", "2024-04-16", "--data", str(own), "--json"
    )
    data = json.loads(result.stdout)
    # 1-19 April 2024 has 9 working days (weekends, Idul Fitri and cuti bersama 8-15 April off);
    # by Tuesday the 16th, 6 of them have gone by (1-5 April and the 16th)
    assert (data["counting"], data["elapsed"], data["total"]) == ("working", 6, 9)
    # 50 % in 6 working days: 12 in all, the 12th being Wednesday 24 April
    assert (result.exit_code, data["verdict"], data["projected_end"]) == (1, "behind", "2024-04-24")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--done", "120", "--on", "2024-07-01"),
            "tahapan: --done tidak dikenali: '120'\n"
            "  Tulis persentase 0–100 (53.33, 53,33 atau 53.33%) atau jumlah dari total (1200/2250, 1.200/2.250).\n",
        ),
        (
            ("--done", "5", "--on", "2024-06-01"),
            "tahapan: pilkada-2024/pemutakhiran-data-pemilih/coklit baru mulai 24 Juni 2024; "
            "laju diukur sejak hari pertamanya\n  Isi --on dengan tanggal dalam rentang tahapan.\n",
        ),
    ],
)
def test_bad_input(cli, args, message):
    result = cli(*COKLIT, *args)
    assert (result.exit_code, result.stderr) == (2, message)


def test_an_ambiguous_stage_asks_for_the_election(cli):
    result = cli("pace", "coklit", "--done", "5")
    assert result.exit_code == 2 and "--election" in result.stderr


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("53.33", 53.33),
        ("53,33", 53.33),
        ("53.33 %", 53.33),
        ("0", 0.0),
        ("100%", 100.0),
        ("1200/2400", 50.0),
        ("1.500/2.250", 100 * 1500 / 2250),  # Indonesian thousands separators
        ("1,200/2,400", 50.0),
        ("12.000/24.000", 50.0),
        ("1 500/3 000", 50.0),
    ],
)
def test_done_forms(text, value):
    assert parse_done(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "-5",
        "100.5",
        "abc",
        "3/0",
        "5/4",
        "1e3",
        "53.33.1",
        "1.5/2",
        "1.20/2.400",
        "2.400/1.200",
    ],
)
def test_done_refused(text):
    with pytest.raises(Exception, match="--done"):
        parse_done(text)


def test_pace_runs_installed(run):
    result = run(*COKLIT, "--done", "20", "--on", "2024-07-01", "--lang", "en")
    assert result.returncode == 1
    assert (
        result.stdout.splitlines()[-1]
        == "  projected finish  Friday, 2 August 2024, 9 days after the end"
    )
