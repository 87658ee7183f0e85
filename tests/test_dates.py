"""Dates as officers write them, and the errors for dates that are not."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tahapan.days.dates import MONTHS, WEEKDAYS, now, parse_date, resolve_zone
from tahapan.errors import DateError, UnknownNameError
from tahapan.i18n import format_date, said

TODAY = date(2023, 11, 29)
VOTING = date(2024, 2, 14)


@pytest.mark.parametrize(
    "text",
    [
        "2023-11-29",
        "29/11/2023",
        "29-11-2023",
        "29.11.2023",
        "29 November 2023",
        "29 Nov 2023",
        "29 Nopember 2023",
        "Rabu, 29 Nopember 2023",
        "rabu 29 november 2023",
        "Wednesday, 29 November 2023",
        "tanggal 29 Nopember 2023",
        "  29   November   2023 ",
    ],
)
def test_accepted_forms(text):
    assert parse_date(text, today=TODAY) == date(2023, 11, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hari ini", TODAY),
        ("today", TODAY),
        ("besok", date(2023, 11, 30)),
        ("Tomorrow", date(2023, 11, 30)),
        ("kemarin", date(2023, 11, 28)),
        ("H", VOTING),
        ("H-7", date(2024, 2, 7)),
        ("H-30", date(2024, 1, 15)),
        ("h+3", date(2024, 2, 17)),
        ("H - 3", date(2024, 2, 11)),
    ],
)
def test_relative_forms(text, expected):
    assert parse_date(text, today=TODAY, voting_day=VOTING) == expected


def test_day_first_for_ambiguous_numbers():
    assert parse_date("02/01/2024", today=TODAY) == date(2024, 1, 2)
    # an ISO date is never read day-first
    assert parse_date("2024-01-02", today=TODAY) == date(2024, 1, 2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("xyz", "tanggal tidak dikenali: 'xyz'"),
        (
            "2024-02-30",
            "tanggal tidak ada: '2024-02-30' (Februari 2024 hanya terdiri atas 29 hari)",
        ),
        ("2023-13-01", "tanggal tidak ada: '2023-13-01' (bulan harus 1–12)"),
        ("0000-01-01", "tanggal tidak ada: '0000-01-01' (tahun harus 1–9999)"),
        ("00/01/2024", "tanggal tidak ada: '00/01/2024' (hari dimulai dari 1)"),
        ("November 2023", "tanggal tidak lengkap: 'November 2023'; tulis hari, bulan, dan tahun"),
        ("29 November", "tanggal tidak lengkap: '29 November'; tulis hari, bulan, dan tahun"),
        (
            "Kamis, 29 Nopember 2023",
            "hari tidak cocok: 29 November 2023 jatuh pada hari Rabu, bukan Kamis",
        ),
        ("H-3", "'H-3' dihitung dari hari pemungutan suara, jadi perlu tepat satu pemilu"),
    ],
)
def test_rejected_with_reason(text, message):
    with pytest.raises(DateError) as caught:
        parse_date(text, today=TODAY)
    assert said(caught.value.message) == message


def test_unparseable_date_lists_accepted_forms():
    with pytest.raises(DateError) as caught:
        parse_date("kapan-kapan", today=TODAY)
    assert (
        said(caught.value.hint)
        and "29/11/2023" in said(caught.value.hint)
        and "H-3" in said(caught.value.hint)
    )


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    st.sampled_from(["id", "en"]),
    st.booleans(),
)
def test_what_tahapan_prints_it_reads_back(d, lang, weekday):
    text = format_date(d, weekday=weekday, lang=lang)
    assert parse_date(text, today=TODAY) == d


def _forms(d: date, month_word: str, weekday_word: str) -> list[str]:
    """The date in every documented form, with the month and weekday words given."""
    numeric = [
        f"{d.year:04d}-{d.month:02d}-{d.day:02d}",
        f"{d.day}/{d.month}/{d.year:04d}", f"{d.day:02d}/{d.month:02d}/{d.year:04d}",
        f"{d.day}-{d.month}-{d.year:04d}", f"{d.day:02d}.{d.month:02d}.{d.year:04d}",
    ]  # fmt: skip
    words = [f"{d.day} {month_word} {d.year:04d}", f"{month_word} {d.day}, {d.year:04d}"]
    return [
        *numeric,
        *words,
        *(f"{weekday_word}, {w}" for w in words),
        *(f"{weekday_word} {n}" for n in numeric[1:2]),
        f"tanggal {words[0]}",
    ]


def _words_for(table: dict[str, int], value: int) -> list[str]:
    return [name for name, n in table.items() if n == value]


@given(
    st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)),
    st.data(),
)
def test_every_form_of_every_date_reads_back(d, data):
    month = data.draw(st.sampled_from(_words_for(MONTHS, d.month)))
    weekday = data.draw(st.sampled_from(_words_for(WEEKDAYS, d.weekday())))
    capital = data.draw(st.booleans())
    for text in _forms(d, month.capitalize() if capital else month, weekday):
        assert parse_date(text, today=TODAY) == d, text


#: tokens that have no place in a date once it is complete (weekdays, fillers, commas and dots do)
leftovers = st.one_of(
    st.from_regex(r"[0-9]{1,4}", fullmatch=True),
    st.sampled_from(sorted(MONTHS)),
    st.sampled_from(["x", "WIB", "08:00", "s.d.", "/", "-", "+", "ke", "١٢", "²"]),
)


@given(
    st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)),
    st.integers(min_value=0, max_value=7),
    leftovers,
    st.data(),
)
def test_text_with_a_token_left_over_is_refused(d, form, extra, data):
    text = _forms(d, _words_for(MONTHS, d.month)[-1], _words_for(WEEKDAYS, d.weekday())[-1])[form]
    parts = text.split(" ")
    at = data.draw(st.integers(min_value=0, max_value=len(parts)))
    spoilt = " ".join([*parts[:at], extra, *parts[at:]])
    with pytest.raises(DateError):
        parse_date(spoilt, today=TODAY)


@pytest.mark.parametrize(
    "text",
    ["5-6 Februari 2024", "14 14 Feb 2024", "14/02/2024 08:00 WIB", "29/11/23", "2024 Feb 14 14",
     "29 November 2023 ١٢", "1-2-3-2024", "29 Nov 2023 2024"],
)  # fmt: skip
def test_leftovers_never_become_another_date(text):
    with pytest.raises(DateError) as caught:
        parse_date(text, today=TODAY)
    assert said(caught.value.hint) and "29/11/2023" in said(caught.value.hint)


@given(st.text(max_size=40))
def test_any_text_parses_or_raises_date_error(text):
    try:
        result = parse_date(text, today=TODAY, voting_day=VOTING)
    except DateError as err:
        assert err.message
    else:
        assert isinstance(result, date)


@pytest.mark.parametrize(
    ("name", "zone"),
    [
        ("WIB", "Asia/Jakarta"),
        ("wita", "Asia/Makassar"),
        ("WIT", "Asia/Jayapura"),
        ("Asia/Makassar", "Asia/Makassar"),
        (None, "Asia/Jakarta"),
    ],
)
def test_zones(name, zone):
    assert resolve_zone(name) == zone


def test_unknown_zone():
    with pytest.raises(UnknownNameError) as caught:
        resolve_zone("Mars/Base")
    assert said(caught.value.message) == "zona waktu tidak dikenal: 'Mars/Base'"


def test_pinned_now_is_read_in_the_chosen_zone(monkeypatch):
    # at 16:30 UTC on 10 Feb 2024 it is 23:30 in Jakarta (last campaign day) but 01:30 on the 11th in
    # Jayapura (quiet period); at 17:30 UTC both zones are already on the 11th
    monkeypatch.setenv("TAHAPAN_NOW", "2024-02-10T16:30:00Z")
    assert now("Asia/Jakarta").date() == date(2024, 2, 10)
    assert now("Asia/Jayapura").date() == date(2024, 2, 11)
    assert now("Asia/Jayapura").utcoffset().total_seconds() == 9 * 3600
    assert isinstance(now("Asia/Jakarta"), datetime)
