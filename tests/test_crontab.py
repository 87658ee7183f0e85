"""The documented crontab lines, run as cron runs them: the line cut at its first bare `%` (the rest is
the command's input), `\\%` turned into `%`, the crontab's variables and cron's own small environment,
through /bin/sh. A stand-in `mail` records what would have been mailed."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import installed_command
from test_readme import documents_text

CRON_PATH = "/usr/bin:/bin"  # what Debian's cron gives a job
FAKE_MAIL = """#!/bin/sh
# records each mail as: the arguments, a line "--", the body
{ printf '%s\\n' "$*"; echo --; cat; echo ==; } >> "$MAILBOX"
"""


def crontab_blocks() -> list[str]:
    return re.findall(r"```crontab\n(.*?)```", documents_text(), re.S)


def cron_split(command: str) -> tuple[str, str]:
    """cron's reading of a command field: `\\%` is a percent sign, the first bare `%` ends the
    command and the others in what follows become new lines of its input."""
    parts = re.split(r"(?<!\\)%", command)
    unescape = [part.replace("\\%", "%") for part in parts]
    return unescape[0], "\n".join(unescape[1:])


def jobs(block: str) -> tuple[dict[str, str], list[str]]:
    """A crontab's variables and its job commands (the five time fields taken off)."""
    variables: dict[str, str] = {}
    commands: list[str] = []
    for line in block.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        assignment = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)", line)
        if assignment:
            variables[assignment.group(1)] = assignment.group(2).strip().strip('"')
        else:
            commands.append(line.split(None, 5)[5])
    return variables, commands


@pytest.fixture
def cron(tmp_path):
    """Runs one crontab job as cron would, with the documented paths pointing into tmp_path."""
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    mail = fake_bin / "mail"
    mail.write_text(FAKE_MAIL)
    mail.chmod(0o755)
    opt = tmp_path / "opt"
    opt.mkdir()
    (tmp_path / "www").mkdir()
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    places = {
        "/opt/tahapan/pengingat.sh": str(opt / "pengingat.sh"),
        "/var/www/jadwal": str(tmp_path / "www"),
    }

    def localise(text: str) -> str:
        # the pages install tahapan in /opt/tahapan/.venv or a user's home: here, the installed one
        text = re.sub(r"/[\w./-]*/bin/tahapan\b", installed_command()[0], text)
        for documented, here in places.items():
            text = text.replace(documented, here)
        return text

    script = re.search(r"```sh\n(#!/bin/sh\n# pengingat\.sh.*?)```", documents_text(), re.S)
    assert script, "docs/cron.md lost its reminder script"
    (opt / "pengingat.sh").write_text(localise(script.group(1)))
    (opt / "pengingat.sh").chmod(0o755)

    def run(command: str, variables: dict[str, str], now: str) -> subprocess.CompletedProcess[str]:
        line, stdin = cron_split(localise(command))
        env = {
            "HOME": str(home),
            "LOGNAME": "ppk",
            "SHELL": "/bin/sh",
            "PATH": f"{fake_bin}:{CRON_PATH}",
            **variables,
            # the test's clock, its isolated folders and the server's zone: not cron's
            "TAHAPAN_NOW": now,
            "TZ": "UTC",
            "MAILBOX": str(tmp_path / "mailbox"),
        }
        return subprocess.run(
            ["/bin/sh", "-c", line],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    return run


def mails(tmp_path: Path) -> list[tuple[str, str]]:
    box = tmp_path / "mailbox"
    if not box.exists():
        return []
    found = []
    for entry in box.read_text().split("==\n"):
        if entry.strip():
            head, _, body = entry.partition("\n--\n")
            found.append((head, body))
    return found


def test_every_documented_crontab_runs_under_cron_rules(cron, tmp_path):
    blocks = crontab_blocks()
    assert len(blocks) >= 4
    ran = 0
    for block in blocks:
        variables, commands = jobs(block)
        assert variables.get("MAILTO", "x") != "", 'MAILTO="" hides a broken line'
        for command in commands:
            done = cron(command, variables, "2024-09-18T06:00:00+08:00")
            # the shell understood the whole line: what it printed is tahapan's or nothing
            assert "syntax error" not in done.stderr.lower() and "not found" not in done.stderr, (
                command,
                done.stderr,
            )
            assert done.returncode in (0, 1, 2, 75), (command, done.returncode, done.stderr)
            ran += 1
    assert ran >= 5


def test_the_reminder_script_mails_what_is_due_to_the_office(cron, tmp_path):
    variables, (command,) = jobs(next(b for b in crontab_blocks() if "pengingat.sh" in b))
    done = cron(command, variables, "2024-09-18T06:00:00+08:00")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    ((head, body),) = mails(tmp_path)
    assert head == "-s Tenggat tahapan ppk@example.go.id"
    assert body.splitlines() == [
        "2024-09-21\tH-67\tpilkada-2024\tpemutakhiran-data-pemilih/penetapan-dpt-kabkota\tberakhir"
        "\tPenetapan DPT tingkat kabupaten/kota\t3 hari lagi",
        "2024-09-21\tH-67\tpilkada-2024\tpenelitian-persyaratan\tberakhir"
        "\tPenelitian persyaratan calon\t3 hari lagi",
        "2024-09-25\tH-63\tpilkada-2024\tkampanye\tmulai\tPelaksanaan kampanye\t7 hari lagi",
    ]


def test_the_reminder_script_is_quiet_when_nothing_is_due(cron, tmp_path):
    variables, (command,) = jobs(next(b for b in crontab_blocks() if "pengingat.sh" in b))
    done = cron(command, variables, "2024-06-02T06:00:00+08:00")
    assert (done.returncode, done.stdout, done.stderr, mails(tmp_path)) == (0, "", "", [])


def test_the_reminder_script_mails_a_failure_to_the_administrator(cron, tmp_path):
    config = tmp_path / "home" / ".config" / "tahapan" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('election = "pemilu-2042"\n')
    variables, (command,) = jobs(next(b for b in crontab_blocks() if "pengingat.sh" in b))
    done = cron(command, variables, "2024-09-18T06:00:00+08:00")
    assert done.returncode == 0
    ((head, body),) = mails(tmp_path)
    assert head == "-s tahapan GAGAL (kode 2) admin@example.go.id"
    assert "pemilu-2042" in body


def test_cron_cuts_a_line_at_its_first_bare_percent():
    assert cron_split("printf '\\%s\\n' x") == ("printf '%s\\n' x", "")
    assert cron_split("printf '%s\\n' x") == ("printf '", "s\\n' x")
    assert cron_split("cat%a%b") == ("cat", "a\nb")


def test_the_script_needs_no_escaped_percent(tmp_path):
    """The script is a file, not a crontab line: `\\%` there would print a backslash."""
    script = re.search(r"```sh\n(#!/bin/sh\n# pengingat\.sh.*?)```", documents_text(), re.S)
    assert script and "\\%" not in script.group(1) and "printf '%s\\n'" in script.group(1)
