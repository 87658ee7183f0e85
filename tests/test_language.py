"""Help and usage errors in the chosen language: Indonesian by default, English on request, with
tahapan's `tahapan:` prefix; never both languages in one message."""

from __future__ import annotations

import re

import pytest
import typer

from conftest import commands_of
from tahapan.cli.application import app
from tahapan.cli.help import translated
from tahapan.cli.help_id import HELP
from tahapan.i18n import set_language

ENGLISH_MARKS = (
    "Usage:",
    "Options:",
    "Show this message",
    "[default:",
    "env var",
    "[required]",
    "Commands:",
    "Arguments:",
)


def test_every_help_text_has_its_indonesian():
    set_language("id")
    root = typer.main.get_command(app)
    missing = []
    for path, command in [((), root), *commands_of(root)]:
        texts = [command.help] + [getattr(p, "help", None) for p in command.params]
        for text in texts:
            if text and translated(text) == text and text not in [id_ for _, id_ in HELP.values()]:
                missing.append((" ".join(path), text))
    assert missing == []


def test_every_help_page_is_indonesian_by_default(cli):
    root = typer.main.get_command(app)
    for path, _ in [((), root), *commands_of(root)]:
        shown = cli(*path, "--help").stdout
        assert shown.startswith("Pemakaian: tahapan"), path
        assert not [mark for mark in ENGLISH_MARKS if mark in shown], (path, shown)


#: the English metavars and Click's type names, which an Indonesian help page never shows
ENGLISH_METAVARS = r"<str>|<int>|<float>|\b(?:STAGE|DATE|FILE|TEXT|DAYS|REGION|ZONE|KEY|VALUE|ELECTION|PERCENT|EXPRESSION|SOURCE|PROVINCE|SECONDS|DIR|BASE|PUBKEY|YYYY)\b"


def test_metavars_follow_the_language(cli, monkeypatch):
    root = typer.main.get_command(app)
    for path, _ in [((), root), *commands_of(root)]:
        shown = cli(*path, "--help").stdout
        assert re.findall(ENGLISH_METAVARS, shown) == [], (path, shown)
    add = cli("election", "add", "--help").stdout
    assert "--name TEKS" in add and "--basis TEKS" in add and "--confidence TEKS" in add
    monkeypatch.setenv("TAHAPAN_LANG", "en")
    set_language("en")
    english = cli("election", "add", "--help").stdout
    assert "--name TEXT" in english and "<str>" not in english


def test_help_language_follows_the_environment_and_the_option(run):
    indonesian = run("status", "--help").stdout
    assert indonesian.startswith("Pemakaian: tahapan status [OPSI]")
    assert "Tahapan yang berjalan pada suatu tanggal" in indonesian and "Opsi:" in indonesian
    assert (
        "[bawaan: 60; 0<=x<=3660]" in " ".join(indonesian.split()) and "--on TANGGAL" in indonesian
    )
    english = run("status", "--help", env={"TAHAPAN_LANG": "en"}).stdout
    assert english.startswith("Usage: tahapan status [OPTIONS]")
    assert "Stages running on a date" in english and "[default:" in english
    assert "--on DATE" in english and "Pemakaian" not in english
    assert run("status", "--lang", "en", "--help").stdout == english
    assert run("--help", env={"TAHAPAN_LANG": "en"}).stdout.startswith(
        "Usage: tahapan [OPTIONS] COMMAND"
    )


def test_a_usage_error_speaks_tahapan(run):
    done = run("status", "--date", "2024-11-20")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "tahapan: tidak ada opsi --date; apakah yang dimaksud --on?\n  Lihat: tahapan status --help\n"
    )
    english = run("status", "--date", "x", env={"TAHAPAN_LANG": "en"})
    assert english.stderr == (
        "tahapan: no such option: --date; did you mean --on?\n  See: tahapan status --help\n"
    )


@pytest.mark.parametrize(
    ("args", "indonesian", "english"),
    [
        (
            ["status", "--tanggal", "x"],
            "tidak ada opsi --tanggal; apakah yang dimaksud --on?",
            "did you mean --on?",
        ),
        (
            ["status", "--pemilu", "x"],
            "tidak ada opsi --pemilu; apakah yang dimaksud --election?",
            "did you mean --election?",
        ),
        (
            ["status", "--wilayah", "x"],
            "tidak ada opsi --wilayah; apakah yang dimaksud --region?",
            "did you mean --region?",
        ),
        (["status", "--xyz"], "tidak ada opsi --xyz.", "no such option: --xyz."),
        (["pace", "kampanye"], "opsi --done wajib diberikan", "missing option --done"),
        (["show"], "argumen TAHAPAN wajib diberikan", "missing argument STAGE"),
        (
            ["status", "--days", "abc"],
            "nilai tidak sah untuk --days: 'abc' bukan bilangan bulat.",
            "'abc' is not a valid",
        ),
        (
            ["status", "--days", "99999"],
            "99999 di luar rentang 0<=x<=3660.",
            "99999 is not in the range",
        ),
        (
            ["status", "--lang", "xx"],
            "'xx' bukan salah satu dari 'id', 'en'.",
            "'xx' is not one of",
        ),
        (["status", "--on"], "opsi '--on' memerlukan nilai.", "requires an argument"),
        (["status", "lebih"], "argumen berlebih: lebih", "Got unexpected extra argument"),
        (
            ["statu"],
            "tidak ada perintah 'statu'. Mungkin yang dimaksud 'status'",
            "No such command 'statu'",
        ),
    ],
)
def test_usage_errors_in_both_languages(cli, monkeypatch, args, indonesian, english):
    result = cli(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("tahapan: ") and indonesian in result.stderr
    assert "Lihat: tahapan" in result.stderr and "Usage" not in result.stderr
    monkeypatch.setenv("TAHAPAN_LANG", "en")
    set_language("en")
    result = cli(*args)
    assert result.exit_code == 2 and english in result.stderr and "See: tahapan" in result.stderr


def test_config_messages_follow_the_language(cli, monkeypatch):
    result = cli("config", "set", "tz", "Asia/Kediri")
    assert result.exit_code == 2
    assert (
        "zona waktu tidak dikenal: 'Asia/Kediri'" in result.stderr
        and "unknown" not in result.stderr
    )
    monkeypatch.setenv("TAHAPAN_LANG", "en")
    set_language("en")
    english = cli("config", "set", "tz", "Asia/Kediri").stderr
    assert "unknown time zone 'Asia/Kediri'" in english and "zona" not in english


def test_the_configs_language_also_rules_help_and_usage_errors(run, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('lang = "en"\n', encoding="utf-8")
    env = {"TAHAPAN_CONFIG": str(config)}
    assert run("status", "--help", env=env).stdout.startswith("Usage: tahapan status [OPTIONS]\n")
    assert run("stage", "--help", env=env).stdout.startswith(
        "Usage: tahapan stage [OPTIONS] COMMAND [ARGS]...\n"
    )
    assert run("status", "--date", "x", env=env).stderr.startswith(
        "tahapan: no such option: --date"
    )
    # the option before the config
    assert run("status", "--help", "--lang", "id", env=env).stdout.startswith("Pemakaian:")
    refused = run("config", "set", "tz", "Asia/Kediri", env=env)
    assert refused.returncode == 2 and refused.stderr.startswith(
        "tahapan: value not accepted for tz"
    )


def test_the_configs_english_rules_typers_own_words_too(run, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('lang = "en"\n', encoding="utf-8")
    done = run("stat", env={"TAHAPAN_CONFIG": str(config)})
    assert done.returncode == 2
    assert done.stderr == (
        "tahapan: No such command 'stat'. Did you mean 'status', 'stage'?\n  See: tahapan --help\n"
    )


def test_options_before_a_command_go_to_it(run):
    english = run("--lang", "en", "status", "--on", "2024-11-20")
    assert english.returncode == 0 and english.stdout.startswith("Wednesday, 20 November 2024")
    listed = run("-e", "pilkada-2024", "list", "--json", "--on", "2024-11-20")
    assert listed.returncode == 0 and '"pilkada-2024"' in listed.stdout


def test_a_group_alone_shows_its_help(run):
    done = run("stage")
    assert done.returncode == 2 and done.stderr.startswith(
        "Pemakaian: tahapan stage [OPSI] PERINTAH"
    )
    assert "tahapan: Pemakaian" not in done.stderr


def test_toml_reasons_are_indonesian_for_schedules_and_the_config(cli, tmp_path, monkeypatch):
    bad = tmp_path / "jadwal.toml"
    bad.write_text("schema = 1 b = 2\n", encoding="utf-8")
    out = cli("validate", str(bad)).stdout
    assert f"{bad}:1:12: sintaks TOML salah: baris baru diharapkan sesudah pernyataan" in out
    config = tmp_path / "config.toml"
    config.write_text("lang = \n", encoding="utf-8")
    monkeypatch.setenv("TAHAPAN_CONFIG", str(config))
    broken = cli("status")
    assert (
        broken.exit_code == 2
        and f"{config}:1:8: sintaks TOML salah: nilai tidak sah" in broken.stderr
    )
