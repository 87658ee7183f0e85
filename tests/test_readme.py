"""The README's promises that CI depends on."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

import pytest

from conftest import REPO


def quickstart_lines() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- quickstart -->\n```sh\n(.*?)```\n<!-- /quickstart -->", text, re.S)
    assert block, "README lost its quick-start block"
    return block.group(1).strip().splitlines()


def test_quickstart_is_two_lines_install_then_test():
    first, second = quickstart_lines()
    assert "pip install ." in first and first.endswith("tahapan status")
    assert "'.[test]'" in second and second.endswith("python -m pytest")


def test_ci_runs_the_readme_test_line():
    printed = subprocess.run(
        ["bash", str(REPO / ".ci" / "run")],
        env={**os.environ, "CI_PRINT_ONLY": "1"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert printed == quickstart_lines()[1] + "\n"


DOCUMENTS = [REPO / "README.md", REPO / "CONTRIBUTING.md", *sorted((REPO / "docs").glob("*.md"))]


def documents_text() -> str:
    """The README and the pages it links to (docs/, CONTRIBUTING.md): the examples of all of them
    are run."""
    return "\n".join(path.read_text(encoding="utf-8") for path in DOCUMENTS)


def console_blocks() -> list[list[tuple[str, str]]]:
    """The documents' console blocks: each `$ tahapan ...` line with the output shown under it."""
    text = documents_text()
    blocks = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        examples = []
        for chunk in re.split(r"^(?=\$ )", block, flags=re.M):
            chunk = chunk.replace("\\\n", "")  # a command continued on the next line
            command, _, output = chunk.partition("\n")
            # "# shortened" marks an output rewritten for the page; a "..." line, one cut short
            if command.startswith("$ ") and "#" not in command:
                words = shlex.split(command[2:])
                env = words[: next(i for i, w in enumerate(words) if "=" not in w)]
                if words[len(env)] == "tahapan":
                    examples.append((command[2:], output))
        if examples:
            blocks.append(examples)
    return blocks


def readme_file(kind: str, marker: str) -> str:
    """The documents' example file of this kind (toml, csv) that holds ``marker``."""
    text = documents_text()
    return next(b for b in re.findall(rf"```{kind}\n(.*?)```", text, re.S) if marker in b)


BLOCKS = console_blocks()


@pytest.mark.parametrize("block", BLOCKS, ids=[b[0][0] for b in BLOCKS])
def test_readme_examples_print_what_the_readme_shows(cli, block, tmp_path, monkeypatch):
    # the README's sessions run in a folder holding its example files, at the pinned "now" of the tests
    monkeypatch.chdir(tmp_path)
    (tmp_path / "polda.toml").write_text(readme_file("toml", 'id = "ops-polda"'), encoding="utf-8")
    (tmp_path / "kantor.csv").write_text(readme_file("csv", "apel-siaga"), encoding="utf-8")
    (tmp_path / "rutin.toml").write_text(
        readme_file("toml", 'id = "kpu-kota-kediri"'), encoding="utf-8"
    )
    # "When the schedule changes": the shipped schedule, and a copy whose campaign ends earlier
    shipped = (REPO / "data" / "stages.toml").read_text(encoding="utf-8")
    (tmp_path / "jadwal-lama.toml").write_text(shipped, encoding="utf-8")
    moved = shipped.replace("revision = 2026-12-06", "revision = 2027-01-10", 1).replace(
        'end = 2024-11-23\nbasis = "PKPU 2/2024"',
        'end = 2024-11-20\nbasis = "PKPU 2/2024 sebagaimana diubah PKPU 99/2024"',
    )
    (tmp_path / "jadwal-baru.toml").write_text(moved, encoding="utf-8")
    # the README shows a Linux user's directories
    homes = {
        str(
            tmp_path / "config" / "tahapan" / "config.toml"
        ): "/home/ppk/.config/tahapan/config.toml",
        str(
            tmp_path / "data" / "tahapan" / "jadwal.toml"
        ): "/home/ppk/.local/share/tahapan/jadwal.toml",
    }
    for command, output in block:
        words = shlex.split(command)
        # `TAHAPAN_NOW=... tahapan status`: a variable set for that command alone
        env = words[: next(i for i, w in enumerate(words) if "=" not in w)]
        with monkeypatch.context() as scoped:
            for assignment in env:
                name, _, value = assignment.partition("=")
                scoped.setenv(name, value)
            result = cli(*words[len(env) + 1 :])
        shown = result.stdout + result.stderr
        for real, home in homes.items():
            shown = shown.replace(real, home)
        expected = [line.rstrip() for line in output.splitlines()]
        actual = [line.rstrip() for line in shown.splitlines()]
        assert shown_in_order(expected, actual), f"{command}:\n{shown}"


def shown_in_order(expected: list[str], actual: list[str]) -> bool:
    """The README's output against the real one. A "..." line stands for lines left out: each run
    of lines between them must appear whole, in order; without one, the outputs are equal."""
    if "..." not in expected:
        return expected == actual
    runs: list[list[str]] = [[]]
    for line in expected:
        if line == "...":
            runs.append([])
        else:
            runs[-1].append(line)
    if actual[: len(runs[0])] != runs[0]:
        return False  # the first run is where the output begins
    at = len(runs[0])
    for run in runs[1:]:
        found = next(
            (i for i in range(at, len(actual) - len(run) + 1) if actual[i : i + len(run)] == run),
            None,
        )
        if found is None:
            return False
        at = found + len(run)
    return at == len(actual) or expected[-1] == "..."


def test_cut_short_outputs_are_still_checked():
    actual = ["a", "b", "c", "d"]
    assert shown_in_order(["a", "..."], actual)
    assert shown_in_order(["...", "c", "d"], actual)
    assert shown_in_order(["a", "...", "d"], actual)
    assert not shown_in_order(["a", "...", "x"], actual)
    assert not shown_in_order(["...", "c"], actual)  # "c" is not where the output ends
    assert not shown_in_order(["b", "..."], actual)


def test_readme_examples_are_found():
    commands = [c for block in BLOCKS for c, _ in block]
    assert len(commands) >= 14
    assert "tahapan hitung 2023-11-28 .. 2024-02-10" in commands
    assert "tahapan pace coklit -e pilkada-2024 --done 53.33 --on 2024-07-01" in commands


def test_the_library_examples_print_what_the_page_shows(tmp_path):
    section = (REPO / "docs" / "library.md").read_text(encoding="utf-8")
    examples = re.findall(r"```python\n(.*?)```\n\n```text\n(.*?)```", section, re.S)
    assert len(examples) == 2
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    for code, shown in examples:
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            cwd=tmp_path,
        )
        assert done.stdout == shown


def test_crontab_lines_escape_their_percent_signs():
    """cron turns a bare % into a new line and feeds the rest to the command as input: a README
    crontab with `printf '%s'` never runs (seen under Debian's cron)."""
    blocks = re.findall(r"```crontab\n(.*?)```", documents_text(), re.S)
    assert len(blocks) >= 2
    for block in blocks:
        for line in block.splitlines():
            assert not re.search(r"(?<!\\)%", line), line


def test_the_readme_stays_short_and_links_every_page():
    """A newcomer reads the README in one sitting; the reference lives in docs/, each page linked."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 350
    for page in DOCUMENTS[1:]:
        assert f"]({page.relative_to(REPO).as_posix()})" in text, page.name


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_links_between_the_pages_lead_somewhere():
    for page in DOCUMENTS:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            file, _, anchor = target.partition("#")
            linked = (page.parent / file).resolve() if file else page
            assert linked.exists(), f"{page.name}: {target}"
            if anchor and linked.suffix == ".md":
                headings = re.findall(r"^#+ (.*)$", linked.read_text(encoding="utf-8"), re.M)
                assert anchor in {_anchor(h) for h in headings}, f"{page.name}: {target}"


def test_the_indonesian_guide_is_on_the_first_screen():
    first_screen = "\n".join((REPO / "README.md").read_text(encoding="utf-8").splitlines()[:24])
    assert "[Panduan singkat](docs/panduan.md)" in first_screen
    guide = (REPO / "docs" / "panduan.md").read_text(encoding="utf-8")
    # the guide's own headings are Indonesian: what an officer is looking for is found by its name
    headings = re.findall(r"^#+ (.*)$", guide, re.M)
    for words in ("Memasang", "Pengaturan awal", "Pengingat", "Telegram", "Task Scheduler",
                  "cron", "A4", "pemilu berikutnya", "PKPU berubah"):  # fmt: skip
        assert any(words in heading for heading in headings), words
