"""Deterministic inputs for the lint benchmark: one 2,000-line postmortem, the corpus x20."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"

SERVICES = ["checkout", "payments-api", "fraud-check", "search", "auth", "ledger", "cdn-edge"]
PEOPLE = ["Ana Silva", "Bo Chen", "Cy Okafor", "Dee Novak", "Eli Haddad", "Fay Moreau"]
EVENTS = [
    "Deploy of {svc} v{v} starts (canary 5%)",
    "Alert fires: {svc} p99 latency above 800 ms for 5 minutes",
    "{person} acknowledges the page and opens the incident channel",
    "Error rate on {svc} reaches {n}% of requests",
    "{person} rolls back {svc} to v{v}",
    "Database connection pool on {svc} saturated ({n} of 200 connections in use)",
    "Status page updated: degraded performance on {svc}",
    "Traffic shifted away from the affected zone; errors drop to {n}%",
    "Cache hit ratio on {svc} falls from 94% to {n}%",
    "Incident commander hands over to {person}",
    "Customer support reports {n} tickets about failed payments",
    "Config change to {svc} feature flag reverted",
    "Metrics confirm recovery; {svc} latency back under SLO",
]
FACTORS = [
    "The canary analysis compared error rates only, so a latency regression passed it.",
    "The runbook for {svc} still described the pre-migration topology.",
    "Alert thresholds on {svc} were tuned for weekday traffic and fired late at the weekend.",
    "Staging did not exercise batch sizes above 100, so the slow path was never tested.",
    "Retries without jitter in {svc} multiplied load on the database during recovery.",
    "Ownership of the shared connection pool was unclear after the team reorganisation.",
]
ACTIONS = [
    "Page on {svc} p99 latency above 800 ms for 5 minutes",
    "Add latency to the canary analysis of {svc}",
    "Update the {svc} runbook for the new topology",
    "Improve monitoring",
    "Add jitter to {svc} client retries",
    "Investigate the connection pool",
    "Run a load test with batches of 1,000 on staging before each {svc} release",
]


def _paragraphs() -> list[str]:
    """Prose paragraphs from the corpus and examples (real writing), if present."""
    found: list[str] = []
    for folder in (CORPUS, EXAMPLES):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.md")):
            if path.stem.lower() in ("readme", "template", "license"):
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            for block in re.split(r"\n\s*\n", text):
                block = block.strip()
                if len(block) > 80 and not block.startswith(("#", "|", "-", "*", "<", "`", "---")):
                    found.append(block)
    return found


def long_postmortem(lines: int = 2000, seed: int = 7) -> str:
    """A realistic incident review of exactly ``lines`` lines, the same on every run."""
    rng = random.Random(seed)
    prose = _paragraphs() or [rng.choice(FACTORS).format(svc="checkout")]
    start = dt.datetime(2025, 3, 4, 13, 0, tzinfo=dt.UTC)

    def fill(template: str) -> str:
        return template.format(
            svc=rng.choice(SERVICES),
            person=rng.choice(PEOPLE),
            v=f"4.{rng.randint(0, 40)}.{rng.randint(0, 9)}",
            n=rng.randint(2, 99),
        )

    out = [
        "---",
        "title: Checkout latency and failed payments after the fraud-check rollout",
        "kind: incident",
        "severity: SEV-2",
        "status: in-review",
        "started: 2025-03-04T13:00:00Z",
        "detected: 2025-03-04T13:09:00Z",
        "resolved: 2025-03-04T17:40:00Z",
        "review_date: 2025-03-07",
        f"authors: [{PEOPLE[0]}]",
        "participants:",
        *[f"  - name: {p}\n    role: responder" for p in PEOPLE[1:]],
        "---",
        "",
        "# Checkout latency and failed payments after the fraud-check rollout",
        "",
    ]
    out = "\n".join(out).split("\n")
    sections = [
        "Summary",
        "Impact",
        "Timeline",
        "Root cause",
        "Contributing factors",
        "What went well",
        "What went poorly",
        "Where we got lucky",
        "Lessons learned",
        "Action items",
    ]
    budget = lines - len(out)
    share = {"Timeline": 0.4, "Action items": 0.15, "Contributing factors": 0.1}
    for title in sections:
        target = int(budget * share.get(title, 0.05))
        body: list[str] = [f"## {title}", ""]
        if title == "Timeline":
            body += ["All times UTC.", ""]
            t = start
            while len(body) < target:
                t += dt.timedelta(seconds=rng.randint(20, 400))
                body.append(f"- {t:%Y-%m-%d %H:%M} {fill(rng.choice(EVENTS))}")
        elif title == "Action items":
            body += ["| Action | Owner | Due | Status |", "| --- | --- | --- | --- |"]
            while len(body) < target:
                due = start.date() + dt.timedelta(days=rng.randint(7, 90))
                owner = rng.choice([*PEOPLE, ""])
                body.append(f"| {fill(rng.choice(ACTIONS))} | {owner} | {due} | open |")
        elif title == "Contributing factors":
            while len(body) < target:
                body.append(f"- {fill(rng.choice(FACTORS))}")
        else:
            while len(body) < target:
                body += [rng.choice(prose).replace("\n", " "), ""]
        out += [*body[:target], ""]
    while len(out) < lines:
        out.append(rng.choice(prose).replace("\n", " ") if len(out) % 2 else "")
    return "\n".join(out[:lines]) + "\n"


def corpus_copies(dest: Path, copies: int = 20) -> list[Path]:
    """The shared corpus's Markdown files copied ``copies`` times under ``dest``; their paths."""
    if dest.exists():
        shutil.rmtree(dest)
    files = sorted(p for p in CORPUS.rglob("*.md"))
    out = []
    for n in range(copies):
        for path in files:
            target = dest / f"copy{n:02d}" / path.relative_to(CORPUS)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            out.append(target)
    return out
