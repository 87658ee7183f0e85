"""Every region of the Kemendagri decree, found by what officers type; `tahapan regions`."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from conftest import LATIHAN
from tahapan.errors import UnknownNameError
from tahapan.i18n import said
from tahapan.schedule.load import load_catalog
from tahapan.schedule.region_lookup import AmbiguousRegionError, find_region, search, suggestions

WILAYAH = Path(__file__).resolve().parents[2] / "shared" / "reference" / "wilayah.csv"
#: ids of the regions earlier releases shipped: users have them in configs and files
EARLIER_IDS = [
    "aceh", "jakarta", "di-yogyakarta", "kepulauan-bangka-belitung", "papua-barat-daya",
    "kota-pangkalpinang", "kabupaten-bangka", "kabupaten-bangka-barat", "kabupaten-siak",
    "kabupaten-barito-utara", "kabupaten-magetan", "kabupaten-buru", "kabupaten-kepulauan-talaud",
    "kota-banjarbaru", "kabupaten-serang", "kabupaten-pasaman", "kabupaten-empat-lawang",
    "kabupaten-tasikmalaya", "kabupaten-kutai-kartanegara", "kabupaten-gorontalo-utara",
    "kabupaten-bengkulu-selatan", "kabupaten-mahakam-ulu", "kota-palopo", "kabupaten-pesawaran",
    "kabupaten-boven-digoel",
]  # fmt: skip


@pytest.fixture(scope="module")
def regions():
    return load_catalog().regions


@pytest.mark.skipif(not WILAYAH.exists(), reason="the reference list lives in ../shared")
def test_every_row_of_the_decree_is_shipped(regions):
    rows = list(csv.DictReader(WILAYAH.open(encoding="utf-8")))
    assert len(rows) == 552
    by_code = {r.code: r for r in regions}
    by_id = {r.id: r for r in regions}
    assert len(by_code) == len(regions) == 552
    for row in rows:
        region = by_code[row["code"]]
        parent = by_id[region.parent].code if region.parent else ""
        assert (region.kind, region.name, parent, region.timezone) == (
            row["kind"],
            row["name"],
            row["province_code"],
            row["timezone"],
        ), row["code"]


def test_counts_by_kind(regions):
    kinds = [r.kind for r in regions]
    assert (kinds.count("provinsi"), kinds.count("kabupaten"), kinds.count("kota")) == (38, 416, 98)


@pytest.mark.parametrize("ident", EARLIER_IDS)
def test_ids_already_in_use_keep_working(regions, ident):
    assert find_region(regions, ident).id == ident


def test_every_region_is_found_by_its_code_id_and_name(regions):
    for region in regions:
        for text in (region.code, region.id, region.name, region.name.upper()):
            assert find_region(regions, text) is region, text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Pangkal Pinang", "19.71"), ("Pangkalpinang", "19.71"), ("kota pangkalpinang", "19.71"),
        ("Tanjung Pinang", "21.72"), ("Tanjungpinang", "21.72"),
        ("Palangkaraya", "62.71"), ("Palangka Raya", "62.71"),
        ("Bau Bau", "74.72"), ("Baubau", "74.72"), ("Bau-Bau", "74.72"),
        ("Fak Fak", "92.03"), ("Fakfak", "92.03"), ("Kab. Fakfak", "92.03"),
        ("Toli-Toli", "72.04"), ("Tolitoli", "72.04"), ("KABUPATEN TOLITOLI", "72.04"),
        ("Kepulauan Siau Tagulandang Biaro", "71.09"), ("Kab. Kep. Siau Tagulandang Biaro", "71.09"),
        ("Kota Kediri", "35.71"), ("Kabupaten Kediri", "35.06"), ("Kab Kediri", "35.06"),
        ("3571", "35.71"), ("Tangsel", "36.74"), ("Tangerang Selatan", "36.74"), ("Solo", "33.72"),
        ("Jakarta Selatan", "31.74"), ("Jaksel", "31.74"), ("Kota Administrasi Jakarta Pusat", "31.71"),
        ("Jatim", "35"), ("Jabar", "32"), ("Jateng", "33"), ("DIY", "34"), ("DKI", "31"),
        ("Jakarta", "31"), ("Babel", "19"), ("Kepri", "21"), ("NTB", "52"), ("NTT", "53"),
        ("Sumut", "12"), ("Sulsel", "73"), ("Provinsi Jawa Timur", "35"), ("papua", "91"),
    ],
)  # fmt: skip
def test_names_as_officers_write_them(regions, text, code):
    assert find_region(regions, text).code == code


def test_kediri_is_two_regions_and_the_officer_picks(cli):
    result = cli("status", "-r", "kediri")
    assert result.exit_code == 2
    assert result.stderr == (
        "tahapan: wilayah 'kediri' bisa berarti 2 wilayah:\n"
        "  35.06  kabupaten  Kabupaten Kediri (Jawa Timur)\n"
        "  35.71  kota       Kota Kediri (Jawa Timur)\n"
        '  Sebutkan kode atau nama lengkapnya, mis. 35.06 atau "Kabupaten Kediri".\n'
    )


def test_a_word_many_names_share_lists_the_first_few(regions):
    with pytest.raises(AmbiguousRegionError) as caught:
        find_region(regions, "selatan")
    lines = said(caught.value.message).splitlines()
    assert len(lines) == 1 + 8 + 1 and lines[-1].startswith("  … dan ")


@pytest.mark.parametrize("text", ["35.71", "Kota Kediri", "kota-kediri"])
def test_status_in_kota_kediri_on_the_first_campaign_day(cli, text):
    data = json.loads(cli("status", "-r", text, "--on", "2024-09-25", "--json").stdout)
    assert data["region"] == {"id": "kota-kediri", "code": "35.71", "name": "Kota Kediri"}
    campaign = next(a for a in data["active"] if a["id"] == "kampanye")
    assert (campaign["election"], campaign["day"], campaign["days_total"]) == (
        "pilkada-2024",
        1,
        60,
    )


def test_suggestions_share_rare_words_first(regions):
    def names(text):
        return [r.name for r in suggestions(regions, text)]

    assert names("Tangerang Utara") == [
        "Kabupaten Tangerang",
        "Kota Tangerang",
        "Kota Tangerang Selatan",
    ]
    assert names("Tangerang Selatn")[0] == "Kota Tangerang Selatan"
    assert names("Tanggerang")[0] == "Kabupaten Tangerang"
    assert names("Sumatra Selatan")[0] == "Sumatera Selatan"
    with pytest.raises(UnknownNameError, match="Mungkin yang dimaksud: Kota Surabaya"):
        find_region(regions, "Surabya")
    # the right name with the wrong kind: the other kind first
    assert names("Kabupaten Palembang") == ["Kota Palembang"]
    assert names("Kota Sleman") == ["Kabupaten Sleman"]


def test_typed_text_is_echoed_safely(cli):
    many = cli("status", "-r", "Kota Administrasi")
    assert "(`tahapan regions 'Kota Administrasi'` menampilkan semuanya)" in many.stderr
    hostile = cli("status", "-r", "kota\x1b[2J")
    assert hostile.exit_code == 2 and "\x1b" not in hostile.stderr
    assert "'kota\\x1b[2J'" in hostile.stderr


class TestRegionsCommand:
    def test_tangerang_lists_the_three(self, cli):
        result = cli("regions", "tangerang")
        assert result.exit_code == 0
        assert [line.split("\t")[5] for line in result.stdout.splitlines()] == [
            "Kabupaten Tangerang", "Kota Tangerang", "Kota Tangerang Selatan"
        ]  # fmt: skip

    def test_narrowed_by_province(self, cli):
        result = cli("regions", "kota", "-p", "Jatim")
        codes = [line.split("\t")[1] for line in result.stdout.splitlines()]
        assert codes == [f"35.{n}" for n in range(71, 80)]
        everything = cli("regions", "--province", "35").stdout.splitlines()
        assert len(everything) == 1 + 29 + 9

    def test_a_regency_is_no_province(self, cli):
        result = cli("regions", "-p", "Kota Kediri")
        assert result.exit_code == 2
        assert result.stderr == "tahapan: Kota Kediri bukan provinsi\n  Provinsinya: Jawa Timur.\n"

    def test_nothing_found_exits_1_as_grep_does(self, cli):
        result = cli("regions", "atlantis")
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr == "tahapan: tidak ada wilayah yang cocok dengan 'atlantis'.\n"
        typo = cli("regions", "surabya", "--lang", "en")
        assert typo.exit_code == 1
        assert typo.stderr == "tahapan: no region matches 'surabya'. Did you mean: Kota Surabaya?\n"
        empty = cli("regions", "atlantis", "--json")
        assert (empty.exit_code, json.loads(empty.stdout)["regions"]) == (1, [])

    def test_json_lists_552_with_unique_codes(self, cli):
        data = json.loads(cli("regions", "--json").stdout)["regions"]
        assert len(data) == len({r["code"] for r in data}) == 552
        kediri = next(r for r in data if r["code"] == "35.71")
        assert kediri == {
            "id": "kota-kediri", "code": "35.71", "kind": "kota", "name": "Kota Kediri",
            "parent": "jawa-timur", "timezone": "Asia/Jakarta",
        }  # fmt: skip

    def test_the_installed_command_searches_too(self, run):
        result = run("regions", "Kota Kediri")
        assert (result.returncode, result.stdout) == (
            0,
            "kota-kediri\t35.71\tkota\tAsia/Jakarta\tjawa-timur\tKota Kediri\n",
        )
        assert run("regions", "atlantis").returncode == 1
        ambiguous = run("status", "-r", "kediri")
        assert ambiguous.returncode == 2 and "35.06" in ambiguous.stderr


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Kodya Kediri", "kota-kediri"),  # a city was a "kotamadya" until 1999
        ("Kotamadya Kediri", "kota-kediri"),
        ("kediri kota", "kota-kediri"),  # the kind last, as lists sorted by name write it
        ("Kediri, Kota", "kota-kediri"),
        ("Ｋｏｔａ Ｋｅｄｉｒｉ", "kota-kediri"),  # full-width letters from a phone keyboard
        ("３５．７１", "kota-kediri"),
        ("Kab. Kediri", "kabupaten-kediri"),
        ("Kabupaten Kediri", "kabupaten-kediri"),
        ("kediri kabupaten", "kabupaten-kediri"),
        ("Lima Puluh Kota", "kabupaten-lima-puluh-kota"),  # "Kota" that is part of a name
    ],
)
def test_old_and_reordered_and_full_width_names(cli, text, region):
    result = cli("status", "-r", text, "--on", "2024-09-25", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["region"]["id"] == region
    listed = cli("regions", text)
    assert listed.stdout.split("\t")[0] == region


def test_kediri_alone_stays_two_regions(cli, run):
    refused = run("status", "-r", "kediri")
    assert refused.returncode == 2
    assert "35.06  kabupaten  Kabupaten Kediri" in refused.stderr
    assert "35.71  kota       Kota Kediri" in refused.stderr
    assert cli("status", "-r", "Ｋｅｄｉｒｉ").exit_code == 2


def test_a_province_option_that_names_several_exits_2_with_the_candidates(cli, run):
    done = run("regions", "-p", "kepulauan", "kota")
    assert (done.returncode, done.stdout) == (2, "")
    # provinces first: the two Kepulauan provinces, not the eighteen regions holding the word
    assert done.stderr == (
        "tahapan: --province: wilayah 'kepulauan' bisa berarti 2 wilayah:\n"
        "  19     provinsi   Kepulauan Bangka Belitung\n"
        "  21     provinsi   Kepulauan Riau\n"
        '  Sebutkan kode atau nama lengkapnya, mis. 19 atau "Kepulauan Bangka Belitung".\n'
    )
    several = cli("regions", "--province", "Sulawesi")
    assert several.exit_code == 2 and several.stdout == ""
    assert several.stderr.count("provinsi   Sulawesi") == 5
    assert cli("regions", "-p", "Kodya Kediri").stderr == (
        "tahapan: Kota Kediri bukan provinsi\n  Provinsinya: Jawa Timur.\n"
    )


def test_search_puts_exact_matches_first(regions):
    # the province's id is "jambi", the city's name too; Muaro Jambi holds the word
    assert [r.code for r in search(regions, "jambi")] == ["15", "15.71", "15.05"]
    assert [r.code for r in search(regions, "Kota Jambi")] == ["15.71"]
    assert find_region(regions, "jambi").code == "15"  # an id is looked up before names


def _stage(ident: str, name: str, region: str) -> str:
    return (
        f'\n[[elections.stages]]\nid = "{ident}"\nname = "{name}"\nname_en = "{name}"\n'
        f'start = 2025-01-10\nend = 2025-01-12\nbasis = "Undangan"\nconfidence = "P"\n'
        f"regions = [{region}]\n"
    )


# conftest's one-election file, its election given stages for a province, a regency and a city
LOCAL = (
    LATIHAN[: LATIHAN.index("\n[[elections.stages]]")]
    + _stage("provinsi", "Rapat provinsi", '"Jatim"')
    + _stage("kabupaten", "Rapat kabupaten", '"Kabupaten Kediri"')
    + _stage("kota", "Rapat kota", '"35.71"')
)


def test_a_regency_sees_its_province_and_itself(cli, tmp_path):
    path = tmp_path / "kantor.toml"
    path.write_text(LOCAL, encoding="utf-8")

    def stages(region):
        out = cli("list", "-e", "latihan", "-r", region, "--data", str(path), "--json").stdout
        return [s["id"] for s in json.loads(out)["elections"][0]["stages"]]

    assert stages("Kota Kediri") == ["provinsi", "kota"]
    assert stages("Kabupaten Kediri") == ["provinsi", "kabupaten"]
    assert stages("Jawa Timur") == ["provinsi", "kabupaten", "kota"]
    assert stages("Kota Malang") == ["provinsi"]


def test_a_file_may_name_regions_by_name_or_code_and_gets_ids(tmp_path):
    path = tmp_path / "kantor.toml"
    path.write_text(LOCAL, encoding="utf-8")
    latihan = next(e for e in load_catalog([path]).elections if e.id == "latihan")
    assert [s.regions for s in latihan.stages] == [
        ("jawa-timur",),
        ("kabupaten-kediri",),
        ("kota-kediri",),
    ]


def test_stage_add_stores_the_region_id(cli):
    from tahapan.config import user_file

    base = ["stage", "add", "pilkada-2024/apel", "--name", "Apel", "--name-en", "Parade"]
    base += ["--end", "2024-11-20", "--basis", "Surat", "--confidence", "P"]
    ambiguous = cli(*base, "-r", "kediri")
    assert ambiguous.exit_code == 2 and "35.06" in ambiguous.stderr
    assert not user_file().exists()
    result = cli(*base, "-r", "Kota Kediri", "-r", "35.71")
    assert result.exit_code == 0, result.output
    assert 'regions = [\n    "kota-kediri",\n]' in user_file().read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("kediri", "wilayah 'kediri' bisa berarti: 35.06 Kabupaten Kediri, 35.71 Kota Kediri; "
         "tulis kode atau nama lengkapnya"),
        ("Surabya", "wilayah tidak dikenal: 'Surabya' (mungkin: Kota Surabaya); pakai kode, id atau "
         "nama wilayah (tahapan regions TEKS mencarinya)"),
    ],
)  # fmt: skip
def test_a_file_naming_a_region_badly_is_told_which(tmp_path, ref, message):
    from tahapan.errors import DataError

    path = tmp_path / "kantor.toml"
    path.write_text(LOCAL.replace('regions = ["35.71"]', f"regions = [{ref!r}]".replace("'", '"')))
    with pytest.raises(DataError) as caught:
        load_catalog([path])
    assert [said(p) for p in caught.value.problems] == [f"{path}:38: latihan/kota: {message}"]


def test_a_miss_within_a_province_suggests_its_regions(cli):
    result = cli("regions", "kedri", "-p", "jatim")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        "tahapan: tidak ada wilayah yang cocok dengan 'kedri' di 'jatim'. "
        "Mungkin yang dimaksud: Kabupaten Kediri, Kota Kediri?\n"
    )
