"""`tahapan election add|remove`: the next election planned from a template, marked as a projection
in the file, in every JSON stage object and in every view."""

from __future__ import annotations

import csv
import io
import json
import tomllib

import pytest

from tahapan.config import user_file

PEMILU_2029 = (
    "election", "add", "pemilu-2029", "--like", "pemilu-2024", "--voting-day", "2029-02-14",
    "--name", "Pemilu 2029", "--name-en", "2029 General Election",
)  # fmt: skip


@pytest.fixture
def pemilu_2029(cli):
    result = cli(*PEMILU_2029)
    assert result.exit_code == 0, result.output
    first, *warnings = result.stderr.splitlines()
    assert first == f"tahapan: pemilu-2029 ditambahkan ({user_file()})"
    # the 20 months of UU 7/2017 Art. 167(6), and Imlek and Idul Fitri either side of 14 Feb 2029
    assert len(warnings) == 3 and all(w.startswith("tahapan: peringatan: ") for w in warnings)
    return user_file()


def _stages(path, ident="pemilu-2029"):
    """The election's table in the file, and its stage tables by path ("kampanye/rapat-umum")."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    election = next(e for e in data["elections"] if e["id"] == ident)
    out = {}

    def walk(tables, parent=""):
        for t in tables:
            key = f"{parent}/{t['id']}" if parent else t["id"]
            out[key] = t
            walk(t.get("stages", []), key)

    walk(election["stages"])
    return election, out


def test_the_campaign_day_two_of_75_projected(cli, pemilu_2029):
    data = json.loads(cli("status", "-e", "pemilu-2029", "--on", "2028-11-29", "--json").stdout)
    assert data["elections"][0]["h"] == -77
    campaign = next(a for a in data["active"] if a["id"] == "kampanye")
    assert campaign == {
        "election": "pemilu-2029", "id": "kampanye", "path": "kampanye", "name": "Masa Kampanye Pemilu",
        "name_en": "Campaign period", "start": "2028-11-28", "end": "2029-02-10", "projected": True,
        "date_source": "projected", "series": "kampanye", "occurrence": None, "day": 2, "days_total": 75, "days_left": 73,
    }  # fmt: skip
    assert all(a["projected"] for a in data["active"])


def test_the_file_holds_h_rules_and_the_flag(cli, pemilu_2029):
    election, stages = _stages(pemilu_2029)
    assert election["voting_day"].isoformat() == "2029-02-14"
    # the shipped Pemilu 2029 is completed: its name and basis stay the shipped file's
    assert "name" not in election and "basis" not in election
    assert stages["kampanye"]["start"] == {"h": -78} and stages["kampanye"]["end"] == {"h": -4}
    assert stages["kampanye/rapat-umum"]["start"] == {"h": -24}  # sub-stages come along
    assert stages["pemungutan-suara"]["start"] == stages["pemungutan-suara"]["end"] == {"h": 0}
    assert all(t["projected"] is True for t in stages.values())
    assert all(t["basis"].startswith("Proyeksi dari pemilu-2024: ") for t in stages.values())
    # the second round was not held in 2024: it is not planned again
    assert not any(key.startswith("putaran-kedua") for key in stages)
    assert not any("note" in t for t in stages.values())  # the template's notes tell of 2024
    text = pemilu_2029.read_text(encoding="utf-8")
    assert "start = { h = -78 }" in text


def test_an_unknown_start_stays_unknown(cli):
    result = cli(
        "election", "add", "pilkada-2029", "--like", "pilkada-2024", "--voting-day", "2029-11-28",
        "--name", "Pilkada 2029",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    election, stages = _stages(user_file(), "pilkada-2029")
    assert election["name_en"] == "Pilkada 2029"  # --name-en defaults to --name
    assert "start" not in stages["perencanaan"] and stages["perencanaan"]["end"] == {"h": -306}
    shown = json.loads(cli("show", "perencanaan", "-e", "pilkada-2029", "--json").stdout)["stage"]
    assert (shown["start"], shown["end"], shown["projected"]) == (None, "2029-01-26", True)


def test_every_view_says_projected(cli, pemilu_2029):
    on = ["--on", "2028-11-29"]
    status = cli("status", "-e", "pemilu-2029", *on).stdout
    assert "Pemilu 2029  H-77  PROYEKSI" in status
    assert "Masa Kampanye Pemilu (proyeksi)" in status
    narrow = cli("status", "-e", "pemilu-2029", *on, env={"COLUMNS": "40"}).stdout
    assert "PROYEKSI" in narrow and "(proyeksi)" in narrow
    listed = cli("list", "-e", "pemilu-2029", *on).stdout
    campaign = next(line for line in listed.splitlines() if "Masa Kampanye Pemilu" in line)
    assert campaign.split()[-1] == "proyeksi"  # in the confidence column
    assert "proyeksi: tanggal dihitung dari pola pemilu lain, bukan tanggal resmi" in listed
    shown = " ".join(
        cli("show", "kampanye", "-e", "pemilu-2029", *on).stdout.replace("│", " ").split()
    )
    assert (
        "Kepastian proyeksi: tanggal dihitung dari pola pemilu lain (sumber aslinya 2S), bukan "
        "tanggal resmi" in shown
    )
    check = cli("check", "--within", "7", "-e", "pemilu-2029", "--on", "2029-02-08").stdout
    assert check.splitlines()[0] == (
        "2029-02-10\tH-4\tpemilu-2029\tkampanye\tberakhir\tMasa Kampanye Pemilu (proyeksi)"
        "\t2 hari lagi"
    )
    active = cli("check", "--active", "kampanye", "-e", "pemilu-2029", *on, "--lang", "en").stdout
    assert active == "yes: pemilu-2029/kampanye (projected) is running, day 2 of 75, 73 days left\n"
    ics = cli("calendar", "-e", "pemilu-2029", "--month", "2028-11", "-f", "ics").stdout
    unfolded = ics.replace("\r\n ", "")
    assert "SUMMARY:Masa Kampanye Pemilu (proyeksi)" in unfolded
    assert "Kepastian: proyeksi: tanggal dihitung dari pola pemilu lain" in unfolded
    rows = list(csv.DictReader(io.StringIO(cli("export", "-e", "pemilu-2029", "-f", "csv").stdout)))
    assert {r["projected"] for r in rows} == {"true"}
    html = cli("calendar", "-e", "pemilu-2029", "--month", "2028-11", "-f", "html").stdout
    assert "[proyeksi]" in html and "bukan tanggal resmi" in html
    term = cli("calendar", "-e", "pemilu-2029", "--month", "2028-11").stdout
    assert "[proyeksi]" in term
    assert "Perhatian — proyeksi: tanggal dihitung dari pola pemilu lain" in term
    pace = cli("pace", "pemilu-2029/kampanye", "--done", "5", *on)
    assert pace.stdout.startswith("Masa Kampanye Pemilu (proyeksi), per Rabu, 29 November 2028")
    paced = json.loads(cli("pace", "pemilu-2029/kampanye", "--done", "5", *on, "--json").stdout)
    assert paced["projected"] is True
    sub = cli("show", "kampanye", "-e", "pemilu-2029", *on).stdout
    assert "Rapat umum dan iklan media massa (proyeksi)" in sub


def test_the_printed_calendar_warns_in_full(cli, pemilu_2029, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "feb.pdf"
    result = cli("calendar", "-e", "pemilu-2029", "--month", "2029-02", "-f", "pdf", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert (
        "Perhatian — proyeksi: tanggal dihitung dari pola pemilu lain, bukan tanggal resmi" in text
    )
    assert "Masa Kampanye Pemilu 28 Nov 2028 – 10 Feb 2029 [proyeksi]" in text
    official = tmp_path / "official.pdf"
    cli("calendar", "-e", "pemilu-2024", "--month", "2024-02", "-f", "pdf", "-o", str(official))
    assert "Perhatian" not in PdfReader(official).pages[0].extract_text()


def test_a_quiet_day_points_to_election_add_until_one_is_planned(cli, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2026-11-28T08:00:00+07:00")
    quiet = " ".join(cli("status").stdout.split())
    # the shipped Pemilu 2029 has no voting day: the command leaves the date to the officer
    assert "tahapan election add pemilu-2029 --like pemilu-2024 --voting-day TANGGAL" in quiet
    assert cli(*PEMILU_2029).exit_code == 0
    assert "election add" not in cli("status", "--days", "1").stdout


def test_shipped_stages_say_projected_false(cli):
    data = json.loads(cli("list", "-e", "pemilu-2024", "--json").stdout)
    assert data["elections"][0]["stages"][0]["projected"] is False
    rows = list(csv.DictReader(io.StringIO(cli("export", "-e", "pemilu-2024", "-f", "csv").stdout)))
    assert {r["projected"] for r in rows} == {"false"}


def test_csv_round_trip_keeps_the_flag(cli, pemilu_2029, tmp_path):
    exported = tmp_path / "p.csv"
    assert cli("export", "-e", "pemilu-2029", "-f", "csv", "-o", str(exported)).exit_code == 0
    imported = tmp_path / "p.toml"
    assert cli("import", str(exported), "-o", str(imported)).exit_code == 0
    again = cli("export", "-e", "pemilu-2029", "-f", "csv", "--data", str(imported)).stdout
    assert again == exported.read_text(encoding="utf-8")


def test_official_dates_end_the_projection(cli, pemilu_2029):
    note = (
        "tahapan: tahapan ini tetap proyeksi sampai tanggal resminya diberi bersama --basis dan "
        "--confidence (--start, --end, --basis, --confidence dalam satu perintah)\n"
    )
    only_dates = cli("stage", "set", "pemilu-2029/masa-tenang", "--end", "2029-02-13")
    assert only_dates.exit_code == 0, only_dates.output
    assert only_dates.stderr.endswith(note)

    def projected(stage):
        out = cli("show", stage, "-e", "pemilu-2029", "--json").stdout
        return json.loads(out)["stage"]["projected"]

    assert projected("masa-tenang")  # a date alone, without its own source, is still a projection
    # a basis and confidence alone would make the copied dates look official
    basis = cli(
        "stage", "set", "pemilu-2029/masa-tenang", "--basis", "PKPU 9/2027", "--confidence", "P"
    )
    assert basis.exit_code == 0 and basis.stderr.endswith(note) and projected("masa-tenang")
    sourced = cli(
        "stage", "set", "pemilu-2029/kampanye", "--start", "2028-11-26", "--end", "2029-02-10",
        "--basis", "PKPU 9/2027", "--confidence", "P",
    )  # fmt: skip
    assert sourced.exit_code == 0, sourced.output
    assert "proyeksi" not in sourced.stderr
    show = json.loads(cli("show", "kampanye", "-e", "pemilu-2029", "--json").stdout)["stage"]
    # the voting day is still projected: the office's dates are its assumption (test_assumption.py)
    assert (show["projected"], show["date_source"], show["start"]) == (
        False, "assumption", "2028-11-26"
    )  # fmt: skip
    assert show["basis"] == "PKPU 9/2027; Proyeksi dari pemilu-2024: PKPU 3/2022"
    _, stages = _stages(pemilu_2029)
    assert "projected" not in stages["kampanye"]
    assert stages["kampanye/rapat-umum"]["projected"] is True


def test_an_override_in_another_file_ends_the_projection_there(cli, pemilu_2029, tmp_path):
    other = tmp_path / "kantor.toml"
    result = cli(
        "stage", "set", "pemilu-2029/masa-tenang", "--file", str(other), "--start", "2029-02-11",
        "--end", "2029-02-13", "--basis", "PKPU 9/2027", "--confidence", "P",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        tomllib.loads(other.read_text(encoding="utf-8"))["elections"][0]["stages"][0]["projected"]
        is False
    )
    show = json.loads(
        cli("show", "masa-tenang", "-e", "pemilu-2029", "--data", str(other), "--json").stdout
    )["stage"]
    assert (show["projected"], show["date_source"]) == (False, "assumption")


def test_without_a_template_the_voting_day_alone(cli):
    missing = cli(
        "election", "add", "psu-2029-kota-kediri", "--voting-day", "2029-05-01", "--name", "PSU"
    )
    assert missing.exit_code == 2
    assert missing.stderr.startswith(
        "tahapan: pemilu tanpa --like perlu: --basis, --confidence (dasar hukum dan kepastian "
        "hari pemungutan suaranya)\n"
    )
    assert not user_file().exists()
    result = cli(
        "election", "add", "psu-2029-kota-kediri", "--voting-day", "1 Mei 2029",
        "--name", "PSU Kota Kediri 2029", "-r", "Kota Kediri", "--basis", "Putusan MK 1/2029",
        "--confidence", "P",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(cli("list", "-e", "psu-2029-kota-kediri", "--json").stdout)["elections"][0]
    assert data["regions"] == ["kota-kediri"]
    assert [(s["id"], s["start"], s["projected"]) for s in data["stages"]] == [
        ("pemungutan-suara", "2029-05-01", False)
    ]
    seen = json.loads(cli("list", "-a", "-r", "35.71", "--json").stdout)["elections"]
    assert "psu-2029-kota-kediri" in [e["id"] for e in seen]
    elsewhere = json.loads(cli("list", "-a", "-r", "Kota Malang", "--json").stdout)["elections"]
    assert "psu-2029-kota-kediri" not in [e["id"] for e in elsewhere]


def test_a_region_in_another_zone_gives_its_zone(cli):
    result = cli(
        "election", "add", "psu-2029-palu", "--voting-day", "2029-05-01", "--name", "PSU Palu",
        "-r", "Kota Palu", "--basis", "Putusan MK", "--confidence", "P",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(cli("list", "-e", "psu-2029-palu", "--json").stdout)["elections"][0]
    assert data["timezone"] == "Asia/Makassar"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["pemilu-2024", "--like", "pemilu-2024"],
            "tahapan: pemilu pemilu-2024 sudah ada\n",
        ),
        (["Pemilu 2029", "--like", "pemilu-2024"], "tahapan: id pemilu 'Pemilu 2029' tidak sah"),
        (["pemilu-2029", "--like", "pemilu-2042"], "tahapan: pemilu tidak dikenal: 'pemilu-2042'."),
        (
            ["pemilu-2029", "--like", "pemilu-2024", "-r", "kediri"],
            "tahapan: wilayah 'kediri' bisa",
        ),
    ],
)
def test_refused_with_the_file_untouched(cli, args, message):
    result = cli("election", "add", *args, "--voting-day", "2029-02-14", "--name", "X")
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert not user_file().exists()


def test_a_voting_day_in_h_notation(cli):
    result = cli(
        "election",
        "add",
        "pemilu-2029",
        "--like",
        "pemilu-2024",
        "--voting-day",
        "H+3",
        "--name",
        "X",
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "tahapan: hari pemungutan suara tidak dapat ditulis dengan H (H+3): H dihitung darinya\n"
    )


def test_a_bad_voting_day(cli):
    result = cli(
        "election", "add", "pemilu-2029", "--like", "pemilu-2024", "--voting-day", "14/14/2029",
        "--name", "X",
    )  # fmt: skip
    assert result.exit_code == 2 and "14/14/2029" in result.stderr


def test_remove_takes_out_what_the_file_defines(cli, pemilu_2029):
    result = cli("election", "remove", "pemilu-2029")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"tahapan: pemilu-2029 dihapus ({pemilu_2029}; versi lama: ")
    assert "pemilu-2029" not in cli("list", "--json").stdout
    assert pemilu_2029.with_name(pemilu_2029.name + ".bak").exists()


def test_remove_refuses_a_shipped_election(cli, pemilu_2029):
    before = pemilu_2029.read_bytes()
    result = cli("election", "remove", "pemilu-2024")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"tahapan: pemilu-2024 tidak didefinisikan di {pemilu_2029}; pemilu dari berkas lain tidak dihapus\n"
    )
    unknown = cli("election", "remove", "pemilu-2042")
    assert unknown.exit_code == 2
    assert unknown.stderr == f"tahapan: pemilu-2042 tidak didefinisikan di {pemilu_2029}\n"
    assert pemilu_2029.read_bytes() == before


def test_the_installed_command_plans_and_reports(run, tmp_path):
    env = {"TAHAPAN_USER_FILE": str(tmp_path / "jadwal.toml")}
    added = run(*PEMILU_2029, env=env)
    assert added.returncode == 0, added.stderr
    status = run("status", "-e", "pemilu-2029", "--on", "2028-11-29", "--json", env=env)
    campaign = next(a for a in json.loads(status.stdout)["active"] if a["id"] == "kampanye")
    assert (campaign["day"], campaign["days_total"], campaign["projected"]) == (2, 75, True)
    again = run(*PEMILU_2029, env=env)
    assert again.returncode == 2 and "sudah ada" in again.stderr


def test_regions_given_replace_the_templates(cli):
    result = cli(
        "election", "add", "psu-kediri", "--like", "psu-2025-08-06", "-r", "Kota Kediri",
        "--voting-day", "2030-03-01", "--name", "PSU Kediri",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    out = cli("list", "-e", "psu-kediri", "-r", "Kota Kediri", "--json").stdout
    election = json.loads(out)["elections"][0]
    # the template is Papua's (WIT, its campaign scoped to Papua): Kediri sees every stage, in WIB
    assert (election["timezone"], election["regions"]) == ("Asia/Jakarta", ["kota-kediri"])
    assert [s["id"] for s in election["stages"]] == [
        "kampanye", "masa-tenang", "pemungutan-suara-ulang"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("day", "shown"), [("0001-02-01", "1 Februari 1"), ("9999-12-01", "1 Desember 9999")]
)
def test_a_voting_day_the_template_does_not_fit_around(cli, day, shown):
    result = cli(
        "election", "add", "x", "--like", "pemilu-2024", "--voting-day", day, "--name", "X"
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"tahapan: hari pemungutan suara {shown} terlalu jauh")
    assert not user_file().exists()


def test_a_file_where_the_folder_should_be(cli, tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("x", encoding="utf-8")
    result = cli(*PEMILU_2029, "--file", str(blocker / "jadwal.toml"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"tahapan: {blocker / 'jadwal.toml'} tidak dapat ditulis: {blocker} berkas, bukan folder\n"
    )
    assert blocker.read_text(encoding="utf-8") == "x"


def test_help_of_the_group_and_its_commands(cli):
    group = cli("election", "--help")
    rows = [line.split()[:1] for line in group.stdout.split("Perintah:")[1].splitlines()]
    assert group.exit_code == 0 and ["add"] in rows and ["remove"] in rows
    main = cli("--help").stdout.split("Perintah:")[1]
    assert any(line.split()[:1] == ["election"] for line in main.splitlines())
    add = cli("election", "add", "--help").stdout
    assert "Tambah pemilu: dari templat dengan --like" in " ".join(add.split())
    assert "--voting-day TANGGAL" in add and "--like PEMILU" in add
    remove = cli("election", "remove", "--help").stdout
    assert "Hapus pemilu yang dibuat di berkas Anda" in " ".join(remove.split())


def test_a_template_with_nothing_held(cli, tmp_path, monkeypatch):
    template = tmp_path / "batal.toml"
    template.write_text(
        'schema = 1\n[[elections]]\nid = "batal"\nname = "Batal"\nname_en = "Called off"\n'
        'voting_day = 2025-03-01\nbasis = "Catatan"\n[[elections.stages]]\nid = "rapat"\n'
        'name = "Rapat"\nname_en = "Meeting"\nend = 2025-01-12\nbasis = "b"\nconfidence = "P"\n'
        "held = false\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("TAHAPAN_DATA", str(template))
    result = cli(
        "election", "add", "x", "--like", "batal", "--voting-day", "2030-03-01", "--name", "X"
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "tahapan: batal tidak punya tahapan yang dilaksanakan untuk disalin\n"
    )


def test_a_configured_region_does_not_hide_elections_from_an_edit(cli, tmp_path, monkeypatch):
    assert cli("config", "set", "region", "Kota Kediri").exit_code == 0
    shadow = cli(
        "election", "add", "psu-2025-08-06", "--voting-day", "2030-03-01", "--name", "X",
        "--basis", "B", "--confidence", "P",
    )  # fmt: skip
    assert (
        shadow.exit_code == 2 and "sudah ada" in shadow.stderr
    )  # the official one is not replaced
    liked = cli(
        "election", "add", "psu-x", "--like", "psu-2025-08-06", "--voting-day", "2030-03-01",
        "--name", "X",
    )  # fmt: skip
    assert liked.exit_code == 0, liked.output
    _, stages = _stages(user_file(), "psu-x")
    assert [p for p in stages if "/" not in p] == [
        "kampanye", "masa-tenang", "pemungutan-suara-ulang"
    ]  # fmt: skip


def test_the_rules_live_in_the_core():
    """What `election add` and `stage set` decide is decided without the CLI."""
    from datetime import date

    from tahapan.errors import TahapanError
    from tahapan.schedule.editing import ends_projection, mark_sourced
    from tahapan.schedule.load import load_catalog
    from tahapan.schedule.projection import new_election

    catalog = load_catalog()
    table = new_election(
        catalog, "psu-x", name="X", name_en="X", voting_day=date(2030, 3, 1),
        like="psu-2025-08-06", regions=["Kota Palu"], timezone=None, basis=None, confidence=None,
    )  # fmt: skip
    assert (table["regions"], table["timezone"]) == (["kota-palu"], "Asia/Makassar")
    with pytest.raises(TahapanError, match="sudah ada"):
        new_election(
            catalog, "pemilu-2024", name="X", name_en="X", voting_day=date(2030, 3, 1),
            like=None, regions=[], timezone=None, basis="b", confidence="P",
        )  # fmt: skip
    campaign = next(s for s in catalog.elections[0].stages if s.id == "kampanye")
    from dataclasses import replace

    projected = replace(campaign, projected=True)
    assert not ends_projection(campaign, {"basis": 1, "confidence": 1, "start": 1, "end": 1})
    assert not ends_projection(projected, {"basis": 1, "confidence": 1})
    assert ends_projection(projected, {"basis": 1, "confidence": 1, "start": 1, "end": 1})
    own, override = {"projected": True}, {}
    mark_sourced(own)
    mark_sourced(override)
    assert (own, override) == ({}, {"projected": False})


def test_a_projection_of_a_projection_cites_the_source_once(cli, pemilu_2029):
    again = cli("election", "add", "pemilu-2034", "--like", "pemilu-2029", "--voting-day",
                "2034-04-19", "--name", "Pemilu 2034")  # fmt: skip
    assert again.exit_code == 0, again.stderr
    _, stages = _stages(pemilu_2029, "pemilu-2034")
    assert stages["kampanye"]["basis"] == "Proyeksi dari pemilu-2029: PKPU 3/2022"
    assert all(t["basis"].count("Proyeksi dari") == 1 for t in stages.values())


def test_a_stage_without_a_start_is_a_deadline_on_a_phone(cli):
    ics = cli("calendar", "-e", "pilkada-2024", "--month", "2024-05", "-f", "ics").stdout
    assert "SUMMARY:Batas akhir: " in ics and "(berakhir)" not in ics
