"""What reaches a phone: a calendar's name read back whole, and `--max-days` keeping stages of
years (planning, an ad hoc body's term) out of `calendar -f ics` and `publish`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from conftest import LATIHAN

#: a background stage of eighteen months, holding a meeting of three days
LONG = (
    LATIHAN.replace('name = "Latihan"', 'name = "Pilkada; Kota, Kediri \\\\ latihan"')
    + """
[[elections.stages]]
id = "persiapan"
name = "Persiapan"
name_en = "Preparation"
start = 2024-01-01
end = 2025-06-30
basis = "Catatan kantor"
confidence = "P"

[[elections.stages.stages]]
id = "rapat-persiapan"
name = "Rapat persiapan"
name_en = "Preparatory meeting"
start = 2024-03-01
end = 2024-03-03
basis = "Undangan"
confidence = "P"
"""
)


@pytest.fixture
def latihan(tmp_path: Path) -> str:
    path = tmp_path / "latihan.toml"
    path.write_text(LONG, encoding="utf-8")
    return str(path)


def test_the_calendar_name_is_escaped_and_read_back_whole(cli, latihan):
    import icalendar
    import vobject
    from icalendar.parser import split_on_unescaped_semicolon

    text = cli("calendar", "-e", "latihan", "-f", "ics", "--data", latihan).stdout
    name = "Pilkada; Kota, Kediri \\ latihan"
    # RFC 5545 TEXT: ; , and \ escaped, or a reader takes the name for several values
    assert "X-WR-CALNAME:Pilkada\\; Kota\\, Kediri \\\\ latihan" in text.splitlines()
    assert vobject.readOne(io.StringIO(text)).x_wr_calname.value == name
    # icalendar keeps an X- property as written; its own reading of TEXT finds one value
    raw = icalendar.Calendar.from_ical(text)["X-WR-CALNAME"].to_ical().decode()
    assert split_on_unescaped_semicolon(raw) == [name]


def test_max_days_leaves_out_long_stages_and_says_how_many(cli, latihan):
    import icalendar

    asked = ("calendar", "-e", "latihan", "-f", "ics", "--data", latihan)
    every = icalendar.Calendar.from_ical(cli(*asked).stdout).walk("VEVENT")
    assert len(every) == 3
    result = cli(*asked, "--max-days", "365")
    assert result.exit_code == 0, result.stderr
    kept = [str(e["uid"]) for e in icalendar.Calendar.from_ical(result.stdout).walk("VEVENT")]
    # the meeting inside the long stage stays, with its own UID
    assert kept == [
        "latihan.rapat@tahapan.invalid",
        "latihan.persiapan.rapat-persiapan@tahapan.invalid",
    ]
    assert result.stderr == (
        "tahapan: --max-days 365: 1 tahapan yang lebih panjang dari 365 hari tidak dimuat di "
        "kalender\n"
    )
    # 547 days is not more than 547: kept
    assert (
        len(icalendar.Calendar.from_ical(cli(*asked, "--max-days", "547").stdout).walk("VEVENT"))
        == 3
    )


def test_max_days_on_the_shipped_pemilu_with_the_installed_command(run, tmp_path):
    out = tmp_path / "pemilu.ics"
    done = run("calendar", "-e", "pemilu-2024", "-o", str(out), "--max-days", "365", "--lang", "en")
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    for uid in ("perencanaan", "penyusunan-pkpu", "masa-kerja-ppk"):  # 732, 549, 457 days
        assert f"UID:pemilu-2024.{uid}@" not in text
    assert "UID:pemilu-2024.kampanye@" in text
    assert "--max-days 365: 3 stages longer than 365 days left out of the calendar" in done.stderr


@pytest.mark.parametrize("fmt", ["pdf", "term", "csv"])
def test_max_days_is_for_phone_calendars_only(cli, fmt):
    result = cli("calendar", "-e", "pemilu-2024", "-f", fmt, "--max-days", "365")
    assert result.exit_code == 2 and result.stdout == ""
    assert f"--max-days hanya untuk kalender ponsel (-f ics), bukan -f {fmt}" in result.stderr


def test_publish_leaves_them_out_remembers_and_puts_them_back(cli, tmp_path):
    site = tmp_path / "situs"
    asked = ("publish", str(site), "-e", "pemilu-2024", "-r", "35.71")

    def uids() -> str:
        return (site / "ics" / "pemilu-2024.ics").read_text(encoding="utf-8")

    first = cli(*asked, "--max-days", "365")
    assert first.exit_code == 0, first.stderr
    assert "--max-days 365: 3 tahapan yang lebih panjang dari 365 hari tidak dimuat" in first.stderr
    assert "UID:pemilu-2024.perencanaan@" not in uids()
    assert "UID:pemilu-2024.perencanaan@" not in (site / "ics/wilayah/kota-kediri.ics").read_text()
    # the schedule file stays whole: another tahapan installs it
    assert 'id = "perencanaan"' in (site / "stages.toml").read_text(encoding="utf-8")
    # a publish by hand without the option keeps the subscribers' calendars as cron made them
    again = cli(*asked)
    assert again.exit_code == 0, again.stderr
    assert "--max-days 365 seperti terbitan sebelumnya" in again.stderr
    assert "0 berkas ditulis" in again.stderr and "UID:pemilu-2024.perencanaan@" not in uids()
    back = cli(*asked, "--max-days", "0")
    assert back.exit_code == 0 and "max-days" not in back.stderr
    assert "UID:pemilu-2024.perencanaan@" in uids()
    assert "max-days" not in cli(*asked).stderr  # forgotten


def test_max_days_says_nothing_when_nothing_is_left_out(cli, tmp_path):
    done = cli(
        "calendar", "-e", "pilkada-2024", "-f", "ics", "--max-days", "100000",
        "-o", str(tmp_path / "x.ics"),
    )  # fmt: skip
    assert done.exit_code == 0
    assert "--max-days" not in done.stderr
