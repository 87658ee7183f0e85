"""What an officer reads when something is wrong, word for word, in Indonesian and in English.

`transcripts/cases.txt` holds some 260 short sessions: bad dates and names, broken schedule files
(`transcripts/fx/`) given to `validate`, `--data` and `import`, refused edits, cases recorded out
of order, a damaged config. Each is run in a fresh home, in both languages, and its stdout, stderr
and exit code must be what `transcripts/messages.id.txt` and `messages.en.txt` show: a message
that changes, loses a part, comes out in the other language or with a month name of the other
(`Agu` for `Aug`) fails here, naming the case. The transcripts are read by people: review the diff
of a change to them as you would the change to the message itself. After a deliberate change of
wording, `TAHAPAN_WRITE_TRANSCRIPTS=1 pytest tests/test_transcripts.py` writes them again."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest

from conftest import REPO
from tahapan.i18n import set_language
from tahapan.schedule.catalog import shipped_paths

HERE = REPO / "tests" / "transcripts"
CASES = [
    tuple(line.split("\t", 1))
    for line in (HERE / "cases.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
WRITE = os.environ.get("TAHAPAN_WRITE_TRANSCRIPTS") == "1"


def _commands(script: str, lang: str) -> list[tuple[list[str], dict[str, str]]]:
    """Each command of a case: its arguments, and the environment it adds."""
    out = []
    for part in script.split(";"):
        kind, *args = shlex.split(part.strip().replace("$L", "--lang en" if lang == "en" else ""))
        env = {"TAHAPAN_LANG": "en"} if kind == "C" and lang == "en" else {}
        out.append((args, env))
    return out


def _session(cli, monkeypatch, tmp_path: Path, script: str, lang: str) -> str:
    shutil.copytree(HERE / "fx", tmp_path / "fx")
    (tmp_path / "fx" / "folder.toml").mkdir()  # a folder where a file is expected
    monkeypatch.chdir(tmp_path)
    shown = []
    for args, env in _commands(script, lang):
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        set_language("en" if env else "id")  # what the entry point makes of TAHAPAN_LANG
        done = cli(*args)
        set_language("id")
        for name in env:
            monkeypatch.delenv(name)
        shown.append(f"$ tahapan {shlex.join(args)}\n{done.stdout}")
        if done.stderr:
            shown.append(f"[stderr]\n{done.stderr}")
        shown.append(f"[exit {done.exit_code}]\n")
    shipped = str(shipped_paths()[0].parent)  # data/ of this checkout, or the installed package's
    seen = "".join(shown).replace(str(tmp_path), "<DIR>").replace(shipped, "<DATA>")
    # an installed update's file is named after its source's address, which holds the folder
    return re.sub(r"-[0-9a-f]{10}\.toml", "-HASH.toml", seen)


def _recorded(lang: str) -> dict[str, str]:
    path = HERE / f"messages.{lang}.txt"
    if not path.exists():
        return {}
    parts = re.split(r"^### (\S+)\n", path.read_text(encoding="utf-8"), flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


RECORDED = {lang: _recorded(lang) for lang in ("id", "en")}
WRITTEN: dict[str, dict[str, str]] = {"id": {}, "en": {}}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("name", "script"), CASES, ids=[name for name, _ in CASES])
def test_what_the_officer_reads(cli, monkeypatch, tmp_path, name, script, lang):
    seen = _session(cli, monkeypatch, tmp_path, script, lang)
    assert "[exit 70]" not in seen, seen  # never an internal error
    assert "Words(" not in seen  # a message of the core printed without choosing its language
    if WRITE:
        WRITTEN[lang][name] = seen
        path = HERE / f"messages.{lang}.txt"
        path.write_text(
            "".join(f"### {n}\n{text}" for n, text in sorted(WRITTEN[lang].items())),
            encoding="utf-8",
        )
        return
    assert seen == RECORDED[lang].get(name), f"{name} ({lang}): see transcripts/messages.{lang}.txt"


def test_every_case_has_its_transcript_in_both_languages():
    names = {name for name, _ in CASES}
    assert len(names) == len(CASES) >= 250
    # no case lists the shipped files (`tahapan data`): their path, and so its wrapping, is the
    # installation's
    if not WRITE:
        assert set(RECORDED["id"]) == set(RECORDED["en"]) == names
