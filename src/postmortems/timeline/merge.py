"""Merge events from several sources into one timeline: sorted by UTC time, duplicates removed.

A record exported twice (two overlapping exports of the same channel, a PagerDuty incident fetched
twice) is one event; the same alert seen by two tools (Alertmanager and PagerDuty) is two events,
because each tool saw it at its own time and says something different about it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from operator import attrgetter

from postmortems.timeline.event import Event

# Aware datetimes compare as instants whatever their zones, so no conversion is needed to sort.
_TIME = attrgetter("time")


def merge(*streams: Iterable[Event]) -> list[Event]:
    """Merge event streams into one list sorted by UTC time, removing duplicates.

    Sorting is stable: events at the same instant keep the order of the streams, then their order
    within a stream. Two events are the same record when they come from the same source, have the
    same time, and either carry the same non-empty ``ref`` and kind or have the same text; the
    first one seen is kept.
    Events from different sources are never merged into one.

    Args:
        *streams: Events from each source, in any order.

    Returns:
        A new list; the events themselves are not copied.
    """
    events: list[Event] = []
    for stream in streams:
        events.extend(stream)
    events.sort(key=_TIME)
    return dedupe_sorted(events)


def dedupe_sorted(events: list[Event]) -> list[Event]:
    """Drop repeated records from a list already sorted by time (see :func:`merge`)."""
    # Allocation-free in the common case (a million events, almost all unique): refs map to the
    # first event carrying them, and the events of the current instant sit in a short list.
    first_by_ref: dict[tuple[str, str], Event] = {}
    more_by_ref: dict[tuple[str, str], list[Event]] = {}
    out: list[Event] = []
    append = out.append
    instant: dt.datetime | None = None
    here: list[Event] = []
    for event in events:
        when = event.time
        if when != instant:
            instant = when
            here = []
        elif any(e.source == event.source and e.text == event.text for e in here):
            continue
        if event.ref:
            # One record can yield several events (a crossing and its recovery); the same
            # record exported twice yields the same kind at the same time.
            key = (event.source, event.ref)
            seen = first_by_ref.setdefault(key, event)
            if seen is not event:
                others = more_by_ref.setdefault(key, [seen])
                if any(e.kind == event.kind and e.time == when for e in others):
                    continue
                others.append(event)
        here.append(event)
        append(event)
    return out
