"""impact.no-budget: an SLO is declared but the error budget the incident used is not stated."""

from __future__ import annotations

import re
from collections.abc import Iterable

from postmortems.document.lazyre import lazy
from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule

_BUDGET = lazy(r"\bbudget\b", re.IGNORECASE)
_SHARE = lazy(r"\d+(?:[.,]\d+)?\s*(?:%|percent\b)|\b\d+(?:\.\d+)?\s*x\b", re.IGNORECASE)


def _budget_in_text(ctx: ReviewContext) -> bool:
    """True when a sentence of the Impact or Summary sections gives a share of a budget ("used
    64% of the 28-day error budget", "Error budget consumed: 41%"), however it is phrased."""
    for key in ("impact", "summary"):
        for section in ctx.pm.sections_with(key):
            for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n|\n\s*[-*|]", section.body):
                if _BUDGET.search(sentence) and _SHARE.search(sentence):
                    return True
    return False


class NoBudget(Rule):
    id = "impact.no-budget"
    severity = Severity.WARNING
    summary = "An SLO is declared but the error budget consumed is not stated"
    rationale = (
        "An SLO turns an incident into a number everyone agreed on in advance: the share of the "
        "error budget it burned. That share is what decides whether reliability work now "
        "takes priority over features (a release freeze, an error-budget policy), so a review "
        "that names its SLO and leaves the budget out skips the one figure that drives the "
        "decision. Reported when the front matter declares an SLO (`slo.name` or "
        "`slo.target`) and neither `slo.budget_consumed` nor an error-budget figure in the "
        'Impact section or Summary ("64% of the 28-day error budget") states it.'
    )
    anti_pattern = """
        ---
        slo:
          name: checkout-availability
          target: 99.9% over 28 days
        ---
        """
    better = """
        ---
        slo:
          name: checkout-availability
          target: 99.9% over 28 days
          budget_consumed: 41%
        ---
        """
    examples = (
        Example.passing(
            """
            ---
            slo:
              name: checkout-availability
              target: 99.9%
            ---
            ## Impact

            38% of checkout requests failed for 40 minutes: 41% of the 28-day error budget.
            """
        ),
        Example.failing(
            """
            ---
            slo:
              name: checkout-availability
              target: 99.9%
              budget_consumed:
            ---
            ## Impact

            38% of checkout requests failed for 40 minutes.
            """,
            lines=[2],
        ),
        Example.passing(
            """
            ---
            slo:
              name:
              target:
            ---
            ## Impact

            38% of checkout requests failed for 40 minutes.
            """,
            note="an empty template SLO declares nothing",
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        slo = ctx.pm.meta.slo
        if slo is None or not (slo.name or slo.target):
            return
        if (slo.budget_consumed or "").strip():
            return
        if any(f.kind == "error_budget" for f in ctx.pm.impact) or _budget_in_text(ctx):
            return
        line = ctx.pm.meta.lines.get("slo") or ctx.title_line()
        name = slo.name or slo.target
        yield ctx.finding_on_line(
            line,
            message=(
                f"The SLO '{name}' is declared but the share of its error budget this incident "
                "consumed is not stated: that figure decides whether reliability work takes "
                "priority now"
            ),
            suggestion="set slo.budget_consumed (e.g. 41%) or state it in the Impact section",
        )
