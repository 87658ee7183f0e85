"""Output: JSON for scripts, Rich for people. Rich is imported only when a person is reading."""

from __future__ import annotations

import json
import sys
from typing import Any, Protocol


class Report(Protocol):
    def to_json(self) -> dict[str, Any]: ...


def emit(report: Report, *, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    if getattr(report, "plain_text", False):
        from tahapan.render.plain import render as render_plain

        render_plain(report)
        return
    from tahapan.render.terminal import render

    render(report)
