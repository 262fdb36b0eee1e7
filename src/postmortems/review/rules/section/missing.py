"""section.missing: a section the document's kind of review requires is not there."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.model import SECTION_BY_KEY
from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (up to and including its full stop)."""
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


class Missing(Rule):
    id = "section.missing"
    severity = Severity.ERROR
    summary = "A section this kind of review requires is missing"
    rationale = (
        "A postmortem is read by people who were not there, often months later, and compared "
        "with other reviews. A fixed set of sections makes sure nobody skips the hard parts: "
        "measuring the impact, reconstructing the timeline, going past the trigger to the "
        "contributing factors, and committing to action items. Full incident reviews ask for "
        "all of them; near-miss and chaos-experiment reviews are deliberately lighter, so a "
        "cheap learning stays cheap. Any one heading of a set of alternatives satisfies it "
        "(a Root cause section counts where Contributing factors is asked for), and a team can "
        "change the list per kind with `required-sections` in the configuration."
    )
    anti_pattern = """
        # Checkout errors after the payments deploy

        ## Summary

        Checkout failed for 40 minutes after a deploy. We rolled back.

        ## Action items

        - Add a canary stage to the payments pipeline. Owner: Leo. Due: 2025-03-01.
        """
    better = """
        # Checkout errors after the payments deploy

        ## Summary
        ## Impact
        ## Timeline
        ## Contributing factors
        ## What went well
        ## What went poorly
        ## Lessons learned
        ## Action items
        """
    examples = (
        Example.passing(
            """
            ---
            kind: near-miss
            ---
            # Certificate nearly expired

            ## Summary

            The API certificate was renewed two days before it expired.

            ## Contributing factors

            - Renewal reminders went to a mailbox nobody reads.

            ## Where we got lucky

            - An engineer noticed the expiry date in a browser warning.

            ## Action items

            - Page the on-call 21 days before any certificate expires. Owner: Eve. Due: 2025-03-01.
            """,
            note="a near-miss is judged by its lighter template",
        ),
        Example.failing(
            """
            # Checkout errors

            ## Summary

            Checkout failed for 40 minutes after a deploy.

            ## Root cause

            The deploy removed an index.

            ## Action items

            - Add an index check to the migration linter. Owner: Leo. Due: 2025-03-01.
            """,
            lines=[1, 1, 1, 1, 1],
            note="impact, timeline, went well, went poorly and lessons are missing",
        ),
        Example.passing(
            """
            # Checkout errors

            ## Summary

            Checkout failed for 40 minutes after a deploy.
            """,
            config={"required-sections": {"incident": ["summary"]}},
            note="a team's own list of required sections",
        ),
        Example.failing(
            """
            ---
            kind: chaos-experiment
            ---
            # Zone loss game day

            ## Hypothesis

            Sessions survive the loss of one zone.

            ## Results

            Sessions were lost for 4 minutes.

            ## Lessons learned

            - The session store has no replica in a second zone.
            """,
            lines=[4, 4],
            note="a chaos experiment needs its Experiment and Action items sections",
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        present = {s.key for s in ctx.pm.sections if s.key}
        kind = ctx.kind.title.lower()
        for alternatives in ctx.required_sections:
            if present.intersection(alternatives):
                continue
            specs = [SECTION_BY_KEY[key] for key in alternatives if key in SECTION_BY_KEY]
            if not specs:
                continue
            main = specs[0]
            names = " or ".join(f"'{s.title}'" for s in specs)
            yield ctx.document_finding(
                message=(
                    f"No {names} section, which a{'n' if kind[0] in 'aeiou' else ''} {kind} "
                    f"requires: {first_sentence(main.guidance)}"
                ),
                suggestion=f"add a '## {main.title}' section",
            )
