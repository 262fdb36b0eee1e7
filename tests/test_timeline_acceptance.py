"""Acceptance: the labelled multi-source scenarios of ../shared/eval, through the real command.

Each scenario folder holds its sources and an ``expected.json`` naming them, the window, an
interval per key moment, texts that must and must not appear, and a minimum number of events.
The command runs in-process exactly as a user would run it; nothing here knows the scenario.
"""

import json
import os
from pathlib import Path

import pytest

from timeline_cases import assert_scenario

SHARED = Path(
    os.environ.get("POSTMORTEMS_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared"
)
EVAL = SHARED / "eval"


def scenarios():
    found = sorted(p.parent for p in EVAL.glob("*/expected.json"))
    found = [p for p in found if "moments" in json.loads((p / "expected.json").read_text())]
    if not found:
        return [
            pytest.param(None, marks=pytest.mark.skip(reason=f"no timeline scenarios in {EVAL}"))
        ]
    return [pytest.param(p, id=p.name) for p in found]


@pytest.mark.corpus
@pytest.mark.parametrize("folder", scenarios())
def test_scenario(folder, capsys):
    assert_scenario(folder, capsys)
