"""A rewrite keeps the file's ``user.*`` extended attributes (a tag, the address it came from, an
office's sync marker), where the system and the file system have them."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "listxattr"), reason="no extended attributes here")


def tagged(path: Path, attrs: dict[str, bytes]) -> Path:
    """``path`` with the attributes set; skips the test where the file system refuses them."""
    if not path.exists():
        path.write_text("lama\n", encoding="utf-8")
    try:
        for name, value in attrs.items():
            os.setxattr(path, name, value)
    except OSError as err:
        pytest.skip(f"this file system keeps no user attributes ({err.strerror})")
    return path


def attrs(path: Path) -> dict[str, bytes]:
    return {name: os.getxattr(path, name) for name in os.listxattr(path)}


TAGS = {"user.xdg.origin.url": b"https://kpu.example.go.id/", "user.kantor": b"arsip 2024"}


def test_an_output_written_again_keeps_its_attributes_and_so_does_its_backup(cli, tmp_path):
    out = tagged(tmp_path / "jadwal.ics", TAGS)
    before = out.stat().st_ino
    result = cli("calendar", "-e", "pilkada-2024", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_ino != before and out.read_text().startswith("BEGIN:VCALENDAR")
    assert attrs(out) == TAGS
    assert attrs(tmp_path / "jadwal.ics.bak") == TAGS


def test_the_installed_command_keeps_the_configs_attributes(cli, run):
    from tahapan.config import config_path

    assert cli("config", "set", "lang", "id", "-q").exit_code == 0
    config = tagged(config_path(), {"user.kantor": b"sinkron"})
    done = run("config", "set", "lang", "en", "-q")
    assert done.returncode == 0, done.stderr
    assert 'lang = "en"' in config.read_text(encoding="utf-8")
    assert attrs(config) == {"user.kantor": b"sinkron"}


@pytest.mark.parametrize("refusal", [errno.ENOTSUP, errno.EPERM])
def test_a_file_system_that_refuses_them_is_no_error(cli, tmp_path, monkeypatch, refusal):
    out = tagged(tmp_path / "jadwal.ics", TAGS)

    def refuse(*args, **kwargs):
        raise OSError(refusal, os.strerror(refusal))

    monkeypatch.setattr(os, "setxattr", refuse)
    result = cli("calendar", "-e", "pilkada-2024", "-o", str(out))
    assert result.exit_code == 0 and "tidak dapat" not in result.stderr
    assert out.read_text().startswith("BEGIN:VCALENDAR")
    monkeypatch.setattr(os, "listxattr", refuse)
    assert cli("calendar", "-e", "pilkada-2024", "-o", str(out)).exit_code == 0
