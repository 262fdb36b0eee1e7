"""Helpers for the timeline tests: events and scenarios written as data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from postmortems.timeline import Event

DATA = Path(__file__).parent / "data" / "timeline"


def when(value: Any) -> dt.datetime:
    """An aware datetime from YAML (already parsed, or an ISO string)."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def events_from(rows: list[list[Any]]) -> list[Event]:
    """``[time, source, kind, actor, text, (attrs)]`` rows -> events with a ref per row."""
    out = []
    for n, row in enumerate(rows):
        time, source, kind, actor, text = row[:5]
        attrs = row[5] if len(row) > 5 else {}
        out.append(Event(when(time), source, kind, text, actor, ref=f"{source}:{n}", attrs=attrs))
    return out


def scenarios() -> list[Path]:
    return sorted(DATA.glob("scenario_*.yaml"))


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data
