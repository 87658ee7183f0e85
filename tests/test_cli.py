"""The CLI through Typer's CliRunner: what officers and scripts see, with exact messages and exit codes."""

from __future__ import annotations

import json

import pytest


def test_done_when_campaign_day_two(cli):
    result = cli("status", "--on", "2023-11-29", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["elections"][0] == {
        "id": "pemilu-2024",
        "name": "Pemilu 2024",
        "name_en": "2024 General Election",
        "voting_day": "2024-02-14",
        "projected": False,
        "kind": "election",
        "h": -77,
    }
    # Pilkada 2024's planning, whose start the sources do not give, ends on 26 Jan 2024: within the
    # 60 days status looks at, it counts as running (start "?"), as `check --within` reports its end
    assert [e["id"] for e in data["elections"]] == ["pemilu-2024", "pilkada-2024"]
    planning = next(a for a in data["active"] if a["election"] == "pilkada-2024")
    assert (planning["path"], planning["start"], planning["day"], planning["days_left"]) == (
        "perencanaan", None, None, 58
    )  # fmt: skip
    campaign = next(a for a in data["active"] if a["id"] == "kampanye")
    assert campaign == {
        "election": "pemilu-2024",
        "id": "kampanye",
        "path": "kampanye",
        "name": "Masa Kampanye Pemilu",
        "name_en": "Campaign period",
        "start": "2023-11-28",
        "end": "2024-02-10",
        "projected": False,
        "date_source": "official",
        "series": "kampanye",
        "occurrence": None,
        "day": 2,
        "days_total": 75,
        "days_left": 73,
    }


def test_json_contract(cli):
    """The documented shape of `status --json` (schema 1): keys may be added, never renamed or dropped."""
    data = json.loads(cli("status", "--on", "2024-01-21", "--json").stdout)
    assert list(data) == [
        "schema", "date", "timezone", "region", "elections", "active", "upcoming", "ended",
        "programmes",
    ]  # fmt: skip
    assert data["region"] is None
    assert (data["schema"], data["date"], data["timezone"]) == (1, "2024-01-21", "Asia/Jakarta")
    assert all(
        list(e) == ["id", "name", "name_en", "voting_day", "projected", "kind", "h"]
        for e in data["elections"]
    )
    stage_keys = [
        "election", "id", "path", "name", "name_en", "start", "end", "projected",
        "date_source", "series", "occurrence",
    ]  # fmt: skip
    assert data["active"] and all(
        list(a) == [*stage_keys, "day", "days_total", "days_left"] for a in data["active"]
    )
    assert data["upcoming"] and all(
        list(u) == [*stage_keys, "days_until"] for u in data["upcoming"]
    )
    ended = json.loads(cli("status", "--on", "2024-02-16", "--json").stdout)["ended"]
    assert ended and all(list(x) == [*stage_keys, "days_since"] for x in ended)
    rally = next(a for a in data["active"] if a["path"] == "kampanye/rapat-umum")
    assert (rally["day"], rally["days_total"], rally["days_left"]) == (1, 21, 20)


def test_status_default_date_is_today_in_the_zone(cli, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-02-10T16:30:00Z")
    jakarta = json.loads(cli("status", "--json").stdout)
    jayapura = json.loads(cli("status", "--json", "--tz", "WIT").stdout)
    assert (jakarta["date"], jayapura["date"]) == ("2024-02-10", "2024-02-11")
    assert jayapura["timezone"] == "Asia/Jayapura"
    assert "kampanye" in {a["id"] for a in jakarta["active"]}
    assert "masa-tenang" in {a["id"] for a in jayapura["active"]}


def test_status_human_view(cli):
    result = cli("status", "--on", "29/11/2023")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Rabu, 29 November 2023")
    assert "Pemilu 2024  H-77" in lines[1]
    campaign = next(line for line in lines if "Masa Kampanye Pemilu" in line)
    assert "2/75" in campaign and "73 hari" in campaign
    assert any(
        "Rapat umum dan iklan media massa" in line and "21 Jan 2024" in line and "53 hari" in line
        for line in lines
    )
    assert "pemungutan suara Rabu, 14 Februari 2024, 77 hari lagi" in result.stdout
    assert max(len(line) for line in lines) <= 80


def test_status_in_english(cli):
    result = cli("status", "--on", "2023-11-29", "--lang", "en")
    assert "Wednesday, 29 November 2023" in result.stdout
    assert "Campaign period" in result.stdout and "73 days" in result.stdout
    assert "voting day Wednesday, 14 February 2024, in 77 days" in result.stdout


def test_status_last_day_and_voting_day(cli):
    last = cli("status", "--on", "2024-02-10").stdout
    assert any(
        "Masa Kampanye Pemilu" in line and "75/75" in line and "hari terakhir" in line
        for line in last.splitlines()
    )
    voting = cli("status", "--on", "14 Februari 2024").stdout
    assert "Pemilu 2024  H " in voting and "hari ini pemungutan suara" in voting


def test_status_with_nothing_near_lists_what_is_loaded(cli):
    result = cli("status", "--on", "2026-11-23")
    assert result.exit_code == 0
    # the PDPB recaps run between elections: no *election* stage is near
    assert (
        "Tidak ada tahapan pemilu yang berjalan atau dimulai dalam 60 hari ke depan."
        in result.stdout
    )
    assert "pilkada-2024" in result.stdout and "H+726" in result.stdout


def test_status_h_notation_needs_one_election(cli):
    data = json.loads(cli("status", "--on", "H-3", "-e", "pilkada-2024", "--json").stdout)
    assert data["date"] == "2024-11-24"
    assert [a["id"] for a in data["active"] if a["id"] == "masa-tenang"] == ["masa-tenang"]


def test_status_explicit_elections(cli):
    data = json.loads(
        cli(
            "status", "--on", "2024-01-01", "-e", "pilkada-2024", "-e", "pemilu-2024", "--json"
        ).stdout
    )
    assert [e["id"] for e in data["elections"]] == ["pilkada-2024", "pemilu-2024"]
    assert data["elections"][0]["h"] == -331


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["status", "--on", "xyz"],
            "tahapan: tanggal tidak dikenali: 'xyz'\n  Bentuk yang diterima: 2023-11-29, 29/11/2023, 29-11-2023, "
            '29 November 2023, 29 Nov 2023, "Rabu, 29 November 2023", hari ini, besok, kemarin, dan H-3 / H / H+2 '
            "(hari relatif terhadap hari pemungutan suara pemilu yang dipilih dengan --election).\n",
        ),
        (
            ["status", "--on", "2024-02-30", "--lang", "en"],
            "tahapan: no such date: '2024-02-30' (February 2024 has only 29 days)\n  Accepted forms: 2023-11-29, "
            '29/11/2023, 29-11-2023, 29 November 2023, 29 Nov 2023, "Wednesday, 29 November 2023", today, tomorrow, '
            "yesterday, and H-3 / H / H+2 (days relative to the voting day of the election chosen with --election).\n",
        ),
        (
            ["status", "--on", "H-3"],
            "tahapan: 'H-3' dihitung dari hari pemungutan suara, jadi perlu tepat satu pemilu\n"
            "  Tambahkan --election, misalnya --election pemilu-2024.\n",
        ),
        (
            ["status", "-e", "pemilu-2042"],
            "tahapan: pemilu tidak dikenal: 'pemilu-2042'. Mungkin yang dimaksud: pemilu-2029, pemilu-2024, "
            "pemilihan-ulang-2025?\n  Pemilu yang tersedia: pemilu-2024, pilkada-2024, pemilihan-ulang-2025, "
            "psu-2025-03-22, psu-2025-04-05, psu-2025-04-09, psu-2025-04-16, psu-2025-04-19, "
            "psu-2025-05-24, psu-2025-08-06, pdpb, pemilu-2029\n",
        ),
        (
            ["status", "--tz", "Mars/Base"],
            "tahapan: zona waktu tidak dikenal: 'Mars/Base'\n"
            "  Gunakan WIB, WITA, WIT atau nama IANA seperti Asia/Jakarta, Asia/Makassar, Asia/Jayapura.\n",
        ),
        (
            # a real tie: both planning stages run on 10 January 2024 (one's start unknown)
            ["show", "perencanaan", "--on", "2024-01-10"],
            "tahapan: tahapan 'perencanaan' ada di beberapa pemilu: pemilu-2024/perencanaan, "
            "pilkada-2024/perencanaan.\n"
            "  Sebutkan pemilunya, misalnya --election pemilu-2024 atau pemilu-2024/perencanaan.\n",
        ),
        (
            ["show", "kampanya", "-e", "pemilu-2024", "--lang", "en"],
            "tahapan: unknown stage: 'kampanya'. Did you mean: kampanye, kampanye/rapat-umum, kampanye-putaran-kedua?\n"
            "  `tahapan list` shows every stage id.\n",
        ),
    ],
)
def test_bad_input_exits_2_with_message(cli, args, stderr):
    result = cli(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


def test_bad_data_file_exits_2_with_one_line_per_problem(cli, tmp_path):
    bad = tmp_path / "kantor.toml"
    bad.write_text(
        'schema = 1\n[[elections]]\nid = "kantor"\nname = "K"\nname_en = "K"\nvoting_day = 2025-01-01\n'
        'basis = "x"\n[[elections.stages]]\nid = "a"\nname = "A"\nname_en = "A"\nstart = 2025-01-02\n'
        'end = 2025-01-01\nbasis = "x"\nconfidence = "P"\n',
        encoding="utf-8",
    )
    result = cli("list", "--data", str(bad), "--data", str(tmp_path / "none.toml"))
    assert result.exit_code == 2
    assert result.stderr == (
        "tahapan: berkas tidak dapat dipakai (2 masalah):\n"
        f"{bad}:13: kantor/a: end 2025-01-01 lebih awal dari start 2025-01-02\n"
        f"{tmp_path / 'none.toml'}: berkas tidak ditemukan\n"
    )


def test_usage_errors_exit_2(cli):
    result = cli("status", "--lang", "jv")
    assert result.exit_code == 2
    assert result.stderr.startswith("tahapan: nilai tidak sah untuk --lang: 'jv' ")


def test_extra_data_file_is_shown(cli, tmp_path):
    extra = tmp_path / "kantor.toml"
    extra.write_text(
        'schema = 1\n[[elections]]\nid = "rakor-polda"\nname = "Rakor Polda"\nname_en = "Police coordination"\n'
        'voting_day = 2024-02-14\nbasis = "Surat perintah"\n[[elections.stages]]\nid = "ops-mantap-brata"\n'
        'name = "Operasi Mantap Brata"\nname_en = "Operation Mantap Brata"\nstart = 2023-10-19\n'
        'end = 2024-10-20\nbasis = "Surat perintah"\nconfidence = "P"\n',
        encoding="utf-8",
    )
    data = json.loads(cli("status", "--on", "2023-11-29", "--data", str(extra), "--json").stdout)
    assert [e["id"] for e in data["elections"]] == ["pemilu-2024", "pilkada-2024", "rakor-polda"]
    ops = next(a for a in data["active"] if a["election"] == "rakor-polda")
    assert (ops["day"], ops["days_total"]) == (42, 368)


def test_list_json_tree(cli):
    data = json.loads(cli("list", "-e", "pemilu-2024", "--on", "2024-01-21", "--json").stdout)
    assert data["schema"] == 1 and [e["id"] for e in data["elections"]] == ["pemilu-2024"]
    stages = {s["id"]: s for s in data["elections"][0]["stages"]}
    campaign = stages["kampanye"]
    assert (campaign["position"], campaign["days_total"], campaign["confidence"]) == (
        "active",
        75,
        "2S",
    )
    assert [(s["path"], s["position"]) for s in campaign["stages"]] == [
        ("kampanye/rapat-umum", "active")
    ]
    assert stages["putaran-kedua"]["position"] == "not-held"
    assert stages["penetapan-peserta"]["position"] == "ended"


def test_list_human_view(cli):
    result = cli("list", "-e", "pilkada-2024", "--on", "2024-07-01")
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and max(len(line) for line in lines) <= 80
    assert any(
        "Pencocokan dan penelitian" in line and "24 Jun – 24 Jul 2024" in line and "31" in line
        for line in lines
    )
    assert any("? – 26 Jan 2024" in line for line in lines)


def test_show(cli):
    result = cli("show", "pemilu-2024/kampanye", "--on", "2023-11-29")
    assert result.exit_code == 0
    out = result.stdout
    assert "sedang berjalan: hari ke-2 dari 75, sisa 73 hari" in out
    assert "PKPU 3/2022" in out and "2S: dua sumber sekunder atau lebih" in out
    assert "H-78 … H-4" in out and "rapat-umum" in out


def test_show_json(cli):
    data = json.loads(
        cli("show", "coklit", "-e", "pilkada-2024", "--on", "2024-07-01", "--json").stdout
    )
    stage = data["stage"]
    assert (stage["path"], stage["position"], stage["day"], stage["days_left"]) == (
        "pemutakhiran-data-pemilih/coklit",
        "active",
        8,
        23,
    )
    assert (stage["h_start"], stage["h_end"]) == (-156, -126)


def test_show_upcoming_and_ended(cli):
    upcoming = json.loads(
        cli("show", "pilkada-2024/kampanye", "--on", "2024-09-01", "--json").stdout
    )["stage"]
    assert (upcoming["position"], upcoming["days_until"]) == ("upcoming", 24)
    ended = json.loads(cli("show", "pilkada-2024/kampanye", "--on", "2024-12-01", "--json").stdout)[
        "stage"
    ]
    assert (ended["position"], ended["days_since"]) == ("ended", 8)


def test_the_help_lists_the_commands(cli):
    # each command's own help: test_structure.py, for every command and subcommand
    listed = cli("--help").stdout
    assert all(name in listed for name in ("status", "hitung", "calc", "pace"))


@pytest.mark.parametrize("width", ["80", "40"])
def test_narrow_terminals_keep_dates_and_names(cli, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", width)
    status = cli("status", "--on", "2023-11-29").stdout
    assert max(len(line) for line in status.splitlines()) <= int(width)
    assert "Rabu, 29 November 2023" in status
    assert "Masa Kampanye Pemilu" in status and "2/75" in status
    assert "21 Jan 2024" in status and "Rapat umum dan iklan media massa" in status
    listing = cli("list", "-e", "pilkada-2024", "--on", "2024-07-01").stdout
    assert max(len(line) for line in listing.splitlines()) <= int(width)
    assert "24 Jun – 24 Jul 2024" in listing and "Pencocokan dan penelitian (coklit)" in listing
