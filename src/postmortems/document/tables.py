"""Canonical Markdown tables for the timeline and the action items."""

from __future__ import annotations

import datetime as dt

from postmortems.document.zones import resolve_zone
from postmortems.model import ActionItem, Marker, TimelineEvent


def table(header: list[str], rows: list[list[str]]) -> str:
    """A pipe table: no padding, ``---`` separators, pipes in cells escaped."""
    lines = [_row(header), _row(["---"] * len(header))]
    lines.extend(_row([_cell(c) for c in row]) for row in rows)
    return "\n".join(lines)


def _row(cells: list[str]) -> str:
    return "|" + "|".join(f" {c} " if c else " " for c in cells) + "|"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def format_time(when: dt.datetime, zone: dt.tzinfo) -> str:
    """``YYYY-MM-DD HH:MM`` (``:SS`` when set) in ``zone``; a different own offset is kept."""
    own = when.utcoffset()
    local = when.astimezone(zone)
    shown = local if local.utcoffset() == own else when
    text = shown.strftime("%Y-%m-%d %H:%M:%S" if shown.second else "%Y-%m-%d %H:%M")
    if shown is when and local.utcoffset() != own:
        text += " " + shown.strftime("%z")[:3] + ":" + shown.strftime("%z")[3:]
    return text


def timeline_section_body(events: list[TimelineEvent], zone_name: str = "UTC") -> str:
    """The body of a canonical Timeline section: the zone line, then the table.

    Only events with a time are written; the Actor, Source and Moment columns appear when some
    event has a value for them. Moments inferred from wording are not written as moments.
    """
    zone = resolve_zone(zone_name) or dt.UTC
    timed = [e for e in events if e.time is not None]
    moment = [
        e.marker if e.marker != Marker.NONE.value and not e.marker_inferred else "" for e in timed
    ]
    columns = ["Time", "Event"]
    extra = [
        ("Actor", [e.actor or "" for e in timed]),
        ("Source", [e.source or "" for e in timed]),
        ("Moment", moment),
    ]
    extra = [(name, values) for name, values in extra if any(values)]
    columns += [name for name, _ in extra]
    rows = []
    for index, event in enumerate(timed):
        assert event.time is not None
        rows.append([format_time(event.time, zone), event.text, *(v[index] for _, v in extra)])
    return f"All times in {zone_name}.\n\n" + table(columns, rows)


def action_items_body(items: list[ActionItem]) -> str:
    """The body of a canonical Action items section: one table."""
    optional = [
        ("ID", [i.id or "" for i in items]),
        ("Priority", [i.priority or "" for i in items]),
        ("Type", [i.type or "" for i in items]),
        ("Tracker", [i.tracker or "" for i in items]),
    ]
    used = {name for name, values in optional if any(values)}
    header = (["ID"] if "ID" in used else []) + ["Action", "Owner", "Due", "Status"]
    header += [name for name in ("Priority", "Type", "Tracker") if name in used]
    rows = []
    for item in items:
        due = item.due.isoformat() if item.due and not item.due_relative else (item.due_text or "")
        row = ([item.id or ""] if "ID" in used else []) + [
            item.text,
            item.owner or "",
            due,
            item.status or "",
        ]
        row += [
            value
            for name, value in (
                ("Priority", item.priority or ""),
                ("Type", item.type or ""),
                ("Tracker", item.tracker or ""),
            )
            if name in used
        ]
        rows.append(row)
    return table(header, rows)
