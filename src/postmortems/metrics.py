"""Key moments and the durations that follow from them (pure core)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from postmortems.model import MOMENTS, Postmortem

#: Each duration is the time between two moments. Teams define them differently; these follow
#: the common usage (Google SRE workbook, incident.io, PagerDuty): detection, acknowledgement,
#: mitigation and resolution are measured from when impact started, except acknowledgement,
#: which is measured from detection (how long a page waited for a human).
DEFAULT_DURATIONS: dict[str, tuple[str, str]] = {
    "time_to_detect": ("started", "detected"),
    "time_to_acknowledge": ("detected", "acknowledged"),
    "time_to_mitigate": ("started", "mitigated"),
    "time_to_resolve": ("started", "resolved"),
}


def document_moments(pm: Postmortem) -> dict[str, dt.datetime | None]:
    """The key moments of a document: front matter first, else the timeline's markers.

    A marker the writer set explicitly wins over one inferred from wording; the earliest marked
    event counts.
    """
    result: dict[str, dt.datetime | None] = {}
    for name in MOMENTS:
        value = pm.meta.moment(name)
        if value is None:
            marked = [e for e in pm.timeline if e.marker == name and e.time is not None]
            explicit = [e for e in marked if not e.marker_inferred]
            chosen = explicit or marked
            value = min((e.time for e in chosen if e.time is not None), default=None)
        result[name] = value
    return result


def durations(
    moments: Mapping[str, dt.datetime | None],
    definitions: Mapping[str, tuple[str, str]] | None = None,
) -> dict[str, float | None]:
    """Seconds between moment pairs (``None`` when either moment is unknown).

    A negative duration (resolved before it started) is returned as is; it is a fact about the
    document that a reviewer needs to see, not something to hide.
    """
    result: dict[str, float | None] = {}
    for name, (start, end) in (definitions or DEFAULT_DURATIONS).items():
        a, b = moments.get(start), moments.get(end)
        result[f"{name}_s"] = (b - a).total_seconds() if a is not None and b is not None else None
    return result


def iso_utc(value: dt.datetime | None) -> str | None:
    """ISO 8601 in UTC with a ``Z``, or ``None``."""
    if value is None:
        return None
    text = value.astimezone(dt.UTC).isoformat()
    return text.replace("+00:00", "Z")
