"""Indonesian and English words for dates and labels.

Output is Indonesian unless the user asks for English. The language is chosen once per command by the
CLI layer (``set_language``) and read only by the views and the CLI (``tr``, ``said``). The core
(days/, schedule/, reports/) never reads it: what it says, it says in both languages (``Words``), and
the view that prints an error or a problem picks one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar, Literal, TypeVar

if TYPE_CHECKING:
    import tomllib
    from collections.abc import Iterable
    from pathlib import Path

    from tahapan.model import Election, Stage

Lang = Literal["id", "en"]
T = TypeVar("T")
LANGUAGES: tuple[Lang, ...] = ("id", "en")

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_current: Lang = "id"


def set_language(lang: Lang) -> None:
    global _current
    _current = lang


def language() -> Lang:
    return _current


def tr(id_text: str, en_text: str) -> str:
    """Pick the text for the current language (the views' and the CLI's; the core says
    ``Words``)."""
    return en_text if _current == "en" else id_text


@dataclass(frozen=True, slots=True)
class Words:
    """A message in both languages, as the core gives it (an error, a problem in a file): the view
    that prints it picks one with ``said``, and JSON carries both, the same in either language.
    Put in an f-string it would pick one on the way up: the test suite makes that fail (``strict``);
    ``str()`` is for what a library does with an exception's argument."""

    id: str
    en: str

    def __add__(self, other: str | Words) -> Words:
        if isinstance(other, Words):
            return Words(self.id + other.id, self.en + other.en)
        return Words(self.id + other, self.en + other)

    def __radd__(self, other: str) -> Words:
        return Words(other + self.id, other + self.en)

    @staticmethod
    def made(make: Callable[[Lang], str]) -> Words:
        """A message built the same way in each language, from parts that are ``Words`` too:
        ``Words.made(lambda lang: f"{said(read, lang)}: {said(shown, lang)}")``."""
        return Words(make("id"), make("en"))

    def __contains__(self, part: str) -> bool:
        return part in self.id or part in self.en

    #: the test suite sets it, so that a ``Words`` put in an f-string (a language picked on the
    #: way up, or by accident) fails there; a user gets the chosen language
    strict: ClassVar[bool] = False

    def __str__(self) -> str:  # what a library does with an exception's argument (pydantic)
        return said(self)

    def __format__(self, spec: str) -> str:
        if Words.strict:
            raise TypeError(f"Words formatted without said(): {self.id!r}")
        return format(said(self), spec)


#: text as the core hands it up: plain (a path, a name) or in both languages
Message = str | Words


def changed(text: Message, change: Callable[[str], str]) -> Message:
    """The same change made to the text in each language (a path replaced, a prefix cut)."""
    return change(text) if isinstance(text, str) else Words(change(text.id), change(text.en))


def said(text: Message, lang: Lang | None = None) -> str:
    """``text`` in the chosen language."""
    if isinstance(text, str):
        return text
    return text.en if (lang or _current) == "en" else text.id


def distance(n: int, lang: Lang | None = None) -> str:
    """How far away a day is, in words: hari ini, besok, 3 hari lagi (today, tomorrow, in 3 days)."""
    english = (lang or _current) == "en"
    if n == 0:
        return "today" if english else "hari ini"
    if n == 1:
        return "tomorrow" if english else "besok"
    return f"in {days(n, lang)}" if english else f"{days(n, lang)} lagi"


def pick(id_value: T, en_value: T | None) -> T:
    """A name, note or scope in the chosen language: the English one when English is chosen and the
    file gives it (an empty one is not given), else the Indonesian (official) one."""
    return en_value if _current == "en" and en_value else id_value


def month_name(month: int, lang: Lang | None = None) -> str:
    return (MONTHS_EN if (lang or _current) == "en" else MONTHS_ID)[month - 1]


def weekday_name(d: date, lang: Lang | None = None) -> str:
    return (WEEKDAYS_EN if (lang or _current) == "en" else WEEKDAYS_ID)[d.weekday()]


def format_date(
    d: date, *, weekday: bool = False, short: bool = False, lang: Lang | None = None
) -> str:
    """'Rabu, 29 November 2023' / 'Wednesday, 29 November 2023'; short: '29 Nov 2023'."""
    month = month_name(d.month, lang)
    text = f"{d.day} {month[:3] if short else month} {d.year}"
    if weekday:
        text = f"{weekday_name(d, lang)}, {text}"
    return text


def format_range(start: date | None, end: date, *, lang: Lang | None = None) -> str:
    """'28 Nov 2023 – 10 Feb 2024', '24 Jun – 24 Jul 2024'; one day shows once; an unknown start is '?'."""
    if start == end:
        return format_date(end, short=True, lang=lang)
    if start is None:
        left = "?"
    elif start.year == end.year:
        left = f"{start.day} {month_name(start.month, lang)[:3]}"  # the year shows once, at the end
    else:
        left = format_date(start, short=True, lang=lang)
    return f"{left} – {format_date(end, short=True, lang=lang)}"


#: what stands where H would be, while an election's voting day is not set
NO_VOTING_DAY = ("hari pemungutan suara belum ditetapkan", "voting day not set yet")


def h_label(h: int | None, lang: Lang | None = None) -> str:
    """H-notation: days relative to voting day ('H-77', 'H', 'H+3'); 'H ?' while it is not set."""
    if h is None:
        return "H not set" if (lang or _current) == "en" else "H belum ditetapkan"
    if h == 0:
        return "H"
    return f"H{h:+d}"


def days(n: int, lang: Lang | None = None) -> str:
    if (lang or _current) == "en":
        return f"{n} day" if n == 1 else f"{n} days"
    return f"{n} hari"


#: the mark of a stage whose dates come from another election's pattern (`election add --like`)
PROJECTED = ("proyeksi", "projected")


#: the mark of a repeating stage's dates that a rule gives, not a source (PDPB recaps from 2026)
ESTIMATED = ("perkiraan", "estimate")


def projected_word(stage: Stage) -> str:
    """'proyeksi' for dates copied from another election, 'perkiraan' for a repeating stage's."""
    return tr(*ESTIMATED) if stage.repeat is not None else tr(*PROJECTED)


#: the mark of a stage the office dated itself while its election's voting day is projected
ASSUMPTION = ("asumsi kantor", "office assumption")


def date_mark(stage: Stage, election: Election) -> str | None:
    """The word after a stage whose dates are not official ('proyeksi', 'perkiraan', 'asumsi
    kantor'); None for official dates. Which state a stage is in is ``Election.dating``'s."""
    dating = election.dating(stage)
    if dating == "official":
        return None
    return tr(*ASSUMPTION) if dating == "assumption" else projected_word(stage)


def election_mark(election: Election) -> str | None:
    """The word after an election some of whose dates are not official: 'proyeksi' while its voting
    day is, else the mark of its first projected stage (PDPB's estimates); None otherwise."""
    if election.projected:
        return tr(*PROJECTED)
    return next((projected_word(s) for _, s in election.walk() if s.projected), None)


def confidence_mark(stage: Stage, election: Election) -> str:
    """A stage's confidence as views show it; a projection or an assumption shows that instead,
    since its dates are no source's, whatever the template's confidence was."""
    return date_mark(stage, election) or str(stage.confidence)


def assumption_note(confidence: str | None = None) -> str:
    """What an office assumption is; with ``confidence``, the one the office gave its dates."""
    given = f" ({confidence})" if confidence else ""
    return tr(
        f"asumsi kantor: tanggal ditetapkan kantor{given} selama hari pemungutan suara masih "
        "proyeksi, bukan tanggal resmi",
        f"office assumption: dates set by the office{given} while the voting day is still "
        "projected, not official dates",
    )


def date_notes(shown: Iterable[tuple[Stage, Election]]) -> list[str]:
    """What the marks among the stages shown mean, each once: projection, estimate, assumption."""
    kinds = set()
    for stage, election in shown:
        dating = election.dating(stage)
        if dating == "projected":
            kinds.add("estimate" if stage.repeat is not None else "projected")
        elif dating == "assumption":
            kinds.add(dating)
    notes = {"projected": projection_note, "estimate": estimate_note, "assumption": assumption_note}
    return [note() for kind, note in notes.items() if kind in kinds]


def estimate_note() -> str:
    return tr(
        "perkiraan: tanggal dihitung dari aturan pengulangan, bukan tanggal resmi; tanggal resmi "
        "ditetapkan dengan surat edaran KPU",
        "estimate: dates given by a repeat rule, not official dates; the official date is set by a "
        "KPU circular",
    )


def mark_note(stage: Stage, election: Election) -> str | None:
    """What the mark of a projected, estimated or assumed stage means, with its source where it had
    one; None for official dates."""
    dating = election.dating(stage)
    if dating == "official":
        return None
    if dating == "assumption":
        return assumption_note(stage.confidence)
    return estimate_note() if stage.repeat is not None else projection_note(stage.confidence)


def projection_note(source: str | None = None) -> str:
    """What a projection is; with ``source``, the confidence the template's date had."""
    if source is None:
        return tr(
            "proyeksi: tanggal dihitung dari pola pemilu lain, bukan tanggal resmi",
            "projected: dates counted from another election's pattern, not official dates",
        )
    return tr(
        f"proyeksi: tanggal dihitung dari pola pemilu lain (sumber aslinya {source}), bukan "
        "tanggal resmi",
        f"projected: dates counted from another election's pattern (its source: {source}), not "
        "official dates",
    )


#: tomllib's reasons, in Indonesian (the parser speaks English only)
_TOML_REASONS = [
    (r"Cannot declare (.*) twice", r"\1 dideklarasikan dua kali"),
    (r"Cannot mutate immutable namespace (.*)", r"\1 tidak dapat diubah lagi"),
    (r"Cannot overwrite a value", "nilai yang sudah ada tidak dapat ditimpa (kunci ganda?)"),
    (r"Cannot redefine namespace (.*)", r"\1 tidak dapat didefinisikan ulang"),
    (r"Duplicate inline table key (.*)", r"kunci \1 ganda dalam tabel sebaris"),
    (r"Escaped character is not a Unicode scalar value", "karakter escape bukan nilai Unicode"),
    (r"Expected '=' after a key in a key/value pair", "'=' diharapkan sesudah kunci"),
    (r"Expected '\]' at the end of a table declaration", "']' diharapkan di akhir nama tabel"),
    (r"Expected '\]\]' at the end of an array declaration", "']]' diharapkan di akhir nama larik"),
    (r"Found invalid character (.*)", r"karakter tidak sah \1"),
    (r"Illegal character (.*)", r"karakter tidak sah \1"),
    (r"Invalid date or datetime", "tanggal atau waktu tidak sah"),
    (r"Invalid hex value", "nilai heksadesimal tidak sah"),
    (r"Invalid initial character for a key part", "awal kunci tidak sah"),
    (r"Invalid statement", "pernyataan tidak sah"),
    (r"Invalid value", "nilai tidak sah"),
    (r"Unclosed array", "larik tidak ditutup"),
    (r"Unclosed inline table", "tabel sebaris tidak ditutup"),
    (r"Unescaped '\\' in a string", "'\\' tanpa escape dalam teks"),
    (r"Unterminated string", "teks tidak ditutup"),
    (
        r"Expected newline or end of document after a statement",
        "baris baru diharapkan sesudah pernyataan",
    ),
]


def _reason(text: str) -> Message:
    """tomllib's reason, in Indonesian where it is one we know."""
    for pattern, words in _TOML_REASONS:
        if re.fullmatch(pattern, text):
            return Words(re.sub(pattern, words, text), text)
    return text


def toml_syntax_message(path: Path, err: tomllib.TOMLDecodeError) -> Message:
    # tomllib ends its message with "(at line L, column C)"; put the position where editors look.
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)$", str(err))
    if match:
        reason = _reason(str(err)[: match.start()])
        return (
            f"{path}:{match.group(1)}:{match.group(2)}: "
            + Words("sintaks TOML salah: ", "TOML syntax error: ")
            + reason
        )
    end = re.search(r"\s*\(at end of document\)$", str(err))
    if end:
        reason = _reason(str(err)[: end.start()]) + Words(
            " (di akhir berkas)", " (at end of document)"
        )
        return f"{path}: " + Words("sintaks TOML salah: ", "TOML syntax error: ") + reason
    return f"{path}: " + Words("sintaks TOML salah: ", "TOML syntax error: ") + _reason(str(err))
