"""Acceptance: the labelled multi-source scenarios of ../shared/eval, through the real command.

Each scenario folder holds its sources and an ``expected.json`` naming them, the window, an
interval per key moment, texts that must and must not appear, and a minimum number of events.
The command runs in-process exactly as a user would run it; nothing here knows the scenario.
"""

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from postmortems.cli.main import main

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


def utc(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.mark.corpus
@pytest.mark.parametrize("folder", scenarios())
def test_scenario(folder, capsys):
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    sources = [str(folder / name) for name in expected["sources"]]
    start, end = expected["window"]
    code = main(["timeline", *sources, "--from", start, "--to", end, "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    result = json.loads(out)

    for name, (lo, hi) in expected["moments"].items():
        got = result["moments"][name]
        assert got is not None, f"{name}: no moment proposed"
        assert utc(lo) <= utc(got) <= utc(hi), f"{name}: {got} not in [{lo}, {hi}]"
        assert result["evidence"][name]["text"], f"{name}: no supporting event"

    seen = [f"{e['text']} {e['actor'] or ''}" for e in result["events"]]
    for text in expected.get("must_include_text", []):
        assert any(text in s for s in seen), f"missing {text!r}"
    for text in expected.get("must_exclude_text", []):
        assert not any(text in s for s in seen), f"should not appear: {text!r}"
    assert len(result["events"]) >= expected.get("min_events", 0)
    assert all(utc(start) <= utc(e["time"]) < utc(end) for e in result["events"])
