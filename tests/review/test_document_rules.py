"""The section, timeline, impact and review rules beyond their examples."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from postmortems.document import parse_file, parse_text
from postmortems.review import LintConfig, review
from postmortems.review.config import parse_config
from postmortems.review.registry import RULES
from postmortems.review.rules._clock import today
from postmortems.review.rules.section._text import has_content
from postmortems.review.rules.timeline._entries import moments, year_typos
from postmortems.review.rules.timeline.order import displaced
from support import ROOT, corpus_files, needs_corpus

FAMILIES = ("section", "action", "timeline", "impact", "review")
EXAMPLES = ROOT / "examples"
TODAY = "2026-11-29"


def _config(*select: str, **table: object) -> LintConfig:
    return parse_config(table, RULES).replace(select=select)


def _lint(text: str, *select: str, **table: object):
    return review(parse_text(text, path="doc.md"), _config(*select, **table))


@pytest.mark.parametrize(
    ("body", "content"),
    [
        ("", False),
        ("<!-- guidance -->\n", False),
        ("All times in UTC.\n\n| Time | Event |\n| --- | --- |\n", False),
        ("| Time | Event |\n| --- | --- |\n|  |  |\n", False),
        ("-\n", False),
        ("- [ ] \n", False),
        ("### Immediate actions\n", False),
        ("| Time | Event |\n| --- | --- |\n| 10:00 | Deploy |\n", True),
        ("None: the job retried on its own.\n", True),
    ],
)
def test_what_counts_as_content(body, content):
    assert has_content(body) is content


def test_template_of_postmortems_new_is_all_empty_sections():
    from postmortems.document.template import new_document

    text = new_document("Checkout errors", "incident", dt.date(2025, 1, 1))
    found = _lint(text, "section.empty", "section.placeholder", "section.missing")
    rules = Counter(f.rule for f in found)
    assert rules == {"section.empty": 14}, found


def test_guidance_beside_content_is_info_only():
    from postmortems.document.template import guidance_comment

    text = f"## Impact\n\n{guidance_comment('impact')}\n\n12,400 users for 95 minutes.\n"
    found = _lint(text, "section.placeholder", "section.empty")
    assert [(f.rule, f.severity.value) for f in found] == [("section.placeholder", "info")]


def test_timeline_times_without_zone_still_compare():
    pm = parse_text("## Timeline\n\n- 2025-02-14 23:50 Queue grows\n- 00:10 Consumers restarted\n")
    found = moments(pm)
    assert [w.aware for w in found] == [False, False]
    assert found[1].at == dt.datetime(2025, 2, 15, 0, 10)


@pytest.mark.parametrize(
    ("times", "out_of_place"),
    [
        ([1, 2, 3], []),
        ([1, 1, 2], []),
        ([1, 3, 2, 4], [2]),
        ([5, 1, 2, 3], [0]),
        ([1, 2, 9, 3, 4], [2]),
    ],
)
def test_displaced_entries_are_the_fewest(times, out_of_place):
    from postmortems.model import TimelineEvent
    from postmortems.review.rules.timeline._entries import When

    base = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    entries = [
        When(TimelineEvent(text="x", line=i), base + dt.timedelta(minutes=m), True)
        for i, m in enumerate(times)
    ]
    assert displaced(entries) == out_of_place


def test_year_typo_at_new_year():
    text = """---
date: 2026-01-02
---
## Timeline

All times in UTC.

- 2026-01-01 23:40 Disk fills
- 2025-01-02 00:05 Replica promoted
- 2026-01-02 00:30 Writes recover
"""
    typos = year_typos(parse_text(text))
    assert [(t.written, t.meant) for t in typos] == [(dt.date(2025, 1, 2), dt.date(2026, 1, 2))]


def test_order_leaves_year_typos_to_wrong_year():
    text = """## Timeline

All times in UTC.

- 2026-05-26 09:14 Deploy
- 2025-05-26 10:40 Rolled back
- 2026-05-26 10:55 Recovered
"""
    rules = [f.rule for f in _lint(text, "timeline.order", "timeline.wrong-year")]
    assert rules == ["timeline.wrong-year"]


def test_review_deadline_comes_from_the_configuration():
    text = "---\nresolved: 2026-05-26T10:55:00Z\nreview_date: 2026-06-02\n---\n# Outage\n"
    assert [f.line for f in _lint(text, "review.late")] == [3]
    assert _lint(text, "review.late", **{"review-deadline-days": 7}) == []


def test_overdue_severity_follows_the_status():
    head = "---\n{status}resolved: 2026-11-26T18:05:00Z\n---\n# Emails delayed\n"
    options = {"rules": {"review.overdue": {"today": "2026-12-04"}}}
    draft = _lint(head.format(status="status: draft\n"), "review.overdue", **options)
    unknown = _lint(head.format(status=""), "review.overdue", **options)
    assert [f.severity.value for f in draft] == ["warning"]
    assert [f.severity.value for f in unknown] == ["info"]


def test_clock_defaults_to_the_current_utc_day():
    before = dt.datetime.now(dt.UTC).date()
    value = today({"today": ""}, "review.overdue")
    after = dt.datetime.now(dt.UTC).date()
    assert before <= value <= after
    assert today({"today": "2025-03-10"}, "review.overdue") == dt.date(2025, 3, 10)


def test_budget_stated_in_prose_counts():
    text = """---
slo:
  name: email-latency
  target: 99% within 2 minutes
---
## Impact

- **Error budget.** This incident: 41,300 late emails, 64% of the budget.
"""
    assert _lint(text, "impact.no-budget") == []


# -- the demo archive and the corpus -----------------------------------------------------------

POOR = EXAMPLES / "2026-05-26-login-outage.md"


@pytest.mark.skipif(not POOR.is_file(), reason="the demo archive (examples/) is not here yet")
def test_the_poor_example_is_caught():
    config = _config(*FAMILIES, rules={"action.stale": {"today": TODAY}})
    found = {f.rule for f in review(parse_file(POOR), config)}
    expected = {
        "section.missing",
        "section.placeholder",
        "impact.no-figures",
        "timeline.no-zone",
        "timeline.order",
        "timeline.wrong-year",
        "action.vague",
        "action.no-owner",
        "action.no-due",
        "review.late",
    }
    assert expected <= found


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="the demo archive (examples/) is not here yet")
def test_the_good_examples_are_clean():
    options = {"rules": {"action.stale": {"today": TODAY}, "review.overdue": {"today": TODAY}}}
    config = _config(*FAMILIES, **options)
    for path in sorted(EXAMPLES.glob("2*.md")):
        if path == POOR:
            continue
        found = [
            f
            for f in review(parse_file(path), config)
            if f.severity.value != "info" and f.rule != "section.empty"
        ]
        assert found == [], path.name


@needs_corpus
@pytest.mark.corpus
def test_rules_run_over_the_corpus_and_find_known_faults():
    config = _config(*FAMILIES, rules={"action.stale": {"today": TODAY}})
    found: dict[str, set[str]] = {}
    for path in corpus_files():
        for finding in review(parse_file(path), config):
            found.setdefault(Path(path).name, set()).add(finding.rule)
    assert "timeline.no-time" in found["pm2022-006-alb-502-errors.md"]
    assert "timeline.order" in found["pm2021-011-log4shell.md"]
    assert "section.placeholder" in found["pmyyyy-nnn-postmortem-template.md"]
    assert "timeline.missing" in found["2025-11-15-persons-db-migration.md"]
