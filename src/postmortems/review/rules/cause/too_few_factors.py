"""cause.too-few-factors: fewer contributing factors than the kind of review asks for."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.cause._factors import factors, single_root_cause


class TooFewFactors(Rule):
    id = "cause.too-few-factors"
    severity = Severity.WARNING
    summary = "Fewer contributing factors than the review kind asks for"
    rationale = (
        "A full incident review that finds only one or two contributing factors has usually "
        "stopped early: at the trigger, or at the first person involved. Look for the factors "
        "behind the trigger (why was it possible?), behind the spread (why did it reach so "
        "many?) and behind the response (why did detection and recovery take as long as they "
        "did?). The minimum comes from the kind (`min_contributing_factors`: 3 for an incident, "
        "1 for the lightweight near-miss and chaos-experiment reviews)."
    )
    anti_pattern = (
        "## Contributing factors\n\n- The migration locked the table.\n"
        "- The linter does not check for locks.\n"
    )
    better = (
        "## Contributing factors\n\n- The migration locked the table.\n"
        "- The linter does not check for locks.\n"
        "- Staging has too little data for the lock to last long enough to notice.\n"
    )
    examples = (
        Example.passing(
            """
            ## Contributing factors

            - The migration took a lock on the orders table.
            - The migration linter does not check for locking operations.
            - Staging has too little data for the lock to be noticed there.
            """
        ),
        Example.failing(
            """
            ## Contributing factors

            - The migration took a lock on the orders table.
            - The migration linter does not check for locking operations.
            """,
            lines=[3],
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        listed = factors(ctx)
        wanted = ctx.kind.min_contributing_factors
        if not listed or len(listed) >= wanted:
            return
        if single_root_cause(ctx) and not ctx.kind.lightweight:
            return  # cause.single-root-cause says it better
        yield ctx.finding_for_text(
            listed[0].text,
            listed[0].line,
            message=(
                f"Only {len(listed)} contributing factor{'s' if len(listed) != 1 else ''}; a "
                f"{ctx.kind.title.lower()} usually finds at least {wanted}. Ask what made the "
                "trigger possible, what let it spread, and what slowed detection and recovery."
            ),
            suggestion="Add the conditions that let the trigger happen, spread and go unnoticed.",
        )
