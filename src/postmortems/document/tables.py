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


def timeline_section_body(events: list[TimelineEvent], zone_name: str = "UTC") -> str:
    """The body of a canonical Timeline section: the zone line, then the table.

    Only events with a time are written, by the timeline's own renderer
    (:mod:`postmortems.timeline.markdown`), so a converted document and one built from data look
    the same. Moments inferred from wording are not written as moments.
    """
    from postmortems.timeline.markdown import Row, render_table

    rows = [
        Row(
            e.time,
            e.text,
            e.actor,
            e.source,
            e.marker if e.marker != Marker.NONE.value and not e.marker_inferred else None,
        )
        for e in events
        if e.time is not None
    ]
    return render_table(rows, zone_name, resolve_zone(zone_name) or dt.UTC).rstrip("\n")


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
