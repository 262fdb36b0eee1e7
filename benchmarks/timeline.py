"""Timeline benchmark: a year of Slack (1,000,000 messages, 50 channels) plus 100,000 PagerDuty
log entries.

Measures, each beside the floor of Python's own ``json`` loading the same bytes:

(a) a two-hour window through the real CLI in a child process: wall time and the child's peak
    RSS (targets: < 5 s, < 500 MB);
(b) every event with no window, in a child process: merging (sort + de-duplicate) in events per
    second (target: >= 200,000 events/s), and importing + merging, and the CLI printing JSON.

Wall time and CPU time are both shown: the machine is often shared, and CPU time is what the
code costs.

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
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "rss_mb": usage.ru_maxrss / 1024, "rc": done.returncode,
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


def _json_floor(paths: list[Path], loads=json.loads) -> tuple[float, float]:
    """Wall and CPU seconds ``loads`` takes over the files' bytes (read beforehand)."""
    blobs = [p.read_bytes() for p in paths]
    t, c = time.perf_counter(), time.process_time()
    for blob in blobs:
        loads(blob)
    return time.perf_counter() - t, time.process_time() - c


def _orjson_loads():
    """orjson's loads when installed (the importers use it where it accepts the bytes)."""
    try:
        import orjson
    except ImportError:
        return None
    return orjson.loads


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
    clock = time.perf_counter
    cpu = time.process_time
    t0, c0 = clock(), cpu()
    results = load_sources([str(base / n) for n in ("slack", "pagerduty.json")], ImportOptions())
    t1, c1 = clock(), cpu()
    merged = merge(*(r.events for r in results))
    t2, c2 = clock(), cpu()
    timeline = build_timeline([r.events for r in results])
    t3, c3 = clock(), cpu()
    print(
        json.dumps(
            {
                "events_in": sum(len(r.events) for r in results),
                "events": len(merged),
                "import_s": t1 - t0,
                "import_cpu": c1 - c0,
                "merge_s": t2 - t1,
                "merge_cpu": c2 - c1,
                "build_s": t3 - t2,
                "build_cpu": c3 - c2,
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
    fast = _orjson_loads()
    fast_floor = _json_floor(_all_files(root), fast) if fast else None
    fast_window = _json_floor(_window_files(root), fast) if fast else None
    cli_all = _measure(_cli(slack, pd, "--format", "json"))

    n = merged["events"]
    end_to_end = merged["import_s"] + merged["merge_s"]
    end_to_end_cpu = merged["import_cpu"] + merged["merge_cpu"]
    rows = [
        ("(a) 2-hour window, CLI (json out)", _wc(window["wall"], window["cpu"]),
         f"< {TARGET_WINDOW_S:.0f} s", _ok(window["wall"] < TARGET_WINDOW_S)),
        ("(a) peak RSS of that process", f"{window['rss_mb']:.0f} MB",
         f"< {TARGET_WINDOW_MB:.0f} MB", _ok(window["rss_mb"] < TARGET_WINDOW_MB)),
        ("(c) json.loads of the files it needs", _wc(*window_floor), "floor", ""),
        *([("    orjson.loads of the same", _wc(*fast_window), "floor", "")]
          if fast_window else []),
        ("(b) merge (sort + de-duplicate), all", _rate(n, merged["merge_s"], merged["merge_cpu"]),
         f">= {TARGET_RATE:,} ev/s", _ok(n / merged["merge_s"] >= TARGET_RATE)),
        ("    import + merge, no window", _rate(n, end_to_end, end_to_end_cpu),
         f">= {TARGET_RATE:,} ev/s", _ok(n / end_to_end >= TARGET_RATE)),
        ("    events", f"{n:,}", "", ""),
        ("    import (all sources)", _wc(merged["import_s"], merged["import_cpu"]), "", ""),
        ("    merge + moments + triggers", _wc(merged["build_s"], merged["build_cpu"]), "", ""),
        ("(c) json.loads of all the bytes", _rate(n, *full_floor), "floor", ""),
        *([("    orjson.loads of all the bytes", _rate(n, *fast_floor), "floor", "")]
          if fast_floor else []),
        ("    CLI, no window, json to /dev/null",
         f"{_wc(cli_all['wall'], cli_all['cpu'])}, {cli_all['rss_mb']:.0f} MB", "", ""),
    ]  # fmt: skip
    width = max(len(r[0]) for r in rows)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"timeline benchmark ({env_note}, load average {load:.1f}; wall / CPU time)")
    print(f"{'measure':<{width}}  {'result':<40} {'target':<18} ok")
    for name, value, target, ok in rows:
        print(f"{name:<{width}}  {value:<40} {target:<18} {ok}")
    return 0


def _wc(wall: float, cpu: float) -> str:
    return f"{wall:.2f} s / {cpu:.2f} s cpu"


def _rate(n: int, wall: float, cpu: float) -> str:
    return f"{n / wall:,.0f} ev/s ({n / cpu:,.0f} per cpu s)"


def _ok(passed: bool) -> str:
    return "yes" if passed else "NO"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
