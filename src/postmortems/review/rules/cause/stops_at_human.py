"""cause.stops-at-human: every contributing factor is something a person did."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.language.factors import is_person_action
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.cause._factors import factors, people


class StopsAtHuman(Rule):
    id = "cause.stops-at-human"
    severity = Severity.ERROR
    summary = "Every contributing factor is a person's action"
    rationale = (
        'When each factor is something a person did ("the engineer ran the script", "Alice '
        'skipped the checklist", "human error"), the review stopped at the human instead of '
        "asking why the action made sense and what let it cause harm. For each person's action "
        "find the conditions around it: the tool that allowed it, the signal that was missing, "
        "the pressure that made it reasonable."
    )
    anti_pattern = (
        "## Contributing factors\n\n- The engineer ran the cleanup script against production.\n"
        "- The reviewer approved the change without testing it.\n"
    )
    better = (
        "## Contributing factors\n\n- The cleanup script defaults to production when no "
        "environment is given.\n- The review tool does not show the generated plan.\n"
    )
    examples = (
        Example.passing(
            """
            ## Contributing factors

            - The engineer ran the cleanup script against production.
            - The cleanup script defaults to production when no environment is given.
            - The review tool does not show the generated plan.
            """
        ),
        Example.failing(
            """
            ## Contributing factors

            - The engineer ran the cleanup script against production.
            - The reviewer approved the change without testing it.
            - Human error.
            """,
            lines=[3],
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        listed = factors(ctx)
        if not listed:
            return
        who = people(ctx)
        if all(is_person_action(item.text, who) for item in listed):
            yield ctx.finding_for_text(
                listed[0].text,
                listed[0].line,
                message=(
                    "Every contributing factor is something a person did: the review stopped "
                    "at the human. Ask why each action made sense at the time and what let it "
                    "cause harm."
                ),
                suggestion=(
                    "Add the system conditions, e.g. 'The script defaults to production when "
                    "no environment is given.'"
                ),
            )
