"""The PDF calendar's own TrueType reading (render/pdf_font.py): the characters and widths the layout
measures by, and the subset embedded in the file, held against fontTools, an independent reader, when
it is installed."""

from __future__ import annotations

import io
import struct

import pytest

from tahapan.render.pdf_font import TrueType, _checksum
from tahapan.render.pdf_text import find_font

REGULAR, BOLD = find_font("DejaVuSans.ttf"), find_font("DejaVuSans-Bold.ttf")
needs_dejavu = pytest.mark.skipif(REGULAR is None, reason="DejaVu Sans is not installed")
#: Indonesian with its marks, a composite glyph (é is e and an accent), and the calendar's signs
TEXT = "Pemungutan suara ★ Rabu, 27 November 2024 — Idulfitri 1445 H · Pékan (12/13) [proyeksi] ?"


def _tables(data: bytes) -> dict[bytes, bytes]:
    count = struct.unpack_from(">H", data, 4)[0]
    out = {}
    for n in range(count):
        tag, checksum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * n)
        out[tag] = data[offset : offset + length]
        assert checksum == _checksum(out[tag]) or tag == b"head"
    return out


@needs_dejavu
@pytest.mark.parametrize("path", [REGULAR, BOLD])
def test_cmap_and_widths_match_fonttools(path):
    ttlib = pytest.importorskip("fontTools.ttLib")
    font = TrueType(path)
    reference = ttlib.TTFont(path, lazy=True)
    best = reference.getBestCmap()
    assert font.cmap == {code: reference.getGlyphID(name) for code, name in best.items()}
    scale = 1000 / reference["head"].unitsPerEm
    metrics = reference["hmtx"].metrics
    for char in TEXT:
        width = metrics[best[ord(char)]][0]
        assert font.cw[char] == round(scale * width + 0.001), char
    assert font.cw["\U0001f389"] == font.missing == round(scale * metrics[".notdef"][0])


@needs_dejavu
def test_the_subset_holds_each_glyph_drawn_whole():
    font = TrueType(REGULAR)
    drawn = {font.cmap[ord(c)] for c in TEXT}
    data, new = font.subset(drawn)
    tables = _tables(data)
    # the whole file sums to the magic number once the head's adjustment is in
    assert _checksum(data) == 0xB1B0AFBA
    count = struct.unpack_from(">H", tables[b"maxp"], 4)[0]
    assert count == len(new) == struct.unpack_from(">H", tables[b"hhea"], 34)[0]
    assert sorted(new.values()) == list(range(count))
    assert drawn <= set(new) and {0, font.cmap[0x20]} <= set(new)
    loca = struct.unpack(f">{count + 1}I", tables[b"loca"])
    glyf = tables[b"glyf"]
    original = font.table(b"glyf")
    old_loca = font._loca()
    for old, number in new.items():
        body = glyf[loca[number] : loca[number + 1]].rstrip(b"\0")
        before = original[old_loca[old] : old_loca[old + 1]].rstrip(b"\0")
        if before[:2] != b"\xff\xff":  # a simple glyph: its outline and hinting byte for byte
            assert body == before
        else:  # a composite one: its parts renumbered into the subset
            assert len(body) == len(before) and body[10:12] == before[10:12]
            part = struct.unpack_from(">H", body, 12)[0]
            assert part == new[struct.unpack_from(">H", before, 12)[0]]


@needs_dejavu
def test_fonttools_reads_the_subset_with_the_same_outlines():
    ttlib = pytest.importorskip("fontTools.ttLib")
    font = TrueType(REGULAR)
    data, new = font.subset({font.cmap[ord(c)] for c in TEXT})
    subset = ttlib.TTFont(io.BytesIO(data))
    reference = ttlib.TTFont(REGULAR, lazy=True)
    order, names = subset.getGlyphOrder(), reference.getGlyphOrder()
    glyf, original = subset["glyf"], reference["glyf"]
    for char in TEXT:
        old = font.cmap[ord(char)]
        ours, theirs = order[new[old]], names[old]
        assert subset["hmtx"][ours] == reference["hmtx"][theirs]
        assert glyf[ours].getCoordinates(glyf)[0] == original[theirs].getCoordinates(original)[0]
    assert subset.getBestCmap()[ord("é")] == order[new[font.cmap[ord("é")]]]
