"""Property and fuzz tests: whatever comes in, the answer is exit 0, 1 or 2 with a message.

Never a traceback, never the internal-error code, never a hang: each input runs under a generous
alarm (a hang guard, not a speed test: a sound input takes milliseconds).
"""

from __future__ import annotations

import contextlib
import signal
import tomllib
from datetime import date
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO
from tahapan.days.dates import parse_date
from tahapan.errors import DataError, DateError, TahapanError
from tahapan.i18n import said
from tahapan.schedule.csv_read import import_csv
from tahapan.schedule.load import build_catalog, shipped_paths
from tahapan.schedule.merge import SourceFile
from tahapan.schedule.read import read_source

HANG_SECONDS = 30
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
CLI_FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@contextlib.contextmanager
def no_hang():
    def alarm(signum, frame):
        raise AssertionError(f"no answer within {HANG_SECONDS} s: a hang")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def answered(result) -> None:
    """A CLI result that is an answer or a refusal, never a crash."""
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == 2 and result.exception is not None:
        assert isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        assert result.stderr.strip(), "a refusal must say why"


date_words = st.sampled_from(
    ["H", "H-", "h+", "besok", "kemarin", "hari ini", "Rabu,", "29", "Nopember", "2023", "/", "-", ".",
     "Februari", "30", "0000", "9999", "H-99999", "  ", "\x00", "١٢", "²", "Ⅻ", "T", "Z", ":"]
)  # fmt: skip


@FUZZ
@given(st.one_of(st.text(max_size=40), st.lists(date_words, max_size=6).map(" ".join)))
def test_parse_date_answers_or_refuses(text):
    with no_hang():
        try:
            result = parse_date(text, today=date(2024, 1, 1), voting_day=date(2024, 2, 14))
        except DateError as err:
            assert err.message
        else:
            assert isinstance(result, date)


@CLI_FUZZ
@given(
    st.one_of(
        st.text(min_size=1, max_size=30), st.lists(date_words, min_size=1, max_size=5).map(" ".join)
    )
)
def test_on_option_answers_or_refuses(cli, text):
    if text.startswith("-"):
        text = " " + text  # click would read it as an option
    with no_hang():
        answered(cli("status", "--on", text, "-e", "pemilu-2024"))


@CLI_FUZZ
@given(
    st.lists(
        st.one_of(date_words, st.sampled_from(["+", "-", "..", "s.d.", "hari", "kerja", "minggu", "bulan",
                                               "setelah", "sebelum", "99999999", "3", "2024-04-05"])),
        min_size=1, max_size=7,
    )
)  # fmt: skip
def test_hitung_answers_or_refuses(cli, words):
    with no_hang():
        answered(cli("hitung", *[w for w in words if w.strip()] or ["H"]))


@CLI_FUZZ
@given(st.text(max_size=12), st.text(max_size=12))
def test_check_and_pace_numbers(cli, within, done):
    with no_hang():
        answered(cli("check", "--within", within or "x", "-q"))
        answered(
            cli("pace", "coklit", "-e", "pilkada-2024", "--on", "2024-07-01", "--done", done or "x")
        )


# ---------------------------------------------------------------------------------- schedule files

KEYS = ["schema", "elections", "regions", "id", "name", "name_en", "voting_day", "basis", "stages",
        "start", "end", "confidence", "held", "after", "before", "h", "days", "working_days",
        "holidays", "date", "timezone", "counting", "parent", "code", "note", "strat"]  # fmt: skip
scalars = st.one_of(
    st.text(max_size=10),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.booleans(),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(["P", "2S", "pemilu-2024", "kampanye", "WIB", "Mars/Base", "calendar"]),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(KEYS), st.text(max_size=5)), children, max_size=6
        ),
    ),
    max_leaves=30,
)


@FUZZ
@given(st.dictionaries(st.sampled_from(KEYS), documents, max_size=5))
def test_random_documents_load_or_are_refused(data):
    text = tomli_w.dumps(data)
    source = SourceFile(Path("acak.toml"), text, tomllib.loads(text))
    with no_hang():
        try:
            build_catalog([*(read_source(p) for p in shipped_paths()), source])
        except DataError as err:
            # each problem said in both languages, or plain text (a path) the same in both
            assert err.problems
            assert all(said(p, "id") and said(p, "en") for p in err.problems)


SHIPPED = (REPO / "data" / "stages.toml").read_text(encoding="utf-8").splitlines()
mutations = st.lists(
    st.tuples(
        st.sampled_from(["delete", "duplicate", "swap", "garble", "insert"]),
        st.integers(min_value=0, max_value=len(SHIPPED) - 1),
        st.integers(min_value=0, max_value=len(SHIPPED) - 1),
        st.text(max_size=12),
    ),
    min_size=1,
    max_size=4,
)


def mutate(lines: list[str], steps) -> str:
    lines = list(lines)
    for op, i, j, junk in steps:
        i, j = i % len(lines), j % len(lines)
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "garble":
            line = lines[i]
            cut = j % (len(line) + 1)
            lines[i] = line[:cut] + junk + line[cut + 1 :]
        else:
            lines.insert(i, junk)
    return "\n".join(lines) + "\n"


@CLI_FUZZ
@given(mutations)
def test_mutations_of_the_shipped_data_validate_or_are_refused(cli, tmp_path, steps):
    path = tmp_path / "mutasi.toml"
    path.write_text(mutate(SHIPPED, steps), encoding="utf-8")
    with no_hang():
        result = cli("validate", str(path))
    answered(result)
    assert result.exit_code in (
        0,
        1,
    )  # the file can be read: it is valid or its problems are listed


# ---------------------------------------------------------------------------------- CSV import

cells = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["pemilu-2024", "x/y", "2024-02-30", "29 Nopember 2023", "=1+1", "P", "", "kampanye",
                     "pemungutan-suara", "2024-01-01", "H-3", "besok"]),
)  # fmt: skip
COLUMNS = ["election", "path", "name", "name_en", "start", "end", "days", "basis", "confidence"]


@CLI_FUZZ
@given(
    st.one_of(st.just(COLUMNS), st.lists(st.sampled_from([*COLUMNS, "x"]), max_size=9)),
    st.lists(st.lists(cells, min_size=0, max_size=10), max_size=6),
)
def test_random_csv_imports_or_is_refused(cli, tmp_path, header, rows):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path = tmp_path / "acak.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    with no_hang():
        direct = import_csv(path, buffer.getvalue(), {})
        assert isinstance(direct.problems, list)
        answered(cli("import", str(path)))


def test_the_hang_guard_itself_fires():
    with pytest.raises(AssertionError, match="a hang"), no_hang():
        signal.alarm(1)
        signal.pause()


@pytest.mark.parametrize("error", [DateError("x"), DataError(["x"]), TahapanError("x")])
def test_every_user_error_exits_2(error):
    assert int(error.exit_code) == 2
