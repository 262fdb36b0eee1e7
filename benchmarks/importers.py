"""Importer throughput: records per second for each built-in importer, no window.

Each importer reads a generated file of its own format (deterministic, written once under
``benchmarks/.work/importers``); the best of three runs is reported beside the time Python's own
``json`` and orjson (which the importers use) take just to load the same bytes: the floor for
JSON sources. Alertmanager counts one record per firing and per resolution, Prometheus one per
sample.

Run: ``.venv/bin/python -m benchmarks importers`` (or ``python -m benchmarks.importers``).
Options: ``--scale F`` multiplies every record count (default 1.0).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from postmortems.importers import registry
from postmortems.importers.base import ImportOptions

WORK = Path(__file__).parent / ".work" / "importers"
VERSION = "2"
START = dt.datetime(2025, 1, 1, tzinfo=dt.UTC).timestamp()
BERLIN = dt.timezone(dt.timedelta(hours=1))


def _iso(seconds: float, zone: dt.tzinfo = dt.UTC) -> str:
    return dt.datetime.fromtimestamp(seconds, zone).isoformat()


def _slack(root: Path, n: int, rng: random.Random) -> None:
    users = [
        {"id": f"U{i:04d}", "real_name": f"User {i}", "tz": "Europe/Berlin"} for i in range(50)
    ]
    (root / "users.json").write_text(json.dumps(users))
    (root / "channels.json").write_text(json.dumps([{"id": "C1", "name": "c1"}]))
    per_day = 500
    for day, first in enumerate(range(0, n, per_day)):
        folder = root / f"c{day % 5}"
        folder.mkdir(exist_ok=True)
        base = START + day * 86400
        messages = []
        for i in range(first, min(first + per_day, n)):
            message = {
                "type": "message",
                "user": f"U{i % 50:04d}",
                "ts": f"{base + (i - first) * 150.5:.6f}",
                "text": "deploy looks fine <@U0003> see <https://x.example/d|dash>"
                if i % 10 == 0
                else "checking the replica lag on orders-db now",
            }
            if i % 20 == 0:
                message["thread_ts"] = message["ts"]
            messages.append(message)
        date = dt.date(2025, 1, 1) + dt.timedelta(days=day)
        (folder / f"{date.isoformat()}.json").write_text(json.dumps(messages, indent=1))


def _pagerduty(path: Path, n: int, rng: random.Random) -> None:
    kinds = ["trigger", "notify", "acknowledge", "annotate", "resolve"]
    entries = []
    for i in range(n):
        entry = {
            "id": f"R{i}",
            "type": f"{kinds[i % 5]}_log_entry",
            "summary": "Acknowledged by User 3",
            "created_at": _iso(START + i * 30, BERLIN),
            "incident": {"id": f"P{i // 5}", "summary": f"[#{i // 5}] errors"},
        }
        if i % 5 != 1:
            entry["agent"] = {"type": "user_reference", "summary": "User 3"}
        entries.append(entry)
    path.write_text(json.dumps({"log_entries": entries}, indent=1))


def _pagerduty_webhooks(path: Path, n: int, rng: random.Random) -> None:
    types = ["incident.triggered", "incident.acknowledged", "incident.resolved"]
    with path.open("w") as out:
        for i in range(n):
            event = {
                "event_type": types[i % 3],
                "occurred_at": _iso(START + i * 30),
                "agent": {"type": "user_reference", "summary": "User 3"},
                "data": {"id": f"P{i}", "number": i, "title": "errors on checkout"},
            }
            out.write(json.dumps({"event": event}) + "\n")


def _opsgenie(path: Path, n: int, rng: random.Random) -> None:
    logs = ["Alert created via API", "Alert acknowledged via web", "Alert closed via web"]
    data = [
        {
            "owner": "mia@example.com",
            "createdAt": _iso(START + i * 30),
            "log": logs[i % 3],
            "type": "system",
            "offset": f"{i}",
        }
        for i in range(n)
    ]
    path.write_text(json.dumps({"data": data}))


def _alertmanager(path: Path, n: int, rng: random.Random) -> None:
    with path.open("w") as out:
        for i in range(n // 5):
            alerts = [
                {
                    "status": "resolved" if j % 2 else "firing",
                    "labels": {"alertname": f"A{j}", "instance": f"i{i}"},
                    "annotations": {"summary": "latency high"},
                    "startsAt": _iso(START + i * 60 + j)[:-6] + ".123456789Z",
                    "endsAt": _iso(START + i * 60 + j + 30) if j % 2 else "0001-01-01T00:00:00Z",
                    "fingerprint": f"{i:08x}{j}",
                }
                for j in range(5)
            ]
            out.write(json.dumps({"version": "4", "status": "firing", "alerts": alerts}) + "\n")


def _prometheus(path: Path, n: int, rng: random.Random) -> None:
    series = 10
    result = [
        {
            "metric": {"__name__": "errors", "job": f"j{s}"},
            "values": [[START + i * 15, f"{rng.random() * 2:.3f}"] for i in range(n // series)],
        }
        for s in range(series)
    ]
    path.write_text(
        json.dumps({"status": "success", "data": {"resultType": "matrix", "result": result}})
    )


def _grafana(path: Path, n: int, rng: random.Random) -> None:
    items = [
        {
            "id": i,
            "dashboardUID": "d",
            "time": int((START + i * 30) * 1000),
            "timeEnd": int((START + i * 30 + (60 if i % 3 else 0)) * 1000),
            "text": "<b>Deploy</b> api" if i % 4 == 0 else "Deploy api",
            "tags": ["deploy"],
            "login": "mia",
        }
        for i in range(n)
    ]
    path.write_text(json.dumps(items))


def _github(path: Path, n: int, rng: random.Random) -> None:
    deployments = []
    for i in range(n // 3):
        deployments.append(
            {
                "id": i,
                "sha": f"{i:040x}",
                "ref": "main",
                "task": "deploy",
                "environment": "production",
                "creator": {"login": "mia"},
                "created_at": _iso(START + i * 90).replace("+00:00", "Z"),
                "statuses_url": f"https://api.github.com/repos/o/r/deployments/{i}/statuses",
                "statuses": [
                    {
                        "id": i * 10 + k,
                        "state": state,
                        "creator": {"login": "bot"},
                        "created_at": _iso(START + i * 90 + k * 10).replace("+00:00", "Z"),
                    }
                    for k, state in enumerate(("in_progress", "success"))
                ],
            }
        )
    path.write_text(json.dumps(deployments))


def _k8s(path: Path, n: int, rng: random.Random) -> None:
    items = [
        {
            "metadata": {"name": f"pod.{i}", "namespace": "shop"},
            "involvedObject": {"kind": "Pod", "name": f"pod-{i % 100}", "namespace": "shop"},
            "reason": "Unhealthy",
            "message": "Readiness probe failed",
            "source": {"component": "kubelet"},
            "firstTimestamp": _iso(START + i * 30).replace("+00:00", "Z"),
            "lastTimestamp": _iso(START + i * 30 + 300).replace("+00:00", "Z"),
            "count": 1 + i % 7,
            "type": "Warning" if i % 2 else "Normal",
            "eventTime": None,
        }
        for i in range(n)
    ]
    path.write_text(json.dumps({"apiVersion": "v1", "kind": "List", "items": items}))


def _git(path: Path, n: int, rng: random.Random) -> None:
    with path.open("w") as out:
        for i in range(n):
            zone = dt.timezone(dt.timedelta(hours=(i % 5) - 2))
            out.write(
                f"commit {i:040x}\nAuthor:     Dev {i % 30} <d@example.com>\n"
                f"AuthorDate: {_iso(START + i * 600 - 3600, zone)}\n"
                f"Commit:     Dev {i % 30} <d@example.com>\n"
                f"CommitDate: {_iso(START + i * 600, zone)}\n\n"
                f"    {'Revert change' if i % 50 == 0 else 'Change'} number {i}\n\n"
                " src/app.py | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n\n"
            )


def _csv(path: Path, n: int, rng: random.Random) -> None:
    with path.open("w") as out:
        out.write("time,message,user,type\n")
        for i in range(n):
            out.write(f"{_iso(START + i * 30)},Checked dashboard {i},mia,note\n")


def _jsonl(path: Path, n: int, rng: random.Random) -> None:
    with path.open("w") as out:
        for i in range(n):
            out.write(
                json.dumps({"timestamp": START + i * 30, "message": f"row {i}", "user": "mia"})
            )
            out.write("\n")


#: label -> (file name, base record count, generator)
SOURCES: dict[str, tuple[str, int, Callable[[Path, int, random.Random], None]]] = {
    "slack": ("slack", 200_000, _slack),
    "pagerduty": ("pagerduty.json", 100_000, _pagerduty),
    "pagerduty-webhooks": ("pagerduty_webhooks.jsonl", 100_000, _pagerduty_webhooks),
    "opsgenie": ("opsgenie.json", 100_000, _opsgenie),
    "alertmanager": ("alertmanager.jsonl", 100_000, _alertmanager),
    "prometheus": ("prometheus.json", 200_000, _prometheus),
    "grafana": ("grafana.json", 100_000, _grafana),
    "github": ("github.json", 90_000, _github),
    "k8s": ("k8s.json", 100_000, _k8s),
    "git": ("git.txt", 100_000, _git),
    "csv": ("events.csv", 200_000, _csv),
    "jsonl": ("events.jsonl", 200_000, _jsonl),
}


def _generate(scale: float) -> Path:
    root = WORK / f"v{VERSION}-x{scale:g}"
    marker = root / ".complete"
    if marker.exists():
        return root
    root.mkdir(parents=True, exist_ok=True)
    for name, count, make in SOURCES.values():
        target = root / name
        if name == "slack":
            target.mkdir(exist_ok=True)
        make(target, max(1, int(count * scale)), random.Random(7))
    marker.write_text("ok\n")
    return root


def _json_floor(path: Path, loads: Callable[[bytes], object]) -> float:
    """Seconds ``loads`` takes just to parse the file's JSON (each line of JSON Lines)."""
    files = sorted(path.rglob("*.json")) if path.is_dir() else [path]
    blobs = [f.read_bytes() for f in files]
    lines = path.suffix == ".jsonl"
    start = time.perf_counter()
    for blob in blobs:
        if lines:
            for line in blob.splitlines():
                loads(line)
        else:
            loads(blob)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.importers")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args(argv)
    root = _generate(args.scale)
    import orjson

    print(
        f"{'source':<20}{'records':>10}{'events':>10}{'best s':>9}{'records/s':>12}"
        f"{'json s':>9}{'orjson s':>10}"
    )
    for label, (name, _, _) in SOURCES.items():
        if args.only and label not in args.only:
            continue
        path = root / name
        importer = registry.detect(path)
        best = float("inf")
        events = records = 0
        for _ in range(3):
            start = time.perf_counter()
            result = importer.read(path, ImportOptions())
            best = min(best, time.perf_counter() - start)
            events = len(result.events)
            records = events + len(result.skipped)
            if label == "prometheus":
                records = sum(len(points) for points in result.series.values())
        floors = ""
        if name.endswith((".json", ".jsonl")) or name == "slack":
            floors = f"{_json_floor(path, json.loads):9.3f}{_json_floor(path, orjson.loads):10.3f}"
        print(f"{label:<20}{records:>10,}{events:>10,}{best:9.3f}{records / best:>12,.0f}{floors}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
