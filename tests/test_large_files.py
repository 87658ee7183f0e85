"""A national office's files: read in pieces, checked one election at a time, cached in one pass,
and every answer and message what reading them whole gives."""

from __future__ import annotations

import json
import re
import sys
import tomllib
import types
from dataclasses import is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import LATIHAN
from tahapan import text
from tahapan.errors import DataError
from tahapan.i18n import said
from tahapan.model import as_table
from tahapan.schedule import cache, toml_pieces
from tahapan.schedule.load import load_catalog, shipped_paths
from tahapan.schedule.read import read_source
from tahapan.schedule.regions import name_regions

STAGES = shipped_paths()[1]


@pytest.fixture
def small_pieces(monkeypatch):
    """Pieces of a few hundred characters, so that a small text is read as a large one is."""
    monkeypatch.setattr(toml_pieces, "PIECE_CHARS", 300)


def election(n: int, extra: str = "") -> str:
    return (
        f'\n[[elections]]\nid = "e{n}"\nname = "Pemilu"\nbasis = "PKPU 3/2022"\n{extra}'
        f'[[elections.stages]]\nid = "s"\nname = "Tahap"\nend = 2024-01-0{1 + n % 9}\n'
        'basis = "PKPU 3/2022"\nconfidence = "P"\n'
    )


def outcome(parse: Any, source: str) -> Any:
    try:
        return parse(source)
    except tomllib.TOMLDecodeError as err:
        return ("error", str(err))


def test_the_shipped_schedule_in_pieces_is_the_same_tables(small_pieces):
    source = STAGES.read_text(encoding="utf-8")
    assert len(toml_pieces._cuts(source)) > 5
    assert toml_pieces.loads(source) == tomllib.loads(source)


def test_repeated_keys_and_values_are_one_object(small_pieces):
    data = toml_pieces.loads("schema = 1\n" + "".join(election(n) for n in range(20)))
    first, last = data["elections"][0], data["elections"][-1]
    assert (
        first["basis"] is last["basis"] and first["stages"][0]["name"] is last["stages"][0]["name"]
    )
    assert next(iter(first)) is next(iter(last))  # the key "id"


@pytest.mark.parametrize(
    "source",
    [
        # a header line inside a multi-line string is text, not a cut
        "schema = 1\n"
        + election(1, 'note = """\nbaris\n\n[[elections]]\nid = "palsu"\n"""\n')
        + "".join(election(n) for n in range(2, 9)),
        "schema = 1\n" + election(1, "note = '''\n\n[[elections]]\n'''\n") + election(2) * 3,
        # regions after the elections belong to the top-level array as in the whole file
        "schema = 1\n"
        + "".join(election(n) for n in range(6))
        + '\n[[regions]]\nid = "r"\nname = "R"\ntimezone = "WIB"\n',
        # elections declared before the first cut: a static array, then a table of it (an error)
        'schema = 1\nelections = [{ id = "a" }]\n' + "".join(election(n) for n in range(6)),
        # a table of the same name twice, in two pieces (an error)
        "schema = 1\n[x]\n" + election(1) * 2 + "\n[x]\n" + election(2) * 3,
        # a syntax error in a late piece: its line counted in the whole file
        "schema = 1\n" + "".join(election(n) for n in range(8)) + "\nid = \n",
        # Windows line ends
        ("schema = 1\n" + "".join(election(n) for n in range(8))).replace("\n", "\r\n"),
        # an election table before the first cut, and a header with a comment
        '[[elections]]\nid = "a"\n' + "".join(election(n) for n in range(6)),
        "schema = 1\n"
        + election(1).replace("[[elections]]", "[[elections]] # x") * 2
        + election(3),
    ],
)
def test_pieces_give_what_the_whole_file_gives(small_pieces, source):
    assert outcome(toml_pieces.loads, source) == outcome(tomllib.loads, source)


FRAGMENTS = [
    "\n[[elections]]\n",
    '\nid = "a"\n',
    "\nname = 'x'\n",
    '\nnote = """\n',
    "\n'''\n",
    '\n"""\n',
    "\n[[elections.stages]]\n",
    "\n[[regions]]\n",
    "\n[elections.x]\n",
    "\nend = 2024-01-01\n",
    "\n# [[elections]]\n",
    "\nx = [\n",
    "\n]\n",
    "\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_any_text_in_pieces_gives_what_the_whole_gives(parts):
    source = "schema = 1\n" + "".join(parts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(toml_pieces, "PIECE_CHARS", 1)
        assert outcome(toml_pieces.loads, source) == outcome(tomllib.loads, source)


def test_an_error_late_in_a_large_file_names_its_line(small_pieces, tmp_path):
    path = tmp_path / "besar.toml"
    body = "schema = 1\n" + "".join(election(n) for n in range(30))
    at = body.rindex('confidence = "P"')
    path.write_text(body[:at] + 'confidence = "Q"' + body[at + 16 :], encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalog([path], include_shipped=False)
    line = body.count("\n", 0, at) + 1
    assert said(caught.value.problems[0], "en").startswith(f"{path}:{line}: e29/s: confidence")


def test_a_line_of_many_dots_that_is_no_key_is_read(tmp_path):
    path = tmp_path / "titik.toml"
    dots = "Catatan ... " * 60  # dots enough, but no key: each part is followed by three
    path.write_text(LATIHAN.replace('basis = "Undangan"', f'basis = "{dots}"'), encoding="utf-8")
    stage = load_catalog([path], include_shipped=False).elections[0].stages[0]
    assert stage.basis == dots.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \t\n\r\x0b\x1b\x85\u2028\u202e\u2066\ufeffé.")))
def test_text_without_anything_to_clean_is_shown_as_it_is(value):
    # the slow way, as the functions were written before they looked for work first
    unsafe = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    breaks = re.compile("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
    line = unsafe.sub(text.REPLACEMENT, breaks.sub(" ", value))
    assert text.one_line(value) == line
    assert text.block(value) == "\n".join(
        unsafe.sub(text.REPLACEMENT, breaks.sub(" ", part)) for part in value.splitlines()
    )
    if not text.needs_cleaning(value):
        assert line == value and text.block(value) == value


def _by_table(obj: Any) -> Any:
    """The cache's JSON of an object as as_table gives its fields."""
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, list):
        return [_by_table(item) for item in obj]
    if isinstance(obj, dict):
        return {key: _by_table(value) for key, value in obj.items()}
    if is_dataclass(obj) and not isinstance(obj, type):
        return _by_table(as_table(obj))
    return obj


def test_the_cache_writes_each_object_as_its_table():
    catalog = load_catalog()
    for obj in [*catalog.elections, *catalog.regions]:
        assert json.dumps(cache.encode(obj)) == json.dumps(_by_table(obj))


def test_references_that_are_ids_keep_their_objects(tmp_path):
    path = tmp_path / "wilayah.toml"
    scoped = LATIHAN.replace('confidence = "P"', 'confidence = "P"\nregions = ["bali", "Jatim"]')
    path.write_text(
        scoped.replace("[[elections.stages]]", 'regions = ["51"]\n\n[[elections.stages]]')
    )
    catalog = load_catalog([path])
    regions = catalog.regions
    latihan = next(e for e in catalog.elections if e.id == "latihan")
    assert latihan.regions == ("bali",) and latihan.stages[0].regions == ("bali", "jawa-timur")
    again = name_regions([latihan], regions)[0]
    assert again is latihan  # named once already: nothing to copy
    shipped = [e for e in catalog.elections if e.id != "latihan"]
    assert all(a is b for a, b in zip(name_regions(shipped, regions), shipped, strict=True))


def test_a_large_file_loads_as_the_same_schedule_read_whole(small_pieces, tmp_path, monkeypatch):
    path = tmp_path / "besar.toml"
    path.write_text("schema = 1\n" + "".join(election(n) for n in range(30)), encoding="utf-8")
    monkeypatch.setenv("TAHAPAN_NO_CACHE", "1")
    pieces = load_catalog([path])
    monkeypatch.setattr(toml_pieces, "PIECE_CHARS", 10**9)
    whole = load_catalog([path])
    assert pieces.elections == whole.elections and pieces.regions == whole.regions
    assert read_source(Path(path)).data == tomllib.loads(path.read_text(encoding="utf-8"))


def _parser_module(monkeypatch, loads):
    module = types.ModuleType("tomli")
    module.loads = loads  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tomli", module)
    monkeypatch.setattr(toml_pieces, "_faster", [])


def test_a_faster_parser_that_reads_toml_1_0_is_used(monkeypatch):
    seen = []

    def loads(source: str) -> dict[str, Any]:
        seen.append(source)
        return tomllib.loads(source)

    _parser_module(monkeypatch, loads)
    assert toml_pieces.faster_parser() is loads
    assert toml_pieces.loads(LATIHAN) == tomllib.loads(LATIHAN) and seen[-1] == LATIHAN


def test_a_parser_that_reads_toml_1_1_is_not_used(monkeypatch):
    # it would take "\e" and newlines in inline tables, which tomllib refuses: files that load in one
    # installation would not in another
    _parser_module(monkeypatch, lambda source: {"x": "\x1b"})
    assert toml_pieces.faster_parser() is None


def test_what_the_faster_parser_refuses_tomllib_reads_and_words(monkeypatch):
    def loads(source: str) -> dict[str, Any]:
        raise ValueError("refused")

    _parser_module(monkeypatch, loads)
    assert toml_pieces.loads(LATIHAN) == tomllib.loads(LATIHAN)
    broken = LATIHAN + "id = \n"
    assert outcome(toml_pieces.loads, broken) == outcome(tomllib.loads, broken)
