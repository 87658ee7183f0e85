"""The shipped deadline chains (data/chains.toml) load cleanly and agree with the fact sheet step by
step, every article of the fact sheet's chain tables is cited, and the chain checker refuses bad
tables with a message that names the problem."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from tahapan.i18n import said, set_language
from tahapan.schedule.chains import EVENT, Chain, chain_file_tables, shipped_chains_path

FACT_SHEET = Path(__file__).resolve().parents[2] / "shared" / "reference" / "official-schedules.md"

D, WD, H = "days", "working_days", "hours"


class Want(NamedTuple):
    """A step as the fact sheet gives it; no count: an event of its own, with no basis."""

    n: int | None
    unit: str | None
    #: the point counted from: the chain's event or an earlier step
    ref: str
    #: a part of the step's basis: the article
    article: str | None = None
    confidence: str | None = None
    optional: bool = False
    #: "5 hari before": counted back from the point
    backward: bool = False


class Other(NamedTuple):
    """The rule another source gives for a step (the step's alternative)."""

    n: int
    unit: str
    ref: str
    article: str
    confidence: str


#: every step of every shipped chain, in order, written out by hand from section 7 of the fact sheet
STEPS: dict[str, dict[str, Want]] = {
    # 7a result (PHPU): Pileg petition / correction 3×24 jam (474(2)-(3)); MK 30 hari kerja
    "phpu-pileg": {
        "permohonan": Want(72, H, EVENT, "UU 7/2017 Pasal 474 ayat (2)", "2S"),
        "perbaikan": Want(72, H, "permohonan", "UU 7/2017 Pasal 474 ayat (3)", "2S", True),
        "registrasi": Want(None, None, "permohonan"),
        "putusan": Want(30, WD, "registrasi", "UU MK Pasal 78", "2S"),
    },
    # 7a result: Pilpres petition 3 hari (475(1)); MK 14 hari kerja from registration in the BRPK
    "phpu-pilpres": {
        "permohonan": Want(3, D, EVENT, "UU 7/2017 Pasal 475 ayat (1)", "2S"),
        "registrasi": Want(None, None, "permohonan"),
        "putusan": Want(14, WD, "registrasi", "UU MK Pasal 78; PMK 4/2023 Pasal 50", "2S"),
    },
    # 7a process dispute: 3 hari kerja (467(4)); 12 hari kerja (468(2)); PTUN 5 / 3 / 21 / 3 (471)
    "pemilu-sengketa-proses": {
        "permohonan": Want(3, WD, EVENT, "UU 7/2017 Pasal 467 ayat (4)", "2S"),
        "putusan": Want(12, WD, "permohonan", "UU 7/2017 Pasal 468 ayat (2)", "2S"),
        "gugatan": Want(5, WD, "putusan", "UU 7/2017 Pasal 471", "2S", True),
        "perbaikan-gugatan": Want(3, WD, "gugatan", "UU 7/2017 Pasal 471", "2S", True),
        "putusan-ptun": Want(21, WD, "gugatan", "UU 7/2017 Pasal 471", "2S", True),
        "pelaksanaan": Want(3, WD, "putusan-ptun", "UU 7/2017 Pasal 471", "2S", True),
    },
    # 7a report: 7 (hari kerja in the UU text: 1S) 454(6); own finding 7 454(5); follow-up 7 454(7);
    # with more information 14 hari kerja in total 454(8)
    "pemilu-laporan": {
        "laporan": Want(7, WD, EVENT, "UU 7/2017 Pasal 454 ayat (6)", "1S"),
        "temuan": Want(7, D, EVENT, "UU 7/2017 Pasal 454 ayat (5)", "1S", True),
        "registrasi": Want(None, None, "laporan"),
        "tindak-lanjut": Want(7, D, "registrasi", "UU 7/2017 Pasal 454 ayat (7)", "1S"),
        "keterangan-tambahan": Want(
            14, WD, "registrasi", "UU 7/2017 Pasal 454 ayat (8)", "1S", True
        ),
    },
    # 7a crime (Gakkumdu): 1×24 jam 476(1)-(2); 14 / 3 / 3 / 5 hari (480); court 7 (482(1));
    # appeal 3 and its file 3 (482); verdict delivered 3 and executed 3 (483(1)-(2));
    # vote-affecting cases 5 hari before KPU sets the national result (484(1))
    "pemilu-pidana": {
        "penerusan": Want(24, H, EVENT, "UU 7/2017 Pasal 476 ayat (1) dan (2)", "2S"),
        "berkas-ke-penuntut": Want(14, D, "penerusan", "UU 7/2017 Pasal 480", "2S"),
        "berkas-dikembalikan": Want(3, D, "berkas-ke-penuntut", "UU 7/2017 Pasal 480", "2S", True),
        "berkas-disampaikan-kembali": Want(
            3, D, "berkas-dikembalikan", "UU 7/2017 Pasal 480", "1S", True
        ),
        "pelimpahan": Want(5, D, "berkas-ke-penuntut", "UU 7/2017 Pasal 480", "2S"),
        "putusan-pn": Want(7, D, "pelimpahan", "UU 7/2017 Pasal 482 ayat (1)", "2S"),
        "banding": Want(3, D, "putusan-pn", "UU 7/2017 Pasal 482", "2S", True),
        "berkas-banding": Want(3, D, "banding", "UU 7/2017 Pasal 482", "1S", True),
        "putusan-disampaikan": Want(3, D, "putusan-pn", "UU 7/2017 Pasal 483 ayat (1)", "1S"),
        "putusan-dilaksanakan": Want(
            3, D, "putusan-disampaikan", "UU 7/2017 Pasal 483 ayat (2)", "1S"
        ),
        "penetapan-hasil": Want(None, None, EVENT),
        "selesai-sebelum-penetapan": Want(
            5, D, "penetapan-hasil", "UU 7/2017 Pasal 484 ayat (1)", "1S", True, backward=True
        ),
    },
    # 7a administrative: 14 hari kerja from registration (461); KPU 3 hari kerja from the decision
    "pemilu-administrasi": {
        "putusan": Want(14, WD, EVENT, "UU 7/2017 Pasal 461", "2S"),
        "pelaksanaan": Want(3, WD, "putusan", "UU 7/2017 Pasal 462", "2S"),
    },
    # 7b report: 7 hari (134(4)); 3 / 2 hari from the report received (134(5)-(6))
    "pilkada-laporan": {
        "laporan": Want(7, D, EVENT, "Pasal 134 ayat (4)", "2S"),
        "penerimaan": Want(None, None, "laporan"),
        "tindak-lanjut": Want(3, D, "penerimaan", "Pasal 134 ayat (5)", "2S"),
        "keterangan-tambahan": Want(2, D, "penerimaan", "Pasal 134 ayat (6)", "2S", True),
    },
    # 7b crime: 14 / 3 / 3 / 5 hari kerja per Bawaslu's guide (2S); court 7, appeal 3, high court 7
    # hari (1S); all "145–150 (ayat U)"
    "pilkada-pidana": {
        "berkas-ke-penuntut": Want(14, WD, EVENT, "UU 1/2015 dan perubahannya Pasal 145–150", "2S"),
        "berkas-dikembalikan": Want(3, WD, "berkas-ke-penuntut", "Pasal 145–150", "2S", True),
        "berkas-disampaikan-kembali": Want(
            3, WD, "berkas-dikembalikan", "Pasal 145–150", "2S", True
        ),
        "pelimpahan": Want(5, WD, "berkas-ke-penuntut", "Pasal 145–150", "2S"),
        "putusan-pn": Want(7, D, "pelimpahan", "Pasal 145–150", "1S"),
        "banding": Want(3, D, "putusan-pn", "Pasal 145–150", "1S", True),
        "putusan-pt": Want(7, D, "banding", "Pasal 145–150", "1S", True),
    },
    # 7b result (PHP): petition / correction 3 / 3 hari kerja (157(5)); MK 45 hari kerja (157(8))
    "php-pilkada": {
        "permohonan": Want(3, WD, EVENT, "UU 1/2015 jo. UU 10/2016 Pasal 157 ayat (5)", "2S"),
        "perbaikan": Want(3, WD, "permohonan", "UU 1/2015 jo. UU 10/2016 Pasal 157", "2S", True),
        "registrasi": Want(None, None, "permohonan"),
        "putusan": Want(45, WD, "registrasi", "UU 1/2015 jo. UU 10/2016 Pasal 157 ayat (8)", "1S"),
    },
}

#: where the sources disagree: the other rule, as the fact sheet names it
ALTERNATIVES: dict[tuple[str, str], Other] = {
    # UU 7/2017 475(3): 14 hari from receipt of the petition, against UU MK / PMK
    ("phpu-pilpres", "putusan"): Other(14, D, "permohonan", "UU 7/2017 Pasal 475 ayat (3)", "2S"),
    # Perbawaslu 9/2022 Pasal 26(2) says 3 hari
    ("pemilu-sengketa-proses", "permohonan"): Other(
        3, D, EVENT, "Perbawaslu 9/2022 Pasal 26 ayat (2)", "2S"
    ),
    # the text of 468(2) says 12 hari; MK 31/PUU-XVI/2018 read hari kerja
    ("pemilu-sengketa-proses", "putusan"): Other(12, D, "permohonan", "Pasal 468 ayat (2)", "2S"),
    # "7 Hari" in Perbawaslu 7/2022 Pasal 8(3): 2S for the number 7
    ("pemilu-laporan", "laporan"): Other(7, D, EVENT, "Perbawaslu 7/2022 Pasal 8 ayat (3)", "2S"),
    # one court chair reads hari kerja
    ("pemilu-pidana", "putusan-pn"): Other(7, WD, "pelimpahan", "Pasal 482 ayat (1)", "1S"),
    # a Bawaslu member says calendar days
    ("pilkada-pidana", "berkas-ke-penuntut"): Other(14, D, EVENT, "Pasal 145–150", "1S"),
    ("pilkada-pidana", "berkas-dikembalikan"): Other(
        3, D, "berkas-ke-penuntut", "Pasal 145–150", "1S"
    ),
    ("pilkada-pidana", "berkas-disampaikan-kembali"): Other(
        3, D, "berkas-dikembalikan", "Pasal 145–150", "1S"
    ),
    ("pilkada-pidana", "pelimpahan"): Other(5, D, "berkas-ke-penuntut", "Pasal 145–150", "1S"),
}

CHAIN_IDS = list(STEPS)


@pytest.fixture(scope="module")
def chains() -> dict[str, Chain]:
    path = shipped_chains_path()
    loaded, problems = chain_file_tables(tomllib.loads(path.read_text(encoding="utf-8")), str(path))
    assert problems == []
    return {chain.id: chain for chain in loaded}


def test_the_shipped_file_loads_with_every_chain(chains):
    # the checkout's data/chains.toml, or the installed package's copy of it (a wheel's install)
    checkout = Path(__file__).resolve().parents[1] / "data" / "chains.toml"
    assert shipped_chains_path().read_bytes() == checkout.read_bytes()
    assert sorted(chains) == sorted(CHAIN_IDS)
    assert len(CHAIN_IDS) == 9
    for chain in chains.values():
        assert chain.name and chain.name_en and chain.event and chain.event_en and chain.basis


@pytest.mark.parametrize("chain_id", CHAIN_IDS)
def test_every_step_agrees_with_the_fact_sheet(chains, chain_id):
    chain = chains[chain_id]
    assert [s.id for s in chain.steps] == list(STEPS[chain_id])
    for step in chain.steps:
        want = STEPS[chain_id][step.id]
        count = step.count
        got = Want(
            None if count is None else count.n,
            None if count is None else count.unit,
            step.ref,
            want.article if want.article and want.article in (step.basis or "") else step.basis,
            step.confidence,
            step.optional,
            False if count is None else count.backward,
        )
        assert got == want, step.id
        assert step.name and step.name_en, step.id


def test_every_conflict_is_shown_as_the_fact_sheet_gives_it(chains):
    found = {
        (chain.id, step.id): step.alternative
        for chain in chains.values()
        for step in chain.steps
        if step.alternative is not None
    }
    assert sorted(found) == sorted(ALTERNATIVES)
    for key, alternative in found.items():
        want = ALTERNATIVES[key]
        count = alternative.count
        assert (count.n, count.unit, alternative.ref) == (want.n, want.unit, want.ref), key
        assert not count.backward, key
        assert want.article in alternative.basis, key
        assert alternative.confidence == want.confidence, key
        assert alternative.note and alternative.note_en, key


def test_every_count_has_its_basis_and_every_alternative_another_rule(chains):
    for chain in chains.values():
        for step in chain.steps:
            where = f"{chain.id}/{step.id}"
            if step.count is not None:
                assert step.basis and step.confidence, where
            else:
                assert step.alternative is None, where
                assert step.confidence is None, where
            if step.alternative is not None:
                rule = (step.count, step.ref)
                assert (step.alternative.count, step.alternative.ref) != rule, where
                assert step.alternative.basis != step.basis, where


def test_steps_count_only_from_the_event_or_an_earlier_step(chains):
    for chain in chains.values():
        seen = {EVENT}
        for step in chain.steps:
            assert step.ref in seen, f"{chain.id}/{step.id}"
            if step.alternative is not None:
                assert step.alternative.ref in seen, f"{chain.id}/{step.id}"
            seen.add(step.id)


# ------------------------------------------------------------------- the fact sheet's articles

_PASAL = re.compile(r"Pasal (\d+(?:–\d+)?)((?:\s*(?:ayat|dan|,)\s*\(\d+\))*)")
_CELL = re.compile(r"^(\d+(?:–\d+)?)((?:\(\d+\))?)(?:-\((\d+)\))?$")


def _cited(basis: str) -> set[tuple[str, str, str | None]]:
    """(law, article, paragraph) for every "LAW Pasal N ayat (p) dan (q)" in a basis; the article is
    also there without its paragraph, for a citation that gives none."""
    out: set[tuple[str, str, str | None]] = set()
    for part in basis.split(";"):
        for match in _PASAL.finditer(part):
            law = " ".join(part[: match.start()].split()[:2])
            out.add((law, match[1], None))
            out |= {(law, match[1], p) for p in re.findall(r"\((\d+)\)", match[2])}
    return out


def _fact_sheet_citations() -> tuple[set[tuple[str, str, str | None]], set[str], int]:
    """The articles of the 7a and 7b tables (their article column, and the regulations and rulings
    named in the rule column), the rulings cited by number, and how many rows were read."""
    text = FACT_SHEET.read_text(encoding="utf-8")
    section = text[text.index("## 7.") : text.index("\n## ", text.index("## 7."))]
    cited: set[tuple[str, str, str | None]] = set()
    rulings: set[str] = set()
    rows = 0
    law = None
    for line in section.splitlines():
        if line.startswith("### 7a"):
            law = "UU 7/2017"
        elif line.startswith("### 7b"):
            law = "UU 1/2015"
        cells = [c.strip() for c in line.split("|")]
        if law is None or len(cells) != 7 or cells[0] in ("chain", "---"):
            continue
        rows += 1
        rule, article = cells[4], cells[5]
        for part in article.split(";"):
            part = re.sub(r"\s*\((?:article|ayat) U\)", "", part.strip())
            if part in ("U", "same"):  # the article of the rows above
                continue
            if part.startswith("UU MK "):
                cited.add(("UU MK", part.removeprefix("UU MK "), None))
                continue
            if " Pasal " in part:  # "PMK 4/2023 Pasal 50"
                regulation, number = part.split(" Pasal ")
                cited.add((regulation, number, None))
                continue
            match = _CELL.match(part)
            assert match, f"an article the test cannot read: {part!r}"
            number, first, second = match.groups()
            cited.add((law, number, first.strip("()") or None))
            if second:
                cited.add((law, number, second))
        for regulation, number, paragraph in re.findall(
            r"(Perbawaslu \d+/\d{4}) Pasal (\d+)\((\d+)\)", rule
        ):
            cited.add((regulation, number, paragraph))
        for number, paragraph in re.findall(r"UU 7/2017 (\d+)\((\d+)\)", rule):
            cited.add(("UU 7/2017", number, paragraph))
        rulings |= set(re.findall(r"MK (\d+/PUU-[IVXL]+/\d{4})", rule))
    return cited, rulings, rows


@pytest.mark.skipif(not FACT_SHEET.exists(), reason="the fact sheet lives in ../shared")
def test_every_article_of_the_fact_sheet_tables_is_cited(chains):
    cited, rulings, rows = _fact_sheet_citations()
    assert rows == 28  # both tables were read: 22 Pemilu rows, 6 Pilkada rows
    # the reader understood the forms the tables use
    assert {
        ("UU 7/2017", "454", "6"),
        ("UU 7/2017", "476", "1"),
        ("UU 7/2017", "476", "2"),
    } <= cited
    assert {("UU 1/2015", "157", "8"), ("UU 1/2015", "145–150", None)} <= cited
    assert {("Perbawaslu 7/2022", "8", "3"), ("UU MK", "78", None)} <= cited
    assert rulings == {"31/PUU-XVI/2018"}
    bases = [
        basis
        for chain in chains.values()
        for step in chain.steps
        for basis in (step.basis, step.alternative.basis if step.alternative else None)
        if basis
    ]
    shipped = set().union(*(_cited(basis) for basis in bases))
    assert sorted(cited - shipped, key=str) == []
    assert [r for r in rulings if not any(r in basis for basis in bases)] == []


def test_the_reader_of_a_basis_knows_laws_articles_and_paragraphs():
    assert _cited("UU 7/2017 Pasal 476 ayat (1) dan (2)") == {
        ("UU 7/2017", "476", None),
        ("UU 7/2017", "476", "1"),
        ("UU 7/2017", "476", "2"),
    }
    assert _cited("UU MK Pasal 78; PMK 4/2023 Pasal 50") == {
        ("UU MK", "78", None),
        ("PMK 4/2023", "50", None),
    }
    assert ("UU 1/2015", "157", "5") in _cited("UU 1/2015 jo. UU 10/2016 Pasal 157 ayat (5)")


# ------------------------------------------------------------------------- the checker refuses

GOOD_STEP = {"id": "lapor", "name": "Laporan", "days": 7, "basis": "Pasal 1", "confidence": "2S"}
#: a step with no count, an event of its own
EVENT_STEP = {"id": "terima", "name": "Diterima"}


def _problems(*steps: dict[str, Any]) -> list[str]:
    table = {
        "id": "latihan",
        "name": "Latihan",
        "event": "Kejadian",
        "basis": "UU",
        "steps": list(steps),
    }
    chains, problems = chain_file_tables({"chains": [table]}, "kasus.toml")
    assert chains == [] or problems == []
    return [said(p) for p in problems]


def test_a_good_table_passes():
    assert _problems(GOOD_STEP, {**EVENT_STEP, "after": "lapor"}) == []


@pytest.mark.parametrize(
    ("steps", "id_text", "en_text"),
    [
        pytest.param(
            [{**GOOD_STEP, "after": "terima"}, EVENT_STEP],
            "lapor: after = 'terima': harus 'event' atau id langkah sebelumnya",
            "lapor: after = 'terima': must be 'event' or the id of an earlier step",
            id="later-step",
        ),
        pytest.param(
            [{**GOOD_STEP, "hours": 24}],
            "lapor: satu saja dari days, working_days, hours",
            "lapor: only one of days, working_days, hours",
            id="two-counts",
        ),
        pytest.param(
            [EVENT_STEP, {"id": "selesai", "name": "Selesai", "before": "terima"}],
            "selesai: before: perlu days, working_days atau hours",
            "selesai: before: needs days, working_days or hours",
            id="before-without-count",
        ),
        pytest.param(
            [{**GOOD_STEP, "dayz": 7}],
            "lapor: kunci tidak dikenal: dayz (yang dikenal: ",
            "lapor: unknown keys: dayz (known: ",
            id="unknown-key",
        ),
        pytest.param(
            [{**GOOD_STEP, "confidence": "3S"}],
            "lapor: confidence: salah satu dari P, P+2S, 2S, 1S, D",
            "lapor: confidence: one of P, P+2S, 2S, 1S, D",
            id="bad-confidence",
        ),
        pytest.param(
            [{**GOOD_STEP, "basis": None, "confidence": None}],
            "lapor: basis: wajib diisi",
            "lapor: basis: required",
            id="count-without-basis",
        ),
        pytest.param(
            [{**EVENT_STEP, "alternative": {"days": 3, "basis": "X", "confidence": "1S"}}],
            "terima: alternative: langkah tanpa tenggat tidak punya aturan lain",
            "terima: alternative: a step with no deadline has no other rule",
            id="alternative-without-count",
        ),
    ],
)
def test_the_checker_refuses_a_bad_table_and_says_why(steps, id_text, en_text):
    steps = [{k: v for k, v in step.items() if v is not None} for step in steps]
    for language, text in (("id", id_text), ("en", en_text)):
        set_language(language)
        problems = _problems(*steps)
        assert any(p.startswith(f"kasus.toml: latihan: {text}") for p in problems), problems
