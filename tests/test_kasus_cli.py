"""Cases in the daily flow (`check --within/--remind`, `status`), bad input and damaged cases files
(exit 2, a message, the file untouched), and the cases file written safely (.bak, mode, SIGKILL)."""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
import tomllib
from datetime import date
from pathlib import Path

import pytest

from conftest import installed_command
from tahapan.schedule.cases import book_of

ONE_STEP = """\
schema = 1

[[chains]]
id = "satu"
name = "Satu langkah"
event = "Laporan diterima"
basis = "Catatan kantor"
steps = [{ id = "lapor", name = "Laporan dikaji", days = 7, basis = "Pasal 1", confidence = "P" }]
"""


@pytest.fixture
def cases(tmp_path, monkeypatch):
    path = tmp_path / "kasus.toml"
    path.write_text(ONE_STEP, encoding="utf-8")
    monkeypatch.setenv("TAHAPAN_CASES_FILE", str(path))
    return path


def add(cli, ident: str, when: str, chain: str = "satu", *extra: str) -> None:
    result = cli("kasus", "add", ident, "--chain", chain, "--from", when, *extra)
    assert result.exit_code == 0, result.output


# today is Wed 29 Nov 2023 (conftest): "dekat" is due in 3 days, "jauh" in 10
DEKAT = "2023-12-02\tkasus\tdekat\tlapor\ttenggat\tLaporan dikaji\t3 hari lagi"


@pytest.fixture
def two(cli, cases):
    add(cli, "dekat", "2023-11-25")
    add(cli, "jauh", "2023-12-02")
    return cases


def test_check_within_names_the_near_deadline_only(cli, two, run):
    result = cli("check", "--within", "7")
    assert (result.exit_code, result.stdout) == (1, DEKAT + "\n")
    assert cli("check", "--within", "10").stdout.splitlines()[-1] == (
        "2023-12-09\tkasus\tjauh\tlapor\ttenggat\tLaporan dikaji\t10 hari lagi"
    )
    left_out = cli("check", "--within", "7", "--no-cases")
    assert (left_out.exit_code, left_out.stdout) == (0, "")
    data = json.loads(cli("check", "--within", "7", "--json").stdout)
    assert data["ok"] is False
    assert data["case_deadlines"] == [
        {
            "case": "dekat", "case_name": None, "chain": "satu", "step": "lapor",
            "name": "Laporan dikaji", "name_en": "Laporan dikaji", "state": "open",
            "due": "2023-12-02", "days_left": 3, "footing": "actual", "basis": "Pasal 1",
        }
    ]  # fmt: skip
    installed = run("check", "--within", "7")
    assert (installed.returncode, installed.stdout, installed.stderr) == (1, DEKAT + "\n", "")


def test_check_remind_names_it_on_the_day_only(cli, two):
    said = cli("check", "--remind", "3")
    assert (said.exit_code, said.stdout) == (1, DEKAT + "\n")
    for day in ("2023-11-28", "2023-11-30"):
        result = cli("check", "--remind", "3", "--on", day)
        assert (result.exit_code, result.stdout) == (0, ""), day


def test_a_missed_deadline_within_every_day_remind_the_day_after(cli, two, monkeypatch):
    for day, ago in (("2023-12-03", 1), ("2023-12-05", 3), ("2023-12-20", 18)):
        result = cli("check", "--within", "1", "--on", day)
        assert result.exit_code == 1
        assert result.stdout.splitlines()[0] == (
            f"2023-12-02\tkasus\tdekat\tlapor\tTERLEWAT\tLaporan dikaji\tlewat {ago} hari"
        )
    said = cli("check", "--remind", "3", "--on", "2023-12-03")
    assert (said.exit_code, said.stdout) == (
        1,
        "2023-12-02\tkasus\tdekat\tlapor\tTERLEWAT\tLaporan dikaji\tlewat 1 hari\n",
    )
    for day in ("2023-12-04", "2023-12-05"):
        assert cli("check", "--remind", "3", "--on", day).stdout == "", day
    # recorded, or the case closed: no longer named
    monkeypatch.setenv("TAHAPAN_NOW", "2023-12-05T08:00:00+07:00")
    assert cli("kasus", "done", "dekat", "lapor", "--on", "2023-12-03").exit_code == 0
    assert cli("check", "--within", "1", "--on", "2023-12-05").stdout == ""


def test_a_closed_case_leaves_check_and_status(cli, two):
    assert cli("kasus", "close", "dekat").exit_code == 0
    assert cli("check", "--within", "7").exit_code == 0
    cases = json.loads(cli("status", "--json").stdout)["cases"]
    assert [c["case"] for c in cases] == ["jauh"]


def test_status_lists_each_open_cases_next_deadline(cli, two, run):
    data = json.loads(run("status", "--json").stdout)
    assert [(c["case"], c["next"]["due"], c["next"]["days_left"]) for c in data["cases"]] == [
        ("dekat", "2023-12-02", 3),
        ("jauh", "2023-12-09", 10),
    ]
    text = cli("status").stdout.splitlines()
    head = text.index("Tenggat kasus")
    assert [line.rstrip() for line in text[head + 1 : head + 3]] == [
        "  dekat  2 Des 2023 (sisa 3 hari): Laporan dikaji",
        "  jauh   9 Des 2023 (sisa 10 hari): Laporan dikaji",
    ]


def test_without_a_cases_file_nothing_changes(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("TAHAPAN_CASES_FILE", str(tmp_path / "tidak-ada.toml"))
    status = json.loads(cli("status", "--json").stdout)
    assert "cases" not in status
    assert "Tenggat kasus" not in cli("status").stdout
    check = json.loads(cli("check", "--within", "60", "--json").stdout)
    assert "case_deadlines" not in check
    plain = cli("check", "--within", "60")
    assert plain.stdout and "\tkasus\t" not in plain.stdout
    # a cases file with nothing near: check answers as before, only --json adds an empty list
    monkeypatch.setenv("TAHAPAN_CASES_FILE", str(tmp_path / "kasus.toml"))
    (tmp_path / "kasus.toml").write_text(ONE_STEP, encoding="utf-8")
    assert cli("check", "--within", "60").stdout == plain.stdout
    assert json.loads(cli("check", "--within", "60", "--json").stdout)["case_deadlines"] == []
    assert not (tmp_path / "tidak-ada.toml").exists()


def test_an_hour_deadline_in_check_says_its_minute_and_zone(cli, cases, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-21T09:00:00+07:00")
    add(cli, "pileg-bali", "2024-03-20 22:19 WIB", "phpu-pileg", "-r", "kota-denpasar")
    lines = cli("check", "--within", "3").stdout.splitlines()
    assert "2024-03-23\tkasus\tpileg-bali\tpermohonan\ttenggat\tPengajuan permohonan ke Mahkamah Konstitusi (23.19 WITA)\t2 hari lagi" in lines  # fmt: skip
    due = json.loads(cli("check", "--within", "3", "--json").stdout)["case_deadlines"][0]["due"]
    assert due == "2024-03-23T23:19:00+08:00"  # the same instant as 22.19 WIB


def test_the_cases_file_lives_beside_the_users_schedule_file(tmp_path, run):
    own = tmp_path / "kantor" / "jadwal.toml"
    env = {"TAHAPAN_USER_FILE": str(own), "TAHAPAN_NOW": "2024-03-21T09:00:00+07:00"}
    done = run("kasus", "add", "pilpres", "--chain", "phpu-pilpres", "--from", "2024-03-20", env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr
    kept = own.with_name("kasus.toml")
    assert done.stderr == f"tahapan: kasus pilpres ditambahkan ({kept})\n"
    assert tomllib.loads(kept.read_text(encoding="utf-8"))["cases"][0]["event"] == date(2024, 3, 20)
    assert not own.exists()  # the schedule file is not touched


# ------------------------------------------------------------------------------ bad input

UNKNOWN_CASE = "tahapan: kasus 'tidak-ada' tidak ditemukan\n  Kasus yang ada: dekat, jauh.\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["kasus", "add", "baru", "--chain", "nope", "--from", "2024-01-01"],
            "tahapan: alur tenggat tidak dikenal: 'nope'\n"
            "  Alur yang tersedia: pemilu-laporan, pemilu-pidana, pemilu-administrasi, "
            "pemilu-sengketa-proses, phpu-pileg, phpu-pilpres, pilkada-laporan, pilkada-pidana, "
            "php-pilkada, satu\n",
        ),
        (
            ["hitung", "--chain", "nope", "2024-03-20"],
            "tahapan: alur tenggat tidak dikenal: 'nope'\n"
            "  Alur yang tersedia: pemilu-laporan, pemilu-pidana, pemilu-administrasi, "
            "pemilu-sengketa-proses, phpu-pileg, phpu-pilpres, pilkada-laporan, pilkada-pidana, "
            "php-pilkada, satu\n",
        ),
        (
            ["kasus", "add", "dekat", "--chain", "satu", "--from", "2024-01-01"],
            "tahapan: kasus dekat sudah ada\n"
            "  Gunakan ID lain. Untuk melihat kasus itu: tahapan kasus show dekat\n",
        ),
        (
            ["kasus", "add", "baru", "--chain", "satu", "--from", "2024-13-40"],
            "tahapan: tanggal tidak ada: '2024-13-40' (bulan harus 1–12)\n",
        ),
        (
            ["kasus", "add", "baru", "--chain", "satu", "--from", "kemarin lusa jam 25"],
            "tahapan: tanggal tidak dikenali: 'kemarin lusa jam 25'\n",
        ),
        (
            ["kasus", "add", "baru", "--chain", "satu", "--from", "kemarin jam 25.00"],
            "tahapan: jam tidak valid: 'kemarin jam 25.00'\n  Jam 00.00 sampai 23.59, mis. 22.19.\n",
        ),
        (
            ["kasus", "done", "dekat", "sidang"],
            "tahapan: alur satu tidak memiliki langkah 'sidang'\n  Langkah yang tersedia: lapor\n",
        ),
        (["kasus", "show", "tidak-ada"], UNKNOWN_CASE),
        (["kasus", "done", "tidak-ada", "lapor"], UNKNOWN_CASE),
        (["kasus", "close", "tidak-ada"], UNKNOWN_CASE),
        (["kasus", "remove", "tidak-ada"], UNKNOWN_CASE),
        (
            ["kasus", "done", "dekat", "lapor", "--on", "2023-11-24"],
            "tahapan: langkah lapor tidak dapat dicatat terjadi sebelum peristiwa awal kasus "
            "(25 November 2023)\n",
        ),
    ],
)
def test_bad_input_is_refused_and_the_file_kept(cli, two, args, message):
    before, backup = two.read_bytes(), two.with_name("kasus.toml.bak").read_bytes()
    result = cli(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(message), result.stderr
    assert "Traceback" not in result.stderr
    assert two.read_bytes() == before
    assert two.with_name("kasus.toml.bak").read_bytes() == backup


DAMAGED = {
    "toml": (
        'schema = 1\n[[cases]\nid = "x"\n',
        # read as schedule files are: the line and column, in the user's language
        "sintaks TOML salah",
    ),
    "chain": (
        'schema = 1\n[[cases]]\nid = "x"\nchain = "tidak-ada"\nevent = 2024-01-01\n',
        "x: chain = 'tidak-ada': alur tidak dikenal",
    ),
    "later-step": (
        'schema = 1\n[[chains]]\nid = "maju"\nname = "Maju"\nevent = "E"\nbasis = "B"\n'
        '[[chains.steps]]\nid = "satu"\nname = "Satu"\nafter = "dua"\ndays = 3\nbasis = "B"\n'
        'confidence = "P"\n[[chains.steps]]\nid = "dua"\nname = "Dua"\ndays = 3\nbasis = "B"\n'
        'confidence = "P"\n',
        "maju: satu: after = 'dua': harus 'event' atau id langkah sebelumnya",
    ),
}


@pytest.mark.parametrize("kind", sorted(DAMAGED))
@pytest.mark.parametrize(
    "args",
    [
        ["kasus"],
        ["kasus", "show", "x"],
        ["kasus", "add", "y", "--chain", "phpu-pilpres", "--from", "2024-03-20"],
        ["kasus", "done", "x", "lapor"],
        ["hitung", "--chain", "phpu-pilpres", "2024-03-20"],
        ["check", "--within", "7"],
        ["status"],
    ],
    ids=lambda a: "-".join(a[:2]),
)
def test_a_damaged_cases_file_is_named_with_its_problem(cli, cases, kind, args):
    text, problem = DAMAGED[kind]
    cases.write_text(text, encoding="utf-8")
    result = cli(*args)
    assert result.exit_code == 2
    if args[0] == "status":  # the morning view still shows the schedules, then the failure
        assert "Pemilu 2024" in result.stdout
    else:
        assert result.stdout == ""
    where = f"{cases}:2:8: " if kind == "toml" else f"{cases}: "
    assert result.stderr.startswith(f"tahapan: berkas tidak dapat dipakai (1 masalah):\n{where}{problem}")  # fmt: skip
    assert "Traceback" not in result.stderr
    assert cases.read_text(encoding="utf-8") == text
    assert not cases.with_name("kasus.toml.bak").exists()


def test_a_damaged_file_with_the_installed_command(cases, run):
    text, problem = DAMAGED["chain"]
    cases.write_text(text, encoding="utf-8")
    result = run("kasus", "add", "y", "--chain", "phpu-pilpres", "--from", "2024-03-20")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"tahapan: berkas tidak dapat dipakai (1 masalah):\n{cases}: {problem}\n"  # fmt: skip
    assert cases.read_text(encoding="utf-8") == text


def test_show_json_is_the_same_in_both_languages(cli, monkeypatch, cases):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-24T09:00:00+07:00")
    add(cli, "p", "2024-03-20 22:19", "phpu-pileg", "-r", "kota-denpasar")
    add(cli, "s", "2023-11-03", "pemilu-sengketa-proses")
    assert cli("kasus", "done", "p", "permohonan", "--on", "2024-03-23 10:00").exit_code == 0
    for ident in ("p", "s"):
        indonesian = cli("kasus", "show", ident, "--json", "--lang", "id")
        english = cli("kasus", "show", ident, "--json", "--lang", "en")
        assert indonesian.stdout == english.stdout


def test_done_an_hour_before_the_event_is_refused(cli, cases, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-20T23:00:00+07:00")
    add(cli, "pileg", "2024-03-20 22:19", "phpu-pileg")
    result = cli("kasus", "done", "pileg", "permohonan", "--on", "2024-03-20 21:19")
    assert result.exit_code == 2


# ---------------------------------------------------------------------------- safe writing


def test_each_change_keeps_the_previous_version_and_the_mode(cli, cases):
    os.chmod(cases, 0o600)
    add(cli, "dekat", "2023-11-25")
    backup = cases.with_name("kasus.toml.bak")
    assert backup.read_text(encoding="utf-8") == ONE_STEP
    after_add = cases.read_bytes()
    done = cli("kasus", "done", "dekat", "lapor", "--on", "2023-11-28")
    assert done.exit_code == 0
    assert done.stderr == (
        "tahapan: langkah lapor pada kasus dekat dicatat terjadi Selasa, 28 November 2023 "
        f"(versi lama: {backup})\n"
    )
    assert backup.read_bytes() == after_add
    assert stat.S_IMODE(cases.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert tomllib.loads(cases.read_text(encoding="utf-8"))["cases"][0]["done"] == {"lapor": date(2023, 11, 28)}  # fmt: skip


posix_only = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")

#: the command with os.replace held: it says so, then waits to be killed, just before (or just
#: after) the new cases file takes the old one's place
HELD = """\
import os, sys, time
real = os.replace
def held(src, dst, *args, **kwargs):
    if str(dst).endswith("kasus.toml"):
        if os.environ["HOLD"] == "after":
            real(src, dst, *args, **kwargs)
        open(os.environ["READY"], "w").close()
        time.sleep(60)
    return real(src, dst, *args, **kwargs)
os.replace = held
sys.argv = ["tahapan", *sys.argv[1:]]
from tahapan.cli import main
main()
"""


def _state(path: Path) -> dict[str, dict]:
    """Each case's recorded steps: the file is whole TOML and a cases file tahapan loads."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    book_of(data, path)
    return {c["id"]: c.get("done", {}) for c in data.get("cases", [])}


@posix_only
@pytest.mark.parametrize("hold", ["before", "after"])
def test_killed_inside_the_write_leaves_a_whole_file(cli, cases, tmp_path, hold):
    add(cli, "dekat", "2023-11-25")
    for args, new in (
        (["kasus", "add", "baru", "--chain", "satu", "--from", "2023-11-27"], {"dekat": {}, "baru": {}}),
        (["kasus", "done", "dekat", "lapor", "--on", "2023-11-28"], {"dekat": {"lapor": date(2023, 11, 28)}, "baru": {}}),
    ):  # fmt: skip
        old, old_bytes = _state(cases), cases.read_bytes()
        ready = tmp_path / "ready"
        ready.unlink(missing_ok=True)
        env = {**os.environ, "HOLD": hold, "READY": str(ready)}
        proc = subprocess.Popen([sys.executable, "-c", HELD, *args], env=env, stdout=subprocess.DEVNULL)  # fmt: skip
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert proc.poll() is None and time.monotonic() < deadline, "never reached the write"
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=60) == -signal.SIGKILL
        if hold == "before":  # killed with the new file written beside the old, not yet renamed
            assert (_state(cases), cases.read_bytes()) == (old, old_bytes)
            assert [p.name for p in cases.parent.iterdir() if p.name.endswith(".tahapan-tmp")]
            assert cli(*args).exit_code == 0  # done again, as the officer would
        else:
            assert _state(cases) == new
    assert _state(cases) == {"dekat": {"lapor": date(2023, 11, 28)}, "baru": {}}
    assert [p.name for p in cases.parent.iterdir() if ".tahapan-tmp" in p.name] == []  # swept


@posix_only
def test_killed_at_random_moments_leaves_old_or_new(cases):
    rng = random.Random(20240320)
    window = 0.8  # widened by each kill until one run finishes: the write comes last
    outcomes = set()
    for n in range(16):
        for args in (
            ["kasus", "add", f"k{n}", "--chain", "satu", "--from", "2024-01-01"],
            ["kasus", "done", f"k{n}", "lapor", "--on", "2024-01-03"],
        ):
            old = _state(cases)
            new = {**old, f"k{n}": {"lapor": date(2024, 1, 3)} if args[1] == "done" else {}}
            if args[1] == "done" and f"k{n}" not in old:
                continue
            proc = subprocess.Popen([*installed_command(), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
            time.sleep(rng.uniform(0.0, window))
            proc.send_signal(signal.SIGKILL)
            code = proc.wait(timeout=60)
            outcomes.add("killed" if code == -signal.SIGKILL else "finished")
            if code == -signal.SIGKILL and "finished" not in outcomes:
                window = min(window * 1.25, 10.0)
            assert _state(cases) in (old, new), (n, args)
    assert outcomes == {"killed", "finished"}
