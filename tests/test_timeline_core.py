import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postmortems.timeline import (
    Event,
    EventKind,
    Window,
    around,
    durations,
    merge,
    parse_definition,
)
from postmortems.timeline.durations import DEFAULT_DEFINITIONS
from timeline_cases import events_from, when

UTC = dt.UTC
T0 = dt.datetime(2025, 2, 14, 9, 0, tzinfo=UTC)


def ev(seconds, source="s", text="x", ref="", tz=UTC):
    return Event(
        (T0 + dt.timedelta(seconds=seconds)).astimezone(tz), source, "message", text, ref=ref
    )


def test_merge_sorts_by_utc_across_zones_and_is_stable():
    plus_one = dt.timezone(dt.timedelta(hours=1))
    a = ev(60, "a", "first", tz=plus_one)  # 10:01+01:00 == 09:01Z
    b = ev(0, "b", "zero")
    c = ev(60, "c", "same instant, later stream")
    merged = merge([a], [b, c])
    assert [e.text for e in merged] == ["zero", "first", "same instant, later stream"]


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [
        # The same record exported twice: same source and ref.
        (
            dict(source="slack", ref="C1/1.0", text="a"),
            dict(source="slack", ref="C1/1.0", text="a"),
            1,
        ),
        # Same source, ref differs (two files), same time and text: still one record.
        (dict(source="slack", ref="f1:3", text="a"), dict(source="slack", ref="f2:9", text="a"), 1),
        # The same alert seen by two tools stays two events.
        (dict(source="alertmanager", text="A"), dict(source="pagerduty", text="A"), 2),
        # Same source, same time, different text: two events.
        (dict(source="k8s", text="pod-1 unhealthy"), dict(source="k8s", text="pod-2 unhealthy"), 2),
    ],
)
def test_merge_dedupes_records_not_observations(first, second, kept):
    assert len(merge([ev(0, **first)], [ev(0, **second)])) == kept


def test_merge_dedupes_same_ref_and_kind():
    # An edited Slack message exported before and after the edit (same ts): one entry.
    assert len(merge([ev(0, "slack", "v1", ref="C/1")], [ev(0, "slack", "v2", ref="C/1")])) == 1


def test_one_record_may_yield_several_events():
    # A metric's crossing and recovery may point at the same series record.
    crossing = ev(0, "prometheus", "crossed", ref="series@1")
    recovery = ev(300, "prometheus", "recovered", ref="series@1")
    recovery.kind = "metric-recovered"
    assert len(merge([crossing, recovery])) == 2


def _same_record(a, b):
    """The documented definition, written plainly: same source and time, and the same text or
    the same non-empty ref and kind."""
    return (
        a.source == b.source
        and a.time == b.time
        and (a.text == b.text or (a.ref != "" and a.ref == b.ref and a.kind == b.kind))
    )


_PLUS_TWO = dt.timezone(dt.timedelta(hours=2))
_events = st.lists(
    st.builds(
        lambda seconds, zone, source, kind, text, ref: Event(
            (T0 + dt.timedelta(seconds=seconds)).astimezone(zone), source, kind, text, ref=ref
        ),
        st.integers(0, 3),
        st.sampled_from([UTC, _PLUS_TWO]),
        st.sampled_from(["a", "b"]),
        st.sampled_from(["message", "note"]),
        st.sampled_from(["x", "y", "z"]),
        st.sampled_from(["", "r1", "r2"]),
    ),
    max_size=25,
)


@given(st.lists(_events, max_size=3))
def test_merge_keeps_the_first_of_each_record_in_time_order(streams):
    everything = [e for stream in streams for e in stream]
    expected = []
    for event in sorted(everything, key=lambda e: e.time):
        if not any(_same_record(kept, event) for kept in expected):
            expected.append(event)
    assert [id(e) for e in merge(*streams)] == [id(e) for e in expected]


def test_an_event_made_from_epoch_seconds_is_the_one_made_from_its_datetime():
    seconds = 1739523535.0002  # a Slack ts
    event = Event(seconds, "slack", "message", "x", ref="slack:#inc/1739523535.000200")
    assert event.epoch == seconds
    assert event.time == dt.datetime(2025, 2, 14, 8, 58, 55, 200, tzinfo=UTC)
    assert event.time.tzinfo is UTC and event.time.timestamp() == seconds
    assert event == Event(event.time, "slack", "message", "x", ref="slack:#inc/1739523535.000200")
    assert event != Event(
        seconds + 1e-6, "slack", "message", "x", ref="slack:#inc/1739523535.000200"
    )


def test_from_epoch_makes_the_event_the_constructor_makes():
    attrs = {"channel": "inc"}
    fast = Event.from_epoch(1739523535.0002, "slack", "message", "x", "Ann", "r", "+01:00", attrs)
    slow = Event(1739523535.0002, "slack", "message", "x", "Ann", "r", "+01:00", None, attrs)
    assert fast == slow and repr(fast) == repr(slow)
    assert fast.time == slow.time and fast.end is None and fast.attrs is attrs
    assert fast != Event(
        1739523535.0003, "slack", "message", "x", "Ann", "r", "+01:00", None, attrs
    )


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf"), 1e20, -1e12])
def test_epoch_seconds_must_be_a_time(bad):
    with pytest.raises(ValueError, match="not seconds"):
        Event(bad, "slack", "message", "x")


@pytest.mark.parametrize(
    "edge",
    [
        dt.datetime(1, 1, 1, tzinfo=UTC),
        dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-12))),
    ],
)
def test_a_datetime_no_zone_can_show_is_refused_when_made_or_moved_to(edge):
    with pytest.raises(ValueError, match="too near year 1 or year 9999"):
        Event(edge, "csv", "note", "x")
    event = Event(T0, "csv", "note", "x")
    with pytest.raises(ValueError, match="too near"):
        event.time = edge
    assert event.time == T0


def test_event_time_must_be_aware_and_moving_it_moves_the_epoch():
    with pytest.raises(ValueError, match="aware"):
        Event(dt.datetime(2025, 2, 14, 9), "s", "message", "x")
    event = Event(T0.timestamp(), "s", "message", "x")
    event.time = T0.astimezone(_PLUS_TWO) + dt.timedelta(hours=1)
    assert event.epoch == T0.timestamp() + 3600
    assert event.time.utcoffset() == dt.timedelta(hours=2)  # kept as given
    with pytest.raises(ValueError, match="aware"):
        event.time = dt.datetime(2025, 2, 14, 9)


def test_attrs_are_read_only_details():
    plain = Event(T0, "s", "message", "x")
    assert plain.attrs == {} and Event(T0, "s", "message", "y").attrs is plain.attrs
    with pytest.raises(TypeError):
        plain.attrs["x"] = 1
    assert Event(T0, "s", "message", "x", attrs={"channel": "inc"}).attrs == {"channel": "inc"}


@given(
    st.datetimes(
        min_value=dt.datetime(1900, 1, 1),
        max_value=dt.datetime(2200, 1, 1),
        timezones=st.sampled_from([UTC, dt.timezone(dt.timedelta(hours=-7))]),
    )
)
def test_epoch_and_time_say_the_same_instant(when):
    from_time = Event(when, "s", "message", "x")
    from_seconds = Event(from_time.epoch, "s", "message", "x")
    assert from_time.epoch == when.timestamp() == from_seconds.epoch
    assert from_seconds.time == when and from_seconds.time.tzinfo is UTC


# Until 2242 (2**33 s) a float holds every microsecond; fromtimestamp reads the same then.
@given(st.integers(0, 2**33 - 1), st.integers(0, 999_999))
def test_slack_ts_strings_land_on_their_microsecond(seconds, micro):
    event = Event(float(f"{seconds}.{micro:06d}"), "slack", "message", "x")
    exact = dt.datetime(1970, 1, 1, tzinfo=UTC) + dt.timedelta(seconds=seconds, microseconds=micro)
    assert event.time == exact
    assert event.epoch == exact.timestamp()


def test_window_is_half_open_and_aware():
    w = Window(T0, T0 + dt.timedelta(hours=1))
    assert w.contains(T0) and not w.contains(T0 + dt.timedelta(hours=1))
    with pytest.raises(ValueError):
        Window(dt.datetime(2025, 1, 1), None)
    with pytest.raises(ValueError):
        Window(T0, T0)


def test_around_pads_one_hour_each_side_when_the_end_is_known():
    w = around({"started": T0, "resolved": T0 + dt.timedelta(minutes=40), "detected": None})
    assert w == Window(T0 - dt.timedelta(hours=1), T0 + dt.timedelta(minutes=100))


def test_around_reaches_six_hours_when_the_document_has_no_end():
    w = around({"started": T0})
    assert w.end == T0 + dt.timedelta(hours=6)
    assert around({}) is None


def test_durations_default_definitions():
    m = {
        "started": when("2025-02-14T08:58:05Z"),
        "detected": when("2025-02-14T08:58:55Z"),
        "acknowledged": when("2025-02-14T09:00:55Z"),
        "mitigated": when("2025-02-14T09:28:30Z"),
        "resolved": None,
    }
    assert durations(m) == {
        "time_to_detect_s": 50.0,
        "time_to_acknowledge_s": 120.0,
        "time_to_mitigate_s": 1825.0,
        "time_to_resolve_s": None,
    }
    name, pair = parse_definition("time_to_mitigate=detected:mitigated")
    assert durations(m, {name: pair}) == {"time_to_mitigate_s": 1775.0}
    assert set(DEFAULT_DEFINITIONS) == {
        "time_to_detect",
        "time_to_acknowledge",
        "time_to_mitigate",
        "time_to_resolve",
    }


@pytest.mark.parametrize("bad", ["x", "a=started", "a=started:nope", "=started:detected"])
def test_bad_duration_definitions_say_why(bad):
    with pytest.raises(ValueError, match=r"duration|moment"):
        parse_definition(bad)


def test_events_from_helper_keeps_zone():
    (e,) = events_from([["2025-02-14T10:00:00+01:00", "git", "commit", "G", "x"]])
    assert e.time.utcoffset() == dt.timedelta(hours=1)


def test_streamed_json_equals_the_plain_dict():
    import io
    import json

    from postmortems.timeline import Skipped, build_timeline
    from postmortems.timeline.report import to_dict, write_json
    from timeline_cases import DATA, load

    events = events_from(load(DATA / "scenario_db_lock.yaml")["events"])
    for skipped in ([], [Skipped("slack", "a.json#3", "bad ts"), Skipped("pd", "b:1", "x")]):
        timeline = build_timeline([events], skipped=skipped)
        out = io.StringIO()
        write_json(timeline, out.write)
        assert json.loads(out.getvalue()) == to_dict(timeline)
    empty = io.StringIO()
    write_json(build_timeline([[]]), empty.write)
    assert json.loads(empty.getvalue())["events"] == []


@given(
    st.text(),
    st.one_of(st.none(), st.text()),
    st.sampled_from([*EventKind, "custom-kind"]),
    st.floats(0, 2**33, allow_nan=False),
)
def test_a_json_event_line_is_what_json_dumps_writes(text, actor, kind, seconds):
    import json

    from postmortems.timeline.report import event_dict, event_line

    event = Event(seconds, "slack", kind, text, actor, ref=f'slack:#"inc"/{text[:3]}')
    assert event_line(event) == json.dumps(event_dict(event), ensure_ascii=False)
