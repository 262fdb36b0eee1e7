"""blame.human-error: "human error", "operator error" and kin offered as a cause."""

from __future__ import annotations

from postmortems.review.finding import Severity
from postmortems.review.rule import Example
from postmortems.review.rules.blame._base import BlameRule


class HumanError(BlameRule):
    id = "blame.human-error"
    severity = Severity.ERROR
    summary = "Human error is offered as a cause"
    rationale = (
        '"Human error" is where an investigation starts, not where it ends (Dekker). Every '
        "system lets people make some mistakes easily and catches others; the review should "
        "name the conditions: the interface that made the wrong target look right, the missing "
        "confirmation, the runbook step out of order, the fatigue of a night shift. The same "
        'holds for "operator error", "user error", "pilot error", "a mistake by the '
        'engineer". Negated or discussed as a term ("this was not human error", "automation '
        'removes the room for human error") it is not reported.'
    )
    anti_pattern = "Root cause: operator error during the database failover.\n"
    better = (
        "Root cause: the failover script promoted a replica without checking replication lag, "
        "and its output did not show which replica it chose.\n"
    )
    examples = (
        Example.passing(
            """
            ## Lessons learned

            This was not human error: the console accepted a destructive command without
            confirmation. Automating the step removes the room for human error.
            """
        ),
        Example.failing(
            """
            ## Root cause

            Root cause: operator error during the database failover.
            """,
            lines=[3],
        ),
    )
