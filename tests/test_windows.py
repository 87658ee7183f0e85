"""What differs on Windows, tested as far as Linux allows: tahapan's folders (whose modes say
nothing there), writing without os.fchmod or os.pread, a file another program holds open, output
redirected in the ANSI code page with its "\\r\\n" line endings."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import LATIHAN, installed_command
from tahapan import folders, history, safefile

CALENDAR = ("calendar", "-e", "pilkada-2024", "--month", "2024-11", "-f", "json")


class _WindowsModes:
    """``os`` as tahapan.folders sees it on Windows: every folder reports mode 0o777."""

    def __getattr__(self, name: str):
        return getattr(os, name)

    @staticmethod
    def lstat(path):
        info = os.lstat(path)
        return SimpleNamespace(st_mode=info.st_mode | 0o777, st_uid=info.st_uid, st_reparse_tag=0)


class _Without:
    """``os`` without a function Windows lacks, as one module sees it."""

    def __init__(self, missing: str) -> None:
        self.missing = missing

    def __getattr__(self, name: str):
        if name == self.missing:
            raise AttributeError(name)
        return getattr(os, name)


@pytest.fixture
def windows(monkeypatch):
    """tahapan's own view of the platform is Windows (the rest of Python stays on Linux)."""
    monkeypatch.setattr(folders, "WINDOWS", True, raising=False)
    monkeypatch.setattr(folders, "os", _WindowsModes())


def test_on_windows_the_history_and_lock_folders_are_used(cli, windows, tmp_path):
    """Windows reports 0o777 for every folder: read as "others may write", tahapan had no history
    (`check --changes` failed) and no write lock there."""
    first = cli("check", "--changes")
    assert first.exit_code == 0, first.stderr
    assert "pemeriksaan pertama" in first.stderr
    assert (tmp_path / "data" / "tahapan" / "riwayat" / "state.json").is_file()
    assert safefile._lock_path(tmp_path / "x.json") is not None


def test_on_linux_a_folder_others_may_write_is_still_refused(cli, tmp_path):
    data = tmp_path / "data" / "tahapan"
    data.mkdir(parents=True)
    data.chmod(0o777)
    result = cli("check", "--changes")
    assert result.exit_code == 73
    assert not (data / "riwayat").exists()


def test_a_junction_is_refused_as_a_symlink_is(monkeypatch, tmp_path):
    monkeypatch.setattr(folders, "WINDOWS", True, raising=False)
    junction = SimpleNamespace(st_mode=0o40777, st_uid=0, st_reparse_tag=0xA0000003)
    onedrive = SimpleNamespace(st_mode=0o40777, st_uid=0, st_reparse_tag=0x9000601A)
    import stat

    for info, private in ((junction, False), (onedrive, True)):
        monkeypatch.setattr(folders.os, "lstat", lambda _p, info=info: info)
        assert folders.is_private(tmp_path, stat.S_ISDIR) is private


def test_writing_without_fchmod(cli, monkeypatch, tmp_path):
    """Python before 3.13 has no os.fchmod on Windows: every write failed with an internal error."""
    monkeypatch.setattr(safefile, "os", _Without("fchmod"))
    out = tmp_path / "k.json"
    result = cli(*CALENDAR, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["from"] == "2024-11-01"


def _held_open(monkeypatch, path: Path, times: int) -> list[float]:
    """Replacing ``path`` refused ``times`` times, as Windows refuses a file Excel holds open."""
    real = os.replace
    refused = iter(range(times))
    pauses: list[float] = []

    def replace(src, dst):
        if Path(dst) == path and next(refused, None) is not None:
            raise PermissionError(errno.EACCES, "Access is denied", str(dst))
        real(src, dst)

    monkeypatch.setattr(folders, "WINDOWS", True, raising=False)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(safefile.time, "sleep", pauses.append)
    return pauses


def test_a_file_held_open_for_a_moment_is_written(cli, monkeypatch, tmp_path):
    out = tmp_path / "k.json"
    out.write_text("{}", encoding="utf-8")
    pauses = _held_open(monkeypatch, out, times=2)
    result = cli(*CALENDAR, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["from"] == "2024-11-01"
    assert len(pauses) == 2


def test_a_file_kept_open_by_another_program_is_named(cli, monkeypatch, tmp_path):
    (tmp_path / "keluaran").mkdir()
    out = tmp_path / "keluaran" / "k.csv"
    out.write_text("lama", encoding="utf-8")
    _held_open(monkeypatch, out, times=100)
    result = cli("export", "-f", "csv", "-o", str(out))
    assert result.exit_code == 73
    assert result.stderr == (
        f"tahapan: {out} tidak dapat ditulis: tidak ada izin menulis {out}, "
        "atau berkas itu sedang dibuka program lain (mis. Excel atau pembaca PDF); tutup dulu\n"
        "  Berkas lama tidak diubah. Periksa izin dan ruang disk, atau pilih tempat lain.\n"
    )
    assert out.read_text(encoding="utf-8") == "lama"
    # no temporary file left; the backup of the old one is there
    assert sorted(p.name for p in out.parent.iterdir()) == ["k.csv", "k.csv.bak"]


def test_the_history_is_appended_without_pread(cli, monkeypatch, tmp_path):
    """os.pread is POSIX only: the second change recorded failed on Windows."""
    monkeypatch.setattr(history, "os", _Without("pread"))
    own = tmp_path / "kantor.toml"
    own.write_text(LATIHAN, encoding="utf-8")
    cli("changes", "--data", str(own))
    for end in ("2025-01-13", "2025-01-14"):
        own.write_text(LATIHAN.replace("end = 2025-01-12", f"end = {end}"), encoding="utf-8")
        moved = cli("changes", "--data", str(own), "--json")
        assert moved.exit_code == 1, moved.stderr
    log = (tmp_path / "data" / "tahapan" / "riwayat" / "history.jsonl").read_bytes()
    assert len(log.splitlines()) == 2 and b"\r" not in log


# Windows gives output redirected to a file or pipe the ANSI code page (cp1252) and a text layer
# that writes "\n" as "\r\n"; this entry point stands in for it on Linux.
_WINDOWS_STDOUT = (
    "import io, sys; "
    "sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding='cp1252', newline='\\r\\n'); "
    "from tahapan.cli import main; sys.argv = ['tahapan', *sys.argv[1:]]; main()"
)


def _redirected_on_windows(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", _WINDOWS_STDOUT, *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def test_a_csv_and_an_ics_redirected_on_windows_keep_their_bytes(tmp_path):
    """`tahapan export -f csv > jadwal.csv` on Windows: CSV rows and ICS lines end in "\\r\\n",
    not "\\r\\r\\n" (a blank row after each), and are UTF-8, not "?" for every arrow."""
    own = tmp_path / "kantor.toml"
    own.write_text(LATIHAN.replace("Rapat koordinasi", "Rapat PPK → PPS"), encoding="utf-8")
    for command in ("export", "calendar"):
        format = "ics" if command == "calendar" else "csv"
        done = _redirected_on_windows(command, "-f", format, "-e", "latihan", "--data", str(own))
        assert done.returncode == 0, done.stderr
        assert b"\r\r\n" not in done.stdout and done.stdout.count(b"\n") == done.stdout.count(
            b"\r\n"
        )
        assert "Rapat PPK → PPS" in done.stdout.decode("utf-8")
    done = _redirected_on_windows("status", "--on", "2023-11-29", "--json")
    assert json.loads(done.stdout.decode("utf-8"))["date"] == "2023-11-29"


def _installed(*args: str, encoding: str) -> str:
    done = subprocess.run(
        [*installed_command(), *args],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": encoding},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.decode(encoding)


def test_a_cp1252_stdout_gets_bars_it_can_show():
    """The status view's bars are blocks cp1252 lacks: they were twelve "?" in a row."""
    shown = _installed("status", "--on", "2023-11-29", "-e", "pemilu-2024", encoding="cp1252")
    line = next(x for x in shown.splitlines() if "Masa Kampanye Pemilu" in x)
    assert "?" not in line and "#" in line and "-" in line
    assert "Rabu, 29 November 2023  ·  WIB" in shown  # cp1252 has the middle dot


def test_an_ascii_stdout_gets_lookalikes_of_the_same_width():
    shown = _installed(
        "show", "kampanye", "-e", "pemilu-2024", "--on", "2023-11-29", encoding="ascii"
    )
    assert "| H            H-78 . H-4" in shown
    box = [x for x in shown.splitlines() if x.startswith(("|", "+"))]
    assert len({len(x) for x in box}) == 1  # the box stays square


def test_folders_on_windows_are_platformdirs_local_appdata():
    """Where the files are on Windows (documented): config, own schedule and history under
    %LOCALAPPDATA%\\tahapan, the cache (and locks) in its Cache folder."""
    import platformdirs.windows as pw

    local = "C:\\Users\\siti\\AppData\\Local"
    env = {"WIN_PD_OVERRIDE_LOCAL_APPDATA": local}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        dirs = pw.Windows("tahapan", appauthor=False)
        assert Path(dirs.user_config_dir) == Path(dirs.user_data_dir) == Path(local, "tahapan")
        assert Path(dirs.user_cache_dir) == Path(local, "tahapan", "Cache")


def _registry(zone: str) -> SimpleNamespace:
    """winreg as a machine set to ``zone`` in Windows Settings answers."""

    class Key:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    return SimpleNamespace(
        HKEY_LOCAL_MACHINE=object(),
        OpenKey=lambda root, path: Key(),
        QueryValueEx=lambda key, name: (zone, 1) if name == "TimeZoneKeyName" else None,
    )


@pytest.mark.parametrize(
    ("windows_zone", "shown"),
    [
        ("Singapore Standard Time", "WITA (Asia/Makassar)"),  # what an office in Makassar picks
        ("Tokyo Standard Time", "WIT (Asia/Jayapura)"),
        ("SE Asia Standard Time", "WIB (Asia/Jakarta)"),
        ("Pacific Standard Time", "WIB (Asia/Jakarta)"),  # not Indonesian: the default
    ],
)
def test_on_windows_today_is_in_the_zone_windows_is_set_to(cli, monkeypatch, windows_zone, shown):
    """Windows has no TZ and no /etc/localtime: its registry names the zone."""
    monkeypatch.delenv("TZ")
    monkeypatch.setattr(folders, "WINDOWS", True, raising=False)
    monkeypatch.setitem(sys.modules, "winreg", _registry(windows_zone))
    monkeypatch.setenv("TAHAPAN_NOW", "2024-02-13T16:30:00Z")  # 23:30 WIB, 00:30 WITA
    result = cli("status", "-e", "pemilu-2024", "--json")
    assert result.exit_code == 0, result.stderr
    day = "2024-02-13" if shown.startswith("WIB") else "2024-02-14"
    assert json.loads(result.stdout)["date"] == day
    assert shown in cli("status", "-e", "pemilu-2024").stdout
