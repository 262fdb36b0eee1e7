"""The demo archive in examples/: canonical, parsed as intended, and faithful to the practice.

The eight good documents are what `make run` shows first, so they are held to the practice: every
section their kind requires, a complete timeline that agrees with the front matter, owned and
dated action items, a review within five days. The poor one must keep its faults, or the linter
has nothing to catch.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from postmortems.document import parse_file, parse_text, render
from postmortems.document.template import guidance_comment
from postmortems.model import MOMENTS, Postmortem, get_kind

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
POOR = "2026-05-26-login-outage.md"
DRAFT = "2026-11-26-order-confirmation-emails-delayed.md"
COPENHAGEN = "2026-09-30-month-end-payouts-missed-bank-cutoff.md"
MULTI_DAY = "2026-02-09-listing-updates-missing-from-search.md"
SECURITY = "2026-11-24-registry-token-exposed-in-public-ci-log.md"
EXEMPLARY = "2026-09-15-fraud-check-deploy-saturated-feature-store.md"

#: What each document is meant to show, as the parser should read it.
EXPECTED: dict[str, dict[str, Any]] = {
    MULTI_DAY: dict(
        kind="incident", severity="SEV3", status="published", zone="UTC", events=20, actions=7
    ),
    "2026-03-17-orders-db-switchover-writes-failed.md": dict(
        kind="incident", severity="SEV1", status="published", zone="UTC", events=21, actions=6
    ),
    "2026-04-22-game-day-session-store-zone-loss.md": dict(
        kind="chaos-experiment",
        severity="SEV3",
        status="published",
        zone="UTC",
        events=15,
        actions=5,
    ),
    POOR: dict(
        kind="incident", severity="SEV2", status="published", zone=None, events=6, actions=5
    ),
    "2026-07-06-public-api-certificate-nearly-expired.md": dict(
        kind="near-miss", severity=None, status="published", zone="UTC", events=12, actions=5
    ),
    EXEMPLARY: dict(
        kind="incident", severity="SEV2", status="published", zone="UTC", events=22, actions=8
    ),
    COPENHAGEN: dict(
        kind="incident",
        severity="SEV2",
        status="published",
        zone="Europe/Copenhagen",
        events=17,
        actions=6,
    ),
    SECURITY: dict(
        kind="incident", severity="SEV2", status="in-review", zone="UTC", events=18, actions=6
    ),
    DRAFT: dict(kind="incident", severity="SEV3", status="draft", zone="UTC", events=10, actions=2),
}
GOOD = sorted(name for name in EXPECTED if name != POOR)
ACTION_STATUSES = {"open", "in-progress", "done", "wont-do"}
ACTION_TYPES = {"prevent", "detect", "mitigate", "process"}


def load(name: str) -> Postmortem:
    return parse_file(str(EXAMPLES / name))


def first_names(pm: Postmortem) -> set[str]:
    return {name.split()[0] for name in pm.meta.people()}


def test_archive_holds_exactly_the_documents_the_readme_describes() -> None:
    names = {p.name for p in EXAMPLES.glob("*.md") if p.name != "README.md"}
    assert names == set(EXPECTED)
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for name in EXPECTED:
        assert f"`{name}`" in readme, f"README.md does not describe {name}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_is_canonical(name: str) -> None:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    assert render(parse_text(text)) == text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_file_name_is_date_and_slug(name: str) -> None:
    pm = load(name)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d-[a-z0-9]+(?:-[a-z0-9]+)*\.md", name)
    assert pm.meta.date is not None and name.startswith(pm.meta.date.isoformat())


@pytest.mark.parametrize("name", GOOD)
def test_good_example_parses_without_problems(name: str) -> None:
    assert load(name).problems == []


def test_poor_example_has_only_the_missing_zone_problem() -> None:
    problems = load(POOR).problems
    assert len(problems) == 1
    assert "time zone" in problems[0].message


@pytest.mark.parametrize(("name", "want"), sorted(EXPECTED.items()))
def test_example_reads_as_intended(name: str, want: dict[str, Any]) -> None:
    pm = load(name)
    assert pm.meta.kind == want["kind"]
    assert pm.meta.severity == want["severity"]
    assert pm.meta.status == want["status"]
    assert pm.document_zone == want["zone"]
    assert len(pm.timeline) == want["events"]
    assert len(pm.action_items) == want["actions"]
    assert not pm.title_heading, "the title lives in front matter, not in an H1"


@pytest.mark.parametrize("name", GOOD)
def test_good_example_has_every_required_section(name: str) -> None:
    pm = load(name)
    keys = {s.key for s in pm.sections if s.key}
    assert get_kind(pm.meta.kind).missing(keys) == []


@pytest.mark.parametrize("name", GOOD)
def test_good_timeline_is_complete_ordered_and_agrees_with_front_matter(name: str) -> None:
    pm = load(name)
    times = [e.utc() for e in pm.timeline]
    assert all(t is not None for t in times)
    assert times == sorted(times)  # type: ignore[type-var]
    marked = {e.marker: e.utc() for e in pm.timeline if e.marker != "none"}
    assert "trigger" in marked
    for moment in MOMENTS:
        stated = pm.meta.moment(moment)
        if stated is None:
            assert moment not in marked
        else:
            assert marked.get(moment) == stated.astimezone(dt.UTC), moment
    assert pm.meta.detected is not None and pm.meta.resolved is not None


@pytest.mark.parametrize("name", GOOD)
def test_good_action_items_are_specific_owned_dated_and_tracked(name: str) -> None:
    items = load(name).action_items
    assert items
    for n, item in enumerate(items, 1):
        assert item.id == f"AI-{n}"
        assert item.owner and item.owner.count(" ") >= 1, "one named person owns each item"
        assert isinstance(item.due, dt.date)
        assert item.status in ACTION_STATUSES
        assert item.type in ACTION_TYPES
        assert item.priority in {"P1", "P2", "P3"}
        assert item.tracker and item.tracker.startswith("https://tracker.hatchway.example/")


@pytest.mark.parametrize("name", GOOD)
def test_good_review_meets_within_five_days_of_resolution(name: str) -> None:
    meta = load(name).meta
    assert meta.review_date is not None and meta.resolved is not None and meta.facilitator
    days = (meta.review_date - meta.resolved.date()).days
    assert 0 <= days <= 5


@pytest.mark.parametrize("name", GOOD)
def test_good_example_never_names_a_person_in_its_analysis(name: str) -> None:
    pm = load(name)
    names = first_names(pm)
    for key in ("root_cause", "contributing_factors", "went_poorly", "lessons"):
        for section in pm.sections_with(key):
            found = {n for n in names if re.search(rf"\b{re.escape(n)}\b", section.body)}
            assert not found, f"{section.title} names {found}"


@pytest.mark.parametrize("name", [n for n in GOOD if EXPECTED[n]["kind"] == "incident"])
def test_good_incident_measures_impact_and_finds_several_factors(name: str) -> None:
    pm = load(name)
    assert len(pm.contributing_factors) >= 3
    assert len(pm.impact) >= 3
    if pm.meta.slo is not None:
        assert pm.meta.slo.budget_consumed and pm.meta.slo.budget_consumed.endswith("%")
        assert pm.meta.slo.budget_consumed in pm.section("impact").body  # type: ignore[union-attr]
    assert pm.went_well and pm.went_poorly
    assert pm.lessons or pm.meta.status == "draft"


def test_money_in_danish_kroner_is_an_impact_figure() -> None:
    money = [f for f in load(COPENHAGEN).impact if f.kind == "money"]
    assert {f.value for f in money} >= {38_600_000, 18_400}


def test_exemplary_review_has_everything_a_reliability_lead_looks_for() -> None:
    pm = load(EXEMPLARY)
    assert pm.meta.slo is not None and pm.meta.slo.budget_consumed == "30%"
    assert len(pm.contributing_factors) >= 6
    assert {e.source for e in pm.timeline} >= {"argo-rollouts", "prometheus", "alertmanager"}
    assert {e.source for e in pm.timeline} >= {"pagerduty", "slack"}
    assert {a.status for a in pm.action_items} >= {"done", "in-progress"}
    assert {a.type for a in pm.action_items} == ACTION_TYPES
    assert len(pm.lucky) >= 2


def test_copenhagen_timeline_crosses_midnight_in_its_own_zone() -> None:
    pm = load(COPENHAGEN)
    assert pm.meta.timezone == "Europe/Copenhagen"
    by_text = {e.text.split(":")[0]: e for e in pm.timeline}
    start = by_text["Month-end payout batch starts"]
    assert start.time is not None and start.time.date() == dt.date(2026, 9, 30)
    assert start.utc() == dt.datetime(2026, 9, 30, 21, 30, tzinfo=dt.UTC)
    crash = next(e for e in pm.timeline if e.marker == "started")
    assert crash.time is not None and crash.time.date() == dt.date(2026, 10, 1)
    # After midnight in Copenhagen, still 30 September in UTC.
    assert crash.utc() == dt.datetime(2026, 9, 30, 22, 3, tzinfo=dt.UTC)
    bank = next(e for e in pm.timeline if e.text.startswith("Bank processing report"))
    assert bank.zone == "+00:00"
    assert bank.utc() == dt.datetime(2026, 10, 1, 4, 2, tzinfo=dt.UTC)
    assert pm.meta.started == dt.datetime(
        2026, 10, 1, 0, 3, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )


@pytest.mark.parametrize(("name", "days"), [(MULTI_DAY, 5), (SECURITY, 2)])
def test_multi_day_timelines_carry_their_dates(name: str, days: int) -> None:
    dates = {e.time.date() for e in load(name).timeline if e.time is not None}
    assert len(dates) >= days


def test_one_action_item_has_been_open_for_over_six_months() -> None:
    newest = max(load(name).meta.date for name in EXPECTED)  # type: ignore[type-var]
    stale = [
        (name, item.id)
        for name in GOOD
        for item in load(name).action_items
        if item.status == "open" and item.due and (newest - item.due).days > 183
    ]
    assert stale == [(MULTI_DAY, "AI-6")]


def test_archive_varies_kinds_statuses_severities_and_action_states() -> None:
    docs = [load(name) for name in EXPECTED]
    assert {d.meta.kind for d in docs} == {"incident", "near-miss", "chaos-experiment"}
    assert {d.meta.status for d in docs} == {"draft", "in-review", "published"}
    assert {d.meta.severity for d in docs} >= {"SEV1", "SEV2", "SEV3"}
    assert {a.status for d in docs for a in d.action_items} >= {"open", "in-progress", "done"}
    assert any("security" in d.meta.tags and d.meta.kind == "incident" for d in docs)


def test_draft_still_carries_guidance_where_unfinished() -> None:
    pm = load(DRAFT)
    unfinished = [s.key for s in pm.sections if s.body.strip() == guidance_comment(s.key or "")]
    assert unfinished == ["lucky", "lessons", "supporting_info"]


def test_poor_example_keeps_its_faults() -> None:
    pm = load(POOR)
    text = pm.source
    dmitri = "Dmitri"
    assert dmitri in first_names(pm)
    for key in ("summary", "root_cause", "went_poorly"):
        assert dmitri in pm.section(key).body  # type: ignore[union-attr]
    assert "Human error" in pm.section("root_cause").body  # type: ignore[union-attr]
    for phrase in ("should have", "obviously", "finally", "could be bothered", "more careful"):
        assert phrase in text, phrase
    keys = {s.key for s in pm.sections}
    assert "contributing_factors" not in keys and "went_well" not in keys
    assert get_kind("incident").missing({k for k in keys if k}) == [("went_well",)]
    assert pm.meta.timezone is None and pm.document_zone is None
    assert pm.impact == [] and "TBD" in pm.section("impact").body  # type: ignore[union-attr]
    stamps = [e.time_text for e in pm.timeline]
    assert stamps != sorted(stamps), "one entry is out of order"
    assert {e.date.year for e in pm.timeline if e.date} == {2025, 2026}, "one entry, wrong year"
    owners = [a.owner for a in pm.action_items]
    assert None in owners and "everyone" in owners and "Platform team" in owners
    assert sum(a.due is None for a in pm.action_items) >= 4
    assert any(a.text.startswith("Improve monitoring") for a in pm.action_items)
    assert any(dmitri in a.text for a in pm.action_items), "a punitive item"
    assert pm.meta.review_date is not None and pm.meta.date is not None
    assert (pm.meta.review_date - pm.meta.date).days > 5


LINT_FAMILIES = ("blame", "action", "timeline", "impact", "section", "cause", "review")


@pytest.mark.parametrize("family", LINT_FAMILIES)
def test_linter_catches_the_poor_example(family: str) -> None:
    from postmortems.review import RULES, LintConfig, review

    if family not in RULES.families():
        pytest.skip(f"no {family}.* rules registered yet")
    findings = review(load(POOR), LintConfig(select=(family,)))
    assert findings, f"no {family}.* finding on the poor example"


@pytest.mark.parametrize("name", GOOD)
def test_linter_finds_no_blame_in_good_examples(name: str) -> None:
    from postmortems.review import RULES, LintConfig, review

    if "blame" not in RULES.families():
        pytest.skip("no blame.* rules registered yet")
    assert review(load(name), LintConfig(select=("blame",))) == []
