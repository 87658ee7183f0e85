"""Bad schedule files: one message per problem naming file, line, stage path; exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LATIHAN
from tahapan.errors import DataError
from tahapan.i18n import said
from tahapan.schedule.load import load_catalog

GOOD = (
    LATIHAN
    + """\

[[elections.stages.stages]]
id = "apel"
name = "Apel"
name_en = "Parade"
start = 2025-01-11
end = 2025-01-11
basis = "Undangan"
confidence = "P"
"""
)


def write(tmp_path: Path, text: str, name: str = "jadwal.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalog([path], include_shipped=False)
    return [said(p) for p in caught.value.problems]


def test_good_file_loads_beside_the_shipped_data(tmp_path):
    catalog = load_catalog([write(tmp_path, GOOD)])
    assert catalog.ids()[:3] == ["pemilu-2024", "pilkada-2024", "pemilihan-ulang-2025"]
    assert catalog.ids()[-1] == "latihan"
    assert catalog.sources["latihan"] == tmp_path / "jadwal.toml"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "start = 2025-01-10",
            "strat = 2025-01-10",
            ':14: latihan/rapat: kunci tidak dikenal "strat"; apakah yang dimaksud "start"? Kunci yang diterima: '
            "basis, confidence, confidence_note, counting, end, held, id, instances, name, name_en, note, note_en, projected, "
            "regions, repeat, stages, start",
        ),
        (
            "end = 2025-01-12",
            "end = 2025-01-09",
            ":15: latihan/rapat: end 2025-01-09 lebih awal dari start 2025-01-10",
        ),
        (
            "end = 2025-01-12",
            'end = "12 Januari 2025"',
            ":15: latihan/rapat: end ('12 Januari 2025'): bukan tanggal TOML; tulis tanpa tanda kutip, misalnya 2025-01-12",
        ),
        (
            'confidence = "P"\n\n[[elections.stages.stages]]',
            'confidence = "yakin"\n\n[[elections.stages.stages]]',
            ":17: latihan/rapat: confidence ('yakin'): nilai tidak diterima; pilihan: 'P', 'P+2S', '2S', '1S' or 'D'",
        ),
        (
            'id = "apel"',
            'id = "Apel Pagi"',
            ":20: latihan/rapat/Apel Pagi: id ('Apel Pagi'): id hanya boleh huruf kecil, angka, dan tanda hubung (contoh: masa-tenang)",
        ),
        (
            'id = "apel"',
            'id = "rapat"',
            ":20: latihan/rapat/rapat: id tahapan 'rapat' sudah dipakai oleh rapat; id harus unik dalam satu pemilu",
        ),
        ('basis = "Catatan kantor"\n', "", ":4: latihan: kunci wajib 'basis' tidak ada"),
        (
            'basis = "Catatan kantor"',
            'basis = "Catatan kantor"\ntimezone = "Mars/Base"',
            ":9: latihan: timezone ('Mars/Base'): zona waktu tidak dikenal: 'Mars/Base'; gunakan WIB, WITA, WIT atau nama IANA seperti Asia/Makassar",
        ),
    ],
)
def test_each_mistake_is_named_with_file_and_line(tmp_path, old, new, expected):
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    found = problems(path)
    assert found[0] == f"{path}{expected}"
    # an end moved before the start also leaves the sub-stage outside; nothing else is reported
    assert len(found) == (2 if new == "end = 2025-01-09" else 1)


def test_sub_stage_outside_its_parent(tmp_path):
    path = write(
        tmp_path,
        GOOD.replace("start = 2025-01-11", "start = 2025-01-09").replace(
            "end = 2025-01-11", "end = 2025-01-13"
        ),
    )
    assert problems(path) == [
        f"{path}:23: latihan/rapat/apel: start 2025-01-09 sebelum induknya 'rapat' mulai (2025-01-10); "
        "subtahapan harus berada dalam rentang induknya",
        f"{path}:24: latihan/rapat/apel: end 2025-01-13 setelah induknya 'rapat' berakhir (2025-01-12); "
        "subtahapan harus berada dalam rentang induknya",
    ]


def test_every_problem_is_reported_at_once(tmp_path):
    path = write(
        tmp_path,
        GOOD.replace("end = 2025-01-12", "end = 2025-01-01").replace('id = "apel"', 'id = "rapat"'),
    )
    assert len(problems(path)) == 3  # end before start, child outside parent, duplicate id


def test_toml_syntax_error_gives_line_and_column(tmp_path):
    path = write(tmp_path, "schema = 1\n[[elections]\n")
    assert problems(path) == [
        f"{path}:2:12: sintaks TOML salah: ']]' diharapkan di akhir nama larik"
    ]


def test_unreadable_paths(tmp_path):
    missing = tmp_path / "tidak-ada.toml"
    assert problems(missing) == [f"{missing}: berkas tidak ditemukan"]
    assert problems(tmp_path) == [f"{tmp_path}: ini folder, bukan berkas TOML"]


def test_non_utf8_and_bom(tmp_path):
    latin = tmp_path / "latin.toml"
    latin.write_bytes(GOOD.replace("Latihan", "Latih\xe1n").encode("latin-1"))
    assert problems(latin) == [
        f"{latin}:5: bukan teks UTF-8 (bita 0xe1); simpan berkas sebagai UTF-8"
    ]
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert [e.id for e in load_catalog([bom], include_shipped=False).elections] == ["latihan"]


def test_problems_from_several_files_are_all_reported(tmp_path):
    bad = write(tmp_path, "schema = 2\n", "bad.toml")
    with pytest.raises(DataError) as caught:
        load_catalog([bad, tmp_path / "none.toml"])
    assert [said(p) for p in caught.value.problems] == [
        f"{bad}:1: schema (2): nilai tidak diterima; pilihan: 1",
        f"{tmp_path / 'none.toml'}: berkas tidak ditemukan",
    ]
