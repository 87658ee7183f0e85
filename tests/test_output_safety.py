"""Names with HTML, quotes, newlines, control characters, right-to-left marks and emoji go through every
output without breaking its format."""

from __future__ import annotations

import csv
import io
import json

import pytest

NASTY = "<b>Rapat</b> \"kutip\" 'satu'\nbaris\tdua \x1b[31mmerah\x07 \u202ekebalik\u202c مرحبا\u200f 🎉 =1+1"
CLEANED = "<b>Rapat</b> \"kutip\" 'satu' baris dua \ufffd[31mmerah\ufffd \ufffdkebalik\ufffd مرحبا\u200f 🎉 =1+1"


def toml_string(text: str) -> str:
    import tomli_w

    return tomli_w.dumps({"v": text}).removeprefix("v = ").strip()


@pytest.fixture
def nasty(tmp_path):
    path = tmp_path / "nakal.toml"
    path.write_text(
        'schema = 1\n[[elections]]\nid = "nakal"\n'
        f"name = {toml_string(NASTY)}\nname_en = {toml_string(NASTY)}\n"
        "voting_day = 2023-12-14\nbasis = " + toml_string('=HYPERLINK("http://x")\nbaris') + "\n"
        '[[elections.stages]]\nid = "a"\n'
        f"name = {toml_string(NASTY)}\nname_en = {toml_string(NASTY)}\n"
        'start = 2023-11-20\nend = 2023-12-05\nbasis = "-2+3"\nconfidence = "P"\n'
        f"note = {toml_string('baris satu' + chr(10) + 'baris dua ' + chr(27) + '[2J')}\n",
        encoding="utf-8",
    )
    return path


def run(cli, nasty, *args):
    result = cli(*args, "-e", "nakal", "--data", str(nasty))
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.mark.parametrize(
    "args",
    [("status",), ("list",), ("show", "a"), ("calendar", "--month", "2023-11")],
    ids=["status", "list", "show", "calendar"],
)
def test_terminal_views_carry_no_control_characters(cli, nasty, args):
    out = run(cli, nasty, *args)
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\ufffd" in out  # what was there is shown, not silently dropped
    assert "🎉" in out


def test_plain_lines_keep_their_fields(cli, nasty):
    out = run(cli, nasty, "check", "--within", "30")
    lines = out.splitlines()
    assert lines and all(len(line.split("\t")) == 7 for line in lines)
    assert lines[0].split("\t")[5] == CLEANED


def test_json_holds_the_text(cli, nasty):
    stage = json.loads(run(cli, nasty, "show", "a", "--json"))["stage"]
    assert stage["name"] == CLEANED
    assert stage["note"] == "baris satu\nbaris dua \ufffd[2J"


def test_html_escapes_everything(cli, nasty):
    html = run(cli, nasty, "calendar", "--month", "2023-11", "-f", "html")
    assert "<b>Rapat</b>" not in html and "&lt;b&gt;Rapat&lt;/b&gt;" in html
    assert "&quot;kutip&quot;" in html and "\x1b" not in html


def test_ics_is_escaped_folded_and_reads_back(cli, nasty):
    import icalendar
    import vobject

    text = run(cli, nasty, "calendar", "-f", "ics")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.splitlines())  # folded
    (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(event["summary"]) == CLEANED
    assert vobject.readOne(io.StringIO(text)).vevent.summary.value == CLEANED


def test_csv_quotes_and_neutralises(cli, nasty):
    text = run(cli, nasty, "calendar", "-f", "csv")
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert row["name"] == CLEANED
    assert row["basis"] == "'-2+3"


def test_pdf_is_made(cli, nasty, tmp_path):
    out = tmp_path / "nakal.pdf"
    run(cli, nasty, "calendar", "--month", "2023-11", "-f", "pdf", "-o", str(out))
    from pypdf import PdfReader

    text = PdfReader(out).pages[0].extract_text()
    assert "Rapat" in text and "\x1b" not in text


HOSTILE_KEY = (
    'schema = 1\n[[elections]]\nid = "latihan"\nname = "Latihan"\nname_en = "Drill"\n'
    'voting_day = 2025-03-01\nbasis = "b"\n"\\u001b[2Jjahat" = 1\n'
    '[[elections.stages]]\nid = "rapat"\nname = "Rapat"\nname_en = "Meeting"\nend = 2025-01-12\n'
    'basis = "b"\nconfidence = "P"\nregions = ["\\u001b]0;judul\\u0007"]\n'
)


def test_file_text_echoed_in_errors_never_drives_the_terminal(cli, tmp_path):
    path = tmp_path / "jahat.toml"
    path.write_text(HOSTILE_KEY, encoding="utf-8")
    for args in (["validate", str(path)], ["status", "--data", str(path)]):
        result = cli(*args)
        assert result.exit_code in (1, 2)
        shown = result.stdout + result.stderr
        assert "\x1b" not in shown and "\x07" not in shown, args
        assert "\ufffd[2Jjahat" in shown  # visible, so the file can be fixed


def test_line_separators_in_names_do_not_split_check_lines(cli, tmp_path):
    path = tmp_path / "garis.toml"
    path.write_text(
        'schema = 1\n[[elections]]\nid = "latihan"\nname = "Latihan"\nname_en = "Drill"\n'
        'voting_day = 2025-03-01\nbasis = "b"\n[[elections.stages]]\nid = "rapat"\n'
        'name = "Rapat\\u2028koordinasi\\u2029akhir\\u0085"\nname_en = "M"\nstart = 2025-01-10\n'
        'end = 2025-01-12\nbasis = "b"\nconfidence = "P"\n',
        encoding="utf-8",
    )
    result = cli(
        "check", "--within", "7", "-e", "latihan", "--on", "2025-01-08", "--data", str(path)
    )
    assert result.exit_code == 1
    lines = result.stdout.splitlines()  # str.splitlines breaks at U+2028 too
    assert len(lines) == 2 and all(len(line.split("\t")) == 7 for line in lines)
    assert lines[0].endswith("\tRapat koordinasi akhir\t2 hari lagi")
