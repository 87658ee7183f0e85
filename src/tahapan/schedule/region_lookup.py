"""Finding a region by what an officer types: a code, an id, a name as the decree or as people write
it, a short name; and searching the list the same way (`tahapan regions TEXT`).

Names are compared as words: NFKC-normalised (full-width letters from a phone's keyboard are plain
ones), lower case, punctuation as spaces, a leading "Kabupaten", "Kab.", "Kota", "Kodya" or
"Kotamadya" (the old name of a city), "Provinsi" (and "Administrasi") read as the kind of region,
"Kep." as "Kepulauan". The kind may come last too ("kediri kota", as lists sorted by name write
it) when the name read as written finds nothing ("Lima Puluh Kota" is a regency's name). Two names
are the same when their words joined without spaces are, so "Pangkal Pinang", "Pangkalpinang",
"Toli-Toli" and "Tolitoli" agree without an alias each.

Order: an exact code or id; then a whole name or alias; then names that hold every word typed.
One match is the answer; several are an ambiguity the officer settles (``AmbiguousRegionError``,
listing each with its code and kind); none gives suggestions, by shared words first.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tahapan.errors import UnknownNameError
from tahapan.i18n import Message, Words
from tahapan.model import Region

_KIND_WORDS = {
    "kabupaten": "kabupaten",
    "kab": "kabupaten",
    "kota": "kota",
    # a city was a "kotamadya" until 1999 (UU 22/1999); older letters and officers still say so
    "kotamadya": "kota",
    "kodya": "kota",
    "provinsi": "provinsi",
    "propinsi": "provinsi",
    "prov": "provinsi",
}
#: words written in short in some names ("Kep. Siau Tagulandang Biaro")
_EXPAND = {"kep": "kepulauan", "kepl": "kepulauan"}
_NON_WORD = re.compile(r"[\W_]+")
#: how many candidates an ambiguity lists before "and N more"
SHOWN = 8


class AmbiguousRegionError(UnknownNameError):
    """Text that names several regions: the officer picks one by code or full name (exit 2)."""


def _plain(text: str) -> str:
    """The text as names are compared: full-width and other compatibility forms as plain letters."""
    return unicodedata.normalize("NFKC", text).lower()


def words(text: str) -> tuple[str | None, tuple[str, ...]]:
    """The kind the text starts with (if any) and its other words, compared as explained above."""
    found = _NON_WORD.sub(" ", _plain(text)).split()
    kind = None
    if found and found[0] in _KIND_WORDS:
        kind = _KIND_WORDS[found[0]]
        found = found[1:]
        if found and found[0] == "administrasi":
            found = found[1:]
    return kind, tuple(_EXPAND.get(w, w) for w in found)


@dataclass(frozen=True)
class _Names:
    region: Region
    #: the words of each name the region goes by (decree name first, then aliases)
    names: tuple[tuple[str, ...], ...]
    #: those names with their spaces taken out
    keys: frozenset[str]
    vocabulary: frozenset[str]


_memo: list[tuple[Sequence[Region], tuple[_Names, ...]]] = []


def _index(regions: Sequence[Region]) -> tuple[_Names, ...]:
    # a run asks about one list of regions, often more than once: the words are taken apart once
    for seen, index in _memo:
        if seen is regions:
            return index
    out = []
    for region in regions:
        names = tuple(words(n)[1] for n in (region.name, *region.aliases))
        names = tuple(n for n in names if n)
        out.append(
            _Names(
                region,
                names,
                frozenset("".join(n) for n in names),
                frozenset(w for n in names for w in n),
            )
        )
    _memo[:] = [(regions, tuple(out))]
    return _memo[0][1]


def _code(text: str) -> str:
    # BPS-style codes without the dot (3571) are the same code
    return f"{text[:2]}.{text[2:]}" if len(text) == 4 and text.isdigit() else text


def _fits(kind: str | None, region: Region) -> bool:
    return kind is None or region.kind is None or region.kind == kind


def _readings(text: str) -> list[str]:
    """The text as typed; and, when its last word is a kind ("kediri kota"), with it first."""
    found = _NON_WORD.sub(" ", _plain(text)).split()
    if len(found) > 1 and found[-1] in _KIND_WORDS and found[0] not in _KIND_WORDS:
        return [text, " ".join([found[-1], *found[:-1]])]
    return [text]


def exact(regions: Sequence[Region], text: str) -> list[Region]:
    """The region whose code or id is the text; else those whose name or alias is."""
    for reading in _readings(text):
        found = _by_key(regions, reading) or _by_name(regions, reading)
        if found:
            return found
    return []


def _by_key(regions: Sequence[Region], text: str) -> list[Region]:
    wanted = _code(" ".join(_plain(text).split()))
    return list(_keys(regions).get(wanted, ()))


_keys_memo: list[tuple[Sequence[Region], dict[str, list[Region]]]] = []


def _keys(regions: Sequence[Region]) -> dict[str, list[Region]]:
    """Each id and code, with the regions that have it, in order: a file's thousands of references
    are looked up here, not each in a pass over every region."""
    for seen, keys in _keys_memo:
        if seen is regions:
            return keys
    keys = {}
    for region in regions:
        for key in dict.fromkeys((region.id, region.code)):
            if key is not None:
                keys.setdefault(key, []).append(region)
    if isinstance(regions, tuple):  # kept only for a list that cannot change under it
        _keys_memo[:] = [(regions, keys)]
    return keys


def _by_name(regions: Sequence[Region], text: str) -> list[Region]:
    kind, typed = words(text)
    if not typed:
        return []
    key = "".join(typed)
    found = [n.region for n in _index(regions) if key in n.keys and _fits(kind, n.region)]
    if found or kind is None:
        return found
    # "Kota Baru" is Kabupaten Kotabaru: the first word was part of the name, not its kind
    whole = "".join(_NON_WORD.sub(" ", _plain(text)).split())
    return [n.region for n in _index(regions) if whole in n.keys]


def by_words(regions: Sequence[Region], text: str) -> list[Region]:
    """Regions one of whose names holds every word typed, as whole words."""
    for reading in _readings(text):
        found = _holding(regions, reading)
        if found:
            return found
    return []


def _holding(regions: Sequence[Region], text: str) -> list[Region]:
    kind, typed = words(text)
    if not typed:
        return [r for r in regions if kind is not None and r.kind == kind]
    return [
        n.region
        for n in _index(regions)
        if _fits(kind, n.region) and any(set(typed) <= set(name) for name in n.names)
    ]


def search(regions: Sequence[Region], text: str) -> list[Region]:
    """What `tahapan regions TEXT` lists: exact matches first, then names holding every word, then
    names, ids and codes that contain the text; each group in code order."""
    found: list[Region] = []
    for reading in _readings(text):
        found += _search(regions, reading)
    return list(dict.fromkeys(found))


def _search(regions: Sequence[Region], text: str) -> list[Region]:
    kind, typed = words(text)
    compact = "".join(typed)
    lowered = " ".join(_plain(text).split())

    def contains(n: _Names) -> bool:
        region = n.region
        return _fits(kind, region) and (
            (bool(compact) and any(compact in key for key in n.keys))
            or lowered in region.id
            or (region.code or "").startswith(_code(lowered))
            or (bool(lowered) and (region.code or "").replace(".", "").startswith(lowered))
        )

    found = _by_key(regions, text) + _by_name(regions, text) + _by_code(by_words(regions, text))
    return found + _by_code([n.region for n in _index(regions) if contains(n)])


def _by_code(regions: Iterable[Region]) -> list[Region]:
    return sorted(regions, key=lambda r: r.code or "~" + r.id)


#: no region's name is longer; past this, text is not looked up (nor compared word by word)
MAX_TEXT = 200


def find_region(regions: Sequence[Region], text: str) -> Region:
    """The one region the text names; AmbiguousRegionError or UnknownNameError otherwise."""
    if len(text) > MAX_TEXT:
        raise UnknownNameError(
            Words(
                f"wilayah tidak dikenal: {text[:40]!r}… ({len(text)} karakter)",
                f"unknown region: {text[:40]!r}… ({len(text)} characters)",
            )
        )
    for step in (exact, by_words):
        found = step(regions, text)
        if len(found) == 1:
            return found[0]
        if found:
            raise _ambiguous(regions, text, found)
    raise _unknown(regions, text)


def describe(region: Region, regions: Sequence[Region]) -> str:
    """'35.71  kota  Kota Kediri (Jawa Timur)': a line an officer can pick from."""
    province = next((r.name for r in regions if r.id == region.parent), None)
    where = f" ({province})" if province else ""
    return f"{region.code or region.id:<6} {region.kind or '-':<10} {region.name}{where}"


def _ambiguous(regions: Sequence[Region], text: str, found: list[Region]) -> AmbiguousRegionError:
    found = _by_code(found)
    lines: list[Message] = [describe(r, regions) for r in found[:SHOWN]]
    if len(found) > SHOWN:
        more = len(found) - SHOWN
        command = f"tahapan regions {_quoted(text)}"
        lines.append(
            Words(
                f"… dan {more} lagi (`{command}` menampilkan semuanya)",
                f"… and {more} more (`{command}` lists them all)",
            )
        )
    example = found[0]
    hint = Words(
        f'Sebutkan kode atau nama lengkapnya, mis. {example.code or example.id} atau "{example.name}".',
        f'Name one by its code or full name, e.g. {example.code or example.id} or "{example.name}".',
    )
    message: Message = Words(
        f"wilayah {text!r} bisa berarti {len(found)} wilayah:",
        f"region {text!r} could be any of {len(found)} regions:",
    )
    for line in lines:
        message = message + "\n  " + line
    return AmbiguousRegionError(message, hint=hint)


def _quoted(text: str) -> str:
    """The text as a shell would take it back; never a control character raw on the terminal."""
    import shlex

    return shlex.quote(text) if text.isprintable() else repr(text)


def _unknown(regions: Sequence[Region], text: str) -> UnknownNameError:
    close = suggestions(regions, text)
    guess = (
        (
            Words(" Mungkin yang dimaksud: ", " Did you mean: ")
            + ", ".join(r.name for r in close)
            + "?"
        )
        if close
        else ""
    )
    return UnknownNameError(
        Words(f"wilayah tidak dikenal: {text!r}.", f"unknown region: {text!r}.") + guess,
        hint=Words(
            "Pakai kode Kemendagri (35.71), id atau nama; `tahapan regions TEKS` mencarinya.",
            "Use a Kemendagri code (35.71), an id or a name; `tahapan regions TEXT` searches them.",
        ),
    )


def suggestions(regions: Sequence[Region], text: str, limit: int = 3) -> list[Region]:
    """Regions the text may have meant: those sharing its rarer words first (so "Tangerang Utara"
    suggests the Tangerangs, not every "Utara"), near-misses of a word counting as shared; then
    names spelt almost alike."""
    import difflib  # only when a name is wrong

    kind, typed = words(text)
    if not typed or len(text) > MAX_TEXT:
        return []
    # the same name of another kind first: "Kabupaten Palembang" meant Kota Palembang
    other_kind = [r for r in _by_name(regions, " ".join(typed)) if kind is not None]
    if other_kind:
        return other_kind[:limit]
    index = [n for n in _index(regions) if _fits(kind, n.region)]
    frequency = Counter(w for n in index for w in n.vocabulary)
    scores: dict[str, float] = {}
    for n in index:
        score = 0.0
        for word in set(typed):
            if word in n.vocabulary:
                score += 1 / frequency[word]
            elif len(word) >= 4 and word not in frequency:
                # a word no name has is a misspelling: its near-misses count, almost fully
                near = difflib.get_close_matches(word, n.vocabulary, n=1, cutoff=0.85)
                if near:
                    score += 0.9 / frequency[near[0]]
        if score:
            scores[n.region.id] = score
    by_id = {n.region.id: n.region for n in index}
    ranked = sorted(scores, key=lambda i: (-scores[i], by_id[i].code or i))
    if ranked:
        return [by_id[i] for i in ranked[:limit]]
    spellings = {key: n.region for n in index for key in n.keys}
    close = difflib.get_close_matches("".join(typed), list(spellings), n=limit * 2, cutoff=0.7)
    return list(dict.fromkeys(spellings[c] for c in close))[:limit]
