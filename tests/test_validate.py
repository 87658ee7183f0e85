"""`tahapan validate`: every problem at once, with file and line; exit 0, 1 or 2."""

from __future__ import annotations

import json

import pytest

from conftest import LATIHAN, installed_command

GOOD = LATIHAN


@pytest.fixture
def write(tmp_path):
    def _write(text: str, name: str = "jadwal.toml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


def test_a_valid_file_exits_0_and_says_what_it_holds(cli, write):
    path = write(GOOD)
    result = cli("validate", str(path))
    assert (result.exit_code, result.stdout) == (0, f"{path}: ok (1 pemilu, 1 tahapan)\n")


def test_messy_data_lists_every_problem_by_line(cli, write):
    messy = (
        GOOD.replace("start = 2025-01-10", "strat = 2025-01-10")
        .replace("end = 2025-01-12", 'end = "12 Januari 2025"')
        .replace('confidence = "P"', 'confidence = "pasti"')
    )
    path = write(messy)
    result = cli("validate", str(path), "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f'{path}:14: latihan/rapat: unknown key "strat"; did you mean "start"? Accepted keys: basis, '
        "confidence, confidence_note, counting, end, held, id, instances, name, name_en, note, note_en, projected, regions, "
        "repeat, stages, start",
        f"{path}:15: latihan/rapat: end ('12 Januari 2025'): not a TOML date; write it without quotes, "
        "e.g. 2025-01-12",
        f"{path}:17: latihan/rapat: confidence ('pasti'): value not accepted; expected 'P', 'P+2S', "
        "'2S', '1S' or 'D'",
        "3 problems found",
    ]


def test_end_before_start_and_a_toml_syntax_error(cli, write):
    ends = write(GOOD.replace("end = 2025-01-12", "end = 2025-01-02"), "a.toml")
    syntax = write(GOOD.replace("voting_day = 2025-03-01", "voting_day = 2025-02-30"), "b.toml")
    result = cli("validate", str(ends), str(syntax))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{ends}:15: latihan/rapat: end 2025-01-02 lebih awal dari start 2025-01-10",
        f"{syntax}:7:14: sintaks TOML salah: tanggal atau waktu tidak sah",
        "2 masalah ditemukan",
    ]


def test_an_unreadable_file_exits_2(cli, write, tmp_path):
    good = write(GOOD)
    result = cli("validate", str(good), str(tmp_path / "hilang.toml"), str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"tahapan: {tmp_path / 'hilang.toml'}: berkas tidak ditemukan\n"
        f"tahapan: {tmp_path}: ini folder, bukan berkas TOML\n"
    )
    assert result.stdout == f"{good}: ok (1 pemilu, 1 tahapan)\n"


def test_json(cli, write):
    path = write(GOOD.replace("end = 2025-01-12", "end = 2025-01-02"))
    data = json.loads(cli("validate", str(path), "--json").stdout)
    assert data["ok"] is False and len(data["problems"]) == 1
    assert data["files"] == [{"path": str(path), "elections": 1, "stages": 1}]


def test_an_overlay_is_checked_against_the_shipped_data(cli, write):
    overlay = write(
        'schema = 1\n[[elections]]\nid = "pemilu-2024"\n[[elections.stages]]\nid = "kampanye/apel"\n'
        'name = "Apel"\nname_en = "Parade"\nstart = 2024-03-01\nend = 2024-03-01\nbasis = "b"\nconfidence = "P"\n'
    )
    result = cli("validate", str(overlay))
    # a path id that names no stage is not a new sub-stage: the id pattern says so
    assert result.exit_code == 1
    assert (
        "kampanye/apel: id ('kampanye/apel'): tidak ada tahapan di jalur ini untuk diubah; subtahapan baru ditulis di bawah tabel induknya"
        in result.stdout
    )


def test_the_answer_comes_before_the_unreadable_files(tmp_path, run):
    good = tmp_path / "ok.toml"
    good.write_text("schema = 1\n", encoding="utf-8")
    missing = tmp_path / "none.toml"
    both = ["sh", "-c", 'exec "$0" "$@" 2>&1', *installed_command()]
    merged = run("validate", str(good), str(missing), cmd=both)
    assert merged.returncode == 2
    assert merged.stdout == (
        f"{good}: ok (0 pemilu, 0 tahapan)\ntahapan: {missing}: berkas tidak ditemukan\n"
    )
