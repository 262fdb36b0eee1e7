"""The blameless review (pure core): rules that check a postmortem against the practice.

Library use::

    from postmortems.document import parse_file
    from postmortems.review import LintConfig, review

    for finding in review(parse_file("2025-03-04-outage.md"), LintConfig(select=("blame",))):
        print(finding.line, finding.rule, finding.message)

Writing a rule: subclass :class:`Rule` in ``review/rules/<family>/<name>.py`` (see
:mod:`postmortems.review.rule`); plugins register through the ``postmortems.rules`` entry point
group (see :mod:`postmortems.review.registry`).
"""

from __future__ import annotations

from postmortems.review.config import LintConfig
from postmortems.review.context import ReviewContext, SourceIndex, Span
from postmortems.review.finding import Finding, Severity
from postmortems.review.registry import RULES, RuleRegistry
from postmortems.review.rule import Example, Rule

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

    from postmortems.review.engine import review

__all__ = [
    "RULES",
    "Example",
    "Finding",
    "LintConfig",
    "ReviewContext",
    "Rule",
    "RuleRegistry",
    "Severity",
    "SourceIndex",
    "Span",
    "review",
]


def __getattr__(name: str) -> Any:
    # The engine pulls in suppression parsing; rule modules import this package, so keep it lazy.
    if name == "review":
        from postmortems.review.engine import review

        return review
    raise AttributeError(name)
