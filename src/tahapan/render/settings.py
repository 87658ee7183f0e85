"""`tahapan config get|list|path` as people and scripts read them: the value alone, a line a key."""

from __future__ import annotations

from typing import Any

from tahapan.config import KEYS
from tahapan.i18n import tr
from tahapan.render.notes import say
from tahapan.reports.settings import SettingsReport


def _show(value: Any, key: str = "") -> str:
    if key == "notify":  # tokens: `config get notify` prints them, messages never do
        from tahapan.notify import shown

        return " ".join(shown(url) for url in value)
    return ",".join(value) if isinstance(value, list) else str(value)


def settings_text(report: SettingsReport) -> str | None:
    if report.action == "path":
        return f"{report.path}\n"
    if report.action == "get":
        [(key, value)] = report.values.items()
        if value is None:  # exit 1 as grep; the reason on stderr, so an empty answer is no mystery
            say(
                tr(
                    f"{key} belum diatur; nilai bawaan berlaku",
                    f"{key} is not set; the default applies",
                )
            )
            return None
        return (" ".join(value) if key == "notify" else _show(value)) + "\n"
    lines = []
    for key, value in report.values.items():
        shown = "(-)" if value is None else _show(value, key)
        lines.append(f"{key} = {shown}\t# {tr(KEYS[key].help_id, KEYS[key].help_en)}\n")
    return "".join(lines)
