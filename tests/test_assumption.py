"""Office assumptions: on an election whose voting day is projected (`election add --like`), a stage
the office dates with its own basis and confidence is neither official nor a projection, and every
view, JSON, CSV and the printed calendars say so, until the voting day itself is official."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tomllib

import pytest

from tahapan.config import user_file

ON = ("--on", "2028-11-29")
PLENARY = (
    "stage", "set", "pemilu-2029/kampanye", "--start", "2028-11-20", "--end", "2029-02-10",
    "--basis", "Rapat pleno KPU Kota", "--confidence", "1S",
)  # fmt: skip


@pytest.fixture
def assumed(cli):
    """Pemilu 2029 planned from Pemilu 2024, its campaign dated by the office's plenary."""
    planned = cli("election", "add", "pemilu-2029", "--like", "pemilu-2024", "--voting-day",
                  "2029-02-14")  # fmt: skip
    assert planned.exit_code == 0, planned.output
    done = cli(*PLENARY)
    assert done.exit_code == 0, done.output
    return done


def _stage(cli, path: str, *extra: str) -> dict:
    out = cli("show", path, "-e", "pemilu-2029", "--json", *extra)
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)["stage"]


def test_the_office_dates_on_a_projected_election_are_an_assumption(cli, assumed):
    assert assumed.stderr.splitlines()[-1] == (
        "tahapan: tahapan ini menjadi asumsi kantor sampai hari pemungutan suara pemilu-2029 "
        "resmi: tahapan election set-voting-day pemilu-2029 TANGGAL --basis ... --confidence ..."
    )
    campaign = _stage(cli, "kampanye")
    assert (campaign["date_source"], campaign["projected"]) == ("assumption", False)
    assert (campaign["start"], campaign["confidence"]) == ("2028-11-20", "1S")
    # the basis is the office's, and still cites the projection it was planned from
    assert campaign["basis"] == "Rapat pleno KPU Kota; Proyeksi dari pemilu-2024: PKPU 3/2022"
    assert _stage(cli, "kampanye/rapat-umum")["date_source"] == "projected"
    listed = json.loads(cli("list", "-e", "pemilu-2029", "--json").stdout)["elections"][0]
    assert listed["projected"] is True
    data = tomllib.loads(user_file().read_text(encoding="utf-8"))["elections"][0]
    assert (data["voting_day"].isoformat(), data["projected"]) == ("2029-02-14", True)
    assert cli("validate", str(user_file())).exit_code == 0


def test_an_official_election_keeps_the_offices_sourced_change(cli):
    done = cli("stage", "set", "pemilu-2024/masa-tenang", "--start", "2024-02-11", "--end",
               "2024-02-13", "--basis", "PKPU 15/2023", "--confidence", "P")  # fmt: skip
    assert done.exit_code == 0 and "asumsi" not in done.stderr
    campaign = _stage_of(cli, "pemilu-2024", "masa-tenang")
    assert (campaign["date_source"], campaign["basis"]) == ("official", "PKPU 15/2023")


def _stage_of(cli, election: str, path: str) -> dict:
    return json.loads(cli("show", path, "-e", election, "--json").stdout)["stage"]


def test_the_installed_command_says_assumption_in_json(assumed, run):
    done = run("show", "pemilu-2029/kampanye", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["stage"]["date_source"] == "assumption"
    status = run("status", "-e", "pemilu-2029", "--on", "2028-11-29", "--json")
    active = json.loads(status.stdout)["active"]
    assert {a["id"]: a["date_source"] for a in active}["kampanye"] == "assumption"
    assert {a["date_source"] for a in active} == {"assumption", "projected"}


def test_the_terminal_says_asumsi_kantor(cli, assumed):
    status = cli("status", "-e", "pemilu-2029", *ON).stdout
    assert "Masa Kampanye Pemilu (asumsi kantor)" in status
    narrow = cli("status", "-e", "pemilu-2029", *ON, env={"COLUMNS": "40"}).stdout
    assert "(asumsi kantor)" in " ".join(narrow.replace("│", " ").split())
    english = cli("status", "-e", "pemilu-2029", *ON, "--lang", "en").stdout
    assert "Campaign period (office assumption)" in english
    listed = cli("list", "-e", "pemilu-2029", *ON, env={"COLUMNS": "120"}).stdout
    row = next(line for line in listed.splitlines() if "Masa Kampanye Pemilu" in line)
    assert row.rstrip().endswith("asumsi kantor")  # in the confidence column
    assert "pemungutan suara 14 Feb 2029 (proyeksi)" in listed
    assert "asumsi kantor: tanggal ditetapkan kantor selama hari pemungutan suara masih " in listed
    shown = " ".join(
        cli("show", "kampanye", "-e", "pemilu-2029", *ON).stdout.replace("│", " ").split()
    )
    assert (
        "Kepastian asumsi kantor: tanggal ditetapkan kantor (1S) selama hari pemungutan suara masih "
        "proyeksi, bukan tanggal resmi" in shown
    )
    check = cli("check", "--within", "7", "-e", "pemilu-2029", "--on", "2029-02-08").stdout
    assert "\tberakhir\tMasa Kampanye Pemilu (asumsi kantor)\t2 hari lagi" in check
    pace = cli("pace", "pemilu-2029/kampanye", "--done", "5", *ON)
    assert pace.stdout.startswith("Masa Kampanye Pemilu (asumsi kantor), per Rabu")


def test_ics_board_and_calendars_mark_it(cli, assumed, tmp_path):
    ics = cli("calendar", "-e", "pemilu-2029", "--month", "2028-11", "-f", "ics").stdout
    unfolded = re.sub(r"\r?\n ", "", ics)
    assert "SUMMARY:Masa Kampanye Pemilu (asumsi kantor)" in unfolded
    assert "Kepastian: asumsi kantor: tanggal ditetapkan kantor (1S)" in unfolded
    assert "X-WR-CALNAME:Pemilu 2029 (proyeksi)" in unfolded
    html = cli("calendar", "-e", "pemilu-2029", "--month", "2028-11", "-f", "html").stdout
    assert "Masa Kampanye Pemilu — " in html and "[asumsi kantor]" in html
    assert "Perhatian — proyeksi: " in html and "; asumsi kantor: tanggal ditetapkan" in html
    term = cli("calendar", "-e", "pemilu-2029", "--month", "2028-11").stdout
    assert "[asumsi kantor]" in term
    site = tmp_path / "situs"
    made = cli("publish", str(site), "-e", "pemilu-2029", env={"TAHAPAN_NOW": "2028-11-29T08:00"})
    assert made.exit_code == 0, made.output
    page = (site / "index.html").read_text(encoding="utf-8")
    assert 'Masa Kampanye Pemilu</span> <span class="warn">(asumsi kantor)</span>' in page
    assert "asumsi kantor: tanggal ditetapkan kantor selama" in page


def test_the_key_says_proyeksi_once(cli, assumed):
    html = cli("calendar", "-e", "pemilu-2029", "--month", "2029-02", "-f", "html").stdout
    items = re.findall(r"<li>.*?</li>", html)
    line = next(li for li in items if "Masa Tenang" in li)
    assert line.endswith("</span> [proyeksi]</li>") and line.count("[proyeksi]") == 1


def test_the_calendar_title_and_bars_mark_a_projected_election(cli, assumed, tmp_path):
    html = cli("calendar", "-e", "pemilu-2029", "--month", "2029-02", "-f", "html").stdout
    assert "<h1>Pemilu 2029 (proyeksi) — Februari 2029</h1>" in html
    assert 'title="D Masa Kampanye Pemilu (asumsi kantor)"' in html
    # the bar itself says it, not only its tooltip
    assert '<span class="tag">G</span><span class="name"> Masa Tenang (proyeksi)</span>' in html
    from pypdf import PdfReader

    out = tmp_path / "feb.pdf"
    assert (
        cli(
            "calendar", "-e", "pemilu-2029", "--month", "2029-02", "-f", "pdf", "-o", str(out)
        ).exit_code
        == 0
    )
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert text.startswith("Pemilu 2029 (proyeksi) — Februari 2029")
    assert "Masa Kampanye Pemilu 20 Nov 2028 – 10 Feb 2029 [asumsi kantor]" in text
    official = cli("calendar", "-e", "pemilu-2024", "--month", "2024-02", "-f", "html").stdout
    assert "proyeksi" not in official


def test_the_quiet_day_table_marks_a_projected_election(cli, assumed):
    quiet = cli("status", "--on", "2026-12-06", env={"COLUMNS": "120"}).stdout
    row = next(line for line in quiet.splitlines() if "pemilu-2029" in line)
    assert "14 Feb 2029 (proyeksi)" in row
    other = next(line for line in quiet.splitlines() if " pemilu-2024 " in line)
    assert "proyeksi" not in other
    # on a phone the mark goes under the date, and the id keeps its width
    narrow = cli("status", "--on", "2026-12-06", env={"COLUMNS": "40"}).stdout.splitlines()
    at = next(i for i, line in enumerate(narrow) if " pemilu-2029 " in line)
    assert narrow[at].split() == ["pemilu-2029", "14", "Feb", "2029", "H-801"]
    assert narrow[at + 1].strip() == "(proyeksi)"


def test_an_official_voting_day_makes_the_assumptions_official(cli, assumed):
    half = cli("election", "set-voting-day", "pemilu-2029", "2029-02-14", "--basis", "PKPU 2/2027")
    assert half.exit_code == 2
    assert half.stderr.startswith("tahapan: --basis dan --confidence harus diberikan bersama")
    done = cli("election", "set-voting-day", "pemilu-2029", "2029-02-14", "--basis", "PKPU 2/2027",
               "--confidence", "P")  # fmt: skip
    assert done.exit_code == 0, done.output
    assert _stage(cli, "kampanye")["date_source"] == "official"
    voting = _stage(cli, "pemungutan-suara")
    assert (voting["date_source"], voting["basis"], voting["end"]) == (
        "official", "PKPU 2/2027", "2029-02-14"
    )  # fmt: skip
    # what the office did not date stays a projection
    assert _stage(cli, "masa-tenang")["date_source"] == "projected"
    listed = json.loads(cli("list", "-e", "pemilu-2029", "--json").stdout)["elections"][0]
    assert listed["projected"] is False
    assert "(asumsi kantor)" not in cli("status", "-e", "pemilu-2029", *ON).stdout
    # the day is official, and still moves its H-rules
    moved = cli("election", "set-voting-day", "pemilu-2029", "2029-02-13")
    assert moved.exit_code == 0, moved.output
    assert _stage(cli, "masa-tenang")["end"] == "2029-02-12"


def test_a_data_update_that_dates_the_election_ends_the_assumption(cli, assumed, tmp_path):
    folder = tmp_path / "data" / "tahapan" / "pembaruan"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder.parent, 0o700)
    update = folder / "2099-01-01.toml"
    update.write_text(
        'schema = 1\nrevision = 2099-01-01\n[[elections]]\nid = "pemilu-2029"\nname = "Pemilu 2029"\n'
        'name_en = "2029 General Election"\nvoting_day = 2029-02-13\nbasis = "PKPU 2/2027"\n',
        encoding="utf-8",
    )
    os.chmod(update, 0o600)
    listed = json.loads(cli("list", "-e", "pemilu-2029", "--json").stdout)["elections"][0]
    assert (listed["voting_day"], listed["projected"]) == ("2029-02-13", False)
    assert _stage(cli, "kampanye")["date_source"] == "official"
    assert _stage(cli, "masa-tenang")["date_source"] == "projected"


def test_csv_carries_the_assumption_both_ways(cli, assumed, tmp_path):
    exported = tmp_path / "jadwal.csv"
    assert cli("export", "-e", "pemilu-2029", "-f", "csv", "-o", str(exported)).exit_code == 0
    rows = {r["path"]: r for r in csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8")))}
    assert (rows["kampanye"]["projected"], rows["masa-tenang"]["projected"]) == (
        "assumption",
        "true",
    )
    imported = tmp_path / "impor.toml"
    assert cli("import", str(exported), "-o", str(imported)).exit_code == 0
    assert cli("validate", str(imported)).exit_code == 0
    user_file().unlink()  # the import alone: the shipped Pemilu 2029 has no voting day
    again = cli("export", "-e", "pemilu-2029", "-f", "csv", "--data", str(imported)).stdout
    assert again == exported.read_text(encoding="utf-8")
