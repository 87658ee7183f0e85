"""Every test runs with a fixed terminal, no user environment, and user directories in tmp_path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tahapan.cli import app
from tahapan.i18n import Words, set_language

# a message the core gave in both languages must be printed through said(): fail where it is not
Words.strict = True

REPO = Path(__file__).resolve().parents[1]

#: a small schedule file, valid on its own: one election with one stage
LATIHAN = """\
schema = 1

[[elections]]
id = "latihan"
name = "Latihan"
name_en = "Drill"
voting_day = 2025-03-01
basis = "Catatan kantor"

[[elections.stages]]
id = "rapat"
name = "Rapat koordinasi"
name_en = "Coordination meeting"
start = 2025-01-10
end = 2025-01-12
basis = "Undangan"
confidence = "P"
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--in-process",
        action="store_true",
        help="only what runs tahapan in this process (mutation runs, docs/testing.md): tests that "
        "start a subprocess are dropped or skipped, as a mutant in mutants/src never reaches them",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--in-process"):
        return
    dropped = [item for item in items if "run" in getattr(item, "fixturenames", ())]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if item not in dropped]


@pytest.fixture(autouse=True)
def in_process_only(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under --in-process, a test that starts any other program is skipped where it starts it."""
    if request.config.getoption("--in-process"):

        def refuse(*args: object, **kwargs: object) -> None:
            pytest.skip("starts a subprocess: not run with --in-process")

        monkeypatch.setattr(subprocess.Popen, "__init__", refuse)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in list(os.environ):
        if name.startswith("TAHAPAN_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("COLUMNS", "80")
    # the machine's own zone counts when it is Indonesian: tests run as on a server kept in UTC
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    # a morning in the 2024 campaign, so that "today" is reproducible
    monkeypatch.setenv("TAHAPAN_NOW", "2023-11-29T08:00:00+07:00")
    yield
    set_language("id")


@pytest.fixture
def cli():
    """Invoke the app through Typer's CliRunner; returns the Result (stdout and stderr apart)."""
    runner = CliRunner()

    def invoke(*args: str, **kwargs):
        return runner.invoke(app, list(args), **kwargs)

    return invoke


def installed_command() -> list[str]:
    """The `tahapan` console script installed beside this interpreter."""
    script = Path(sys.executable).with_name("tahapan")
    if script.exists():
        return [str(script)]
    found = shutil.which("tahapan")
    assert found, "the tahapan console script is not installed"
    return [found]


@pytest.fixture
def run():
    """Run the installed `tahapan` in a subprocess, as a user would."""

    def _run(*args: str, env: dict[str, str] | None = None, cmd: list[str] | None = None):
        full_env = {**os.environ, **(env or {})}
        return subprocess.run(
            [*(cmd or installed_command()), *args],
            capture_output=True,
            text=True,
            env=full_env,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )

    return _run


def modules_loaded_by(*args: str) -> set[str]:
    """Every module imported by running the console entry point with ``args`` in a fresh
    interpreter (as the installed `tahapan` runs)."""
    # said at exit: a run ends at once when no exit handler is left to call (cli/__init__.py)
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(' '.join(sorted(sys.modules)), file=sys.stderr))\n"
        f"sys.argv = ['tahapan', *{list(args)!r}]; from tahapan.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stderr.splitlines()[-1].split())


def packages_loaded_by(*args: str) -> set[str]:
    """The top-level packages among ``modules_loaded_by(*args)``."""
    return {name.split(".")[0] for name in modules_loaded_by(*args)}


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


#: .ci/run installs Chromium in CI, so there the test runs (and fails without it) rather than skips
needs_chromium = pytest.mark.skipif(
    not chromium() and not os.environ.get("CI"),
    reason="Chromium is not installed here (.ci/run installs it in CI)",
)


def print_html(page: Path, tmp_path: Path) -> Path:
    """``page`` printed to PDF by headless Chromium, as an office would print it (A4, no header)."""
    printed = tmp_path / f"{page.stem}-printed.pdf"
    subprocess.run(
        [
            chromium() or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
            f"--print-to-pdf={printed}", page.as_uri(),
        ],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return printed


def commands_of(group, path: tuple[str, ...] = ()):
    """Every command under a Click group, with its path: ("stage", "add"), ..."""
    for name, command in group.commands.items():
        yield (*path, name), command
        if hasattr(command, "commands"):  # a group of subcommands
            yield from commands_of(command, (*path, name))
