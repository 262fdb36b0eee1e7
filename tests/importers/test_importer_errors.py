"""Whole-file problems are one InputError with the path (and line when known), never a traceback."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from importer_support import FIXTURES, options_from
from postmortems.errors import InputError
from postmortems.importers import registry
from postmortems.importers.base import ImportOptions

#: (declared kind, fixture read as that kind, words the message must contain)
WRONG_KIND = [
    ("pagerduty", "grafana/annotations.json", "not PagerDuty"),
    ("pagerduty", "slack/history.json", "not PagerDuty"),
    ("git", "k8s/events_core_v1.json", "not git log"),
    ("k8s", "grafana/annotations.json", "no item looks like an event"),
    ("k8s", "git/default.txt", "not valid JSON"),
    ("grafana", "k8s/events_core_v1.json", "not Grafana"),
    ("grafana", "pagerduty/webhooks_array.json", "no item has a time"),
    ("slack", "git/default.txt", "not valid JSON"),
    ("slack", "k8s/events_k8s_io_v1.json", "not a Slack"),
    ("opsgenie", "grafana/annotations.json", "not Opsgenie"),
    ("alertmanager", "opsgenie/alert_logs.json", "not Alertmanager"),
    ("prometheus", "k8s/events_core_v1.json", "not a Prometheus"),
    ("github", "alertmanager/notifications/01-firing.json", "not GitHub"),
    ("csv", "k8s/events_core_v1.json", "no time column"),
    ("jsonl", "git/default.txt", "no JSON objects"),
]


@pytest.mark.parametrize(("kind", "fixture", "words"), WRONG_KIND)
def test_wrong_kind_is_one_input_error(kind: str, fixture: str, words: str) -> None:
    path = FIXTURES / fixture
    with pytest.raises(InputError) as caught:
        registry.get(kind).read(path, ImportOptions())
    assert words in str(caught.value)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


ALL_KINDS = [
    "slack", "pagerduty", "opsgenie", "alertmanager", "prometheus", "grafana", "github", "k8s",
    "git", "csv", "jsonl",
]  # fmt: skip


def test_every_kind_is_registered_in_detection_order() -> None:
    assert registry.names()[: len(ALL_KINDS) - 2] == ALL_KINDS[:-2]
    assert registry.names()[-2:] == ["jsonl", "csv"]


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_not_utf8_names_the_line(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "data.json"
    path.write_bytes(b'[\n{"text": "caf\xe9"}\n]\n')
    with pytest.raises(InputError) as caught:
        registry.get(kind).read(path, ImportOptions())
    assert caught.value.line == 2
    assert "not UTF-8" in str(caught.value)


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_unreadable_file(tmp_path: Path, kind: str) -> None:
    with pytest.raises(InputError) as caught:
        registry.get(kind).read(tmp_path / "missing.json", ImportOptions())
    assert "cannot read" in str(caught.value)


@pytest.mark.parametrize("kind", ALL_KINDS)
@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"time": 1739520000, "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    ],
    ids=["document", "field"],
)
def test_json_nested_past_the_parser_is_an_input_error(tmp_path: Path, kind: str, text: str):
    """Deeper than Python's JSON parser goes (orjson stops at 1,024 levels and hands over)."""
    path = tmp_path / "deep.json"
    path.write_text(text + "\n", encoding="utf-8")
    try:
        result = registry.get(kind).read(path, ImportOptions())
    except InputError as caught:
        assert "\n" not in str(caught) and str(path) in str(caught)
    else:
        assert not result.events and result.skipped  # the line is reported, not dropped


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "entries.json"
    path.write_text('{"log_entries": [\n  {"id": "R1",\n  oops\n]}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        registry.get("pagerduty").read(path, ImportOptions())
    assert caught.value.line == 3


def test_naive_git_dates_ask_for_tz() -> None:
    with pytest.raises(InputError) as caught:
        registry.get("git").read(FIXTURES / "git" / "local_dates.txt", ImportOptions())
    assert "--tz" in str(caught.value)
    assert caught.value.line == 1


def _zip_export(tmp_path: Path) -> Path:
    archive = tmp_path / "export.zip"
    source = FIXTURES / "slack" / "export"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for file in sorted(source.rglob("*.json")):
            out.write(file, f"My Workspace Slack export/{file.relative_to(source).as_posix()}")
    return archive


def test_slack_zip_reads_like_the_folder(tmp_path: Path) -> None:
    archive = _zip_export(tmp_path)
    assert registry.detect(archive).name == "slack"
    from_zip = registry.load(str(archive))
    from_folder = registry.load(str(FIXTURES / "slack" / "export"))
    assert [(e.time, e.ref, e.text, e.actor) for e in from_zip.events] == [
        (e.time, e.ref, e.text, e.actor) for e in from_folder.events
    ]
    assert len(from_zip.events) == 7


def test_truncated_slack_zip(tmp_path: Path) -> None:
    archive = _zip_export(tmp_path)
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as caught:
        registry.get("slack").read(archive, ImportOptions())
    assert "zip" in str(caught.value)
    assert str(archive) in str(caught.value)


def test_unknown_slack_channel_lists_the_channels() -> None:
    with pytest.raises(InputError) as caught:
        registry.load(str(FIXTURES / "slack" / "export"), options_from({"channels": ["#nope"]}))
    assert "inc-db, random" in str(caught.value)


def test_slack_skips_day_files_far_from_the_window(tmp_path: Path) -> None:
    export = tmp_path / "export"
    shutil.copytree(FIXTURES / "slack" / "export", export)
    # Unreadable day files far from the window are never opened ...
    (export / "inc-db" / "2025-02-10.json").write_text("not json", encoding="utf-8")
    (export / "inc-db" / "2025-02-18.json").write_text("not json", encoding="utf-8")
    window = options_from({"start": "2025-02-14T07:00:00Z", "end": "2025-02-14T09:00:00Z"})
    result = registry.get("slack").read(export, window)
    assert len(result.events) == 4
    # ... but one dated the day after the window's end may hold messages inside it: 00:00 on
    # 2025-02-15 at UTC+14 is 10:00Z on the 14th.
    (export / "inc-db" / "2025-02-15.json").write_text("not json", encoding="utf-8")
    assert len(registry.get("slack").read(export, window).events) == 4  # window ends 09:00Z
    later = options_from({"start": "2025-02-14T07:00:00Z", "end": "2025-02-14T10:30:00Z"})
    with pytest.raises(InputError) as caught:
        registry.get("slack").read(export, later)
    assert "2025-02-15.json" in str(caught.value)


def test_slack_day_file_from_the_day_before_utc_is_read(tmp_path: Path) -> None:
    # A UTC+14 workspace writes 2025-02-14 10:00 local (= 2025-02-13T20:00Z) into 2025-02-14.json,
    # and a UTC-12 one writes 2025-02-13 23:00 local (= 2025-02-14T11:00Z) into 2025-02-13.json.
    export = tmp_path / "export"
    (export / "c").mkdir(parents=True)
    (export / "c" / "2025-02-14.json").write_text(
        '[{"type": "message", "ts": "1739476800.000000", "text": "kiritimati"}]', encoding="utf-8"
    )
    (export / "c" / "2025-02-13.json").write_text(
        '[{"type": "message", "ts": "1739530800.000000", "text": "baker island"}]',
        encoding="utf-8",
    )
    early = options_from({"start": "2025-02-13T19:00:00Z", "end": "2025-02-13T21:00:00Z"})
    assert [e.text for e in registry.get("slack").read(export, early).events] == ["kiritimati"]
    late = options_from({"start": "2025-02-14T10:00:00Z", "end": "2025-02-14T12:00:00Z"})
    assert [e.text for e in registry.get("slack").read(export, late).events] == ["baker island"]


@pytest.mark.parametrize(
    "window", [{}, {"start": "2025-02-14T07:00:00Z", "end": "2025-02-14T09:00:00Z"}]
)
def test_slack_ts_that_is_no_time_is_skipped(tmp_path: Path, window: dict[str, str]) -> None:
    export = tmp_path / "export"
    (export / "c").mkdir(parents=True)
    stamps = ["nan", "inf", "1e20", "-1e12", "1739520000.000100"]  # the last is 08:00Z
    messages = [{"type": "message", "ts": ts, "text": ts} for ts in stamps]
    (export / "c" / "2025-02-14.json").write_text(json.dumps(messages), encoding="utf-8")
    result = registry.get("slack").read(export, options_from(window))
    assert [e.text for e in result.events] == ["1739520000.000100"]
    assert [s.position for s in result.skipped] == [f"c/2025-02-14.json#{i}" for i in range(4)]
    assert all("is not a time" in s.reason for s in result.skipped)


def test_detect_failure_lists_kinds_and_syntax(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just some notes\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        registry.detect(path)
    message = str(caught.value)
    assert "KIND:PATH" in message
    for name in ("slack", "pagerduty", "git", "k8s", "grafana"):
        assert name in message


def test_load_unknown_kind_and_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown source kind 'nosuch'"):
        registry.load("nosuch:whatever.json")
    with pytest.raises(InputError, match="no such file"):
        registry.load(str(tmp_path / "missing.json"))
    with pytest.raises(InputError, match="no such file"):
        registry.load(f"git:{tmp_path / 'missing.txt'}")


def test_load_with_declared_kind() -> None:
    result = registry.load(f"git:{FIXTURES / 'git' / 'tsv.tsv'}")
    assert result.source == "git"
    assert len(result.events) == 2


def test_naive_csv_times_ask_for_tz() -> None:
    with pytest.raises(InputError) as caught:
        registry.get("csv").read(FIXTURES / "csv" / "naive.csv", ImportOptions())
    assert "--tz" in str(caught.value)
    assert caught.value.line == 2


@pytest.mark.parametrize("threshold", ["1.0", "> x", ">", "=>1", "> NaN"])
def test_bad_threshold_is_a_usage_error(threshold: str) -> None:
    from postmortems.errors import UsageError

    with pytest.raises(UsageError, match="threshold"):
        registry.get("prometheus").read(
            FIXTURES / "prometheus" / "error_rate.json", ImportOptions(threshold=threshold)
        )


def test_prometheus_fills_series_for_charts() -> None:
    result = registry.get("prometheus").read(
        FIXTURES / "prometheus" / "error_rate.json", ImportOptions()
    )
    orders = result.series['job:http_errors:ratio_rate5m{job="orders-api"}']
    assert len(orders) == 8  # the ninth sample is unreadable and reported
    assert orders[2][1] == 1.7
    assert orders[3][1] != orders[3][1]  # NaN kept as a gap for the chart
    assert orders[6][1] == float("inf")
    assert len(result.series['{job="checkout"}']) == 2


def test_unknown_column_is_named() -> None:
    with pytest.raises(InputError, match="no column 'nope' for time") as caught:
        registry.get("csv").read(
            FIXTURES / "csv" / "events.csv", ImportOptions(columns={"time": "nope"})
        )
    assert "Timestamp" in str(caught.value)


def test_prometheus_series_whose_labels_print_the_same_are_both_kept(tmp_path: Path) -> None:
    values = [[1739520000, "1"], [1739520060, "2"]]
    data = {
        "status": "success",
        "data": {
            "resultType": "matrix",
            "result": [
                {"metric": {"job": 1}, "values": values},
                {"metric": {"job": "1"}, "values": values[:1]},
            ],
        },
    }
    path = tmp_path / "query.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    series = registry.get("prometheus").read(path, ImportOptions()).series
    assert [len(points) for points in series.values()] == [2, 1]


def test_github_deployment_with_statuses_that_are_not_a_list_is_read(tmp_path):
    # Found by the fuzz test: a listed deployment whose "statuses" is true crashed the reader
    # while it learned the deployments (TypeError: 'bool' object is not iterable).
    import json

    from postmortems.importers import registry
    from postmortems.importers.base import ImportOptions

    deployment = {
        "id": 9002, "sha": "1a2b3c4", "ref": "v2", "task": "deploy", "environment": "production",
        "created_at": "2025-02-14T09:20:00Z", "statuses": True,
        "statuses_url": "https://api.github.com/repos/o/r/deployments/9002/statuses",
    }  # fmt: skip
    path = tmp_path / "deployments.json"
    path.write_text(json.dumps([deployment]))
    result = registry.get("github").read(path, ImportOptions())
    assert [e.kind for e in result.events] == ["deploy-started"]


def test_ambiguous_zone_abbreviation_without_a_window_asks_for_tz() -> None:
    # IST is India, Ireland or Israel: with no window to tell by, the import stops and says so.
    with pytest.raises(InputError) as caught:
        registry.get("csv").read(FIXTURES / "csv" / "ist_header.csv", ImportOptions())
    message = f"{caught.value} {caught.value.hint}"
    assert "--tz" in message
    assert "Asia/Kolkata" in message and "Europe/Dublin" in message
    assert caught.value.line == 2
