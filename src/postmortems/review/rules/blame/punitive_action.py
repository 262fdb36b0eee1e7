"""blame.punitive-action: action items that retrain, warn, discipline or remove a person."""

from __future__ import annotations

from postmortems.review.finding import Severity
from postmortems.review.rule import Example
from postmortems.review.rules.blame._base import BlameRule


class PunitiveAction(BlameRule):
    id = "blame.punitive-action"
    severity = Severity.ERROR
    summary = "An action item punishes or retrains a person"
    rationale = (
        "Retraining, warning, disciplining, firing or revoking the access of a person (or "
        'sending a group "to training") treats people as the problem. It teaches everyone to '
        "hide their mistakes, so the next review learns less, and it leaves the conditions "
        'that produced the mistake in place. Actions on things are fine: "retrain the anomaly '
        'model", "revoke the leaked token", "warn the on-call when the disk is 85% full".'
    )
    anti_pattern = "- Remove Tomasz's production access. Owner: Lena. Due: 2025-04-01.\n"
    better = (
        "- Make the cleanup script refuse to run against production without a confirmation "
        "flag. Owner: Lena. Due: 2025-04-01.\n"
    )
    examples = (
        Example.passing(
            """
            ## Action items

            - Revoke the leaked API key and rotate all tokens. Owner: Ivan. Due: 2025-03-05.
            - Alert the on-call when the disk is above 85%. Owner: Noah. Due: 2025-03-25.
            """
        ),
        Example.failing(
            """
            ---
            title: Bucket deletion
            participants: [Tomasz Kowalski, Lena Fischer]
            ---
            ## Action items

            - Remove Tomasz's production access. Owner: Lena. Due: 2025-04-01.
            - Retrain the on-call engineers on the failover runbook. Owner: Lena. Due: 2025-05-01.
            """,
            lines=[7, 8],
        ),
        Example.failing(
            """
            ---
            title: Bucket deletion
            participants: [Tomasz Kowalski, Lena Fischer]
            ---
            ## Action items

            - Take Tomasz off the on-call rotation until further notice. Owner: Lena.
            - Take the lagging replica out of the rotation until it catches up. Owner: Lena.
            """,
            lines=[7],
            note="a person off the rotation is a punishment; a replica out of it is not",
        ),
    )
