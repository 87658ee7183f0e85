"""export / import: TOML and CSV round trips, formula cells, and bad rows named by row and column."""

from __future__ import annotations

import csv
import io
import tomllib
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tahapan.model import Election, Stage
from tahapan.schedule.catalog import Catalog
from tahapan.schedule.csv_read import import_csv
from tahapan.schedule.load import build_catalog, load_catalog
from tahapan.schedule.merge import SourceFile
from tahapan.schedule.tabular import csv_text, neutralise, restore
from tahapan.schedule.writer import schedule_text


def test_export_toml_reads_back_as_the_same_elections(cli, tmp_path):
    result = cli("export")
    assert result.exit_code == 0
    path = tmp_path / "semua.toml"
    path.write_text(result.stdout, encoding="utf-8")
    again = load_catalog([path], include_shipped=False)
    assert again.elections == load_catalog().elections
    # the rule of the 2025 quiet period is written as a rule, not as its dates
    assert "start = { h = -3 }\nend = { h = -1 }\n" in result.stdout


def test_csv_export_import_export_is_stable(cli, tmp_path):
    first = cli("export", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(first)))
    assert len(rows) == sum(1 for e in load_catalog().elections for _ in e.walk())
    assert rows[0] == {
        "election": "pemilu-2024",
        "path": "perencanaan",
        "name": "Perencanaan program dan anggaran",
        "name_en": "Programme and budget planning",
        "start": "2022-06-14",
        "end": "2024-06-14",
        "days": "732",
        "basis": "PKPU 3/2022",
        "confidence": "2S",
        "projected": "false",
        "repeat": "",
    }
    source = tmp_path / "semua.csv"
    source.write_text(first, encoding="utf-8")
    imported = tmp_path / "semua.toml"
    result = cli("import", str(source), "-o", str(imported))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"tahapan: 100 baris, 11 pemilu → {imported}\n"
    second = cli("export", "--format", "csv", "--data", str(imported)).stdout
    assert second == first


def test_formula_cells_are_neutralised_and_restored():
    for cell in ('=HYPERLINK("http://x")', "+62 812", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(cell).startswith("'")
        assert restore(neutralise(cell)) == cell
    assert neutralise("Rapat") == "Rapat" and restore("'biasa") == "'biasa"


def test_a_stage_name_that_looks_like_a_formula(tmp_path):
    election = Election(
        id="uji", name="Uji", name_en="Test", voting_day=date(2024, 2, 14), basis="b",
        stages=(Stage(id="x", name="=1+2", name_en="@cmd", end=date(2024, 1, 1), basis="-", confidence="P"),),
    )  # fmt: skip
    text = csv_text([election])
    row = next(csv.DictReader(io.StringIO(text)))
    assert (row["name"], row["name_en"], row["basis"]) == ("'=1+2", "'@cmd", "'-")
    back = import_csv(Path("x.csv"), text, {"uji": election})
    assert back.problems == []
    stage = back.data["elections"][0]["stages"][0]
    assert (stage["name"], stage["name_en"], stage["basis"]) == ("=1+2", "@cmd", "-")


def test_bad_rows_are_named_by_row_and_column(cli, tmp_path):
    source = tmp_path / "kantor.csv"
    source.write_text(
        "election,path,name,name_en,start,end,days,basis,confidence\n"
        "pemilu-2024,rapat,Rapat,Meeting,20 Nopember 2023,20/11/2023,1,Undangan,P\n"
        "pemilu-2024,Rapat Besar,Rapat,Meeting,2023-11-20,2023-11-21,2,Undangan,P\n"
        "pemilu-2024,apel,Apel,Parade,2023-11-22,21 Januri 2024,,Undangan,pasti\n"
        "pemilu-2024,cek,Cek,Check,2023-11-25,2023-11-24,,Undangan,P\n"
        "pemilu-2024,hitung,Hitung,Count,2023-11-25,2023-11-27,5,Undangan,P\n"
        "pemilu-2024,rapat,Rapat,Meeting,2023-11-20,2023-11-20,1,,P\n",
        encoding="utf-8",
    )
    result = cli("import", str(source), "-o", str(tmp_path / "out.toml"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "tahapan: berkas tidak dapat dipakai (6 masalah):",
        f"{source}:3: path: 'Rapat Besar' bukan id: huruf kecil, angka, dan tanda hubung (contoh: masa-tenang) "
        "(subtahapan: induk/anak)",
        f"{source}:4: confidence: 'pasti' tidak diterima; pilihan: P, P+2S, 2S, 1S, D",
        f"{source}:4: end: tanggal tidak dikenali: '21 Januri 2024'",
        f"{source}:5: end: 2023-11-24 lebih awal dari start 2023-11-25",
        f"{source}:6: days: 5 tidak cocok dengan 2023-11-25..2023-11-27 (3 hari, tanggal awal dan akhir ikut dihitung)",
        f"{source}:7: basis: tidak boleh kosong",
    ]
    assert not (tmp_path / "out.toml").exists()  # nothing half-written


def test_import_of_a_new_election_takes_voting_day_from_its_row(cli, tmp_path):
    source = tmp_path / "desa.csv"
    source.write_text(
        "election,path,name,name_en,start,end,days,basis,confidence\n"
        "pilkades-2025,pendaftaran,Pendaftaran,Registration,2025-05-01,2025-05-07,7,Perbup 1/2025,P\n"
        "pilkades-2025,pemungutan-suara,Pemungutan suara,Voting,,2025-06-15,,Perbup 1/2025,P\n"
        "pilkades-2025,pendaftaran/verifikasi,Verifikasi,Checks,2025-05-03,2025-05-06,4,Perbup 1/2025,P\n",
        encoding="utf-8",
    )
    result = cli("import", str(source))
    assert result.exit_code == 0, result.output
    data = tomllib.loads(result.stdout)
    election = data["elections"][0]
    assert (election["id"], election["voting_day"]) == ("pilkades-2025", date(2025, 6, 15))
    assert election["stages"][0]["stages"][0]["id"] == "verifikasi"
    missing = tmp_path / "tanpa.csv"
    missing.write_text(source.read_text().replace("pemungutan-suara", "rapat"), encoding="utf-8")
    dateless = cli("import", str(missing))
    assert dateless.exit_code == 0, dateless.stderr
    # no pemungutan-suara row: an election whose voting day is not set, no date guessed
    assert "voting_day" not in tomllib.loads(dateless.stdout)["elections"][0]


def test_missing_columns(cli, tmp_path):
    source = tmp_path / "x.csv"
    source.write_text("election,path,name\npemilu-2024,a,A\n", encoding="utf-8")
    result = cli("import", str(source), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == (
        f"{source}:1: missing columns: end, basis, confidence; read 3 columns with comma "
        "(,) as the separator (assumed from the header row): election, path, name; the columns "
        "accepted: election, path, name, name_en, start, end, days, basis, confidence, projected, "
        "repeat (name_en, start, days, projected, repeat may be left out)"
    )


# --------------------------------------------------------------------------------- round trips


ids = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?", fullmatch=True)
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf")), min_size=1, max_size=20
).filter(lambda t: t.strip() == t and t.strip())


@st.composite
def stage_trees(draw, start: date, end: date, depth: int, used: set[str]):
    n = draw(st.integers(0, 3 if depth == 0 else 2))
    out = []
    for _ in range(n):
        ident = draw(ids.filter(lambda i: i not in used))
        used.add(ident)
        span = (end - start).days
        a = start + timedelta(days=draw(st.integers(0, span)))
        b = a + timedelta(days=draw(st.integers(0, (end - a).days)))
        known = draw(st.booleans())
        children = tuple(draw(stage_trees(a, b, depth + 1, used))) if depth < 2 and known else ()
        out.append(
            Stage(
                id=ident,
                name=draw(texts),
                name_en=draw(texts),
                start=a if known else None,
                end=b,
                basis=draw(texts),
                confidence=draw(st.sampled_from(["P", "P+2S", "2S", "1S", "D"])),
                note=draw(st.none() | texts),
                held=draw(st.booleans()),
                counting=draw(st.sampled_from(["calendar", "working"])),
                stages=children,
            )
        )
    return out


@st.composite
def elections(draw):
    voting = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
    used: set[str] = set()
    stages = draw(stage_trees(voting - timedelta(days=400), voting + timedelta(days=100), 0, used))
    return Election(
        id=draw(ids),
        name=draw(texts),
        name_en=draw(texts),
        voting_day=voting,
        timezone=draw(st.sampled_from(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"])),
        basis=draw(texts),
        scope=draw(st.none() | texts),
        stages=tuple(stages),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(elections())
def test_model_to_toml_to_model_is_the_identity(election):
    text = schedule_text([election])
    again = build_catalog([SourceFile(Path("x.toml"), text, tomllib.loads(text))])
    assert again.elections == (election,)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(elections())
def test_csv_export_import_export_is_stable_for_any_schedule(election):
    first = csv_text([election])
    imported = import_csv(Path("x.csv"), first, {election.id: election})
    assert imported.problems == []
    assert csv_text(merged_over(election, imported.data).elections) == first


def merged_over(election: Election, imported: dict) -> Catalog:
    """The catalog of ``election``'s schedule with what an import made of it merged over it, as
    tahapan loads a user's file over the shipped one."""
    from tahapan.schedule.writer import tables_text

    text = schedule_text([election])
    overlay = tables_text(imported)
    return build_catalog(
        [
            SourceFile(Path("a.toml"), text, tomllib.loads(text)),
            SourceFile(Path("b.toml"), overlay, tomllib.loads(overlay)),
        ]
    )
