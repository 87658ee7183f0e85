"""The README's promises that CI depends on."""

from __future__ import annotations

import os
import re
import subprocess

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
