"""When the incident ended, as well as the document tells it: the day the review clock starts."""

from __future__ import annotations

import datetime as dt

from postmortems.metrics import document_moments
from postmortems.model import Postmortem
from postmortems.model.record import Record
from postmortems.review.rules.timeline._entries import entry_date, moments


class Resolution(Record):
    """The day the incident ended and where that day was read (for messages)."""

    __slots__ = ("day", "source")

    day: dt.date
    source: str

    def __init__(
        self,
        day: dt.date,
        source: str,
    ) -> None:
        self.day = day
        self.source = source


def resolution(pm: Postmortem) -> Resolution | None:
    """The day the incident was resolved: the resolved moment (front matter or timeline
    marker), else mitigation, else the last dated timeline entry, else the start of the
    incident, else the document date."""
    found = document_moments(pm)
    for name, source in (("resolved", "resolution"), ("mitigated", "mitigation")):
        value = found.get(name)
        if value is not None:
            return Resolution(value.date(), source)
        # A marked entry whose zone is missing still has its day.
        marked = [w.at.date() for w in moments(pm) if w.event.marker == name]
        marked += [d for e in pm.timeline if e.marker == name and (d := entry_date(e))]
        if marked:
            return Resolution(min(marked), source)
    days = [d for e in pm.timeline if (d := entry_date(e)) is not None]
    if days:
        return Resolution(max(days), "the last timeline entry")
    if pm.meta.started is not None:
        return Resolution(pm.meta.started.date(), "the start of the incident")
    if pm.meta.date is not None:
        return Resolution(pm.meta.date, "the document date")
    return None
