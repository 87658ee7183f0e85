"""The timeline core on the shipped data: day N of M, days left, H-notation, what comes next."""

from __future__ import annotations

from datetime import date

import pytest

from tahapan.days import timeline as tl
from tahapan.schedule.load import load_catalog


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def election(catalog, ident):
    return next(e for e in catalog.elections if e.id == ident)


def active_by_path(catalog, ident, on):
    return {a.ref.path: a for a in tl.active([election(catalog, ident)], on)}


def test_campaign_day_two_of_seventy_five(catalog):
    campaign = active_by_path(catalog, "pemilu-2024", date(2023, 11, 29))["kampanye"]
    assert (campaign.day, campaign.days_total, campaign.days_left) == (2, 75, 73)


@pytest.mark.parametrize(
    ("on", "day", "left"),
    [(date(2023, 11, 28), 1, 74), (date(2024, 2, 10), 75, 0)],
)
def test_both_ends_count(catalog, on, day, left):
    campaign = active_by_path(catalog, "pemilu-2024", on)["kampanye"]
    assert (campaign.day, campaign.days_left) == (day, left)


def test_stage_is_not_active_outside_its_window(catalog):
    assert "kampanye" not in active_by_path(catalog, "pemilu-2024", date(2023, 11, 27))
    assert "kampanye" not in active_by_path(catalog, "pemilu-2024", date(2024, 2, 11))
    assert "masa-tenang" in active_by_path(catalog, "pemilu-2024", date(2024, 2, 11))


def test_sub_stage_is_active_with_its_parent(catalog):
    running = active_by_path(catalog, "pemilu-2024", date(2024, 1, 21))
    assert {"kampanye", "kampanye/rapat-umum"} <= running.keys()
    assert running["kampanye/rapat-umum"].days_total == 21


@pytest.mark.parametrize(
    ("ident", "on", "h"),
    [
        ("pemilu-2024", date(2023, 11, 29), -77),
        ("pemilu-2024", date(2024, 2, 7), -7),
        ("pemilu-2024", date(2024, 1, 15), -30),
        ("pemilu-2024", date(2024, 2, 14), 0),
        ("pilkada-2024", date(2024, 11, 30), 3),
    ],
)
def test_h_day(catalog, ident, on, h):
    assert tl.h_day(election(catalog, ident), on) == h


def test_quiet_period_is_h_minus_three_to_h_minus_one(catalog):
    e = election(catalog, "pemilu-2024")
    quiet = next(s for p, s in e.walk() if p == "masa-tenang")
    assert (tl.h_day(e, quiet.start), tl.h_day(e, quiet.end)) == (-3, -1)


def test_upcoming_lists_starts_within_horizon_in_order(catalog):
    e = election(catalog, "pemilu-2024")
    upcoming = tl.upcoming([e], date(2023, 11, 29), horizon=60)
    assert [(u.ref.path, u.days_until) for u in upcoming] == [
        ("kampanye/rapat-umum", 53),
        ("masa-kerja-kpps", 57),
    ]


def test_upcoming_keeps_the_next_stage_beyond_the_horizon(catalog):
    e = election(catalog, "pilkada-2024")
    upcoming = tl.upcoming([e], date(2023, 12, 1), horizon=10)
    assert [(u.ref.path, u.days_until) for u in upcoming] == [("pendaftaran-pemantau", 88)]


def test_recently_ended(catalog):
    e = election(catalog, "pemilu-2024")
    ended = tl.recently_ended([e], date(2024, 2, 12))
    assert [(x.ref.path, x.days_since) for x in ended] == [
        ("kampanye", 2),
        ("kampanye/rapat-umum", 2),
    ]


def test_unknown_start_is_never_guessed(catalog):
    e = election(catalog, "pilkada-2024")
    # the timetable's first known start is 2024-02-27; before it, the open-ended stage is not "running"
    assert "penyusunan-peraturan" not in active_by_path(catalog, "pilkada-2024", date(2024, 2, 1))
    drafting = active_by_path(catalog, "pilkada-2024", date(2024, 7, 1))["penyusunan-peraturan"]
    assert (drafting.day, drafting.days_total, drafting.days_left) == (None, None, 140)
    ref = next(r for r in tl.all_stages([e]) if r.path == "penyusunan-peraturan")
    assert tl.position(ref, date(2024, 2, 1)) == "unknown"


def test_stages_not_held_are_never_active(catalog):
    running = active_by_path(catalog, "pemilu-2024", date(2024, 6, 26))
    assert not any("putaran-kedua" in path for path in running)


def test_near_elections(catalog):
    # Pilkada 2024's planning (start not given) ends on 26 Jan 2024, 58 days on: near
    assert [e.id for e in tl.near_elections(catalog.elections, date(2023, 11, 29))] == [
        "pemilu-2024",
        "pilkada-2024",
    ]
    assert [e.id for e in tl.near_elections(catalog.elections, date(2023, 11, 20))] == [
        "pemilu-2024"
    ]
    assert [e.id for e in tl.near_elections(catalog.elections, date(2024, 11, 20))] == [
        "pilkada-2024"
    ]
    # the re-election's DP4 hand-over (2025-01-22) is 56 days after voting day, inside the horizon
    assert [e.id for e in tl.near_elections(catalog.elections, date(2024, 11, 27))] == [
        "pilkada-2024",
        "pemilihan-ulang-2025",
    ]
    assert tl.near_elections(catalog.elections, date(2026, 11, 23)) == []
