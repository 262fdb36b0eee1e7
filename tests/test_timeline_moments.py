import datetime as dt

import pytest

from postmortems.timeline import build_timeline, propose_moments
from timeline_cases import DATA, events_from, load, scenarios, when

MOMENTS = ("started", "detected", "acknowledged", "mitigated", "resolved")


@pytest.mark.parametrize("path", scenarios(), ids=lambda p: p.stem)
def test_scenario_moments_and_trigger(path):
    case = load(path)
    timeline = build_timeline([events_from(case["events"])])
    expect = case["expect"]
    for name in MOMENTS:
        moment = timeline.moments[name]
        want = expect.get(name)
        if want is None:
            assert moment is None, name
        else:
            assert moment is not None, name
            assert moment.time == when(want), (name, moment.reason)
            assert moment.reason and moment.event is not None
    assert timeline.triggers, "expected a trigger candidate"
    assert timeline.triggers[0].event.text == expect["trigger"]


@pytest.mark.parametrize("path", scenarios(), ids=lambda p: p.stem)
def test_source_order_does_not_change_the_moments(path):
    case = load(path)
    events = events_from(case["events"])
    forward = build_timeline([events]).moment_times()
    backward = build_timeline([list(reversed(events))]).moment_times()
    assert forward == backward


def test_moments_written_in_the_document_win():
    case = load(DATA / "scenario_db_lock.yaml")
    events = events_from(case["events"])
    stated = dt.datetime(2025, 3, 3, 14, 45, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    moments = propose_moments(events, known={"detected": stated})
    assert moments["detected"].time == stated
    assert moments["detected"].from_document
    assert moments["detected"].reason == "stated in the document"
    # Later moments are searched from the stated one.
    assert moments["acknowledged"].time >= stated


def test_plans_and_approvals_are_not_mitigation():
    events = events_from(
        [
            ["2025-01-01T10:00:00Z", "pd", "page-triggered", None, "Errors"],
            ["2025-01-01T10:05:00Z", "slack", "message", "A", "Proposing rollback of the release"],
            ["2025-01-01T10:06:00Z", "slack", "message", "B", "Go for rollback"],
            ["2025-01-01T10:07:00Z", "pd", "page-annotated", "A", "Rolling back release 7"],
            ["2025-01-01T10:15:00Z", "slack", "message", "A", "Rollback complete, errors below 1%"],
        ]
    )
    moments = propose_moments(events)
    assert moments["mitigated"].time == when("2025-01-01T10:15:00Z")


def test_mitigation_falls_back_to_recovery_then_resolution():
    rows = [
        ["2025-01-01T10:00:00Z", "am", "alert-firing", None, "HighLatency firing"],
        ["2025-01-01T10:30:00Z", "am", "alert-resolved", None, "HighLatency resolved"],
    ]
    moments = propose_moments(events_from(rows))
    assert moments["mitigated"].time == when("2025-01-01T10:30:00Z")
    assert "alert resolved" in moments["mitigated"].reason
    assert moments["resolved"].reason == "all alerts resolved"


def test_no_events_no_moments():
    assert all(m is None for m in propose_moments([]).values())
    assert build_timeline([[]]).metrics["time_to_detect_s"] is None


def test_kubernetes_warnings_start_impact_but_do_not_detect_it():
    rows = [
        ["2025-01-01T10:00:00Z", "k8s", "k8s-warning", None, "Readiness probe failed"],
        [
            "2025-01-01T10:04:00Z",
            "grafana",
            "annotation",
            None,
            "Errors alerting",
            {"state": "alerting"},
        ],
    ]
    moments = propose_moments(events_from(rows))
    assert moments["started"].time == when("2025-01-01T10:00:00Z")
    assert moments["detected"].time == when("2025-01-01T10:04:00Z")


def test_unrelated_warning_long_before_is_not_the_start():
    rows = [
        ["2025-01-01T08:00:00Z", "k8s", "k8s-warning", None, "Back-off pulling image"],
        ["2025-01-01T10:04:00Z", "am", "alert-firing", None, "Errors firing"],
    ]
    moments = propose_moments(events_from(rows))
    assert moments["started"].time == when("2025-01-01T10:04:00Z")


def test_all_pages_must_be_resolved():
    rows = [
        ["2025-01-01T10:00:00Z", "pd", "page-triggered", None, "A", {"incident": "P1"}],
        ["2025-01-01T10:01:00Z", "pd", "page-triggered", None, "B", {"incident": "P2"}],
        ["2025-01-01T10:20:00Z", "pd", "page-resolved", "X", "A resolved", {"incident": "P1"}],
        ["2025-01-01T10:40:00Z", "pd", "page-resolved", "X", "B resolved", {"incident": "P2"}],
    ]
    moments = propose_moments(events_from(rows))
    assert moments["resolved"].time == when("2025-01-01T10:40:00Z")


def test_moments_are_stated_to_the_second():
    rows = [
        ["2025-01-01T10:00:00.512Z", "pd", "page-triggered", None, "Errors"],
        ["2025-01-01T10:01:55.001Z", "pd", "page-acknowledged", "A", "Acknowledged"],
    ]
    moments = propose_moments(events_from(rows))
    assert moments["detected"].time == when("2025-01-01T10:00:00Z")
    assert moments["acknowledged"].time == when("2025-01-01T10:01:55Z")
    assert moments["acknowledged"].event.time.microsecond == 1000


def test_chatter_outside_incident_channels_is_not_the_response():
    rows = [
        [
            "2025-01-01T09:50:00Z",
            "slack",
            "message",
            "Al",
            "anyone else seeing VPN errors?",
            {"channel": "general"},
        ],
        ["2025-01-01T10:00:00Z", "am", "alert-firing", None, "ApiErrors firing"],
        ["2025-01-01T10:01:00Z", "slack", "message", "Bo", "looking at it", {"channel": "random"}],
        [
            "2025-01-01T10:03:00Z",
            "slack",
            "message",
            "Cy",
            "I have the pager",
            {"channel": "inc-api-errors"},
        ],
        [
            "2025-01-01T10:20:00Z",
            "slack",
            "message",
            "Al",
            "VPN resolved for me",
            {"channel": "general"},
        ],
        [
            "2025-01-01T10:30:00Z",
            "slack",
            "message",
            "Cy",
            "Rollback complete, errors gone",
            {"channel": "inc-api-errors"},
        ],
        [
            "2025-01-01T10:45:00Z",
            "slack",
            "message",
            "Cy",
            "Resolving.",
            {"channel": "inc-api-errors"},
        ],
    ]
    moments = propose_moments(events_from(rows))
    assert moments["detected"].time == when("2025-01-01T10:00:00Z")
    assert moments["acknowledged"].time == when("2025-01-01T10:03:00Z")
    assert moments["mitigated"].time == when("2025-01-01T10:30:00Z")
    assert moments["resolved"].time == when("2025-01-01T10:45:00Z")


def test_without_incident_channels_every_channel_counts():
    rows = [
        [
            "2025-01-01T09:50:00Z",
            "slack",
            "message",
            "Al",
            "checkout is throwing 500s",
            {"channel": "general"},
        ],
        ["2025-01-01T10:00:00Z", "am", "alert-firing", None, "ApiErrors firing"],
    ]
    moments = propose_moments(events_from(rows))
    assert moments["detected"].time == when("2025-01-01T09:50:00Z")


def test_recovery_must_last_before_it_counts():
    rows = [
        ["2025-01-01T09:55:00Z", "prom", "metric-crossing", None, "a crossed", {"series": "a"}],
        ["2025-01-01T09:59:00Z", "am", "alert-firing", None, "A firing"],
        ["2025-01-01T10:00:00Z", "prom", "metric-recovered", None, "a recovered", {"series": "a"}],
        ["2025-01-01T10:05:00Z", "prom", "metric-crossing", None, "b crossed", {"series": "b"}],
        ["2025-01-01T10:30:00Z", "prom", "metric-recovered", None, "b recovered", {"series": "b"}],
        ["2025-01-01T10:40:00Z", "pd", "page-resolved", "X", "Resolved"],
    ]
    moments = propose_moments(events_from(rows))
    assert moments["mitigated"].time == when("2025-01-01T10:30:00Z")
    assert moments["resolved"].time == when("2025-01-01T10:40:00Z")


def test_a_page_that_triggers_again_soon_was_not_resolved():
    rows = [
        ["2025-01-01T10:00:00Z", "pd", "page-triggered", None, "Errors", {"incident": "P1"}],
        ["2025-01-01T10:10:00Z", "pd", "page-resolved", "X", "Resolved", {"incident": "P1"}],
        ["2025-01-01T10:12:00Z", "pd", "page-triggered", None, "Errors", {"incident": "P2"}],
        ["2025-01-01T10:50:00Z", "pd", "page-resolved", "X", "Resolved", {"incident": "P2"}],
    ]
    moments = propose_moments(events_from(rows))
    assert moments["resolved"].time == when("2025-01-01T10:50:00Z")
    assert moments["mitigated"].time <= moments["resolved"].time


def test_a_deployment_and_its_statuses_are_one_trigger_candidate():
    from postmortems.timeline.triggers import trigger_candidates

    rows = [
        ["2025-06-03T13:40:00Z", "github", "deploy-started", "ravi", "Deploy v2.31.0 started",
         {"deployment_id": 7}],
        ["2025-06-03T13:40:10Z", "github", "deploy-started", "ravi", "Deploy v2.31.0: in progress",
         {"deployment_id": 7, "state": "in_progress"}],
        ["2025-06-03T13:44:30Z", "github", "deploy-succeeded", "ravi", "Deploy v2.31.0: success",
         {"deployment_id": 7, "state": "success"}],
        ["2025-06-03T13:30:00Z", "git", "commit", "dana", "Add orders index migration"],
        ["2025-06-03T13:20:00Z", "github", "deploy-succeeded", "ravi", "Deploy v2.30.9: success",
         {"deployment_id": 6, "state": "success"}],
    ]  # fmt: skip
    events = sorted(events_from(rows), key=lambda e: e.epoch)
    triggers = trigger_candidates(events, when("2025-06-03T13:46:30Z"))
    texts = [t.event.text for t in triggers]
    assert texts.count("Deploy v2.31.0: success") == 1
    assert not {"Deploy v2.31.0 started", "Deploy v2.31.0: in progress"} & set(texts)
    assert (
        "2 more events of the same deployment"
        in triggers[texts.index("Deploy v2.31.0: success")].reason
    )
    assert "Deploy v2.30.9: success" in texts and "Add orders index migration" in texts


@pytest.mark.parametrize(
    ("other_alert_ends", "detected"),
    [
        # Cleared before the page, and the page does not name it: something else.
        ("2025-03-09T09:08:40Z", "2025-03-09T09:20:00Z"),
        # Still firing when the page triggered: it may have led to it.
        ("2025-03-09T09:40:00Z", "2025-03-09T09:03:10Z"),
    ],
)
def test_the_alert_that_led_to_the_page_is_detection(other_alert_ends, detected):
    rows = [
        ["2025-03-09T09:03:10Z", "am", "alert-firing", None, "DiskLow firing",
         {"alertname": "DiskLow"}],
        [other_alert_ends, "am", "alert-resolved", None, "DiskLow resolved",
         {"alertname": "DiskLow"}],
        # A sign of trouble soon after, so the first alert is not a self-clearing blip.
        ["2025-03-09T09:12:00Z", "k8s", "k8s-warning", None, "Pod/api-1: BackOff"],
        ["2025-03-09T09:20:00Z", "am", "alert-firing", None, "ApiErrors firing",
         {"alertname": "ApiErrors"}],
        ["2025-03-09T09:21:00Z", "pd", "page-triggered", None, "[FIRING:1] ApiErrors api",
         {"incident_id": "P1"}],
        ["2025-03-09T09:25:00Z", "pd", "page-acknowledged", "Ann", "Acknowledged by Ann",
         {"incident_id": "P1"}],
    ]  # fmt: skip
    events = sorted(events_from(rows), key=lambda e: e.epoch)
    assert propose_moments(events)["detected"].time == when(detected)


def test_a_page_that_names_an_alert_is_led_by_it_even_when_it_cleared_first():
    rows = [
        ["2025-03-09T09:00:00Z", "am", "alert-firing", None, "QueueStuck firing",
         {"alertname": "QueueStuck"}],
        ["2025-03-09T09:04:00Z", "am", "alert-resolved", None, "QueueStuck resolved",
         {"alertname": "QueueStuck"}],
        ["2025-03-09T09:06:00Z", "k8s", "k8s-warning", None, "Pod/worker-1: BackOff"],
        ["2025-03-09T09:10:00Z", "pd", "page-triggered", None, "QueueStuck on worker",
         {"incident_id": "P2"}],
    ]  # fmt: skip
    events = sorted(events_from(rows), key=lambda e: e.epoch)
    assert propose_moments(events)["detected"].time == when("2025-03-09T09:00:00Z")


def test_the_steps_of_one_rollout_are_one_trigger_candidate():
    case = load(DATA / "scenario_noise_then_change.yaml")
    timeline = build_timeline([events_from(case["events"])])
    texts = [t.event.text for t in timeline.triggers]
    assert sum("ScalingReplicaSet" in text for text in texts) == 1
    rollout = next(t for t in timeline.triggers if "ScalingReplicaSet" in t.event.text)
    assert "3 more events of the same deployment or rollout" in rollout.reason


def test_a_burst_of_logged_errors_starts_impact_but_everyday_errors_do_not():
    # The service logs an error every ten minutes all morning; the incident's burst begins at
    # 10:00 and the alert fires at 10:05.
    rows = [
        [
            f"2025-05-05T{8 + m // 60:02d}:{m % 60:02d}:00Z",
            "jsonl",
            "log-error",
            None,
            "cache miss storm warning escalated",
        ]
        for m in range(0, 120, 10)
    ]
    rows += [
        [
            f"2025-05-05T10:0{s // 60}:{s % 60:02d}Z",
            "jsonl",
            "log-error",
            None,
            "card authorisation failed: timeout",
        ]
        for s in range(0, 300, 20)
    ]
    rows += [
        ["2025-05-05T10:05:00Z", "am", "alert-firing", None, "AuthErrors firing",
         {"alertname": "AuthErrors"}],
    ]  # fmt: skip
    events = sorted(events_from(rows), key=lambda e: e.epoch)
    moments = propose_moments(events)
    assert moments["detected"].time == when("2025-05-05T10:05:00Z")
    assert moments["started"].time == when("2025-05-05T10:00:00Z")
    assert "log error" in moments["started"].reason


def test_a_docs_deploy_ranks_below_the_release_whatever_its_success_status_says():
    from postmortems.timeline.triggers import trigger_candidates

    rows = [
        # A docs site deployed by CI: its creation says docs, its success status does not.
        ["2025-04-05T15:14:00Z", "github", "deploy-started", "ci[bot]",
         "Deploy main to github-pages started: Deploy docs: fix typo in refunds guide",
         {"deployment_id": 98, "environment": "github-pages"}],
        ["2025-04-05T15:14:48Z", "github", "deploy-succeeded", "ci[bot]",
         "Deploy main to github-pages: success (Deployed to GitHub Pages)",
         {"deployment_id": 98, "environment": "github-pages"}],
        ["2025-04-05T15:20:00Z", "github", "deploy-started", "ravi",
         "Deploy v3 to production started: switch card auth to acquirer-v2",
         {"deployment_id": 99, "environment": "production"}],
        ["2025-04-05T15:26:30Z", "github", "deploy-succeeded", "ravi",
         "Deploy v3 to production: success (Deployed v3)",
         {"deployment_id": 99, "environment": "production"}],
    ]  # fmt: skip
    events = sorted(events_from(rows), key=lambda e: e.epoch)
    triggers = trigger_candidates(events, when("2025-04-05T15:26:48Z"))
    assert [t.event.text for t in triggers] == [
        "Deploy v3 to production: success (Deployed v3)",
        "Deploy main to github-pages: success (Deployed to GitHub Pages)",
    ]
    assert "not to production" in triggers[1].reason
    assert triggers[0].score - triggers[1].score > 2


def test_a_deploy_is_not_risky_for_saying_deploy():
    from postmortems.timeline.cues import risky_words
    from postmortems.timeline.triggers import trigger_candidates

    assert risky_words("Deployed the deploy; deployment done") == {"deploy"}
    rows = [
        ["2025-04-05T15:00:00Z", "github", "deploy-succeeded", "ann",
         "Deploy api to production: success (Deployed api)"],
    ]  # fmt: skip
    (trigger,) = trigger_candidates(events_from(rows), when("2025-04-05T15:10:00Z"))
    assert "touches" not in trigger.reason


@pytest.mark.parametrize(
    ("attrs", "elsewhere"),
    [
        ({"environment": "staging"}, True),
        ({"environment": "payments-canary", "production_environment": False}, True),
        ({"environment": "production"}, False),
        ({"environment": "prod-eu"}, False),
    ],
)
def test_deploys_to_other_environments_are_not_to_production(attrs, elsewhere):
    from postmortems.timeline.triggers import trigger_candidates

    rows = [["2025-04-05T15:00:00Z", "github", "deploy-succeeded", "ann", "Deploy api", attrs]]
    (trigger,) = trigger_candidates(events_from(rows), when("2025-04-05T15:10:00Z"))
    assert ("not to production" in trigger.reason) is elsewhere


def test_a_mitigation_the_trouble_comes_back_after_is_not_the_mitigation():
    alert = {"alertname": "DbLatency"}
    rows = [
        ["2025-01-31T22:56:00Z", "am", "alert-firing", None, "DbLatency firing", alert],
        ["2025-01-31T22:58:00Z", "slack", "message", "Max", "ack, looking"],
        ["2025-01-31T23:01:00Z", "am", "alert-resolved", None, "DbLatency resolved", alert],
        # Called a blip: the alert fires again three minutes later.
        ["2025-01-31T23:03:00Z", "slack", "message", "Max", "latency back to normal, a blip"],
        ["2025-01-31T23:06:00Z", "am", "alert-firing", None, "DbLatency firing", alert],
        # A revert whose apply failed: the alert clears for a moment and fires again.
        ["2025-01-31T23:21:00Z", "git", "rollback", "Max", "Revert \"Move the db volume\""],
        ["2025-01-31T23:36:00Z", "am", "alert-resolved", None, "DbLatency resolved", alert],
        ["2025-01-31T23:39:00Z", "am", "alert-firing", None, "DbLatency firing", alert],
        # The switchover held: the alert cleared for good.
        ["2025-02-01T00:11:52Z", "k8s", "k8s-normal", None,
         "postgresql/db: Switchover: Switchover from db-0 to db-1 FINISHED"],
        ["2025-02-01T00:14:00Z", "am", "alert-resolved", None, "DbLatency resolved", alert],
        ["2025-02-01T08:41:00Z", "slack", "message", "Anna", "Closing the incident, all clear"],
    ]  # fmt: skip
    events = sorted(events_from(rows), key=lambda e: e.epoch)
    moments = propose_moments(events)
    assert moments["mitigated"].time == when("2025-02-01T00:11:52Z")


def test_without_a_page_silenced_and_lone_alerts_are_not_detection_when_people_report_it():
    rows = [
        ["2025-09-18T13:15:00Z", "am", "alert-firing", None, "KubeJobFailed firing (silenced)",
         {"alertname": "KubeJobFailed", "state": "suppressed", "silenced_by": ["s1"]}],
        # Fires all afternoon, and nothing else goes wrong for 22 minutes after it.
        ["2025-09-18T13:41:12Z", "am", "alert-firing", None, "CertificateExpiringSoon firing",
         {"alertname": "CertificateExpiringSoon", "severity": "warning"}],
        ["2025-09-18T13:48:10Z", "grafana", "config-change", "Priya", "flag on in Staging"],
        ["2025-09-18T14:02:31Z", "grafana", "config-change", "Priya", "flag on in Production"],
        ["2025-09-18T14:03:30Z", "prometheus", "metric-crossing", None, "eu-west errors > 5%",
         {"series": "eu-west"}],
        ["2025-09-18T14:16:20Z", "slack", "message", "Hana",
         "Customers in DE report the payment step fails"],
        ["2025-09-18T14:18:05Z", "slack", "message", "Marco", "thanks, looking. I'll take IC"],
    ]  # fmt: skip
    events = sorted(events_from(rows), key=lambda e: e.epoch)
    moments = propose_moments(events)
    assert moments["detected"].time == when("2025-09-18T14:16:20Z")
    assert moments["started"].time == when("2025-09-18T14:03:30Z")


def test_a_lone_alert_is_detection_when_nobody_reported_anything():
    rows = [
        ["2025-09-18T10:00:00Z", "am", "alert-firing", None, "ApiErrors firing",
         {"alertname": "ApiErrors"}],
        ["2025-09-18T10:20:00Z", "slack", "message", "Ann", "looking"],
    ]  # fmt: skip
    moments = propose_moments(events_from(rows))
    assert moments["detected"].time == when("2025-09-18T10:00:00Z")
    assert moments["acknowledged"].time == when("2025-09-18T10:20:00Z")


def test_a_change_in_staging_is_not_to_production():
    from postmortems.timeline.triggers import trigger_candidates

    rows = [
        ["2025-09-18T13:48:10Z", "grafana", "config-change", "Priya",
         "Priya turned on the flag new-checkout in Staging"],
        ["2025-09-18T14:02:31Z", "grafana", "config-change", "Priya",
         "Priya turned on the flag new-checkout in Production"],
    ]  # fmt: skip
    triggers = trigger_candidates(events_from(rows), when("2025-09-18T14:03:30Z"))
    assert "not to production" in triggers[1].reason
    assert triggers[0].event.text.endswith("in Production")


def test_a_rollback_deployments_success_read_apart_from_it_is_the_mitigation():
    rows = [
        ["2025-09-18T14:00:00Z", "am", "alert-firing", None, "ApiErrors firing",
         {"alertname": "ApiErrors"}],
        ["2025-09-18T14:05:00Z", "slack", "message", "Ann", "looking"],
        # Another service's deploy meanwhile: not the mitigation.
        ["2025-09-18T14:10:00Z", "github", "deploy-succeeded", "bo",
         "Deploy search v9 to production: success", {"deployment_id": 41}],
        # From the deployments file: the rollback, created.
        ["2025-09-18T14:20:00Z", "github", "deploy-started", "ann",
         "Rollback v1.4.1 to production started", {"deployment_id": 42, "rollback": True}],
        # From the statuses file: its success, which says only "success".
        ["2025-09-18T14:24:00Z", "github", "deploy-succeeded", "ci[bot]",
         "Deploy to production: success", {"deployment_id": 42}],
        ["2025-09-18T14:40:00Z", "am", "alert-resolved", None, "ApiErrors resolved",
         {"alertname": "ApiErrors"}],
    ]  # fmt: skip
    events = sorted(events_from(rows), key=lambda e: e.epoch)
    moments = propose_moments(events)
    assert moments["mitigated"].time == when("2025-09-18T14:24:00Z")


def test_something_else_paging_after_the_all_clear_does_not_move_the_resolution():
    rows = [
        ["2025-10-07T13:52:01Z", "opsgenie", "page-triggered", None,
         "Alert created via Grafana", {"alert": "a1"}],
        ["2025-10-07T13:54:47Z", "opsgenie", "page-acknowledged", "Ana",
         "Alert acknowledged via android", {"alert": "a1"}],
        ["2025-10-07T14:27:15Z", "opsgenie", "page-resolved", "Ana",
         "Alert closed by Ana", {"alert": "a1"}],
        # A cron heartbeat alert opens minutes later and closes itself.
        ["2025-10-07T14:33:00Z", "opsgenie", "page-triggered", None,
         "Alert created via Heartbeat: billing-export-cron", {"alert": "h1"}],
        ["2025-10-07T14:36:10Z", "opsgenie", "page-resolved", None,
         "Alert closed via Heartbeat: billing-export-cron sent a ping", {"alert": "h1"}],
    ]  # fmt: skip
    moments = propose_moments(events_from(rows))
    assert moments["resolved"].time == when("2025-10-07T14:27:15Z")


def test_a_commits_body_says_what_it_touches():
    from postmortems.timeline.triggers import trigger_candidates

    rows = [
        ["2025-09-16T13:40:00Z", "git", "commit", "Lee", "session-store: cap at 8 per pod",
         {"body": "Sets the connection pool size in config/production.yaml; tested in staging."}],
    ]  # fmt: skip
    (trigger,) = trigger_candidates(events_from(rows), when("2025-09-16T14:10:00Z"))
    assert "touches config, pool" in trigger.reason
    assert "not to production" not in trigger.reason


def test_a_fix_mitigates_when_it_reaches_production_not_staging():
    rows = [
        ["2025-09-16T08:29:30Z", "am", "alert-firing", None, "InventoryErrors firing",
         {"alertname": "InventoryErrors"}],
        ["2025-09-16T08:47:12Z", "pd", "page-acknowledged", "Hannah", "Acknowledged by Hannah"],
        ["2025-09-16T09:40:00Z", "github", "deploy-started", "hannah",
         "Deploy v4.19.1 to staging started: hotfix: restore reservations index",
         {"deployment_id": 7, "environment": "staging"}],
        ["2025-09-16T09:44:30Z", "github", "deploy-succeeded", "ci[bot]",
         "Deploy v4.19.1 to staging: success", {"deployment_id": 7, "environment": "staging"}],
        ["2025-09-16T09:46:00Z", "github", "deploy-started", "hannah",
         "Deploy v4.19.1 to production started: hotfix: restore reservations index",
         {"deployment_id": 8, "environment": "production"}],
        # Its success status says nothing of a fix: the deployment's description does.
        ["2025-09-16T09:51:40Z", "github", "deploy-succeeded", "ci[bot]",
         "Deploy v4.19.1 to production: success",
         {"deployment_id": 8, "environment": "production"}],
    ]  # fmt: skip
    events = sorted(events_from(rows), key=lambda e: e.epoch)
    assert propose_moments(events)["mitigated"].time == when("2025-09-16T09:51:40Z")


def test_a_sheets_copy_of_the_page_does_not_keep_the_incident_open():
    rows = [
        ["2025-11-18T18:08:00Z", "csv", "page-triggered", "Arjun", "Page: ledger mTLS errors"],
        ["2025-11-18T18:08:20Z", "pagerduty", "page-triggered", None, "[#77] Ledger mTLS errors",
         {"incident_id": "P77"}],
        ["2025-11-18T18:12:47Z", "pagerduty", "page-acknowledged", "Arjun", "Acknowledged",
         {"incident_id": "P77"}],
        ["2025-11-18T18:33:05Z", "git", "rollback", "Bikash", "Revert \"Rotate ledger CA\""],
        ["2025-11-18T18:58:30Z", "pagerduty", "page-resolved", "Arjun", "Resolved by Arjun",
         {"incident_id": "P77"}],
        ["2025-11-18T19:08:00Z", "csv", "note", "Arjun", "Resolved"],
    ]  # fmt: skip
    events = sorted(events_from(rows), key=lambda e: e.epoch)
    assert propose_moments(events)["resolved"].time == when("2025-11-18T18:58:30Z")


def test_another_alert_over_before_detection_is_not_the_start():
    rows = [
        ["2025-11-04T13:08:20Z", "slack", "alert-firing", None, "[P3] #87: SearchIndexerQueueLag",
         {"alert": "87"}],
        ["2025-11-04T13:12:25Z", "k8s", "k8s-warning", None, "Pod/basket-1: Unhealthy"],
        ["2025-11-04T13:15:50Z", "slack", "alert-resolved", None, "Alert #87 closed",
         {"alert": "87"}],
        ["2025-11-04T13:17:10Z", "slack", "alert-firing", None, "[FIRING:2] BasketRedisTimeouts",
         {"alertname": "BasketRedisTimeouts"}],
        ["2025-11-04T13:18:05Z", "slack", "page-triggered", None,
         "Triggered #4821 [FIRING:2] BasketRedisTimeouts", {"incident": "4821"}],
    ]  # fmt: skip
    events = sorted(events_from(rows), key=lambda e: e.epoch)
    moments = propose_moments(events)
    assert moments["detected"].time == when("2025-11-04T13:17:10Z")
    assert moments["started"].time == when("2025-11-04T13:12:25Z")


def test_a_completion_added_in_an_edit_counts_from_the_edit():
    edited = when("2025-11-04T13:35:05Z").timestamp()
    rows = [
        ["2025-11-04T13:17:10Z", "am", "alert-firing", None, "BasketRedisTimeouts firing",
         {"alertname": "BasketRedisTimeouts"}],
        ["2025-11-04T13:24:20Z", "pd", "page-acknowledged", "Sofia", "Acknowledged by Sofia"],
        ["2025-11-04T13:30:40Z", "slack", "message", "Lena",
         "rolling back to v2.31.4 now (edit: rolled back, v2.31.4 is on all pods)",
         {"channel": "inc-basket", "edited_ts": f"{edited:.6f}"}],
        ["2025-11-04T13:33:00Z", "slack", "message", "Kai",
         "half the pods are on v2.31.4, still seeing timeouts on the rest",
         {"channel": "inc-basket"}],
    ]  # fmt: skip
    events = sorted(events_from(rows), key=lambda e: e.epoch)
    moment = propose_moments(events)["mitigated"]
    assert moment.time == when("2025-11-04T13:35:05Z")
    assert "edit" in moment.reason


def test_the_same_alert_paging_again_under_a_new_number_was_not_the_end():
    rows = [
        ["2025-09-18T09:44:16Z", "pd", "page-triggered", None,
         "Triggered through the API.: [#2231] StorefrontRequestFlood", {"incident_id": "P2231"}],
        ["2025-09-18T09:47:10Z", "pd", "page-acknowledged", "Priya", "Acknowledged by Priya",
         {"incident_id": "P2231"}],
        ["2025-09-18T10:01:10Z", "pd", "page-resolved", "Priya", "Resolved by Priya",
         {"incident_id": "P2231"}],
        ["2025-09-18T10:06:16Z", "pd", "page-triggered", None,
         "Triggered through the API.: [#2232] StorefrontRequestFlood", {"incident_id": "P2232"}],
        ["2025-09-18T10:55:12Z", "pd", "page-resolved", "Priya", "Resolved by Priya",
         {"incident_id": "P2232"}],
    ]  # fmt: skip
    moments = propose_moments(events_from(rows))
    assert moments["resolved"].time == when("2025-09-18T10:55:12Z")


def test_a_kubernetes_rollback_mitigates_when_its_last_step_is_done():
    step = {"reason": "ScalingReplicaSet", "object": "Deployment/coredns", "namespace": "kube"}
    rows = [
        ["2025-10-07T14:01:10Z", "am", "alert-firing", None, "DnsErrors firing",
         {"alertname": "DnsErrors"}],
        ["2025-10-07T14:25:38Z", "k8s", "rollback", None, "Scaled up replica set coredns-7db to 1",
         step],
        ["2025-10-07T14:25:50Z", "k8s", "rollback", None,
         "Scaled down replica set coredns-85f to 1", step],
        ["2025-10-07T14:26:01Z", "k8s", "rollback", None,
         "Scaled down replica set coredns-85f to 0", step],
    ]  # fmt: skip
    events = sorted(events_from(rows), key=lambda e: e.epoch)
    assert propose_moments(events)["mitigated"].time == when("2025-10-07T14:26:01Z")


def test_a_jobs_pod_created_is_not_a_change():
    from postmortems.timeline.triggers import trigger_candidates

    rows = [
        ["2025-10-07T13:50:00Z", "k8s", "k8s-normal", None,
         "Job/invoice-export-1: SuccessfulCreate: Created pod: invoice-export-1-x",
         {"reason": "SuccessfulCreate", "object": "Job/invoice-export-1"}],
        ["2025-10-07T13:55:00Z", "k8s", "k8s-normal", None,
         "ReplicaSet/api-7f: SuccessfulCreate: Created pod: api-7f-abc",
         {"reason": "SuccessfulCreate", "object": "ReplicaSet/api-7f"}],
    ]  # fmt: skip
    triggers = trigger_candidates(events_from(rows), when("2025-10-07T14:00:00Z"))
    assert [t.event.attrs["object"] for t in triggers] == ["ReplicaSet/api-7f"]


def test_a_chat_apps_copy_of_the_page_does_not_keep_the_incident_open():
    rows = [
        ["2025-10-08T09:05:00Z", "grafana", "alert-firing", None, "Cart API container restarts",
         {"alertname": "CartRestarts"}],
        ["2025-10-08T09:05:21Z", "pagerduty", "page-triggered", None,
         "Incident #5230 triggered: Cart API container restarts", {"incident_id": "Q2CART"}],
        ["2025-10-08T09:08:41Z", "pagerduty", "page-acknowledged", "Aylin",
         "Incident #5230 acknowledged", {"incident_id": "Q2CART"}],
        # The PagerDuty Slack app relays the page (and edits it when resolved: no new message).
        ["2025-10-08T09:09:55Z", "slack", "page-triggered", None,
         "Triggered: #5230 Cart API container restarts", {"incident": "5230"}],
        ["2025-10-08T09:40:12Z", "github", "rollback", "aylin", "Rollback cart-api to production"],
        ["2025-10-08T10:02:00Z", "grafana", "alert-resolved", None, "Cart API container restarts",
         {"alertname": "CartRestarts"}],
        ["2025-10-08T10:10:04Z", "pagerduty", "page-resolved", "Aylin",
         "Incident #5230 resolved", {"incident_id": "Q2CART"}],
    ]  # fmt: skip
    events = sorted(events_from(rows), key=lambda e: e.epoch)
    assert propose_moments(events)["resolved"].time == when("2025-10-08T10:10:04Z")
