"""action.none: the review commits to nothing."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.section._text import is_empty


class NoActionItems(Rule):
    id = "action.none"
    severity = Severity.WARNING
    summary = "The review lists no action items"
    rationale = (
        "A review that ends without follow-ups has explained the incident and changed nothing, "
        "so the same conditions wait for the next trigger. Even a near-miss or a chaos "
        "experiment that went as expected usually yields one change: an alert, a runbook step, "
        "a safeguard. This rule reports an Action items section in which no item can be read "
        "(prose instead of a list or table, or a statement that nothing is needed). A missing "
        "section is `section.missing`'s to report, an empty one `section.empty`'s, and a kind "
        "whose required sections (after configuration) do not include action items is not "
        "checked."
    )
    anti_pattern = """
        ## Action items

        We will keep an eye on it.
        """
    better = """
        ## Action items

        | Action | Owner | Due |
        | --- | --- | --- |
        | Page the on-call when replication lag exceeds 30 seconds | Sven | 2025-03-10 |
        """
    examples = (
        Example.passing(
            """
            ## Action items

            - Page the on-call when replication lag exceeds 30 s. Owner: Sven. Due: 2025-03-10.
            """
        ),
        Example.failing(
            """
            ## Summary

            Replication lag made reads stale for 20 minutes.

            ## Action items

            No action items: this was a one-off.
            """,
            lines=[5],
        ),
        Example.passing(
            """
            ## Summary

            Replication lag made reads stale for 20 minutes.
            """,
            note="no section at all is section.missing's to report",
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        pm = ctx.pm
        if not any("action_items" in alts for alts in ctx.required_sections):
            return
        if pm.action_items:
            return
        sections = pm.sections_with("action_items")
        written = [s for s in sections if not is_empty(pm, s)]
        if not written:
            return
        yield ctx.finding_on_line(
            written[0].line,
            message=(
                f"Section '{written[0].title}' lists no action items: a review that commits to "
                "no change leaves the conditions that caused the incident in place"
            ),
            suggestion=(
                "list each follow-up as an item or table row with one owner and a due date, "
                "e.g. '- Page the on-call when replication lag exceeds 30 seconds. Owner: Sven. "
                "Due: 2025-03-10.'"
            ),
        )
