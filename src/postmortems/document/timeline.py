"""Timeline entries from Timeline sections: tables and lists, as written in real postmortems.

A time with no date takes the date the timeline last stated (a full date in an earlier entry, a
date heading, a date-only line), else the document's date. A time with no zone takes the zone the
timeline or document states ("All times in UTC", a "Time (CET)" column header, front matter
``timezone``). What is still missing is reported as a problem, never guessed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from postmortems.document.blocks import Block
from postmortems.document.lazyre import lazy
from postmortems.document.times import Stamp, find_date, read_stamp
from postmortems.document.zones import AMBIGUOUS, resolve_zone, zone_statement
from postmortems.model import Marker, Problem, TimelineEvent
from postmortems.model.record import Record

MOMENT_NAMES = tuple(m.value for m in Marker if m is not Marker.NONE)
_NO_MARKER = Marker.NONE.value
_MARKER_ALIASES = {
    "trigger": "trigger",
    "triggered": "trigger",
    "start": "started",
    "started": "started",
    "impact start": "started",
    "impact started": "started",
    "impact begins": "started",
    "detected": "detected",
    "detection": "detected",
    "acknowledged": "acknowledged",
    "ack": "acknowledged",
    "acked": "acknowledged",
    "mitigated": "mitigated",
    "mitigation": "mitigated",
    "resolved": "resolved",
    "resolution": "resolved",
    "recovered": "resolved",
}
# Searched for from its bracket (no leading blanks), so that ``re`` skips to the next bracket.
_TAG = lazy(
    r"[\[(]\s*(?P<tag>"
    + "|".join(sorted(_MARKER_ALIASES, key=len, reverse=True))
    + r")\s*[\])]\s*\.?\s*$",
    re.IGNORECASE,
)

# Conservative wording for inferring moments when the writer marked none explicitly.
_INFER: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "started",
        lazy(
            r"\b(?:impact|outage|degradation|errors?|failures?|incident|disruption)\s+"
            r"(?:began|begins?|started|starts?)\b"
            r"|\b(?:began|begins|started|starts)\s+(?:failing|returning|erroring|timing out)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "detected",
        lazy(
            r"\b(?:detect(?:ed|s)|notic(?:ed|es)|became aware|alert(?:s|ed)?\s+(?:fired|fires|"
            r"firing|triggered|went off)|paged|page (?:fired|sent)|"
            r"(?:issue|problem|incident|outage) reported|receiv(?:es|ed) (?:a |the )?pag(?:e|er)|"
            r"reported by|first (?:customer )?report)",
            re.IGNORECASE,
        ),
    ),
    (
        "acknowledged",
        lazy(
            r"\b(?:acknowledg\w*|ack(?:ed|s)?\b|incident declared|declar(?:es|ed) (?:an |the )?"
            r"incident|"
            r"investigation (?:into [\w ]+ )?(?:commenced|started|began|begins)|"
            r"(?:started|began|begins) investigating)",
            re.IGNORECASE,
        ),
    ),
    (
        "mitigated",
        lazy(
            r"\b(?:mitigat(?:ed|es|ion applied)|rolled back|rollback (?:complete[sd]?|finished|"
            r"done|succeeded)|reverts? deployed|(?:change|deploy|deployment|release|commit|config|"
            r"update|upgrade|migration) (?:was |is |has been )?reverted|"
            r"workaround (?:applied|in place)|error rates? "
            r"(?:drops?|dropped|returns?|returned|recovers?|recovered))",
            re.IGNORECASE,
        ),
    ),
    (
        "resolved",
        lazy(
            r"\b(?:resolved|fully (?:restored|recovered|operational)|service (?:restored|"
            r"recovered)|(?:all )?(?:systems?|services?) (?:verified |are |is |back )?"
            r"(?:operational|healthy)|back to normal|incident (?:closed|resolved)|"
            r"(?:outage|incident|disruption|degradation) (?:ends|ended|is over|was over|over)\b)",
            re.IGNORECASE,
        ),
    ),
)

_ASIDE_DATE = lazy(r"^\((?P<date>[^()]{3,24})\)\s*[-–—:]?\s*")
_TIME_HEADERS = lazy(r"\b(?:time|date|when|timestamp|utc|at)\b", re.IGNORECASE)
_ROLE_HEADERS: dict[str, re.Pattern[str]] = {
    "date": lazy(r"^\W*(?:date|day)\W*$", re.IGNORECASE),
    "time": _TIME_HEADERS,
    "actor": lazy(r"^\W*(?:actor|who|by|person|owner|responder)\W*$", re.IGNORECASE),
    "source": lazy(r"^\W*(?:source|from|via|system|tool)\W*$", re.IGNORECASE),
    "marker": lazy(r"^\W*(?:moment|marker|milestone|key moment|phase|tag)\W*$", re.IGNORECASE),
}


class Context(Record):
    """What the document says once for the whole timeline."""

    __slots__ = ("date", "problems", "year", "zone")

    date: dt.date | None
    year: int | None
    zone: str | None
    problems: list[Problem]

    def __init__(
        self,
        date: dt.date | None = None,
        year: int | None = None,
        zone: str | None = None,
        problems: list[Problem] | None = None,
    ) -> None:
        self.date = date
        self.year = year
        self.zone = zone
        self.problems = [] if problems is None else problems


class _State(Record):
    __slots__ = ("date", "last", "undated", "unzoned", "zone")

    date: dt.date | None
    zone: str | None
    last: dt.datetime | None
    undated: list[int]
    unzoned: list[int]

    def __init__(
        self,
        date: dt.date | None,
        zone: str | None,
        last: dt.datetime | None = None,
        undated: list[int] | None = None,
        unzoned: list[int] | None = None,
    ) -> None:
        self.date = date
        self.zone = zone
        self.last = last
        self.undated = [] if undated is None else undated
        self.unzoned = [] if unzoned is None else unzoned


def read_timeline(
    sections: list[tuple[str, list[Block], bool]], context: Context
) -> list[TimelineEvent]:
    """Timeline events, in document order.

    ``sections`` holds every section as (title, blocks, is_timeline): entries are read from
    timeline sections only, but a date in any heading before them ("### October 24, 2025 -
    Rate limiting") dates the times that follow.
    """
    events: list[TimelineEvent] = []
    state = _State(date=None, zone=None)
    for title, blocks, is_timeline in sections:
        title_date = find_date(title, default_year=context.year)
        if title_date:
            state.date, state.last = title_date, None
        if not is_timeline:
            for block in blocks:
                if block.kind == "heading":
                    heading_date = find_date(block.text, default_year=context.year)
                    if heading_date:
                        state.date, state.last = heading_date, None
            continue
        # "## Timeline (all times ET)": the heading itself may state the zone.
        state.zone = _stated_zone(blocks) or zone_statement(title) or state.zone
        columns: dict[str, int] = {}
        entry_depth: int | None = None
        for block in blocks:
            if block.kind == "heading":
                heading_date = find_date(block.text, default_year=context.year)
                if heading_date:
                    state.date, state.last = heading_date, None
                continue
            if block.kind == "header":
                columns = _columns(block.cells)
                header_zone = _header_zone(block.cells)
                if header_zone:
                    state.zone = header_zone
                continue
            if block.kind == "row":
                event = _from_row(block, columns, state, context)
                if event is not None:
                    events.append(event)
                continue
            if block.kind == "item":
                if entry_depth is not None and block.depth > entry_depth:
                    stamp = read_stamp(block.text, default_year=context.year)
                    if stamp is None or stamp.time is None:
                        continue  # details under an entry, not an entry of their own
                event = _from_text(block.text, block.line, state, context, allow_untimed=True)
                if event is not None:
                    events.append(event)
                    if event.time_text and entry_depth is None:
                        entry_depth = block.depth
                continue
            for offset, line_text in enumerate(block.text.split("\n")):
                event = _from_text(
                    line_text, block.line + offset, state, context, allow_untimed=False
                )
                if event is not None:
                    events.append(event)
    _report(state, context)
    _infer_markers(events)
    return events


def _stated_zone(blocks: list[Block]) -> str | None:
    for block in blocks:
        if block.kind in ("paragraph", "heading"):
            zone = zone_statement(block.text)
            if zone:
                return zone
        elif block.kind in ("row", "header", "item"):
            break
    return None


def _columns(cells: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for index, cell in enumerate(cells):
        for role, pattern in _ROLE_HEADERS.items():
            if role not in roles and pattern.search(cell):
                if role == "time" and "date" in roles and _ROLE_HEADERS["date"].search(cell):
                    continue
                roles[role] = index
                break
    if "time" not in roles and "date" in roles:
        roles["time"] = roles.pop("date")
    text_columns = [i for i in range(len(cells)) if i not in roles.values()]
    if text_columns:
        event = next(
            (i for i in text_columns if _EVENT_HEADER.search(cells[i])),
            text_columns[0],
        )
        roles["event"] = event
    return roles


_EVENT_HEADER = lazy(r"event|what|description|action|detail|text|message|summary|note", re.I)
_BRACKETED_ZONE = lazy(r"[(\[]\s*([A-Za-z][\w/+:-]*)\s*[)\]]")
_BARE_ZONE = lazy(r"\b(UTC|GMT|[A-Z]{2,4}T)\b")


def _header_zone(cells: list[str]) -> str | None:
    for cell in cells:
        if _TIME_HEADERS.search(cell):
            zone = zone_statement(cell)
            if zone:
                return zone
            match = _BRACKETED_ZONE.search(cell)
            if match and (resolve_zone(match.group(1)) or match.group(1).upper() in AMBIGUOUS):
                return match.group(1)
            bare = _BARE_ZONE.search(cell)
            if bare and resolve_zone(bare.group(1)):
                return bare.group(1)
    return None


def _from_row(
    block: Block, columns: dict[str, int], state: _State, context: Context
) -> TimelineEvent | None:
    cells = block.cells
    if not any(cells):
        return None
    if not columns:
        columns = {"time": 0, "event": 1 if len(cells) > 1 else 0}

    def cell(role: str) -> str:
        index = columns.get(role)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    time_text = " ".join(part for part in (cell("date"), cell("time")) if part)
    text = cell("event")
    if not text:
        text = " ".join(c for i, c in enumerate(cells) if i not in columns.values()).strip()
    event = _from_text(time_text, block.line, state, context, allow_untimed=True, text=text)
    if event is None:
        return None
    event.actor = cell("actor") or None
    event.source = cell("source") or None
    marker = _MARKER_ALIASES.get(cell("marker").lower().strip(" *_"))
    if marker:
        event.marker = marker
    return event


def _from_text(
    line: str,
    number: int,
    state: _State,
    context: Context,
    *,
    allow_untimed: bool,
    text: str | None = None,
) -> TimelineEvent | None:
    stamp = read_stamp(line, default_year=context.year)
    if stamp is None:
        if not allow_untimed or not line.strip():
            return None
        return _event(text if text is not None else line, number)
    body = text if text is not None else stamp.rest
    if stamp.time is None and not stamp.placeholder and stamp.date is not None:
        # A date on its own ("**June 22**", "2021-12-17 | Log4j 2.17 published") sets the day.
        state.date, state.last = stamp.date, None
        if not body.strip() or (text is None and len(body) < 60 and not allow_untimed):
            return None
        event = _event(body, number)
        event.date, event.time_text = stamp.date, stamp.text
        return event
    aside = _ASIDE_DATE.match(body)
    if aside and stamp.date is None:
        # "22:30 UTC (Oct 29) - Incident reported": the day follows the time in brackets.
        aside_date = find_date(aside.group("date"), default_year=context.year)
        if aside_date is not None:
            stamp.date, stamp.year_known = aside_date, True
            body = body[aside.end() :]
    event = _event(body, number)
    event.time_text = stamp.text
    if stamp.placeholder:
        event.date = stamp.date
        return event
    assert stamp.time is not None
    _resolve(event, stamp, state, context)
    return event


def _event(text: str, line: int) -> TimelineEvent:
    text = " ".join(text.split())
    # A marker tag is bracketed ("[detected]", "(resolved)"): most entries have neither.
    match = _TAG.search(text) if "[" in text or "(" in text else None
    marker = _MARKER_ALIASES[match.group("tag").lower()] if match else _NO_MARKER
    return TimelineEvent(text=text, line=line, marker=marker)


_DAY = dt.timedelta(days=1)
_HALF_DAY = dt.timedelta(hours=12)


def _resolve(event: TimelineEvent, stamp: Stamp, state: _State, context: Context) -> None:
    assert stamp.time is not None
    from_context = stamp.date is None
    date = stamp.date or state.date or context.date
    zone_text = stamp.zone or state.zone or context.zone
    event.zone = zone_text
    if date is None or (not stamp.year_known and stamp.date is not None and context.year is None):
        state.undated.append(event.line)
        return
    when = dt.datetime.combine(date, stamp.time)
    # Times written without a date roll over midnight: 23:50 then 00:10 is the next day.
    if (
        from_context
        and state.last is not None
        and when < state.last
        and (when + _DAY) - state.last < _HALF_DAY
    ):
        when += _DAY
    # The day carries to the entries that follow, whether or not this one's zone is known.
    state.date, state.last = when.date(), when
    event.date = when.date()
    if zone_text is None:
        state.unzoned.append(event.line)
        return
    tz = resolve_zone(zone_text)
    if tz is None:
        context.problems.append(
            Problem(
                event.line,
                f"time zone {zone_text!r} is ambiguous or unknown; write an offset such as "
                "+05:30 or an IANA name such as Asia/Kolkata",
            )
        )
        return
    # combine() rather than replace(tzinfo=...): the same datetime, several times cheaper.
    event.time = dt.datetime.combine(when.date(), when.time(), tz)


def _report(state: _State, context: Context) -> None:
    if state.undated:
        count = len(state.undated)
        context.problems.append(
            Problem(
                state.undated[0],
                f"{count} timeline time(s) have no date anywhere in the document; add the date "
                "to the entries or set 'date:' in the front matter",
            )
        )
    if state.unzoned:
        count = len(state.unzoned)
        context.problems.append(
            Problem(
                state.unzoned[0],
                f"{count} timeline time(s) have no time zone; state it once "
                "(\"All times in UTC.\") or set 'timezone:' in the front matter",
            )
        )


# Words each moment's wording must contain before its expression is tried (a long timeline
# would otherwise run every expression over every entry).
_INFER_HINTS: dict[str, tuple[str, ...]] = {
    "started": ("began", "begin", "started", "start"),
    "detected": ("detect", "notic", "aware", "alert", "page", "report", "receiv"),
    "acknowledged": ("ack", "declar", "investigat"),
    "mitigated": ("mitigat", "rolled back", "rollback", "revert", "workaround", "error rate"),
    "resolved": (
        "resolved",
        "restored",
        "recovered",
        "operational",
        "healthy",
        "normal",
        "closed",
        "end",
        "over",
    ),
}


def _infer_markers(events: list[TimelineEvent]) -> None:
    """Mark moments the writer left unmarked, from wording; explicit markers always win."""
    taken = {e.marker for e in events}
    lowered: str | None = None
    starts: list[int] = []
    for moment, pattern in _INFER:
        if moment in taken:
            continue
        if lowered is None:
            # Every entry's text, lower-cased, one per line (entry texts hold no line breaks):
            # a hint is looked for once in the whole timeline, not once per entry.
            parts = [e.text.lower() for e in events]
            lowered = "\n".join(parts)
            offset = 0
            for part in parts:
                starts.append(offset)
                offset += len(part) + 1
        for index in _entries_with(lowered, starts, _INFER_HINTS[moment]):
            event = events[index]
            if event.marker == _NO_MARKER and pattern.search(event.text):
                event.marker = moment
                event.marker_inferred = True
                break


def _entries_with(lowered: str, starts: list[int], hints: tuple[str, ...]) -> list[int]:
    """Indexes, in order, of the entries whose lower-cased text holds one of ``hints``."""
    found: set[int] = set()
    for hint in hints:
        position = lowered.find(hint)
        while position != -1:
            index = bisect.bisect_right(starts, position) - 1
            found.add(index)
            # On to the next entry: one hit is enough.
            following = starts[index + 1] if index + 1 < len(starts) else len(lowered)
            position = lowered.find(hint, following)
    return sorted(found)
