"""timeline.no-zone: timeline times whose zone is stated nowhere."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.timeline._entries import zone_problems


class NoZone(Rule):
    id = "timeline.no-zone"
    severity = Severity.WARNING
    summary = "Timeline times have no time zone"
    rationale = (
        "A time without a zone is a guess for everyone outside the writer's office: responders "
        "in another country, the reader comparing the timeline with UTC logs and graphs, and "
        'the tools that compute time to detect and to resolve. State the zone once ("All '
        'times in UTC.", a "Time (CET)" column, or `timezone:` in the front matter) or on '
        "each entry. An abbreviation that names several zones (IST, CST) is reported too: "
        "write an offset (+05:30) or an IANA name (Asia/Kolkata). The finding is the "
        "parser's own problem report, at the first entry concerned."
    )
    anti_pattern = """
        ## Timeline

        | Time | Event |
        | --- | --- |
        | 2026-05-26 09:14 | Config change deployed |
        """
    better = """
        ## Timeline

        All times in UTC.

        | Time | Event |
        | --- | --- |
        | 2026-05-26 09:14 | Config change deployed |
        """
    examples = (
        Example.passing(
            """
            ---
            timezone: Europe/Copenhagen
            ---
            ## Timeline

            - 2025-09-30 23:40 Payout batch starts
            - 2025-10-01 00:20 Bank rejects the file
            """
        ),
        Example.failing(
            """
            ## Timeline

            | Time | Event |
            | --- | --- |
            | 2026-05-26 09:14 | Config change deployed |
            | 2026-05-26 09:20 | Logins start failing |
            """,
            lines=[5],
        ),
        Example.failing(
            """
            ## Timeline

            - 2025-03-04 13:55 IST Deploy starts
            """,
            lines=[3],
            note="IST is Indian, Irish or Israel Standard Time",
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        for line, message in zone_problems(ctx.pm):
            yield ctx.finding_on_line(
                line,
                message=f"Timeline: {message}",
                suggestion="add 'All times in UTC.' above the timeline",
            )
