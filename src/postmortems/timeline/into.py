"""Merge a built timeline into a postmortem document (``postmortems timeline --into DOC.md``).

What it does to the document:

- The Timeline section becomes the canonical table (see :mod:`postmortems.timeline.markdown`) in
  the zone the document states ("All times in CET.", else front matter ``timezone``, else the
  zone asked for, else UTC). Every entry already there is kept, with its text, actor, source and
  explicit moment marker; imported events already present (same second, same words) are not
  added again, so a second run changes nothing. New events are placed by time; entries without
  a usable time stay after the entry they followed. Prose in the section is kept below the table.
- Moments are marked in the Moment column, unless the document already marks that moment.
- Key times left empty in the front matter are filled from the proposals; a time the writer set
  is never overwritten (a moment the writer marked in the Timeline fills its empty key too). A
  section is created when the document has no Timeline.

Everything else goes through the document renderer, which writes section bodies verbatim.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from postmortems.document import render
from postmortems.document.structure import markdown_lines
from postmortems.document.zones import resolve_zone, zone_statement
from postmortems.model import SECTIONS, Postmortem, Section, TimelineEvent
from postmortems.timeline.build import Timeline
from postmortems.timeline.event import Event
from postmortems.timeline.markdown import MARKERS, Row, render_table, zone_info
from postmortems.timeline.moments import MOMENT_NAMES

_WORDS = re.compile(r"[\W_]+")


@dataclass(slots=True)
class IntoResult:
    """The new document text and what changed."""

    text: str
    added: int = 0
    kept: int = 0
    filled: list[str] = field(default_factory=list)
    marked: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when the document needs writing."""
        return bool(self.added or self.filled or self.marked)

    def summary(self) -> str:
        """One line for the terminal."""
        if not self.changed:
            return f"up to date ({self.kept} timeline entries)"
        parts = [f"added {self.added} timeline entries, kept {self.kept}"]
        if self.marked:
            parts.append("marked " + ", ".join(self.marked))
        if self.filled:
            parts.append("filled " + ", ".join(self.filled))
        return "; ".join(parts)


def known_moments(pm: Postmortem) -> dict[str, dt.datetime | None]:
    """Moments the document states: front matter (or text) first, then explicit markers."""
    known: dict[str, dt.datetime | None] = {name: pm.meta.moment(name) for name in MOMENT_NAMES}
    for entry in pm.timeline:
        when = entry.utc()
        stated = entry.marker in known and not entry.marker_inferred
        if stated and known[entry.marker] is None and when is not None:
            known[entry.marker] = when
    return known


def document_zone(pm: Postmortem, fallback: str | None = None) -> tuple[str, dt.tzinfo]:
    """The zone the Timeline is written in: stated, front matter, ``fallback``, else UTC."""
    for name in (pm.document_zone, pm.meta.timezone, fallback):
        if not name:
            continue
        tz = resolve_zone(name)
        if tz is None:
            try:
                tz = zone_info(name)
            except ValueError:
                continue
        return name, tz
    return "UTC", dt.UTC


def merge_into(pm: Postmortem, timeline: Timeline, zone: str | None = None) -> IntoResult:
    """The document text with ``timeline`` merged in (see the module docstring).

    Args:
        pm: The parsed document; it is updated in place.
        timeline: The built timeline.
        zone: Zone for the table when the document states none (``--tz``).
    """
    name, tz = document_zone(pm, zone)
    section = pm.section("timeline")
    entries = [e for e in pm.timeline if section and section.line <= e.line <= section.end_line]
    explicit = {e.marker for e in entries if e.marker in MARKERS and not e.marker_inferred}
    marks = timeline.markers()
    rows, added, marked = _merge_rows(entries, timeline.events, marks, explicit)
    filled = _fill_front_matter(pm, timeline, tz)
    result = IntoResult(pm.source, added, len(entries), filled, marked)
    if not result.changed:
        return result
    table = render_table(rows, name, tz).rstrip("\n")
    if section is None:
        _insert_section(pm, table)
    else:
        prose = _prose(pm, section, entries)
        # The zone line opens the section (the canonical form); the writer's prose follows.
        section.body = f"{table}\n\n{prose}" if prose else table
    result.text = render(pm)
    return result


def _key(when: dt.datetime | None, text: str) -> tuple[dt.datetime, str] | None:
    if when is None:
        return None
    return when.astimezone(dt.UTC).replace(microsecond=0), _WORDS.sub("", text.lower())


def _merge_rows(
    entries: list[TimelineEvent],
    events: list[Event],
    marks: dict[int, str],
    explicit: set[str],
) -> tuple[list[Row], int, list[str]]:
    present = {k: n for n, e in enumerate(entries) if (k := _key(e.utc(), e.text)) is not None}
    moments: dict[int, str] = {}  # entry index -> moment to mark
    new: list[tuple[Event, str | None]] = []
    marked: list[str] = []
    for event in events:
        moment = marks.get(id(event))
        if moment in explicit or moment in marked:
            moment = None
        found = present.get(_key(event.time, event.text))  # type: ignore[arg-type]
        if found is None:
            new.append((event, moment))
        elif moment and entries[found].marker not in MARKERS and found not in moments:
            moments[found] = moment
        else:
            moment = None
        if moment:
            marked.append(moment)
    rows: list[Row] = []
    pending = iter(new)
    upcoming = next(pending, None)
    for n, entry in enumerate(entries):
        when = entry.utc()
        while upcoming is not None and when is not None and upcoming[0].time < when:
            rows.append(_event_row(*upcoming))
            upcoming = next(pending, None)
        marker = entry.marker if entry.marker in MARKERS and not entry.marker_inferred else None
        rows.append(
            Row(
                entry.time,
                entry.text,
                entry.actor,
                entry.source,
                marker or moments.get(n),
                entry.time_text,
            )
        )
    while upcoming is not None:
        rows.append(_event_row(*upcoming))
        upcoming = next(pending, None)
    order = {m: i for i, m in enumerate(MARKERS)}
    return rows, len(new), sorted(marked, key=order.__getitem__)


def _event_row(event: Event, moment: str | None) -> Row:
    return Row(event.time, event.text, event.actor, event.source, moment)


def _fill_front_matter(pm: Postmortem, timeline: Timeline, tz: dt.tzinfo) -> list[str]:
    filled = []
    for name in MOMENT_NAMES:
        moment = timeline.moments.get(name)
        if moment is None or getattr(pm.meta, name) is not None:
            continue
        setattr(pm.meta, name, moment.time.astimezone(tz))
        filled.append(name)
    return filled


def _prose(pm: Postmortem, section: Section, entries: list[TimelineEvent]) -> str:
    """The section's lines that are neither entries, table rows nor the zone statement."""
    lines = markdown_lines(pm.source)
    drop = {e.line for e in entries}
    kept: list[str] = []
    for number in range(section.body_line, section.end_line + 1):
        line = lines[number - 1] if 0 < number <= len(lines) else ""
        stripped = line.strip()
        if number in drop or stripped.startswith("|"):
            continue
        if stripped and zone_statement(stripped):
            line = _without_zone_sentence(line)
            if not line.strip():
                continue
        kept.append(line.rstrip())
    text = "\n".join(kept).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def _without_zone_sentence(line: str) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", line.strip())
    return " ".join(s for s in sentences if not zone_statement(s))


def _insert_section(pm: Postmortem, body: str) -> None:
    order = [spec.key for spec in SECTIONS]
    at = order.index("timeline")
    position = len(pm.sections)
    for n, section in enumerate(pm.sections):
        if section.key in order and order.index(section.key) > at:
            position = n
            break
    level = min((s.level for s in pm.sections), default=2)
    pm.sections.insert(
        position,
        Section(
            title="Timeline",
            key="timeline",
            body=body,
            level=level,
            line=0,
            end_line=0,
            heading="#" * level + " Timeline",
        ),
    )
