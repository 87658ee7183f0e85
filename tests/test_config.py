"""User config: set/get/list/path, precedence, refusals, and atomic writes."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest

from tahapan import config


@pytest.fixture
def cfg(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "cfg" / "config.toml"
    monkeypatch.setenv("TAHAPAN_CONFIG", str(path))
    return path


def test_default_path_follows_xdg(tmp_path, monkeypatch, cli):
    monkeypatch.delenv("TAHAPAN_CONFIG", raising=False)
    assert cli("config", "path").stdout == f"{tmp_path / 'config' / 'tahapan' / 'config.toml'}\n"


def test_set_get_list(cfg, cli):
    assert cli("config", "set", "election", "pemilu-2024, pilkada-2024").exit_code == 0
    assert cli("config", "set", "tz", "WITA").exit_code == 0
    assert cli("config", "get", "election").stdout == "pemilu-2024,pilkada-2024\n"
    assert cli("config", "get", "lang").exit_code == 1
    assert cli("config", "list").stdout.splitlines()[:3] == [
        "election = pemilu-2024,pilkada-2024\t# pemilu bawaan, mis. pemilu-2024,pilkada-2024",
        "tz = WITA\t# zona waktu bawaan: WIB, WITA, WIT atau nama IANA",
        "lang = (-)\t# bahasa keluaran: id atau en",
    ]
    text = cfg.read_text(encoding="utf-8")
    assert text.startswith(config.HEADER)
    assert tomllib.loads(text) == {"election": ["pemilu-2024", "pilkada-2024"], "tz": "WITA"}
    assert cli("config", "unset", "tz").exit_code == 0
    assert "tz" not in tomllib.loads(cfg.read_text(encoding="utf-8"))


def test_precedence_option_env_config_default(cfg, cli, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-02-10T16:30:00Z")
    assert json.loads(cli("status", "--json").stdout)["timezone"] == "Asia/Jakarta"  # default
    cli("config", "set", "tz", "WIT")
    assert json.loads(cli("status", "--json").stdout)["date"] == "2024-02-11"  # config
    monkeypatch.setenv("TAHAPAN_TZ", "WITA")
    assert json.loads(cli("status", "--json").stdout)["timezone"] == "Asia/Makassar"  # environment
    assert (
        json.loads(cli("status", "--json", "--tz", "WIB").stdout)["timezone"] == "Asia/Jakarta"
    )  # option


def test_config_language_and_elections_apply(cfg, cli):
    cli("config", "set", "lang", "en")
    cli("config", "set", "election", "pilkada-2024")
    result = cli("status", "--on", "2023-11-29")
    assert (
        "2024 Simultaneous Regional Elections" in result.stdout
        and "Pemilu 2024" not in result.stdout
    )
    assert "Wednesday, 29 November 2023" in result.stdout


def test_config_data_files_are_read(cfg, cli, tmp_path):
    extra = tmp_path / "kantor.toml"
    extra.write_text(
        'schema = 1\n[[elections]]\nid = "kantor"\nname = "K"\nname_en = "K"\nvoting_day = 2024-02-14\nbasis = "x"\n',
        encoding="utf-8",
    )
    cli("config", "set", "data", str(extra))
    assert "kantor" in [
        e["id"] for e in json.loads(cli("list", "--all", "--json").stdout)["elections"]
    ]


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["config", "set", "zone", "WIB"],
            "tahapan: kunci pengaturan tidak dikenal: 'zone'.\n  Kunci yang diterima: election, tz, lang, region, data, notify\n",
        ),
        (
            ["config", "set", "langg", "en"],
            "tahapan: kunci pengaturan tidak dikenal: 'langg'. Apakah yang dimaksud \"lang\"?\n  Kunci yang diterima: election, tz, lang, region, data, notify\n",
        ),
        (
            ["config", "set", "lang", "jv"],
            "tahapan: nilai tidak diterima untuk lang: 'jv' (pilihan: id, en)\n  lang: bahasa keluaran: id atau en\n",
        ),
        (
            ["config", "set", "election", "Pemilu 2024!"],
            "tahapan: nilai tidak diterima untuk election: 'Pemilu 2024!' (bukan id pemilu: Pemilu, 2024!)\n  election: pemilu bawaan, mis. pemilu-2024,pilkada-2024\n",
        ),
    ],
)
def test_refusals_leave_the_file_alone(cfg, cli, args, stderr):
    cli("config", "set", "tz", "WIT")
    before = cfg.read_bytes()
    result = cli(*args)
    assert (result.exit_code, result.stderr) == (2, stderr)
    assert cfg.read_bytes() == before


def test_invalid_config_file_names_file_and_key(cfg, cli):
    cfg.parent.mkdir(parents=True)
    cfg.write_text('lang = "jv"\ncolour = true\n', encoding="utf-8")
    result = cli("status")
    assert result.exit_code == 2
    assert result.stderr == (
        "tahapan: berkas tidak dapat dipakai (2 masalah):\n"
        f"{cfg}: lang: pilihan: id, en\n"
        f"{cfg}: colour: kunci pengaturan tidak dikenal: 'colour'. Kunci yang diterima: election, tz, lang, region, data, notify\n"
    )


def test_interrupted_write_keeps_the_old_file(cfg, monkeypatch):
    config.set_value("tz", "WIT")
    before = cfg.read_bytes()

    def crash(fd):
        raise KeyboardInterrupt  # as if Ctrl-C or a kill arrived between write and rename

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        config.set_value("lang", "en")
    assert cfg.read_bytes() == before
    # no temporary file left behind, and no lock file beside it (locks live in the cache folder)
    assert sorted(p.name for p in cfg.parent.iterdir()) == ["config.toml"]


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("region", "atlantis", "tahapan: wilayah tidak dikenal: 'atlantis'."),
        ("region", "kediri", "tahapan: wilayah 'kediri' bisa berarti 2 wilayah:"),
        ("election", "pemilu-2099", "tahapan: pemilu tidak dikenal: 'pemilu-2099'."),
        ("data", "/nonexistent.toml", "/nonexistent.toml: berkas tidak ditemukan"),
    ],
)
def test_set_refuses_what_does_not_resolve(cfg, cli, key, value, message):
    result = cli("config", "set", key, value)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not cfg.exists()  # nothing stored that would break every later command


def test_a_region_is_stored_as_its_id(cfg, cli):
    assert cli("config", "set", "region", "Kota Kediri").exit_code == 0
    assert tomllib.loads(cfg.read_text(encoding="utf-8"))["region"] == "kota-kediri"


def test_a_data_path_with_spaces_is_one_path(cfg, cli, tmp_path):
    spaced = tmp_path / "has space.toml"
    spaced.write_text("schema = 1\n", encoding="utf-8")
    assert cli("config", "set", "data", str(spaced)).exit_code == 0
    assert tomllib.loads(cfg.read_text(encoding="utf-8"))["data"] == [str(spaced)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('election = ["pemilu-2099"]\n', "election"),
        ('region = "atlantis"\n', "region"),
        ('data = ["/hilang.toml"]\n', "data"),
    ],
)
def test_an_error_a_config_value_causes_names_the_file_and_key(cfg, cli, text, key):
    cfg.parent.mkdir(parents=True, exist_ok=True)
    cfg.write_text(text, encoding="utf-8")
    result = cli("status", "--on", "2023-11-29")
    assert result.exit_code == 2
    assert (
        f"  Nilai ini dari pengaturan {cfg} (kunci {key}); ubah dengan `tahapan config set {key} "
        f"...` atau hapus dengan `tahapan config unset {key}`.\n"
    ) in result.stderr


def test_a_number_where_a_list_belongs(cfg, cli):
    cfg.parent.mkdir(parents=True, exist_ok=True)
    cfg.write_text("election = 5\n", encoding="utf-8")
    result = cli("status")
    assert result.exit_code == 2
    assert f"{cfg}: election: harus daftar teks" in result.stderr


def test_an_empty_region_option_overrides_the_config(cfg, cli):
    assert cli("config", "set", "region", "papua").exit_code == 0
    data = json.loads(cli("status", "-r", "", "--on", "2023-11-29", "--json").stdout)
    assert data["region"] is None and data["timezone"] == "Asia/Jakarta"
