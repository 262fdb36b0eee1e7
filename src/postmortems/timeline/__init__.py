"""Timelines from data: merged events, key moments and durations (pure core, no I/O)."""

from postmortems.timeline.build import Timeline, build_timeline
from postmortems.timeline.durations import DEFAULT_DEFINITIONS, durations, parse_definition
from postmortems.timeline.event import Event, EventKind, Skipped
from postmortems.timeline.merge import merge
from postmortems.timeline.moments import Moment, MomentSettings, propose_moments
from postmortems.timeline.triggers import Trigger, trigger_candidates
from postmortems.timeline.window import Window, around

__all__ = [
    "DEFAULT_DEFINITIONS",
    "Event",
    "EventKind",
    "Moment",
    "MomentSettings",
    "Skipped",
    "Timeline",
    "Trigger",
    "Window",
    "around",
    "build_timeline",
    "durations",
    "merge",
    "parse_definition",
    "propose_moments",
    "trigger_candidates",
]
