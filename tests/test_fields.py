"""One field list per entity: the model's dataclasses. The schema agrees with them, and the cache,
the TOML writer, the JSON reports, the CSV and xlsx columns and a projection's copy carry every field
without a list of their own; `stage add`/`stage set` have an option for each field but those
schedule/fields.py lists, with why."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tomllib
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tahapan import model
from tahapan.cli.application import build_app
from tahapan.schedule import cache, schema, tabular
from tahapan.schedule import fields as stage_fields
from tahapan.schedule.writer import schedule_text

PAIRS = [
    (model.Stage, schema.Stage),
    (model.Election, schema.Election),
    (model.Holiday, schema.Holiday),
    (model.Instance, schema.Instance),
    (model.Region, schema.Region),
    (model.RelativeDate, schema.RelativeDate),
]
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("plain", "checked"), PAIRS, ids=lambda c: c.__name__)
def test_the_schema_has_the_models_fields_in_order_with_the_same_defaults(plain, checked):
    written = [f for f in fields(plain) if f.name not in model.RUNTIME_FIELDS]
    assert [f.name for f in written] == list(checked.model_fields)
    for f in written:
        default = checked.model_fields[f.name].get_default()
        if f.default is not model.MISSING:
            assert default == f.default, f.name


# ------------------------------------------------------------------ generated model objects

TEXT = st.text(st.characters(codec="utf-8", categories=("L", "N")), min_size=1, max_size=12)
IDS = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,5})?", fullmatch=True)
DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
OPTIONAL_TEXT = st.none() | TEXT
REGIONS = st.lists(IDS, max_size=3, unique=True).map(tuple)
RULES = st.none() | st.builds(
    model.RelativeDate,
    h=st.integers(-400, 400),
)


@st.composite
def stages(draw: st.DrawFn, depth: int = 0, rules: bool = True) -> model.Stage:
    start = draw(st.none() | DAYS)
    end = draw(DAYS)
    children = draw(st.lists(stages(depth + 1, rules), max_size=2)) if depth < 2 else []
    return model.Stage(
        id=draw(IDS),
        name=draw(TEXT),
        name_en=draw(TEXT),
        start=start,
        end=end,
        basis=draw(TEXT),
        confidence=draw(st.sampled_from(["P", "P+2S", "2S", "1S", "D"])),
        confidence_note=draw(OPTIONAL_TEXT),
        note=draw(OPTIONAL_TEXT),
        note_en=draw(OPTIONAL_TEXT),
        held=draw(st.booleans()),
        regions=draw(REGIONS),
        counting=draw(st.sampled_from(["calendar", "working"])),
        projected=draw(st.booleans()),
        start_rule=draw(RULES) if rules else None,
        end_rule=draw(RULES) if rules else None,
        stages=tuple(children),
    )


def elections(rules: bool = True) -> st.SearchStrategy[model.Election]:
    return st.builds(
        model.Election,
        id=IDS,
        name=TEXT,
        name_en=TEXT,
        voting_day=DAYS,
        timezone=st.sampled_from(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]),
        basis=TEXT,
        scope=OPTIONAL_TEXT,
        scope_en=OPTIONAL_TEXT,
        regions=REGIONS,
        holidays=st.lists(
            st.builds(model.Holiday, date=DAYS, name=TEXT, name_en=OPTIONAL_TEXT, regions=REGIONS),
            max_size=2,
        ).map(tuple),
        stages=st.lists(stages(rules=rules), max_size=3).map(tuple),
    )


REGION_OBJECTS = st.builds(
    model.Region,
    id=IDS,
    code=st.none() | st.from_regex(r"\d{2}(\.\d{2})?", fullmatch=True),
    kind=st.none() | st.sampled_from(["provinsi", "kabupaten", "kota"]),
    name=TEXT,
    name_en=OPTIONAL_TEXT,
    parent=st.none() | IDS,
    timezone=st.sampled_from(["Asia/Jakarta", "Asia/Pontianak"]),
    aliases=st.lists(TEXT, max_size=2).map(tuple),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(elections(), st.lists(REGION_OBJECTS, max_size=3))
def test_model_to_cache_to_model_keeps_every_field(election, regions):
    line = json.dumps(cache.encode(election))
    assert cache.decode_election(json.loads(line)) == election
    line = json.dumps([cache.encode(r) for r in regions])
    assert [cache.decode_region(r) for r in json.loads(line)] == regions


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(elections(rules=False), st.lists(REGION_OBJECTS, max_size=3))
def test_model_to_toml_to_model_keeps_every_field(election, regions):
    # the file's own checks of shape and type; the rules between stages are another test's
    text = schedule_text([election], regions)
    read = schema.to_model(schema.ScheduleFile.model_validate(tomllib.loads(text)))
    assert read.elections == (election,)
    assert read.regions == tuple(regions)


def test_a_rule_is_written_in_place_of_its_date():
    stage = model.Stage(
        id="a",
        name="A",
        name_en="A",
        start=date(2024, 1, 1),
        end=date(2024, 1, 9),
        basis="x",
        confidence="P",
        start_rule=model.RelativeDate(h=-30),
    )
    election = model.Election(
        id="e", name="E", name_en="E", voting_day=date(2024, 1, 31), basis="x", stages=(stage,)
    )
    table = tomllib.loads(schedule_text([election]))["elections"][0]["stages"][0]
    assert list(table) == ["id", "name", "name_en", "start", "end", "basis", "confidence"]
    assert table["start"] == {"h": -30} and table["end"] == date(2024, 1, 9)
    unknown_start = replace(stage, start=None)
    table = tomllib.loads(schedule_text([replace(election, stages=(unknown_start,))]))
    assert list(table["elections"][0]["stages"][0])[3:5] == ["start", "end"]


# ------------------------------------------------------------------ a new field, end to end

LOCAL = """
schema = 1
[[elections]]
id = "latihan"
name = "Latihan"
name_en = "Drill"
voting_day = 2031-03-05
basis = "Surat KPU"
[[elections.stages]]
id = "apel"
name = "Apel"
name_en = "Roll call"
start = 2031-03-01
end = 2031-03-02
basis = "Surat KPU"
confidence = "P"
location = "Aula KPU Kota Kediri"
"""


def test_a_new_optional_stage_field_needs_only_the_model_and_the_schema(tmp_path):
    """A copy of the package with one more field, `location`, written in model.py and schema.py
    only: the cached second run, show --json, list --json and export all carry it."""
    copy = tmp_path / "src"
    shutil.copytree(
        ROOT / "src" / "tahapan", copy / "tahapan", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(ROOT / "data", tmp_path / "data")
    # the stage's flag, after its comment: the election has a field of the same name
    anchor = "from a regulation\n    projected: bool = False\n"
    for name, text in (("model.py", anchor), ("schedule/schema.py", anchor)):
        path = copy / "tahapan" / name
        source = path.read_text(encoding="utf-8")
        assert source.count(text) == 1, name
        path.write_text(
            source.replace(text, text + "    location: str | None = None\n"), encoding="utf-8"
        )
    local = tmp_path / "lokal.toml"
    local.write_text(LOCAL, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(copy),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "share"),
        "TAHAPAN_NO_CACHE": "",
    }

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "tahapan", *args, "--data", str(local)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    for _ in range(2):  # the first run writes the cache, the second reads it
        shown = json.loads(run("show", "latihan/apel", "--json"))
        assert shown["stage"]["location"] == "Aula KPU Kota Kediri"
    listed = json.loads(run("list", "-e", "latihan", "--json"))
    assert listed["elections"][0]["stages"][0]["location"] == "Aula KPU Kota Kediri"
    exported = tomllib.loads(run("export", "-e", "latihan"))
    assert exported["elections"][0]["stages"][0]["location"] == "Aula KPU Kota Kediri"
    assert list(tmp_path.joinpath("cache").rglob("catalog-*.jsonl")), "the cache was not used"

    # a column of the CSV and of the workbook, read back by import
    sheet = tmp_path / "jadwal.csv"
    sheet.write_text(run("export", "-e", "latihan", "-f", "csv"), encoding="utf-8")
    header, row = sheet.read_text(encoding="utf-8").splitlines()
    assert header.endswith(",projected,location,repeat") and ",Aula KPU Kota Kediri," in row
    imported = tomllib.loads(run("import", str(sheet)))
    assert imported["elections"][0]["stages"][0]["location"] == "Aula KPU Kota Kediri"
    if importlib.util.find_spec("openpyxl") is not None:
        book = tmp_path / "jadwal.xlsx"
        run("export", "-e", "latihan", "-f", "xlsx", "-o", str(book))
        imported = tomllib.loads(run("import", str(book)))
        assert imported["elections"][0]["stages"][0]["location"] == "Aula KPU Kota Kediri"

    # copied by a projection (`election add --like`) into the file it writes
    done = subprocess.run(
        [sys.executable, "-m", "tahapan", "election", "add", "latihan-2", "--like", "latihan",
         "--voting-day", "2036-03-05", "--name", "Latihan 2", "--file", str(local)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    written = tomllib.loads(local.read_text(encoding="utf-8"))["elections"]
    projected = next(e for e in written if e["id"] == "latihan-2")["stages"][0]
    assert projected["location"] == "Aula KPU Kota Kediri" and projected["projected"] is True


# ------------------------------------------------------------------ `stage add`, `stage set`

#: options of the commands that are no field of a stage
NOT_FIELDS = {"--election", "--file", "--lang", "--json", "--quiet", "--help"}


def _option_problems(name: str) -> list[str]:
    """What `stage NAME` lacks or has beyond the stage's fields (schedule/fields.py), named."""
    group = typer.main.get_command(build_app(["stage"])).commands["stage"]
    command = group.commands[name]  # type: ignore[attr-defined]
    shown = [p.opts[0] for p in command.params if p.param_type_name == "option"]
    shown = [o for o in shown if o not in NOT_FIELDS]
    wanted = stage_fields.stage_options(name)
    problems = [
        f"stage {name} has no {o}: give it its option (and help id) in cli/commands/stage.py, "
        "or list its field in schedule/fields.py with why"
        for o in wanted
        if o not in shown
    ]
    problems += [
        f"stage {name} has {o}, which schedule/fields.py leaves out: make them agree"
        for o in shown
        if o not in wanted
    ]
    if not problems and shown != wanted:
        problems.append(f"stage {name}: options in the model's order: {wanted}")
    return problems


@pytest.mark.parametrize("name", ["add", "set"])
def test_stage_add_and_set_have_an_option_for_each_field(name):
    assert _option_problems(name) == []


def test_a_new_field_without_its_option_is_named(monkeypatch):
    fields_then = (*stage_fields.STAGE_FIELDS, "location")
    monkeypatch.setattr(stage_fields, "STAGE_FIELDS", fields_then)
    assert [p.split(":")[0] for p in _option_problems("add")] == ["stage add has no --location"]


def test_the_columns_and_the_projection_are_the_fields_less_the_listed_exceptions():
    written = set(stage_fields.STAGE_FIELDS)
    listed = set(stage_fields.NOT_COLUMNS) | set(stage_fields.COLUMN_NAMES)
    assert listed <= written and set(stage_fields.NOT_PROJECTED) <= written
    columns = set(stage_fields.COLUMNS) - set(stage_fields.EXTRA_COLUMNS)
    assert columns == {stage_fields.COLUMN_NAMES.get(f, f) for f in written} - {
        stage_fields.COLUMN_NAMES.get(f, f) for f in stage_fields.NOT_COLUMNS
    }
    assert tabular.COLUMNS == stage_fields.COLUMNS
