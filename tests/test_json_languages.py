"""Every command's JSON is the same whatever the language: a script parses one answer, whether its
user reads Indonesian or English (`--lang`, TAHAPAN_LANG, the config's `lang`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer

from conftest import REPO, commands_of
from tahapan.cli.application import app
from test_data_update import schedule

#: command path -> the arguments that make it answer in JSON, in one office's morning. A command
#: that writes runs from the same start in each language (see ``_fresh``).
READING = {
    "status": [["--json"], ["-r", "Kota Malang", "--json"], ["--on", "2024-09-15", "--json"]],
    "list": [["--json"], ["-a", "--json"]],
    "show": [["kampanye", "-e", "pemilu-2024", "--json"]],
    "check": [["--within", "30", "--json"], ["--remind", "3", "--json"]],
    "hitung": [
        ["2024-02-16", "--json"],
        ["2024-04-08 + 3 hari kerja", "--json"],
        ["2024-02-16 .. 2024-03-20", "--json"],
        ["H-3", "-e", "pemilu-2024", "--json"],
        ["--chain", "phpu-pilpres", "2024-03-20", "--json"],
    ],
    "calc": [["2024-04-08 + 3 hari kerja", "--json"]],
    "pace": [["coklit", "-e", "pilkada-2024", "--on", "2024-07-01", "--done", "40%", "--json"]],
    "validate": [["{shipped}", "--json"], ["{bad}", "--json"], ["{missing}", "--json"]],
    "regions": [["--json"], ["Malang", "--json"]],
    "calendar": [["--month", "2024-04", "-f", "json"], ["--month", "2024-02", "-f", "json"]],
    "data": [["--json"]],
    "kasus chains": [["--json"], ["phpu-pileg", "--json"]],
}
#: commands whose JSON depends on what was kept before: each language starts from the same state
WRITING = {
    "changes": [["--json"]],
    "perubahan": [["--json"]],
    "data update": [["{source}", "--json"]],
    "data rollback": [["--json"]],
    "kasus": [["--json"]],
    "kasus add": [["x", "--chain", "phpu-pilpres", "--from", "2024-03-20 10:00", "--json"]],
    "kasus show": [["k", "--json"]],
    "kasus done": [["k", "permohonan", "--on", "2024-03-21", "--json"]],
    "kasus close": [["k", "--on", "2024-03-22", "--json"]],
    "kasus remove": [["k", "--json"]],
    "stage add": [
        [
            "latihan/rapat",
            "--name",
            "Rapat",
            "--start",
            "2024-04-02",
            "--end",
            "2024-04-03",
            "--basis",
            "Surat",
            "--confidence",
            "1S",
            "--json",
        ]
    ],
    "stage set": [
        [
            "pemilu-2024/kampanye",
            "--end",
            "2024-02-11",
            "--basis",
            "Surat",
            "--confidence",
            "1S",
            "--json",
        ]
    ],
    "stage remove": [["latihan/apel", "--json"]],
    "election add": [
        [
            "pemilu-2034",
            "--like",
            "pemilu-2024",
            "--voting-day",
            "2034-02-15",
            "--name",
            "Pemilu-2034",
            "--json",
        ]
    ],
    "election set-voting-day": [
        ["pemilu-2029", "2029-02-21", "--basis", "Surat", "--confidence", "1S", "--json"]
    ],
    "election remove": [["latihan", "--json"]],
    "config set": [["region", "Kota Malang", "--json"], ["notify", "mailto://a:b@c.id", "--json"]],
    "config unset": [["tz", "--json"]],
}


def _json_commands() -> set[str]:
    group = typer.main.get_command(app)
    found = set()
    for path, command in commands_of(group):
        options = {o for p in command.params for o in getattr(p, "opts", [])}
        formats = [p for p in command.params if "--format" in getattr(p, "opts", [])]
        if "--json" in options or any("json" in getattr(p.type, "choices", ()) for p in formats):
            found.add(" ".join(path))
    return found


def test_every_command_that_speaks_json_is_tried_here():
    assert _json_commands() == READING.keys() | WRITING.keys()


@pytest.mark.parametrize(
    ("path", "args"), [(p, a) for p, runs in READING.items() for a in runs], ids=str
)
def test_json_is_the_same_in_both_languages(cli, tmp_path, path, args):
    bad = tmp_path / "jadwal.toml"  # a problem tahapan words: both languages, each under its key
    bad.write_text('[[elections]]\nid = "x"\nname = "X"\n', encoding="utf-8")
    files = {"shipped": REPO / "data" / "stages.toml", "bad": bad, "missing": tmp_path / "none"}
    args = [a.format(**files) for a in args]
    indonesian = cli(*path.split(), *args, "--lang", "id")
    english = cli(*path.split(), *args, "--lang", "en")
    assert indonesian.exit_code in (0, 1, 2), indonesian.stderr
    assert json.loads(indonesian.stdout)["schema"] == 1
    assert indonesian.stdout == english.stdout


def _fresh(monkeypatch, root: Path, source: Path) -> None:
    """One office's home, the same for each language: a case kept, an update installed."""
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(name, str(root / name.lower()))
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-25T09:00:00+07:00")


@pytest.mark.parametrize(
    ("path", "args"), [(p, a) for p, runs in WRITING.items() for a in runs], ids=str
)
def test_json_of_what_was_kept_is_the_same_in_both_languages(
    cli, monkeypatch, tmp_path, path, args
):
    source = tmp_path / "jadwal-2027.toml"
    source.write_bytes(schedule("2027-01-10"))
    answers = []
    for lang in ("id", "en"):
        root = tmp_path / lang
        _fresh(monkeypatch, root, source)
        setup = [
            "kasus add k --chain phpu-pilpres --from 2024-03-20T22:19",
            f"data update {source}",
            "election add latihan --voting-day 2025-01-20 --name Latihan --basis Surat "
            "--confidence 1S",
            "stage add latihan/apel --name Apel --start 2024-04-01 --end 2024-04-01 --basis Surat "
            "--confidence 1S",
            "config set tz WITA",
            "election add pemilu-2029 --like pemilu-2024 --voting-day 2029-02-14",
        ]
        for step in setup:
            done = cli(*step.split())
            assert done.exit_code == 0, (step, done.stderr)
        monkeypatch.setenv("TAHAPAN_LANG", lang)  # `config` takes no --lang: its words follow this
        result = cli(*path.split(), *(a.format(source=source) for a in args))
        assert result.exit_code in (0, 1), result.stderr
        answers.append(result.stdout.replace(str(root), "HOME"))
    indonesian, english = answers
    assert json.loads(indonesian)["schema"] == 1
    assert indonesian == english


def test_a_problem_is_given_in_both_languages_each_under_its_key(cli, tmp_path):
    bad = tmp_path / "jadwal.toml"
    bad.write_text('[[elections]]\nid = "x"\nname = "X"\n', encoding="utf-8")
    answer = json.loads(cli("validate", str(bad), "--json", "--lang", "en").stdout)
    assert answer["problems"] == [f"{bad}:2: x: kunci wajib 'basis' tidak ada"]
    assert answer["problems_en"] == [f"{bad}:2: x: required key 'basis' is missing"]


def test_hitung_names_the_day_by_a_key_and_a_holiday_by_both_names(cli):
    answer = json.loads(cli("hitung", "2024-04-08 + 3 hari kerja", "--json", "--lang", "en").stdout)
    assert answer["from"]["weekday"] == "monday" and answer["result"]["weekday"] == "thursday"
    assert answer["days_off"][0] == {
        "date": "2024-04-09",
        "kind": "cuti",
        "name": "Cuti Bersama Hari Raya Idul Fitri",
        "name_en": "Eid al-Fitr Joint Holiday",
    }
    assert answer["days_off"][4] == {
        "date": "2024-04-13",
        "kind": "weekend",
        "name": "akhir pekan",
        "name_en": "weekend",
    }
