"""timeline.no-detection: the document never says when the incident was noticed."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.timeline._moments import (
    DETECTION_WORDS,
    anchor,
    applies,
    has_moment,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import ClassVar


class NoDetection(Rule):
    id = "timeline.no-detection"
    severity = Severity.WARNING
    summary = "No detection moment: when the incident was noticed is not stated"
    rationale = (
        "Time to detect is the measure of monitoring: the gap between impact starting and "
        "anyone knowing is what better alerts shorten, and a review that does not establish it "
        "cannot say whether detection worked. The moment is taken from front matter "
        "(`detected:`), a timeline entry marked `detected` (a Moment column, or `(detected)` "
        "after the entry), or an entry whose wording says it (an alert fired, a page, a "
        "customer report, someone noticed); an acknowledgement (someone started "
        "investigating) implies it. Documents without a timeline or key times are "
        "left to `timeline.missing`; chaos experiments are skipped by default (`skip-kinds`)."
    )
    anti_pattern = """
        - 09:14 Config change deployed
        - 09:20 Logins start failing
        - 10:40 Config rolled back
        """
    better = """
        - 09:14 Config change deployed
        - 09:20 Logins start failing (started)
        - 09:31 Login error-rate alert pages the identity on-call (detected)
        - 10:40 Config rolled back
        """
    options: ClassVar[dict[str, list[str]]] = {"skip-kinds": ["chaos-experiment"]}
    examples = (
        Example.passing(
            """
            ## Timeline

            All times in UTC.

            - 2025-02-14 09:20 Logins start failing
            - 2025-02-14 09:58 Support tells us customers cannot log in
            """
        ),
        Example.failing(
            """
            ## Timeline

            All times in UTC.

            - 2025-02-14 09:14 Config change deployed
            - 2025-02-14 10:40 Config rolled back
            """,
            lines=[1],
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        if not applies(ctx) or has_moment(
            ctx.pm, "detected", DETECTION_WORDS, also=("acknowledged",)
        ):
            return
        yield ctx.finding_on_line(
            anchor(ctx),
            message=(
                "No detection moment: neither `detected:` in the front matter nor a timeline "
                "entry says when the incident was noticed, so time to detect cannot be measured"
            ),
            suggestion="mark the entry when the alert, page or first report came: '(detected)'",
        )
