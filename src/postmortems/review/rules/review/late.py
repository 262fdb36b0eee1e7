"""review.late: the review meeting was held long after the incident was resolved."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.review._resolution import resolution


class Late(Rule):
    id = "review.late"
    severity = Severity.WARNING
    summary = "The review meeting was held too long after resolution"
    rationale = (
        "Held within a few days, a review meets people who still remember what they saw and "
        "why each decision looked right at the time, with chat history and dashboards still "
        "at hand. Weeks later the story has been retold into hindsight, the details are gone, "
        "and the follow-ups compete with new work. The practice (Google SRE, PagerDuty, "
        "Atlassian) is to meet within 3 to 5 working days. Reported when the front matter "
        "`review_date` is more than `review-deadline-days` (default 5, calendar days) after "
        "the day the incident was resolved: the `resolved` moment, else mitigation, else the "
        "last dated timeline entry."
    )
    anti_pattern = """
        ---
        resolved: 2026-05-26T10:55:00Z
        review_date: 2026-06-12
        ---
        """
    better = """
        ---
        resolved: 2026-05-26T10:55:00Z
        review_date: 2026-05-29
        ---
        """
    examples = (
        Example.passing(
            """
            ---
            resolved: 2026-05-26T10:55:00Z
            review_date: 2026-05-29
            ---
            # Login outage
            """
        ),
        Example.failing(
            """
            ---
            review_date: 2026-06-12
            ---
            ## Timeline

            | Time | Event |
            | --- | --- |
            | 2026-05-26 09:20 | Logins start failing |
            | 2026-05-26 10:55 | Everything back to normal |
            """,
            lines=[2],
            note="no zone, but the day of the resolution entry is known",
        ),
        Example.passing(
            """
            ---
            resolved: 2026-05-26T10:55:00Z
            review_date: 2026-06-05
            ---
            # Login outage
            """,
            config={"review-deadline-days": 10},
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        meta = ctx.pm.meta
        if meta.review_date is None:
            return
        ended = resolution(ctx.pm)
        if ended is None:
            return
        days = (meta.review_date - ended.day).days
        deadline = ctx.review_deadline_days
        if days <= deadline:
            return
        yield ctx.finding_on_line(
            meta.lines.get("review_date") or ctx.title_line(),
            message=(
                f"The review meeting ({meta.review_date.isoformat()}) was {days} days after "
                f"{ended.source} ({ended.day.isoformat()}); hold it within {deadline} days, "
                "while memories and chat context are fresh"
            ),
        )
