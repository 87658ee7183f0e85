"""Shell completion of election and stage ids, from the shipped data and the user's config."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tahapan.errors import TahapanError

if TYPE_CHECKING:
    from tahapan.schedule.catalog import Catalog


def _catalog() -> Catalog:
    from pathlib import Path

    from tahapan.config import load_config
    from tahapan.schedule.load import load_catalog

    try:
        return load_catalog([Path(p) for p in load_config().get("data", [])])
    except TahapanError:
        return load_catalog()


def elections(incomplete: str) -> list[str]:
    try:
        return [i for i in _catalog().ids() if i.startswith(incomplete)]
    except TahapanError:
        return []


def stages(incomplete: str) -> list[str]:
    try:
        catalog = _catalog()
    except TahapanError:
        return []
    names: set[str] = set()
    for election in catalog.elections:
        for path, stage in election.walk():
            names.update({stage.id, path, f"{election.id}/{path}"})
    return sorted(n for n in names if n.startswith(incomplete))


def regions(incomplete: str) -> list[str]:
    try:
        catalog = _catalog()
    except TahapanError:
        return []
    names = {r.id for r in catalog.regions} | {r.code for r in catalog.regions if r.code}
    return sorted(n for n in names if n.startswith(incomplete))
