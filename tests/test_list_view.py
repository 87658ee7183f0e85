"""`tahapan list` read on paper or without colour: ids whole, wrapped names under their name, a stage
not held marked by a sign as well as by striking it out."""

from __future__ import annotations

import re

import pytest

SUB_STAGE_LINES = ("     ", "   └ ")


@pytest.mark.parametrize("columns", ["80", "100"])
def test_every_id_is_on_one_line_whole(cli, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    out = cli("list", "-e", "pemilu-2024", "--on", "2024-07-01").stdout
    ids = {line.strip() for line in out.splitlines() if re.fullmatch(r"\s*[a-z0-9-]+\s*", line)}
    # penghitungan-suara-putaran-kedua is the longest: it was cut after "kedu" at 80 columns
    assert "penghitungan-suara-putaran-kedua" in ids
    assert "a" not in ids


def test_a_wrapped_sub_stage_name_hangs_under_its_name(cli):
    out = cli("list", "-e", "pemilu-2024", "--on", "2024-07-01").stdout.splitlines()
    start = out.index(next(line for line in out if "└ Pencocokan dan penelitian" in line))
    # the name's second line and the id start where the name does, after the tree's prefix
    assert out[start + 1].startswith("     (coklit)")
    assert out[start + 2].rstrip() == "     coklit"


def test_a_stage_not_held_is_marked_without_colour(cli):
    out = cli("list", "-e", "pemilu-2024", "--on", "2024-07-01").stdout
    assert "Masa Kampanye putaran kedua ✗" in out
    assert "✗ (dicoret): tidak dilaksanakan" in out
    english = cli("list", "-e", "pemilu-2024", "--on", "2024-07-01", "--lang", "en").stdout
    assert "✗ (struck out): not held" in english
    # a stage that was held carries no sign
    assert "Masa Kampanye Pemilu ✗" not in out and "Masa Kampanye Pemilu" in out
