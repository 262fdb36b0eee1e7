"""Timeline sections as written in real postmortems, as data (fixtures/cases/timeline.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from postmortems.document import parse_text
from support import FIXTURES

CASES = yaml.safe_load((FIXTURES / "cases" / "timeline.yaml").read_text(encoding="utf-8"))


def iso(value) -> str | None:
    # YAML reads the expected times as datetimes; compare them as ISO 8601 UTC strings.
    if value is None:
        return None
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def document(case: dict) -> str:
    front = f"---\n{case['front']}\n---\n\n" if case.get("front") else ""
    return front + case["doc"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_timeline_case(case):
    pm = parse_text(document(case))
    got = [
        [e.utc().isoformat().replace("+00:00", "Z") if e.time else None, e.marker]
        for e in pm.timeline
    ]
    expected = [[iso(t), m] for t, m in case["expect"]]
    assert got == expected
    messages = " | ".join(p.message for p in pm.problems)
    for problem in case.get("problems", []):
        assert problem in messages
    if not case.get("problems"):
        assert not pm.problems, messages
