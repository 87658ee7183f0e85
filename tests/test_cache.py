"""The cache of checked schedules: keyed on content, private, JSON only, and never half-read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import LATIHAN, packages_loaded_by
from tahapan.schedule import cache
from tahapan.schedule.load import load_catalog

OWN = LATIHAN


def entries() -> list[Path]:
    folder = cache.directory()
    return sorted(folder.glob("catalog-*.jsonl")) if folder else []


def names(catalog) -> dict[str, str]:
    return {e.id: e.name for e in catalog.elections}


@pytest.fixture
def own(tmp_path):
    path = tmp_path / "kantor.toml"
    path.write_text(OWN, encoding="utf-8")
    return path


def test_a_second_run_reads_the_cache(own):
    first = load_catalog([own])
    assert len(entries()) == 1
    second = load_catalog([own])
    assert second.merged is None and first.merged is not None  # the second came from the cache
    assert second.elections == first.elections and second.regions == first.regions


def test_a_changed_file_is_read_again(own):
    load_catalog([own])
    own.write_text(OWN.replace('name = "Latihan"', 'name = "Latihan kedua"'), encoding="utf-8")
    assert names(load_catalog([own]))["latihan"] == "Latihan kedua"
    assert len(entries()) == 2
    # the same bytes under the same path find the first entry again
    own.write_text(OWN, encoding="utf-8")
    assert names(load_catalog([own]))["latihan"] == "Latihan"


def test_the_entry_is_json_lines_not_pickle(own):
    load_catalog([own])
    lines = entries()[0].read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    assert header["format"] == cache.FORMAT and len(lines) == 2 + len(header["index"])
    assert len(json.loads(lines[1])) == 552  # the regions, a line of their own
    assert [json.loads(line)["id"] for line in lines[2:]][-1] == "latihan"
    assert (entries()[0].stat().st_mode & 0o777) == 0o600
    assert (cache.directory().stat().st_mode & 0o777) == 0o700


def _sign(data: dict) -> bytes:
    data.pop("check", None)
    data["check"] = cache.line_digest(cache._header_text(data))
    return cache._header_text(data)


def _rewrite(entry: Path, change, regions=None) -> None:
    """Change the entry's election lines with ``change`` (and its regions line with ``regions``),
    giving each its new digest and the header its own, as a writer with access to the cache could:
    what the digests alone cannot stop, the directory checks must."""
    header, region_line, *lines = entry.read_bytes().rstrip(b"\n").split(b"\n")
    data = json.loads(header)
    lines = [change(line) for line in lines]
    for item, line in zip(data["index"], lines, strict=True):
        item["digest"] = cache.line_digest(line)
    if regions is not None:
        region_line = regions(region_line)
        data["regions"] = cache.line_digest(region_line)
    entry.write_bytes(b"\n".join([_sign(data), region_line, *lines]) + b"\n")
    os.chmod(entry, 0o600)


def _tamper(entry: Path) -> None:
    # a planted entry: if tahapan read it, "Latihan" would come back as "DIPALSUKAN"
    _rewrite(entry, lambda line: line.replace(b'"Latihan"', b'"DIPALSUKAN"'))


def test_the_cache_is_used_only_from_a_private_directory(own):
    load_catalog([own])
    entry = entries()[0]
    _tamper(entry)
    assert names(load_catalog([own]))["latihan"] == "DIPALSUKAN"  # proof that the entry is read
    os.chmod(entry.parent, 0o777)
    try:
        assert names(load_catalog([own]))["latihan"] == "Latihan"  # others could write: ignored
    finally:
        os.chmod(entry.parent, 0o700)
    os.chmod(entry, 0o666)
    assert names(load_catalog([own]))["latihan"] == "Latihan"  # a writable entry: ignored


def test_a_symlinked_entry_is_ignored(own, tmp_path):
    load_catalog([own])
    entry = entries()[0]
    elsewhere = tmp_path / "elsewhere.jsonl"
    elsewhere.write_text(entry.read_text(encoding="utf-8").replace('"Latihan"', '"DIPALSUKAN"'))
    os.chmod(elsewhere, 0o600)
    entry.unlink()
    entry.symlink_to(elsewhere)
    assert names(load_catalog([own]))["latihan"] == "Latihan"


def test_a_cut_short_entry_is_not_half_used(own):
    load_catalog([own])
    entry = entries()[0]
    lines = entry.read_text(encoding="utf-8").splitlines()
    entry.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    os.chmod(entry, 0o600)
    assert "latihan" in names(load_catalog([own]))


def _fresh(own):
    return load_catalog([own], read_cache=False)


def _damaged_then_whole(own, damage) -> None:
    """Damage the entry; the next load must give the files' answer and write the entry anew."""
    expected = _fresh(own).elections
    entry = entries()[0]
    damage(entry)
    os.chmod(entry, 0o600)
    assert load_catalog([own]).elections == expected
    again = load_catalog([own])
    assert again.merged is None and again.elections == expected  # a sound entry again


def test_an_entry_cut_short_in_its_last_line_is_rebuilt(own):
    load_catalog([own])
    _damaged_then_whole(own, lambda e: e.write_bytes(e.read_bytes()[:-40]))


@pytest.mark.parametrize(
    "header",
    [
        {"format": cache.FORMAT},
        {"format": cache.FORMAT, "key": "K", "holidays": None, "sources": {}, "regions": 5, "index": []},
        {"format": cache.FORMAT, "key": "K", "holidays": None, "sources": {}, "regions": [],
         "index": [{"id": 1, "regions": [], "digest": "x"}]},
        [1, 2, 3],
        "catalog",
    ],
)  # fmt: skip
def test_a_header_of_the_wrong_shape_is_a_miss(own, header):
    load_catalog([own])

    def damage(entry):
        lines = entry.read_bytes().split(b"\n")
        key = entry.name.removeprefix("catalog-").removesuffix(".jsonl")
        text = json.dumps(header).replace('"K"', json.dumps(key))
        entry.write_bytes(b"\n".join([text.encode(), *lines[1:]]))

    _damaged_then_whole(own, damage)


@pytest.mark.parametrize(
    "line", [b'{"id": "latihan"}', b"[]", b'{"id": 5, "stages": {"a": 1}}', b"null", b'"x"']
)
def test_an_election_line_of_the_wrong_shape_is_rebuilt(own, line):
    load_catalog([own])
    _damaged_then_whole(own, lambda entry: _rewrite(entry, lambda _: line))


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=200), st.integers(min_value=0, max_value=5000))
def test_random_bytes_anywhere_in_an_entry_never_change_the_answer(tmp_path_factory, junk, at):
    own = tmp_path_factory.mktemp("fuzz") / "kantor.toml"
    own.write_text(OWN, encoding="utf-8")
    expected = _fresh(own).elections
    load_catalog([own])
    for entry in entries():
        raw = entry.read_bytes()
        entry.write_bytes(raw[: at % (len(raw) + 1)] + junk + raw[at % (len(raw) + 1) :])
        os.chmod(entry, 0o600)
    assert load_catalog([own]).elections == expected


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=40, deadline=None)
@given(json_values)
def test_random_json_with_a_valid_digest_never_changes_the_answer(tmp_path_factory, value):
    own = tmp_path_factory.mktemp("fuzz") / "kantor.toml"
    own.write_text(OWN, encoding="utf-8")
    expected = _fresh(own).elections
    load_catalog([own])
    for entry in entries():
        _rewrite(entry, lambda _: json.dumps(value).encode())
    assert load_catalog([own]).elections == expected


def test_tahapan_no_cache(own, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NO_CACHE", "1")
    load_catalog([own])
    assert entries() == []


def test_old_entries_are_pruned(own):
    for n in range(cache.KEEP + 3):
        own.write_text(OWN.replace("Latihan", f"Latihan {n}"), encoding="utf-8")
        load_catalog([own])
    assert len(entries()) == cache.KEEP


def test_a_region_run_decodes_only_its_elections(own):
    load_catalog([own])
    cached = load_catalog([own])
    from tahapan.schedule.region_lookup import find_region
    from tahapan.schedule.regions import scope

    narrowed = scope(cached, find_region(cached.regions, "papua"))
    assert "psu-2025-08-06" in narrowed.ids() and "psu-2025-03-22" not in narrowed.ids()
    assert cached._elections is None  # the full list was never decoded


def test_cached_runs_load_neither_pydantic_nor_rich_for_check():
    packages_loaded_by("check", "--within", "7", "-q")  # fills the cache
    loaded = packages_loaded_by("check", "--within", "7", "-q")
    assert not loaded & {"pydantic", "rich", "holidays", "dateutil"}, loaded


def test_the_installed_command_shrugs_off_a_damaged_entry(run):
    first = run("status", "--on", "2023-11-29", "--json")
    assert first.returncode == 0 and entries()
    for entry in entries():
        entry.write_bytes(entry.read_bytes()[:-100])  # cut short in its last line
        os.chmod(entry, 0o600)
    second = run("status", "--on", "2023-11-29", "--json")
    assert (second.returncode, second.stdout, second.stderr) == (0, first.stdout, "")


def test_a_run_without_a_region_never_decodes_the_regions(own):
    from datetime import date

    from tahapan.reports.status import build_status
    from tahapan.schedule.regions import scope

    load_catalog([own])
    cached = load_catalog([own])
    narrowed = scope(cached, None)
    build_status(narrowed, on=date(2023, 11, 29), timezone="Asia/Jakarta")
    assert cached._regions is None and narrowed._regions is None  # 552 regions left as JSON
    assert len(narrowed.regions) == 552 and narrowed.regions == _fresh(own).regions


def test_damaged_regions_found_late_are_rebuilt(own):
    load_catalog([own])

    def wrong_shape(line):
        rows = json.loads(line)
        rows[3] = {"id": "x"}  # valid JSON, a valid digest given below, but not a region
        return json.dumps(rows).encode()

    _rewrite(entries()[0], lambda line: line, regions=wrong_shape)
    assert load_catalog([own]).regions == _fresh(own).regions


@pytest.mark.parametrize(
    "edit",
    [
        lambda h: h.replace(b'"index":', b'"index":' + b"[" * 5000 + b"]" * 5000 + b',"x":'),
        lambda h: h.replace(b"pemilu-2024", b"pemilu-2025"),
        lambda h: h.replace(b'"regions":["', b'"regions":["papua","'),
    ],
)
def test_an_edited_header_is_a_miss(own, edit):
    load_catalog([own])

    def damage(entry):
        header, rest = entry.read_bytes().split(b"\n", 1)
        entry.write_bytes(edit(header) + b"\n" + rest)

    _damaged_then_whole(own, damage)


def test_a_region_name_edited_in_the_cache_is_not_believed(own):
    load_catalog([own])
    entry = entries()[0]
    raw = entry.read_bytes().replace(b'"Kota Kediri"', b'"Kota Kedirx\\u001b"')
    entry.write_bytes(raw)
    os.chmod(entry, 0o600)
    regions = load_catalog([own]).regions
    assert "Kota Kediri" in {r.name for r in regions}
    assert not any("\x1b" in r.name for r in regions)


def test_check_changes_when_nothing_changed_loads_no_more_than_check():
    """The cron line `check --changes`: with the files the snapshot was taken from, only the small
    state file is read; no election is decoded and none of the heavy packages is imported."""
    packages_loaded_by("check", "--changes", "-q")  # fills the cache and takes the snapshot
    loaded = packages_loaded_by("check", "--changes", "-q")
    assert not loaded & {"pydantic", "rich", "holidays", "dateutil", "nacl"}, loaded
    assert loaded <= packages_loaded_by("check", "--within", "7", "-q")
