"""timeline.missing: the kind of review asks for a timeline and the document has no entries."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.section._text import COMMENT, is_empty


class Missing(Rule):
    id = "timeline.missing"
    severity = Severity.WARNING
    summary = "The Timeline section has no entries"
    rationale = (
        "The timeline is the evidence the rest of the review stands on: when impact began, "
        "when anyone noticed, what was tried and when it worked. Without entries the durations "
        "(time to detect, to mitigate, to resolve) cannot be known and the analysis rests on "
        "memory. A link to a status page or a chat channel is a source, not a timeline: bring "
        "the entries in (`postmortems timeline` builds them from chat, pages, alerts and "
        "deploys). Reported when the kind of review requires a timeline and its section holds "
        "text but no entry can be read; a missing section is `section.missing`'s to report and "
        "an empty one `section.empty`'s."
    )
    anti_pattern = """
        ## Timeline

        A full timeline of updates is available on the status page.
        """
    better = """
        ## Timeline

        All times in UTC.

        - 14:02 Deploy of checkout v412 starts (trigger)
        - 14:09 Checkout 5xx rate passes 2%; the on-call is paged (detected)
        - 14:31 Rollback to v411 completes; errors drop to baseline (resolved)
        """
    examples = (
        Example.passing(
            """
            ## Timeline

            All times in UTC.

            - 2025-02-14 14:02 Deploy of checkout v412 starts
            """
        ),
        Example.failing(
            """
            ## Summary

            Checkout failed for 29 minutes.

            ## Timeline

            A full timeline of updates is available on the status page.
            """,
            lines=[5],
        ),
        Example.passing(
            """
            ---
            kind: near-miss
            ---
            ## Timeline

            We found it in review; nothing happened in production.
            """,
            note="a near-miss does not require a timeline",
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        pm = ctx.pm
        if pm.timeline or not any("timeline" in alts for alts in ctx.required_sections):
            return
        written = [s for s in pm.sections_with("timeline") if not is_empty(pm, s)]
        if not written:
            return
        section = written[0]
        body = COMMENT.sub("", section.body)
        linked = "http" in body or "](" in body
        message = f"Section '{section.title}' has no entries with a time"
        if linked:
            message += (
                ": a link to another record is a source, not a timeline; copy the entries in "
                "(`postmortems timeline` builds them from chat, pages, alerts and deploys)"
            )
        else:
            message += (
                ": list what happened, each with its time, from the first change to full "
                "resolution, so that detection and resolution times can be measured"
            )
        yield ctx.finding_on_line(
            section.line,
            message=message,
            suggestion="- 2025-02-14 14:09 UTC Checkout 5xx rate passes 2%; on-call paged",
        )
