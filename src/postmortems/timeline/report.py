"""The timeline as plain data (for ``--format json``) and as a terminal table."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable
from typing import Any

from postmortems.timeline.build import Timeline
from postmortems.timeline.event import Event
from postmortems.timeline.moments import MOMENT_NAMES

#: A string as JSON, as ``json.dumps(..., ensure_ascii=False)`` writes it (the C encoder).
_string: Callable[[str], str] = json.encoder.encode_basestring


def iso_utc(when: dt.datetime | None) -> str | None:
    """ISO 8601 in UTC with a ``Z``; fractions of a second kept when there are any."""
    if when is None:
        return None
    return _iso(when)


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).isoformat().removesuffix("+00:00") + "Z"


def event_dict(event: Event) -> dict[str, Any]:
    """One event as ``{time, source, kind, actor, text, ref}``."""
    return {
        "time": iso_utc(event.time),
        "source": event.source,
        "kind": event.kind,
        "actor": event.actor,
        "text": event.text,
        "ref": event.ref,
    }


def event_line(event: Event) -> str:
    """``json.dumps(event_dict(event), ensure_ascii=False)``, the same characters, written out
    field by field (more than twice as fast: a year of chat is a million events)."""
    source, kind, actor, text, ref = event.source, event.kind, event.actor, event.text, event.ref
    if not (
        isinstance(source, str)
        and isinstance(kind, str)
        and isinstance(text, str)
        and isinstance(ref, str)
        and (actor is None or isinstance(actor, str))
    ):
        return json.dumps(event_dict(event), ensure_ascii=False)
    return (
        f'{{"time": "{_iso(event.time)}", "source": {_string(source)}, '
        f'"kind": {_string(kind)}, "actor": {"null" if actor is None else _string(actor)}, '
        f'"text": {_string(text)}, "ref": {_string(ref)}}}'
    )


def to_dict(timeline: Timeline | _Empty) -> dict[str, Any]:
    """The whole timeline as JSON-ready data (the ``--format json`` object)."""
    moments = {n: iso_utc(m.time) if (m := timeline.moments.get(n)) else None for n in MOMENT_NAMES}
    evidence: dict[str, Any] = {}
    for name in MOMENT_NAMES:
        moment = timeline.moments.get(name)
        evidence[name] = (
            None
            if moment is None
            else {
                "text": moment.event.text if moment.event else None,
                "source": moment.event.source if moment.event else None,
                "ref": moment.event.ref if moment.event else None,
                "reason": moment.reason,
                "from_document": moment.from_document,
            }
        )
    return {
        "window": {"from": iso_utc(timeline.window.start), "to": iso_utc(timeline.window.end)},
        "events": [event_dict(e) for e in timeline.events],
        "moments": moments,
        "evidence": evidence,
        "triggers": [
            {**event_dict(t.event), "score": t.score, "reason": t.reason} for t in timeline.triggers
        ],
        "metrics": timeline.metrics,
        "skipped": [
            {"source": s.source, "position": s.position, "reason": s.reason}
            for s in timeline.skipped
        ],
    }


def write_json(timeline: Timeline, write: Callable[[str], object]) -> None:
    """Write :func:`to_dict` as JSON, one event per line, without building it all in memory.

    The result is the same object ``json.dumps(to_dict(timeline), indent=2)`` describes; lists
    of events and skipped records put one compact item on each line, which keeps a year of
    chat fast to write (the C encoder) and still easy to read and grep.
    """
    data = to_dict(_Empty(timeline))
    write("{\n")
    keys = list(data)
    for n, key in enumerate(keys):
        comma = "," if n < len(keys) - 1 else ""
        if key in ("events", "skipped"):
            lines = (
                map(event_line, timeline.events)
                if key == "events"
                else (json.dumps(item, ensure_ascii=False) for item in data["skipped"])
            )
            write(f"  {json.dumps(key)}: [")
            first = True
            # A thousand lines per write: a year of chat is a million of them.
            while batch := list(itertools.islice(lines, 1000)):
                write(("\n    " if first else ",\n    ") + ",\n    ".join(batch))
                first = False
            write(f"{'' if first else chr(10) + '  '}]{comma}\n")
        else:
            body = json.dumps(data[key], indent=2, ensure_ascii=False).replace("\n", "\n  ")
            write(f"  {json.dumps(key)}: {body}{comma}\n")
    write("}\n")


class _Empty:
    """A view of a timeline without its events, so :func:`to_dict` leaves them to the writer."""

    def __init__(self, timeline: Timeline) -> None:
        self.events: list[Event] = []
        self.moments = timeline.moments
        self.triggers = timeline.triggers
        self.metrics = timeline.metrics
        self.window = timeline.window
        self.skipped = timeline.skipped


def to_text(timeline: Timeline, width: int = 0) -> str:
    """A plain table for the terminal: events with their moment marks, then moments and metrics.

    Event texts are cut to fit ``width`` columns; ``0`` keeps them whole.
    """
    marks = timeline.markers()
    rows = [
        (
            e.time.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S"),
            e.source,
            e.kind,
            e.actor or "",
            marks.get(id(e), ""),
            " ".join(e.text.split()),
        )
        for e in timeline.events
    ]
    head = ("Time (UTC)", "Source", "Kind", "Actor", "Moment", "Event")
    widths = [max([len(head[i])] + [len(r[i]) for r in rows]) for i in range(5)]
    used = sum(widths) + 2 * 5
    text_width = max(20, width - used) if width else 1 << 30
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, [*widths, 0], strict=True)).rstrip()]
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row[:5], widths, strict=True)]
        text = row[5] if len(row[5]) <= text_width else row[5][: text_width - 1] + "…"
        lines.append("  ".join([*cells, text]).rstrip())
    lines.append("")
    for name in MOMENT_NAMES:
        moment = timeline.moments.get(name)
        if moment is None:
            lines.append(f"{name:<13} -")
        else:
            lines.append(f"{name:<13} {iso_utc(moment.time)}  ({moment.reason})")
    for trigger in timeline.triggers[:3]:
        lines.append(f"{'trigger?':<13} {iso_utc(trigger.event.time)}  {trigger.event.text}")
        lines.append(f"{'':<13} ({trigger.reason})")
    for name, value in timeline.metrics.items():
        lines.append(f"{name:<22} {_duration(value)}")
    return "\n".join(lines) + "\n"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return (
        f"{sign}{hours}h {minutes:02d}m {secs:02d}s" if hours else f"{sign}{minutes}m {secs:02d}s"
    )
