"""Timeline entries as the timeline rules see them: when each happened, as far as it can be told.

The parser gives an entry an aware ``time`` only when its zone is known. An entry whose zone is
missing still has a readable date and time of day, and those are what ordering and year checks
need: all entries without a zone are in the same unknown zone, so they compare with each other
(never with aware ones).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from postmortems.document.lazyre import lazy
from postmortems.document.times import read_stamp
from postmortems.model import Postmortem, TimelineEvent
from postmortems.model.record import Record

_HALF_DAY = dt.timedelta(hours=12)

#: Entries further apart than this are not neighbours in a "wrong year" check's sense.
YEAR_TYPO_MIN_DAYS = 300


class When(Record):
    """The moment of an entry: ``at`` is UTC when ``aware``, else naive wall-clock time."""

    __slots__ = ("at", "aware", "event")

    event: TimelineEvent
    at: dt.datetime
    aware: bool

    def __init__(
        self,
        event: TimelineEvent,
        at: dt.datetime,
        aware: bool,
    ) -> None:
        self.event = event
        self.at = at
        self.aware = aware


def _naive(event: TimelineEvent, last: dt.datetime | None) -> dt.datetime | None:
    if not event.time_text:
        return None
    stamp = read_stamp(event.time_text)
    if stamp is None or stamp.placeholder or stamp.time is None:
        return None
    # Without a zone the parser does not carry an earlier entry's date to a time-only entry;
    # carry it here, as it would with a zone.
    date = stamp.date or event.date or (last.date() if last is not None else None)
    if date is None:
        return None
    when = dt.datetime.combine(date, stamp.time)
    # A time without a date rolls over midnight, as the parser does for zoned entries.
    rolls = last is not None and when < last and (when + dt.timedelta(days=1)) - last < _HALF_DAY
    if stamp.date is None and rolls:
        when += dt.timedelta(days=1)
    return when


def moments(pm: Postmortem) -> list[When]:
    """Every entry with a date and a time of day, in document order."""
    out: list[When] = []
    last: dt.datetime | None = None
    for event in pm.timeline:
        if event.time is not None:
            out.append(When(event, event.time.astimezone(dt.UTC), True))
            continue
        naive = _naive(event, last)
        if naive is not None:
            last = naive
            out.append(When(event, naive, False))
    return out


def has_time_of_day(event: TimelineEvent) -> bool:
    """True when the entry states a time of day (with or without a zone)."""
    if event.time is not None:
        return True
    if not event.time_text:
        return False
    stamp = read_stamp(event.time_text)
    return stamp is not None and not stamp.placeholder and stamp.time is not None


def entry_date(event: TimelineEvent) -> dt.date | None:
    """The calendar day of an entry as written (its own zone), if it has one."""
    if event.time is not None:
        return event.time.date()
    return event.date


def incident_date(pm: Postmortem) -> dt.date | None:
    """The day the incident happened: front matter ``started``, else ``date``, else the median
    day of the timeline."""
    if pm.meta.started is not None:
        return pm.meta.started.date()
    if pm.meta.date is not None:
        return pm.meta.date
    days = sorted(d for d in (entry_date(e) for e in pm.timeline) if d is not None)
    if not days:
        return None
    # The middle day, the lower of the two middle ones for an even count (median_low); not
    # statistics.median_low, whose module costs a few milliseconds of every run to import.
    return days[(len(days) - 1) // 2]


class YearTypo(Record):
    """An entry whose year is almost certainly mistyped, and the date it most likely meant."""

    __slots__ = ("event", "meant", "written")

    event: TimelineEvent
    written: dt.date
    meant: dt.date

    def __init__(
        self,
        event: TimelineEvent,
        written: dt.date,
        meant: dt.date,
    ) -> None:
        self.event = event
        self.written = written
        self.meant = meant


def _same_day_in(year: int, day: dt.date) -> dt.date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return None


def year_typos(pm: Postmortem, window_days: int = 14) -> list[YearTypo]:
    """Entries dated a year or more away from the incident, whose month and day put them right
    among their neighbours had the year been the incident's.

    A lead-up entry from a year earlier (a certificate issued, a script written) sits at the
    start of the timeline in order; a typo breaks the order or lands after the document was
    written. Both the year-shifted date fitting the incident and one of those signs are needed.
    """
    reference = incident_date(pm)
    if reference is None:
        return []
    dated = [(e, d) for e in pm.timeline if (d := entry_date(e)) is not None]
    written_by = pm.meta.review_date or pm.meta.date
    found: list[YearTypo] = []
    for index, (event, day) in enumerate(dated):
        if abs((day - reference).days) < YEAR_TYPO_MIN_DAYS:
            continue
        candidates = [
            c
            for year in (reference.year - 1, reference.year, reference.year + 1)
            if (c := _same_day_in(year, day)) is not None and c != day
        ]
        if not candidates:
            continue
        meant = min(candidates, key=lambda c: abs((c - reference).days))
        neighbours = _neighbours(dated, index)
        fits = abs((meant - reference).days) <= window_days or any(
            abs((meant - n).days) <= window_days for n in neighbours
        )
        if not fits:
            continue
        out_of_order = (index > 0 and day < dated[index - 1][1]) or (
            index + 1 < len(dated) and day > dated[index + 1][1]
        )
        after_writing = written_by is not None and (day - written_by).days > window_days
        if out_of_order or after_writing:
            found.append(YearTypo(event, day, meant))
    return found


def _neighbours(dated: Sequence[tuple[TimelineEvent, dt.date]], index: int) -> list[dt.date]:
    out = []
    if index > 0:
        out.append(dated[index - 1][1])
    if index + 1 < len(dated):
        out.append(dated[index + 1][1])
    return out


_ZONE_PROBLEM = lazy(r"no time zone|time zone .* is ambiguous or unknown", re.IGNORECASE)


def zone_problems(pm: Postmortem) -> list[tuple[int, str]]:
    """The parser's problems about missing or unknowable time zones, as (line, message)."""
    return [(p.line, p.message) for p in pm.problems if _ZONE_PROBLEM.search(p.message)]
