"""Property tests for the parsers that read free text (git log, generic CSV times) and for
Prometheus refs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postmortems.importers import registry
from postmortems.importers._tabular import parse_time
from postmortems.importers.base import ImportOptions
from postmortems.importers.git import parse_git_date
from postmortems.timeline import merge

offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
moments = st.builds(
    lambda naive, zone: naive.replace(tzinfo=zone),
    st.datetimes(min_value=dt.datetime(1971, 1, 1), max_value=dt.datetime(2099, 12, 31)).map(
        lambda d: d.replace(microsecond=0)
    ),
    offsets,
)
names = (
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="<>"),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
subjects = (
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=60)
    .map(str.strip)
    .filter(bool)
)
shas = st.text("0123456789abcdef", min_size=40, max_size=40)


def _git_offset(moment: dt.datetime) -> str:
    return moment.strftime("%z")


def _render(style: str, moment: dt.datetime) -> str:
    if style == "iso-strict":
        return moment.isoformat()
    if style == "iso":
        return moment.strftime("%Y-%m-%d %H:%M:%S ") + _git_offset(moment)
    if style == "rfc":
        return moment.strftime("%a, %d %b %Y %H:%M:%S ") + _git_offset(moment)
    # git's default: day of month not zero-padded
    return f"{moment:%a %b} {moment.day} {moment:%H:%M:%S %Y} {_git_offset(moment)}"


@given(moments, st.sampled_from(["iso-strict", "iso", "rfc", "default"]))
def test_git_dates_round_trip_in_every_style(moment: dt.datetime, style: str) -> None:
    parsed = parse_git_date(_render(style, moment))
    assert parsed == moment
    assert parsed.utcoffset() == moment.utcoffset()


commits = st.lists(
    st.tuples(shas, names, subjects, moments, moments, st.booleans()), min_size=1, max_size=6
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(commits)
def test_git_fuller_log_round_trips(tmp_path: Path, log: list) -> None:  # type: ignore[type-arg]
    lines: list[str] = []
    for sha, author, subject, authored, committed, with_stat in log:
        lines += [
            f"commit {sha}",
            f"Author:     {author} <a@example.com>",
            f"AuthorDate: {authored.isoformat()}",
            "Commit:     Committer <c@example.com>",
            f"CommitDate: {committed.isoformat()}",
            "",
            f"    {subject}",
            "    ",
            "    Body line.",
            "",
        ]
        if with_stat:
            lines += [" src/a.py | 2 +-", " 1 file changed, 1 insertion(+), 1 deletion(-)", ""]
    path = tmp_path / "log.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = registry.get("git").read(path, ImportOptions())
    assert result.skipped == []
    assert len(result.events) == len(log)
    for event, (sha, author, subject, authored, committed, with_stat) in zip(
        result.events, log, strict=True
    ):
        assert event.time == committed
        assert event.actor == author
        assert event.text == subject
        assert event.ref == f"git:{sha[:7]}"
        assert dt.datetime.fromisoformat(event.attrs["author_date"]) == authored
        assert event.attrs["body"] == "Body line."
        assert ("stat" in event.attrs) == with_stat
        assert event.kind == ("rollback" if subject.startswith("Revert") else "commit")


@given(moments)
def test_csv_iso_times_keep_instant_and_zone(moment: dt.datetime) -> None:
    parsed, zone = parse_time(moment.isoformat(), None)
    assert parsed == moment
    assert parsed.utcoffset() == dt.timedelta(0)
    assert zone == moment.isoformat()[-6:]


# Told apart by size, which is unambiguous from 1973-03-03 (1e8 s) on: earlier millisecond
# stamps would read as seconds. Incident data is younger than that.
@given(
    moments.filter(lambda m: m.timestamp() >= 1e8),
    st.sampled_from([1, 1_000, 1_000_000, 1_000_000_000]),
)
def test_csv_epoch_units_are_told_apart(moment: dt.datetime, scale: int) -> None:
    seconds = int(moment.timestamp())
    parsed, zone = parse_time(str(seconds * scale), None)
    assert parsed == dt.datetime.fromtimestamp(seconds, dt.UTC)
    assert zone is None


@given(moments.map(lambda m: m.replace(tzinfo=None)), st.sampled_from(["UTC", "Asia/Tokyo"]))
def test_csv_naive_times_take_the_given_zone(naive: dt.datetime, zone_name: str) -> None:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(zone_name)
    parsed, _ = parse_time(naive.strftime("%Y-%m-%d %H:%M:%S"), zone)
    assert parsed == naive.replace(tzinfo=zone)


@given(
    st.datetimes(min_value=dt.datetime(1971, 1, 1), max_value=dt.datetime(2099, 12, 31)),
    st.sampled_from([".", "/", "-"]),
    st.booleans(),
)
def test_csv_sheet_dates_keep_their_day_and_month(
    tmp_path_factory: pytest.TempPathFactory, moment: dt.datetime, separator: str, us: bool
) -> None:
    """A sheet's dates, written day first (or, with slashes, month first as US sheets do),
    with a Date and a Time (UTC) column: each row keeps its day and month, including those
    where both numbers could be a month (01.02 is not 2 January in Berlin)."""
    day_month = "%m{0}%d{0}%Y" if us and separator != "." else "%d{0}%m{0}%Y"
    written = day_month.format(separator)
    # The column's other row tells slashed and dashed dates apart: a day above 12.
    other = dt.datetime(moment.year, 1, 31, 12, 0)
    path = tmp_path_factory.mktemp("sheet") / "sheet.csv"
    path.write_text(
        "Date,Time (UTC),What\n"
        f"{other.strftime(written)},{other:%H:%M},other row\n"
        f"{moment.strftime(written)},{moment:%H:%M},the row\n",
        encoding="utf-8",
    )
    result = registry.get("csv").read(path, ImportOptions())
    times = {event.text: event.time for event in result.events}
    assert times["the row"] == moment.replace(second=0, microsecond=0, tzinfo=dt.UTC)


@given(st.text(max_size=40))
def test_csv_time_parser_never_raises_anything_but_value_error(text: str) -> None:
    try:
        parsed, _ = parse_time(text, dt.UTC)
    except ValueError:
        return
    assert parsed.tzinfo is not None


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(st.lists(st.integers(16 * 10**14, 19 * 10**14), min_size=2, max_size=8, unique=True))
def test_prometheus_refs_tell_every_sample_apart(tmp_path: Path, micros: list[int]) -> None:
    # Values alternate above and below the threshold: every sample crosses or recovers.
    values = [[us / 1_000_000, "2" if i % 2 == 0 else "0"] for i, us in enumerate(sorted(micros))]
    document = {"status": "success", "data": {"resultType": "matrix", "result": [
        {"metric": {"__name__": "errors"}, "values": values}
    ]}}  # fmt: skip
    path = tmp_path / "errors.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    events = registry.get("prometheus").read(path, ImportOptions(threshold=">1")).events
    assert len({e.ref for e in events}) == len(events) == len(micros)
    assert len(merge(events)) == len(events)


# Slack exports written by other tools (or trimmed by hand) put any JSON value in any field.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
slack_fields = st.sampled_from(
    [
        "type",
        "ts",
        "user",
        "text",
        "subtype",
        "bot_id",
        "thread_ts",
        "edited",
        "username",
        "bot_profile",
        "user_profile",
        "attachments",
        "files",
        "message",
    ]
)
slack_messages = (
    st.builds(
        lambda base, extra: {**base, **extra},
        st.fixed_dictionaries(
            {"type": st.just("message"), "ts": st.just("1739518200.000200"), "user": st.just("U1")},
            optional={"text": st.just("<@U1> hi &amp; <https://x.example|x>")},
        ),
        st.dictionaries(slack_fields, json_values | st.sampled_from(["U1", "bot_message", "1.5"])),
    )
    | json_values
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(slack_messages, max_size=6), st.dictionaries(st.text(max_size=8), json_values))
def test_slack_any_values_give_events_or_skips_never_a_crash(
    tmp_path: Path, messages: list[object], profile: dict[str, object]
) -> None:
    """Each message becomes one event or one reported skip, with text and names as strings."""
    (tmp_path / "users.json").write_text(
        json.dumps([{"id": "U1", "name": "ann", "profile": profile, "tz": profile.get("tz")}])
    )
    (tmp_path / "inc").mkdir(exist_ok=True)
    (tmp_path / "inc" / "2025-02-14.json").write_text(json.dumps(messages))
    result = registry.get("slack").read(tmp_path, ImportOptions())
    assert len(result.events) + len(result.skipped) == len(messages)
    for event in result.events:
        assert type(event.text) is str
        assert event.actor is None or type(event.actor) is str
        assert event.zone is None or type(event.zone) is str
