"""impact.no-figures: the impact is described without a single number."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.section._text import is_empty


class NoFigures(Rule):
    id = "impact.no-figures"
    severity = Severity.WARNING
    summary = "The impact has no figures"
    rationale = (
        '"Lots of users could not log in for a while" cannot be compared with the next '
        "incident, weighed against the cost of a fix, or checked against the SLO. Measure the "
        "impact from data: users or customers affected, failed or slowed requests, how long, "
        "money, support tickets, the share of the error budget consumed, and say where each "
        "figure comes from. Any figure in the Impact section or the Summary counts (users, "
        'requests, a duration, money, a percentage, error budget); "TBD" does not. Kinds '
        "whose required sections do not include Impact (near-miss, chaos experiment) are not "
        "checked, and a missing or empty Impact section is left to the section rules."
    )
    anti_pattern = """
        ## Impact

        Lots of users couldn't log in for a while. Number of affected users: TBD.
        """
    better = """
        ## Impact

        12,400 users (8% of daily actives) could not log in for 95 minutes, 09:20 to 10:55 UTC
        (identity service 401 counts); 3,100 support contacts; 41% of the monthly error budget.
        """
    examples = (
        Example.passing(
            """
            ## Impact

            12,400 users could not log in for 95 minutes.
            """
        ),
        Example.failing(
            """
            ## Summary

            Logins were broken on Tuesday morning.

            ## Impact

            Lots of users couldn't log in for a while. Number of affected users: TBD.
            """,
            lines=[5],
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        pm = ctx.pm
        if pm.impact or not any("impact" in alts for alts in ctx.required_sections):
            return
        written = [s for s in pm.sections_with("impact") if not is_empty(pm, s)]
        if not written:
            return
        yield ctx.finding_on_line(
            written[0].line,
            message=(
                f"Section '{written[0].title}' states no figure: measure the impact (users, "
                "requests, duration, money, error budget) so it can be compared and weighed "
                "against the cost of the fixes"
            ),
            suggestion=(
                "e.g. '12,400 users could not log in for 95 minutes (identity 401 counts); 41% "
                "of the monthly error budget'"
            ),
        )
