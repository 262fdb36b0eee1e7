"""The ``timeline`` command through the real CLI, in-process, with an in-test importer.

The importer here stands in for the registry: it reads the scenario files of
``tests/data/timeline`` so these tests exercise the command, not any one importer.
"""

import json

import pytest

from postmortems.cli import timeline as command
from postmortems.cli.main import main
from postmortems.importers.base import ImportResult
from postmortems.timeline import Skipped
from timeline_cases import DATA, events_from, load


@pytest.fixture
def scenario_source(monkeypatch):
    seen = []

    def fake_load(spec, options):
        seen.append(options)
        case = load(DATA / spec)
        events = events_from(case["events"])
        skipped = [Skipped("fake", f"{spec}:{n}", "no time") for n in range(case.get("broken", 0))]
        return ImportResult(source="fake", events=events, skipped=skipped)

    monkeypatch.setattr(command, "load_source", fake_load)
    return seen


def run(capsys, *argv):
    code = main(["timeline", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_every_part(scenario_source, capsys):
    code, out, err = run(capsys, "scenario_db_lock.yaml", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= {"events", "moments", "evidence", "triggers", "metrics", "skipped"}
    assert set(data["events"][0]) == {"time", "source", "kind", "actor", "text", "ref"}
    assert data["events"][0]["time"].endswith("Z")
    assert data["moments"]["detected"] == "2025-03-03T13:43:10Z"
    assert data["evidence"]["detected"]["text"].startswith("PaymentsLatencyHigh firing")
    assert data["evidence"]["detected"]["reason"] == "first alert firing"
    assert data["triggers"][0]["text"].startswith("Release 2025.03.03-2")
    assert data["metrics"] == {
        "time_to_detect_s": 190.0,
        "time_to_acknowledge_s": 200.0,
        "time_to_mitigate_s": 1320.0,
        "time_to_resolve_s": 2400.0,
    }
    # The page triggered twice in one export: one record.
    assert sum(e["kind"] == "page-triggered" for e in data["events"]) == 1


def test_window_bounds_the_events_and_reaches_the_importers(scenario_source, capsys):
    code, out, _ = run(
        capsys,
        "scenario_db_lock.yaml",
        "--from",
        "2025-03-03T14:30:00+01:00",
        "--to",
        "2025-03-03 15:00",
        "--tz",
        "Europe/Copenhagen",
        "--format",
        "json",
    )
    assert code == 0
    times = [e["time"] for e in json.loads(out)["events"]]
    assert times[0] >= "2025-03-03T13:30:00Z" and times[-1] < "2025-03-03T14:00:00Z"
    assert str(scenario_source[0].start) == "2025-03-03 14:30:00+01:00"
    assert scenario_source[0].tz_name == "Europe/Copenhagen"


def test_markdown_is_the_canonical_section(scenario_source, capsys):
    code, out, _ = run(capsys, "scenario_bot_alerts.yaml", "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[:5] == [
        "## Timeline",
        "",
        "All times in UTC.",
        "",
        "| Time | Event | Actor | Source | Moment |",
    ]
    trigger = "| 2025-01-20 22:14 | Deploy api v4.2.0 to production: success | Sam Ode | github |"
    assert trigger + " trigger |" in lines


def test_text_lists_events_and_moments(scenario_source, capsys):
    code, out, _ = run(capsys, "scenario_customer_report.yaml")
    assert code == 0
    assert "Customers say they can't complete checkout" in out
    assert "time_to_resolve_s" in out and "detected" in out


def test_custom_duration_definition(scenario_source, capsys):
    code, out, _ = run(
        capsys,
        "scenario_db_lock.yaml",
        "--format",
        "json",
        "--duration",
        "time_to_mitigate=detected:mitigated",
    )
    assert code == 0
    assert json.loads(out)["metrics"] == {"time_to_mitigate_s": 1130.0}


def test_skipped_records_are_summarised_and_listed(scenario_source, capsys, tmp_path):
    case = DATA / "scenario_db_lock.yaml"
    broken = tmp_path / "broken.yaml"
    broken.write_text(case.read_text() + "broken: 5\n")
    code, out, err = run(capsys, str(broken), "--format", "json")
    assert code == 0
    assert "skipped 5 record(s)" in err
    assert "and 2 more" in err
    assert len(json.loads(out)["skipped"]) == 5
    assert json.loads(out)["skipped"][0] == {
        "source": "fake",
        "position": f"{broken}:0",
        "reason": "no time",
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "no sources given"),
        (["x", "--from", "yesterday"], "not an ISO 8601 time"),
        (["x", "--from", "2025-02-14T08:30"], "has no time zone"),
        (["x", "--tz", "Mars/Base"], "unknown time zone"),
        (["x", "--from", "2025-02-14T09:00Z", "--to", "2025-02-14T08:00Z"], "end must be after"),
        (["x", "--duration", "ttm=start:end"], "unknown moment"),
        (["x", "--chart", "out.gif"], "chart format"),
        (["x", "--column", "time"], "is not ROLE=NAME"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(argv, message, capsys):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and err.startswith("postmortems: ")


def test_help_does_not_import_heavy_modules():
    import subprocess
    import sys

    code = (
        "import sys; from postmortems.cli.main import build_parser; build_parser(); "
        "print([m for m in ('matplotlib', 'postmortems.importers.registry') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_chart_through_the_command(scenario_source, capsys, tmp_path):
    import xml.etree.ElementTree as ET

    target = tmp_path / "incident.svg"
    code, out, err = run(capsys, "scenario_db_lock.yaml", "--chart", str(target))
    assert code == 0, err
    assert out == ""  # with --chart and no --format, stdout stays free
    assert "chart written" in err
    ids = {el.get("id") for el in ET.parse(target).getroot().iter() if el.get("id")}
    assert "moment:resolved" in ids


def test_columns_named_on_the_command_line(capsys, tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "logged,who,what happened,ref\n2025-02-14 09:00:00,Lars,Failover started,T-1\n",
        encoding="utf-8",
    )
    argv = ["csv:" + str(sheet), "--tz", "Europe/Berlin", "--format", "json"]
    code, out, err = run(capsys, *argv, "--column", "time=logged", "--column", "text=ref")
    assert code == 0, err
    (event,) = json.loads(out)["events"]
    assert event["time"] == "2025-02-14T08:00:00Z"
    assert event["text"] == "T-1"
    assert event["actor"] == "Lars"  # a role not named is still found by its common name
    code, out, err = run(capsys, *argv, "--column", "when=logged")
    assert code == 2 and "unknown column role 'when'" in err
