"""tahapan: where a date falls in Indonesia's official election timetables.

As a library::

    from datetime import date
    import tahapan

    catalog = tahapan.load_catalog()
    report = tahapan.build_status(catalog, on=date(2024, 11, 20), timezone="Asia/Jakarta")

The names below are imported when first used (a run of the CLI pays for none it does not use); the
core imports neither typer nor rich, and the CLI in ``tahapan.cli`` is one more user of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: the public names, and the module each lives in
_WHERE = {
    "Catalog": "tahapan.schedule.catalog",
    "DataError": "tahapan.errors",
    "Election": "tahapan.model",
    "Holiday": "tahapan.model",
    "Region": "tahapan.model",
    "RelativeDate": "tahapan.model",
    "Stage": "tahapan.model",
    "TahapanError": "tahapan.errors",
    "build_check_active": "tahapan.reports.check",
    "build_check_within": "tahapan.reports.check",
    "build_list": "tahapan.reports.stages",
    "build_show": "tahapan.reports.stages",
    "build_status": "tahapan.reports.status",
    "load_catalog": "tahapan.schedule.load",
    "parse_date": "tahapan.days.dates",
}
__all__ = [
    "Catalog",
    "DataError",
    "Election",
    "Holiday",
    "Region",
    "RelativeDate",
    "Stage",
    "TahapanError",
    "__version__",
    "build_check_active",
    "build_check_within",
    "build_list",
    "build_show",
    "build_status",
    "load_catalog",
    "parse_date",
]

if TYPE_CHECKING:
    from tahapan.days.dates import parse_date
    from tahapan.errors import DataError, TahapanError
    from tahapan.model import Election, Holiday, Region, RelativeDate, Stage
    from tahapan.reports.check import build_check_active, build_check_within
    from tahapan.reports.stages import build_list, build_show
    from tahapan.reports.status import build_status
    from tahapan.schedule.catalog import Catalog
    from tahapan.schedule.load import load_catalog


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'tahapan' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})
