"""Slack markup to plain text, as a table of cases."""

from __future__ import annotations

import pytest

from postmortems.importers._slack_messages import Workspace, clean_markup

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
