"""The plain front matter reader gives exactly what PyYAML gives, or hands the text to PyYAML."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from postmortems.document import plainyaml
from postmortems.document.plainyaml import UNSUPPORTED

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def same(a, b):
    """Equal and of the same types throughout (True == 1 and a date == a datetime do not count)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, dt.datetime):
        return a == b and a.tzinfo == b.tzinfo and a.utcoffset() == b.utcoffset()
    return a == b


def check(text):
    fast = plainyaml.load(text)
    if fast is UNSUPPORTED:
        return False
    assert same(fast, yaml.load(text, Loader=LOADER)), text
    return True


CANONICAL = """\
id: PM-2025-014
title: Order writes failed after schema migration 0042
kind: incident
severity: SEV2
status: in-review
date: 2025-02-14
timezone: Europe/Berlin
services:
  - orders
  - checkout
tags: [database, migrations]
authors: [Mia Wong]
participants:
  - name: Mia Wong
    role: incident commander
  - Omar Haddad
started: 2025-02-14T08:50:05Z
detected: 2025-02-14 08:58:55+01:00
resolved: 2025-02-14T09:40:20.5-02:30
review_date: 2025-02-18
facilitator:
slo:
  name: orders-write-availability
  target: 99.9%
  window: 28d
links:
  - title: Incident channel
    url: https://chat.example.com/archives/C0ORDERS
attendees: []
published: yes
count: 7
review_board: reliability-guild
"""


def test_canonical_front_matter_is_read_without_pyyaml():
    assert check(CANONICAL)


@pytest.mark.parametrize(
    "text",
    [
        "title: a # comment\n",
        "title: 'quoted'\n",
        'title: "quoted"\n',
        "title: &anchor x\n",
        "title: |\n  block\n",
        "ratio: 1.5\n",
        "port: 0x1F\n",
        "time: 1:30\n",
        "big: 1_000\n",
        "on: x\n",
        "title: a: b\n",
        "title: x\n  continued\n",
        "a: 1\na: 2\n",
        "deep:\n  x:\n    y: 1\n",
        "list:\n  - a\n   - b\n",
        "tab:\tx\n",
        "day: 2025-02-30\n",
        "",
        "- a\n- b\n",
    ],
)
def test_everything_else_is_left_to_pyyaml(text):
    assert plainyaml.load(text) is UNSUPPORTED


WORDS = st.sampled_from(
    [
        "x",
        "Ana Silva",
        "SEV-2",
        "in-review",
        "Europe/Berlin",
        "https://a.example/b?c=d",
        "99.9%",
        "28d",
        "0",
        "7",
        "42",
        "007",
        "-3",
        "+4",
        "1_000",
        "1.5",
        ".5",
        ".inf",
        "1:30",
        "0x1F",
        "0b101",
        "yes",
        "No",
        "ON",
        "off",
        "TRUE",
        "y",
        "n",
        "null",
        "Null",
        "~",
        "~x",
        "<<",
        "=",
        "a: b",
        "a:b",
        "a #b",
        "'q'",
        '"q"',
        "&a",
        "*a",
        "!t",
        "|",
        ">",
        "- x",
        "-x",
        "?x",
        "%x",
        "@x",
        "`x",
        "[a, b]",
        "[]",
        "[a, [b]]",
        "[a,]",
        "{a: 1}",
        "2025-03-04",
        "2025-3-4",
        "2025-02-30",
        "2025-03-04T13:00:00Z",
        "2025-03-04 13:00:00",
        "2025-03-04t13:00:00.123456789+05:30",
        "2025-03-04T1:00:00-7",
        "café",
        "naïve résumé",
        "\u00a0x",
        "x\u2028y",
        "\ufeffx",
        "a  b",
        "a,b",
        "[a] b",
    ]
)
# Values the plain reader reads (the equality check gets exercised), tricky ones included.
READ = st.sampled_from(
    [
        "x",
        "Ana Silva",
        "SEV-2",
        "in-review",
        "Europe/Berlin",
        "https://a.example/b?c=d",
        "99.9%",
        "28d",
        "0",
        "7",
        "42",
        "yes",
        "No",
        "ON",
        "off",
        "TRUE",
        "y",
        "n",
        "null",
        "Null",
        "~",
        "~x",
        "a:b",
        "[a, b]",
        "[]",
        "[yes, 7, 2025-03-04]",
        "2025-03-04",
        "2025-3-4",
        "2025-03-04T13:00:00Z",
        "2025-03-04 13:00:00",
        "2025-03-04t13:00:00.123456789+05:30",
        "2025-03-04T1:00:00-7",
        "café",
        "a  b",
        "a,b",
        "1a",
        "12:3",
        "2025-03-04T13:00",
    ]
)
KEYS = st.sampled_from(
    ["title", "kind", "a", "_x", "a-b", "Key", "yes", "null", "y", "on", "1a", "review_date"]
)


READ_KEYS = st.sampled_from(["title", "kind", "a", "_x", "a-b", "Key", "y", "review_date"])


@st.composite
def documents(draw, words=WORDS, keys=KEYS):
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        key = draw(keys)
        shape = draw(st.sampled_from(["scalar", "empty", "list", "maps", "nested"]))
        if shape == "scalar":
            lines.append(f"{key}:{draw(st.sampled_from([' ', '  ', '']))}{draw(words)}")
        elif shape == "empty":
            lines.append(f"{key}:")
        elif shape == "list":
            indent = " " * draw(st.sampled_from([0, 2, 4]))
            lines.append(f"{key}:")
            lines += [f"{indent}- {draw(words)}" for _ in range(draw(st.integers(1, 3)))]
        elif shape == "maps":
            indent = " " * draw(st.sampled_from([0, 2]))
            lines.append(f"{key}:")
            for _ in range(draw(st.integers(1, 3))):
                lines.append(f"{indent}- {draw(keys)}: {draw(words)}")
                if draw(st.booleans()):
                    shift = draw(st.sampled_from([2, 2, 2, 1, 3]))
                    lines.append(f"{indent}{' ' * shift}{draw(keys)}: {draw(words)}")
        else:
            lines.append(f"{key}:")
            lines += [f"  {draw(keys)}: {draw(words)}" for _ in range(draw(st.integers(1, 3)))]
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(["", "   ", " x: y", "  - z"])))
    trailing = draw(st.sampled_from(["", " ", "  "]))
    return "\n".join(line + trailing for line in lines) + "\n"


@settings(max_examples=1500, deadline=None)
@given(st.one_of(documents(), documents(READ, READ_KEYS)))
def test_same_as_pyyaml_whenever_it_answers(text):
    try:
        check(text)
    except yaml.YAMLError:
        pytest.fail(f"PyYAML refuses what the plain reader read: {text!r}")
