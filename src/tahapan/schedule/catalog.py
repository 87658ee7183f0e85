"""The loaded schedules as one value: the elections and regions, and which file each came from.

Made by ``load.load_catalog``; everything after loading (selection, reports, renderers) reads it
without importing the loader.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tahapan.model import Election, Region

if TYPE_CHECKING:
    from tahapan.schedule.merge import Merged

SHIPPED_FILES = ("regions.toml", "stages.toml")
#: an election of a cached catalog not decoded yet: id, region refs, its JSON line, the line's digest
Pending = tuple[str, tuple[str, ...], "bytes | memoryview", str]


def shipped_paths() -> list[Path]:
    """The official schedules and regions: inside the installed package, or data/ of a checkout."""
    package = Path(__file__).resolve().parents[1]  # src/tahapan, or site-packages/tahapan
    packaged = package / "data"
    # An editable install imports from src/, where the wheel's copies do not exist.
    folder = packaged if (packaged / "stages.toml").is_file() else package.parents[1] / "data"
    return [folder / name for name in SHIPPED_FILES]


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
        region_line: tuple[bytes | memoryview, str] | None = None,
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
        #: a digest of the files' paths and bytes (set by the loader): the same key, the same
        #: schedules, so the history need not compare them stage by stage
        self.key = ""

    @property
    def elections(self) -> tuple[Election, ...]:
        if self._elections is None:
            from tahapan.schedule.cache import Damaged, decode_line

            pending = self._pending or []
            # one string for each text met again: the elections share their names and bases
            shared: dict[str, str] = {}
            try:
                self._elections = tuple(
                    decode_line(line, digest, shared) for _, _, line, digest in pending
                )
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
        narrowed = self._only(ids)
        narrowed.key = self.key
        return narrowed

    def _only(self, ids: set[str]) -> Catalog:
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
        narrowed = Catalog(
            elections,
            sources=self._sources,
            merged=self.merged,
            rebuild=self._rebuild,
            **self._same_regions(),
        )
        narrowed.key = self.key
        return narrowed

    def ids(self) -> list[str]:
        return [ident for ident, _ in self.scopes()]

    def is_shipped(self, path: Path | str) -> bool:
        """Whether a source is one of tahapan's own files (not the user's)."""
        return Path(path) in shipped_paths()

    def stage_source(self, election: str, path: str) -> tuple[Path | None, dict[str, Path]]:
        if self.merged is None:
            return self.sources.get(election), {}
        return self.merged.stage_source(election, path)
