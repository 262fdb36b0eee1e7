"""blame.counterfactual: hindsight about people ("should have", "had she checked", "failed to")."""

from __future__ import annotations

from postmortems.review.finding import Severity
from postmortems.review.rule import Example
from postmortems.review.rules.blame._base import BlameRule


class Counterfactual(BlameRule):
    id = "blame.counterfactual"
    severity = Severity.WARNING
    summary = "Hindsight judges a person against what they could not know"
    rationale = (
        'Counterfactuals ("should have", "could have", "if only", "had she checked the '
        'lag, ...") and omissions ("failed to", "neglected to", "forgot to", '
        '"ignored", "did not check") describe a world that did not happen and judge people '
        "with knowledge they only have now (Allspaw, Dekker). They are reported when a person, "
        'a role or "we" is the subject: "the cache failed to refresh" and "the alert should '
        'have included a link to the runbook" are design notes about a system and are fine. '
        "Ask what the person saw and why their action made sense at the time."
    )
    anti_pattern = "Jonas should have waited for the canary before promoting the build.\n"
    better = (
        "The canary stage reported success after two minutes, before the slow path had run, "
        "so the promotion looked safe.\n"
    )
    examples = (
        Example.passing(
            """
            ## What went poorly

            The cache failed to refresh. The alert should have included a link to the runbook,
            but the template had no field for it.
            """
        ),
        Example.failing(
            """
            ---
            title: Payments outage
            participants: [Jonas Berg]
            ---
            ## What went poorly

            Jonas should have waited for the canary before promoting the build.
            The on-call engineer failed to escalate to the database team.
            """,
            lines=[7, 8],
        ),
    )
