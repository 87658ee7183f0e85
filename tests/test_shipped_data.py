"""The shipped schedules agree with the fact sheet, row by row, and keep their legal basis."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tahapan.model import VOTING_STAGES
from tahapan.schedule.load import load_catalog, shipped_paths

FACT_SHEET = Path(__file__).resolve().parents[2] / "shared" / "reference" / "official-schedules.md"
SECTIONS = {"## 1.": "pemilu-2024", "## 2.": "pilkada-2024", "## 3.": "pemilihan-ulang-2025"}
_ROW = re.compile(
    r"^(?:↳\s*)?(\d{4}-\d{2}-\d{2}|…)[^|]*\|\s*(\d{4}-\d{2}-\d{2})[^|]*\|([^|]*)\|[^|]*\|\s*(\S+)"
)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def fact_sheet_rows():
    """(election, start or None, end, name, confidence) for every dated row of sections 1-3."""
    election = None
    for line in FACT_SHEET.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            election = next((e for prefix, e in SECTIONS.items() if line.startswith(prefix)), None)
            continue
        match = _ROW.match(line.strip())
        if election and match:
            start, end, name, confidence = match.groups()
            yield (
                election,
                None if start == "…" else date.fromisoformat(start),
                date.fromisoformat(end),
                name.strip(),
                confidence,
            )


@pytest.mark.skipif(
    not FACT_SHEET.exists(), reason="the fact sheet lives in ../shared beside the checkout"
)
def test_every_fact_sheet_row_is_shipped_with_its_confidence(catalog):
    rows = list(fact_sheet_rows())
    assert len(rows) == 70  # all three tables were read: 37 + 21 + 12 dated rows
    stages = {(e.id, s.start, s.end, s.confidence) for e in catalog.elections for _, s in e.walk()}
    missing = [row for row in rows if (row[0], row[1], row[2], row[4]) not in stages]
    assert missing == []


@pytest.mark.skipif(
    not FACT_SHEET.exists(), reason="the fact sheet lives in ../shared beside the checkout"
)
def test_no_shipped_stage_is_missing_from_the_fact_sheet(catalog):
    rows = {(r[0], r[1], r[2]) for r in fact_sheet_rows()}
    # the second round is the sheet's prose line "Not held, contingent second round"; the ad hoc
    # bodies and the Pilkada's later events are prose lines too
    prose = {
        ("pemilu-2024", date(2022, 11, 20), date(2022, 12, 16)),
        ("pemilu-2024", date(2022, 12, 18), date(2023, 1, 16)),
        ("pemilu-2024", date(2023, 1, 4), date(2024, 4, 4)),
        ("pemilu-2024", date(2024, 1, 25), date(2024, 2, 23)),
        ("pilkada-2024", date(2025, 2, 20), date(2025, 2, 20)),
        ("pilkada-2024", date(2025, 2, 24), date(2025, 2, 24)),
        # section 6d: "MK rejected the three Bangka disputes on 2025-09-29 (2S)"
        ("pemilihan-ulang-2025", date(2025, 9, 29), date(2025, 9, 29)),
    }
    extra = [
        (e.id, path)
        for e in catalog.elections
        if not e.id.startswith("psu-")  # section 3b is prose: test_psu_2025_follows_section_3b
        # section 6 (PDPB, Pemilu 2029): test_between_elections.py reads its table and prose
        and e.id not in ("pdpb", "pemilu-2029")
        for path, s in e.walk()
        if s.held and (e.id, s.start, s.end) not in rows | prose
    ]
    assert extra == []


@pytest.mark.skipif(
    not FACT_SHEET.exists(), reason="the fact sheet lives in ../shared beside the checkout"
)
def test_psu_2025_follows_section_3b(catalog):
    text = FACT_SHEET.read_text(encoding="utf-8")
    section = " ".join(text[text.index("## 3b.") : text.index("## 4.")].split())
    regions = {r.id: r for r in catalog.regions}
    psu = [e for e in catalog.elections if e.id.startswith("psu-")]
    assert [e.voting_day.isoformat() for e in psu] == [
        "2025-03-22", "2025-04-05", "2025-04-09", "2025-04-16", "2025-04-19", "2025-05-24",
        "2025-08-06",
    ]  # fmt: skip
    for election in psu:
        day = election.voting_day
        # the sheet writes the first date of a line in full and later ones as 04-09 or 08-02
        assert day.isoformat() in section or day.strftime("%m-%d") in section, election.id
        for ref in election.regions:
            short = regions[ref].name.removeprefix("Kabupaten ").removeprefix("Kota ")
            assert short in section, (election.id, short)
        for path, stage in election.walk():
            assert stage.start.strftime("%m-%d") in section or stage.start == day, (
                election.id,
                path,
            )
    # every group of the corrected sheet is 2S (the 5 April group, Talaud and Parigi Moutong were 1S)
    assert {s.confidence for e in psu for _, s in e.walk()} == {"2S"}
    assert "2025-04-05 Buru, Sabang, Banggai, Bungo, Pulau Taliabu (2S" in section
    papua = {p: s for p, s in next(e for e in psu if e.id == "psu-2025-08-06").walk()}
    assert papua["kampanye"].days_total == 130 and papua["masa-tenang"].days_total == 3
    parigi = next(e for e in psu if e.id == "psu-2025-04-16")
    assert parigi.regions == ("kabupaten-parigi-moutong",) and parigi.voting_day.weekday() == 2
    assert "2025-04-16 Parigi Moutong (2S: held Wednesday 16 Apr" in section


@pytest.mark.skipif(
    not FACT_SHEET.exists(), reason="the fact sheet lives in ../shared beside the checkout"
)
def test_bangka_voting_day_was_a_local_holiday_in_both_regions(catalog):
    text = " ".join(FACT_SHEET.read_text(encoding="utf-8").split())
    assert (
        "2025-08-27 local holiday in Kota Pangkalpinang (city decision) and in Kabupaten Bangka"
        in text
    )
    election = next(e for e in catalog.elections if e.id == "pemilihan-ulang-2025")
    assert [(h.date, h.regions) for h in election.holidays] == [
        (date(2025, 8, 27), ("kota-pangkalpinang", "kabupaten-bangka"))
    ]


def test_pinned_figures(catalog):
    stages = {(e.id, p): s for e in catalog.elections for p, s in e.walk()}
    assert stages["pemilu-2024", "kampanye"].days_total == 75
    assert stages["pilkada-2024", "kampanye"].days_total == 60
    assert stages["pemilihan-ulang-2025", "kampanye"].days_total == 30
    assert stages["pemilu-2024", "masa-tenang"].days_total == 3
    assert stages["pemilu-2024", "kampanye/rapat-umum"].days_total == 21
    assert stages["pilkada-2024", "pemutakhiran-data-pemilih/coklit"].start == date(2024, 6, 24)
    assert stages["pilkada-2024", "perencanaan"].start is None


def test_second_round_is_marked_not_held(catalog):
    pemilu = next(e for e in catalog.elections if e.id == "pemilu-2024")
    second = [s for p, s in pemilu.walk() if p.startswith("putaran-kedua")]
    assert len(second) == 7
    assert all(not s.held for s in second)


def test_every_stage_cites_a_basis_and_confidence(catalog):
    for election in catalog.elections:
        assert election.basis
        for path, stage in election.walk():
            assert stage.basis.strip(), path
            assert stage.confidence in {"P", "P+2S", "2S", "1S", "D"}, path


def test_voting_days(catalog):
    days = {e.id: e.voting_day for e in catalog.elections}
    assert {k: v for k, v in days.items() if not k.startswith("psu-")} == {
        "pemilu-2024": date(2024, 2, 14),
        "pilkada-2024": date(2024, 11, 27),
        "pemilihan-ulang-2025": date(2025, 8, 27),
        # a programme has none; Pemilu 2029's is not set (fact sheet 6b)
        "pdpb": None,
        "pemilu-2029": None,
    }
    for e in catalog.elections:
        if e.voting_day is None:
            assert not any(p in VOTING_STAGES for p, _ in e.walk())
            continue
        voting = next(s for p, s in e.walk() if p in ("pemungutan-suara", "pemungutan-suara-ulang"))
        assert voting.start == voting.end == e.voting_day


def test_the_installed_package_carries_the_data():
    # a plain (non-editable) install reads the copy inside the package
    assert shipped_paths()[-1].is_file()
    assert shipped_paths()[-1].read_text(encoding="utf-8").count("[[elections]]") == 12
    regions = shipped_paths()[-1].with_name("regions.toml")
    assert regions.read_text(encoding="utf-8").count("[[regions]]") == 552


def test_provinces_and_their_zones(catalog):
    provinces = [r for r in catalog.regions if r.parent is None]
    assert len(provinces) == 38
    zones = {r.id: r.timezone for r in provinces}
    assert zones["kepulauan-bangka-belitung"] == zones["kalimantan-barat"] == "Asia/Jakarta"
    assert zones["kalimantan-timur"] == zones["bali"] == zones["gorontalo"] == "Asia/Makassar"
    assert zones["maluku"] == zones["papua-pegunungan"] == "Asia/Jayapura"
    by_code = {r.code: r.name for r in catalog.regions if r.code}
    assert (by_code["19.71"], by_code["19.01"]) == ("Kota Pangkal Pinang", "Kabupaten Bangka")
    # a regency keeps its province's zone
    for region in catalog.regions:
        if region.parent:
            assert region.timezone == zones[region.parent], region.id


def test_the_documented_changes_of_section_6c_are_shipped(catalog):
    """Fact sheet 6c: Parigi Moutong 19 -> 16 April 2025 and Papua 9 -> 6 August 2025 (2S each); the
    PKPU 8/2024 amendment moved no date. Each change names its stage, old dates and the new ones."""
    elections = {e.id: e for e in catalog.elections}
    moved = {
        (e.id, c.stage, c.old_start, c.old_end, c.confidence)
        for e in catalog.elections
        for c in e.changes
        if c.old_start
    }
    assert moved == {
        ("psu-2025-04-16", "pemungutan-suara-ulang", date(2025, 4, 19), date(2025, 4, 19), "2S"),
        ("psu-2025-08-06", "pemungutan-suara-ulang", date(2025, 8, 9), date(2025, 8, 9), "2S"),
    }
    # the stage holds the date the vote was held
    for election_id, held in (
        ("psu-2025-04-16", date(2025, 4, 16)),
        ("psu-2025-08-06", date(2025, 8, 6)),
    ):
        stage = dict(elections[election_id].walk())["pemungutan-suara-ulang"]
        assert (stage.start, stage.end) == (held, held)
        assert elections[election_id].voting_day == held
    [amendment] = elections["pilkada-2024"].changes
    assert (
        "PKPU 8/2024" in amendment.summary and "60" in amendment.basis and "70" in amendment.basis
    )
    assert amendment.old_start is None and amendment.date is None  # no day is given: none invented
