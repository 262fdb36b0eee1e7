"""Helpers for the timeline tests: events and scenarios written as data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

from postmortems.cli.main import main
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


def _utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def assert_scenario(folder: Path, capsys: Any) -> None:
    """Run ``postmortems timeline`` over a labelled scenario folder as a user would and check it.

    ``expected.json`` names the sources, the window, an interval per key moment, texts that must
    and must not appear, and a minimum number of events; ``args`` (optional) adds options such
    as ``--tz`` for sources that write naive times. Nothing here knows the scenario.
    """
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    sources = [str(folder / name) for name in expected["sources"]]
    start, end = expected["window"]
    args = [*sources, "--from", start, "--to", end, *expected.get("args", [])]
    code = main(["timeline", *args, "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    result = json.loads(out)

    for name, (lo, hi) in expected["moments"].items():
        got = result["moments"][name]
        assert got is not None, f"{name}: no moment proposed"
        assert _utc(lo) <= _utc(got) <= _utc(hi), f"{name}: {got} not in [{lo}, {hi}]"
        assert result["evidence"][name]["text"], f"{name}: no supporting event"

    seen = [f"{e['text']} {e['actor'] or ''}" for e in result["events"]]
    for text in expected.get("must_include_text", []):
        assert any(text in s for s in seen), f"missing {text!r}"
    for text in expected.get("must_exclude_text", []):
        assert not any(text in s for s in seen), f"should not appear: {text!r}"
    assert len(result["events"]) >= expected.get("min_events", 0)
    assert all(_utc(start) <= _utc(e["time"]) < _utc(end) for e in result["events"])
