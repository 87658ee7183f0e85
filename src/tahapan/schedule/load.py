"""Read schedule files, merge the overlays, validate the result, and hold the loaded elections.

Every problem becomes one line ``FILE:LINE: election/stage: message`` in a ``DataError``, naming the
file that set the value at fault; nothing here prints or exits.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tahapan.errors import DataError, UnreadableError
from tahapan.i18n import tr
from tahapan.model import Election, Region, Schedule

if TYPE_CHECKING:  # the merge and the checks run only when the cache has no answer
    from tahapan.schedule.merge import Merged, SourceFile

SHIPPED_FILES = ("regions.toml", "stages.toml")
#: an election of a cached catalog not decoded yet: id, region refs, its JSON line, the line's digest
Pending = tuple[str, tuple[str, ...], bytes, str]


def shipped_paths() -> list[Path]:
    """The official schedules and regions: inside the installed package, or data/ of a checkout."""
    package = Path(__file__).resolve().parents[1]  # src/tahapan, or site-packages/tahapan
    packaged = package / "data"
    # An editable install imports from src/, where the wheel's copies do not exist.
    folder = (
        packaged
        if (packaged / "stages.toml").is_file()
        else package.parents[1] / "data"
    )
    return [folder / name for name in SHIPPED_FILES]


def shipped_path() -> Path:
    return shipped_paths()[-1]


class Catalog:
    """The elections and regions loaded from all schedule files, overlays merged, in file order.

    Read from the cache, an election stays an undecoded JSON line until something asks for it, so
    that a run narrowed to one region (``only``) decodes only that region's elections.
    """

    def __init__(
        self,
        elections: Sequence[Election] = (),
        regions: Sequence[Region] = (),
        sources: dict[str, Path] | dict[str, str] | None = None,
        merged: Merged | None = None,
        *,
        pending: list[Pending] | None = None,
        rebuild: Callable[[], Catalog] | None = None,
        region_line: tuple[bytes, str] | None = None,
    ) -> None:
        self._elections: tuple[Election, ...] | None = (
            None if pending is not None else tuple(elections)
        )
        #: (id, regions, JSON line, its digest) of elections not decoded yet
        self._pending = pending
        #: the slow path, for a cache line found damaged only when it is decoded
        self._rebuild = rebuild
        #: regions as the cache stores them, decoded when first asked for (most runs never ask)
        self._region_line = region_line
        self._regions: tuple[Region, ...] | None = (
            None if region_line is not None else tuple(regions)
        )
        self._sources = sources or {}
        #: which file set what, for `list --sources` (None when read from the cache)
        self.merged = merged

    @property
    def elections(self) -> tuple[Election, ...]:
        if self._elections is None:
            from tahapan.schedule.cache import Damaged, decode_line

            pending = self._pending or []
            try:
                self._elections = tuple(decode_line(line, digest) for _, _, line, digest in pending)
            except Damaged:
                if self._rebuild is None:  # pragma: no cover - every cached catalog has one
                    raise
                wanted = {p[0] for p in pending}
                rebuilt = self._rebuild().elections
                self._elections = tuple(e for e in rebuilt if e.id in wanted)
            self._pending = None
        return self._elections

    @property
    def regions(self) -> tuple[Region, ...]:
        if self._regions is None:
            from tahapan.schedule.cache import Damaged, decode_regions

            try:
                self._regions = tuple(decode_regions(*(self._region_line or (b"[]", ""))))
            except Damaged:
                if self._rebuild is None:  # pragma: no cover - every cached catalog has one
                    raise
                self._regions = self._rebuild().regions
            self._region_line = None
        return self._regions

    def _same_regions(self) -> dict[str, Any]:
        """How a derived catalog gets these regions without decoding them."""
        if self._regions is None:
            return {"region_line": self._region_line}
        return {"regions": self._regions}

    @property
    def sources(self) -> dict[str, Path]:
        """Election id -> the file it came from (paths made only when asked for)."""
        return {k: Path(v) for k, v in self._sources.items()}

    def scopes(self) -> list[tuple[str, tuple[str, ...]]]:
        """(id, regions) of every election, without decoding any."""
        if self._elections is None:
            return [(p[0], p[1]) for p in self._pending or ()]
        return [(e.id, e.regions) for e in self._elections]

    def only(self, ids: set[str]) -> Catalog:
        """The same catalog with only these elections."""
        if self._elections is None:
            kept = [p for p in self._pending or () if p[0] in ids]
            return Catalog(
                (),
                sources=self._sources,
                merged=self.merged,
                pending=kept,
                rebuild=self._rebuild,
                **self._same_regions(),
            )
        kept_elections = [e for e in self._elections if e.id in ids]
        return Catalog(
            kept_elections, sources=self._sources, merged=self.merged, **self._same_regions()
        )

    def with_elections(self, elections: Sequence[Election]) -> Catalog:
        """The same regions and sources with these elections (e.g. narrowed to a region)."""
        return Catalog(
            elections,
            sources=self._sources,
            merged=self.merged,
            rebuild=self._rebuild,
            **self._same_regions(),
        )

    def ids(self) -> list[str]:
        return [ident for ident, _ in self.scopes()]

    def stage_source(self, election: str, path: str) -> tuple[Path | None, dict[str, Path]]:
        if self.merged is None:
            return self.sources.get(election), {}
        return self.merged.stage_source(election, path)


def load_catalog(
    extra: Sequence[Path] = (),
    *,
    include_shipped: bool = True,
    provenance: bool = False,
    read_cache: bool = True,
) -> Catalog:
    """Everything in the shipped files and ``extra``, merged and checked.

    The answer comes from the cache when the files' content has been seen before; ``provenance``
    (for `list --sources`) asks for the slow path, which knows which file set what; ``read_cache``
    False reads the files and writes the entry anew (a damaged entry is replaced so).
    """
    from tahapan.schedule import cache

    paths = (shipped_paths() if include_shipped else []) + list(extra)
    raws: list[tuple[Path, bytes]] = []
    problems: list[str] = []
    for path in paths:
        try:
            raws.append((path, read_bytes(path)))
        except UnreadableError as err:
            problems.extend(err.problems)
    use_cache = cache.enabled() and not provenance and not problems
    cache_key = cache.key(raws) if use_cache else ""
    if use_cache and read_cache:
        found = cache.read(cache_key)
        if found is not None:
            header, region_line, lines = found
            pending = [
                (entry["id"], tuple(entry["regions"]), line, entry["digest"])
                for entry, line in zip(header["index"], lines, strict=True)
            ]

            def rebuild() -> Catalog:
                return load_catalog(extra, include_shipped=include_shipped, read_cache=False)

            return Catalog(
                (),
                sources=header["sources"],
                pending=pending,
                rebuild=rebuild,
                region_line=(region_line, header["regions"]),
            )
    files: list[SourceFile] = []
    for path, raw in raws:
        try:
            files.append(source_from_bytes(path, raw))
        except DataError as err:
            problems.extend(err.problems)
    if not problems:
        catalog = build_catalog(files)
        if use_cache:
            working = any(
                rule is not None and rule.working_days is not None
                for e in catalog.elections
                for _, s in e.walk()
                for rule in (s.start_rule, s.end_rule)
            )
            cache.write(cache_key, catalog.elections, catalog.regions, catalog.sources, working)
        return catalog
    unreadable = len(raws) < len(paths)
    if files:
        # check the files that could be read too, so that one run names every problem
        try:
            build_catalog(files)
        except DataError as err:
            problems = err.problems + problems
    raise (UnreadableError if unreadable else DataError)(problems)


def check_with(paths: Sequence[Path], path: Path, text: str) -> Catalog:
    """Load ``paths`` with ``text`` standing for the content of ``path`` (in its place when listed,
    else last): how a file about to be written would load. Raises DataError if it would not."""
    from tahapan.config import same_file

    new = source_from_bytes(path, text.encode("utf-8"))
    sources = [new if same_file(p, path) else read_source(p) for p in paths]
    if not any(s is new for s in sources):
        sources.append(new)
    return build_catalog(sources)


def read_source(path: Path) -> SourceFile:
    return source_from_bytes(path, read_bytes(path))


def source_from_bytes(path: Path, raw: bytes) -> SourceFile:
    from tahapan.schedule.merge import SourceFile

    text = decode(path, raw)
    _check_keys(path, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        from tahapan.schedule.messages import toml_syntax_message

        raise DataError([toml_syntax_message(path, err)]) from None
    except RecursionError:
        raise DataError([f"{path}: " + _too_deep()]) from None
    if _depth(data) > MAX_DEPTH:
        raise DataError([f"{path}: " + _too_deep()])
    return SourceFile(path, text, data)


#: dotted keys (a.b.c = 1) longer than this are refused before parsing: the parser's work and memory
#: grow with the square of the parts, and a 60 kB key of 30,000 parts takes gigabytes; a schedule
#: needs a handful (each level of sub-stages is two)
MAX_KEY_PARTS = 40
#: a run of more than MAX_KEY_PARTS dotted key parts, anywhere (a line's key or an inline table's)
_LONG_KEY = re.compile(
    # each part starts where a word starts and is taken whole (possessive): a 5 MB word is passed
    # over once, not tried again from each of its letters
    r"""(?<![A-Za-z0-9_-])(?:(?:[A-Za-z0-9_-]++|"[^"\n]*+"|'[^'\n]*+')[ \t]*\.[ \t]*)"""
    + f"{{{MAX_KEY_PARTS},}}"
)


def _check_keys(path: Path, text: str) -> None:
    found = _LONG_KEY.search(text)
    if found is None:
        return
    number = text.count("\n", 0, found.start()) + 1
    parts = found.group().count(".") + 1
    raise DataError(
        [
            f"{path}:{number}: "
            + tr(
                f"kunci bertitik terlalu panjang ({parts} bagian); paling banyak {MAX_KEY_PARTS}",
                f"dotted key too long ({parts} parts); at most {MAX_KEY_PARTS}",
            )
        ]
    )


def _too_deep() -> str:
    return tr(
        f"tabel bersarang terlalu dalam; sub-tahapan paling dalam {MAX_DEPTH} tingkat",
        f"tables nested too deeply; sub-stages go at most {MAX_DEPTH} levels deep",
    )


def _depth(data: Any) -> int:
    """How deep tables and lists nest, counted without recursion (so any depth can be measured)."""
    deepest = 0
    todo: list[tuple[Any, int]] = [(data, 0)]
    while todo:
        node, depth = todo.pop()
        if isinstance(node, dict):
            children = list(node.values())
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, depth)
        todo.extend((child, depth + 1) for child in children)
    return deepest // 2  # each level of stages is a list and a table


def load_file(path: Path) -> Schedule:
    """One file on its own, not merged with the shipped data."""
    catalog = build_catalog([read_source(path)])
    return Schedule(regions=catalog.regions, elections=catalog.elections)


def build_catalog(files: list[SourceFile]) -> Catalog:
    """Merge, check and resolve the files: the slow path, taken when the cache has no answer."""
    from pydantic import ValidationError

    from tahapan.schedule.merge import merge
    from tahapan.schedule.messages import format_problem, pydantic_problem
    from tahapan.schedule.relative import resolve
    from tahapan.schedule.rules import Problem, check_elections
    from tahapan.schedule.schema import ScheduleFile, to_model

    merged = merge(files)
    by_path = {f.path: f for f in files}

    def place(problem: Problem, fallback: Path) -> str:
        # the file that set the key at fault, else the one that made the stage or election
        path = fallback
        if problem.where and problem.where[0] != "regions":
            election, stage = problem.where[0], "/".join(problem.where[1:])
            path = merged.owner(election, stage, problem.key) or fallback
        elif problem.where[1:]:
            path = merged.region_owners.get(problem.where[1], fallback)
        source = by_path[path]
        return format_problem(path, source.lines, problem)

    last = files[-1].path
    problems: list[str] = []
    for source in files:
        top = merged.top_level[source.path]
        try:
            ScheduleFile.model_validate(top)
        except ValidationError as err:
            problems.extend(
                format_problem(source.path, source.lines, pydantic_problem(top, e))
                for e in err.errors()
            )
    try:
        schedule = to_model(ScheduleFile.model_validate(merged.data))
    except ValidationError as err:
        for e in err.errors():
            problem = pydantic_problem(merged.data, e)
            if e["loc"][:1] == ("regions",):
                problem = Problem(("regions", *problem.where), problem.message, problem.key)
            problems.append(place(problem, last))
    for election_id, stage, key, _ in merged.unsourced_changes():
        # a date changed by an overlay must not keep the official row's basis and confidence
        problems.append(
            place(
                Problem(
                    (election_id, *stage.split("/")),
                    tr(
                        f"{key} diubah tanpa dasar sendiri: tambahkan basis dan confidence di tabel yang sama",
                        f"{key} is changed without a basis of its own: add basis and confidence in the same table",
                    ),
                    key,
                ),
                last,
            )
        )
    if problems:
        raise DataError(problems)

    elections: list[Election] = []
    rule_problems: list[Problem] = []
    for election in schedule.elections:
        resolved, found = resolve(election)
        elections.append(resolved)
        rule_problems.extend(found)
    if rule_problems:
        # the other rules would only repeat these: a stage without its dates cannot be checked
        raise DataError([place(p, last) for p in rule_problems])
    from tahapan.schedule.regions import name_regions

    elections = name_regions(elections, schedule.regions)
    found_rules = list(check_elections(tuple(elections), schedule.regions))
    if found_rules:
        raise DataError([place(p, last) for p in found_rules])
    sources = {e.id: merged.owner(e.id, "", None) or last for e in elections}
    return Catalog(tuple(elections), schedule.regions, sources, merged)


def read_text(path: Path) -> str:
    return decode(path, read_bytes(path))


#: the largest schedule file read: a national office's 25,000 stages take 6.5 MB; this bounds the
#: memory and time a mistaken file (a log, a database dump) can take
MAX_FILE_BYTES = 32 * 1024 * 1024
#: how deep sub-stages may nest; real schedules use three levels at most
MAX_DEPTH = 16


def read_bytes(path: Path) -> bytes:
    import stat

    try:
        if not stat.S_ISREG(path.stat().st_mode) and not path.is_dir():
            # a FIFO would block for ever and /dev/zero never ends: schedules are regular files
            raise UnreadableError(
                [
                    f"{path}: "
                    + tr(
                        "bukan berkas biasa (pipa atau perangkat); berkas jadwal dibaca dari berkas TOML",
                        "not a regular file (a pipe or a device); schedules are read from TOML files",
                    )
                ]
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            size = path.stat().st_size / 1024 / 1024
            raise UnreadableError(
                [
                    f"{path}: "
                    + tr(
                        f"terlalu besar ({size:.1f} MB); berkas jadwal dibaca sampai {MAX_FILE_BYTES // 1024 // 1024} MB",
                        f"too large ({size:.1f} MB); schedule files are read up to {MAX_FILE_BYTES // 1024 // 1024} MB",
                    )
                ]
            )
        return raw
    except FileNotFoundError:
        raise UnreadableError(
            [f"{path}: " + tr("berkas tidak ditemukan", "no such file")]
        ) from None
    except IsADirectoryError:
        raise UnreadableError(
            [
                f"{path}: "
                + tr("ini direktori, bukan berkas TOML", "is a directory, not a TOML file")
            ]
        ) from None
    except PermissionError:
        raise UnreadableError(
            [f"{path}: " + tr("tidak ada izin membaca", "permission denied")]
        ) from None
    except OSError as err:
        raise UnreadableError(
            [f"{path}: " + tr("tidak bisa dibaca", "cannot be read") + f" ({err.strerror})"]
        ) from None


def decode(path: Path, raw: bytes) -> str:
    try:
        # utf-8-sig: files saved by Windows editors start with a byte-order mark.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError(
            [
                f"{path}:{line}: "
                + tr(
                    f"bukan teks UTF-8 (byte 0x{raw[err.start]:02x}); simpan berkas sebagai UTF-8",
                    f"not UTF-8 text (byte 0x{raw[err.start]:02x}); save the file as UTF-8",
                )
            ]
        ) from None


def file_summary(data: dict[str, Any]) -> tuple[int, int]:
    """Elections and stages written in one file's tables (for `validate`'s report)."""

    def count(stages: Any) -> int:
        if not isinstance(stages, list):
            return 0
        return sum(1 + count(s.get("stages")) for s in stages if isinstance(s, dict))

    elections = data.get("elections", [])
    if not isinstance(elections, list):
        return 0, 0
    return len(elections), sum(count(e.get("stages")) for e in elections if isinstance(e, dict))
