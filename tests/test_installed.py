"""The installed entry points, run in a subprocess as an officer or cron would run them."""

from __future__ import annotations

import json
import sys

from conftest import packages_loaded_by


def test_console_script_status_json(run):
    result = run("status", "--on", "2023-11-29", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    campaign = next(a for a in data["active"] if a["id"] == "kampanye")
    assert (campaign["day"], campaign["days_total"], campaign["days_left"]) == (2, 75, 73)
    assert data["elections"][0]["h"] == -77


def test_python_dash_m(run):
    result = run("status", "--on", "2024-11-20", "--json", cmd=[sys.executable, "-m", "tahapan"])
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [e["id"] for e in data["elections"]] == ["pilkada-2024"]
    assert {a["id"]: a["days_left"] for a in data["active"] if a["id"] == "kampanye"} == {
        "kampanye": 3
    }


def test_bare_tahapan_runs_status_for_today(run):
    result = run(env={"TAHAPAN_NOW": "2024-11-25T09:00:00+07:00", "COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Senin, 25 November 2024")
    assert "Masa tenang" in result.stdout and "2/3" in result.stdout


def test_piped_output_has_no_escape_codes(run):
    result = run("status", "--on", "2023-11-29", env={"NO_COLOR": "", "TERM": "xterm-256color"})
    assert result.returncode == 0
    assert "\x1b[" not in result.stdout
    assert "Masa Kampanye Pemilu" in result.stdout


def test_bad_date_in_subprocess(run):
    result = run("status", "--on", "31/02/2024")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "tahapan: tanggal tidak ada: '31/02/2024' (Februari 2024 hanya terdiri atas 29 hari)\n"
    )
    assert "Traceback" not in result.stderr


def test_bad_data_file_in_subprocess(run, tmp_path):
    broken = tmp_path / "rusak.toml"
    broken.write_text("schema = 1\n[[elections]\n", encoding="utf-8")
    result = run("list", "--data", str(broken))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "tahapan: berkas tidak dapat dipakai (1 masalah):\n"
        f"{broken}:2:12: sintaks TOML salah: ']]' diharapkan di akhir nama larik\n"
    )


def test_version(run):
    from tahapan import __version__

    assert run("--version").stdout == f"tahapan {__version__}\n"


def test_status_json_does_not_import_rich():
    assert "rich" not in packages_loaded_by("status", "--on", "2023-11-29", "--json")


def test_bare_tahapan_is_status_with_its_options(run):
    with_options = run("-r", "papua", "--on", "2024-11-20", "--json")
    assert with_options.returncode == 0, with_options.stderr
    data = json.loads(with_options.stdout)
    assert (data["date"], data["timezone"], data["region"]["name"]) == (
        "2024-11-20", "Asia/Jayapura", "Papua"
    )  # fmt: skip
    assert (
        run("--on=2024-11-20", "--json").stdout == run("status", "--on=2024-11-20", "--json").stdout
    )
    plain = run("--no-color", "--on", "2024-11-20")
    assert plain.returncode == 0 and "Rabu, 20 November 2024" in plain.stdout
    assert "\x1b" not in plain.stdout
    assert run("--no-color").returncode == 0
    assert run("--version").stdout.startswith("tahapan ")
    assert "Pemakaian: tahapan [OPSI] PERINTAH" in run("--help").stdout
