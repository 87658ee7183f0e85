"""`tahapan check`: every exit code, and the plain lines cron mails."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import installed_command, packages_loaded_by


def test_active_yes_exits_0(cli):
    result = cli("check", "--active", "kampanye", "-e", "pemilu-2024", "--on", "2023-11-29")
    assert (result.exit_code, result.stdout) == (
        0,
        "ya: pemilu-2024/kampanye berjalan, hari ke-2 dari 75, sisa 73 hari\n",
    )


def test_active_no_exits_1(cli):
    result = cli("check", "--active", "pilkada-2024/kampanye", "--on", "2023-11-29", "--lang", "en")
    assert (result.exit_code, result.stdout) == (
        1,
        "no: pilkada-2024/kampanye is not running on 2023-11-29 (starts in 301 days)\n",
    )


def test_quiet_prints_nothing(cli):
    result = cli("check", "--active", "pemilu-2024/masa-tenang", "--on", "2024-02-12", "--quiet")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_within_lists_events_and_exits_1(cli):
    result = cli("check", "--within", "7", "--on", "2024-02-08", "-e", "pemilu-2024")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "2024-02-10\tH-4\tpemilu-2024\tkampanye\tberakhir\tMasa Kampanye Pemilu\t2 hari lagi",
        "2024-02-10\tH-4\tpemilu-2024\tkampanye/rapat-umum\tberakhir\tRapat umum dan iklan media massa\t2 hari lagi",
        "2024-02-11\tH-3\tpemilu-2024\tmasa-tenang\tmulai\tMasa Tenang\t3 hari lagi",
        "2024-02-13\tH-1\tpemilu-2024\tmasa-tenang\tberakhir\tMasa Tenang\t5 hari lagi",
        "2024-02-14\tH\tpemilu-2024\trekapitulasi-dpt\tberakhir\tRekapitulasi dan pengumuman DPT\t6 hari lagi",
        "2024-02-14\tH\tpemilu-2024\tpemungutan-suara\tsatu hari\tPemungutan suara\t6 hari lagi",
        "2024-02-14\tH\tpemilu-2024\tpenghitungan-suara\tmulai\tPenghitungan suara\t6 hari lagi",
        "2024-02-15\tH+1\tpemilu-2024\tpenghitungan-suara\tberakhir\tPenghitungan suara\t7 hari lagi",
        "2024-02-15\tH+1\tpemilu-2024\trekapitulasi\tmulai\tRekapitulasi hasil penghitungan suara\t7 hari lagi",
    ]


@pytest.mark.parametrize(("span", "code"), [("2w", 0), ("3w", 1), ("20 hari", 1), ("19d", 0)])
def test_within_units(cli, span, code):
    # from 2024-01-01 the first Pemilu event is the rally period starting 2024-01-21, 20 days on
    assert (
        cli("check", "--within", span, "--on", "2024-01-01", "-e", "pemilu-2024", "-q").exit_code
        == code
    )


def test_within_json(cli):
    result = cli("check", "--within", "1", "--on", "2024-11-26", "-e", "pilkada-2024", "--json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1 and (data["schema"], data["ok"], data["days"]) == (1, False, 1)
    assert [(e["date"], e["event"], e["path"], e["h"]) for e in data["events"]] == [
        ("2024-11-26", "end", "masa-tenang", -1),
        ("2024-11-27", "day", "pemungutan-suara", 0),
        ("2024-11-27", "start", "penghitungan-rekapitulasi", 0),
    ]


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["check"],
            "tahapan: berikan tepat satu dari --active TAHAPAN, --within HARI atau --remind HARI,..., "
            "atau --changes (boleh bersama --within/--remind)\n"
            "  Contoh: tahapan check --active kampanye -e pemilu-2024; tahapan check --within 7; "
            "tahapan check --remind 7,3,1,0 --changes\n",
        ),
        (
            ["check", "--within", "-1"],
            "tahapan: jangka waktu tidak dikenali: '-1'\n  Tulis jumlah hari 0–3660, misalnya 7, 10 hari, atau 2 minggu.\n",
        ),
        (
            ["check", "--within", "99999999999"],
            "tahapan: jangka waktu tidak dikenali: '99999999999'\n  Tulis jumlah hari 0–3660, misalnya 7, 10 hari, atau 2 minggu.\n",
        ),
        (
            ["check", "--active", "kampanyee", "-e", "pemilu-2024"],
            "tahapan: tahapan tidak dikenal: 'kampanyee'. Mungkin yang dimaksud: kampanye, kampanye-putaran-kedua, kampanye/rapat-umum?\n  `tahapan list` menampilkan semua ID tahapan.\n",
        ),
    ],
)
def test_bad_input_exits_2(cli, args, stderr):
    result = cli(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


def test_cron_environment(tmp_path):
    """As cron runs it: `env -i`, no TTY, no stdin, no HOME config; plain output, right exit status."""
    env = ["env", "-i", f"HOME={tmp_path}", "TAHAPAN_NOW=2024-02-08T06:00:00+07:00"]
    cmd = [*env, *installed_command(), "check", "--within", "3", "-e", "pemilu-2024"]
    result = subprocess.run(
        cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60
    )
    assert result.returncode == 1, result.stderr
    assert (
        result.stdout.splitlines()[0]
        == "2024-02-10\tH-4\tpemilu-2024\tkampanye\tberakhir\tMasa Kampanye Pemilu\t2 hari lagi"
    )
    assert "\x1b" not in result.stdout and result.stderr == ""
    quiet = subprocess.run(
        [*env, *installed_command(), "check", "--within", "3", "-e", "pilkada-2024", "-q"],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert (quiet.returncode, quiet.stdout) == (0, b"")


def test_check_path_does_not_import_rich():
    loaded = packages_loaded_by("check", "--within", "7", "--on", "2024-02-08")
    assert "rich" not in loaded and "holidays" not in loaded and "tahapan" in loaded


def test_active_json_says_where_the_stage_stands(cli):
    result = cli("check", "--active", "pemilu-2024/masa-tenang", "--on", "2024-02-01", "--json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1 and (data["ok"], data["question"]) == (False, "active")
    stage = data["stage"]
    assert (stage["path"], stage["position"], stage["days_until"], stage["day"]) == (
        "masa-tenang",
        "upcoming",
        10,
        None,
    )
    ended = cli("check", "--active", "pemilu-2024/kampanye", "--on", "2024-02-12")
    assert (ended.exit_code, ended.stdout) == (
        1,
        "tidak: pemilu-2024/kampanye tidak berjalan pada 12 Februari 2024 (berakhir 2 hari lalu)\n",
    )
    not_held = cli("check", "--active", "pemilu-2024/kampanye-putaran-kedua", "--on", "2024-06-10")
    assert not_held.stdout.endswith("(tidak dilaksanakan)\n")


def test_remind_fires_once_at_each_distance(cli):
    result = cli("check", "--remind", "7", "-e", "pilkada-2024", "--on", "2024-09-18")
    assert result.exit_code == 1
    assert result.stdout == (
        "2024-09-25\tH-63\tpilkada-2024\tkampanye\tmulai\tPelaksanaan kampanye\t7 hari lagi\n"
    )
    # each morning from H-10 to H: the campaign's start is named on exactly the days asked for
    fired = []
    for day in range(15, 26):
        on = f"2024-09-{day:02d}"
        out = cli("check", "--remind", "7,3,1,0", "-e", "pilkada-2024", "--on", on).stdout
        if "\tkampanye\tmulai\t" in out:
            fired.append((on, out.split("\t")[-1].strip()))
    assert fired == [
        ("2024-09-18", "7 hari lagi"),
        ("2024-09-22", "3 hari lagi"),
        ("2024-09-24", "besok"),
        ("2024-09-25", "hari ini"),
    ]
    quiet_day = cli("check", "--remind", "7,3,1,0", "-e", "pilkada-2024", "--on", "2024-10-05")
    assert (quiet_day.exit_code, quiet_day.stdout) == (0, "")


def test_remind_in_english_and_json(cli):
    text = cli("check", "--remind", "1", "-e", "pilkada-2024", "--on", "2024-11-26", "--lang", "en")
    assert text.stdout.splitlines()[0].endswith("\tVoting day\ttomorrow")
    data = json.loads(
        cli("check", "--remind", "0,7", "-e", "pilkada-2024", "--on", "2024-11-27", "--json").stdout
    )
    assert (data["question"], data["remind"], data["ok"]) == ("remind", [7, 0], False)
    # nothing of the campaign's is due 7 days on: voting day and the count starting today
    assert [(e["path"], e["event"], e["days_until"]) for e in data["events"]] == [
        ("pemungutan-suara", "day", 0),
        ("penghitungan-rekapitulasi", "start", 0),
    ]


@pytest.mark.parametrize(
    ("bad", "said"),
    [
        ("", "tahapan: --remind kosong\n  Contoh: --remind 7,3,1,0"),
        ("x", "tahapan: jangka waktu tidak dikenali: 'x'\n  Tulis jumlah hari 0–3660"),
        ("7,,y", "tahapan: jangka waktu tidak dikenali: 'y'\n"),
        ("4000", "tahapan: jangka waktu tidak dikenali: '4000'\n  Tulis jumlah hari 0–3660"),
    ],
)
def test_remind_refuses_what_is_not_days(cli, bad, said):
    result = cli("check", "--remind", bad, "--on", "2024-09-18")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(said)


def test_active_without_election_answers_for_the_one_running(cli):
    # kampanye is a stage of several elections; on 1 Oct 2024 only Pilkada's runs
    result = cli("check", "--active", "kampanye", "--on", "2024-10-01")
    assert (result.exit_code, result.stdout) == (
        0,
        "ya: pilkada-2024/kampanye berjalan, hari ke-7 dari 60, sisa 53 hari\n",
    )
    # between campaigns, the nearest: Pemilu 2024's ended 10 Feb, Pilkada's starts 25 Sep
    near = cli("check", "--active", "kampanye", "--on", "2024-03-01")
    assert near.exit_code == 1 and near.stdout.startswith("tidak: pemilu-2024/kampanye ")
    # `show` picks the same one, and names the others
    shown = cli("show", "kampanye", "--on", "2024-10-01")
    assert shown.exit_code == 0 and "pilkada-2024/kampanye" in shown.stdout
    assert "pemilu-2024/kampanye (sudah berakhir)" in " ".join(shown.stdout.split())


def test_active_without_election_asks_on_a_real_tie(cli):
    # on 10 Jan 2024 the planning stage runs in Pemilu 2024 and (its start unknown) in Pilkada 2024
    result = cli("check", "--active", "perencanaan", "--on", "2024-01-10")
    assert result.exit_code == 2 and "pemilu-2024/perencanaan" in result.stderr
    assert "pilkada-2024/perencanaan" in result.stderr
