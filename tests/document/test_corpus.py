"""Every real postmortem in the shared corpus parses; the report shows what was read."""

from __future__ import annotations

import pytest

from postmortems.document import parse_file, parse_text, render
from support import content, corpus_files, needs_corpus

pytestmark = needs_corpus
FILES = corpus_files()


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_parses_and_round_trips(path):
    pm = parse_file(path)
    rendered = render(pm)
    again = parse_text(rendered, path=str(path))
    assert content(again) == content(pm)
    assert render(again) == rendered


def test_corpus_report(capsys):
    """Per document: sections found, timeline events with a resolved time, action items."""
    rows = []
    with_timeline = with_times = 0
    for path in FILES:
        pm = parse_file(path)
        timed = sum(1 for e in pm.timeline if e.time is not None)
        keys = sorted({s.key for s in pm.sections if s.key})
        if pm.timeline:
            with_timeline += 1
            with_times += timed > 0
        rows.append(
            f"{path.parent.name}/{path.name[:48]:48} sections={len(pm.sections):2} "
            f"timeline={len(pm.timeline):2} timed={timed:2} actions={len(pm.action_items):2} "
            f"owned={sum(1 for a in pm.action_items if a.owner):2} "
            f"dated={sum(1 for a in pm.action_items if a.due or a.due_text):2} "
            f"keys={','.join(keys)}"
        )
    share = with_times / with_timeline
    with capsys.disabled():
        print("\n" + "\n".join(rows))
        print(
            f"documents with a timeline: {with_timeline}; with timestamped events: "
            f"{with_times} ({share:.0%})"
        )
    assert share >= 0.9


@pytest.mark.parametrize(
    ("name", "timed", "first_utc"),
    [
        ("pm2021-005-all-services-returning-503-in-kubernetes.md", 7, "2021-06-22T08:21:00Z"),
        # "Date and Time in CET" in the column header: 12:00 CET is 11:00 UTC.
        (
            "pm2019-009-kubernetes-network-infrastructure-ip-starvation.md",
            13,
            "2019-11-29T11:00:00Z",
        ),
        # Times only; the date comes from the title "October 3, 2025".
        ("2025-10-03-surveys-sdk-bug.md", 8, "2025-10-03T10:45:00Z"),
        # Date headings between timelines ("### October 24, 2025 - ...") date what follows.
        ("2025-10-21-feature-flags-recurring-outages.md", 41, "2025-10-21T21:45:00Z"),
    ],
)
def test_timeline_times_resolved(name, timed, first_utc):
    path = next(p for p in FILES if p.name == name)
    pm = parse_file(path)
    times = [e for e in pm.timeline if e.time is not None]
    assert len(times) == timed
    assert times[0].utc().isoformat().replace("+00:00", "Z") == first_utc


def test_multi_day_headings_carry_dates():
    path = next(p for p in FILES if p.name.startswith("2025-10-21"))
    days = {e.utc().date().isoformat() for e in parse_file(path).timeline if e.time}
    assert days == {"2025-10-21", "2025-10-24", "2025-10-28", "2025-10-29", "2025-10-30"}


def test_placeholders_are_not_times():
    path = next(p for p in FILES if p.name == "pm2022-006-alb-502-errors.md")
    pm = parse_file(path)
    assert sum(1 for e in pm.timeline if e.time) == 1  # only "2022-06-07 08:30" is a time
    assert all(e.time_text for e in pm.timeline)
