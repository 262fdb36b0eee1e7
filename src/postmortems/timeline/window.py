"""The window of time a timeline covers: explicit bounds, or a document's key times padded.

Padding for ``--around``: one hour before the earliest moment the document knows and one hour after
the latest, because the trigger usually lies shortly before impact and the last messages
(resolution, hand-over) shortly after it. When the document knows only when the incident started
or was detected, the window reaches six hours past it so that mitigation and resolution are in it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from postmortems.timeline.event import Event

#: Padding before the earliest known moment.
PAD_BEFORE = dt.timedelta(hours=1)
#: Padding after the latest known moment.
PAD_AFTER = dt.timedelta(hours=1)
#: How far past the latest known moment to look when the document has no end (mitigated/resolved).
OPEN_END = dt.timedelta(hours=6)

_END_MOMENTS = ("mitigated", "resolved")


@dataclass(frozen=True, slots=True)
class Window:
    """A half-open interval ``[start, end)`` of aware times; either bound may be open (``None``)."""

    start: dt.datetime | None = None
    end: dt.datetime | None = None

    def __post_init__(self) -> None:
        for bound in (self.start, self.end):
            if bound is not None and bound.tzinfo is None:
                raise ValueError("Window bounds must be timezone-aware")
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValueError("Window end must be after its start")

    def contains(self, when: dt.datetime) -> bool:
        """True when ``when`` lies inside the window."""
        if self.start is not None and when < self.start:
            return False
        return not (self.end is not None and when >= self.end)

    def select(self, events: Iterable[Event]) -> list[Event]:
        """The events whose time lies inside the window, in their order."""
        if self.start is None and self.end is None:
            return list(events)
        # On epoch seconds, which order as the times do: no datetime is built to be compared.
        low = self.start.timestamp() if self.start is not None else -math.inf
        high = self.end.timestamp() if self.end is not None else math.inf
        return [e for e in events if low <= e.epoch < high]


def around(
    moments: Mapping[str, dt.datetime | None],
    extra: Iterable[dt.datetime] = (),
    *,
    before: dt.timedelta = PAD_BEFORE,
    after: dt.timedelta = PAD_AFTER,
    open_end: dt.timedelta = OPEN_END,
) -> Window | None:
    """The window around a document's key times (see the module docstring for the padding).

    Args:
        moments: Key moment name -> aware time or ``None`` (a document's front matter).
        extra: Other times the document states (timeline entries), used too.
        before: Padding before the earliest time.
        after: Padding after the latest time when the document says when it ended.
        open_end: Padding after the latest time when it does not.

    Returns:
        The window, or ``None`` when the document states no time at all.
    """
    times = [t for t in moments.values() if t is not None]
    times.extend(extra)
    if not times:
        return None
    has_end = any(moments.get(name) is not None for name in _END_MOMENTS)
    first, last = min(times), max(times)
    return Window(first - before, last + (after if has_end else open_end))
