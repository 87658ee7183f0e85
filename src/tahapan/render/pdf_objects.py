"""The PDF file of drawn pages (``pdf_file.Sheets``): its objects, the cross-reference table and the
trailer. An embedded font is a Type 0 font of its subset (``pdf_font``), two bytes a character, with a
map back to Unicode so that the text can be searched and copied."""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tahapan.render.pdf_file import Font, Sheets

#: the ToUnicode map's preamble and end (Adobe's identity map to UCS)
CMAP_HEAD = (
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n"
    "<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n"
    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
)
CMAP_TAIL = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"


class _File:
    """Objects numbered from 1 as they are reserved, written in that order."""

    def __init__(self) -> None:
        self.bodies: dict[int, bytes] = {}
        self.count = 0

    def reserve(self) -> int:
        self.count += 1
        return self.count

    def put(self, number: int, body: str | bytes) -> None:
        self.bodies[number] = body.encode("latin-1") if isinstance(body, str) else body

    def add(self, body: str | bytes) -> int:
        number = self.reserve()
        self.put(number, body)
        return number

    def stream(self, data: bytes, extra: str = "", number: int | None = None) -> int:
        packed = zlib.compress(data)
        head = f"<<\n/Filter /FlateDecode\n/Length {len(packed)}{extra}\n>>\nstream\n"
        body = head.encode("latin-1") + packed + b"\nendstream"
        if number is None:
            return self.add(body)
        self.put(number, body)
        return number

    def bytes(self, root: int, info: int) -> bytes:
        out = bytearray("%PDF-1.3\n%éëñ¿\n".encode("latin-1"))
        offsets = []
        for number in range(1, self.count + 1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode("latin-1") + self.bodies[number] + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {self.count + 1}\n0000000000 65535 f \n".encode("latin-1")
        out += "".join(f"{at:010d} 00000 n \n" for at in offsets).encode("latin-1")
        trailer = f"trailer\n<<\n/Size {self.count + 1}\n/Root {root} 0 R\n/Info {info} 0 R\n>>\n"
        out += f"{trailer}startxref\n{xref}\n%%EOF\n".encode("latin-1")
        return bytes(out)


def document(sheets: Sheets) -> bytes:
    """The whole file: the page tree, the pages, the fonts, the title and maker."""
    file = _File()
    tree, catalog = file.reserve(), file.reserve()
    pages = [(file.reserve(), file.reserve()) for _ in sheets.pages]
    resources = file.reserve()
    fonts = {font.number: _font(file, font) for font in sheets.fonts.values()}
    listed = "\n".join(f"/F{n} {ref} 0 R" for n, ref in sorted(fonts.items()))
    file.put(
        resources, f"<<\n/Font <<{listed}>>\n/ProcSet [/PDF /Text /ImageB /ImageC /ImageI]\n>>"
    )
    for (page, contents), drawn in zip(pages, sheets.pages, strict=True):
        file.put(
            page,
            f"<<\n/Contents {contents} 0 R\n/Parent {tree} 0 R\n/Resources {resources} 0 R\n"
            "/Type /Page\n>>",
        )
        file.stream(bytes(drawn), number=contents)
    kids = "\n".join(f"{page} 0 R" for page, _ in pages)
    size = f"[0 0 {sheets.w * sheets.k:.2f} {sheets.h * sheets.k:.2f}]"
    file.put(tree, f"<<\n/Count {len(pages)}\n/Kids [{kids}]\n/MediaBox {size}\n/Type /Pages\n>>")
    first = f"/OpenAction [{pages[0][0]} 0 R /FitH null]\n" if pages else ""
    file.put(catalog, f"<<\n{first}/PageLayout /OneColumn\n/Pages {tree} 0 R\n/Type /Catalog\n>>")
    info = file.add(
        f"<<\n/CreationDate ({sheets.created:D:%Y%m%d%H%M%SZ})\n"
        f"/Creator {_string(sheets.creator)}\n/Title {_string(sheets.title)}\n>>"
    )
    return file.bytes(catalog, info)


def _string(text: str) -> str:
    """A PDF text string: ASCII as it is, anything else as UTF-16 with its byte order mark."""
    if text.isascii():
        return "(" + text.replace("\\", "\\\\").replace(")", "\\)").replace("(", "\\(") + ")"
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _font(file: _File, font: Font) -> int:
    if font.file is None:
        return file.add(
            f"<<\n/BaseFont /{font.base}\n/Encoding /WinAnsiEncoding\n/Subtype /Type1\n/Type /Font\n>>"
        )
    ttf = font.file
    name = f"MPDFAA+{font.base}"
    chars = {0: "\0", 0x20: " ", **{code: char for char, code in font.codes.items()}}
    glyph = {code: ttf.cmap.get(ord(char), 0) for code, char in chars.items()}
    glyph[0] = 0
    data, new = ttf.subset(set(glyph.values()))
    widths = {code: 0 if code == 0 else font.cw[char] for code, char in chars.items()}
    top = file.reserve()
    cid = file.reserve()
    unicode = file.stream((CMAP_HEAD + _bfchar(chars) + CMAP_TAIL).encode("latin-1"))
    system = file.add("<<\n/Ordering (UCS)\n/Registry (Adobe)\n/Supplement 0\n>>")
    program = file.stream(data, extra=f"\n/Length1 {len(data)}")
    entries = "\n".join(f"/{k} {v}" for k, v in ttf.descriptor().items())
    descriptor = file.add(
        f"<<\n{entries}\n/FontFile2 {program} 0 R\n/FontName /{name}\n/Type /FontDescriptor\n>>"
    )
    gids = bytearray(2 * (max(chars) + 1))
    for code, old in glyph.items():
        gids[2 * code : 2 * code + 2] = new[old].to_bytes(2, "big")
    to_gid = file.stream(bytes(gids))
    file.put(
        top,
        f"<<\n/BaseFont /{name}\n/DescendantFonts [{cid} 0 R]\n/Encoding /Identity-H\n"
        f"/Subtype /Type0\n/ToUnicode {unicode} 0 R\n/Type /Font\n>>",
    )
    file.put(
        cid,
        f"<<\n/BaseFont /{name}\n/CIDSystemInfo {system} 0 R\n/CIDToGIDMap {to_gid} 0 R\n"
        f"/DW {ttf.missing}\n/FontDescriptor {descriptor} 0 R\n/Subtype /CIDFontType2\n"
        f"/Type /Font\n/W {_widths(widths)}\n>>",
    )
    return top


def _bfchar(chars: dict[int, str]) -> str:
    """Each code's character, a hundred to a block (Adobe's limit)."""
    lines = [f"<{code:04X}> <{_utf16(char)}>\n" for code, char in sorted(chars.items())]
    return "".join(
        f"{len(block)} beginbfchar\n{''.join(block)}endbfchar\n"
        for block in (lines[i : i + 100] for i in range(0, len(lines), 100))
    )


def _utf16(char: str) -> str:
    return char.encode("utf-16-be").hex().upper()


def _widths(widths: dict[int, int]) -> str:
    """The ``W`` array: each run of consecutive codes and its widths."""
    runs: list[list[int]] = []
    last = -2
    for code in sorted(widths):
        if code != last + 1:
            runs.append([code])
        runs[-1].append(widths[code])
        last = code
    return "[" + "".join(f" {run[0]} [ {' '.join(map(str, run[1:]))} ]\n" for run in runs) + "]"
