"""The postmortem domain model: typed data with no I/O."""

from postmortems.model.document import (
    MOMENTS,
    SLO,
    ActionItem,
    ImpactFigure,
    Item,
    Link,
    Marker,
    Meta,
    Person,
    Postmortem,
    Problem,
    Section,
    Status,
    TimelineEvent,
)
from postmortems.model.kinds import Kind, get_kind, kinds, register_kind
from postmortems.model.sections import SECTION_BY_KEY, SECTIONS, SectionSpec, section_key

__all__ = [
    "MOMENTS",
    "SECTIONS",
    "SECTION_BY_KEY",
    "SLO",
    "ActionItem",
    "ImpactFigure",
    "Item",
    "Kind",
    "Link",
    "Marker",
    "Meta",
    "Person",
    "Postmortem",
    "Problem",
    "Section",
    "SectionSpec",
    "Status",
    "TimelineEvent",
    "get_kind",
    "kinds",
    "register_kind",
    "section_key",
]
