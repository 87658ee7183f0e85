"""A table of bad inputs, each with the message the user sees and the exit code (never a traceback)."""

from __future__ import annotations

import os
import sys

import pytest

from conftest import LATIHAN
from tahapan.errors import ExitCode

GOOD = LATIHAN


def _file(tmp_path, kind: str) -> str:
    path = tmp_path / f"{kind}.toml"
    if kind == "directory":
        path.mkdir()
    elif kind == "non-utf8":
        path.write_bytes(GOOD.replace("Latihan", "Latih\xe1n").encode("latin-1"))
    elif kind == "bom":
        path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "huge":
        with path.open("wb") as handle:  # 50 MB of comments: valid TOML, far too big
            line = b"# " + b"x" * 1022 + b"\n"
            for _ in range(50 * 1024):
                handle.write(line)
    elif kind == "nested":
        path.write_text("schema = 1\nx = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n")
    elif kind == "end-before-start":
        path.write_text(GOOD.replace("end = 2025-01-12", "end = 2025-01-02"))
    elif kind == "cycle":
        path.write_text(GOOD.replace("end = 2025-01-12", 'end = { after = "rapat", days = 1 }'))
    elif kind != "missing":
        raise AssertionError(kind)
    return str(path)


# (what, arguments with {file} for a prepared file, exit code, the start of stderr)
CASES = [
    ("missing file", ["validate", "{missing}"], 2, "tahapan: {missing}: berkas tidak ditemukan\n"),
    ("a directory", ["status", "--data", "{directory}"], 2,
     "tahapan: berkas tidak dapat dipakai (1 masalah):\n{directory}: ini folder, bukan berkas TOML\n"),
    ("non-UTF-8 bytes", ["status", "--data", "{non-utf8}"], 2,
     "tahapan: berkas tidak dapat dipakai (1 masalah):\n{non-utf8}:5: bukan teks UTF-8 (bita 0xe1); simpan berkas sebagai UTF-8\n"),
    ("a 50 MB file", ["validate", "{huge}"], 2,
     "tahapan: {huge}: terlalu besar (50.0 MB); berkas jadwal dibaca sampai 32 MB\n"),
    ("deeply nested tables", ["status", "--data", "{nested}"], 2,
     "tahapan: berkas tidak dapat dipakai (1 masalah):\n{nested}: tabel bersarang terlalu dalam; subtahapan paling dalam 16 tingkat\n"),
    ("end before start", ["status", "--data", "{end-before-start}"], 2,
     "tahapan: berkas tidak dapat dipakai (1 masalah):\n{end-before-start}:15: latihan/rapat: end 2025-01-02 lebih awal dari start 2025-01-10\n"),
    ("cyclic relative dates", ["status", "--data", "{cycle}"], 2,
     "tahapan: berkas tidak dapat dipakai (1 masalah):\n{cycle}:15: latihan/rapat: tanggal relatif berputar: rapat.end → rapat.end\n"),
    ("2024-02-30", ["status", "--on", "2024-02-30"], 2,
     "tahapan: tanggal tidak ada: '2024-02-30' (Februari 2024 hanya terdiri atas 29 hari)\n"),
    ("year 0", ["status", "--on", "0000-01-01"], 2,
     "tahapan: tanggal tidak ada: '0000-01-01' (tahun harus 1–9999)\n"),
    # a fuzzy parser read these as 6 Feb 2005 and 14 Feb 2014: every token must have its place
    ("1m: a week or a month?", ["check", "--within", "1m"], 2,
     "tahapan: jangka waktu tidak dikenali: '1m'\n  Tulis jumlah hari 0–3660, misalnya 7, 10 hari, atau 2 minggu.\n"),
    ("a range as one date", ["hitung", "5-6 Februari 2024"], 2,
     "tahapan: tanggal tidak dikenali: '5-6 Februari 2024'\n  Bentuk yang diterima: 2023-11-29,"),
    ("a number twice", ["status", "--on", "14 14 Feb 2024"], 2,
     "tahapan: tanggal tidak dikenali: '14 14 Feb 2024'\n"),
    ("a time after the date", ["status", "--on", "14/02/2024 08:00 WIB"], 2,
     "tahapan: tanggal tidak dikenali: '14/02/2024 08:00 WIB'\n"),
    ("a range as a start", ["stage", "add", "pemilu-2024/x", "--name", "X", "--name-en", "X",
     "--start", "5-6 Februari 2024", "--end", "2024-02-07", "--basis", "b", "--confidence", "P"], 2,
     "tahapan: tanggal tidak dikenali: '5-6 Februari 2024'\n"),
    ("unknown election", ["status", "-e", "pemilu-2034"], 2, "tahapan: pemilu tidak dikenal: 'pemilu-2034'."),
    ("unknown stage", ["show", "kampanyee", "-e", "pemilu-2024"], 2, "tahapan: tahapan tidak dikenal: 'kampanyee'."),
    ("unknown region", ["status", "-r", "atlantis"], 2, "tahapan: wilayah tidak dikenal: 'atlantis'."),
    ("unknown time zone", ["status", "--tz", "Mars/Olympus"], 2, "tahapan: zona waktu tidak dikenal: 'Mars/Olympus'\n"),
    ("--within -1", ["check", "--within", "-1"], 2, "tahapan: jangka waktu tidak dikenali: '-1'\n"),
    ("absurd --within", ["check", "--within", "99999999999999999999"], 2,
     "tahapan: jangka waktu tidak dikenali: '99999999999999999999'\n"),
    ("absurd day count", ["hitung", "2024-01-01", "+", "99999999999999999999", "hari"], 2,
     "tahapan: terlalu jauh untuk dihitung: '2024-01-01 + 99999999999999999999 hari'"),
    ("absurd H", ["status", "--on", "H-99999999", "-e", "pemilu-2024"], 2,
     "tahapan: tanggal tidak dikenali: 'H-99999999'\n"),
    ("absurd --done", ["pace", "coklit", "-e", "pilkada-2024", "--done", "1e308"], 2,
     "tahapan: --done tidak dikenali: '1e308'\n"),
    ("absurd --days", ["status", "--days", "10000000000"], 2, ""),
    ("absurd --alarm", ["calendar", "-f", "ics", "--alarm", "99999"], 2, ""),
    ("absurd --year", ["calendar", "--year", "99999"], 2, "tahapan: tahun di luar kalender: 99999\n"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "args", "code", "stderr"), CASES, ids=[c[0] for c in CASES])
def test_bad_input(cli, tmp_path, what, args, code, stderr):
    files = {}
    for arg in args:
        if arg.startswith("{") and arg.endswith("}"):
            kind = arg[1:-1]
            files[arg] = _file(tmp_path, kind)
    args = [files.get(a, a) for a in args]
    for marker, path in files.items():
        stderr = stderr.replace(marker, path)
    result = cli(*args)
    assert result.exit_code == code, result.output
    assert result.stderr.startswith(stderr), result.stderr
    assert "Traceback" not in result.output
    if code != ExitCode.INTERNAL:
        assert "kesalahan internal" not in result.stderr


def test_the_50_mb_file_leaves_the_memory_alone(tmp_path):
    """The size check happens before parsing: the reader stops after the limit."""
    from tahapan.errors import UnreadableError
    from tahapan.schedule.read import read_bytes

    huge = _file(tmp_path, "huge")
    with pytest.raises(UnreadableError):
        read_bytes(type(tmp_path)(huge))


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0,
    reason="root reads any file; permissions mean nothing",
)
def test_permission_denied(cli, tmp_path):
    path = tmp_path / "rahasia.toml"
    path.write_text(GOOD)
    path.chmod(0)
    result = cli("validate", str(path))
    assert (result.exit_code, result.stderr) == (2, f"tahapan: {path}: tidak ada izin membaca\n")


def test_permission_denied_is_reported_even_as_root(cli, tmp_path, monkeypatch):
    # root reads anything, so the refusal is simulated where the file is opened
    from pathlib import Path

    path = tmp_path / "rahasia.toml"
    path.write_text(GOOD)
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = cli("validate", str(path))
    assert (result.exit_code, result.stderr) == (2, f"tahapan: {path}: tidak ada izin membaca\n")


def test_bom_and_empty_files_are_fine(cli, tmp_path):
    assert cli("validate", _file(tmp_path, "bom")).exit_code == 0
    empty = _file(tmp_path, "empty")
    result = cli("validate", empty)
    assert (result.exit_code, result.stdout) == (0, f"{empty}: ok (0 pemilu, 0 tahapan)\n")


def test_the_exit_code_table_in_the_docs_is_the_one_in_the_code():
    from conftest import REPO

    section = (REPO / "docs" / "exit-codes.md").read_text(encoding="utf-8")
    codes = {
        int(line.split("|")[1])
        for line in section.splitlines()
        if line.startswith("| ") and line.split("|")[1].strip().isdigit()
    }
    assert codes == {int(c) for c in ExitCode}
