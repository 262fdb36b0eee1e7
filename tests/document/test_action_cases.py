"""Action items as written in real postmortems, as data (fixtures/cases/actions.yaml)."""

from __future__ import annotations

import pytest
import yaml

from postmortems.document import parse_text
from support import FIXTURES

CASES = yaml.safe_load((FIXTURES / "cases" / "actions.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_action_case(case):
    front = f"---\n{case['front']}\n---\n\n" if case.get("front") else ""
    pm = parse_text(front + case["doc"])
    assert len(pm.action_items) == len(case["expect"])
    for item, expected in zip(pm.action_items, case["expect"], strict=True):
        for field, value in expected.items():
            assert getattr(item, field) == value, (field, item)
