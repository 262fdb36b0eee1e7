"""Helpers shared by the importer tests: fixture paths and options written as data.

Imported by name (``from importer_support import ...``): pytest puts tests/ on the path.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from postmortems.importers.base import ImportOptions

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "importers"
#: ../shared beside the checkout; POSTMORTEMS_SHARED overrides it for a worktree elsewhere.
SHARED = Path(
    os.environ.get("POSTMORTEMS_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared"
)


def options_from(data: dict[str, Any]) -> ImportOptions:
    """ImportOptions from a case's ``options`` object (times as ISO strings, tz as a name)."""
    start = dt.datetime.fromisoformat(data["start"]) if data.get("start") else None
    end = dt.datetime.fromisoformat(data["end"]) if data.get("end") else None
    tz = ZoneInfo(data["tz"]) if data.get("tz") else None
    return ImportOptions(
        start=start,
        end=end,
        tz=tz,
        tz_name=data.get("tz"),
        channels=tuple(data.get("channels", ())),
        threshold=data.get("threshold"),
        columns=dict(data.get("columns", {})),
    )


def shared_dir(*parts: str) -> Path:
    """A folder of ../shared, or skip the test saying why."""
    path = SHARED.joinpath(*parts).resolve()
    if not path.exists():
        pytest.skip(f"shared material not found at {path} (tests read it from ../shared)")
    return path
