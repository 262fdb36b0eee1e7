"""Build a timeline: merge the sources, bound the window, propose moments, triggers, durations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from postmortems.timeline.durations import durations
from postmortems.timeline.event import Event, Skipped
from postmortems.timeline.merge import merge
from postmortems.timeline.moments import MOMENT_NAMES, Moment, MomentSettings, propose_moments
from postmortems.timeline.triggers import LOOKBACK, Trigger, trigger_candidates
from postmortems.timeline.window import Window

Series = dict[str, list[tuple[dt.datetime, float]]]


@dataclass(slots=True)
class Timeline:
    """A merged timeline with its key moments, trigger candidates and durations."""

    events: list[Event]
    moments: dict[str, Moment | None]
    triggers: list[Trigger]
    metrics: dict[str, float | None]
    window: Window = field(default_factory=Window)
    skipped: list[Skipped] = field(default_factory=list)
    series: Series = field(default_factory=dict)

    def moment_times(self) -> dict[str, dt.datetime | None]:
        """Moment name -> UTC time or ``None``."""
        return {n: (m.time if m else None) for n, m in self.moments.items()}

    def markers(self) -> dict[int, str]:
        """``id(event)`` -> the moment it stands for (the top trigger is ``trigger``).

        When two moments rest on one event the earlier moment wins the marker.
        """
        marks: dict[int, str] = {}
        if self.triggers:
            marks[id(self.triggers[0].event)] = "trigger"
        for name in MOMENT_NAMES:
            moment = self.moments.get(name)
            if moment is not None and moment.event is not None:
                marks.setdefault(id(moment.event), name)
        return marks


def build_timeline(
    streams: Iterable[Iterable[Event]],
    *,
    window: Window | None = None,
    known: Mapping[str, dt.datetime | None] | None = None,
    skipped: Sequence[Skipped] = (),
    series: Series | None = None,
    settings: MomentSettings | None = None,
    definitions: Mapping[str, tuple[str, str]] | None = None,
    lookback: dt.timedelta = LOOKBACK,
) -> Timeline:
    """Merge ``streams`` into a :class:`Timeline`.

    Args:
        streams: Events of each source.
        window: Only events inside it are kept (all when ``None``).
        known: Moments the document already states; they win over proposals.
        skipped: Records the importers skipped, carried through for the report.
        series: Metric series for charts, carried through.
        settings: Spans of the moment heuristics.
        definitions: Duration definitions (see :mod:`postmortems.timeline.durations`).
        lookback: How far before impact a change is a trigger candidate.
    """
    window = window or Window()
    events = merge(*streams)
    if window.start is not None or window.end is not None:
        events = window.select(events)
    moments = propose_moments(events, known, settings)
    impact = moments["started"] or moments["detected"]
    triggers = trigger_candidates(events, impact.time, lookback=lookback) if impact else []
    times = {n: (m.time if m else None) for n, m in moments.items()}
    return Timeline(
        events=events,
        moments=moments,
        triggers=triggers,
        metrics=durations(times, definitions),
        window=window,
        skipped=list(skipped),
        series=dict(series or {}),
    )
