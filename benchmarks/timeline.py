"""Timeline benchmark: a year of Slack (1,000,000 messages, 50 channels) plus 100,000 PagerDuty
log entries.

Measures, each beside the floor of Python's own ``json`` loading the same bytes:

(a) a two-hour window through the real CLI in a child process: wall time and the child's peak
    RSS (targets: < 5 s, < 500 MB);
(b) every event with no window: importing and merging in a child process, events per second
    (target: >= 200,000 events/s), with the merge alone and the CLI printing JSON shown too.

Run: ``make bench`` or ``.venv/bin/python -m benchmarks timeline``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks._timeline_data import CHANNELS, DAYS, MESSAGES, PD_ENTRIES, generate

WORK = Path(__file__).parent / ".work" / "timeline"
WINDOW = ("2024-09-10T14:00:00Z", "2024-09-10T16:00:00Z")
TARGET_WINDOW_S = 5.0
TARGET_WINDOW_MB = 500.0
TARGET_RATE = 200_000

# Runs the command given after it and prints its wall time and peak RSS (only this child's).
_MEASURE = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"wall": wall, "rss_mb": rss, "rc": done.returncode,
                  "err": done.stderr.decode()[-400:]}))
"""


def _measure(command: list[str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(out.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{result['err']}")
    return result


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "postmortems", "timeline", *args]


def _json_floor(paths: list[Path]) -> float:
    blobs = [p.read_bytes() for p in paths]
    t = time.perf_counter()
    for blob in blobs:
        json.loads(blob)
    return time.perf_counter() - t


def _window_files(root: Path) -> list[Path]:
    """The files the window can touch: PagerDuty, and day files within a day of it."""
    start = dt.datetime.fromisoformat(WINDOW[0]) - dt.timedelta(hours=36)
    end = dt.datetime.fromisoformat(WINDOW[1]) + dt.timedelta(hours=14)
    files = [root / "pagerduty.json"]
    for folder in sorted((root / "slack").iterdir()):
        if folder.is_dir():
            for day in sorted(folder.iterdir()):
                if start.date() <= dt.date.fromisoformat(day.stem) <= end.date():
                    files.append(day)
    return files


def _all_files(root: Path) -> list[Path]:
    return [root / "pagerduty.json", *sorted((root / "slack").glob("*/*.json"))]


def merge_child(root: str) -> None:
    """In a child process: import everything with no window and merge; print timings as JSON."""
    from postmortems.cli.timeline import load_sources
    from postmortems.importers.base import ImportOptions
    from postmortems.timeline import build_timeline, merge

    base = Path(root)
    t0 = time.perf_counter()
    results = load_sources([str(base / n) for n in ("slack", "pagerduty.json")], ImportOptions())
    t1 = time.perf_counter()
    merged = merge(*(r.events for r in results))
    t2 = time.perf_counter()
    timeline = build_timeline([r.events for r in results])
    t3 = time.perf_counter()
    print(
        json.dumps(
            {
                "events_in": sum(len(r.events) for r in results),
                "events": len(merged),
                "import_s": t1 - t0,
                "merge_s": t2 - t1,
                "build_s": t3 - t2,
                "moments": timeline.moment_times()["detected"] is not None,
            }
        )
    )


def main(argv: list[str]) -> int:
    if argv[:1] == ["--merge-child"]:
        merge_child(argv[1])
        return 0
    t = time.perf_counter()
    root = generate(WORK)
    generated = time.perf_counter() - t
    slack, pd = str(root / "slack"), str(root / "pagerduty.json")
    origin = f"generated in {generated:.0f} s" if generated > 1 else "cached"
    print(
        f"data: {MESSAGES:,} Slack messages ({CHANNELS} channels x {DAYS} days) + "
        f"{PD_ENTRIES:,} PagerDuty log entries under {root} ({origin})"
    )
    env_note = f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs"

    window = _measure(_cli(slack, pd, "--from", WINDOW[0], "--to", WINDOW[1], "--format", "json"))
    window_floor = _json_floor(_window_files(root))
    child = subprocess.run(
        [sys.executable, "-m", "benchmarks.timeline", "--merge-child", str(root)],
        capture_output=True,
        text=True,
        check=True,
    )
    merged = json.loads(child.stdout)
    full_floor = _json_floor(_all_files(root))
    cli_all = _measure(_cli(slack, pd, "--format", "json"))

    n = merged["events"]
    end_to_end = merged["import_s"] + merged["merge_s"]
    rows = [
        (
            "(a) 2-hour window, CLI (json out)",
            f"{window['wall']:.2f} s",
            f"< {TARGET_WINDOW_S:.0f} s",
            _ok(window["wall"] < TARGET_WINDOW_S),
        ),
        (
            "(a) peak RSS of that process",
            f"{window['rss_mb']:.0f} MB",
            f"< {TARGET_WINDOW_MB:.0f} MB",
            _ok(window["rss_mb"] < TARGET_WINDOW_MB),
        ),
        ("(c) json.loads of the files it needs", f"{window_floor:.2f} s", "floor", ""),
        (
            "(b) import + merge, no window",
            f"{n / end_to_end:,.0f} ev/s",
            f">= {TARGET_RATE:,} ev/s",
            _ok(n / end_to_end >= TARGET_RATE),
        ),
        ("    events", f"{n:,}", "", ""),
        ("    import (all sources)", f"{merged['import_s']:.2f} s", "", ""),
        (
            "    merge (sort + de-duplicate)",
            f"{merged['merge_s']:.2f} s ({n / merged['merge_s']:,.0f} ev/s)",
            "",
            "",
        ),
        ("    merge + moments + triggers", f"{merged['build_s']:.2f} s", "", ""),
        (
            "(c) json.loads of all the bytes",
            f"{full_floor:.2f} s ({n / full_floor:,.0f} ev/s)",
            "floor",
            "",
        ),
        (
            "    CLI, no window, json to /dev/null",
            f"{cli_all['wall']:.2f} s, {cli_all['rss_mb']:.0f} MB",
            "",
            "",
        ),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"timeline benchmark ({env_note})")
    print(f"{'measure':<{width}}  {'result':<28} {'target':<18} ok")
    for name, value, target, ok in rows:
        print(f"{name:<{width}}  {value:<28} {target:<18} {ok}")
    return 0


def _ok(passed: bool) -> str:
    return "yes" if passed else "NO"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
