"""`show`, `fmt` and `convert` through the real command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from postmortems.cli.main import main
from support import FIXTURES, GOLDEN

CANONICAL = FIXTURES / "documents" / "canonical" / "orders-migration.md"
FREEFORM = FIXTURES / "documents" / "freeform" / "google-style.md"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command in a subprocess: what a user sees, tracebacks included."""
    return subprocess.run(
        [sys.executable, "-m", "postmortems", *args],
        capture_output=True,
        text=True,
        input=None if stdin is None else stdin.decode(),
        timeout=60,
    )


def test_show_json_contract(capsys):
    assert main(["show", str(CANONICAL), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {
        "meta",
        "sections",
        "timeline",
        "contributing_factors",
        "action_items",
        "moments",
        "metrics",
        "problems",
    }
    assert data["sections"][0] == {"title": "Summary", "key": "summary", "line": 37}
    assert data["timeline"][1]["time"] == "2025-02-14T08:58:55Z"
    assert data["timeline"][1]["marker"] == "detected"
    assert data["moments"] == {
        "started": "2025-02-14T08:50:05Z",
        "detected": "2025-02-14T08:58:55Z",
        "acknowledged": "2025-02-14T09:00:55Z",
        "mitigated": "2025-02-14T09:31:00Z",
        "resolved": "2025-02-14T09:40:20Z",
    }
    assert data["metrics"] == {
        "time_to_detect_s": 530.0,
        "time_to_acknowledge_s": 120.0,
        "time_to_mitigate_s": 2455.0,
        "time_to_resolve_s": 3015.0,
    }
    first = data["action_items"][0]
    assert {k: first[k] for k in ("text", "owner", "due", "status", "line")} == {
        "text": "Reject migrations that take an ACCESS EXCLUSIVE lock in CI",
        "owner": "Leo Novak",
        "due": "2025-03-01",
        "status": "open",
        "line": 84,
    }
    assert data["contributing_factors"][0]["line"] == 60
    assert data["problems"] == []


def test_show_text_matches_golden(capsys, update_golden):
    assert main(["show", str(FREEFORM)]) == 0
    out = capsys.readouterr().out.replace(str(FREEFORM), "google-style.md")
    golden = GOLDEN / "show" / "google-style.txt"
    if update_golden:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_fmt_check_and_rewrite(tmp_path):
    target = tmp_path / "doc.md"
    target.write_text("## Summary\n\n\n\ntext\n## Impact\nnone\n", encoding="utf-8")
    assert main(["fmt", "--check", str(target)]) == 1
    assert main(["fmt", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == "## Summary\n\ntext\n\n## Impact\n\nnone\n"
    assert main(["fmt", "--check", str(target)]) == 0
    shutil.copy(CANONICAL, tmp_path / "canonical.md")
    assert main(["fmt", "--check", str(tmp_path)]) == 0


def test_convert_moves_metadata_to_front_matter(tmp_path, capsys):
    assert main(["convert", str(FREEFORM)]) == 0
    out = capsys.readouterr().out
    # " #" would start a YAML comment, so the title is quoted.
    assert out.startswith("---\ntitle: 'Shakespeare Sonnet++ Postmortem (incident #465)'\n")
    assert "**Date**" not in out and "date: 2015-10-21" in out
    converted = tmp_path / "converted.md"
    assert main(["convert", str(FREEFORM), "-o", str(converted)]) == 0
    assert converted.read_text(encoding="utf-8") == out


BAD_INPUTS = {
    "malformed-front-matter.md": (b"---\ntitle: [oops\n---\n\n## Summary\n", 3, "front matter"),
    "binary.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, "binary file"),
    "latin1.md": ("## Summary\n\nCaf\u00e9 down\n".encode("latin-1"), 3, "not valid UTF-8"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
@pytest.mark.parametrize("command", ["show", "fmt", "convert"])
def test_bad_input_is_one_line_with_path_and_line(tmp_path, name, command):
    data, line, message = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    result = run_cli(command, str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"postmortems: {path}:{line}: error: ")
    assert message in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission bits")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.md"
    path.write_text("## Summary\n", encoding="utf-8")
    path.chmod(0)
    result = run_cli("show", str(path))
    assert result.returncode == 2
    assert "permission denied" in result.stderr


@pytest.mark.parametrize("target", ["missing.md", "."])
def test_missing_path_or_directory_as_file(tmp_path, target):
    result = run_cli("convert", str(tmp_path / target))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_unreadable_file_among_good_ones_still_shows_the_others(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x00\x01")
    result = run_cli("show", str(bad), str(CANONICAL))
    assert result.returncode == 2
    assert "Order writes failed" in result.stdout


def test_permission_denied_is_one_line(tmp_path, monkeypatch, capsys):
    """Root reads files whatever their mode, so the denial is simulated where it happens."""
    from postmortems.document import parse

    path = tmp_path / "locked.md"
    path.write_text("## Summary\n", encoding="utf-8")

    def deny(name):
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr(parse, "_read_bytes", deny)
    assert main(["show", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"postmortems: {path}: error: permission denied (check the file's permissions)"]
