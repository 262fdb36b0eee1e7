"""cause.person-in-root-cause: the root cause names a person."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.language.factors import names_person
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.cause._factors import people


class PersonInRootCause(Rule):
    id = "cause.person-in-root-cause"
    severity = Severity.ERROR
    summary = "The root cause names a person"
    rationale = (
        'A root cause that names a person ("Alice\'s deploy", "a mistake by the on-call '
        'engineer") makes the person the explanation, and the fix becomes about the person. '
        "State the root cause as conditions in the system; the people involved belong in the "
        "timeline, described neutrally."
    )
    anti_pattern = "## Root cause\n\n- Alice deployed the migration without a dry run.\n"
    better = (
        "## Root cause\n\n- The migration tool applies changes without a dry run unless asked, "
        "and its default target is production.\n"
    )
    examples = (
        Example.passing(
            """
            ## Root cause

            - The migration tool applies changes without a dry run unless asked.
            """
        ),
        Example.failing(
            """
            ---
            title: Orders outage
            participants: [Alice Smith]
            ---
            ## Root cause

            - Alice deployed the migration without a dry run.
            """,
            lines=[7],
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        who = people(ctx)
        for cause in ctx.pm.root_causes:
            named = names_person(cause.text, who)
            if named is None:
                continue
            message = (
                f"The root cause names a person ('{named}'). State it as conditions in the "
                "system; describe what people did neutrally in the timeline."
            )
            suggestion = (
                "e.g. 'The migration tool applies changes without a dry run and defaults to "
                "production.'"
            )
            span = ctx.locate(named, cause.line, end_line=cause.line + 20)
            if span is None:
                yield ctx.finding_on_line(cause.line, message=message, suggestion=suggestion)
            else:
                yield ctx.finding_at(span, message=message, suggestion=suggestion)
