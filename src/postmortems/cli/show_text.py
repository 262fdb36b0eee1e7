"""The terminal view of ``postmortems show``."""

from __future__ import annotations

import datetime as dt

from postmortems.metrics import document_moments, durations
from postmortems.model import MOMENTS, Postmortem, get_kind
from postmortems.model.sections import SECTION_BY_KEY


def human_duration(seconds: float | None) -> str:
    """``1h 02m``, ``4m``, ``35s``; ``-`` when unknown."""
    if seconds is None:
        return "-"
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds))
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{sign}{days}d {hours}h"
    if hours:
        return f"{sign}{hours}h {minutes:02d}m"
    if minutes:
        return f"{sign}{minutes}m" + (f" {secs:02d}s" if secs else "")
    return f"{sign}{secs}s"


def _when(value: dt.datetime | None) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M") if value else "-"


def render_text(pm: Postmortem) -> str:
    """A readable summary of one document."""
    meta = pm.meta
    kind = get_kind(meta.kind)
    out: list[str] = [pm.path or "<stdin>"]
    facts = " · ".join(x for x in (meta.kind, meta.severity, meta.status) if x)
    out.append(f"  {meta.title or '(untitled)'}  [{facts}]")
    if meta.services:
        out.append(f"  services: {', '.join(meta.services)}")
    people = ", ".join(meta.authors)
    if people:
        out.append(f"  authors: {people}")
    keys = {s.key for s in pm.sections if s.key}
    found = [s.key or s.title for s in pm.sections]
    out.append(f"  sections: {', '.join(found) if found else '(none)'}")
    missing = [" or ".join(SECTION_BY_KEY[k].title for k in alts) for alts in kind.missing(keys)]
    if missing:
        out.append(f"  missing ({kind.title.lower()}): {', '.join(missing)}")
    moments = document_moments(pm)
    out.append("  key moments (UTC): " + ", ".join(f"{m} {_when(moments[m])}" for m in MOMENTS))
    metrics = durations(moments)
    out.append(
        "  durations: "
        + ", ".join(
            f"{name.removeprefix('time_to_').removesuffix('_s')} {human_duration(value)}"
            for name, value in metrics.items()
        )
    )
    timed = sum(1 for e in pm.timeline if e.time)
    out.append(f"  timeline: {len(pm.timeline)} entries, {timed} with a time")
    factors = pm.contributing_factors or pm.root_causes
    label = "contributing factors" if pm.contributing_factors else "root causes"
    out.append(f"  {label} ({len(factors)}):")
    out.extend(f"    - {_clip(item.text)}" for item in factors)
    out.append(f"  action items ({len(pm.action_items)}):")
    for item in pm.action_items:
        owner = item.owner or "no owner"
        due = item.due.isoformat() if item.due else (item.due_text or "no due date")
        status = item.status or "open"
        out.append(f"    - [{status}] {_clip(item.text, 70)} ({owner}, {due})")
    for problem in pm.problems:
        out.append(f"  problem: line {problem.line}: {problem.message}")
    return "\n".join(out)


def _clip(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
