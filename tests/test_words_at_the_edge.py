"""Words at the edge: the core (days/, schedule/, reports/) never reads the chosen language. What it
says, it says in both (``Words``); dates in its messages are written in each language explicitly;
the view or the CLI picks one (``said``), and JSON carries values, the same in either language."""

from __future__ import annotations

import ast

import pytest

from conftest import REPO, commands_of  # noqa: F401  (commands_of: the JSON test lists commands)
from tahapan.errors import DataError, TahapanError
from tahapan.i18n import Words, changed, said, set_language

SRC = REPO / "src" / "tahapan"
CORE = ("days", "schedule", "reports")
#: what reads the language the user chose: a view's business, not the core's
READS_LANGUAGE = {
    "tr", "language", "pick", "projected_word", "date_mark", "election_mark", "confidence_mark",
    "assumption_note", "date_notes", "estimate_note", "mark_note", "projection_note",
}  # fmt: skip
#: date words that read it unless given ``lang`` (keyword, or the second argument)
DATED = {"format_date", "format_range", "month_name", "weekday_name", "h_label", "days", "distance"}


def _language_reads(path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    local = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "tahapan.i18n":
            found += [
                f"{a.name} (line {node.lineno})" for a in node.names if a.name in READS_LANGUAGE
            ]
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in DATED - local
            and not any(k.arg == "lang" for k in node.keywords)
            and len(node.args) < 2
        ):
            found.append(f"{node.func.id}() without lang (line {node.lineno})")
    return found


def test_the_core_never_reads_the_chosen_language():
    reads = {
        str(path.relative_to(SRC)): found
        for layer in CORE
        for path in sorted((SRC / layer).glob("*.py"))
        if (found := _language_reads(path))
    }
    assert reads == {}


def test_the_check_sees_a_view_word_in_the_core(tmp_path):
    core = tmp_path / "core.py"
    core.write_text(
        "from tahapan.i18n import Words, format_date, tr\n"
        "def f(day):\n    return Words(format_date(day, lang='id'), format_date(day))\n",
        encoding="utf-8",
    )
    assert _language_reads(core) == ["tr (line 1)", "format_date() without lang (line 3)"]


def test_a_message_is_said_in_the_language_chosen_when_it_is_printed():
    message = "berkas.toml:3: " + Words("kunci tidak dikenal", "unknown key") + "."
    assert message == Words("berkas.toml:3: kunci tidak dikenal.", "berkas.toml:3: unknown key.")
    assert (said(message, "id"), said(message, "en")) == (
        "berkas.toml:3: kunci tidak dikenal.",
        "berkas.toml:3: unknown key.",
    )
    set_language("en")
    assert said(message) == "berkas.toml:3: unknown key."
    assert said("a path, the same in both") == "a path, the same in both"
    cut = changed(message, lambda text: text.removeprefix("berkas.toml:3: "))
    assert cut == Words("kunci tidak dikenal.", "unknown key.")
    assert "unknown" in message and "tidak dikenal" in message and "absent" not in message
    assert Words.made(lambda lang: f"<{lang}>") == Words("<id>", "<en>")


def test_formatting_one_without_said_fails_in_the_tests():
    with pytest.raises(TypeError, match="without said"):
        f"{Words('a', 'b')}"


def test_an_error_raised_deep_in_the_loader_is_printed_in_the_users_language(cli, tmp_path):
    bad = tmp_path / "jadwal.toml"
    bad.write_text('[[elections]]\nid = "x"\nname = "X"\n', encoding="utf-8")
    indonesian = cli("validate", str(bad))
    english = cli("validate", str(bad), "--lang", "en")
    assert f"{bad}:2: x: kunci wajib 'basis' tidak ada" in indonesian.stdout
    assert f"{bad}:2: x: required key 'basis' is missing" in english.stdout
    status = cli("status", "--data", str(bad), "--lang", "en")
    assert status.exit_code == 2
    assert f"{bad}:2: x: required key 'basis' is missing" in status.stderr


def test_an_error_keeps_both_languages_until_printed():
    err = DataError([Words("a", "b"), "c"], hint=Words("d", "e"))
    assert [said(p, "en") for p in err.problems] == ["b", "c"]
    assert said(TahapanError(Words("x", "y")).message, "id") == "x"
