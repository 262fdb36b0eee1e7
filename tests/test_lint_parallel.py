"""Many files reviewed in several processes give exactly what one process gives."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from postmortems.cli.main import main
from postmortems.review import parallel
from postmortems.review.session import Overrides, lint_paths

ROOT = Path(__file__).resolve().parents[1]
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")


@pytest.fixture
def folder(tmp_path):
    """Twenty-odd documents: the examples twice over, and three files that cannot be read."""
    examples = sorted(p for p in (ROOT / "examples").glob("*.md") if p.stem != "README")
    for copy in ("a", "b", "c"):
        for path in examples:
            shutil.copyfile(path, tmp_path / f"{copy}-{path.name}")
    (tmp_path / "b-binary.md").write_bytes(b"# T\x00\x01")
    (tmp_path / "b-latin1.md").write_bytes(b"# T\n\nCaf\xe9\n")
    (tmp_path / "c-broken-front-matter.md").write_text("---\ntitle: [x\n---\n# T\n")
    assert len(list(tmp_path.iterdir())) >= parallel.MIN_DOCUMENTS
    return tmp_path


def _outcome(run):
    return (
        run.exit_code(),
        [(r.path, r.source, r.findings, str(r.error), r.fail_on) for r in run.files],
        sorted(run.rules),
    )


@needs_fork
def test_the_same_reports_in_the_same_order(folder):
    serial = lint_paths([str(folder)], Overrides(), jobs=1)
    assert len(serial.errors) == 3
    assert _outcome(lint_paths([str(folder)], Overrides(), jobs=3)) == _outcome(serial)
    # the default: one process per CPU for this many files
    assert _outcome(lint_paths([str(folder)], Overrides())) == _outcome(serial)


@needs_fork
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_the_same_output_errors_and_exit_code(folder, capsys, fmt):
    results = []
    for jobs in ("1", "2"):
        code = main(["lint", "--format", fmt, "--jobs", jobs, str(folder)])
        out, err = capsys.readouterr()
        results.append((code, out, err))
    assert results[0] == results[1]
    assert results[0][0] == 2  # files that cannot be read
    assert results[0][2].count("\n") == 3


def test_few_files_or_one_cpu_review_in_this_process(monkeypatch):
    assert parallel.workers_for(1) == 1
    assert parallel.workers_for(parallel.MIN_DOCUMENTS - 1) == 1
    assert parallel.workers_for(5, jobs=1) == 1
    monkeypatch.setattr(parallel, "available_cpus", lambda: 1)
    assert parallel.workers_for(500) == 1
    monkeypatch.setattr(parallel, "available_cpus", lambda: 4)
    assert parallel.workers_for(500) == (4 if hasattr(os, "fork") else 1)
    assert parallel.workers_for(3, jobs=8) == (3 if hasattr(os, "fork") else 1)


@pytest.mark.parametrize("value", ["0", "-2", "many"])
def test_jobs_must_be_a_positive_number(value, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["lint", "--jobs", value, "."])
    assert stop.value.code == 2
    assert "--jobs" in capsys.readouterr().err
