"""blame.judgmental: words that judge people or their work ("careless", "dropped the ball")."""

from __future__ import annotations

from postmortems.review.finding import Severity
from postmortems.review.rule import Example
from postmortems.review.rules.blame._base import BlameRule


class Judgmental(BlameRule):
    id = "blame.judgmental"
    severity = Severity.WARNING
    summary = "A judgmental word about a person or their work"
    rationale = (
        '"Careless", "negligent", "sloppy", "lazy", "reckless", "incompetent", '
        '"dropped the ball", "didn\'t bother", "any competent engineer", "took far too '
        'long", "obviously a mistake" pass judgment instead of explaining. People who are '
        "judged stop telling you what they saw, and the next review learns less. Technical "
        'uses are not judgments ("lazy loading") and are not reported.'
    )
    anti_pattern = "The reviewer was sloppy and missed the obvious bug.\n"
    better = (
        "The bug sat in a 2,000-line generated file that the review tool collapsed by default.\n"
    )
    examples = (
        Example.passing(
            """
            ## Contributing factors

            Lazy loading of the configuration delayed start-up by 40 seconds.
            The dashboards clearly showed the queue growing from 09:10.
            """
        ),
        Example.failing(
            """
            ## What went poorly

            The reviewer was sloppy and missed the obvious bug.
            The team dropped the ball on the certificate renewal.
            """,
            lines=[3, 4],
        ),
    )
