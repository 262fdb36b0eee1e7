"""review.overdue: no review meeting is scheduled and the deadline has passed."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules._clock import today
from postmortems.review.rules.review._resolution import resolution

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import ClassVar

#: Statuses that say the review has happened.
REVIEWED = frozenset({"published", "closed", "final", "done", "complete", "completed", "reviewed"})
#: Statuses of a document still being worked on: overdue is a warning there.
IN_FLIGHT = frozenset({"draft", "in-review", "in review", "review", "open", "wip"})


class Overdue(Rule):
    id = "review.overdue"
    severity = Severity.WARNING
    summary = "No review meeting is scheduled and it is already overdue"
    rationale = (
        "A postmortem nobody meets about becomes a document nobody reads: the review meeting "
        "is where the timeline is corrected, the contributing factors are found together and "
        "the follow-ups get owners. It is due within `review-deadline-days` (default 5) of "
        "resolution. Reported when the front matter has no `review_date`, the incident's "
        "resolution day is known (as for `review.late`) and today is past the deadline. A "
        "document whose status says it has been reviewed (published, closed) or that names "
        "the review's attendees or facilitator is not reported. Severity: warning for a draft "
        "or in-review document (it is in flight and the meeting is missing), info when the "
        "status is not stated (a free-form document); a document with no status whose "
        "incident ended more than `archive-after-days` ago (default 90) is treated as an "
        "archived write-up and not reported. Today is the current date in UTC unless the "
        "`today` option fixes it."
    )
    anti_pattern = """
        ---
        status: draft
        resolved: 2026-11-26T18:05:00Z
        review_date:
        ---
        """
    better = """
        ---
        status: draft
        resolved: 2026-11-26T18:05:00Z
        review_date: 2026-12-01
        facilitator: Ingrid Solberg
        ---
        """
    options: ClassVar[dict[str, object]] = {"today": "", "archive-after-days": 90}
    examples = (
        Example.failing(
            """
            ---
            status: draft
            resolved: 2026-11-26T18:05:00Z
            ---
            # Emails delayed
            """,
            lines=[5],
            config={"rules": {"review.overdue": {"today": "2026-12-04"}}},
        ),
        Example.passing(
            """
            ---
            status: draft
            resolved: 2026-11-26T18:05:00Z
            ---
            # Emails delayed
            """,
            config={"rules": {"review.overdue": {"today": "2026-11-30"}}},
            note="still within the deadline",
        ),
        Example.failing(
            """
            ---
            resolved: 2026-11-26T18:05:00Z
            ---
            # Emails delayed
            """,
            lines=[4],
            config={"rules": {"review.overdue": {"today": "2026-12-10"}}},
            note="no status: info, and only while recent",
        ),
        Example.passing(
            """
            ---
            resolved: 2025-11-26T18:05:00Z
            ---
            # Emails delayed
            """,
            config={"rules": {"review.overdue": {"today": "2026-12-10"}}},
            note="no status and a year old: an archived write-up",
        ),
        Example.passing(
            """
            ---
            status: published
            resolved: 2026-11-26T18:05:00Z
            ---
            # Emails delayed
            """,
            config={"rules": {"review.overdue": {"today": "2027-03-01"}}},
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        meta = ctx.pm.meta
        if meta.review_date is not None or meta.attendees or meta.facilitator:
            return
        status = (meta.status or "").strip().lower()
        if status in REVIEWED:
            return
        ended = resolution(ctx.pm)
        if ended is None:
            return
        deadline = ctx.review_deadline_days
        days = (today(ctx.options, self.id) - ended.day).days
        if days <= deadline:
            return
        in_flight = status in IN_FLIGHT
        archive = int(str(ctx.options.get("archive-after-days", 90)))
        if not in_flight and days > archive:
            return  # an old write-up with no status: an archive, not a review in progress
        yield ctx.document_finding(
            message=(
                f"No review meeting is scheduled and {days} days have passed since "
                f"{ended.source} ({ended.day.isoformat()}); hold it within {deadline} days, "
                "and record it as review_date in the front matter"
            ),
            suggestion="review_date: <the meeting's date>",
            severity=None if in_flight else Severity.INFO,
        )
