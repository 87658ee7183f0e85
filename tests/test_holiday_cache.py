"""The national days off and the last decreed year, kept in the cache folder: the same answers as
the holidays package, read back without it, and a damaged file is only a slower run."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tahapan.days import workdays
from tahapan.schedule import holiday_cache


@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    monkeypatch.setattr(holiday_cache, "_loaded", None)


def test_a_year_read_back_is_the_packages_answer(monkeypatch):
    first = holiday_cache.national_days(2024)
    assert first == workdays.year_days(2024)
    assert (date(2024, 4, 10), "public", "Hari Raya Idul Fitri", "Eid al-Fitr") in first
    assert any(d == date(2024, 4, 8) and kind == "cuti" for d, kind, _, _ in first)

    def refuse(year):
        raise AssertionError(f"the package was asked for {year}")

    monkeypatch.setattr(holiday_cache, "year_days", refuse)
    monkeypatch.setattr(holiday_cache, "_loaded", None)  # a new run reads the file
    assert holiday_cache.national_days(2024) == first


def test_the_last_decreed_year_is_kept_too(monkeypatch):
    until = holiday_cache.decrees_until()
    assert until == workdays.holiday_data()[1]
    monkeypatch.setattr(holiday_cache, "holiday_data", lambda: pytest.fail("not cached"))
    monkeypatch.setattr(holiday_cache, "_loaded", None)
    assert holiday_cache.decrees_until() == until


def test_a_damaged_file_is_computed_again(tmp_path):
    path = holiday_cache._path()
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    key = f"{holiday_cache._version()}|2024"
    path.write_text(json.dumps({key: [["not a date", "public", "x", "y"]]}), encoding="utf-8")
    assert holiday_cache.national_days(2024) == workdays.year_days(2024)
    path.write_bytes(b"\x00not json")
    holiday_cache._loaded = None
    assert holiday_cache.national_days(2025) == workdays.year_days(2025)


def test_a_working_day_count_uses_what_it_is_given():
    """The calendar asks its loader, so a count from the cache equals a count from the package."""
    cached = workdays.WorkCalendar(national=holiday_cache.national_days)
    direct = workdays.WorkCalendar()
    assert (
        cached.shift(date(2024, 4, 5), 3) == direct.shift(date(2024, 4, 5), 3) == date(2024, 4, 18)
    )
