"""The Typer application: commands are registered here, and errors become messages here only."""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any, NoReturn

import typer

from tahapan.cli import help_cache
from tahapan.cli.help import Command, Group, h, options_metavar, subcommand_metavar
from tahapan.errors import DataError, ExitCode, OutputError, TahapanError
from tahapan.i18n import said, tr

DEBUG_VARIABLE = "TAHAPAN_DEBUG"


def _debug() -> bool:
    return os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")


def report_error(err: TahapanError) -> None:
    """The error on stderr; a reader of stderr that went away (`2>&1 | true`) does not change the
    exit code, which stays the error's own: cron tells a bad input from a due deadline by it."""
    try:
        _write_error(err)
        sys.stderr.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stderr.fileno())  # and Python's own flush at exit says nothing


def _write_error(err: TahapanError) -> None:
    from tahapan.render.lines import message, message_width, wrap
    from tahapan.text import safe_lines  # messages echo file text: never a control character raw

    if isinstance(err, DataError):
        # FILE:LINE: at the start of each line, where editors and grep look for it
        count = len(err.problems)
        width = message_width()
        header = tr(
            f"berkas tidak dapat dipakai ({count} masalah):",
            f"file cannot be used ({count} problem{'s' if count > 1 else ''}):",
        )
        out = wrap(header, width, first="tahapan: ")
        for problem in err.problems:
            for line in safe_lines(said(problem)).split("\n"):
                out += wrap(line, width)
        if err.hint:
            out += wrap(safe_lines(said(err.hint)), width, first="  ")
        sys.stderr.write("".join(f"{line}\n" for line in out))
        return
    sys.stderr.write(message([safe_lines(said(line)) for line in err.lines()]))


class TahapanGroup(Group):
    """Converts the one error family into a message on stderr and its exit code, for every command;
    usage errors too, in the chosen language."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        from typer._click.exceptions import ClickException
        from typer.exceptions import Abort

        try:
            code = super().main(*args, **{**kwargs, "standalone_mode": False})
        except ClickException as err:
            if not standalone_mode:
                raise
            from tahapan.cli.help import report

            report(err)
            sys.exit(err.exit_code)
        except Abort:
            if not standalone_mode:
                raise
            sys.stderr.write("tahapan: " + tr("dibatalkan", "aborted") + "\n")
            sys.exit(int(ExitCode.ATTENTION))
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)

    def get_help(self, ctx: Any) -> str:
        page = str(super().get_help(ctx))
        help_cache.keep(page)  # `tahapan --help`: the next run prints it as it is
        return page

    def invoke(self, ctx: Any) -> Any:
        # each run starts loud: a -q of an earlier run in this process (tests, a library caller)
        # is not this one's; the command's own --quiet is read after this, as its options are
        from tahapan.render.notes import be_quiet

        be_quiet(False)
        try:
            code = super().invoke(ctx)
            # flush here, so that a reader that went away is noticed while we can still handle it
            sys.stdout.flush()
            if code:  # a command ends with its result's exit code (None or 0: success)
                raise typer.Exit(int(code))
            return code
        except TahapanError as err:
            if _debug():  # the traceback, and still the error's own exit code (cron reads it)
                import traceback

                traceback.print_exc()
            if isinstance(err, OutputError):
                from tahapan.cli.streams import discard_stdout

                discard_stdout()
            report_error(err)
            raise typer.Exit(int(err.exit_code)) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            _quiet_broken_pipe()
        except Exception as err:
            # Typer's and Click's own (usage errors above all) go on to TahapanGroup.main, which
            # says them again in the chosen language (exit 2)
            if type(err).__module__.startswith("typer."):
                raise
            if _debug():  # the traceback, and still the internal error's code (not Python's 1)
                import traceback

                traceback.print_exc()
                raise typer.Exit(int(ExitCode.INTERNAL)) from None
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


def _version(value: bool) -> None:
    if value:
        from tahapan import __version__

        typer.echo(f"tahapan {__version__}")
        raise typer.Exit()


def _root(
    ctx: typer.Context,
    no_color: Annotated[
        bool,
        typer.Option(
            "--no-color", help=h("root.no-color", "No colour or styles, as when NO_COLOR is set.")
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help=h("root.version", "Show the version and exit."),
        ),
    ] = False,
) -> int | None:
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
        code: int | None = ctx.invoke(status_command)
        return code
    return None


#: command -> (module in tahapan.cli.commands, options for app.command), in the order of --help.
#: A module's `command` is its function, or the Typer of its subcommands; its OPTIONS, if any, apply
#: under every name it is registered by.
COMMANDS: dict[str, tuple[str, dict[str, Any]]] = {
    "status": ("status", {}),
    "list": ("list", {}),
    "show": ("show", {}),
    "check": ("check", {}),
    "hitung": ("hitung", {}),
    "calc": (
        "hitung",
        {
            "help": h(
                "calc", "Alias of `hitung`: date arithmetic with days, working days and spans."
            )
        },
    ),
    "pace": ("pace", {}),
    "validate": ("validate", {}),
    "changes": ("changes", {}),
    "perubahan": (
        "changes",
        {"help": h("perubahan", "Alias of `changes`: what changed in the schedules.")},
    ),
    "data": ("data", {}),
    "publish": ("publish", {}),
    "regions": ("regions", {}),
    "calendar": ("calendar", {}),
    "export": ("export", {}),
    "import": ("import_", {}),
    "config": ("config", {}),
    "stage": ("stage", {}),
    "election": ("election", {}),
    "kasus": ("kasus", {}),
}


def build_app(names: list[str] | None = None) -> typer.Typer:
    """The Typer app with the named commands (all when None).

    A run registers only the command it runs: importing and converting the others would cost
    start-up time on every cron run (see bench/run.py).
    """
    import importlib

    app = typer.Typer(
        cls=TahapanGroup,
        name="tahapan",
        help=h(
            "root",
            "Election stages: where today falls in the official timetables, countdowns and "
            "deadlines. Without a command, tahapan runs `status`, with its options.",
        ),
        no_args_is_help=False,
        invoke_without_command=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
        options_metavar=options_metavar(),
        subcommand_metavar=subcommand_metavar(),
    )
    app.callback()(_root)
    for name in names if names is not None else list(COMMANDS):
        module_name, options = COMMANDS[name]
        module = importlib.import_module(f"tahapan.cli.commands.{module_name}")
        if isinstance(module.command, typer.Typer):
            app.add_typer(module.command, name=name, **options)
        else:
            options = {"cls": Command, "options_metavar": options_metavar()}
            options |= getattr(module, "OPTIONS", {}) | COMMANDS[name][1]
            app.command(name, **options)(module.command)
    return app


_ROOT_FLAGS = {"--no-color", "--version"}
#: options of `tahapan` itself; any other option before a command is one of `status`'s
_ROOT_OPTIONS = {*_ROOT_FLAGS, "-h", "--help", "--install-completion", "--show-completion"}


def with_command(argv: list[str]) -> list[str]:
    """Bare `tahapan` is `tahapan status`, options included: `tahapan -r papua` and `tahapan --on
    besok` run status with them (the root's own options keep their meaning)."""
    for i, arg in enumerate(argv):
        if arg in _ROOT_OPTIONS:
            continue
        if arg.startswith("-") and arg.split("=", 1)[0] not in _ROOT_OPTIONS:
            # `tahapan --lang en status`: a command named later takes the options before it
            later = next((j for j in range(i + 1, len(argv)) if argv[j] in COMMANDS), None)
            if later is not None:
                command_options = [a for a in argv[i:later] if a != "--"]
                return [*argv[:i], argv[later], *command_options, *argv[later + 1 :]]
            return [*argv[:i], "status", *argv[i:]]
        return argv  # a command (or a word click will name as unknown)
    if set(argv) <= {"--no-color"}:  # `tahapan --no-color`: status, without colour
        return [*argv, "status"]
    return argv


def _needed(argv: list[str]) -> list[str] | None:
    """The one command this command line runs, when it is plain; None: build them all (help,
    completion, an unknown or misspelt command, so that click can say what exists)."""
    if any(name.startswith("_TAHAPAN_COMPLETE") for name in os.environ):
        return None
    for arg in argv:
        if arg in _ROOT_FLAGS:
            continue
        if arg in COMMANDS:
            return [arg]
        return None
    return ["status"]  # bare `tahapan` (or with root flags only) runs status


def __getattr__(name: str) -> Any:
    # `from tahapan.cli.application import app`: the whole app, for tests and documentation tools
    if name == "app":
        return build_app()
    raise AttributeError(name)


def main() -> None:
    """Console-script entry point."""
    from tahapan.cli.streams import prepare

    prepare()
    try:
        argv = with_command(sys.argv[1:])
        _choose_language(argv)
        help_cache.drawing(argv)
        build_app(_needed(argv))(args=argv)
    except (OutputError, BrokenPipeError) as err:
        output_failed(err)
    except KeyboardInterrupt:
        sys.exit(int(ExitCode.INTERRUPTED))


def output_failed(err: OutputError | BrokenPipeError) -> NoReturn:
    """--help or --version to a full disk or a closed stdout (a message and its exit code), or to a
    reader that went away (quiet)."""
    if isinstance(err, BrokenPipeError):
        _quiet_broken_pipe()
    from tahapan.cli.streams import discard_stdout

    discard_stdout()
    report_error(err)
    sys.exit(int(err.exit_code))


def _choose_language(argv: list[str]) -> None:
    """The language of the help and of usage errors, known before the commands are built."""
    from tahapan.cli.help import install
    from tahapan.cli.language import choose_language

    install()
    choose_language(argv)


def _quiet_broken_pipe() -> NoReturn:
    # The reader (`| head -1`) has gone: say nothing, and keep Python from complaining again at
    # exit when it flushes stdout.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(int(ExitCode.BROKEN_PIPE))
