"""blame.exhortation: asking people to try harder ("be more careful", "pay more attention")."""

from __future__ import annotations

from postmortems.review.finding import Severity
from postmortems.review.rule import Example
from postmortems.review.rules.blame._base import BlameRule


class Exhortation(BlameRule):
    id = "blame.exhortation"
    severity = Severity.WARNING
    summary = "An exhortation to try harder is offered as a remedy"
    rationale = (
        '"Be more careful", "pay more attention", "remember to", "double-check your '
        'work", "needs to learn to" leave the system unchanged, so the same conditions will '
        "produce the same mistake with the next person. Ask what made the wrong thing easy to "
        'do and change that. Saying the system must stop relying on memory ("so that no one '
        'needs to remember to rotate keys") is the opposite of an exhortation and is fine.'
    )
    anti_pattern = "Engineer X should be more careful during deploys.\n"
    better = (
        "Staging did not exercise batch sizes above 100; add a staging load test with "
        "production-sized batches.\n"
    )
    examples = (
        Example.passing(
            """
            ## Lessons learned

            Automate certificate renewal so no one needs to remember to do it.
            """
        ),
        Example.failing(
            """
            ## Lessons learned

            Engineer X should be more careful during deploys.
            Everyone must remember to drain nodes before patching.
            """,
            lines=[3, 4],
        ),
    )
