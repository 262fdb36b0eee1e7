"""blame.person-as-cause: a person or role named as the cause or the agent of a fault."""

from __future__ import annotations

from postmortems.review.finding import Severity
from postmortems.review.rule import Example
from postmortems.review.rules.blame._base import BlameRule


class PersonAsCause(BlameRule):
    id = "blame.person-as-cause"
    severity = Severity.ERROR
    summary = "A person is named as the cause of the fault"
    rationale = (
        "Naming who did it ends the inquiry where it should begin. People act sensibly given "
        "what they see; if an action caused harm, something made it possible, easy or even "
        "likely: a default, a missing guard, a misleading interface, time pressure. Describing "
        "what a person did is fine (`14:11 Bob rolls back the deploy`); making the person the "
        "cause (`Bob's bad deploy took checkout down`) is not, and neither is a role in the "
        "same place (`the on-call engineer broke ...`). Names come from front matter "
        "(participants, authors, owners, facilitator, attendees), from `names` in the lint "
        "configuration, and from common given names in the text."
    )
    anti_pattern = "Priya pushed a broken config to production, which took checkout down.\n"
    better = (
        "The config service accepted a file that failed schema validation and pushed it to "
        "every region at once, which took checkout down.\n"
    )
    examples = (
        Example.passing(
            """
            ---
            title: Checkout outage
            participants: [Priya Nair]
            ---
            ## Timeline

            - 14:11 Priya rolls back the config change.

            ## Root cause

            An engineer ran the documented script, which targeted production because the
            environment variable defaulted to prod.
            """
        ),
        Example.failing(
            """
            ---
            title: Checkout outage
            participants: [Priya Nair]
            ---
            ## Root cause

            Priya pushed a broken config to production, which took checkout down.
            """,
            lines=[7],
        ),
        Example.failing(
            """
            ## Summary

            The outage was caused by the on-call engineer running the cleanup job twice.
            """,
            lines=[3],
            note="a role as the cause",
        ),
        Example.failing(
            """
            ---
            title: Orders outage
            participants: [Omar Haddad]
            ---
            ## Contributing factors

            - Omar ran the migration against production instead of staging, which locked the
              orders table.
            """,
            lines=[7],
            note="the person is the subject of the clause whose harm the 'which' clause tells",
        ),
        Example.passing(
            """
            ---
            title: Orders outage
            participants: [Omar Haddad]
            ---
            ## Timeline

            - 14:05 Omar runs the backfill, which locks the orders table.

            ## Contributing factors

            - The backfill script ran against production, which locked the orders table,
              because nothing asked which environment it should target.
            """,
            note="a timeline entry says what happened; the factor puts the cause in the system",
        ),
    )
