"""Render the canonical Timeline section of a postmortem document.

The format (the document parser reads exactly this back)::

    ## Timeline

    All times in UTC.

    | Time | Event | Actor | Source | Moment |
    | --- | --- | --- | --- | --- |
    | 2025-02-14 08:50:05 | Release deployed | Grace Hopper | git | trigger |
    | 2025-02-14 08:58:55 | Alert OrdersWriteErrors firing | | alertmanager | detected |

The zone line comes first and names ``UTC`` or an IANA zone; time cells are ``YYYY-MM-DD HH:MM``
(``:SS`` when the seconds are not zero) in that zone. A local time that occurs twice (the hour
repeated when clocks go back) carries its offset, ``2025-10-26 02:30 +01:00``, so it reads back
as the right instant. Pipes in text are escaped ``\\|`` and line breaks become spaces. The Actor,
Source and Moment columns appear only when some row has a value for them.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from postmortems.timeline.event import Event

MARKERS: tuple[str, ...] = (
    "trigger",
    "started",
    "detected",
    "acknowledged",
    "mitigated",
    "resolved",
)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the Timeline table.

    ``time`` is aware, or ``None`` for an entry without a usable time, which then shows
    ``time_text`` as written.
    """

    time: dt.datetime | None
    text: str
    actor: str | None = None
    source: str | None = None
    moment: str | None = None
    time_text: str = ""


def zone_info(name: str) -> dt.tzinfo:
    """The tzinfo for ``UTC`` or an IANA zone name.

    Raises:
        ValueError: when the name is no known zone.
    """
    if name.upper() in {"UTC", "Z", "GMT"}:
        return dt.UTC
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


def format_time(when: dt.datetime, zone: dt.tzinfo) -> str:
    """A time cell: ``YYYY-MM-DD HH:MM[:SS]`` in ``zone``, with the offset when ambiguous."""
    local = when.astimezone(zone)
    text = local.strftime("%Y-%m-%d %H:%M:%S" if local.second else "%Y-%m-%d %H:%M")
    if zone is not dt.UTC:
        other = local.replace(fold=1 - local.fold)
        if other.utcoffset() != local.utcoffset():
            text += " " + _offset(local)
    return text


def _offset(when: dt.datetime) -> str:
    delta = when.utcoffset() or dt.timedelta(0)
    minutes = int(delta.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def escape_cell(text: str) -> str:
    """Text safe for one table cell: pipes escaped, line breaks and runs of spaces collapsed."""
    flat = " ".join(text.split())
    return flat.replace("|", "\\|")


def rows_from_events(
    events: Iterable[Event], markers: Mapping[int, str] | None = None
) -> list[Row]:
    """Table rows for events; ``markers`` maps ``id(event)`` to its moment (see ``Timeline``)."""
    marks = markers or {}
    return [Row(e.time, e.text, e.actor, e.source, marks.get(id(e))) for e in events]


def render_table(rows: Sequence[Row], zone: str = "UTC", tz: dt.tzinfo | None = None) -> str:
    """The zone line and the table, without the heading (the body of the section).

    ``zone`` is the name the zone line states; ``tz`` the zone it stands for when the name is
    not an IANA name (``CET`` as a fixed offset, say).
    """
    tz = tz or zone_info(zone)
    columns = ["Time", "Event"]
    optional = (
        ("Actor", any(r.actor for r in rows)),
        ("Source", any(r.source for r in rows)),
        ("Moment", any(r.moment for r in rows)),
    )
    columns += [name for name, present in optional if present]
    lines = [f"All times in {'UTC' if tz is dt.UTC and zone.upper() != 'GMT' else zone}.", ""]
    lines.append(_line(columns))
    lines.append(_line(["---"] * len(columns)))
    for row in rows:
        time = format_time(row.time, tz) if row.time is not None else row.time_text
        values = {
            "Time": escape_cell(time),
            "Event": escape_cell(row.text),
            "Actor": escape_cell(row.actor or ""),
            "Source": escape_cell(row.source or ""),
            "Moment": escape_cell(row.moment or ""),
        }
        lines.append(_line([values[c] for c in columns]))
    return "\n".join(lines) + "\n"


def render_section(rows: Sequence[Row], zone: str = "UTC", heading: str = "## Timeline") -> str:
    """The whole section: heading, blank line, zone line and table."""
    return f"{heading}\n\n{render_table(rows, zone)}"


def _line(cells: Sequence[str]) -> str:
    return "|" + "|".join(f" {c} " if c else " " for c in cells) + "|"
