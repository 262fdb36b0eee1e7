"""Merge events from several sources into one timeline: sorted by UTC time, duplicates removed.

A record exported twice (two overlapping exports of the same channel, a PagerDuty incident fetched
twice) is one event; the same alert seen by two tools (Alertmanager and PagerDuty) is two events,
because each tool saw it at its own time and says something different about it.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

from postmortems.timeline.event import Event

# ``epoch`` orders events as their aware times do (whatever the zones) and compares faster; it
# also leaves the datetimes of events made from epoch seconds unbuilt.
_EPOCH = attrgetter("epoch")


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
    events.sort(key=_EPOCH)
    return dedupe_sorted(events)


def dedupe_sorted(events: list[Event]) -> list[Event]:
    """Drop repeated records from a list already sorted by time (see :func:`merge`)."""
    # Every test for "the same record" includes "at the same time", so only the events of one
    # instant need comparing, and they sit together at the end of ``out``: no index of refs, and
    # nothing allocated per event (a million events are almost all at instants of their own).
    out: list[Event] = []
    append = out.append
    instant: float | None = None
    first = 0  # where the kept events of the current instant start in ``out``
    for event in events:
        when = event.epoch
        if when != instant:
            instant = when
            first = len(out)
        elif _repeats(event, out, first):
            continue
        append(event)
    return out


def _repeats(event: Event, out: list[Event], first: int) -> bool:
    """True when ``event`` is a record already kept among ``out[first:]`` (the same instant)."""
    # One record can yield several events (a metric's crossing and its recovery share a ref);
    # the same record exported twice yields the same kind at the same time.
    source, text, ref, kind = event.source, event.text, event.ref, event.kind
    for index in range(first, len(out)):
        kept = out[index]
        if kept.source == source and (
            kept.text == text or (ref and kept.ref == ref and kept.kind == kind)
        ):
            return True
    return False
