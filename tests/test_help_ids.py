"""Help texts are translated by a stable id, not by their English: every text shown has an id
(`h(id, english)` or `@helped(id)` in the code), every id its Indonesian in help_id*.py, no
Indonesian is left without its text, and a reworded English names its id until the Indonesian is
reviewed (the fingerprint of the English it was made from)."""

from __future__ import annotations

import typer

from conftest import commands_of
from tahapan.cli import help as help_module
from tahapan.cli.application import build_app
from tahapan.cli.help import ENGLISH, fingerprint, help_ids, plain, translated
from tahapan.cli.help_id import HELP
from tahapan.i18n import set_language


def _shown_texts() -> list[tuple[str, str]]:
    """(command path, help text) of every command, option and argument of the whole app."""
    root = typer.main.get_command(build_app())
    out = []
    for path, command in [((), root), *commands_of(root)]:
        for text in [command.help] + [getattr(p, "help", None) for p in command.params]:
            if text:
                out.append((" ".join(path), text))
    return out


def test_every_help_text_shown_has_an_id():
    shown = _shown_texts()
    declared = help_ids()
    assert [(path, text) for path, text in shown if plain(text) not in declared] == []


def test_every_id_has_its_indonesian_and_no_indonesian_is_orphaned():
    _shown_texts()  # every command module loaded, so every id declared
    assert sorted(set(ENGLISH) - set(HELP)) == [], "ids without Indonesian in help_id*.py"
    assert sorted(set(HELP) - set(ENGLISH)) == [], "Indonesian whose id no code uses"


def test_ids_are_unique_and_so_are_their_texts():
    _shown_texts()
    assert help_module.CLASHES == [], "one id given to two different English texts"
    assert len(help_ids()) == len(ENGLISH), "one English text under two ids: give it one"


def test_a_changed_english_names_its_id():
    _shown_texts()
    stale = [
        f"{help_id}: the English changed; review the Indonesian, then set its fingerprint to "
        f"{fingerprint(english)!r}"
        for help_id, english in ENGLISH.items()
        if help_id in HELP and HELP[help_id][0] != fingerprint(english)
    ]
    assert stale == []


def test_the_indonesian_is_found_by_id_whatever_the_english_says(monkeypatch):
    _shown_texts()
    set_language("id")
    english = ENGLISH["status.days"]
    assert translated(english) == HELP["status.days"][1]
    # reworded in the code: the same id still finds its Indonesian (and the test above names it)
    monkeypatch.setitem(ENGLISH, "status.days", "How far ahead upcoming stages are listed.")
    assert translated("How far ahead upcoming  stages\n are listed.") == HELP["status.days"][1]
    assert translated(english) == english
