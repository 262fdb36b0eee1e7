"""action.no-due: an action item with no due date."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.action._items import classify_due, item_finding, open_items_of

_WHY = (
    "without a date a follow-up sinks to the bottom of the backlog; give a date, or a time "
    "relative to the review ('in 2 weeks', 'end of Q2')"
)


class NoDue(Rule):
    id = "action.no-due"
    severity = Severity.WARNING
    summary = "An action item has no due date"
    rationale = (
        "A due date turns an intention into a commitment the team can track, and makes a "
        'forgotten item visible when the date passes. A relative due such as "2 weeks" is '
        "fine: it resolves against the review date (or the document date). So is a named "
        'period a reader can place ("end of Q2", "next sprint"). A placeholder is not: TBD, '
        '"?", N/A, ASAP, "soon", "later", "ongoing". Dates are read from a Due column or '
        'label and from phrases such as "by 2025-03-01", "by Friday" or "(2 weeks)". Items '
        "that are done, declined, or written as already done are not checked."
    )
    anti_pattern = """
        - Add a dry-run flag to the bulk delete script. Owner: Aisha. Due: ASAP.
        """
    better = """
        - Add a dry-run flag to the bulk delete script. Owner: Aisha. Due: 2025-03-14.
        """
    examples = (
        Example.passing(
            """
            ---
            review_date: 2025-02-04
            ---
            ## Action items

            - Page when replication lag exceeds 30 s. Owner: Sven. Due: 2025-03-10.
            - Cap retries at 3 attempts. Owner: Elena. Due: in 2 weeks.
            - Upgrade the ingress controller to v2.11. Owner: Vera. Due: end of Q2.
            - Rotate the partner API keys by Friday (@nora)
            - ~~Add a retry to the upload~~ (done)
            """
        ),
        Example.failing(
            """
            ## Action items

            | Action | Owner | Due |
            | --- | --- | --- |
            | Alert when disk usage passes 80% | Mia | |
            | Remove the shared admin account | Jonas | TBD |
            | Add a readiness probe to the orders service | Ben | ASAP |
            """,
            lines=[5, 6, 7],
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        for item in open_items_of(ctx):
            problem = classify_due(item)
            if problem is None:
                continue
            if problem.due_text:
                yield ctx.finding_for_text(
                    problem.due_text,
                    item.line,
                    message=f"Action item due date '{problem.due_text.strip()}' is not a date: "
                    + _WHY,
                )
            else:
                yield item_finding(
                    ctx,
                    item,
                    message="Action item has no due date: " + _WHY,
                    suggestion="add 'Due: <date>' or 'Due: in 2 weeks'",
                )
