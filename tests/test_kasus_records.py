"""What may be recorded of a case, and what a record says of the steps before it; a damaged cases
file does not silence the schedules' own deadlines."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def cases(tmp_path, monkeypatch):
    path = tmp_path / "kasus.toml"
    monkeypatch.setenv("TAHAPAN_CASES_FILE", str(path))
    return path


def steps(cli, *args: str) -> dict[str, dict]:
    result = cli(*args, "--json")
    return {s["id"]: s for s in json.loads(result.stdout)["steps"]}


def test_a_step_cannot_be_recorded_after_today(cli, cases, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-21T09:00:00+07:00")
    assert (
        cli("kasus", "add", "p", "--chain", "phpu-pilpres", "--from", "2024-03-20").exit_code == 0
    )
    before = cases.read_bytes()
    result = cli("kasus", "done", "p", "permohonan", "--on", "2024-03-22")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "tahapan: langkah permohonan tidak dapat dicatat terjadi pada 22 Maret 2024 karena "
        "tanggal itu belum tiba (hari ini 21 Maret 2024)\n"
        "  Catat langkah setelah terjadi; tenggatnya tampil di `tahapan kasus show`.\n"
    )
    assert cases.read_bytes() == before
    assert cli("kasus", "done", "p", "permohonan", "--on", "2024-03-21").exit_code == 0


def test_a_later_record_means_the_step_it_counts_from_happened(cli, cases, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-29T09:00:00+07:00")
    assert (
        cli("kasus", "add", "p", "--chain", "phpu-pilpres", "--from", "2024-03-20").exit_code == 0
    )
    # the petition's deadline (23 March) passed unrecorded: missed, exit 1
    shown = cli("kasus", "show", "p", "--json")
    assert shown.exit_code == 1
    assert json.loads(shown.stdout)["steps"][0]["state"] == "overdue"
    # the Court registered it: it was filed, whatever day that was
    assert cli("kasus", "done", "p", "registrasi", "--on", "2024-03-25").exit_code == 0
    found = steps(cli, "kasus", "show", "p")
    assert (found["permohonan"]["state"], found["permohonan"]["implied"]) == ("done", True)
    assert (found["permohonan"]["done_on"], found["permohonan"]["days_left"]) == (None, None)
    assert cli("kasus", "show", "p").exit_code == 0
    text = cli("kasus", "show", "p").stdout
    assert (
        "   terjadi         tanggal belum dicatat; dianggap sudah terjadi karena langkah sesudahnya sudah dicatat\n"
        in text
    )
    # and `check` no longer names it missed
    assert "TERLEWAT" not in cli("check", "--within", "7").stdout


def test_a_step_counted_back_from_a_later_event_implies_nothing_of_it(cli, cases, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-01T09:00:00+07:00")
    assert (
        cli("kasus", "add", "k", "--chain", "pemilu-pidana", "--from", "2024-01-05").exit_code == 0
    )
    done = cli("kasus", "done", "k", "selesai-sebelum-penetapan", "--on", "2024-02-20")
    assert done.exit_code == 0, done.stderr
    found = steps(cli, "kasus", "show", "k")
    assert found["penetapan-hasil"]["state"] == "pending"  # still to come
    assert found["penetapan-hasil"]["implied"] is False


def test_a_case_id_is_checked_before_anything_is_read(cli, cases):
    result = cli("kasus", "add", "Bad_ID", "--chain", "phpu-pileg", "--from", "2024-03-20")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "tahapan: format ID kasus salah: 'Bad_ID'\n"
        "  Gunakan huruf kecil, angka, dan tanda hubung, mis. pidana-2024-001.\n"
    )
    assert not cases.exists()


def test_a_damaged_cases_file_does_not_silence_the_schedules(cli, cases):
    cases.write_text("schema = 1\n[[cases]\n", encoding="utf-8")
    result = cli("check", "--within", "3", "--on", "2024-02-08", "-e", "pemilu-2024")
    assert result.exit_code == 2
    # the election's own deadlines are printed first, then the problem
    assert result.stdout.splitlines()[0].startswith("2024-02-10\tH-4\tpemilu-2024\tkampanye\t")
    assert result.stderr.startswith(f"tahapan: berkas tidak dapat dipakai (1 masalah):\n{cases}:2:")
    assert cli("check", "--within", "3", "--on", "2024-02-08", "--no-cases").exit_code == 1


def test_undo_says_what_it_took_back_and_refuses_a_step_never_recorded(cli, cases, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-29T09:00:00+07:00")
    assert (
        cli("kasus", "add", "p", "--chain", "phpu-pilpres", "--from", "2024-03-20").exit_code == 0
    )
    never = cli("kasus", "done", "p", "registrasi", "--undo")
    assert (never.exit_code, never.stderr) == (
        2,
        "tahapan: langkah registrasi pada kasus p belum pernah dicatat\n",
    )
    assert cli("kasus", "done", "p", "registrasi", "--on", "2024-03-25").exit_code == 0
    undone = cli("kasus", "done", "p", "registrasi", "--undo")
    assert undone.stderr.startswith("tahapan: catatan langkah registrasi pada kasus p dibatalkan (")


def test_words_of_a_step_that_has_not_begun_a_day_off_and_midnight(cli, cases, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-01-05T09:00:00+07:00")
    added = cli("kasus", "add", "k", "--chain", "pemilu-pidana", "--from", "2024-01-05")
    assert added.exit_code == 0
    text = cli("kasus", "show", "k").stdout
    # 1×24 hours from a day without a time: counted from 00.00, due at 24.00 of that day
    assert "1. [BERIKUTNYA] Penerusan laporan dugaan tindak pidana Pemilu kepada Kepolisian" in text
    # 24.00 closes the 5th itself: the deadline is today, not tomorrow
    assert "   tenggat         Jumat, 5 Januari 2024 pukul 24.00 WIB (hari ini)" in text
    # 14 days from the forwarding deadline (6 Jan 00.00): 20 January, a Saturday
    block = text.split("2. [terjadwal] ")[1].split("\n\n")[0]
    assert "   tenggat         Sabtu, 20 Januari 2024 (perkiraan, sisa 15 hari)" in block
    assert "   hari libur      tenggat jatuh pada hari Sabtu; ketentuan menghitung hari" in block
    shown = cli("kasus", "show", "k", "--json")
    steps = {s["id"]: s for s in json.loads(shown.stdout)["steps"]}
    assert steps["berkas-ke-penuntut"]["due_day_off"] == "weekend"
    assert steps["penerusan"]["due"] == "2024-01-06T00:00:00+07:00"


def test_the_list_of_every_case_says_so(cli, cases, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-29T09:00:00+07:00")
    assert (
        cli("kasus", "add", "p", "--chain", "phpu-pilpres", "--from", "2024-03-20").exit_code == 0
    )
    assert cli("kasus", "close", "p").exit_code == 0
    listed = cli("kasus", "--all").stdout.splitlines()
    assert listed[0] == "Semua kasus per Jumat, 29 Maret 2024"
    assert listed[1].startswith("p · ") and listed[1].endswith("(ditutup 29 Mar 2024)")
    assert len(listed) == 2  # a closed case names no deadline


def test_validate_counts_what_a_cases_file_holds(cli, cases, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-21T09:00:00+07:00")
    for ident in ("a", "b"):
        assert (
            cli("kasus", "add", ident, "--chain", "phpu-pilpres", "--from", "2024-03-20").exit_code
            == 0
        )
    result = cli("validate", str(cases))
    assert (result.exit_code, result.stdout) == (0, f"{cases}: ok (2 kasus, 0 alur)\n")
    data = json.loads(cli("validate", str(cases), "--json").stdout)
    assert (data["files"], data["case_files"]) == (
        [],
        [{"path": str(cases), "cases": 2, "chains": 0}],
    )
    cases.write_text(
        cases.read_text(encoding="utf-8").replace("phpu-pilpres", "tidak-ada", 1), encoding="utf-8"
    )
    broken = cli("validate", str(cases))
    assert broken.exit_code == 1
    assert (
        broken.stdout
        == f"{cases}: a: chain = 'tidak-ada': alur tidak dikenal\n1 masalah ditemukan\n"
    )
