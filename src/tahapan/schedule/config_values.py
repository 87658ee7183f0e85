"""A config value checked against the data it names (`tahapan config set`): the schedules every
later command would load must load, a region is stored as its id, elections must be loaded. Passed
to ``config.set_value`` as its ``resolve``: config sits under the schedule layer and loads none."""

from __future__ import annotations

from typing import Any


def resolved(key: str, stored: Any) -> Any:
    """``stored`` (region, election or data) checked, in the form to store."""
    from tahapan.config import data_files, load_config
    from tahapan.schedule.load import load_catalog

    # what every later command would load: the user's own file and the config's data (the new
    # data files in their place), each file that cannot be used named by the error
    config = load_config()
    if key == "data":
        config = {**config, "data": stored}
    catalog = load_catalog(data_files(config, None))
    if key == "data":
        return stored
    if key == "region":
        from tahapan.schedule.region_lookup import find_region

        return find_region(catalog.regions, stored).id
    from tahapan.schedule.select import pick_elections

    pick_elections(catalog, stored)
    return stored
