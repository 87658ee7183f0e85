"""A TrueType font for the PDF calendar, read with the standard library alone: its characters'
widths (in thousandths of the type size, rounded as PDF widths are) and, for embedding, a subset
holding only the glyphs a document draws, their outlines and hinting copied byte for byte.

The general font libraries take longer to import than the whole calendar takes to lay out; a wall
calendar needs only this: glyph outlines (``glyf``) of one font file, no shaping, no variations.
"""

from __future__ import annotations

import re
import struct
import sys
from array import array
from pathlib import Path

#: the unicode cmaps in the order a font's best one is chosen (Windows full repertoire first)
CMAP_ORDER = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))
#: tables copied whole into a subset: hinting, the font's names and its OS/2 metrics
COPIED = (b"OS/2", b"cvt ", b"fpgm", b"gasp", b"name", b"prep")
#: composite glyph flags (the glyf table's component records)
ARG_WORDS, HAS_SCALE, MORE, XY_SCALE, TWO_BY_TWO = 0x1, 0x8, 0x20, 0x40, 0x80
#: PDF font descriptor flags
SYMBOLIC, FIXED_PITCH, ITALIC, FORCE_BOLD = 4, 1, 64, 1 << 18


class TrueType:
    """One .ttf file: ``cmap`` (character to glyph), widths, the descriptor a PDF names it by."""

    def __init__(self, path: Path) -> None:
        self.data = data = path.read_bytes()
        count = struct.unpack_from(">H", data, 4)[0]
        self.tables: dict[bytes, tuple[int, int]] = {}
        for n in range(count):
            tag, _sum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * n)
            self.tables[tag] = (offset, length)
        head = self.offset(b"head")
        self.units = struct.unpack_from(">H", data, head + 18)[0]
        self.scale = 1000 / self.units
        self.bbox = struct.unpack_from(">hhhh", data, head + 36)
        self.long_loca = struct.unpack_from(">h", data, head + 50)[0] == 1
        hhea = self.offset(b"hhea")
        self.ascent, self.descent = struct.unpack_from(">hh", data, hhea + 4)
        self.metrics = struct.unpack_from(">H", data, hhea + 34)[0]
        self.glyphs = struct.unpack_from(">H", data, self.offset(b"maxp") + 4)[0]
        hmtx = array("H", data[self.offset(b"hmtx") : self.offset(b"hmtx") + 4 * self.metrics])
        if sys.byteorder == "little":  # the file is big-endian
            hmtx.byteswap()
        self.advances = hmtx[0::2]
        self.cmap = self._best_cmap()
        #: each character's width in thousandths, as a PDF ``W`` array gives it
        self.cw = _Widths(self)
        self.missing = round(self.scale * self.advance(0))
        self.name = re.sub("[ ()]", "", self._full_name())

    def offset(self, tag: bytes) -> int:
        return self.tables[tag][0]

    def table(self, tag: bytes) -> bytes:
        offset, length = self.tables[tag]
        return self.data[offset : offset + length]

    def advance(self, glyph: int) -> int:
        width = self.advances[min(glyph, self.metrics - 1)]
        return 0 if width == 65535 else width

    def descriptor(self) -> dict[str, object]:
        """The PDF font descriptor's entries, without the font's name and file."""
        data = self.data
        os2 = self.offset(b"OS/2")
        version, weight = (
            struct.unpack_from(">H", data, os2)[0],
            struct.unpack_from(">H", data, os2 + 4)[0],
        )
        cap = struct.unpack_from(">h", data, os2 + 88)[0] if version >= 2 else self.ascent
        post = self.offset(b"post")
        italic = struct.unpack_from(">i", data, post + 4)[0] / 65536
        fixed = struct.unpack_from(">I", data, post + 12)[0]
        flags = SYMBOLIC | (FIXED_PITCH if fixed else 0) | (ITALIC if italic else 0)
        flags |= FORCE_BOLD if weight >= 600 else 0
        box = " ".join(f"{v * self.scale:.0f}" for v in self.bbox)
        return {
            "Ascent": round(self.ascent * self.scale),
            "CapHeight": round(cap * self.scale),
            "Descent": round(self.descent * self.scale),
            "Flags": flags,
            "FontBBox": f"[{box}]",
            "ItalicAngle": int(italic),
            "MissingWidth": self.missing,
            "StemV": round(50 + int(pow(weight / 65, 2))),
        }

    # ---------------------------------------------------------------------------- reading

    def _best_cmap(self) -> dict[int, int]:
        data, base = self.data, self.offset(b"cmap")
        found: dict[tuple[int, int], int] = {}
        for n in range(struct.unpack_from(">H", data, base + 2)[0]):
            platform, encoding, offset = struct.unpack_from(">HHI", data, base + 4 + 8 * n)
            found.setdefault((platform, encoding), base + offset)
        for key in CMAP_ORDER:
            if key in found:
                fmt = struct.unpack_from(">H", data, found[key])[0]
                if fmt == 12:
                    return self._cmap12(found[key])
                if fmt == 4:
                    return self._cmap4(found[key])
        return {}

    def _cmap12(self, at: int) -> dict[int, int]:
        out: dict[int, int] = {}
        for n in range(struct.unpack_from(">I", self.data, at + 12)[0]):
            first, last, glyph = struct.unpack_from(">III", self.data, at + 16 + 12 * n)
            out.update(
                zip(range(first, last + 1), range(glyph, glyph + last - first + 1), strict=True)
            )
        return out

    def _cmap4(self, at: int) -> dict[int, int]:
        data = self.data
        segments = struct.unpack_from(">H", data, at + 6)[0] // 2
        ends = struct.unpack_from(f">{segments}H", data, at + 14)
        starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
        deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
        ranges_at = at + 16 + 6 * segments
        ranges = struct.unpack_from(f">{segments}H", data, ranges_at)
        out: dict[int, int] = {}
        for n, (first, last, delta, rng) in enumerate(
            zip(starts, ends, deltas, ranges, strict=True)
        ):
            for code in range(first, last + 1):
                if code == 0xFFFF:
                    continue
                if rng:
                    where = ranges_at + 2 * n + rng + 2 * (code - first)
                    glyph = struct.unpack_from(">H", data, where)[0]
                    glyph = (glyph + delta) & 0xFFFF if glyph else 0
                else:
                    glyph = (code + delta) & 0xFFFF
                if glyph:
                    out[code] = glyph
        return out

    def _full_name(self) -> str:
        """The family and style ("DejaVu Sans Book"), else the full name, from the name table."""
        data, base = self.data, self.offset(b"name")
        count, strings = struct.unpack_from(">HH", data, base + 2)
        names: dict[int, str] = {}
        for n in range(count):
            platform, encoding, _lang, nid, length, offset = struct.unpack_from(
                ">HHHHHH", data, base + 6 + 12 * n
            )
            if (platform, encoding) == (3, 1) and nid not in names:
                raw = data[base + strings + offset : base + strings + offset + length]
                names[nid] = raw.decode("utf-16-be", "replace")
        for family, style in ((16, 17), (1, 2)):
            if family in names and style in names:
                return f"{names[family]} {names[style]}"
        return names.get(4, "Font")

    # --------------------------------------------------------------------------- subsetting

    def subset(self, glyphs: set[int]) -> tuple[bytes, dict[int, int]]:
        """A font file of ``glyphs`` (with .notdef, the two control glyphs and the space, and the
        parts of composite glyphs), in their order in this font; and each old glyph's new number."""
        glyf, loca = self.offset(b"glyf"), self._loca()
        keep = {0, 1, 2, self.cmap.get(0x20, 0)} | glyphs
        todo = list(keep)
        while todo:  # a composite glyph draws other glyphs: keep them too
            glyph = todo.pop()
            for part in _components(self.data, glyf + loca[glyph], glyf + loca[glyph + 1]):
                if part not in keep:
                    keep.add(part)
                    todo.append(part)
        order = sorted(g for g in keep if g < self.glyphs)
        new = {old: n for n, old in enumerate(order)}
        bodies, offsets, at = [], [0], 0
        for old in order:
            body = self.data[glyf + loca[old] : glyf + loca[old + 1]]
            body = _renumbered(body, new) if body[:2] == b"\xff\xff" else body
            body += b"\0" * (-len(body) % 4)
            bodies.append(body)
            at += len(body)
            offsets.append(at)
        head = bytearray(self.table(b"head"))
        head[8:12] = b"\0\0\0\0"  # checkSumAdjustment, set below
        head[50:52] = struct.pack(">h", 1)  # long offsets in loca
        hhea = bytearray(self.table(b"hhea"))
        hhea[34:36] = struct.pack(">H", len(order))
        maxp = bytearray(self.table(b"maxp"))
        maxp[4:6] = struct.pack(">H", len(order))
        hmtx = b"".join(struct.pack(">Hh", self.advance(g), self._lsb(g)) for g in order)
        post = bytearray(self.table(b"post")[:32])
        post[0:4] = struct.pack(">I", 0x00030000)  # no glyph names
        tables = {
            b"head": bytes(head),
            b"hhea": bytes(hhea),
            b"maxp": bytes(maxp),
            b"hmtx": hmtx,
            b"loca": struct.pack(f">{len(offsets)}I", *offsets),
            b"glyf": b"".join(bodies),
            b"post": bytes(post),
            b"cmap": self._subset_cmap(new),
            **{tag: self.table(tag) for tag in COPIED if tag in self.tables},
        }
        return _sfnt(tables), new

    def _loca(self) -> array[int]:
        offset, length = self.tables[b"loca"]
        loca = array("I" if self.long_loca else "H", self.data[offset : offset + length])
        if sys.byteorder == "little":
            loca.byteswap()
        return loca if self.long_loca else array("I", (2 * v for v in loca))

    def _lsb(self, glyph: int) -> int:
        at = self.offset(b"hmtx")
        if glyph < self.metrics:
            return int(struct.unpack_from(">h", self.data, at + 4 * glyph + 2)[0])
        return int(
            struct.unpack_from(">h", self.data, at + 4 * self.metrics + 2 * (glyph - self.metrics))[
                0
            ]
        )

    def _subset_cmap(self, new: dict[int, int]) -> bytes:
        """A format 4 cmap (Windows, BMP) of the kept characters, a segment each."""
        pairs = sorted((c, new[g]) for c, g in self.cmap.items() if g in new and c < 0xFFFF)
        pairs.append((0xFFFF, 0))
        count = len(pairs)
        ends = struct.pack(f">{count}H", *(c for c, _ in pairs))
        deltas = struct.pack(f">{count}H", *(((g - c) & 0xFFFF) if g else 1 for c, g in pairs))
        search = 2 ** (count.bit_length() - 1)
        body = struct.pack(
            ">HHHH", 2 * count, 2 * search, search.bit_length() - 1, 2 * count - 2 * search
        )
        body += ends + b"\0\0" + ends + deltas + b"\0\0" * count
        sub = struct.pack(">HHH", 4, 6 + len(body), 0) + body
        return struct.pack(">HHHHI", 0, 1, 3, 1, 12) + sub


class _Widths(dict[str, int]):
    """Each character's width in thousandths (fetched on first use): the font's missing width for
    a character it lacks."""

    def __init__(self, font: TrueType) -> None:
        super().__init__()
        self.font = font

    def __missing__(self, char: str) -> int:
        font = self.font
        glyph = font.cmap.get(ord(char))
        width: int = (
            font.missing if glyph is None else round(font.scale * font.advance(glyph) + 0.001)
        )
        self[char] = width
        return width


def _components(data: bytes, at: int, end: int) -> list[int]:
    """The glyphs a composite glyph at ``at`` is made of (none for a simple one)."""
    if at >= end or data[at : at + 2] != b"\xff\xff":
        return []
    out, at = [], at + 10
    while True:
        flags, glyph = struct.unpack_from(">HH", data, at)
        out.append(glyph)
        at += 4 + _component_size(flags)
        if not flags & MORE:
            return out


def _component_size(flags: int) -> int:
    size = 4 if flags & ARG_WORDS else 2
    if flags & HAS_SCALE:
        size += 2
    elif flags & XY_SCALE:
        size += 4
    elif flags & TWO_BY_TWO:
        size += 8
    return size


def _renumbered(body: bytes, new: dict[int, int]) -> bytes:
    """A composite glyph with its parts' glyph numbers those of the subset; all else as it was."""
    out, at = bytearray(body), 10
    while True:
        flags, glyph = struct.unpack_from(">HH", out, at)
        struct.pack_into(">H", out, at + 2, new[glyph])
        at += 4 + _component_size(flags)
        if not flags & MORE:
            return bytes(out)


def _sfnt(tables: dict[bytes, bytes]) -> bytes:
    """The font file of ``tables``: the directory, each table 4-byte aligned, the head's checksum."""
    tags = sorted(tables)
    count = len(tags)
    search = 2 ** (count.bit_length() - 1)
    header = struct.pack(
        ">IHHHH", 0x00010000, count, 16 * search, search.bit_length() - 1, 16 * (count - search)
    )
    offset = 12 + 16 * count
    entries, bodies = [], []
    for tag in tags:
        body = tables[tag]
        entries.append(struct.pack(">4sIII", tag, _checksum(body), offset, len(body)))
        padded = body + b"\0" * (-len(body) % 4)
        bodies.append(padded)
        offset += len(padded)
    font = bytearray(header + b"".join(entries) + b"".join(bodies))
    head_at = (
        12 + 16 * count + sum(len(b) for t, b in zip(tags, bodies, strict=True) if t < b"head")
    )
    adjust = (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF
    struct.pack_into(">I", font, head_at + 8, adjust)
    return bytes(font)


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    words: tuple[int, ...] = struct.unpack(f">{len(data) // 4}I", data)
    return sum(words) & 0xFFFFFFFF
