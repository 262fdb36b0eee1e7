"""The postmortem domain model: plain typed data, no I/O.

A :class:`Postmortem` is what the parser reads out of a Markdown document. Sections keep their
Markdown body verbatim (the source of truth, so nothing a writer typed is ever lost); the
structured views (timeline, action items, factors, lessons, impact figures) are derived from those
bodies and carry the source line they came from.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from postmortems.model.record import Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
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


class Person(Record):
    """Someone who took part, with an optional role (incident commander, scribe, ...)."""

    __slots__ = ("name", "role")

    name: str
    role: str | None

    def __init__(
        self,
        name: str,
        role: str | None = None,
    ) -> None:
        self.name = name
        self.role = role


class SLO(Record):
    """The service level objective the incident is measured against."""

    __slots__ = ("budget_consumed", "name", "target", "window")

    name: str | None
    target: str | None
    window: str | None
    budget_consumed: str | None

    def __init__(
        self,
        name: str | None = None,
        target: str | None = None,
        window: str | None = None,
        budget_consumed: str | None = None,
    ) -> None:
        self.name = name
        self.target = target
        self.window = window
        self.budget_consumed = budget_consumed


class Link(Record):
    """A link to related material (dashboard, ticket, chat channel, ...)."""

    __slots__ = ("title", "url")

    url: str
    title: str | None

    def __init__(
        self,
        url: str,
        title: str | None = None,
    ) -> None:
        self.url = url
        self.title = title


class Meta(Record):
    """Document metadata, normally the YAML front matter.

    Times are timezone-aware and keep the offset the writer used; ``extra`` keeps every front
    matter key the format does not know, in order, so nothing is lost on a round trip.
    """

    __slots__ = (
        "acknowledged",
        "attendees",
        "authors",
        "date",
        "detected",
        "extra",
        "facilitator",
        "id",
        "kind",
        "lines",
        "links",
        "mitigated",
        "origin",
        "owners",
        "participants",
        "resolved",
        "review_date",
        "services",
        "severity",
        "slo",
        "started",
        "status",
        "tags",
        "timezone",
        "title",
    )

    id: str | None
    title: str | None
    kind: str
    severity: str | None
    status: str | None
    date: dt.date | None
    timezone: str | None
    services: list[str]
    tags: list[str]
    authors: list[str]
    participants: list[Person]
    owners: list[str]
    started: dt.datetime | None
    detected: dt.datetime | None
    acknowledged: dt.datetime | None
    mitigated: dt.datetime | None
    resolved: dt.datetime | None
    review_date: dt.date | None
    facilitator: str | None
    attendees: list[str]
    slo: SLO | None
    links: list[Link]
    extra: dict[str, Any]
    #: The line each field was read from (front matter key or in-text label).
    lines: dict[str, int]
    #: Where each field came from: "front-matter", "text" (a "**Date**:" line), "heading" (the
    #: title heading) or "section" (an Attendees section). Fields set by code have no origin
    #: and are written to the front matter.
    origin: dict[str, str]

    def __init__(
        self,
        id: str | None = None,
        title: str | None = None,
        kind: str = "incident",
        severity: str | None = None,
        status: str | None = None,
        date: dt.date | None = None,
        timezone: str | None = None,
        services: list[str] | None = None,
        tags: list[str] | None = None,
        authors: list[str] | None = None,
        participants: list[Person] | None = None,
        owners: list[str] | None = None,
        started: dt.datetime | None = None,
        detected: dt.datetime | None = None,
        acknowledged: dt.datetime | None = None,
        mitigated: dt.datetime | None = None,
        resolved: dt.datetime | None = None,
        review_date: dt.date | None = None,
        facilitator: str | None = None,
        attendees: list[str] | None = None,
        slo: SLO | None = None,
        links: list[Link] | None = None,
        extra: dict[str, Any] | None = None,
        lines: dict[str, int] | None = None,
        origin: dict[str, str] | None = None,
    ) -> None:
        self.id = id
        self.title = title
        self.kind = kind
        self.severity = severity
        self.status = status
        self.date = date
        self.timezone = timezone
        self.services = [] if services is None else services
        self.tags = [] if tags is None else tags
        self.authors = [] if authors is None else authors
        self.participants = [] if participants is None else participants
        self.owners = [] if owners is None else owners
        self.started = started
        self.detected = detected
        self.acknowledged = acknowledged
        self.mitigated = mitigated
        self.resolved = resolved
        self.review_date = review_date
        self.facilitator = facilitator
        self.attendees = [] if attendees is None else attendees
        self.slo = slo
        self.links = [] if links is None else links
        self.extra = {} if extra is None else extra
        self.lines = {} if lines is None else lines
        self.origin = {} if origin is None else origin

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


class Section(Record):
    """One section of the document, in order.

    ``key`` is the canonical section this heading stands for (``summary``, ``timeline``, ...) or
    ``None`` for a custom section. ``heading`` is the heading exactly as written (an ATX or setext
    heading, or a bold pseudo-heading), ``body`` the Markdown after it, verbatim.
    """

    __slots__ = ("body", "body_line", "end_line", "heading", "key", "level", "line", "title")

    title: str
    key: str | None
    body: str
    level: int
    line: int
    end_line: int
    heading: str
    body_line: int

    def __init__(
        self,
        title: str,
        key: str | None,
        body: str,
        level: int,
        line: int,
        end_line: int,
        heading: str = "",
        body_line: int = 0,
    ) -> None:
        self.title = title
        self.key = key
        self.body = body
        self.level = level
        self.line = line
        self.end_line = end_line
        self.heading = heading
        self.body_line = body_line


class TimelineEvent(Record):
    """One entry of the timeline.

    ``time`` is aware (in the zone the writer used) or ``None`` when the entry has no usable time;
    ``date`` is set when only a day is known; ``zone`` is the zone as written ("UTC", "CET",
    "+01:00"), or the document's zone when the entry inherited it.
    """

    __slots__ = (
        "actor",
        "date",
        "line",
        "marker",
        "marker_inferred",
        "source",
        "text",
        "time",
        "time_text",
        "zone",
    )

    text: str
    line: int
    time: dt.datetime | None
    date: dt.date | None
    time_text: str
    zone: str | None
    actor: str | None
    source: str | None
    marker: str
    #: True when the marker was read from the wording ("Service fully restored"), not written.
    marker_inferred: bool

    def __init__(
        self,
        text: str,
        line: int,
        time: dt.datetime | None = None,
        date: dt.date | None = None,
        time_text: str = "",
        zone: str | None = None,
        actor: str | None = None,
        source: str | None = None,
        marker: str = Marker.NONE.value,
        marker_inferred: bool = False,
    ) -> None:
        self.text = text
        self.line = line
        self.time = time
        self.date = date
        self.time_text = time_text
        self.zone = zone
        self.actor = actor
        self.source = source
        self.marker = marker
        self.marker_inferred = marker_inferred

    def utc(self) -> dt.datetime | None:
        """The time in UTC, or ``None``."""
        return self.time.astimezone(dt.UTC) if self.time else None


class Item(Record):
    """A line of prose read from a list or paragraph: a factor, a lesson, a thing that went well."""

    __slots__ = ("line", "text")

    text: str
    line: int

    def __init__(
        self,
        text: str,
        line: int,
    ) -> None:
        self.text = text
        self.line = line


class ImpactFigure(Record):
    """A number that measures impact: users, requests, duration, money, error budget, percent."""

    __slots__ = ("kind", "line", "text", "unit", "value")

    kind: str
    value: float
    unit: str
    text: str
    line: int

    def __init__(
        self,
        kind: str,
        value: float,
        unit: str,
        text: str,
        line: int,
    ) -> None:
        self.kind = kind
        self.value = value
        self.unit = unit
        self.text = text
        self.line = line


class ActionItem(Record):
    """A follow-up: specific, owned and dated when written well."""

    __slots__ = (
        "due",
        "due_relative",
        "due_text",
        "id",
        "line",
        "owner",
        "priority",
        "status",
        "text",
        "tracker",
        "type",
    )

    text: str
    line: int
    id: str | None
    owner: str | None
    due: dt.date | None
    due_text: str | None
    due_relative: str | None
    status: str | None
    priority: str | None
    type: str | None
    tracker: str | None

    def __init__(
        self,
        text: str,
        line: int,
        id: str | None = None,
        owner: str | None = None,
        due: dt.date | None = None,
        due_text: str | None = None,
        due_relative: str | None = None,
        status: str | None = None,
        priority: str | None = None,
        type: str | None = None,
        tracker: str | None = None,
    ) -> None:
        self.text = text
        self.line = line
        self.id = id
        self.owner = owner
        self.due = due
        self.due_text = due_text
        self.due_relative = due_relative
        self.status = status
        self.priority = priority
        self.type = type
        self.tracker = tracker


class Problem(Record):
    """Something in the document that could not be interpreted without guessing."""

    __slots__ = ("column", "line", "message")

    line: int
    message: str
    column: int

    def __init__(
        self,
        line: int,
        message: str,
        column: int = 1,
    ) -> None:
        self.line = line
        self.message = message
        self.column = column


class Postmortem(Record):
    """A parsed postmortem document."""

    __slots__ = (
        "action_items",
        "contributing_factors",
        "document_zone",
        "has_front_matter",
        "impact",
        "lessons",
        "lucky",
        "meta",
        "path",
        "preamble",
        "preamble_line",
        "problems",
        "root_causes",
        "sections",
        "source",
        "timeline",
        "title_heading",
        "trigger",
        "went_poorly",
        "went_well",
    )

    meta: Meta
    sections: list[Section]
    preamble: str
    preamble_line: int
    title_heading: str
    timeline: list[TimelineEvent]
    trigger: list[Item]
    root_causes: list[Item]
    contributing_factors: list[Item]
    went_well: list[Item]
    went_poorly: list[Item]
    lucky: list[Item]
    lessons: list[Item]
    impact: list[ImpactFigure]
    action_items: list[ActionItem]
    problems: list[Problem]
    #: True when the document had YAML front matter.
    has_front_matter: bool
    #: Zone stated once for the whole document ("All times in UTC"), as written.
    document_zone: str | None
    path: str | None
    source: str

    def __init__(
        self,
        meta: Meta | None = None,
        sections: list[Section] | None = None,
        preamble: str = "",
        preamble_line: int = 0,
        title_heading: str = "",
        timeline: list[TimelineEvent] | None = None,
        trigger: list[Item] | None = None,
        root_causes: list[Item] | None = None,
        contributing_factors: list[Item] | None = None,
        went_well: list[Item] | None = None,
        went_poorly: list[Item] | None = None,
        lucky: list[Item] | None = None,
        lessons: list[Item] | None = None,
        impact: list[ImpactFigure] | None = None,
        action_items: list[ActionItem] | None = None,
        problems: list[Problem] | None = None,
        has_front_matter: bool = False,
        document_zone: str | None = None,
        path: str | None = None,
        source: str = "",
    ) -> None:
        self.meta = Meta() if meta is None else meta
        self.sections = [] if sections is None else sections
        self.preamble = preamble
        self.preamble_line = preamble_line
        self.title_heading = title_heading
        self.timeline = [] if timeline is None else timeline
        self.trigger = [] if trigger is None else trigger
        self.root_causes = [] if root_causes is None else root_causes
        self.contributing_factors = [] if contributing_factors is None else contributing_factors
        self.went_well = [] if went_well is None else went_well
        self.went_poorly = [] if went_poorly is None else went_poorly
        self.lucky = [] if lucky is None else lucky
        self.lessons = [] if lessons is None else lessons
        self.impact = [] if impact is None else impact
        self.action_items = [] if action_items is None else action_items
        self.problems = [] if problems is None else problems
        self.has_front_matter = has_front_matter
        self.document_zone = document_zone
        self.path = path
        self.source = source

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
