"""The write lock (filelock): held across read-modify-write, kept in tahapan's cache folder, given up
with a message when another run holds it too long, and imported only by the commands that write."""

from __future__ import annotations

import pytest

from conftest import packages_loaded_by
from tahapan import safefile
from tahapan.config import user_file

fcntl = pytest.importorskip("fcntl")

ADD_STAGE = (
    "stage", "add", "pemilu-2024/rapat", "--name", "Rapat", "--name-en", "Meeting",
    "--end", "2024-01-02", "--basis", "Undangan", "--confidence", "P",
)  # fmt: skip


def test_a_write_held_up_by_another_run_gives_up_with_a_message(cli, monkeypatch):
    monkeypatch.setattr(safefile, "LOCK_WAIT", 0.0)
    path = user_file()
    path.parent.mkdir(parents=True)
    path.write_text("schema = 1\n", encoding="utf-8")
    lock_path = safefile._lock_path(path)
    assert lock_path is not None and lock_path.parent.name == "locks"
    with open(lock_path, "a") as held:  # another tahapan holds the lock
        fcntl.flock(held, fcntl.LOCK_EX)
        result = cli(*ADD_STAGE)
    assert result.exit_code == 73
    assert result.stderr == (
        f"tahapan: {path} sedang ditulis oleh tahapan lain (sudah ditunggu 0 detik)\n"
        "  Tidak ada yang diubah. Tunggu proses itu selesai (atau hentikan jika macet), lalu "
        "ulangi.\n"
    )
    assert path.read_text(encoding="utf-8") == "schema = 1\n"
    left = [p.name for p in path.parent.iterdir() if p.name.startswith(("jadwal", ".jadwal"))]
    assert left == ["jadwal.toml"]  # no temporary file, no backup, no lock beside it
    assert cli(*ADD_STAGE).exit_code == 0  # released: the next run writes


def test_the_lock_library_is_loaded_only_by_commands_that_write():
    assert "filelock" not in packages_loaded_by("status", "--on", "2023-11-29")
    assert "filelock" not in packages_loaded_by("check", "--within", "7", "-q")
    assert "filelock" in packages_loaded_by(*ADD_STAGE)
