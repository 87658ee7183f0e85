"""What an attacker (or a tired officer) types into the cases commands: refused with a message and
exit 2, the file as it was, never a traceback or a file that no longer reads."""

from __future__ import annotations

import pytest

NOW = "2024-03-21T09:00:00+07:00"


@pytest.fixture
def cases(tmp_path, monkeypatch):
    path = tmp_path / "kasus.toml"
    monkeypatch.setenv("TAHAPAN_CASES_FILE", str(path))
    monkeypatch.setenv("TAHAPAN_NOW", NOW)
    return path


@pytest.fixture
def one(cli, cases):
    assert (
        cli("kasus", "add", "p", "--chain", "phpu-pileg", "--from", "2024-03-20 22:19").exit_code
        == 0
    )
    return cases


def refused(result, message: str) -> None:
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "internal" not in result.stderr


@pytest.mark.parametrize(
    ("when", "message"),
    [
        # Jakarta's offset in 1900 had seconds, which TOML cannot write; 9999 overflows a count
        ("1900-01-01 10:00", "di luar tahun 1970–2099"),
        ("9999-12-31 23:59", "di luar tahun 1970–2099"),
        ("0001-01-01", "di luar tahun 1970–2099"),
        ("2024-03-20 22:19+00:99", "selisih waktu tidak ada"),
        ("2024-03-20 ٢٢:١٩", "tidak dikenali"),
        ("H+3", "tanggal kasus tidak ditulis dengan H"),
    ],
)
def test_a_moment_outside_what_is_counted_is_refused(cli, one, when, message):
    before = one.read_bytes()
    refused(cli("kasus", "add", "q", "--chain", "phpu-pileg", "--from", when), message)
    assert one.read_bytes() == before
    refused(cli("hitung", "--chain", "phpu-pileg", when), message)


def test_ids_and_names_are_checked_and_cleaned(cli, one):
    before = one.read_bytes()
    refused(
        cli("kasus", "add", "abc\n", "--chain", "phpu-pileg", "--from", "2024-03-20"),
        "format ID kasus salah",
    )
    refused(
        cli("kasus", "add", "a" * 101, "--chain", "phpu-pileg", "--from", "2024-03-20"),
        "format ID kasus salah",
    )
    refused(
        cli(
            "kasus",
            "add",
            "n",
            "--chain",
            "phpu-pileg",
            "--from",
            "2024-03-20",
            "--name",
            "caf\udce9",
        ),
        "--name: paling panjang 500 huruf, teks UTF-8",
    )
    assert one.read_bytes() == before
    named = cli(
        "kasus",
        "add",
        "n",
        "--chain",
        "phpu-pileg",
        "--from",
        "2024-03-20",
        "--name",
        "a\nb\x1b[31mMERAH\x07",
    )
    assert named.exit_code == 0, named.output
    listed = cli("kasus").stdout
    assert "\x1b" not in listed and "\x07" not in listed
    assert "n · a b" in listed  # one line, whatever was typed


def test_options_before_a_subcommand_are_not_dropped(cli, one):
    refused(cli("kasus", "--on", "2024-03-25", "show", "p"), "ditulis setelah `kasus show`")
    refused(cli("kasus", "--json", "show", "p"), "ditulis setelah `kasus show`")


def test_a_step_cannot_be_recorded_later_today_than_now(cli, one):
    refused(cli("kasus", "done", "p", "permohonan", "--on", "2024-03-21 23:00"), "belum tiba")
    refused(cli("kasus", "done", "p", "permohonan", "--on", "2024-03-21 23:00-12:00"), "belum tiba")
    assert cli("kasus", "done", "p", "permohonan", "--on", "2024-03-21 08:30").exit_code == 0


def test_closing_checks_the_day_and_the_state(cli, one):
    before = one.read_bytes()
    refused(cli("kasus", "close", "p", "--on", "2030-01-01"), "harus antara peristiwa awal")
    refused(cli("kasus", "close", "p", "--on", "2024-03-01"), "harus antara peristiwa awal")
    refused(cli("kasus", "close", "p", "--reopen"), "kasus p tidak ditutup")
    assert one.read_bytes() == before  # nothing written, the backup kept
    assert cli("kasus", "close", "p").exit_code == 0
    refused(cli("kasus", "close", "p"), "kasus p sudah ditutup pada 21 Maret 2024")
    refused(
        cli("kasus", "close", "p", "--reopen", "--on", "2024-03-21"), "--reopen tidak memakai --on"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'schema = 1\ncases = { id = "d", chain = "pemilu-laporan", event = 2024-03-20 }\n',
            "tulis setiap kasus sebagai [[cases]]",
        ),
        ("schema = 2\n", "berkas kasus memakai schema = 1"),
    ],
)
def test_a_file_written_by_hand_is_refused_before_any_edit(cli, cases, text, message):
    cases.write_text(text, encoding="utf-8")
    for args in (
        ["kasus"],
        ["kasus", "add", "e", "--chain", "pemilu-laporan", "--from", "2024-03-20"],
    ):
        refused(cli(*args), message)
    assert cases.read_text(encoding="utf-8") == text


def test_a_cases_path_that_is_not_a_file_is_named(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", NOW)
    folder = tmp_path / "folder"
    folder.mkdir()
    monkeypatch.setenv("TAHAPAN_CASES_FILE", str(folder))
    refused(cli("kasus"), "ini folder, bukan berkas TOML")
    status = cli("status")
    assert status.exit_code == 2 and "ini folder" in status.stderr  # not taken for no cases
    monkeypatch.setenv("TAHAPAN_CASES_FILE", "/dev/null")
    refused(
        cli("kasus", "add", "a", "--chain", "phpu-pileg", "--from", "2024-03-20"),
        "bukan berkas biasa",
    )


def test_the_language_from_the_environment_is_not_an_option_typed_too_early(cli, monkeypatch):
    monkeypatch.setenv("TAHAPAN_LANG", "en")
    added = cli("kasus", "add", "x", "--chain", "phpu-pilpres", "--from", "2024-03-20")
    assert added.exit_code == 0, added.stderr
    assert cli("kasus", "--lang", "en", "show", "x").exit_code == 2  # typed there: still refused
