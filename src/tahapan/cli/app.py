"""The Typer application: commands are registered here, and errors become messages here only."""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from tahapan.errors import DataError, ExitCode, TahapanError
from tahapan.i18n import tr

DEBUG_VARIABLE = "TAHAPAN_DEBUG"


def _debug() -> bool:
    return os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")


def report_error(err: TahapanError) -> None:
    if isinstance(err, DataError):
        # FILE:LINE: at the start of each line, where editors and grep look for it
        count = len(err.problems)
        sys.stderr.write(
            "tahapan: "
            + tr(
                f"berkas tidak bisa dipakai ({count} masalah):",
                f"file cannot be used ({count} problem{'s' if count > 1 else ''}):",
            )
            + "\n"
        )
        sys.stderr.write("".join(f"{problem}\n" for problem in err.problems))
        if err.hint:
            sys.stderr.write(f"  {err.hint}\n")
        return
    lines = err.lines()
    sys.stderr.write(f"tahapan: {lines[0]}\n")
    for line in lines[1:]:
        sys.stderr.write(f"  {line}\n")


class TahapanGroup(TyperGroup):
    """Converts the one error family into a message on stderr and its exit code, for every command."""

    def invoke(self, ctx: Any) -> Any:
        try:
            result = super().invoke(ctx)
            # flush here, so that a reader that went away is noticed while we can still handle it
            sys.stdout.flush()
            return result
        except TahapanError as err:
            if _debug():
                raise
            report_error(err)
            raise typer.Exit(int(err.exit_code)) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            _quiet_broken_pipe()
        except Exception as err:
            # click's own usage errors pass through to its standard handling (exit 2)
            if type(err).__module__.startswith("typer.") or _debug():
                raise
            sys.stderr.write(
                "tahapan: "
                + tr(
                    f"kesalahan internal ({type(err).__name__}: {err}). Mohon laporkan; "
                    f"{DEBUG_VARIABLE}=1 menampilkan rinciannya.",
                    f"internal error ({type(err).__name__}: {err}). Please report it; "
                    f"{DEBUG_VARIABLE}=1 shows the details.",
                )
                + "\n"
            )
            raise typer.Exit(int(ExitCode.INTERNAL)) from None


app = typer.Typer(
    cls=TahapanGroup,
    name="tahapan",
    help="Tahapan pemilu: di mana hari ini dalam jadwal resmi, hitung mundur, dan tenggat. "
    "Election stages: where today falls in the official timetables, countdowns and deadlines.",
    no_args_is_help=False,
    invoke_without_command=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from tahapan import __version__

        typer.echo(f"tahapan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colour or styles, as when NO_COLOR is set.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Tahapan pemilu: di mana hari ini dalam jadwal resmi, hitung mundur, dan tenggat.

    Election stages from the official KPU schedules: where today falls, countdowns and deadlines.
    Without a command, tahapan runs `status` for today.
    """
    if no_color:
        # Rich and the plain renderers both honour NO_COLOR; one switch for every command
        os.environ["NO_COLOR"] = "1"
    if ctx.invoked_subcommand is None:
        # invoking the Command (not its function) lets click fill in each option's default
        status_command = ctx.command.get_command(ctx, "status")  # type: ignore[attr-defined]
        ctx.invoke(status_command)


def _register() -> None:
    from tahapan.cli import arith, check, config_cmd, exchange, files, listing, stage_cmd, status

    app.command("status")(status.status)
    app.command("list")(listing.list_stages)
    app.command("show")(listing.show)
    app.command("check")(check.check)
    app.command("hitung", context_settings=arith.ARITHMETIC_SETTINGS)(arith.hitung)
    app.command(
        "calc",
        context_settings=arith.ARITHMETIC_SETTINGS,
        help="Alias of `hitung`: date arithmetic with days, working days and spans.",
    )(arith.hitung)
    app.command("pace")(arith.pace)
    app.command("validate")(files.validate)
    app.command("regions")(files.regions)
    app.command("export")(exchange.export)
    app.command("import")(exchange.import_csv)
    app.add_typer(config_cmd.config_app)
    app.add_typer(stage_cmd.stage_app)


_register()


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(int(ExitCode.INTERRUPTED))
    except BrokenPipeError:
        _quiet_broken_pipe()


def _quiet_broken_pipe() -> None:
    # The reader (`| head -1`) has gone: say nothing, and keep Python from complaining again at
    # exit when it flushes stdout.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(int(ExitCode.BROKEN_PIPE))
