"""Helpers shared by the benchmarks: paths, timing of whole commands, printing tables."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / ".work"
SHARED = Path(os.environ.get("POSTMORTEMS_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
BIN = Path(sys.executable).parent


def corpus_files() -> list[Path]:
    """The shared corpus (empty when ../shared is absent)."""
    return sorted(CORPUS.glob("*/*.md")) if CORPUS.is_dir() else []


def time_command(
    argv: Sequence[str], *, runs: int = 15, warmup: int = 2, cwd: Path | None = None
) -> dict[str, float]:
    """Wall time of a whole command (process start included): min, median and max seconds.

    Uses hyperfine when it is installed, else repeated subprocess runs.
    """
    if shutil.which("hyperfine"):
        export = WORK / "hyperfine.json"
        WORK.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "hyperfine",
                "--style",
                "none",
                "--warmup",
                str(warmup),
                "--runs",
                str(runs),
                "--export-json",
                str(export),
                "-N",
                " ".join(_quote(a) for a in argv),
            ],
            check=True,
            capture_output=True,
            cwd=cwd,
        )
        import json

        result = json.loads(export.read_text())["results"][0]
        times = result["times"]
    else:
        for _ in range(warmup):
            subprocess.run(argv, capture_output=True, cwd=cwd)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(argv, capture_output=True, cwd=cwd)
            times.append(time.perf_counter() - started)
    return {"min": min(times), "median": statistics.median(times), "max": max(times)}


def _quote(arg: str) -> str:
    import shlex

    return shlex.quote(arg)


def table(rows: list[Sequence[object]], header: Sequence[str]) -> str:
    """A plain aligned text table."""
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
