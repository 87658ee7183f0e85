"""`stage add|set` refusals in the officer's terms (the options typed, dates in words), never a
TOML key or the installed package's file; and name_en, which an Indonesian-only office leaves out."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import LATIHAN, installed_command
from tahapan.config import user_file

KAMPANYE = "pilkada-2024/kampanye"  # 25 Sep - 23 Nov 2024, a shipped stage


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--start", "2024-11-30"),
            "tahapan: --start 30 Nov 2024 jatuh setelah hari terakhir tahapan (23 Nov 2024)\n"
            "  Untuk memindahkan tahapan, isi --start dan --end sekaligus.\n",
        ),
        (
            ("--end", "1 September 2024", "--basis", "Surat KPU", "--confidence", "D"),
            "tahapan: --end 1 Sep 2024 jatuh sebelum awal tahapan (25 Sep 2024)\n"
            "  Untuk memindahkan tahapan, isi --start dan --end sekaligus.\n",
        ),
        (
            ("--start", "2024-11-20", "--end", "10/11/2024", "--basis", "b", "--confidence", "D"),
            "tahapan: --end 10 Nov 2024 jatuh sebelum --start 20 Nov 2024\n",
        ),
        (
            ("--start", "H-3", "--basis", "b", "--confidence", "D"),
            "tahapan: --start H-3 (24 Nov 2024) jatuh setelah hari terakhir tahapan (23 Nov 2024)\n"
            "  Untuk memindahkan tahapan, isi --start dan --end sekaligus.\n",
        ),
    ],
)
def test_a_shipped_stage_set_out_of_order_names_the_options(cli, args, message):
    result = cli("stage", "set", KAMPANYE, *args)
    assert result.exit_code == 2
    assert result.stderr == message
    assert not user_file().exists()


def test_in_english(cli):
    result = cli("stage", "set", KAMPANYE, "--start", "2024-11-30", "--lang", "en")
    assert result.stderr == (
        "tahapan: --start 30 Nov 2024 falls after the stage's end (23 Nov 2024)\n"
        "  Give --start and --end together to move the stage.\n"
    )


def test_a_new_date_without_its_basis_names_the_options_to_add(cli):
    result = cli("stage", "set", KAMPANYE, "--start", "2024-10-01", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        "tahapan: --start changes the official dates of pilkada-2024/kampanye: say on what basis\n"
        "  Give --basis (the letter or decision that changes it) and --confidence "
        "(P, P+2S, 2S, 1S, D) too, in the same command.\n"
    )


def test_parent_and_sub_stages(cli):
    parent = cli(
        "stage", "set", "pilkada-2024/pemutakhiran-data-pemilih/coklit", "--start", "2024-05-01",
        "--basis", "b", "--confidence", "D",
    )  # fmt: skip
    assert parent.stderr.splitlines()[0] == (
        "tahapan: --start 1 Mei 2024 jatuh sebelum awal tahapan induk "
        "'pemutakhiran-data-pemilih' (31 Mei 2024)"
    )
    child = cli(
        "stage", "set", "pilkada-2024/pemutakhiran-data-pemilih", "--end", "2024-09-01",
        "--basis", "b", "--confidence", "D", "--lang", "en",
    )  # fmt: skip
    assert child.stderr.splitlines() == [
        "tahapan: --end 1 Sep 2024 falls before the end of the sub-stage "
        "'penetapan-dpt-kabkota' (21 Sep 2024)",
        "  A sub-stage must lie within its parent stage's window.",
    ]


def test_a_stage_of_the_users_own_file(cli):
    added = cli(
        "stage", "add", "pemilu-2024/rapat", "--name", "Rapat pleno", "--start", "2024-01-10",
        "--end", "2024-01-12", "--basis", "Undangan", "--confidence", "P",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    before = user_file().read_bytes()
    late = cli("stage", "set", "pemilu-2024/rapat", "--start", "2024-01-20")
    assert late.stderr.splitlines()[0] == (
        "tahapan: --start 20 Jan 2024 jatuh setelah hari terakhir tahapan (12 Jan 2024)"
    )
    wrong = cli(
        "stage", "add", "pemilu-2024/rapat-2", "--name", "R", "--start", "2024-01-10",
        "--end", "2024-01-02", "--basis", "b", "--confidence", "P",
    )  # fmt: skip
    assert wrong.stderr == "tahapan: --end 2 Jan 2024 jatuh sebelum --start 10 Jan 2024\n"
    assert user_file().read_bytes() == before
    # a date of its own needs no basis of its own: the file is the stage's
    assert cli("stage", "set", "pemilu-2024/rapat", "--end", "2024-01-13").exit_code == 0


def test_the_installed_command_names_no_file_of_the_package():
    done = subprocess.run(
        [*installed_command(), "stage", "set", KAMPANYE, "--start", "2024-11-30"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert done.stderr.startswith(
        "tahapan: --start 30 Nov 2024 jatuh setelah hari terakhir tahapan (23 Nov 2024)\n"
    )
    assert "stages.toml" not in done.stderr and "Traceback" not in done.stderr


# ------------------------------------------------------------------------ name_en may be left out

INDONESIAN_ONLY = "\n".join(line for line in LATIHAN.splitlines() if "name_en" not in line)


def test_a_schedule_file_without_english_names(cli, tmp_path):
    source = tmp_path / "kantor.toml"
    source.write_text(INDONESIAN_ONLY, encoding="utf-8")
    checked = cli("validate", str(source))
    assert checked.exit_code == 0, checked.output
    shown = cli("show", "latihan/rapat", "--data", str(source), "--lang", "en")
    assert shown.exit_code == 0, shown.output
    assert "Rapat koordinasi" in shown.stdout and "Latihan (latihan)" in shown.stdout
    assert "Name (id)" not in shown.stdout  # no second name to show
    data = json.loads(cli("show", "latihan/rapat", "--data", str(source), "--json").stdout)
    # schema 1 has a string there: the Indonesian name stands in
    assert (data["stage"]["name"], data["stage"]["name_en"]) == ("Rapat koordinasi",) * 2
    status = cli("status", "--on", "2025-01-11", "--data", str(source), "-e", "latihan", "--json")
    assert json.loads(status.stdout)["elections"][0]["name_en"] == "Latihan"


def test_stage_add_without_name_en(cli):
    added = cli(
        "stage", "add", "pemilu-2024/apel", "--name", "Apel siaga", "--end", "2024-01-02",
        "--basis", "Surat", "--confidence", "P",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "name_en" not in user_file().read_text(encoding="utf-8")
    shown = cli("show", "pemilu-2024/apel", "--lang", "en")
    assert shown.stdout.startswith("╭─ Apel siaga ─")


def test_csv_with_an_empty_or_no_name_en(cli, tmp_path):
    empty = tmp_path / "kosong.csv"
    empty.write_text(
        "election,path,name,name_en,start,end,basis,confidence\n"
        "latihan,rapat,Rapat,,2025-01-10,2025-01-12,Undangan,P\n",
        encoding="utf-8",
    )
    without = tmp_path / "tanpa.csv"
    without.write_text(
        "election,path,name,start,end,basis,confidence\n"
        "latihan,rapat,Rapat,2025-01-10,2025-01-12,Undangan,P\n",
        encoding="utf-8",
    )
    for source in (empty, without):
        target = source.with_suffix(".toml")
        result = cli("import", str(source), "-o", str(target))
        assert result.exit_code == 0, result.output
        assert "name_en" not in target.read_text(encoding="utf-8")
        assert cli("validate", str(target)).exit_code == 0
        exported = cli("export", "-f", "csv", "--data", str(target), "-e", "latihan").stdout
        assert exported.splitlines()[1].startswith("latihan,rapat,Rapat,,2025-01-10")
