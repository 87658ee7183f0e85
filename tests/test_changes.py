"""Schedules that change: `tahapan changes`, the history behind it, `check --changes`, and the
SEQUENCE of iCalendar events."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from conftest import LATIHAN, installed_command
from tahapan.days.diff import diff, fingerprint
from tahapan.model import Election, Stage

#: LATIHAN with its meeting moved two days later over a weekend, and a stage added
MOVED = (
    LATIHAN.replace("start = 2025-01-10\nend = 2025-01-12", "start = 2025-01-10\nend = 2025-01-14")
    .replace('basis = "Undangan"', 'basis = "Undangan revisi"')
    .replace("schema = 1\n", "schema = 1\nrevision = 2025-01-05\n")
    + """
[[elections.stages]]
id = "apel"
name = "Apel siaga"
name_en = "Readiness parade"
start = 2025-02-20
end = 2025-02-20
basis = "Surat edaran"
confidence = "1S"
"""
)


def _overlay(tmp_path: Path, end: str, basis: str = "PKPU 99/2024") -> Path:
    """Pilkada 2024's campaign ending on ``end``, by an office's overlay file."""
    path = tmp_path / "kantor.toml"
    path.write_text(
        f"""schema = 1
[[elections]]
id = "pilkada-2024"
[[elections.stages]]
id = "kampanye"
end = {end}
basis = "{basis}"
confidence = "P"
""",
        encoding="utf-8",
    )
    return path


def _stage(id: str, start: date | None, end: date, **kw) -> Stage:
    return Stage(
        **{
            "id": id,
            "name": id,
            "name_en": id,
            "start": start,
            "end": end,
            "basis": "b",
            "confidence": "2S",
            **kw,
        }
    )


def _election(*stages: Stage, day: date = date(2025, 3, 1)) -> Election:
    return Election(id="e", name="E", name_en="E", voting_day=day, basis="b", stages=stages)


# ------------------------------------------------------------------------------------ the diff


def test_diff_says_each_kind_of_change_once():
    child = _stage("anak", date(2025, 1, 2), date(2025, 1, 3))
    old = _election(
        _stage("a", date(2025, 1, 1), date(2025, 1, 5)),
        _stage("b", None, date(2025, 1, 9)),
        _stage("c", date(2025, 1, 1), date(2025, 1, 5), stages=(child,)),
    )
    new = _election(
        _stage("a", date(2025, 1, 3), date(2025, 1, 7)),  # moved two days later
        _stage("b", None, date(2025, 1, 9), held=False, confidence="1S"),
        _stage("d", date(2025, 2, 1), date(2025, 2, 2), stages=(child,)),  # c out, d in
        day=date(2025, 3, 2),
    )
    found = {(d.path, d.kind): d for d in diff(fingerprint([old]), fingerprint([new]))}
    assert set(found) == {
        ("", "changed"),
        ("a", "changed"),
        ("b", "changed"),
        ("c", "removed"),
        ("d", "added"),
    }
    # a sub-stage that comes and goes with its parent is said with the parent, not again
    assert ("c/anak", "removed") not in found and ("d/anak", "added") not in found
    moved = found[("a", "changed")]
    assert [(f.key, f.old, f.new, f.shift) for f in moved.fields] == [
        ("start", "2025-01-01", "2025-01-03", 2),
        ("end", "2025-01-05", "2025-01-07", 2),
    ]
    held = found[("b", "changed")]
    assert [(f.key, f.old, f.new) for f in held.fields] == [
        ("held", True, False),
        ("confidence", "2S", "1S"),
    ]
    assert held.moves_dates and not _only_basis().moves_dates
    assert found[("", "changed")].field("voting_day").shift == 1
    assert diff(fingerprint([new]), fingerprint([new])) == []


def _only_basis():
    old = _election(_stage("a", date(2025, 1, 1), date(2025, 1, 5)))
    new = _election(Stage(**{**_fields(old.stages[0]), "basis": "lain"}))
    [change] = diff(fingerprint([old]), fingerprint([new]))
    return change


def _fields(stage: Stage) -> dict:
    return {name: getattr(stage, name) for name in stage.__dataclass_fields__}


def test_an_election_added_or_removed_is_one_change():
    a = _election(_stage("x", None, date(2025, 1, 1)))
    changes = diff({}, fingerprint([a]))
    assert [(c.election, c.path, c.kind) for c in changes] == [("e", "", "added")]
    changes = diff(fingerprint([a]), {})
    assert [(c.election, c.path, c.kind) for c in changes] == [("e", "", "removed")]


# ----------------------------------------------------------------------- changes OLD NEW


def test_changes_between_two_files(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # the temporary paths are long; no line wraps here
    old, new = tmp_path / "lama.toml", tmp_path / "baru.toml"
    old.write_text(LATIHAN, encoding="utf-8")
    new.write_text(MOVED, encoding="utf-8")
    result = cli("changes", str(old), str(new))
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        f"Perubahan jadwal: {old} → {new} (revisi 2025-01-05)",
        "Latihan (latihan)",
        "  diubah: Rapat koordinasi",
        "    lama: 10 Jan – 12 Jan 2025",
        "    baru: 10 Jan – 14 Jan 2025 (tanggal akhir diundur 2 hari)",
        "    dasar hukum: “Undangan” → “Undangan revisi”",
        "  ditambahkan: Apel siaga, 20 Feb 2025",
        "    dasar hukum: Surat edaran",
        "2 perubahan.",
    ]
    same = cli("changes", str(old), str(old))
    assert (same.exit_code, same.stdout.splitlines()[-1]) == (0, "Tidak ada perubahan.")


def test_changes_fit_a_narrow_terminal(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    old, new = tmp_path / "a.toml", tmp_path / "b.toml"
    old.write_text(LATIHAN, encoding="utf-8")
    new.write_text(MOVED, encoding="utf-8")
    lines = cli("changes", str(old), str(new), "--lang", "en").stdout.splitlines()
    # a long line goes on under its own indent; a date range is never split
    assert "    now: 10 Jan – 14 Jan 2025 (ends 2" in lines
    assert "      days later)" in lines
    assert all(len(line) <= 40 for line in lines if str(tmp_path) not in line)


def test_changes_json_is_the_same_in_both_languages(cli, tmp_path):
    old, new = tmp_path / "lama.toml", tmp_path / "baru.toml"
    old.write_text(LATIHAN, encoding="utf-8")
    new.write_text(MOVED, encoding="utf-8")
    id_json = json.loads(cli("changes", str(old), str(new), "--json").stdout)
    en_json = json.loads(cli("changes", str(old), str(new), "--json", "--lang", "en").stdout)
    assert id_json == en_json
    assert id_json["schema"] == 1 and id_json["mode"] == "files" and id_json["count"] == 2
    assert id_json["new"]["revision"] == "2025-01-05" and id_json["old"]["revision"] is None
    moved, added = id_json["changes"]
    assert moved["stage"] == "rapat" and moved["change"] == "changed" and moved["moves_dates"]
    # Sunday 12 -> Tuesday 14 January 2025: two days, one of them a working day (Monday 13)... and 14
    assert moved["fields"][0] == {
        "field": "end",
        "old": "2025-01-12",
        "new": "2025-01-14",
        "shift_days": 2,
        "shift_working_days": 2,
    }
    assert moved["fields"][1] == {"field": "basis", "old": "Undangan", "new": "Undangan revisi"}
    assert (added["stage"], added["change"], added["start"], added["end"]) == (
        "apel",
        "added",
        "2025-02-20",
        "2025-02-20",
    )


def test_working_days_of_a_move_skip_the_weekend(cli, tmp_path):
    old, new = tmp_path / "lama.toml", tmp_path / "baru.toml"
    old.write_text(LATIHAN, encoding="utf-8")
    # Friday 10 -> Monday 13 January 2025: three days later, one working day
    new.write_text(
        LATIHAN.replace(
            "start = 2025-01-10\nend = 2025-01-12", "start = 2025-01-13\nend = 2025-01-13"
        ),
        encoding="utf-8",
    )
    data = json.loads(cli("changes", str(old), str(new), "--json").stdout)
    start, end = data["changes"][0]["fields"]
    assert (start["shift_days"], start["shift_working_days"]) == (3, 1)
    assert (end["shift_days"], end["shift_working_days"]) == (1, 1)
    text = cli("changes", str(old), str(new), "--lang", "en").stdout
    assert "(starts 3 days later, 1 working day; ends 1 day later)" in text


def test_changes_refuses_one_file_and_names_a_bad_one(cli, tmp_path):
    good = tmp_path / "lama.toml"
    good.write_text(LATIHAN, encoding="utf-8")
    one = cli("changes", str(good))
    assert one.exit_code == 2 and "perlu dua berkas (LAMA dan BARU); yang diberikan 1" in one.stderr
    bad = tmp_path / "rusak.toml"
    bad.write_text(LATIHAN.replace("end = 2025-01-12", "end = 2025-01-01"), encoding="utf-8")
    result = cli("changes", str(good), str(bad))
    assert result.exit_code == 2 and result.stdout == ""
    assert (
        f"{bad}:15: latihan/rapat: end 2025-01-01 lebih awal dari start 2025-01-10" in result.stderr
    )
    missing = cli("changes", str(good), str(tmp_path / "tidak-ada.toml"))
    assert missing.exit_code == 2 and "tidak-ada.toml" in missing.stderr


# ------------------------------------------------------------------- the history: changes alone


def test_changes_alone_reports_each_change_once(cli, tmp_path):
    first = cli("changes")
    assert first.exit_code == 0
    assert (
        "Pemeriksaan pertama: jadwal yang berlaku sekarang disimpan sebagai acuan." in first.stdout
    )
    assert "Tidak ada perubahan baru sejak pemeriksaan terakhir" in cli("changes").stdout
    office = _overlay(tmp_path, "2024-11-20")
    seen = cli("changes", "--data", str(office))
    assert seen.exit_code == 1
    lines = seen.stdout.splitlines()
    assert lines[1:6] == [
        "Pilkada Serentak 2024 (pilkada-2024)",
        "  diubah: Pelaksanaan kampanye",
        "    lama: 25 Sep – 23 Nov 2024",
        "    baru: 25 Sep – 20 Nov 2024 (tanggal akhir dimajukan 3 hari, 2 hari kerja)",
        "    dasar hukum: “PKPU 2/2024” → “PKPU 99/2024”",
    ]
    assert lines[6:8] == [
        "    kepastian: 2S → P",
        "    dicatat 29 Nov 2023 08.00 WIB; berkas jadwal diubah di luar tahapan",
    ]
    again = cli("changes", "--data", str(office))
    assert again.exit_code == 0
    assert "Tidak ada perubahan baru sejak pemeriksaan terakhir" in again.stdout
    everything = json.loads(cli("changes", "--data", str(office), "--all", "--json").stdout)
    assert [c["n"] for c in everything["changes"]] == [1]
    assert everything["changes"][0]["by"] == "berkas"


def test_changes_narrowed_to_an_election(cli, tmp_path):
    cli("changes")
    office = _overlay(tmp_path, "2024-11-20")
    other = cli("changes", "--data", str(office), "-e", "pemilu-2024", "--json")
    assert json.loads(other.stdout)["changes"] == [] and other.exit_code == 0
    mine = cli("changes", "--data", str(office), "-e", "pilkada-2024", "--json")
    assert [c["stage"] for c in json.loads(mine.stdout)["changes"]] == ["kampanye"]


def test_an_edit_is_recorded_under_its_command(cli):
    cli("changes")
    edit = cli(
        "stage",
        "set",
        "kampanye",
        "-e",
        "pilkada-2024",
        "--end",
        "2024-11-22",
        "--basis",
        "PKPU 99/2024",
        "--confidence",
        "P",
    )
    assert edit.exit_code == 0, edit.output
    shown = cli("changes", "--json")
    [change] = json.loads(shown.stdout)["changes"]
    assert change["by"] == "tahapan stage set"
    assert change["fields"][0]["new"] == "2024-11-22"


def test_a_first_look_after_an_edit_still_shows_the_edit(cli):
    # the history is first taken by the edit itself: a reader that never looked reads it all
    edit = cli(
        "stage",
        "set",
        "kampanye",
        "-e",
        "pilkada-2024",
        "--end",
        "2024-11-22",
        "--basis",
        "x",
        "--confidence",
        "P",
    )
    assert edit.exit_code == 0, edit.output
    result = cli("check", "--changes")
    assert result.exit_code == 1
    assert "25 Sep – 23 Nov 2024 → 25 Sep – 22 Nov 2024" in result.stdout


# ---------------------------------------------------------------------------- check --changes


def test_check_changes_for_cron(cli, tmp_path):
    first = cli("check", "--changes")
    assert (first.exit_code, first.stdout) == (0, "")
    assert (
        "pemeriksaan pertama; jadwal yang berlaku sekarang disimpan sebagai acuan" in first.stderr
    )
    office = _overlay(tmp_path, "2024-11-20")
    moved = cli("check", "--changes", "--data", str(office))
    assert moved.exit_code == 1
    assert moved.stdout == (
        "Pilkada Serentak 2024 · diubah: Pelaksanaan kampanye 25 Sep – 23 Nov 2024 → 25 Sep – 20 "
        "Nov 2024 (tanggal akhir dimajukan 3 hari, 2 hari kerja) · dasar hukum: “PKPU 2/2024” → "
        "“PKPU 99/2024” · kepastian: 2S → P\n"
    )
    quiet = cli("check", "--changes", "--data", str(office))
    assert (quiet.exit_code, quiet.stdout) == (0, "")


def test_check_changes_with_within_exit_codes(cli, tmp_path):
    cli("check", "--changes")
    office = _overlay(tmp_path, "2024-11-20")
    # a change and a deadline: 1; both lists in the JSON
    both = cli(
        "check", "--changes", "--within", "7", "--on", "2024-11-18", "--data", str(office), "--json"
    )
    data = json.loads(both.stdout)
    assert both.exit_code == 1 and not data["ok"]
    assert [c["stage"] for c in data["changes"]] == ["kampanye"] and data["events"]
    # the change was reported: a deadline alone still says 1
    due = cli("check", "--changes", "--within", "7", "--on", "2024-11-18", "--data", str(office))
    assert (
        due.exit_code == 1
        and "Pelaksanaan kampanye" in due.stdout
        and " · diubah: " not in due.stdout
    )
    # nothing due and nothing changed: 0
    calm = cli("check", "--changes", "--within", "7", "--on", "2024-01-05", "--data", str(office))
    assert (calm.exit_code, calm.stdout) == (0, "")
    wrong = cli("check", "--changes", "--active", "kampanye")
    assert wrong.exit_code == 2 and "--changes (boleh bersama --within/--remind)" in wrong.stderr


def test_a_failed_notification_is_sent_again(cli, tmp_path):
    cli("check", "--changes")
    office = _overlay(tmp_path, "2024-11-20")
    # port 9 (discard) on loopback refuses: the send fails, exit 75, the change stays unreported
    failed = cli("check", "--changes", "--data", str(office), "--notify", "json://127.0.0.1:9/x")
    assert failed.exit_code == 75
    assert "Pelaksanaan kampanye" in failed.stdout
    again = cli("check", "--changes", "--data", str(office))
    assert again.exit_code == 1 and "Pelaksanaan kampanye" in again.stdout
    assert cli("check", "--changes", "--data", str(office)).exit_code == 0


def test_check_changes_through_the_installed_command(tmp_path):
    import os

    env = {**os.environ, "TAHAPAN_NOW": "2023-11-29T08:00:00+07:00"}
    run = [*installed_command(), "check", "--changes"]
    assert subprocess.run(run, env=env, capture_output=True).returncode == 0
    office = _overlay(tmp_path, "2024-11-21")
    moved = subprocess.run(
        [*run, "--data", str(office), "--lang", "en"], env=env, capture_output=True, text=True
    )
    assert moved.returncode == 1
    assert moved.stdout == (
        "2024 Simultaneous Regional Elections · changed: Campaign period 25 Sep – 23 Nov 2024 → "
        "25 Sep – 21 Nov 2024 (ends 2 days earlier, 1 working day) · basis: “PKPU 2/2024” → "
        "“PKPU 99/2024” · confidence: 2S → P\n"
    )
    assert (
        subprocess.run([*run, "--data", str(office)], env=env, capture_output=True).returncode == 0
    )


# ------------------------------------------------------------------------------ iCalendar


def _events(text: str) -> dict[str, object]:
    import icalendar

    return {str(e["uid"]): e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}


def test_sequence_grows_only_when_dates_change(cli, tmp_path):
    args = ("calendar", "-f", "ics", "-e", "pilkada-2024")
    first = cli(*args).stdout
    assert cli(*args).stdout == first  # the same input, the same file: DTSTAMP is no clock's
    uid = "pilkada-2024.kampanye@tahapan.invalid"
    before = _events(first)[uid]
    assert int(before["sequence"]) == 0
    assert before["last-modified"].dt.isoformat() == "2026-12-06T00:00:00+00:00"  # the revision
    office = _overlay(tmp_path, "2024-11-20")
    moved = _events(cli(*args, "--data", str(office)).stdout)
    assert int(moved[uid]["sequence"]) == 1
    assert moved[uid]["dtend"].dt == date(2024, 11, 21)
    quiet = "pilkada-2024.masa-tenang@tahapan.invalid"
    assert int(moved[quiet]["sequence"]) == 0  # a stage that did not move keeps its number
    # the basis alone changing is not a move: the number stays
    reworded = _overlay(tmp_path, "2024-11-20", basis="PKPU 100/2024")
    assert int(_events(cli(*args, "--data", str(reworded)).stdout)[uid]["sequence"]) == 1
    # moved back: the number grows again (a phone must take the old dates back)
    assert int(_events(cli(*args).stdout)[uid]["sequence"]) == 2


def test_documented_changes_count_in_the_sequence(cli):
    events = _events(cli("calendar", "-f", "ics", "-e", "psu-2025-04-16").stdout)
    vote = events["psu-2025-04-16.pemungutan-suara-ulang@tahapan.invalid"]
    assert int(vote["sequence"]) == 1  # 19 -> 16 April 2025, in the shipped data
    assert vote["dtstart"].dt == date(2025, 4, 16)


# ------------------------------------------------------------------------ the data's own fields


def test_validate_checks_documented_changes(cli, tmp_path):
    path = tmp_path / "ubah.toml"
    path.write_text(
        LATIHAN.replace(
            'basis = "Catatan kantor"\n',
            'basis = "Catatan kantor"\n\n[[elections.changes]]\nstage = "rapat-besar"\n'
            'old_start = 2025-01-20\nold_end = 2025-01-15\nsummary = "Rapat dimajukan"\n'
            'summary_en = "Meeting moved"\nbasis = "Surat"\nconfidence = "P"\n',
        ),
        encoding="utf-8",
    )
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert "changes: tahapan 'rapat-besar' tidak ada di pemilu ini" in result.stdout + result.stderr
    assert (
        "changes: old_end 2025-01-15 lebih awal dari old_start 2025-01-20"
        in result.stdout + result.stderr
    )
    path.write_text(
        LATIHAN.replace("schema = 1\n", 'schema = 1\nrevision = "kemarin"\n'), encoding="utf-8"
    )
    result = cli("validate", str(path))
    assert result.exit_code == 1 and "revision" in result.stdout + result.stderr


def test_help_names_the_new_commands(cli):
    result = cli("--help")
    assert "changes" in result.stdout and "perubahan" in result.stdout and "data" in result.stdout
    assert "Tanpa berkas" in cli("changes", "--help").stdout.replace("\n  ", " ")


def test_an_import_over_your_own_file_is_recorded(cli, tmp_path, monkeypatch):
    mine = tmp_path / "jadwal.toml"
    monkeypatch.setenv("TAHAPAN_USER_FILE", str(mine))
    assert (
        cli(
            "stage",
            "add",
            "-e",
            "pilkada-2024",
            "rapat-pleno",
            "--name",
            "Rapat pleno",
            "--name-en",
            "Plenary",
            "--start",
            "2024-10-01",
            "--end",
            "2024-10-02",
            "--basis",
            "Undangan",
            "--confidence",
            "P",
        ).exit_code
        == 0
    )
    cli("changes")
    rows = tmp_path / "baris.csv"
    assert cli("export", "-f", "csv", "-e", "pilkada-2024", "-o", str(rows)).exit_code == 0
    text = rows.read_text(encoding="utf-8").replace("2024-10-02,2,", "2024-10-04,4,")
    rows.write_text(text, encoding="utf-8")
    done = cli("import", str(rows), "-o", str(mine))
    assert done.exit_code == 0, done.output
    [change] = json.loads(cli("changes", "--json").stdout)["changes"]
    assert (change["stage"], change["by"]) == ("rapat-pleno", "tahapan import")
    assert change["fields"][0] == {
        "field": "end",
        "old": "2024-10-02",
        "new": "2024-10-04",
        "shift_days": 2,
        "shift_working_days": 2,
    }


def test_recorded_times_are_shown_in_the_officers_zone(cli, tmp_path):
    cli("changes")
    office = _overlay(tmp_path, "2024-11-20")
    cli("changes", "--data", str(office))  # recorded at the pinned now: 08.00 WIB
    shown = cli("changes", "--data", str(office), "--all", "--tz", "WITA").stdout
    assert "dicatat 29 Nov 2023 09.00 WITA; berkas jadwal diubah di luar tahapan" in shown
    english = cli("changes", "--data", str(office), "--all", "--tz", "WIT", "--lang", "en").stdout
    assert "recorded 29 Nov 2023 10:00 WIT; a schedule file changed outside tahapan" in english


# ------------------------------------------------------------------- a damaged history


def _riwayat(tmp_path: Path) -> Path:
    return tmp_path / "data" / "tahapan" / "riwayat"


def test_a_half_written_last_line_does_not_swallow_the_next_change(cli, tmp_path):
    cli("changes")
    office = _overlay(tmp_path, "2024-11-21")
    assert cli("changes", "--data", str(office)).exit_code == 1
    log = _riwayat(tmp_path) / "history.jsonl"
    log.write_bytes(log.read_bytes() + b'{"n": 2, "at": "2026-')  # a writer killed mid-line
    moved = _overlay(tmp_path, "2024-11-20")
    result = cli("changes", "--data", str(moved), "--json")
    [change] = json.loads(result.stdout)["changes"]
    assert change["fields"][0]["new"] == "2024-11-20" and result.exit_code == 1


def test_a_damaged_snapshot_is_said_not_silently_rebased(cli, tmp_path):
    cli("check", "--changes")
    (_riwayat(tmp_path) / "snapshot.json").write_text("garbage")
    office = _overlay(tmp_path, "2024-11-20")
    result = cli("check", "--changes", "--data", str(office))
    assert result.exit_code == 1
    assert "acuan riwayat rusak atau hilang" in result.stdout
    # taken again: the next run compares with the new baseline
    assert cli("check", "--changes", "--data", str(office)).exit_code == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "state.json",
            '{"format": 1, "key": "k", "last": "n", "taken": "2026-12-06T00:00:00Z", "seen": {}}',
        ),
        ("state.json", '{"format": 1, "key": "k", "last": 1e400, "seen": []}'),
        ("state.json", '{"format": 1, "key": "k", "last": 0, "taken": 5, "seen": {}}'),
        ("snapshot.json", '{"elections": {"pilkada-2024": []}}'),
        (
            "snapshot.json",
            '{"elections": {"pilkada-2024": {"kampanye": {"start": "x", "end": 1}}}}',
        ),
        ("history.jsonl", '{"n": 1e400, "at": "2026-12-06T00:00:00Z"}\n'),
        (
            "history.jsonl",
            '{"n": 1, "at": "2026-01-01T00:00:00", "by": "b", "election": "pilkada-2024", "path": "kampanye", "kind": "changed", "old": null, "new": null, "election_name": "x", "election_name_en": "x", "fields": [["end", "x", 1]]}\n',
        ),
        (
            "history.jsonl",
            '{"n": 1, "at": "2026-01-01T00:00:00Z", "by": "b", "election": "pilkada-2024", "path": "kampanye", "kind": "bogus", "old": null, "new": null, "election_name": "x", "election_name_en": "x", "fields": []}\n',
        ),
    ],
)
def test_history_files_of_another_shape_never_crash(cli, tmp_path, name, content):
    cli("changes")
    (_riwayat(tmp_path) / name).write_text(content)
    for args in (
        ("changes",),
        ("changes", "--all"),
        ("check", "--changes"),
        ("calendar", "-f", "ics", "-e", "pilkada-2024"),
    ):
        result = cli(*args)
        assert result.exit_code in (0, 1), (args, result.output)
        assert "internal" not in result.stderr and "internal" not in result.stdout


def test_a_history_that_cannot_be_kept_still_lets_the_deadlines_out(cli, tmp_path):
    riwayat = _riwayat(tmp_path)
    riwayat.parent.mkdir(parents=True)
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    riwayat.symlink_to(elsewhere)  # refused: the history is kept only in the user's own folder
    result = cli("check", "--changes", "--within", "7", "--on", "2024-11-18")
    assert result.exit_code == 73
    assert "pilkada-2024\tkampanye\tberakhir" in result.stdout
    assert "riwayat jadwal tidak dapat disimpan" in result.stderr
    assert list(elsewhere.iterdir()) == []


# ------------------------------------------------------------------- found by a code review


def test_a_move_earlier_over_a_weekend_counts_its_working_days(cli, tmp_path):
    old, new = tmp_path / "lama.toml", tmp_path / "baru.toml"
    old.write_text(LATIHAN.replace("end = 2025-01-12", "end = 2025-01-13"), encoding="utf-8")
    # Monday 13 -> Friday 10 January 2025: three days earlier, one working day (Monday 13 itself)
    new.write_text(LATIHAN.replace("end = 2025-01-12", "end = 2025-01-10"), encoding="utf-8")
    [moved] = json.loads(cli("changes", str(old), str(new), "--json").stdout)["changes"]
    assert moved["fields"][0] == {
        "field": "end",
        "old": "2025-01-13",
        "new": "2025-01-10",
        "shift_days": -3,
        "shift_working_days": -1,
    }


def test_check_changes_answers_for_dates_only(cli):
    cli("check", "--changes")
    reworded = cli(
        "stage",
        "set",
        "masa-tenang",
        "-e",
        "pilkada-2024",
        "--basis",
        "PKPU X",
        "--confidence",
        "P",
    )
    assert reworded.exit_code == 0, reworded.output
    assert cli("check", "--changes").exit_code == 0  # no date moved
    assert "PKPU X" in cli("changes").stdout  # the officer's own look still shows it


def test_a_lost_state_does_not_make_other_readers_repeat_the_history(cli, tmp_path):
    cli("changes")
    cli("check", "--changes")
    office = _overlay(tmp_path, "2024-11-20")
    assert cli("changes", "--data", str(office)).exit_code == 1
    assert cli("check", "--changes", "--data", str(office)).exit_code == 1
    (_riwayat(tmp_path) / "state.json").write_text('{"broken')
    first = cli("changes", "--data", str(office))
    assert first.exit_code == 1 and "acuan riwayat rusak atau hilang" in first.stdout
    again = cli("check", "--changes", "--data", str(office))
    assert "Pelaksanaan kampanye" not in again.stdout


def test_the_sequence_never_falls_when_an_update_is_rolled_back(cli, tmp_path):
    shipped = (Path(__file__).resolve().parents[1] / "data" / "stages.toml").read_text(
        encoding="utf-8"
    )
    moved = (
        shipped.replace("revision = 2026-12-06", "revision = 2027-01-10", 1)
        .replace(
            'end = 2024-11-23\nbasis = "PKPU 2/2024"', 'end = 2024-11-20\nbasis = "PKPU 2/2024"'
        )
        .replace(
            'scope_en = "Governors, regents and mayors across Indonesia; hours follow local time"\n',
            'scope_en = "Governors, regents and mayors across Indonesia; hours follow local time"\n\n'
            '[[elections.changes]]\nstage = "kampanye"\nold_end = 2024-11-23\nsummary = "Kampanye dipersingkat"\n'
            'summary_en = "Campaign shortened"\nbasis = "Surat KPU"\nconfidence = "P"\n',
        )
    )
    update = tmp_path / "baru.toml"
    update.write_text(moved, encoding="utf-8")
    uid = "pilkada-2024.kampanye@tahapan.invalid"
    args = ("calendar", "-f", "ics", "-e", "pilkada-2024")
    numbers = [int(_events(cli(*args).stdout)[uid]["sequence"])]
    assert cli("data", "update", str(update)).exit_code == 0
    numbers.append(int(_events(cli(*args).stdout)[uid]["sequence"]))
    assert cli("data", "rollback").exit_code == 0
    numbers.append(int(_events(cli(*args).stdout)[uid]["sequence"]))
    numbers.append(int(_events(cli(*args).stdout)[uid]["sequence"]))  # no change: the same
    assert numbers[0] < numbers[1] < numbers[2] == numbers[3]


def test_a_region_is_told_only_of_changes_that_concern_it(cli):
    cli("check", "--changes", "-r", "kabupaten-barito-utara")
    cli("check", "--changes", "-r", "papua")
    # the Papua campaign of the 6 August re-vote is Papua's alone, though Barito Utara votes that day
    moved = cli(
        "stage",
        "set",
        "kampanye",
        "-e",
        "psu-2025-08-06",
        "--end",
        "2025-08-01",
        "--basis",
        "Surat KPU",
        "--confidence",
        "P",
    )
    assert moved.exit_code == 0, moved.output
    barito = cli("check", "--changes", "-r", "kabupaten-barito-utara")
    assert (barito.exit_code, barito.stdout) == (0, "")
    papua = cli("check", "--changes", "-r", "papua")
    assert papua.exit_code == 1 and "Kampanye PSU Provinsi Papua" in papua.stdout
