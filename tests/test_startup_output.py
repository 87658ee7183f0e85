"""What start-up leaves out or keeps changes no answer: the kept help page is the page Click draws,
records compare and print as dataclasses do, text is made safe as before, and the user's folders
are where platformdirs puts them."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import platformdirs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tahapan import model
from tahapan.cli import help_cache
from tahapan.days import timeline
from tahapan.folders import directory, user_path
from tahapan.records import FrozenRecord
from tahapan.reports import stages, status
from tahapan.schedule.load import load_catalog
from tahapan.text import one_line

# ------------------------------------------------------------------ the kept help page


def _page(run, *args: str, **env: str) -> tuple[int, str, str]:
    done = run(*args, env=env)
    return done.returncode, done.stdout, done.stderr


def _kept() -> list[Path]:
    folder = directory()
    return sorted(folder.glob("help-*.txt")) if folder else []


@pytest.mark.parametrize(
    "env",
    [{}, {"COLUMNS": "50"}, {"COLUMNS": "79"}, {"COLUMNS": "200"}, {"TAHAPAN_LANG": "en"}],
    ids=lambda env: ",".join(f"{k}={v}" for k, v in env.items()) or "default",
)
def test_the_kept_help_page_is_the_drawn_one(run, env):
    drawn = _page(run, "--help", TAHAPAN_NO_CACHE="1", **env)
    assert drawn[0] == 0 and not _kept()
    assert _page(run, "--help", **env) == drawn  # drawn, and kept
    assert len(_kept()) == 1
    assert _page(run, "--help", **env) == drawn  # printed from the cache
    assert _page(run, "-h", **env) == drawn


def test_the_config_language_is_the_kept_pages_too(run, tmp_path):
    indonesian = _page(run, "--help")
    assert "Pemakaian:" in indonesian[1]
    config = tmp_path / "config" / "tahapan" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('lang = "en"\n', encoding="utf-8")
    english = _page(run, "--help", TAHAPAN_NO_CACHE="1")
    assert "Usage:" in english[1]
    assert _page(run, "--help") == english
    assert _page(run, "--help") == english
    config.unlink()
    assert _page(run, "--help") == indonesian


def test_a_damaged_kept_page_is_drawn_again(run):
    drawn = _page(run, "--help")
    (kept,) = _kept()
    check, _, page = kept.read_bytes().partition(b"\n")
    kept.write_bytes(check + b"\n" + page.replace(b"status", b"statuz"))
    assert _page(run, "--help") == drawn


def test_the_width_is_the_one_click_wraps_to(monkeypatch):
    from typer._click.formatting import HelpFormatter

    from tahapan.cli.application import build_app

    # no terminal_width or max_content_width set for the app: Click's default reckoning
    assert build_app().info.context_settings == {"help_option_names": ["-h", "--help"]}
    for columns in ("1", "40", "51", "52", "79", "80", "81", "300"):
        monkeypatch.setenv("COLUMNS", columns)
        assert help_cache.width() == HelpFormatter().width, columns


def test_the_key_follows_every_module_the_page_is_drawn_from():
    """An edited command (or typer upgraded) is a new key: the page is drawn again."""
    stamped = {Path(stamp.split("\0")[0]) for stamp in help_cache._stamps()}
    here = Path(help_cache.__file__).parent
    assert {*here.glob("*.py"), *(here / "commands").glob("*.py")} <= stamped
    assert {here.parent / "__init__.py", here.parent / "i18n.py"} <= stamped
    assert [p for p in stamped if p.parent.name == "typer"]


# ------------------------------------------------------------------ records


def _twin(cls: type) -> type:
    """The same class as @dataclass would make its methods (the fields alone matter to them)."""
    frozen = cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    return dataclasses.make_dataclass(
        cls.__name__,
        [(f.name, f.type, dataclasses.field(default=None)) for f in dataclasses.fields(cls)],
        frozen=frozen,
        unsafe_hash=False,
    )


def _same_methods(objects: list) -> None:
    twin = _twin(type(objects[0]))
    for a in objects:
        assert repr(a) == twin.__repr__(a)
        for b in objects[:5]:
            assert (a == b) == twin.__eq__(a, b)
            assert (a != b) == (not twin.__eq__(a, b))
        assert a != object() and a != None  # noqa: E711 - NotImplemented, then identity
        if isinstance(a, FrozenRecord):
            assert hash(a) == twin.__hash__(a)
        else:
            with pytest.raises(TypeError, match="unhashable"):
                hash(a)


def test_records_compare_print_and_hash_as_dataclasses_do():
    catalog = load_catalog([])
    elections = list(catalog.elections)
    walked = [stage for election in elections for _, stage in election.walk()]
    _same_methods(elections)
    _same_methods(walked)
    _same_methods(list(catalog.regions[:50]))
    _same_methods([h for e in elections for h in e.holidays] or [_holiday()])
    _same_methods([c for e in elections for c in e.changes])
    _same_methods([s.end_rule for s in walked if s.end_rule] or [model.RelativeDate(h=-3)])
    refs = list(timeline.all_stages(elections))
    _same_methods(refs[:40])
    report = status.build_status(catalog, on=refs[0].stage.end, timezone="Asia/Jakarta")
    _same_methods([report])
    first = refs[0]
    shown = stages.build_show(
        catalog, first.path, on=first.stage.end, election_ids=[first.election.id]
    )
    _same_methods([shown])
    # equal values, equal records: a copy is equal, and a changed field is not
    one = walked[0]
    assert dataclasses.replace(one) == one and hash(dataclasses.replace(one)) == hash(one)
    assert dataclasses.replace(one, note="lain") != one


def _holiday() -> model.Holiday:
    from datetime import date

    return model.Holiday(date=date(2024, 2, 14), name="Hari pemungutan suara")


# ------------------------------------------------------------------ text and folders

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _by_patterns(text: str) -> str:
    return _UNSAFE.sub("\ufffd", _BREAKS.sub(" ", text))


@given(st.text(st.characters(max_codepoint=0x2100)) | st.text())
def test_one_line_replaces_what_the_patterns_did(text):
    assert one_line(text) == _by_patterns(text)


def test_one_line_replaces_every_character_the_patterns_did():
    for code in [*range(0x3000), *range(0xD7F0, 0xE010), 0xFEFF, 0x1F600, 0x10FFFF]:
        assert one_line(f"a{chr(code)}b") == _by_patterns(f"a{chr(code)}b"), hex(code)


@pytest.mark.parametrize(
    "env",
    [
        {"XDG_CACHE_HOME": "/srv/x", "XDG_CONFIG_HOME": "/srv/y/", "XDG_DATA_HOME": "//srv/z"},
        {"XDG_CACHE_HOME": "", "XDG_CONFIG_HOME": "", "XDG_DATA_HOME": ""},
        {"XDG_CACHE_HOME": "relatif", "XDG_CONFIG_HOME": " ", "XDG_DATA_HOME": "~/d"},
        {"XDG_CACHE_HOME": "", "HOME": "/"},
        {"XDG_CACHE_HOME": "", "HOME": "relatif"},
    ],
)
def test_the_users_folders_are_where_platformdirs_puts_them(monkeypatch, env):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert user_path("cache") == platformdirs.user_cache_path("tahapan", appauthor=False)
    assert user_path("config") == platformdirs.user_config_path("tahapan", appauthor=False)
    assert user_path("data") == platformdirs.user_data_path("tahapan", appauthor=False)
    assert os.fspath(user_path("cache")).endswith("tahapan")


def test_a_profiled_run_still_writes_its_profile(run, tmp_path):
    # a run ends at once when its answer is out, but not under a profiler, whose file is written
    # after the run returns (bench/README.md measures with it)
    import pstats
    import sys

    profile = tmp_path / "run.prof"
    cmd = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "tahapan"]
    done = run("check", "--within", "7", "--on", "2024-02-10", cmd=cmd)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("2024-02-")  # the answer, then the profile
    names = {func[2] for func in pstats.Stats(str(profile)).stats}  # type: ignore[attr-defined]
    assert "main" in names
