"""section.empty: a section heading with nothing written under it."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.model import SECTION_BY_KEY
from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.section._text import COMMENT, guidance_key, is_empty


class Empty(Rule):
    id = "section.empty"
    severity = Severity.WARNING
    summary = "A section is empty"
    rationale = (
        "An empty heading looks like a finished review at a glance and hides that a question "
        "was never answered: nobody measured the impact, nobody asked what went well. A "
        "section counts as empty when nothing remains once the template's scaffolding is "
        "removed: HTML comments (including the guidance `postmortems new` writes under each "
        "heading), bare list markers, table headers without rows, and a lone "
        '"All times in UTC." line. A heading followed only by nested headings is a parent, '
        "not an empty section. If a section truly does not apply, say why in a sentence: "
        '"No customer-facing impact: the job retried on the next run." Custom sections are '
        "reported at info level."
    )
    anti_pattern = """
        ## What went well

        <!-- What helped: tools, practices, decisions, knowledge. -->

        ## Where we got lucky
        """
    better = """
        ## What went well

        - The rollback button in the deploy dashboard restored service in two minutes.

        ## Where we got lucky

        - The failure started at 03:00, when traffic is at its lowest.
        """
    examples = (
        Example.passing(
            """
            ## Summary

            Checkout failed for 40 minutes after a deploy.

            ## Remediation

            ### Immediate actions

            - Rolled back the deploy.
            """
        ),
        Example.failing(
            """
            ## Summary

            <!-- Two to four sentences a reader can stop after: what happened, who was affected
            and for how long, how it ended, and what it cost against the SLO. -->

            ## Timeline

            All times in UTC.

            | Time | Event |
            | --- | --- |

            ## Action items

            -

            ## Notes
            """,
            lines=[1, 6, 13, 17],
        ),
        Example.passing(
            """
            ## Where we got lucky

            Nothing: the failure happened at peak traffic and every safeguard we had was needed.
            """
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        pm = ctx.pm
        for section in pm.sections:
            if not is_empty(pm, section):
                continue
            spec = SECTION_BY_KEY.get(section.key) if section.key else None
            only_guidance = any(guidance_key(m.group(1)) for m in COMMENT.finditer(section.body))
            if only_guidance:
                message = f"Section '{section.title}' still holds only its template guidance"
            else:
                message = f"Section '{section.title}' is empty"
            if spec is not None:
                message += f": {spec.guidance}"
            else:
                message += "; write it or remove the heading"
            yield ctx.finding_on_line(
                section.line,
                message=message,
                suggestion=(
                    "write what you know, or one sentence saying why it does not apply"
                    if spec is not None
                    else None
                ),
                severity=None if spec is not None else Severity.INFO,
            )
