"""The one write path: what tahapan writes over keeps what it is (device, FIFO, symlink, mode,
owner), lock files stay out of output folders, only tahapan's own temporary files are swept, and a
write the system refuses is a message with exit 73, the old file untouched."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from tahapan.config import user_file

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
ADD = (
    "stage", "add", "pemilu-2024/rapat", "--name", "Rapat", "--name-en", "Meeting",
    "--end", "2024-01-02", "--basis", "Undangan", "--confidence", "P",
)  # fmt: skip
CALENDAR = ("calendar", "-e", "pilkada-2024", "--month", "2024-11", "-f", "json")


@pytest.mark.skipif(not ROOT, reason="making a device node needs root")
def test_a_device_stays_a_device(cli, tmp_path, monkeypatch):
    device = tmp_path / "perangkat"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a copy of /dev/null
    assert cli(*ADD, "--file", str(device)).exit_code == 0
    assert stat.S_ISCHR(os.stat(device).st_mode)
    monkeypatch.setenv("TAHAPAN_CONFIG", str(device))
    assert cli("config", "set", "lang", "en").exit_code == 0
    assert stat.S_ISCHR(os.stat(device).st_mode)


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout here")
def test_output_to_dev_stdout_in_a_pipe(run):
    """`-o /dev/stdout` in a pipeline: the link ends in a pipe with no name of its own
    (/proc/self/fd/1 -> "pipe:[…]"); the pipe is written into."""
    done = run(*CALENDAR, "-o", "/dev/stdout")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["from"] == "2024-11-01"
    assert done.stderr == "tahapan: ditulis /dev/stdout\n"


def test_a_symlinked_schedule_and_config_stay_links(cli, tmp_path, monkeypatch):
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    real, link = dotfiles / "jadwal.toml", tmp_path / "jadwal.toml"
    link.symlink_to(real)
    assert cli(*ADD, "--file", str(link)).exit_code == 0
    assert link.is_symlink() and 'id = "rapat"' in real.read_text(encoding="utf-8")
    config_real, config_link = dotfiles / "config.toml", tmp_path / "config.toml"
    config_link.symlink_to(config_real)
    monkeypatch.setenv("TAHAPAN_CONFIG", str(config_link))
    assert cli("config", "set", "lang", "en").exit_code == 0
    assert config_link.is_symlink() and 'lang = "en"' in config_real.read_text(encoding="utf-8")


def test_modes_are_kept_and_new_files_honour_the_umask(cli, tmp_path):
    out = tmp_path / "k.json"
    out.write_text("{}", encoding="utf-8")
    out.chmod(0o644)
    assert cli(*CALENDAR, "-o", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "k.json.bak").stat().st_mode) == 0o644
    shared = user_file()
    assert cli(*ADD).exit_code == 0
    shared.chmod(0o664)  # a schedule shared with the office's group
    second = [a.replace("rapat", "rapat-2") for a in ADD]
    assert cli(*second).exit_code == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664
    old = os.umask(0o022)
    try:
        assert cli(*CALENDAR, "-o", str(tmp_path / "baru.json")).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "baru.json").stat().st_mode) == 0o644  # a web server reads it


def test_a_new_config_is_private(cli, tmp_path, monkeypatch):
    config = tmp_path / "c" / "config.toml"
    monkeypatch.setenv("TAHAPAN_CONFIG", str(config))
    assert cli("config", "set", "lang", "en").exit_code == 0
    assert stat.S_IMODE(config.stat().st_mode) == 0o600  # it may hold notification tokens


def test_no_lock_file_beside_an_output_and_a_planted_one_is_not_followed(cli, tmp_path):
    tmp_path = tmp_path / "keluaran"
    tmp_path.mkdir()
    victim = tmp_path / "korban.txt"
    victim.write_text("aman", encoding="utf-8")
    (tmp_path / "k.json.lock").symlink_to(victim)
    assert cli(*CALENDAR, "-o", str(tmp_path / "k.json")).exit_code == 0
    assert victim.read_text(encoding="utf-8") == "aman"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.json", "k.json.lock", "korban.txt"]


def test_only_tahapans_own_temporary_files_are_swept(cli, tmp_path):
    others = [tmp_path / ".lain.abcdefgh.tmp", tmp_path / ".lain.abcdefgh.tahapan-tmp"]
    for other in others:
        other.write_text("punya orang lain", encoding="utf-8")
    stale = tmp_path / ".*.abcdefgh.tahapan-tmp"  # what a killed `-o '*'` would leave
    stale.write_text("sisa", encoding="utf-8")
    assert cli(*CALENDAR, "-o", str(tmp_path / "*")).exit_code == 0
    assert all(o.exists() for o in others) and not stale.exists()


def test_a_missing_folder_of_an_output_is_an_error(cli, tmp_path):
    result = cli(*CALENDAR, "-o", str(tmp_path / "tidak-ada" / "k.json"))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"tahapan: {tmp_path / 'tidak-ada' / 'k.json'} tidak dapat ditulis: folder "
        f"{tmp_path / 'tidak-ada'} tidak ada\n"
    )
    assert not (tmp_path / "tidak-ada").exists()


def test_a_folder_where_the_backup_goes(cli, tmp_path):
    out = tmp_path / "k.json"
    out.write_text("lama", encoding="utf-8")
    (tmp_path / "k.json.bak").mkdir()
    result = cli(*CALENDAR, "-o", str(out))
    assert result.exit_code == 73
    assert result.stderr.startswith(
        f"tahapan: {tmp_path / 'k.json.bak'} adalah folder; versi lama {out} tidak dapat disimpan di sana\n"
    )
    assert out.read_text(encoding="utf-8") == "lama"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EACCES, "tidak ada izin menulis"),
        (errno.EROFS, "disk hanya bisa dibaca"),
        (errno.ENOSPC, "disk penuh"),
    ],
)
def test_a_refused_write_is_exit_73_and_keeps_the_old_file(
    cli, tmp_path, monkeypatch, code, reason
):
    user = user_file()
    assert cli(*ADD).exit_code == 0
    before = user.read_bytes()

    def refuse(src, dst):
        raise OSError(code, os.strerror(code), str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    second = [a.replace("rapat", "rapat-2") for a in ADD]
    result = cli(*second)
    assert result.exit_code == 73
    assert result.stderr.startswith(f"tahapan: {user} tidak dapat ditulis: ")
    assert reason in result.stderr.splitlines()[0]
    assert "Berkas lama tidak diubah" in result.stderr
    assert user.read_bytes() == before
    assert not [p for p in user.parent.iterdir() if p.name.endswith(".tahapan-tmp")]


@pytest.mark.skipif(not ROOT, reason="changing owners needs root")
def test_root_writing_a_users_file_leaves_it_theirs(cli, tmp_path):
    out = tmp_path / "k.json"
    out.write_text("{}", encoding="utf-8")
    os.chown(out, 1234, 1234)
    assert cli(*CALENDAR, "-o", str(out)).exit_code == 0
    assert (out.stat().st_uid, out.stat().st_gid) == (1234, 1234)


@pytest.mark.parametrize(
    "args",
    [
        [
            "calendar",
            "-e",
            "pilkada-2024",
            "--month",
            "2024-11",
            "-f",
            "html",
            "-o",
            "{tmp}/k.html",
        ],
        ["export", "-e", "pilkada-2024", "-o", "{tmp}/e.toml"],
        [
            "stage",
            "add",
            "pilkada-2024/apel",
            "--name",
            "Apel",
            "--name-en",
            "Roll call",
            "--end",
            "2024-11-20",
            "--basis",
            "Surat",
            "--confidence",
            "P",
        ],
        ["config", "set", "tz", "WITA"],
    ],
    ids=["calendar", "export", "stage", "config"],
)
def test_quiet_writers_say_nothing_when_they_succeed(cli, tmp_path, args):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    loud = cli(*args)
    assert loud.exit_code == 0 and loud.stderr.startswith("tahapan: ")
    if args[0] == "stage":  # the same stage cannot be added twice
        args[2] = "pilkada-2024/apel-dua"
    quiet = cli(*args, "-q")
    assert (quiet.exit_code, quiet.stderr) == (0, "")
    # an error is still an error
    failed = cli(*args, "-q", "--lang", "xx")
    assert failed.exit_code == 2 and failed.stderr


def test_quiet_writer_in_a_subprocess(run, tmp_path):
    done = run("export", "-e", "pilkada-2024", "-o", str(tmp_path / "e.toml"), "--quiet")
    assert (done.returncode, done.stderr) == (0, "") and (tmp_path / "e.toml").is_file()
