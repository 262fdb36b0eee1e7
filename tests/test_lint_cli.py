"""`postmortems lint` end to end, in-process: exit codes, paths, stdin, bad files, config.

The built-in rules change as they are written, so these tests run the test-only rules of
tests/lint_helpers.py (registered into the default registry for the duration of a test) and
select them explicitly.
"""

from __future__ import annotations

import io
import json
import sys
import textwrap

import pytest

from lint_helpers import TEST_RULES
from postmortems.cli.main import main
from postmortems.review import RULES

CLEAN = "# Outage\n\n## Summary\n\nThe cache stopped refreshing.\n"
WARN = "# Outage\n\n## Summary\n\nA careless engineer ran the script.\n"
INFO = "# Outage\n\n## Summary\n\nTODO: numbers\n"
ERROR = "# Outage\n\n## Impact\n\nNone.\n"


@pytest.fixture(autouse=True)
def demo_rules():
    for rule in TEST_RULES:
        RULES.register(rule)
    yield
    for rule in TEST_RULES:
        RULES.unregister(rule.id)


@pytest.fixture
def lint(capsys, monkeypatch):
    def run(*args, stdin=None, select="demo,other"):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        argv = ["lint", *args]
        if select:
            argv += ["--select", select]
        code = main(argv)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


@pytest.mark.parametrize(
    ("text", "options", "code"),
    [
        (CLEAN, [], 0),
        (WARN, [], 1),
        (INFO, [], 0),
        (INFO, ["--fail-on", "info"], 1),
        (WARN, ["--fail-on", "error"], 0),
        (ERROR, ["--fail-on", "error"], 1),
        (WARN, ["--ignore", "demo.word"], 0),
    ],
)
def test_exit_codes(tmp_path, lint, text, options, code):
    path = write(tmp_path, "a.md", text)
    assert lint(str(path), *options)[0] == code


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "demo.wrod"], "--select: unknown rule or family 'demo.wrod' (did you mean"),
        (["--ignore", "nope"], "--ignore: unknown rule or family 'nope'"),
        (["--format", "xml"], "unknown format 'xml' (choose text, json, sarif, github"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path, lint, args, message):
    path = write(tmp_path, "a.md", CLEAN)
    code, _, err = lint(str(path), *args, select=None)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_argparse_errors_exit_2(lint):
    with pytest.raises(SystemExit) as exc:
        lint("--fail-on", "fatal")
    assert exc.value.code == 2


def test_folders_recurse_into_markdown_and_skip_hidden(tmp_path, lint):
    write(tmp_path, "b/2.md", WARN)
    write(tmp_path, "a.md", WARN)
    write(tmp_path, "notes.txt", WARN)
    write(tmp_path, ".git/x.md", WARN)
    write(tmp_path, "README.md", WARN)
    write(tmp_path, "b/c/3.markdown", WARN)
    code, out, _ = lint(str(tmp_path), "--format", "json")
    paths = [f["path"] for f in json.loads(out)]
    assert paths == [str(tmp_path / p) for p in ("a.md", "b/2.md", "b/c/3.markdown")]
    assert code == 1


def test_stdin_with_and_without_a_filename(tmp_path, lint):
    code, out, _ = lint("-", "--format", "json", stdin=WARN.encode())
    assert code == 1
    assert [f["path"] for f in json.loads(out)] == ["<stdin>"]
    code, out, _ = lint(
        "-", "--stdin-filename", "docs/pm.md", "--format", "json", stdin=WARN.encode()
    )
    assert [(f["path"], f["line"], f["column"]) for f in json.loads(out)] == [("docs/pm.md", 5, 3)]


def test_stdin_that_is_not_utf8_is_an_input_error(lint):
    code, _, err = lint("-", stdin=b"# T\n\n\xff\xfe bad\n")
    assert code == 2
    assert err.startswith("postmortems: <stdin>")
    assert "UTF-8" in err


def test_bad_files_are_reported_and_the_others_still_reviewed(tmp_path, lint):
    good = write(tmp_path, "1-good.md", WARN)
    binary = write(tmp_path, "2-binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1 = write(tmp_path, "3-latin1.md", "# Caf\xe9\n\ncareless\n".encode("latin-1"))
    missing = tmp_path / "4-missing.md"
    also_good = write(tmp_path, "5-good.md", WARN)
    args = [str(p) for p in (good, binary, latin1, missing, also_good)]
    code, out, err = lint(*args, "--format", "json")
    assert code == 2
    assert {f["path"] for f in json.loads(out)} == {str(good), str(also_good)}
    lines = err.strip().splitlines()
    assert len(lines) == 3
    for line, path in zip(lines, (binary, latin1, missing), strict=True):
        assert line.startswith(f"postmortems: {path}")
        assert "error:" in line
        assert "Traceback" not in err


def test_a_crash_on_one_file_is_one_line_and_the_others_are_reviewed(tmp_path, lint, monkeypatch):
    from postmortems import document

    real = document.parse_file

    def flaky(path):
        if path.endswith("2.md"):
            raise IndexError("list index out of range")
        return real(path)

    monkeypatch.setattr(document, "parse_file", flaky)
    paths = [str(write(tmp_path, f"{n}.md", WARN)) for n in (1, 2, 3)]
    code, out, err = lint(*paths, "--format", "json")
    assert code == 2
    assert [f["path"] for f in json.loads(out)] == [paths[0], paths[2]]
    assert err == (
        f"postmortems: {paths[1]}: error: internal error while reviewing: IndexError: list index "
        "out of range (please report it with the document)\n"
    )


def test_a_crashing_rule_is_reported_per_file(tmp_path, lint):
    from lint_helpers import Crashing

    RULES.register(Crashing)
    try:
        path = write(tmp_path, "a.md", WARN)
        code, _, err = lint(str(path), select="demo.crash")
    finally:
        RULES.unregister(Crashing.id)
    assert code == 2
    assert err.startswith(f"postmortems: {path}: error: rule demo.crash crashed: ZeroDivisionError")


def test_unreadable_file(tmp_path, lint):
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    locked = write(tmp_path, "locked.md", WARN)
    locked.chmod(0)
    code, _, err = lint(str(locked))
    assert code == 2
    assert err.startswith(f"postmortems: {locked}")


# -- configuration ---------------------------------------------------------------------------


def test_pyproject_is_found_by_walking_up(tmp_path, lint):
    write(
        tmp_path,
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.postmortems.lint]\nignore = ["demo.word"]\n',
    )
    path = write(tmp_path, "docs/incidents/a.md", WARN)
    assert lint(str(path))[0] == 0


def test_a_pyproject_without_our_table_is_skipped(tmp_path, lint):
    write(tmp_path, ".postmortems.toml", '[lint]\nignore = ["demo.word"]\n')
    write(tmp_path, "docs/pyproject.toml", '[project]\nname = "x"\n')
    path = write(tmp_path, "docs/a.md", WARN)
    assert lint(str(path))[0] == 0


def test_the_nearest_file_wins_and_dedicated_beats_pyproject(tmp_path, lint):
    write(tmp_path, ".postmortems.toml", '[lint]\nignore = ["demo.word"]\n')
    write(tmp_path, "team/pyproject.toml", "[tool.postmortems.lint]\nfail-on = 'info'\n")
    write(tmp_path, "team/.postmortems.toml", "[lint]\nfail_on = 'error'\n")
    path = write(tmp_path, "team/a.md", WARN)
    assert lint(str(path))[0] == 0  # fail-on error from the dedicated file
    (tmp_path / "team/.postmortems.toml").unlink()
    assert lint(str(path))[0] == 1  # now the pyproject: warnings fail, demo.word not ignored


def test_severity_overrides_and_fail_on_from_config(tmp_path, lint):
    write(
        tmp_path,
        ".postmortems.toml",
        '[lint]\nfail-on = "error"\n[lint.severity]\n"demo.word" = "error"\n',
    )
    path = write(tmp_path, "a.md", WARN)
    code, out, _ = lint(str(path), "--format", "json")
    assert code == 1
    assert json.loads(out)[0]["severity"] == "error"
    assert lint(str(path), "--fail-on", "error", "--ignore", "demo")[0] == 0


def test_explicit_config_file(tmp_path, lint):
    config = write(tmp_path, "conf/lint.toml", '[lint]\nallowed-phrases = ["careless engineer"]\n')
    path = write(tmp_path, "a.md", WARN)
    assert lint(str(path))[0] == 1
    assert lint(str(path), "--config", str(config))[0] == 0


def test_rule_options_from_config(tmp_path, lint):
    write(tmp_path, ".postmortems.toml", '[lint.rules."demo.word"]\nword = "script"\n')
    path = write(tmp_path, "a.md", WARN)
    _, out, _ = lint(str(path), "--format", "json")
    assert [f["column"] for f in json.loads(out)] == [29]


CONFIG_ERRORS = [
    ('[lint]\nselect = ["demo"]\nfail-onn = "error"\n', 3, "unknown lint setting 'fail-onn'"),
    ('[lint]\n\nselect = ["demo.wrod"]\n', 3, "unknown rule or family 'demo.wrod'"),
    ("[lint]\nfail-on = 'fatal'\n", 2, "fail-on: unknown severity 'fatal'"),
    ('[lint.severity]\n"demo.word" = "loud"\n', 2, "severity.demo.word: unknown severity 'loud'"),
    ('[lint]\nseverity = { "nope.x" = "error" }\n', 2, "unknown rule or family 'nope.x'"),
    ('[lint.rules."demo.word"]\nwords = "x"\n', 2, "rule demo.word has no option 'words'"),
    (
        "[lint]\nreview-deadline-days = -1\n",
        2,
        "review-deadline-days must be a whole number of days",
    ),
    ('[lint.required-sections]\nincident = ["summery"]\n', 2, "unknown section 'summery'"),
    ('[lint.required-sections]\nincidnt = ["summary"]\n', 2, "unknown kind 'incidnt'"),
    ("[lint]\nnames = 'Ana'\n", 2, "names must be a list of strings"),
    ("[lint]\nselect = [\n", 2, "invalid TOML: Invalid value"),
]


@pytest.mark.parametrize(("toml", "line", "message"), CONFIG_ERRORS)
def test_config_errors_name_file_and_line(tmp_path, lint, toml, line, message):
    config = write(tmp_path, ".postmortems.toml", toml)
    path = write(tmp_path, "a.md", CLEAN)
    code, out, err = lint(str(path), select=None)
    assert code == 2
    assert err.startswith(f"postmortems: {config}:{line}: error: {message}"), err
    assert len(err.strip().splitlines()) == 1
    assert out == ""


def test_pyproject_errors_point_into_pyproject(tmp_path, lint):
    config = write(
        tmp_path,
        "pyproject.toml",
        textwrap.dedent(
            """\
            [project]
            name = "x"

            [tool.postmortems.lint]
            select = ["demo"]
            colour = "always"
            """
        ),
    )
    path = write(tmp_path, "a.md", CLEAN)
    code, _, err = lint(str(path), select=None)
    assert code == 2
    assert f"{config}:6: error: unknown lint setting 'colour'" in err


def test_list_rules(lint):
    code, out, _ = lint("--list-rules", select=None)
    assert code == 0
    assert "demo.word" in out and "lint.suppression" in out
