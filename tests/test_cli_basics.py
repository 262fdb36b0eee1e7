import subprocess
import sys

from postmortems.cli.main import main


def test_help_lists_commands(capsys):
    assert main([]) == 0
    assert "postmortems" in capsys.readouterr().out


def test_module_entry_point_runs():
    out = subprocess.run(
        [sys.executable, "-m", "postmortems", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert out.stdout.startswith("postmortems ")
