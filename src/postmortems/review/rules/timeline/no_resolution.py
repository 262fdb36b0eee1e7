"""timeline.no-resolution: the document never says when the incident ended."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.metrics import document_moments
from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.timeline._moments import (
    RESOLUTION_WORDS,
    anchor,
    applies,
    has_moment,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import ClassVar


class NoResolution(Rule):
    id = "timeline.no-resolution"
    severity = Severity.WARNING
    summary = "No resolution moment: when service was restored is not stated"
    rationale = (
        "Without the end of the incident there is no duration, no time to resolve, and no "
        "date from which the review deadline runs. Mitigation (the bleeding stopped) and "
        "resolution (service fully restored) are different moments; a timeline that stops at "
        "a rollback leaves the reader unsure whether anything was still broken. The moment is "
        "taken from front matter (`resolved:`), a timeline entry marked `resolved`, or an "
        "entry whose wording says it (resolved, recovered, restored, back to normal). "
        "Near-misses (nothing broke) and chaos experiments are skipped by default "
        "(`skip-kinds`)."
    )
    anti_pattern = """
        - 09:20 Logins start failing
        - 10:40 Config rolled back
        """
    better = """
        - 09:20 Logins start failing
        - 10:40 Config rolled back (mitigated)
        - 10:55 Login success rate back to 99.9% (resolved)
        """
    options: ClassVar[dict[str, list[str]]] = {"skip-kinds": ["near-miss", "chaos-experiment"]}
    examples = (
        Example.passing(
            """
            ---
            resolved: 2025-02-14T10:55:00Z
            ---
            ## Timeline

            - 2025-02-14 09:20 UTC Logins start failing
            """
        ),
        Example.failing(
            """
            ## Timeline

            All times in UTC.

            - 2025-02-14 09:20 Logins start failing
            - 2025-02-14 10:40 Config rolled back
            """,
            lines=[1],
        ),
        Example.passing(
            """
            ---
            kind: near-miss
            ---
            ## Timeline

            - 2025-02-14 09:20 UTC Expiring certificate noticed in a browser warning
            """
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        pm = ctx.pm
        if not applies(ctx) or has_moment(pm, "resolved", RESOLUTION_WORDS):
            return
        mitigated = document_moments(pm).get("mitigated") is not None or any(
            e.marker == "mitigated" for e in pm.timeline
        )
        message = (
            "No resolution moment: neither `resolved:` in the front matter nor a timeline entry "
            "says when service was fully restored, so the incident has no duration"
        )
        if mitigated:
            message += "; the timeline marks mitigation, mark full recovery too"
        yield ctx.finding_on_line(
            anchor(ctx),
            message=message,
            suggestion="mark the entry when service was fully restored: '(resolved)'",
        )
