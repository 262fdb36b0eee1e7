import datetime as dt
import os
from pathlib import Path

import pytest

from postmortems.timeline.markdown import Row, escape_cell, format_time, render_section

GOLDEN = Path(__file__).parent / "golden" / "timeline"
UTC = dt.UTC


def t(text):
    return dt.datetime.fromisoformat(text)


ROWS = [
    Row(
        t("2025-02-14T08:50:05+00:00"),
        "Release 2025.02.14-1 deployed (migration 0042)",
        "Grace Hopper",
        "git",
        "trigger",
    ),
    Row(
        t("2025-02-14T08:58:55+00:00"),
        "Alert OrdersWriteErrors firing",
        None,
        "alertmanager",
        "detected",
    ),
    Row(
        t("2025-02-14T10:00:55+01:00"),
        "Page acknowledged | escalation 1\nby phone",
        "Mia Wong",
        "pagerduty",
        "acknowledged",
    ),
    Row(t("2025-02-14T09:30:00+00:00"), "Rollback complete", "Omar Haddad", "slack", None),
    Row(None, "Customer tickets start arriving", None, None, None, time_text="around 09:00"),
]

CASES = {
    "full_utc": (ROWS, "UTC"),
    "full_copenhagen": (ROWS, "Europe/Copenhagen"),
    "text_only": ([Row(r.time, r.text) for r in ROWS[:2]], "UTC"),
    "dst_fold": (
        [
            Row(t("2025-10-26T00:30:00+00:00"), "first 02:30 local (CEST)"),
            Row(t("2025-10-26T01:30:00+00:00"), "second 02:30 local (CET)"),
        ],
        "Europe/Copenhagen",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_render_matches_golden(name):
    rows, zone = CASES[name]
    got = render_section(rows, zone)
    path = GOLDEN / f"{name}.md"
    if os.environ.get("POSTMORTEMS_UPDATE_GOLDEN"):  # regenerate after a deliberate format change
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


def test_seconds_only_when_not_zero():
    assert format_time(t("2025-02-14T08:50:00+00:00"), UTC) == "2025-02-14 08:50"
    assert format_time(t("2025-02-14T08:50:05.512+00:00"), UTC) == "2025-02-14 08:50:05"


def test_escape_cell():
    assert escape_cell("a | b\nc   d") == "a \\| b c d"


def test_unknown_zone_is_an_error():
    with pytest.raises(ValueError, match="unknown time zone"):
        render_section(ROWS, "Mars/Olympus")
