"""cause.single-root-cause: one root cause and no contributing factors."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.cause._factors import single_root_cause


class SingleRootCause(Rule):
    id = "cause.single-root-cause"
    severity = Severity.WARNING
    summary = "A single root cause with no contributing factors"
    rationale = (
        "Complex systems fail when several conditions line up, each harmless alone (Cook, How "
        "Complex Systems Fail). A review that names one root cause stops at the first "
        "satisfying story and fixes one of the holes. List the contributing factors: what "
        "let the trigger happen, what let it spread, what delayed detection and recovery. "
        "Lightweight reviews (near-miss, chaos experiment) are not held to this."
    )
    anti_pattern = "## Root cause\n\nA bad config value was deployed.\n"
    better = (
        "## Root cause\n\nA bad config value was deployed.\n\n## Contributing factors\n\n"
        "- The config service does not validate values against the schema.\n"
        "- The change went to every region at once.\n"
        "- The error-rate alert fires only after 10 minutes.\n"
    )
    examples = (
        Example.passing(
            """
            ## Root cause

            - A bad config value was deployed to every region.

            ## Contributing factors

            - The config service does not validate values against the schema.
            - The change went to every region at once.
            - The error-rate alert fires only after 10 minutes.
            """
        ),
        Example.failing(
            """
            ## Root cause

            - A bad config value was deployed to every region.
            """,
            lines=[3],
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        if ctx.kind.lightweight or not single_root_cause(ctx):
            return
        cause = ctx.pm.root_causes[0]
        yield ctx.finding_for_text(
            cause.text,
            cause.line,
            message=(
                "The review gives one root cause and no contributing factors. Incidents need "
                "several conditions at once; list what else let this happen, spread, or go "
                "unnoticed."
            ),
            suggestion=(
                "Add a 'Contributing factors' section, e.g. what made the trigger possible, "
                "why it reached every user, and what delayed detection."
            ),
        )
