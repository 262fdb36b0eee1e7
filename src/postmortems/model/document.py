"""The postmortem domain model: plain typed data, no I/O.

A :class:`Postmortem` is what the parser reads out of a Markdown document. Sections keep their
Markdown body verbatim (the source of truth, so nothing a writer typed is ever lost); the
structured views (timeline, action items, factors, lessons, impact figures) are derived from those
bodies and carry the source line they came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """Life cycle of a postmortem document."""

    DRAFT = "draft"
    IN_REVIEW = "in-review"
    PUBLISHED = "published"


class Marker(StrEnum):
    """A key moment a timeline entry stands for."""

    TRIGGER = "trigger"
    STARTED = "started"
    DETECTED = "detected"
    ACKNOWLEDGED = "acknowledged"
    MITIGATED = "mitigated"
    RESOLVED = "resolved"
    NONE = "none"


#: The key moments, in the order an incident passes through them.
MOMENTS: tuple[str, ...] = ("started", "detected", "acknowledged", "mitigated", "resolved")


@dataclass(slots=True)
class Person:
    """Someone who took part, with an optional role (incident commander, scribe, ...)."""

    name: str
    role: str | None = None


@dataclass(slots=True)
class SLO:
    """The service level objective the incident is measured against."""

    name: str | None = None
    target: str | None = None
    window: str | None = None
    budget_consumed: str | None = None


@dataclass(slots=True)
class Link:
    """A link to related material (dashboard, ticket, chat channel, ...)."""

    url: str
    title: str | None = None


@dataclass(slots=True)
class Meta:
    """Document metadata, normally the YAML front matter.

    Times are timezone-aware and keep the offset the writer used; ``extra`` keeps every front
    matter key the format does not know, in order, so nothing is lost on a round trip.
    """

    id: str | None = None
    title: str | None = None
    kind: str = "incident"
    severity: str | None = None
    status: str | None = None
    date: dt.date | None = None
    timezone: str | None = None
    services: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    participants: list[Person] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    started: dt.datetime | None = None
    detected: dt.datetime | None = None
    acknowledged: dt.datetime | None = None
    mitigated: dt.datetime | None = None
    resolved: dt.datetime | None = None
    review_date: dt.date | None = None
    facilitator: str | None = None
    attendees: list[str] = field(default_factory=list)
    slo: SLO | None = None
    links: list[Link] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    #: The line each field was read from (front matter key or in-text label).
    lines: dict[str, int] = field(default_factory=dict)
    #: Where each field came from: "front-matter", "text" (a "**Date**:" line), "heading" (the
    #: title heading) or "section" (an Attendees section). Fields set by code have no origin
    #: and are written to the front matter.
    origin: dict[str, str] = field(default_factory=dict)

    def moment(self, name: str) -> dt.datetime | None:
        """The key time called ``name`` (one of :data:`MOMENTS`)."""
        value: dt.datetime | None = getattr(self, name)
        return value

    def people(self) -> list[str]:
        """Every name the metadata mentions: authors, participants, owners, facilitator."""
        names = [*self.authors, *(p.name for p in self.participants), *self.owners]
        names += self.attendees
        if self.facilitator:
            names.append(self.facilitator)
        seen: dict[str, None] = {}
        for name in names:
            seen.setdefault(name, None)
        return list(seen)


@dataclass(slots=True)
class Section:
    """One section of the document, in order.

    ``key`` is the canonical section this heading stands for (``summary``, ``timeline``, ...) or
    ``None`` for a custom section. ``heading`` is the heading exactly as written (an ATX or setext
    heading, or a bold pseudo-heading), ``body`` the Markdown after it, verbatim.
    """

    title: str
    key: str | None
    body: str
    level: int
    line: int
    end_line: int
    heading: str = ""
    body_line: int = 0


@dataclass(slots=True)
class TimelineEvent:
    """One entry of the timeline.

    ``time`` is aware (in the zone the writer used) or ``None`` when the entry has no usable time;
    ``date`` is set when only a day is known; ``zone`` is the zone as written ("UTC", "CET",
    "+01:00"), or the document's zone when the entry inherited it.
    """

    text: str
    line: int
    time: dt.datetime | None = None
    date: dt.date | None = None
    time_text: str = ""
    zone: str | None = None
    actor: str | None = None
    source: str | None = None
    marker: str = Marker.NONE.value
    #: True when the marker was read from the wording ("Service fully restored"), not written.
    marker_inferred: bool = False

    def utc(self) -> dt.datetime | None:
        """The time in UTC, or ``None``."""
        return self.time.astimezone(dt.UTC) if self.time else None


@dataclass(slots=True)
class Item:
    """A line of prose read from a list or paragraph: a factor, a lesson, a thing that went well."""

    text: str
    line: int


@dataclass(slots=True)
class ImpactFigure:
    """A number that measures impact: users, requests, duration, money, error budget, percent."""

    kind: str
    value: float
    unit: str
    text: str
    line: int


@dataclass(slots=True)
class ActionItem:
    """A follow-up: specific, owned and dated when written well."""

    text: str
    line: int
    id: str | None = None
    owner: str | None = None
    due: dt.date | None = None
    due_text: str | None = None
    due_relative: str | None = None
    status: str | None = None
    priority: str | None = None
    type: str | None = None
    tracker: str | None = None


@dataclass(slots=True)
class Problem:
    """Something in the document that could not be interpreted without guessing."""

    line: int
    message: str
    column: int = 1


@dataclass(slots=True)
class Postmortem:
    """A parsed postmortem document."""

    meta: Meta = field(default_factory=Meta)
    sections: list[Section] = field(default_factory=list)
    preamble: str = ""
    preamble_line: int = 0
    title_heading: str = ""
    timeline: list[TimelineEvent] = field(default_factory=list)
    trigger: list[Item] = field(default_factory=list)
    root_causes: list[Item] = field(default_factory=list)
    contributing_factors: list[Item] = field(default_factory=list)
    went_well: list[Item] = field(default_factory=list)
    went_poorly: list[Item] = field(default_factory=list)
    lucky: list[Item] = field(default_factory=list)
    lessons: list[Item] = field(default_factory=list)
    impact: list[ImpactFigure] = field(default_factory=list)
    action_items: list[ActionItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: True when the document had YAML front matter.
    has_front_matter: bool = False
    #: Zone stated once for the whole document ("All times in UTC"), as written.
    document_zone: str | None = None
    path: str | None = None
    source: str = ""

    def section(self, key: str) -> Section | None:
        """The first section with canonical ``key``, or ``None``."""
        return next((s for s in self.sections if s.key == key), None)

    def sections_with(self, key: str) -> list[Section]:
        """Every section with canonical ``key`` (a document may split one across headings)."""
        return [s for s in self.sections if s.key == key]

    @property
    def title(self) -> str | None:
        """The document title."""
        return self.meta.title
