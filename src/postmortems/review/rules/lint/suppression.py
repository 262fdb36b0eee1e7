"""lint.suppression: a suppression comment that cannot work."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.suppression import parse_directives


class Suppression(Rule):
    id = "lint.suppression"
    severity = Severity.WARNING
    summary = "Suppression comment names an unknown rule or action"
    rationale = (
        "A `<!-- postmortems: ... -->` comment with a misspelt rule id or action silences "
        "nothing, so the finding it was meant for comes back and the writer stops trusting the "
        "review. Name rules by id (`blame.judgmental`) or family (`blame`) and use `ignore`, "
        "`disable` or `enable`."
    )
    anti_pattern = "<!-- postmortems: ignore blame.judgemental -->\n"
    better = "<!-- postmortems: ignore blame.judgmental -->\n"
    examples = (
        Example.passing(
            """
            ## Summary

            <!-- postmortems: ignore lint -->
            The cache failed to refresh.
            <!-- postmortems: disable -->
            <!-- postmortems: enable lint.suppression -->
            """
        ),
        Example.failing(
            """
            ## Summary

            <!-- postmortems: ignore lint.nope -->
            The cache failed to refresh. <!-- postmortems: silence lint -->
            """,
            lines=[3, 4],
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        for directive in parse_directives(ctx.index):
            if directive.error:
                yield ctx.finding_at(
                    directive.span, message=f"Suppression comment: {directive.error}"
                )
                continue
            for selector in directive.selectors:
                if not ctx.registry.is_selector(selector):
                    yield ctx.finding_at(
                        directive.span,
                        message=f"Suppression comment names unknown rule or family {selector!r}",
                        suggestion="name a rule id (blame.judgmental) or a family (blame)",
                    )
