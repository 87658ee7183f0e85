"""`tahapan config get|list|path`: the user's defaults as they are stored, for people and scripts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from tahapan.config import KEYS, config_path, get_value, load_config
from tahapan.errors import ExitCode


@dataclass(frozen=True)
class SettingsReport:
    action: Literal["get", "list", "path"]
    path: Path
    #: the keys asked (one for `get`, every known key for `list`), None where it is not set
    values: dict[str, Any]

    @property
    def exit_code(self) -> int:
        """`get` of a key not set exits 1, as grep finding nothing."""
        unset = self.action == "get" and None in self.values.values()
        return int(ExitCode.ATTENTION) if unset else 0

    def payload(self) -> dict[str, Any]:
        from tahapan.notify import shown

        def safe(key: str, value: Any) -> Any:  # a notify token is no answer to print in JSON
            return [shown(url) for url in value] if key == "notify" and value else value

        return {
            "action": self.action,
            "path": str(self.path),
            "values": {k: safe(k, v) for k, v in self.values.items()},
        }


def settings_report(
    action: Literal["get", "list", "path"], key: str | None = None
) -> SettingsReport:
    if action == "get":
        assert key is not None
        return SettingsReport("get", config_path(), {key: get_value(key)})
    if action == "list":
        stored = load_config()
        return SettingsReport("list", config_path(), {k: stored.get(k) for k in KEYS})
    return SettingsReport("path", config_path(), {})
