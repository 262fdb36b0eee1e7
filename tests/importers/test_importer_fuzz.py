"""Any JSON value in any field of a real-shaped file: events or reported skips, never a crash.

Each test starts from the fixtures of one importer, puts arbitrary values (None, booleans,
numbers at and past the edges, strings that are nearly times, lists, objects) into arbitrary
places, and reads the file through the importer and through ``postmortems timeline``. The
project's rule for bad input: a whole-file problem is one InputError (the command line prints
one line and exits 2), a bad record is a reported ``Skipped``, nothing else escapes and nothing
is silently lost.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importer_support import FIXTURES
from postmortems.cli.main import main
from postmortems.errors import InputError
from postmortems.importers import registry
from postmortems.importers.base import ImportOptions, ImportResult

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: Strings that are almost what a field holds: times at the edges of what datetime can hold,
#: naive times, numbers written as text, and the words importers branch on.
NEAR_MISSES = [
    "9999-12-31T23:59:59-12:00",
    "9999-12-31T23:59:59.999999Z",
    "0001-01-01T00:00:00+14:00",
    "0001-01-01T00:00:00Z",
    "1970-01-01T00:00:00Z",
    "2025-02-14T10:00:00",
    "2025-02-14T10:00:00Z",
    "2025-02-14T10:00:00+01:00",
    "Fri Dec 31 23:59:59 9999 -1200",
    "NaN",
    "+Inf",
    "-Inf",
    "1e400",
    "-1",
    "0",
    "",
    " ",
    "firing",
    "resolved",
    "success",
    "inactive",
    "alerting",
    "ok",
    "Warning",
    "Event",
    "created",
    "Revert it",
    "x[bot]",
    "Bot",
]
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([2**63, -(2**63) - 1, 10**400, 10**18, 253402300800000, -62135596800000])
    | st.floats()
    | st.sampled_from([float("nan"), float("inf"), float("-inf"), 1e308, -0.0, 0.5])
    | st.text(max_size=12)
    | st.sampled_from(NEAR_MISSES)
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _places(value: Any, where: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield where
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*where, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, (*where, index))


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value).union(*(_keys(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_keys(item) for item in value))
    return set()


def _put(document: Any, where: tuple[Any, ...], value: Any) -> Any:
    if not where:
        return value
    parent = document
    for step in where[:-1]:
        parent = parent[step]
    parent[where[-1]] = value
    return document


@st.composite
def mutated(draw: st.DrawFn, documents: list[Any]) -> Any:
    """One of ``documents`` with one to four places (or new fields) set to any JSON value."""
    document = copy.deepcopy(draw(st.sampled_from(documents)))
    fields = sorted(_keys(documents))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(list(_places(document))))
        parent = document
        for step in where:
            parent = parent[step]
        value = draw(json_values)
        if isinstance(parent, dict) and fields and draw(st.booleans()):
            parent[draw(st.sampled_from(fields))] = value  # a field the format has, any value
        else:
            document = _put(document, where, value)
    return document


def _load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _load_lines(name: str) -> list[Any]:
    """The valid lines of a JSON Lines fixture (some fixtures hold a broken line on purpose)."""
    values = []
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        try:
            values.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return values


def _load_values(name: str) -> list[Any]:
    """JSON documents written one after another (kubectl get -w, saved API pages)."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    decoder, values, position = json.JSONDecoder(), [], 0
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        value, position = decoder.raw_decode(text, position)
        values.append(value)
    return values


def _check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, path: Path, **options: Any
) -> ImportResult | None:
    """Read ``path`` as ``kind`` and through the command line; check what can be checked for
    every importer. None when the whole file was refused (one InputError)."""
    try:
        result = registry.get(kind).read(path, ImportOptions(**options))
    except InputError as exc:
        assert "\n" not in str(exc)
        result = None
    argv = ["timeline", f"{kind}:{path}", "--format", "json"]
    if "threshold" in options:
        argv += ["--threshold", options["threshold"]]
    if "tz_name" in options:
        argv += ["--tz", options["tz_name"]]
    code = main(argv)
    out, err = capsys.readouterr()
    if result is None:
        assert code == 2
        assert len(err.strip().splitlines()) == 1, err
        assert str(path) in err
    else:
        assert code == 0, err
        json.loads(out)
        _check_events(result)
    return result


def _check_events(result: ImportResult) -> None:
    for event in result.events:
        assert type(event.text) is str
        assert event.actor is None or type(event.actor) is str
        assert event.zone is None or type(event.zone) is str
        assert type(event.ref) is str and event.ref
        assert type(event.epoch) is float
        assert event.time.tzinfo is not None
        assert abs(event.time.timestamp() - event.epoch) < 1e-3
        assert event.end is None or event.end.tzinfo is not None
        assert type(event.kind) is str or isinstance(event.kind, str)
    for skipped in result.skipped:
        assert type(skipped.position) is str and skipped.position
        assert type(skipped.reason) is str and skipped.reason


def _write_json(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _write_lines(path: Path, values: list[Any], ascii: bool = True) -> Path:
    """JSON Lines; with ``ascii=False`` strings keep U+2028, form feeds' kin and the like raw."""
    text = "".join(json.dumps(value, ensure_ascii=ascii) + "\n" for value in values)
    path.write_text(text, encoding="utf-8")
    return path


# --- Alertmanager --------------------------------------------------------------------------

ALERTMANAGER = [
    _load("alertmanager/api_v2_alerts.json"),
    *(_load(f"alertmanager/notifications/0{n}") for n in ("1-firing.json", "2-repeat.json")),
    _load("alertmanager/notifications/03-resolved.json"),
]


@SETTINGS
@given(mutated(ALERTMANAGER))
def test_alertmanager_any_values(tmp_path: Path, capsys: Any, document: Any) -> None:
    path = _write_json(tmp_path / "alerts.json", document)
    result = _check(tmp_path, capsys, "alertmanager", path)
    if result is None:
        return
    # Every alert is an event, a skip, or a repeat of an alert read before (same start).
    payloads = document if isinstance(document, list) else [document]
    alerts: list[tuple[str, Any]] = []
    for number, payload in enumerate(payloads):
        where = "alerts.json:1" if len(payloads) == 1 else f"alerts.json#{number}"
        if isinstance(payload, dict) and "startsAt" in payload and "labels" in payload:
            alerts.append((where, payload))
        elif isinstance(payload, dict) and isinstance(payload.get("alerts"), list):
            alerts += [(f"{where}/alerts/{i}", a) for i, a in enumerate(payload["alerts"])]
        else:
            alerts.append((where, None))
    covered = {s.position for s in result.skipped}
    covered |= {
        e.ref.removeprefix("alertmanager:").removesuffix("#resolved") for e in result.events
    }
    starts_seen: list[Any] = []
    for where, alert in alerts:
        start = alert.get("startsAt") if isinstance(alert, dict) else None
        assert where in covered or start in starts_seen, where
        starts_seen.append(start)


# --- Opsgenie ------------------------------------------------------------------------------

OPSGENIE = [_load("opsgenie/alert_logs.json")]


@SETTINGS
@given(mutated(OPSGENIE))
def test_opsgenie_any_values(tmp_path: Path, capsys: Any, document: Any) -> None:
    path = _write_json(tmp_path / "logs.json", document)
    result = _check(tmp_path, capsys, "opsgenie", path)
    if result is None:
        return
    pages = document if isinstance(document, list) else [document]
    records = sum(
        len(page["data"]) if isinstance(page, dict) and isinstance(page.get("data"), list) else 1
        for page in pages
    )
    assert len(result.events) + len(result.skipped) == records


# --- GitHub --------------------------------------------------------------------------------

GITHUB = [
    _load("github/deployments_trimmed.json"),
    _load("github/deployments_with_statuses.json"),
    _load("github/statuses.json"),
    _load_lines("github/webhooks.jsonl"),
]


@SETTINGS
@given(mutated(GITHUB), st.booleans())
def test_github_any_values(tmp_path: Path, capsys: Any, document: Any, as_lines: bool) -> None:
    if as_lines and isinstance(document, list):
        path = _write_lines(tmp_path / "deployments.jsonl", document)
    else:
        path = _write_json(tmp_path / "deployments.json", document)
    result = _check(tmp_path, capsys, "github", path)
    if result is None:
        return
    records = document if isinstance(document, list) else [document]
    if as_lines and isinstance(document, list):  # each line a record, or a page of records
        records = [r for line in document for r in (line if isinstance(line, list) else [line])]
    statuses = sum(
        len(record["statuses"]) if isinstance(record["statuses"], list) else 1
        for record in records
        if isinstance(record, dict) and record.get("statuses") is not None
    )
    # Each record is one event or skip; a deployment's embedded statuses are one each too.
    assert len(records) <= len(result.events) + len(result.skipped) <= len(records) + statuses


# --- Grafana -------------------------------------------------------------------------------

GRAFANA = [_load("grafana/annotations.json"), _load("grafana/unified_alerting.json")]


@SETTINGS
@given(mutated(GRAFANA))
def test_grafana_any_values(tmp_path: Path, capsys: Any, document: Any) -> None:
    path = _write_json(tmp_path / "annotations.json", document)
    result = _check(tmp_path, capsys, "grafana", path)
    if result is None:
        return
    items = document["annotations"] if isinstance(document, dict) else document
    assert len(result.events) + len(result.skipped) == len(items)


# --- Kubernetes ----------------------------------------------------------------------------


def _k8s_items(document: Any) -> int:
    if isinstance(document, dict) and isinstance(document.get("items"), list):
        return len(document["items"])
    if isinstance(document, list):
        return len(document)
    return 1


K8S = [
    _load("k8s/events_core_v1.json"),
    _load("k8s/events_k8s_io_v1.json"),
    _load_values("k8s/watch.json"),
]


@SETTINGS
@given(mutated(K8S), st.sampled_from(["json", "yaml", "watch"]))
def test_k8s_any_values(tmp_path: Path, capsys: Any, document: Any, form: str) -> None:
    import yaml

    path = tmp_path / f"events.{form}"
    if form == "yaml":
        path.write_text(yaml.safe_dump(document), encoding="utf-8")
    elif form == "watch" and isinstance(document, list) and len(document) > 1:
        path.write_text("\n".join(json.dumps(value) for value in document), encoding="utf-8")
    else:
        _write_json(path, document)
    result = _check(tmp_path, capsys, "k8s", path)
    if result is None:
        return
    if form == "watch" and isinstance(document, list) and len(document) > 1:
        records = sum(_k8s_items(value) if isinstance(value, dict) else 1 for value in document)
    else:
        records = _k8s_items(document)
    assert len(result.events) + len(result.skipped) == records


# --- Prometheus ----------------------------------------------------------------------------

PROMETHEUS = [_load("prometheus/error_rate.json")]


@SETTINGS
@given(mutated(PROMETHEUS), st.sampled_from([None, ">0.05", "<=1"]))
def test_prometheus_any_values(
    tmp_path: Path, capsys: Any, document: Any, threshold: str | None
) -> None:
    path = _write_json(tmp_path / "query.json", document)
    options = {"threshold": threshold} if threshold else {}
    result = _check(tmp_path, capsys, "prometheus", path, **options)
    if result is None:
        return
    samples = 0
    for item in document["data"]["result"]:
        values = item.get("values") if isinstance(item, dict) else None
        if isinstance(item, dict) and values is None and "value" in item:
            values = [item["value"]]
        samples += len(values) if isinstance(values, list) else 0
    series_skips = len(document["data"]["result"]) - len(result.series)
    points = sum(len(points) for points in result.series.values())
    # Every sample is a point of a series or a skip; every series is kept or a skip.
    assert points + len(result.skipped) == samples + series_skips


# --- PagerDuty (read only: pagerduty.py is another engineer's) -----------------------------

PAGERDUTY = [
    _load("pagerduty/log_entries_new_york.json"),
    _load_values("pagerduty/log_entries_two_pages.json"),
    _load("pagerduty/webhooks_array.json"),
    _load_lines("pagerduty/webhooks.jsonl"),
]


@SETTINGS
@given(mutated(PAGERDUTY), st.booleans())
def test_pagerduty_any_values(tmp_path: Path, capsys: Any, document: Any, apart: bool) -> None:
    path = tmp_path / "pagerduty.json"
    if apart and isinstance(document, list):  # pages or payloads one after another
        path.write_text("\n".join(json.dumps(value) for value in document), encoding="utf-8")
    else:
        _write_json(path, document)
    _check(tmp_path, capsys, "pagerduty", path)


# --- JSON Lines ----------------------------------------------------------------------------

JSONL = [_load_lines("jsonl/events.jsonl")]


@SETTINGS
@given(mutated(JSONL), st.sampled_from(["array", "lines", "raw lines"]))
def test_jsonl_any_values(tmp_path: Path, capsys: Any, document: Any, form: str) -> None:
    rows = document if isinstance(document, list) else [document]
    if form == "array":
        path = _write_json(tmp_path / "events.jsonl", rows)
    else:
        path = _write_lines(tmp_path / "events.jsonl", rows, ascii=form == "lines")
    result = _check(tmp_path, capsys, "jsonl", path, tz=dt.UTC, tz_name="UTC")
    if result is None:
        return
    assert len(result.events) + len(result.skipped) == len(rows)


# --- CSV and git: text formats, any text in any cell or line --------------------------------

cells = st.text(max_size=16) | st.sampled_from(NEAR_MISSES) | st.integers().map(str)


def _csv_rows(name: str) -> list[list[str]]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    delimiter = "\t" if name.endswith(".tsv") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


CSV = ["csv/events.csv", "csv/spreadsheet.csv", "csv/status_updates.csv", "csv/berlin_header.csv"]


@st.composite
def csv_files(draw: st.DrawFn) -> list[list[str]]:
    rows = copy.deepcopy(_csv_rows(draw(st.sampled_from(CSV))))
    for _ in range(draw(st.integers(1, 4))):
        row = draw(st.integers(1, max(1, len(rows) - 1))) if len(rows) > 1 else 0
        if row >= len(rows) or not rows[row]:
            continue
        rows[row][draw(st.integers(0, len(rows[row]) - 1))] = draw(cells)
    return rows


@SETTINGS
@given(csv_files())
def test_csv_any_cells(tmp_path: Path, capsys: Any, rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    path = tmp_path / "events.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    result = _check(tmp_path, capsys, "csv", path, tz=dt.UTC, tz_name="UTC")
    if result is None:
        return
    records = [row for row in rows[1:] if row]
    assert len(result.events) + len(result.skipped) == len(records)


_COMMIT_LINE = re.compile(r"^commit [0-9a-f]{7,64}\b")
GIT = ["git/fuller_stat.txt", "git/default.txt", "git/short_dates.txt", "git/tsv.tsv"]
git_lines = (
    st.text(max_size=30)
    | st.sampled_from(NEAR_MISSES)
    | st.builds(
        lambda key, value: f"{key}: {value}",
        st.sampled_from(["Date", "AuthorDate", "CommitDate", "Author", "Commit", "Merge"]),
        st.text(max_size=20) | st.sampled_from(NEAR_MISSES),
    )
    | st.sampled_from(NEAR_MISSES).map(lambda t: f"abcdef1\tAnn\ta@x\t{t}\t{t}\tSubject")
)


@st.composite
def git_logs(draw: st.DrawFn) -> list[str]:
    lines = (FIXTURES / draw(st.sampled_from(GIT))).read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(1, 4))):
        lines[draw(st.integers(0, len(lines) - 1))] = draw(git_lines)
    return lines


@SETTINGS
@given(git_logs())
def test_git_any_lines(tmp_path: Path, capsys: Any, lines: list[str]) -> None:
    path = tmp_path / "log.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _check(tmp_path, capsys, "git", path, tz=dt.UTC, tz_name="UTC")
    if result is None:
        return
    # Lines end at \n only: a form feed or U+2028 in a subject does not start a new line.
    text_lines = [line.removesuffix("\r") for line in path.read_bytes().decode("utf-8").split("\n")]
    first = next((line for line in text_lines if line.strip()), "")
    if re.match(r"^[0-9a-f]{7,64}\t", first):
        records = sum(1 for line in text_lines if line.strip())
    else:
        records = sum(1 for line in text_lines if _COMMIT_LINE.match(line))
    assert len(result.events) + len(result.skipped) == records
