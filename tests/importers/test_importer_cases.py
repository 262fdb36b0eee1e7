"""Every importer against its fixtures: cases as data in tests/fixtures/importers/*/cases.json.

A case names a fixture (``source``), optionally a declared kind and options, and the events and
skipped records expected, in time order. Only the fields a case spells out are compared.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from importer_support import FIXTURES, options_from
from postmortems.importers import registry
from postmortems.timeline.event import Event


def _cases() -> list[Any]:
    params = []
    for cases_file in sorted(FIXTURES.glob("*/cases.json")):
        for case in json.loads(cases_file.read_text(encoding="utf-8")):
            source = cases_file.parent.name
            params.append(pytest.param(source, case, id=f"{source}:{case['name'][:50]}"))
    return params


def _iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _normal_time(value: str | None) -> str | None:
    if value is None:
        return None
    return _iso(dt.datetime.fromisoformat(value))


def _view(event: Event, expected: dict[str, Any]) -> dict[str, Any]:
    got: dict[str, Any] = {}
    for key in expected:
        if key == "time":
            got[key] = _iso(event.time)
        elif key == "end":
            got[key] = _iso(event.end)
        elif key == "attrs":
            got[key] = {name: event.attrs.get(name) for name in expected["attrs"]}
        else:
            got[key] = getattr(event, key)
    return got


def _want(expected: dict[str, Any]) -> dict[str, Any]:
    want = dict(expected)
    for key in ("time", "end"):
        if key in want:
            want[key] = _normal_time(want[key])
    return want


@pytest.mark.parametrize(("directory", "case"), _cases())
def test_case(directory: str, case: dict[str, Any]) -> None:
    path = FIXTURES / directory / case["source"]
    kind = case.get("kind")
    detected = registry.detect(path)
    assert detected.name == case.get("detect", directory)
    importer = registry.get(kind) if kind else detected
    assert importer.name == directory
    result = importer.read(path, options_from(case.get("options", {})))
    events = sorted(result.events, key=lambda e: (e.time, e.ref))
    assert [_view(e, x) for e, x in zip(events, case["events"], strict=False)] == [
        _want(x) for x in case["events"]
    ]
    assert len(events) == len(case["events"]), [e.ref for e in events]
    for event in events:
        assert event.time.utcoffset() == dt.timedelta(0)
        assert event.source == directory
        assert event.ref
    skipped = [(s.position, s.reason) for s in result.skipped]
    assert [position for position, _ in skipped] == [s["position"] for s in case["skipped"]]
    for (_, reason), want in zip(skipped, case["skipped"], strict=True):
        assert want["reason"] in reason
