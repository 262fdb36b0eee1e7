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


def test_command_summaries_match_the_modules():
    """main.py repeats each command's HELP so that --help imports no command module."""
    import importlib

    from postmortems.cli.main import COMMANDS

    for name, (module_name, summary) in COMMANDS.items():
        assert summary == importlib.import_module(module_name).HELP, name


def test_top_level_help_imports_no_command_module():
    code = (
        "import sys; from postmortems.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('postmortems.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    loaded = out.stdout.strip().splitlines()[-1]
    assert "postmortems.cli.lint" not in loaded
    assert "postmortems.model" not in loaded
