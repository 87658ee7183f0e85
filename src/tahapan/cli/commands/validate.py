"""`tahapan validate`: are these schedule files usable?"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tahapan.cli.help import h, helped
from tahapan.cli.options import JsonOpt, LangOpt
from tahapan.config import load_config
from tahapan.i18n import set_language
from tahapan.render import render
from tahapan.reports.files import build_validate


@helped("validate")
def command(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...",
            help=h("validate.FILE", "Schedule files (TOML) to check."),
            show_default=False,
        ),
    ],
    lang: LangOpt = None,
    json: JsonOpt = False,
) -> int:
    """Check schedule files: exit 0 valid, 1 problems found (listed), 2 a file cannot be read.

    Each file is checked as tahapan would use it: merged over the shipped data, in the order given.
    """
    set_language(lang.value if lang else load_config().get("lang", "id"))
    report = build_validate(files)
    return render(report, "json" if json else "term")
