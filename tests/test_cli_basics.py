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


def test_options_may_sit_between_paths(capsys, tmp_path):
    """`lint a.md --select blame b.md` reviews both files, as users of other linters expect."""
    import json

    files = []
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("# Outage\n\nThe cache failed to refresh.\n")
        files.append(str(tmp_path / name))
    code = main(["lint", files[0], "--format", "json", "--select", "section,timeline", files[1]])
    assert code == 1
    findings = json.loads(capsys.readouterr().out)
    assert len({f["path"] for f in findings}) == 2, "both files reviewed"
    assert {f["rule"].split(".")[0] for f in findings} <= {"section", "timeline"}


def test_unknown_option_between_paths_is_a_usage_error(capsys):
    import pytest

    with pytest.raises(SystemExit) as exit_info:
        main(["lint", "a.md", "--no-such-option", "b.md"])
    assert exit_info.value.code == 2
    assert "--no-such-option" in capsys.readouterr().err
