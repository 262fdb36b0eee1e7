"""Front matter: fields, unknown keys kept, problems with lines, errors that name the line."""

from __future__ import annotations

import datetime as dt

import pytest

from postmortems.document import parse_text, render
from postmortems.errors import InputError


def test_fields_and_unknown_keys():
    pm = parse_text(
        "---\n"
        "id: PM-7\n"
        "title: Cache stampede\n"
        "kind: near-miss\n"
        "participants:\n  - name: Ana\n    role: incident commander\n  - Bo\n"
        "started: 2025-03-04T14:02:00+01:00\n"
        "custom_field: keep me\n"
        "---\n\n## Summary\n\nText.\n"
    )
    meta = pm.meta
    assert (meta.id, meta.title, meta.kind) == ("PM-7", "Cache stampede", "near-miss")
    assert [(p.name, p.role) for p in meta.participants] == [
        ("Ana", "incident commander"),
        ("Bo", None),
    ]
    assert meta.started == dt.datetime(2025, 3, 4, 13, 2, tzinfo=dt.UTC)
    assert meta.started.utcoffset() == dt.timedelta(hours=1)  # the zone as written is kept
    assert meta.extra == {"custom_field": "keep me"}
    assert "custom_field: keep me" in render(pm)


@pytest.mark.parametrize(
    ("yaml_text", "line", "message"),
    [
        ("started: yesterday", 2, "not a date and time"),
        ("started: 2025-03-04 14:02", 2, "no time zone"),
        ("title: x\nreview_date: soon", 3, "should be a date"),
        ("status: finished", 2, "status should be one of"),
        ("timezone: Mars/Olympus", 2, "unknown time zone"),
    ],
)
def test_bad_values_are_problems_with_lines(yaml_text, line, message):
    pm = parse_text(f"---\n{yaml_text}\n---\n\n## Summary\n\nx\n")
    assert any(p.line == line and message in p.message for p in pm.problems), pm.problems


def test_bad_values_survive_a_round_trip():
    text = "---\nstarted: yesterday\n---\n\n## Summary\n\nx\n"
    assert "started: yesterday" in render(parse_text(text))


def test_naive_times_take_the_documents_timezone():
    pm = parse_text("---\ntimezone: Europe/Copenhagen\nstarted: 2025-07-01 10:00:00\n---\n")
    assert pm.meta.started is not None
    assert pm.meta.started.astimezone(dt.UTC).hour == 8
    assert not pm.problems


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ntitle: [unclosed\n---\n", 3),
        ("---\ntitle: ok\n  bad: indent\n---\n", 3),
        ("---\n- a list\n---\n", 2),
        ("---\ntitle: never closed\n\n## Summary\n", 1),
    ],
)
def test_malformed_front_matter_is_an_error_with_a_line(text, line):
    with pytest.raises(InputError) as info:
        parse_text(text, path="doc.md")
    assert info.value.line == line
    assert str(info.value).startswith(f"doc.md:{line}: error: ")


def test_templates_keep_empty_keys():
    text = "---\nid:\ntitle: New\nseverity:\nservices: []\n---\n\n## Summary\n"
    assert render(parse_text(text)) == text
