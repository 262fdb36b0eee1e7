"""``timeline --into``: merging into a document is idempotent and keeps what people wrote."""

import datetime as dt
import shutil

import pytest

from postmortems.cli import timeline as command
from postmortems.cli.main import main
from postmortems.document import parse_file
from postmortems.importers.base import ImportResult
from timeline_cases import DATA, events_from, load


@pytest.fixture(autouse=True)
def scenario_source(monkeypatch):
    def fake_load(spec, options):
        return ImportResult("fake", events=events_from(load(DATA / spec)["events"]))

    monkeypatch.setattr(command, "load_source", fake_load)


def into(tmp_path, capsys, doc, scenario, *extra):
    target = tmp_path / doc
    if not target.exists():
        shutil.copy(DATA / doc, target)
    code = main(["timeline", scenario, "--into", str(target), *extra])
    _, err = capsys.readouterr()
    assert code == 0, err
    return target, err


def test_second_run_changes_nothing(tmp_path, capsys):
    target, err = into(tmp_path, capsys, "doc_hand_written.md", "scenario_db_lock.yaml")
    assert "added" in err
    first = target.read_bytes()
    _, err = into(tmp_path, capsys, "doc_hand_written.md", "scenario_db_lock.yaml")
    assert target.read_bytes() == first
    assert "up to date" in err


def test_hand_written_entries_are_kept_in_time_order(tmp_path, capsys):
    target, _ = into(tmp_path, capsys, "doc_hand_written.md", "scenario_db_lock.yaml")
    text = target.read_text()
    pm = parse_file(target)
    texts = [e.text for e in pm.timeline]
    assert "Support forwards customer complaints | card payments hang" in texts
    assert "Review of the migration checklist starts" in texts
    # 14:50 CET is 13:50Z: after the 13:47 Slack message, before the 13:55 one.
    at = texts.index("Support forwards customer complaints | card payments hang")
    assert texts[at - 1].startswith("looking, payments p99")
    assert texts[at + 1] == "Should we roll back the release?"
    assert "Times are from the on-call notes." in text
    assert text.count("All times in CET.") == 1
    assert (
        "| 2025-03-03 14:50 | Support forwards customer complaints \\| card payments hang |" in text
    )
    times = [e.utc() for e in pm.timeline]
    assert times == sorted(times)
    assert not pm.problems, [p.message for p in pm.problems]


def test_moments_marked_and_empty_front_matter_filled(tmp_path, capsys):
    target, err = into(tmp_path, capsys, "doc_hand_written.md", "scenario_db_lock.yaml")
    pm = parse_file(target)
    marked = {e.marker: e.text for e in pm.timeline if e.marker != "none"}
    assert marked["trigger"].startswith("Release 2025.03.03-2")
    assert marked["detected"].startswith("PaymentsLatencyHigh firing")
    assert marked["resolved"] == "Resolved by Kim Park"
    # The writer's started (14:38 CET) wins: not overwritten, and no row claims it.
    assert pm.meta.started == dt.datetime(
        2025, 3, 3, 14, 38, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )
    assert "started" not in marked
    assert pm.meta.detected.astimezone(dt.UTC) == dt.datetime(2025, 3, 3, 13, 43, 10, tzinfo=dt.UTC)
    assert pm.meta.resolved.utcoffset() == dt.timedelta(hours=1)  # written in the document's zone
    assert "filled detected, acknowledged, mitigated, resolved" in err


def test_a_moment_the_writer_marked_is_not_marked_again(tmp_path, capsys):
    doc = tmp_path / "marked.md"
    source = (DATA / "doc_hand_written.md").read_text()
    source = source.replace(
        "| Time | Event |\n| --- | --- |", "| Time | Event | Moment |\n| --- | --- | --- |"
    )
    source = source.replace("card payments hang |", "card payments hang | detected |")
    source = source.replace("checklist starts |", "checklist starts | |")
    doc.write_text(source)
    into(tmp_path, capsys, "marked.md", "scenario_db_lock.yaml")
    pm = parse_file(doc)
    detected = [e.text for e in pm.timeline if e.marker == "detected"]
    assert detected == ["Support forwards customer complaints | card payments hang"]
    # The writer's detected moment (14:50 CET) is what the front matter gets.
    assert pm.meta.detected.astimezone(dt.UTC) == dt.datetime(2025, 3, 3, 13, 50, tzinfo=dt.UTC)


def test_a_timeline_section_is_created_in_its_place(tmp_path, capsys):
    target, _ = into(
        tmp_path,
        capsys,
        "doc_no_timeline.md",
        "scenario_customer_report.yaml",
        "--tz",
        "Europe/Berlin",
    )
    pm = parse_file(target)
    assert [s.key for s in pm.sections] == ["summary", "timeline", "action_items"]
    assert "All times in Europe/Berlin." in target.read_text()
    assert len(pm.timeline) == len(load(DATA / "scenario_customer_report.yaml")["events"])
    before = target.read_bytes()
    into(
        tmp_path,
        capsys,
        "doc_no_timeline.md",
        "scenario_customer_report.yaml",
        "--tz",
        "Europe/Berlin",
    )
    assert target.read_bytes() == before


def test_rendered_section_reads_back_exactly(tmp_path, capsys):
    target, _ = into(tmp_path, capsys, "doc_no_timeline.md", "scenario_bot_alerts.yaml")
    pm = parse_file(target)
    events = events_from(load(DATA / "scenario_bot_alerts.yaml")["events"])
    assert [(e.utc(), e.text, e.source) for e in pm.timeline] == [
        (e.time.replace(microsecond=0), e.text, e.source) for e in events
    ]


def test_missing_document_is_one_line_error(tmp_path, capsys):
    code = main(["timeline", "scenario_db_lock.yaml", "--into", str(tmp_path / "nope.md")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1


def test_around_takes_the_window_from_the_document_and_its_moments_win(tmp_path, capsys):
    import json

    doc = tmp_path / "around.md"
    doc.write_text(
        "---\ntitle: Payments\ndetected: 2025-03-03T14:45:00+01:00\n"
        "resolved: 2025-03-03T15:20:00+01:00\n---\n\n## Summary\n\nSlow payments.\n"
    )
    code = main(["timeline", "scenario_db_lock.yaml", "--around", str(doc), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    # 1 h before 13:45Z and 1 h after 14:20Z.
    assert data["window"] == {"from": "2025-03-03T12:45:00Z", "to": "2025-03-03T15:20:00Z"}
    assert data["moments"]["detected"] == "2025-03-03T13:45:00Z"
    assert data["evidence"]["detected"]["from_document"] is True
    assert data["moments"]["acknowledged"] == "2025-03-03T13:46:30Z"  # searched after it
    times = [dt.datetime.fromisoformat(e["time"].replace("Z", "+00:00")) for e in data["events"]]
    start = dt.datetime(2025, 3, 3, 12, 45, tzinfo=dt.UTC)
    assert times and all(start <= t < start + dt.timedelta(minutes=155) for t in times)


def test_around_a_document_without_times_is_an_error(tmp_path, capsys):
    doc = tmp_path / "empty.md"
    doc.write_text("---\ntitle: Nothing yet\n---\n\n## Summary\n\nTBD.\n")
    code = main(["timeline", "scenario_db_lock.yaml", "--around", str(doc)])
    err = capsys.readouterr().err
    assert code == 2 and "states no time" in err and err.count("\n") == 1
