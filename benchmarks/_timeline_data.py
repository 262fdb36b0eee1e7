"""Generated exports for the timeline benchmark: a year of a busy Slack workspace and PagerDuty.

Deterministic (fixed seed), written once under ``benchmarks/.work/timeline`` and reused. Shapes
follow the official export formats: Slack workspace export (users.json, channels.json, one
folder per channel and one file per *local* day, here America/Los_Angeles), PagerDuty REST v2
``log_entries`` with ``created_at`` in the account's zone.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import zoneinfo
from pathlib import Path

VERSION = "1"
CHANNELS = 50
DAYS = 365
MESSAGES = 1_000_000
PD_ENTRIES = 100_000
FIRST_DAY = dt.date(2024, 3, 1)
WORKSPACE_ZONE = zoneinfo.ZoneInfo("America/Los_Angeles")
ACCOUNT_ZONE = zoneinfo.ZoneInfo("Europe/Berlin")

_VOCABULARY = """
the deploy api latency error rate checkout orders payments db replica lag queue worker
looks fine to me can you check dashboard graph spike p99 timeout retry cache redis kafka
consumer node pod restart config flag rollout canary merge review ticket customer support
we should probably i think this is related to yesterday's change on the main branch thanks
for looking into it let me know when you have a minute please take a look
"""
_WORDS = _VOCABULARY.split()


def _sentence(rng: random.Random, users: list[str]) -> str:
    # Message sizes of real channels: mostly short, a long tail of paragraphs.
    n = min(int(rng.lognormvariate(2.4, 0.8)) + 1, 120)
    words = rng.choices(_WORDS, k=n)
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words) + 1), f"<@{rng.choice(users)}>")
    if rng.random() < 0.08:
        words.append(f"<https://grafana.example.com/d/{rng.randrange(10**6)}|dashboard>")
    return " ".join(words).capitalize()


def generate(root: Path) -> Path:
    """Write the data under ``root`` unless it is already there; return ``root``."""
    marker = root / f".complete-{VERSION}"
    if marker.exists():
        return root
    rng = random.Random(20250214)
    slack = root / "slack"
    slack.mkdir(parents=True, exist_ok=True)
    users = [f"U{n:05d}" for n in range(300)]
    (slack / "users.json").write_text(
        json.dumps(
            [
                {
                    "id": u,
                    "name": f"user{n}",
                    "real_name": f"User {n}",
                    "tz": "America/Los_Angeles",
                    "profile": {"real_name": f"User {n}", "display_name": f"user{n}"},
                }
                for n, u in enumerate(users)
            ]
        )
    )
    channels = [f"team-{n:02d}" for n in range(CHANNELS)]
    (slack / "channels.json").write_text(
        json.dumps(
            [
                {"id": f"C{n:05d}", "name": c, "created": 1700000000, "members": users[:20]}
                for n, c in enumerate(channels)
            ]
        )
    )
    per_file = MESSAGES // (CHANNELS * DAYS)
    extra = MESSAGES - per_file * CHANNELS * DAYS
    for c, channel in enumerate(channels):
        folder = slack / channel
        folder.mkdir(exist_ok=True)
        for d in range(DAYS):
            day = FIRST_DAY + dt.timedelta(days=d)
            count = per_file + (1 if c * DAYS + d < extra else 0)
            local0 = dt.datetime.combine(day, dt.time(), WORKSPACE_ZONE).timestamp()
            stamps = sorted(local0 + rng.random() * 86399 for _ in range(count))
            messages = []
            for ts in stamps:
                message: dict[str, object] = {"type": "message", "ts": f"{ts:.6f}"}
                if rng.random() < 0.07:
                    message.update(subtype="bot_message", bot_id="B00001", username="deploybot")
                else:
                    message["user"] = rng.choice(users)
                message["text"] = _sentence(rng, users)
                if rng.random() < 0.05:
                    message["thread_ts"] = f"{ts - rng.random() * 600:.6f}"
                if rng.random() < 0.03:
                    message["edited"] = {"user": message.get("user", ""), "ts": f"{ts + 30:.6f}"}
                messages.append(message)
            (folder / f"{day.isoformat()}.json").write_text(json.dumps(messages, indent=1))
    _pagerduty(root / "pagerduty.json", rng)
    marker.write_text("ok\n")
    return root


def _pagerduty(path: Path, rng: random.Random) -> None:
    types = [
        ("trigger_log_entry", "Triggered through the API"),
        ("notify_log_entry", "Notified User 3 by phone"),
        ("acknowledge_log_entry", "Acknowledged by User 3"),
        ("annotate_log_entry", "Note added"),
        ("escalate_log_entry", "Escalated to level 2"),
        ("resolve_log_entry", "Resolved by User 3"),
    ]
    start = dt.datetime.combine(FIRST_DAY, dt.time(), dt.UTC).timestamp()
    entries = []
    incident = 0
    while len(entries) < PD_ENTRIES:
        incident += 1
        when = start + rng.random() * DAYS * 86400
        for kind, summary in types:
            when += rng.random() * 600
            local = dt.datetime.fromtimestamp(when, ACCOUNT_ZONE)
            entry: dict[str, object] = {
                "id": f"R{len(entries):08d}",
                "type": kind,
                "summary": summary,
                "created_at": local.isoformat(timespec="seconds"),
                "incident": {
                    "id": f"P{incident:06d}",
                    "type": "incident_reference",
                    "summary": f"[#{incident}] Service {incident % 40} error rate high",
                },
                "service": {"id": "PSVC001", "type": "service_reference", "summary": "api"},
            }
            if kind != "notify_log_entry":
                entry["agent"] = {"id": "PU003", "type": "user_reference", "summary": "User 3"}
            entries.append(entry)
    path.write_text(json.dumps({"log_entries": entries[:PD_ENTRIES], "more": False}, indent=1))
