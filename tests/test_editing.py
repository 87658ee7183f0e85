"""`tahapan stage add|set|remove`: the user's file, validated first, locked, with a .bak."""

from __future__ import annotations

import json
import os
import subprocess
import tomllib

import pytest

from conftest import installed_command
from tahapan.config import user_file

ADD = (
    "stage", "add", "pemilu-2024/rapat-koordinasi",
    "--name", "Rapat koordinasi Bawaslu", "--name-en", "Bawaslu coordination meeting",
    "--start", "2024-02-05", "--end", "H-7", "--basis", "Undangan Bawaslu 12/2024", "--confidence", "P",
)  # fmt: skip


def test_add_writes_the_user_file_and_every_command_sees_it(cli):
    result = cli(*ADD)
    assert result.exit_code == 0, result.output
    path = user_file()
    assert result.stderr == f"tahapan: pemilu-2024/rapat-koordinasi ditambahkan ({path})\n"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Dikelola oleh tahapan")
    assert 'id = "rapat-koordinasi"' in text and "end = { h = -7 }" in text  # H-7 stays a rule
    shown = json.loads(cli("show", "rapat-koordinasi", "-e", "pemilu-2024", "--json").stdout)[
        "stage"
    ]
    assert (shown["start"], shown["end"], shown["end_rule"]["h"]) == (
        "2024-02-05",
        "2024-02-07",
        -7,
    )


def test_a_sub_stage_under_an_official_stage(cli):
    result = cli(
        "stage", "add", "apel-siaga", "-e", "pemilu-2024", "--file", str(user_file()),
        "--name", "Apel siaga", "--name-en", "Readiness parade", "--end", "2024-01-02",
        "--basis", "Surat Kapolres", "--confidence", "P",
    )  # fmt: skip
    assert result.exit_code == 0
    nested = cli(
        "stage", "add", "pemilu-2024/kampanye/apel-siaga-2", "--name", "Apel", "--name-en", "Parade",
        "--start", "2 Januari 2024", "--end", "2024-01-02", "--basis", "Surat", "--confidence", "P",
    )  # fmt: skip
    assert nested.exit_code == 0, nested.output
    listed = json.loads(cli("list", "-e", "pemilu-2024", "--json").stdout)["elections"][0]["stages"]
    campaign = next(s for s in listed if s["id"] == "kampanye")
    assert [s["id"] for s in campaign["stages"]] == ["rapat-umum", "apel-siaga-2"]


def test_set_overrides_an_official_stage_only_with_its_own_basis(cli):
    refused = cli("stage", "set", "coklit", "-e", "pemilu-2024", "--end", "2023-03-20")
    assert refused.exit_code == 2
    assert refused.stderr == (
        "tahapan: --end mengubah tanggal resmi pemilu-2024/pemutakhiran-data-pemilih/coklit; "
        "sebutkan dasar hukumnya\n"
        "  Sertakan juga --basis (surat, keputusan, atau peraturan yang mengubahnya) dan --confidence "
        "(P, P+2S, 2S, 1S, D) dalam perintah yang sama.\n"
    )
    assert not user_file().exists()
    done = cli(
        "stage", "set", "coklit", "-e", "pemilu-2024", "--end", "2023-03-20",
        "--basis", "Keputusan KPU Kab. X 5/2023", "--confidence", "P",
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    shown = json.loads(cli("show", "coklit", "-e", "pemilu-2024", "--json").stdout)["stage"]
    assert (shown["end"], shown["basis"], shown["confidence"]) == (
        "2023-03-20",
        "Keputusan KPU Kab. X 5/2023",
        "P",
    )
    # removing the override brings the official dates back
    assert cli("stage", "remove", "pemilu-2024/pemutakhiran-data-pemilih/coklit").exit_code == 0
    shown = json.loads(cli("show", "coklit", "-e", "pemilu-2024", "--json").stdout)["stage"]
    assert (shown["end"], shown["confidence"]) == ("2023-03-14", "2S")


def test_not_held_instead_of_removing_an_official_stage(cli):
    refused = cli("stage", "remove", "pemilu-2024/masa-tenang")
    assert refused.exit_code == 2
    assert "Tandai tidak dilaksanakan: tahapan stage set STAGE --not-held" in refused.stderr
    assert cli("stage", "set", "pemilu-2024/masa-tenang", "--not-held").exit_code == 0
    shown = json.loads(cli("show", "pemilu-2024/masa-tenang", "--json").stdout)["stage"]
    assert shown["held"] is False and shown["position"] == "not-held"


def test_a_change_that_would_not_validate_leaves_the_file_as_it_was(cli):
    assert cli(*ADD).exit_code == 0
    before = user_file().read_bytes()
    bad = cli(
        "stage", "add", "pemilu-2024/kampanye/sesudah", "--name", "X", "--name-en", "X",
        "--start", "2024-03-01", "--end", "2024-03-02", "--basis", "b", "--confidence", "P",
    )  # fmt: skip
    assert bad.exit_code == 2
    assert bad.stderr.startswith(
        "tahapan: --end 2 Mar 2024 jatuh setelah hari terakhir tahapan induk 'kampanye' (10 Feb 2024)\n"
    )
    assert user_file().read_bytes() == before
    assert not user_file().with_name("jadwal.toml.bak").exists()


def test_each_change_keeps_the_previous_version(cli):
    assert cli(*ADD).exit_code == 0
    first = user_file().read_text(encoding="utf-8")
    assert cli("stage", "set", "pemilu-2024/rapat-koordinasi", "--note", "Ruang 2").exit_code == 0
    assert user_file().with_name("jadwal.toml.bak").read_text(encoding="utf-8") == first
    assert 'note = "Ruang 2"' in user_file().read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("stage", "add", "rapat", "--name", "R"),
            "tahapan: sebutkan pemilunya: 'rapat' perlu tepat satu pemilu\n",
        ),
        (
            ("stage", "add", "pemilu-2024/rapat", "--name", "R"),
            "tahapan: untuk tahapan baru perlu: --end, --basis, --confidence\n",
        ),
        (
            (
                "stage",
                "add",
                "pemilu-2024/kampanye",
                "--name",
                "R",
                "--name-en",
                "R",
                "--end",
                "2024-01-01",
                "--basis",
                "b",
                "--confidence",
                "P",
            ),
            "tahapan: pemilu-2024/kampanye sudah ada; ubah dengan `tahapan stage set`\n",
        ),
        (
            (
                "stage",
                "add",
                "pemilu-2024/tidak-ada/x",
                "--name",
                "R",
                "--name-en",
                "R",
                "--end",
                "2024-01-01",
                "--basis",
                "b",
                "--confidence",
                "P",
            ),
            "tahapan: induk 'tidak-ada' bukan tahapan pemilu-2024\n",
        ),
        (("stage", "set", "pemilu-2024/kampanye"), "tahapan: tidak ada yang diubah\n"),
        (
            ("stage", "set", "pemilu-2024/kampanye", "--end", "30 Februari 2024"),
            "tahapan: tanggal tidak ada: '30 Februari 2024' (Februari 2024 hanya terdiri atas 29 hari)\n",
        ),
    ],
)
def test_refusals(cli, args, message):
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert not user_file().exists()


def test_concurrent_adds_lose_nothing(tmp_path):
    """Two writers at once, ten stages each: the lock serialises them and all twenty land."""
    env = {**os.environ, "TAHAPAN_USER_FILE": str(tmp_path / "jadwal.toml")}
    procs = []
    for writer in ("a", "b"):
        script = " ; ".join(
            f"{' '.join(installed_command())} stage add pemilu-2024/{writer}-{i} --name X --name-en X "
            f"--end 2024-01-0{1 + i % 9} --basis b --confidence P"
            for i in range(10)
        )
        procs.append(
            subprocess.Popen(["sh", "-c", script], env=env, stderr=subprocess.PIPE, text=True)
        )
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    data = tomllib.loads((tmp_path / "jadwal.toml").read_text(encoding="utf-8"))
    ids = sorted(s["id"] for s in data["elections"][0]["stages"])
    assert ids == sorted(f"{w}-{i}" for w in "ab" for i in range(10))


def test_an_override_written_with_a_path_id_is_found_beside_its_parent(cli):
    path = user_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        'schema = 1\n[[elections]]\nid = "pemilu-2024"\n[[elections.stages]]\n'
        'id = "pemutakhiran-data-pemilih"\nnote = "induk"\n[[elections.stages]]\n'
        'id = "pemutakhiran-data-pemilih/coklit"\nend = 2023-03-20\nbasis = "Keputusan"\n'
        'confidence = "P"\n',
        encoding="utf-8",
    )
    assert cli("stage", "set", "coklit", "-e", "pemilu-2024", "--note", "catatan").exit_code == 0
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    override = data["elections"][0]["stages"][1]
    assert (override["id"], override["note"]) == ("pemutakhiran-data-pemilih/coklit", "catatan")
    assert "stages" not in data["elections"][0]["stages"][0]  # not made again under the parent
    assert cli("stage", "remove", "coklit", "-e", "pemilu-2024").exit_code == 0
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert [t["id"] for t in data["elections"][0]["stages"]] == ["pemutakhiran-data-pemilih"]


def test_stage_add_names_what_is_missing_before_reading_a_value(cli):
    result = cli("stage", "add", "pemilu-2024/baru", "--name", "X", "--end", "bukan-tanggal")
    assert result.exit_code == 2
    assert result.stderr.startswith("tahapan: untuk tahapan baru perlu: --basis, --confidence\n")
    exists = cli("stage", "add", "pemilu-2024/kampanye", "--name", "X", "--name-en", "Y",
                 "--basis", "b", "--confidence", "1S", "--end", "2024-01-01", "-r", "atlantis")  # fmt: skip
    assert exists.exit_code == 2 and "pemilu-2024/kampanye sudah ada" in exists.stderr
