"""The shared body of the ``blame.*`` rules: each reports the hits of its own kind."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding
from postmortems.review.language.document import blame_in
from postmortems.review.rule import Rule


class BlameRule(Rule):
    """A rule whose findings are the language analysis's hits tagged with its id."""

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        for found in blame_in(ctx.pm, ctx.people, ctx.roles):
            if found.hit.rule != self.id:
                continue
            if ctx.is_allowed(found.sentence):
                continue
            yield ctx.finding(
                found.line,
                found.column,
                end_line=found.end_line,
                end_column=found.end_column,
                message=found.hit.message,
                suggestion=found.hit.suggestion,
            )
