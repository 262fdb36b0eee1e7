"""The JSON view of a postmortem that ``postmortems show --format json`` prints.

This is a contract other tools rely on: top-level keys ``meta``, ``sections``, ``timeline``,
``contributing_factors``, ``action_items``, ``moments``, ``metrics``, ``problems``. Keys are only
ever added inside the objects, never renamed or removed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from postmortems.document.frontmatter import format_datetime
from postmortems.metrics import document_moments, durations, iso_utc
from postmortems.model import MOMENTS, Postmortem


def to_dict(pm: Postmortem) -> dict[str, Any]:
    """The JSON-ready view of ``pm``."""
    moments = document_moments(pm)
    return {
        "meta": meta_dict(pm),
        "sections": [{"title": s.title, "key": s.key, "line": s.line} for s in pm.sections],
        "timeline": [
            {
                "time": iso_utc(e.time),
                "text": e.text,
                "line": e.line,
                "marker": e.marker,
                "zone": e.zone,
                "actor": e.actor,
                "source": e.source,
                "date": e.date.isoformat() if e.date else None,
            }
            for e in pm.timeline
        ],
        "contributing_factors": [{"text": i.text, "line": i.line} for i in pm.contributing_factors],
        "action_items": [
            {
                "text": a.text,
                "owner": a.owner,
                "due": a.due.isoformat() if a.due else None,
                "status": a.status,
                "line": a.line,
                "id": a.id,
                "due_text": a.due_text,
                "priority": a.priority,
                "type": a.type,
                "tracker": a.tracker,
            }
            for a in pm.action_items
        ],
        "moments": {name: iso_utc(moments[name]) for name in MOMENTS},
        "metrics": durations(moments),
        "problems": [{"line": p.line, "message": p.message} for p in pm.problems],
    }


def meta_dict(pm: Postmortem) -> dict[str, Any]:
    """Metadata as JSON values; times keep the offset they were written with."""
    meta = pm.meta
    data: dict[str, Any] = {
        "id": meta.id,
        "title": meta.title,
        "kind": meta.kind,
        "severity": meta.severity,
        "status": meta.status,
        "date": _json(meta.date),
        "timezone": meta.timezone,
        "services": meta.services,
        "tags": meta.tags,
        "authors": meta.authors,
        "participants": [{"name": p.name, "role": p.role} for p in meta.participants],
        "owners": meta.owners,
        **{name: _json(meta.moment(name)) for name in MOMENTS},
        "review_date": _json(meta.review_date),
        "facilitator": meta.facilitator,
        "attendees": meta.attendees,
        "slo": None
        if meta.slo is None
        else {
            "name": meta.slo.name,
            "target": meta.slo.target,
            "window": meta.slo.window,
            "budget_consumed": meta.slo.budget_consumed,
        },
        "links": [{"url": link.url, "title": link.title} for link in meta.links],
        "extra": {k: _json(v) for k, v in meta.extra.items()},
        "path": pm.path,
    }
    return data


def _json(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    return value
