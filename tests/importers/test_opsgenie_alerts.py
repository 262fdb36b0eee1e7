"""Opsgenie logs of several alerts in one file, through ``postmortems timeline``: the moments
must not mix the alerts up (the entries themselves do not say which alert they belong to)."""

from __future__ import annotations

import json

import pytest

from importer_support import FIXTURES
from postmortems.cli.main import main


def test_an_unrelated_alert_closing_does_not_resolve_the_incident(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The paging alert is created at 08:00 and closed at 09:00; another alert fires at 08:10
    # and closes at 08:20 while the first is still open.
    path = FIXTURES / "opsgenie" / "overlapping_alerts.json"
    assert main(["timeline", str(path), "--format", "json"]) == 0
    moments = json.loads(capsys.readouterr().out)["moments"]
    assert moments["detected"] == "2025-02-14T08:00:00Z"
    assert moments["resolved"] == "2025-02-14T09:00:00Z"
