"""The README's first screen is a real command with its real output."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

from support import ROOT


def test_readme_console_block_is_real_output():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```console\n\$ (?P<cmd>[^\n]+)\n(?P<out>.*?)```", readme, re.S)
    assert block, "README.md has no ```console block with a $ command"
    argv = shlex.split(block["cmd"])
    assert argv[0] == "postmortems"
    result = subprocess.run(
        [sys.executable, "-m", "postmortems", *argv[1:]],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.stdout == block["out"], "README output is stale: rerun the command and paste it"


def test_readme_gives_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
