"""Slack markup to plain text, as a table of cases; the details (attrs) of Slack messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postmortems.importers import registry
from postmortems.importers._slack_messages import Workspace, clean_markup
from postmortems.importers.base import ImportOptions

WORKSPACE = Workspace(
    users={"U1": ("Ann Lee", "Europe/Oslo")}, channels={"C1": "inc-db", "C2": "random"}
)

CASES = [
    ("<@U1>", "@Ann Lee"),
    ("<@U1|ann>", "@ann"),
    ("<@U9>", "@U9"),
    ("<#C1>", "#inc-db"),
    ("<#C2|general>", "#general"),
    ("<#C9>", "#C9"),
    ("<!channel> <!here> <!everyone>", "@channel @here @everyone"),
    ("<!here|here>", "@here"),
    ("<!subteam^S01|@db-oncall> please", "@db-oncall please"),
    ("<!date^1739520000^{date_short}|Feb 14> at 08:00", "Feb 14 at 08:00"),
    ("see <https://grafana.example.com/d/1|the dashboard>", "see the dashboard"),
    ("<https://example.com/a?b=1&amp;c=2>", "https://example.com/a?b=1&c=2"),
    ("<mailto:ops@example.com|ops@example.com>", "ops@example.com"),
    ("<mailto:ops@example.com>", "ops@example.com"),
    ("p99 &gt; 2s &amp;&amp; errors &lt; 1%", "p99 > 2s && errors < 1%"),
    ("literal &amp;lt; stays escaped once", "literal &lt; stays escaped once"),
    ("no markup at all", "no markup at all"),
    ("a < b and c > d", "a < b and c > d"),
]


@pytest.mark.parametrize(("raw", "plain"), CASES)
def test_markup(raw: str, plain: str) -> None:
    assert clean_markup(raw, WORKSPACE) == plain


def test_plain_messages_of_a_channel_share_one_read_only_attrs(tmp_path: Path) -> None:
    export = tmp_path / "export"
    (export / "c").mkdir(parents=True)
    (export / "users.json").write_text('[{"id": "U1", "real_name": "Ann"}]', encoding="utf-8")
    messages = [
        {"type": "message", "ts": "1739520000.000100", "user": "U1", "text": "a"},
        {"type": "message", "ts": "1739520001.000100", "user": "U1", "text": "b"},
        {"type": "message", "ts": "1739520002.000100", "user": "U1", "text": "c",
         "thread_ts": "1739520000.000100"},
        {"type": "message", "ts": "1739520003.000100", "user": "U1", "text": "d",
         "edited": {"user": "U1", "ts": "1739520009.000000"}},
    ]  # fmt: skip
    (export / "c" / "2025-02-14.json").write_text(json.dumps(messages), encoding="utf-8")
    a, b, reply, edited = registry.get("slack").read(export, ImportOptions()).events
    assert a.attrs == b.attrs == {"channel": "c"}
    assert a.attrs is b.attrs  # one mapping for the channel's plain messages ...
    with pytest.raises(TypeError):
        a.attrs["channel"] = "other"  # type: ignore[index]  # ... which nobody can change
    assert reply.attrs == {"channel": "c", "thread_ts": "1739520000.000100", "reply": True}
    assert edited.attrs == {"channel": "c", "edited_ts": "1739520009.000000"}
