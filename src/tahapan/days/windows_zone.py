"""The zone Windows is set to: it has no TZ and no /etc/localtime, but the registry names the zone
chosen in Settings (its Windows name, e.g. "SE Asia Standard Time")."""

from __future__ import annotations

import importlib
from typing import Any

#: Windows zones to the Indonesian zone CLDR's windowsZones gives them for Indonesia (territory
#: "ID"): Windows lists no Indonesian city at UTC+8 or +9, so an office in Makassar or Jayapura
#: picks Singapore or Tokyo, whose days are the same (no daylight saving in any of them)
INDONESIAN = {
    "SE Asia Standard Time": "Asia/Jakarta",
    "Singapore Standard Time": "Asia/Makassar",
    "Tokyo Standard Time": "Asia/Jayapura",
}
_KEY = r"SYSTEM\CurrentControlSet\Control\TimeZoneInformation"


def windows_zone() -> str | None:
    """The Indonesian zone the machine is set to, or None (another zone, or no registry)."""
    try:  # by name: the type checker, run on Linux, knows winreg as Windows-only
        winreg: Any = importlib.import_module("winreg")
    except ImportError:
        return None
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, _KEY) as key:
            name, _kind = winreg.QueryValueEx(key, "TimeZoneKeyName")
    except OSError:
        return None
    return INDONESIAN.get(str(name).strip("\0 "))
