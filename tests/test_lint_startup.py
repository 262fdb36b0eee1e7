"""What a one-file lint imports: the heavy modules it used to pay for stay out of its way.

Not a timing test: it checks which modules get imported, the cause of most start-up cost.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

DOCUMENT = """\
---
title: Checkout errors after the payments deploy
kind: incident
date: 2025-03-04
started: 2025-03-04T13:00:00Z
authors: [Ana Silva]
participants:
  - name: Bo Chen
    role: incident commander
---

# Checkout errors after the payments deploy

## Summary

Checkout failed for 40 minutes after the 14:05 deploy.
"""


def test_a_lint_imports_no_dataclasses_yaml_pathlib_or_metadata(tmp_path: Path) -> None:
    path = tmp_path / "2025-03-04-checkout.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import contextlib, io, sys
        from postmortems.cli.main import main
        with contextlib.redirect_stdout(io.StringIO()):
            main(["lint", {str(path)!r}])
        heavy = ["dataclasses", "inspect", "yaml", "importlib.metadata", "statistics", "pathlib"]
        print(sorted(name for name in heavy if name in sys.modules))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_lint_imports_neither_typing_nor_shutil(tmp_path: Path) -> None:
    # typing (~12M instructions) is only for the type checker; shutil came with argparse's help
    # formatter and brought bz2 and lzma.
    path = tmp_path / "2025-03-04-checkout.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    for fmt in ("text", "json", "sarif", "github"):
        script = textwrap.dedent(
            f"""
            import io, sys
            from postmortems.cli.main import main
            sys.stdout = io.StringIO()
            main(["lint", "--format", {fmt!r}, {str(path)!r}])
            sys.stdout = sys.__stdout__
            print(sorted(name for name in ("typing", "shutil", "lzma") if name in sys.modules))
            """
        )
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "[]", fmt
