"""`tahapan import`: a CSV or an Excel workbook (.xlsx) of stages as a TOML schedule file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tahapan.cli.edit_session import remember_after, remember_before
from tahapan.cli.help import h, helped
from tahapan.cli.options import DataOpt, LangOpt, OutputOpt, QuietOpt, Session, open_session
from tahapan.errors import DataError
from tahapan.i18n import tr
from tahapan.render import write_out
from tahapan.schedule.catalog import shipped_paths
from tahapan.schedule.load import check_with


@helped("import")
def command(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help=h(
                "import.FILE",
                "Rows as `export --format csv` or `--format xlsx` writes them; a CSV may be "
                "separated by commas, semicolons or tabs, dates ISO or day first (27/11/2024).",
            ),
        ),
    ],
    output: OutputOpt = None,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
    data: DataOpt = None,
) -> None:
    """A CSV or an Excel workbook of stages (one row each) as a TOML schedule file; bad rows are
    named by row and column."""
    session = open_session(data=data, lang=lang, tz=None, elections=None)
    from tahapan.schedule.table_import import import_file
    from tahapan.schedule.writer import tables_text

    imported = import_file(file, {e.id: e for e in session.catalog.elections})
    if imported.problems:
        raise DataError(imported.problems)
    if not imported.rows:  # a header alone would write an empty schedule over FILE.toml
        raise DataError(
            [
                f"{file}: "
                + tr(
                    "tidak ada baris tahapan di bawah baris judul", "no stage rows under the header"
                )
            ]
        )
    result = tables_text(
        imported.data,
        header=f"# {tr('Diimpor dari', 'Imported from')} {file.name} (tahapan import)\n",
    )
    # the result must load beside everything else, or it is not written
    check_with([*shipped_paths(), *session.files], output or Path(f"{file.stem}.toml"), result)
    loaded = output is not None and _is_loaded(output, session)
    if loaded:
        remember_before(session)
    write_out(result, output, file=True)
    if loaded and output is not None:
        # written over a file tahapan reads (your own, or a --data/config file): a schedule change
        remember_after(session, output)
    from tahapan.cli.streams import say

    if imported.skipped:  # a notes sheet beside the schedule: said, so a missing sheet is seen
        say(
            tr(
                f"lembar dilewati (baris pertamanya bukan kolom jadwal): {', '.join(imported.skipped)}",
                f"sheets passed over (their first row is not schedule columns): "
                f"{', '.join(imported.skipped)}",
            )
        )
    say(
        tr(
            f"{imported.rows} baris, {len(imported.data['elections'])} pemilu",
            f"{imported.rows} rows, {len(imported.data['elections'])} elections",
        )
        + (f" → {output}" if output else "")
    )


def _is_loaded(output: Path, session: Session) -> bool:
    from tahapan.config import same_file, user_file

    return any(same_file(output, f) for f in (*session.files, user_file()))
