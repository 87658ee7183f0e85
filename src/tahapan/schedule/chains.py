"""Deadline chains: the legal deadlines that follow one event (a report, a crime, a dispute), step by
step, each with its count, the point it counts from, its article and its confidence.

The shipped chains are in ``data/chains.toml``; an office adds its own as ``[[chains]]`` tables in its
cases file (``kasus.toml``). A file is checked here by hand, key by key: the tables are few and
small, and the cases commands need not load pydantic for them.

A step counts from the chain's event (``after = "event"``, the default) or from an earlier step
(``after = "permohonan"``), forwards, or back from an earlier step (``before = "penetapan"``). A step
with no count is an event of its own (a registration, a verdict): it has no deadline, and the date it
happened is recorded with `tahapan kasus done`. Where the sources disagree, ``alternative`` carries the
other rule with its own basis, and both dates are shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, get_args

from tahapan.days.deadlines import UNITS, Count
from tahapan.i18n import Message, Words
from tahapan.model import ID_PATTERN, Confidence
from tahapan.text import block, one_line

EVENT = "event"
#: ten years, as every other count (``model.MAX_OFFSET_DAYS``), in the unit of the count
LIMITS = {"days": 3660, "working_days": 2600, "hours": 3660 * 24}
_CONFIDENCE = get_args(Confidence)
_TEXTS = ("name", "name_en", "event", "event_en", "basis", "note", "note_en")


@dataclass(frozen=True)
class Alternative:
    """The rule another source gives for the same step (a conflict shown, never resolved)."""

    count: Count
    ref: str
    basis: str
    confidence: Confidence
    note: str | None = None
    note_en: str | None = None


@dataclass(frozen=True)
class Step:
    id: str
    name: str
    name_en: str | None
    #: None: an event with no deadline of its own; its date is recorded when it happens
    count: Count | None
    #: the point counted from: ``EVENT`` or an earlier step's id
    ref: str
    basis: str | None
    confidence: Confidence | None
    note: str | None = None
    note_en: str | None = None
    #: a step that happens only in some cases (an appeal, a file sent back)
    optional: bool = False
    alternative: Alternative | None = None


@dataclass(frozen=True)
class Chain:
    id: str
    name: str
    name_en: str | None
    #: what the chain starts from ("Bawaslu menyatakan dugaan tindak pidana pemilu")
    event: str
    event_en: str | None
    basis: str
    steps: tuple[Step, ...]
    #: the file it came from
    source: str = ""
    note: str | None = None
    note_en: str | None = None

    def step(self, ident: str) -> Step | None:
        return next((s for s in self.steps if s.id == ident), None)


def read_chains(tables: Iterable[Any], source: str) -> tuple[list[Chain], list[Message]]:
    """The ``[[chains]]`` tables of one file, and a line for each problem (``FILE: chain/step:
    what``)."""
    chains: list[Chain] = []
    problems: list[Message] = []
    for index, table in enumerate(tables):
        where = f"{source}: chains[{index}]"
        if not isinstance(table, Mapping):
            problems.append(f"{where}: " + Words("harus berupa tabel", "must be a table"))
            continue
        if isinstance(table.get("id"), str):
            where = f"{source}: {table['id']}"
        found: list[Message] = []
        chain = _chain(table, source, found)
        problems += [f"{where}: " + p for p in found]
        if chain is not None:
            chains.append(chain)
    return chains, problems


def chain_file_tables(data: Mapping[str, Any], source: str) -> tuple[list[Chain], list[Message]]:
    tables = data.get("chains", [])
    if not isinstance(tables, list):
        return [], [
            f"{source}: chains: " + Words("harus berupa [[chains]]", "must be [[chains]] tables")
        ]
    return read_chains(tables, source)


def merge_chains(groups: Iterable[list[Chain]]) -> tuple[dict[str, Chain], list[Message]]:
    """Every file's chains by id; an id given twice is a problem (never one silently replacing the
    other: an office's variant of a shipped chain takes an id of its own)."""
    out: dict[str, Chain] = {}
    problems: list[Message] = []
    for chains in groups:
        for chain in chains:
            if chain.id in out:
                first = out[chain.id].source
                problems.append(
                    f"{chain.source}: {chain.id}: "
                    + Words(
                        f"ID alur sudah dipakai di {first}", f"chain id already used in {first}"
                    )
                )
                continue
            out[chain.id] = chain
    return out, problems


def shipped_chains_path() -> Path:
    from tahapan.schedule.catalog import shipped_paths

    return shipped_paths()[0].with_name("chains.toml")


# ------------------------------------------------------------------------------ checking a table

_CHAIN_KEYS = {*_TEXTS, "id", "steps"}
_STEP_KEYS = {"id", "name", "name_en", "after", "before", *UNITS, "basis", "confidence", "note"}
_STEP_KEYS |= {"note_en", "optional", "alternative", "inclusive"}
_ALTERNATIVE_KEYS = {"after", "before", *UNITS, "basis", "confidence", "note", "note_en"}
_ALTERNATIVE_KEYS |= {"inclusive"}


def _chain(table: Mapping[str, Any], source: str, problems: list[Message]) -> Chain | None:
    _known(table, _CHAIN_KEYS, problems)
    ident = table.get("id")
    if not _is_id(ident):
        problems.append("id: " + _ID_WORDS())
        return None
    texts = {
        key: _text(table, key, problems, required=key in ("name", "event", "basis"))
        for key in _TEXTS
    }
    raw_steps = table.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        problems.append(
            Words(
                "perlu paling sedikit satu [[chains.steps]]", "needs at least one [[chains.steps]]"
            )
        )
        return None
    steps: list[Step] = []
    for index, raw in enumerate(raw_steps):
        found: list[Message] = []
        step = _step(raw, [s.id for s in steps], found)
        label = (
            raw.get("id")
            if isinstance(raw, Mapping) and _is_id(raw.get("id"))
            else f"steps[{index}]"
        )
        problems += [f"{label}: " + p for p in found]
        if step is not None:
            steps.append(step)
    if problems:
        return None
    return Chain(
        id=str(ident),
        name=texts["name"] or "",
        name_en=texts["name_en"],
        event=texts["event"] or "",
        event_en=texts["event_en"],
        basis=texts["basis"] or "",
        steps=tuple(steps),
        source=source,
        note=texts["note"],
        note_en=texts["note_en"],
    )


def _step(raw: Any, earlier: list[str], problems: list[Message]) -> Step | None:
    if not isinstance(raw, Mapping):
        problems.append(Words("harus berupa tabel", "must be a table"))
        return None
    _known(raw, _STEP_KEYS, problems)
    ident = raw.get("id")
    if not _is_id(ident) or ident == EVENT:
        problems.append("id: " + _ID_WORDS() + Words(" (bukan 'event')", " (not 'event')"))
        return None
    if ident in earlier:
        problems.append(Words("id langkah dipakai dua kali", "step id given twice"))
    count, ref = _rule(raw, earlier, problems)
    step = Step(
        id=str(ident),
        name=_text(raw, "name", problems, required=True) or "",
        name_en=_text(raw, "name_en", problems),
        count=count,
        ref=ref,
        basis=_text(raw, "basis", problems, required=count is not None),
        confidence=_confidence(raw, problems, required=count is not None),
        note=_text(raw, "note", problems),
        note_en=_text(raw, "note_en", problems),
        optional=raw.get("optional", False),
    )
    if not isinstance(step.optional, bool):
        problems.append("optional: " + Words("true atau false", "true or false"))
    if "alternative" in raw:
        if count is None:
            problems.append(
                "alternative: "
                + Words(
                    "langkah tanpa tenggat tidak punya aturan lain",
                    "a step with no deadline has no other rule",
                )
            )
        found: list[Message] = []
        alternative = _alternative(raw["alternative"], earlier, ref, found)
        problems += ["alternative: " + p for p in found]
        step = replace(step, alternative=alternative)
    return None if problems else step


def _alternative(
    raw: Any, earlier: list[str], ref: str, problems: list[Message]
) -> Alternative | None:
    if not isinstance(raw, Mapping):
        problems.append(Words("harus berupa tabel", "must be a table"))
        return None
    _known(raw, _ALTERNATIVE_KEYS, problems)
    count, alt_ref = _rule(raw, earlier, problems, default=ref)
    basis = _text(raw, "basis", problems, required=True)
    confidence = _confidence(raw, problems, required=True)
    if count is None:
        problems.append(
            Words("perlu days, working_days atau hours", "needs days, working_days or hours")
        )
    if problems or count is None or basis is None or confidence is None:
        return None
    return Alternative(
        count,
        alt_ref,
        basis,
        confidence,
        _text(raw, "note", problems),
        _text(raw, "note_en", problems),
    )


def _rule(
    raw: Mapping[str, Any], earlier: list[str], problems: list[Message], default: str = EVENT
) -> tuple[Count | None, str]:
    after, before = raw.get("after"), raw.get("before")
    if after is not None and before is not None:
        problems.append(Words("after atau before, bukan keduanya", "after or before, not both"))
    key = "before" if before is not None else "after"
    ref = before if before is not None else after if after is not None else default
    if not isinstance(ref, str) or (ref != EVENT and ref not in earlier):
        problems.append(
            f"{key} = {ref!r}: "
            + Words(
                "harus 'event' atau id langkah sebelumnya",
                "must be 'event' or the id of an earlier step",
            )
        )
        ref = EVENT
    units = [u for u in UNITS if u in raw]
    if len(units) > 1:
        problems.append(
            Words(
                "satu saja dari days, working_days, hours", "only one of days, working_days, hours"
            )
        )
        return None, ref
    if not units:
        if before is not None:
            problems.append(
                "before: "
                + Words("perlu days, working_days atau hours", "needs days, working_days or hours")
            )
        return None, ref
    unit = units[0]
    n = raw[unit]
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= LIMITS[unit]:
        problems.append(
            f"{unit}: "
            + Words(f"bilangan bulat 0..{LIMITS[unit]}", f"a whole number 0..{LIMITS[unit]}")
        )
        return None, ref
    inclusive = raw.get("inclusive", False)
    if not isinstance(inclusive, bool) or (inclusive and (unit == "hours" or before is not None)):
        problems.append(
            "inclusive: "
            + Words(
                "true atau false, untuk hitungan hari atau hari kerja ke depan",
                "true or false, for a forward count of days or working days",
            )
        )
        return None, ref
    return Count(n, unit, backward=before is not None, inclusive=inclusive), ref


def _confidence(
    raw: Mapping[str, Any], problems: list[Message], *, required: bool
) -> Confidence | None:
    value = raw.get("confidence")
    if value is None and not required:
        return None
    if value not in _CONFIDENCE:
        problems.append(
            "confidence: " + Words("salah satu dari ", "one of ") + ", ".join(_CONFIDENCE)
        )
        return None
    return value


def _text(
    raw: Mapping[str, Any], key: str, problems: list[Message], *, required: bool = False
) -> str | None:
    value = raw.get(key)
    if value is None:
        if required:
            problems.append(f"{key}: " + Words("wajib diisi", "required"))
        return None
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{key}: " + Words("teks yang tidak kosong", "a text that is not empty"))
        return None
    return block(value) if key.startswith("note") else one_line(value)


def _is_id(value: Any) -> bool:
    import re

    return (
        isinstance(value, str) and len(value) <= 100 and re.fullmatch(ID_PATTERN, value) is not None
    )


def _ID_WORDS() -> Message:
    return Words(
        "huruf kecil, angka dan tanda hubung, mis. pemilu-pidana",
        "lower-case letters, digits and hyphens, e.g. pemilu-pidana",
    )


def _known(raw: Mapping[str, Any], keys: set[str], problems: list[Message]) -> None:
    unknown = sorted(str(k) for k in raw if k not in keys)
    if unknown:
        known = ", ".join(sorted(keys))
        problems.append(
            Words(
                f"kunci tidak dikenal: {', '.join(unknown)} (yang dikenal: {known})",
                f"unknown keys: {', '.join(unknown)} (known: {known})",
            )
        )
