"""Overlay files over the shipped data, `list --sources`, TAHAPAN_DATA, and `--region`."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tahapan.errors import DataError
from tahapan.i18n import said
from tahapan.schedule.load import load_catalog

OVERLAY = """\
schema = 1

[[elections]]
id = "pemilu-2024"

[[elections.stages]]
id = "coklit"
end = 2023-03-20
basis = "Keputusan KPU Kabupaten (contoh)"
confidence = "P"

[[elections.stages]]
id = "rapat-koordinasi"
name = "Rapat koordinasi Bawaslu"
name_en = "Bawaslu coordination meeting"
start = 2023-11-20
end = 2023-11-20
basis = "Undangan Bawaslu"
confidence = "P"

[[elections.stages]]
id = "kampanye/rapat-umum"
note = "Jadwal zona kabupaten di lampiran."
"""


@pytest.fixture
def overlay(tmp_path):
    path = tmp_path / "kantor.toml"
    path.write_text(OVERLAY, encoding="utf-8")
    return path


def stages(catalog, election="pemilu-2024"):
    return {p: s for e in catalog.elections if e.id == election for p, s in e.walk()}


def test_an_overlay_adds_a_stage_and_changes_another_by_id_or_path(overlay):
    found = stages(load_catalog([overlay]))
    coklit = found["pemutakhiran-data-pemilih/coklit"]
    assert (coklit.start, coklit.end, coklit.confidence) == (
        date(2023, 2, 12),
        date(2023, 3, 20),
        "P",
    )
    assert coklit.name == "Pencocokan dan penelitian (coklit)"  # untouched keys stay
    assert found["rapat-koordinasi"].end == date(2023, 11, 20)
    assert found["kampanye/rapat-umum"].note == "Jadwal zona kabupaten di lampiran."
    assert found["kampanye/rapat-umum"].confidence == "2S"  # a note alone keeps the row's sources


def test_a_changed_date_needs_its_own_basis(overlay):
    overlay.write_text(
        OVERLAY.replace('basis = "Keputusan KPU Kabupaten (contoh)"\nconfidence = "P"\n', "")
    )
    with pytest.raises(DataError) as caught:
        load_catalog([overlay])
    assert [said(p) for p in caught.value.problems] == [
        f"{overlay}:8: pemilu-2024/pemutakhiran-data-pemilih/coklit: end diubah tanpa dasar sendiri: "
        "tambahkan basis dan confidence di tabel yang sama"
    ]


def test_a_problem_names_the_file_that_set_the_value(overlay):
    overlay.write_text(OVERLAY.replace("end = 2023-03-20", "end = 2023-01-20"))
    with pytest.raises(DataError) as caught:
        load_catalog([overlay])
    assert [said(p) for p in caught.value.problems] == [
        f"{overlay}:8: pemilu-2024/pemutakhiran-data-pemilih/coklit: "
        "end 2023-01-20 lebih awal dari start 2023-02-12"
    ]


def test_a_repeated_id_in_one_file_is_still_a_duplicate(tmp_path):
    path = tmp_path / "dua.toml"
    table = (
        '[[elections.stages]]\nid = "rapat"\nname = "R"\nname_en = "R"\nend = 2024-01-01\n'
        'basis = "b"\nconfidence = "P"\n'
    )
    path.write_text(
        'schema = 1\n[[elections]]\nid = "pemilu-2024"\n' + table + table, encoding="utf-8"
    )
    with pytest.raises(DataError) as caught:
        load_catalog([path])
    assert "id tahapan 'rapat' sudah dipakai oleh rapat" in said(caught.value.problems[0])


def test_list_sources_names_each_file(cli, overlay):
    result = cli("list", "-e", "pemilu-2024", "--sources", "--data", str(overlay), "--json")
    data = json.loads(result.stdout)
    by_path = {s["path"]: s for s in data["stage_sources"]}
    assert by_path["rapat-koordinasi"]["source"] == str(overlay)
    coklit = by_path["pemutakhiran-data-pemilih/coklit"]
    assert coklit["source"].endswith("stages.toml")
    assert coklit["changed"] == {
        "basis": str(overlay),
        "confidence": str(overlay),
        "end": str(overlay),
    }
    text = cli(
        "list", "-e", "pemilu-2024", "--sources", "--data", str(overlay), "--on", "2023-03-01"
    ).stdout
    assert "dari kantor.toml" in text
    flat = " ".join(text.split())
    assert "dari data bawaan; diubah oleh kantor.toml (basis, confidence, end)" in flat


def test_tahapan_data_and_data_option_both_merge(cli, overlay, tmp_path, monkeypatch):
    second = tmp_path / "kedua.toml"
    second.write_text(
        'schema = 1\n[[elections]]\nid = "pemilu-2024"\n[[elections.stages]]\nid = "rapat-koordinasi"\n'
        'note = "Ruang rapat lantai 2"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("TAHAPAN_DATA", str(overlay))
    result = cli("show", "rapat-koordinasi", "-e", "pemilu-2024", "--data", str(second), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stage"]["note"] == "Ruang rapat lantai 2"


class TestRegions:
    def test_region_by_code_name_or_id_uses_its_zone(self, cli):
        for text in ("19.71", "Kota Pangkalpinang", "pangkalpinang", "kota-pangkalpinang"):
            data = json.loads(cli("status", "-r", text, "--on", "2025-08-25", "--json").stdout)
            assert data["region"]["id"] == "kota-pangkalpinang", text
            assert [e["id"] for e in data["elections"]] == ["pemilihan-ulang-2025"]
        papua = json.loads(cli("status", "-r", "papua", "--on", "2025-08-01", "--json").stdout)
        assert papua["timezone"] == "Asia/Jayapura"
        assert [a["id"] for a in papua["active"]] == ["kampanye"]

    def test_other_regions_own_stages_are_hidden(self, cli):
        everywhere = json.loads(cli("list", "--all", "--json").stdout)
        assert "psu-2025-03-22" in [e["id"] for e in everywhere["elections"]]
        siak = json.loads(cli("list", "-a", "-r", "kabupaten-siak", "--json").stdout)
        ids = [e["id"] for e in siak["elections"]]
        assert "psu-2025-03-22" in ids and "psu-2025-04-19" not in ids
        assert "pemilu-2024" in ids  # national elections stay
        # Barito Utara voted twice; the Papua campaign belongs to Papua only
        barito = json.loads(cli("list", "-a", "-r", "kabupaten-barito-utara", "--json").stdout)
        second = next(e for e in barito["elections"] if e["id"] == "psu-2025-08-06")
        assert [s["id"] for s in second["stages"]] == ["pemungutan-suara-ulang"]

    def test_list_and_show_name_the_regions(self, cli):
        listed = cli("list", "-e", "psu-2025-08-06", "--on", "2025-08-01").stdout
        assert "Wilayah: Papua, Kabupaten Boven Digoel, Kabupaten Barito Utara" in listed
        shown = json.loads(cli("show", "kampanye", "-e", "psu-2025-08-06", "--json").stdout)
        assert shown["stage"]["regions"] == ["Papua"]
        national = json.loads(cli("show", "kampanye", "-e", "pemilu-2024", "--json").stdout)
        assert national["stage"]["regions"] == []

    def test_a_province_sees_its_regencies_elections(self, cli):
        data = json.loads(cli("list", "-a", "-r", "19", "--json").stdout)
        ids = [e["id"] for e in data["elections"]]
        assert "pemilihan-ulang-2025" in ids and "psu-2025-03-22" in ids  # Bangka Barat

    def test_local_holiday_counts_only_in_its_region(self, cli):
        plain = json.loads(
            cli(
                "hitung", "2025-08-26 + 1 hari kerja", "-e", "pemilihan-ulang-2025", "--json"
            ).stdout
        )
        assert plain["result"]["date"] == "2025-08-27"  # a working day in Bangka
        local = cli(
            "hitung",
            "2025-08-26 + 1 hari kerja",
            "-e",
            "pemilihan-ulang-2025",
            "-r",
            "19.71",
            "--json",
        )
        assert json.loads(local.stdout)["result"]["date"] == "2025-08-28"

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "Pangkalpinag",
                "tahapan: wilayah tidak dikenal: 'Pangkalpinag'. Mungkin yang dimaksud: Kota Pangkal Pinang?\n"
                "  Pakai kode Kemendagri (35.71), id atau nama; `tahapan regions TEKS` mencarinya.\n",
            ),
            ("99.99", "tahapan: wilayah tidak dikenal: '99.99'."),
        ],
    )
    def test_unknown_region(self, cli, text, message):
        result = cli("status", "-r", text)
        assert result.exit_code == 2 and result.stderr.startswith(message)

    def test_regions_command(self, cli):
        result = cli("regions", "bangka")
        # the exact name first, then the names holding the word as a word, in code order
        babel = "kepulauan-bangka-belitung"
        assert result.stdout.splitlines() == [
            f"kabupaten-bangka\t19.01\tkabupaten\tAsia/Jakarta\t{babel}\tKabupaten Bangka",
            f"{babel}\t19\tprovinsi\tAsia/Jakarta\t-\tKepulauan Bangka Belitung",
            f"kabupaten-bangka-selatan\t19.03\tkabupaten\tAsia/Jakarta\t{babel}\tKabupaten Bangka Selatan",
            f"kabupaten-bangka-tengah\t19.04\tkabupaten\tAsia/Jakarta\t{babel}\tKabupaten Bangka Tengah",
            f"kabupaten-bangka-barat\t19.05\tkabupaten\tAsia/Jakarta\t{babel}\tKabupaten Bangka Barat",
            # and last the names that only contain the text
            "kabupaten-bangkalan\t35.26\tkabupaten\tAsia/Jakarta\tjawa-timur\tKabupaten Bangkalan",
        ]

    def test_unknown_region_reference_in_a_file(self, tmp_path):
        path = tmp_path / "r.toml"
        path.write_text(
            'schema = 1\n[[elections]]\nid = "pemilu-2024"\n[[elections.stages]]\nid = "x"\n'
            'name = "X"\nname_en = "X"\nend = 2024-01-01\nbasis = "b"\nconfidence = "P"\n'
            'regions = ["kota-atlantis"]\n',
            encoding="utf-8",
        )
        with pytest.raises(DataError) as caught:
            load_catalog([path])
        assert [said(p) for p in caught.value.problems] == [
            f"{path}:11: pemilu-2024/x: wilayah tidak dikenal: 'kota-atlantis'; pakai kode, id "
            "atau nama wilayah (tahapan regions TEKS mencarinya)"
        ]
