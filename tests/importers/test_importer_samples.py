"""The real samples in ../shared/formats and the eval scenario, read in place (never copied)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from zoneinfo import ZoneInfo

import pytest

from importer_support import shared_dir
from postmortems.errors import InputError
from postmortems.importers import registry
from postmortems.importers.base import ImportOptions

pytestmark = pytest.mark.corpus


def test_slack_sample_export_days_are_pacific_not_utc() -> None:
    export = shared_dir("formats", "slack_workspace_export")
    assert registry.detect(export).name == "slack"
    result = registry.load(str(export))
    assert result.skipped == []
    assert len(result.events) == 21
    pacific = ZoneInfo("America/Los_Angeles")
    on_pacific_day = on_utc_day = 0
    for event in result.events:
        channel = event.attrs["channel"]
        seconds = event.ref.rsplit("/", 1)[1]
        day = next(
            path.stem
            for path in (export / channel).glob("*.json")
            if seconds in path.read_text(encoding="utf-8")
        )
        on_pacific_day += event.time.astimezone(pacific).date().isoformat() == day
        on_utc_day += event.time.date().isoformat() == day
    # Measured: every message falls on its file's date in Los Angeles, under half in UTC.
    assert on_pacific_day == 21
    assert on_utc_day == 10
    actors = Counter(event.actor for event in result.events)
    assert actors["Neeraj Tandon"] == 11
    assert actors["Micah Stubbs"] == 1
    assert actors["javier"] == 4  # a trimmed user, named by the <@U061A3E0G|javier> markup
    assert {e.zone for e in result.events if e.actor == "Neeraj Tandon"} == {"America/Chicago"}
    texts = " ".join(event.text for event in result.events)
    assert "<@" not in texts and "<http" not in texts and "<!" not in texts
    assert "@everyone" in texts
    assert sum(1 for e in result.events if e.kind == "note") == 6  # joins and a pin


def test_git_samples_keep_each_commits_offset() -> None:
    fuller = shared_dir("formats") / "git_log_fuller_dfds_postmortems.txt"
    tsv = shared_dir("formats") / "git_log_tsv_dfds_postmortems.tsv"
    assert registry.detect(fuller).name == registry.detect(tsv).name == "git"
    from_fuller = registry.load(str(fuller))
    from_tsv = registry.load(str(tsv))
    assert from_fuller.skipped == from_tsv.skipped == []
    assert len(from_fuller.events) == 8
    assert len(from_tsv.events) == 25
    assert {e.zone for e in from_tsv.events} >= {"+00:00", "+01:00", "+02:00"}
    merge = next(e for e in from_fuller.events if e.ref == "git:ee7ff8a")
    assert merge.time == dt.datetime(2024, 6, 11, 13, 25, 30, tzinfo=dt.UTC)
    assert merge.zone == "+02:00"
    assert merge.actor == "Silviu Calin"
    assert merge.attrs["merge"] == ["aab1d9d", "b05f5fe"]
    # The commits both logs hold agree on time and subject.
    by_ref = {e.ref: e for e in from_tsv.events}
    for event in from_fuller.events:
        assert by_ref[event.ref].time == event.time
        assert by_ref[event.ref].text == event.text


def test_github_webhook_samples() -> None:
    formats = shared_dir("formats")
    deployment = formats / "github_deployment_webhook.json"
    status = formats / "github_deployment_status_webhook.json"
    assert registry.detect(deployment).name == registry.detect(status).name == "github"
    [started] = registry.load(str(deployment)).events
    assert (started.kind, started.actor, started.ref) == (
        "deploy-started",
        "Codertocat",
        "github:deployment/145988746",
    )
    assert started.time == dt.datetime(2019, 5, 15, 15, 20, 53, tzinfo=dt.UTC)
    [succeeded] = registry.load(str(status)).events
    assert succeeded.kind == "deploy-succeeded"
    assert succeeded.time == dt.datetime(2019, 5, 15, 15, 20, 55, tzinfo=dt.UTC)
    assert succeeded.ref == "github:deployment/145988746/status/209916254"
    # An issues webhook is none of our sources; its repository's statuses_url must not fool us.
    with pytest.raises(InputError, match="KIND:PATH"):
        registry.detect(formats / "github_issues_opened_webhook.json")


EVAL_SOURCES = {
    "slack": "slack",
    "pagerduty_webhooks.jsonl": "pagerduty",
    "git_log.txt": "git",
    "k8s_events.json": "k8s",
    "grafana_annotations.json": "grafana",
}


@pytest.mark.parametrize(("name", "kind"), sorted(EVAL_SOURCES.items()))
def test_eval_scenario_sources_are_detected_and_import_cleanly(name: str, kind: str) -> None:
    scenario = shared_dir("eval", "timeline-orders")
    expected = json.loads((scenario / "expected.json").read_text(encoding="utf-8"))
    assert name in expected["sources"] or f"{name}/" in expected["sources"]
    path = scenario / name
    assert registry.detect(path).name == kind
    start, end = (dt.datetime.fromisoformat(t) for t in expected["window"])
    result = registry.load(str(path), ImportOptions(start=start, end=end))
    assert result.skipped == []
    assert result.events
    for event in result.events:
        assert start <= event.time <= end or (event.end is not None and event.end >= start)


def test_eval_scenario_window_keeps_and_drops_what_it_should() -> None:
    scenario = shared_dir("eval", "timeline-orders")
    expected = json.loads((scenario / "expected.json").read_text(encoding="utf-8"))
    start, end = (dt.datetime.fromisoformat(t) for t in expected["window"])
    options = ImportOptions(start=start, end=end)
    events = [
        e for name in EVAL_SOURCES for e in registry.load(str(scenario / name), options).events
    ]
    texts = " | ".join(f"{e.text} {e.actor or ''}" for e in events)
    for text in expected["must_include_text"]:
        assert text in texts
    for text in expected["must_exclude_text"]:
        assert text not in texts
    assert len(events) >= expected["min_events"]
