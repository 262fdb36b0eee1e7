"""What the ``cause.*`` rules share: the document's factors and the people it names."""

from __future__ import annotations

from postmortems.model import Item
from postmortems.review.context import ReviewContext
from postmortems.review.language.people import People


def people(ctx: ReviewContext) -> People:
    """The names and roles the document and configuration declare."""
    return People.of(ctx.people, ctx.roles)


def factors(ctx: ReviewContext) -> list[Item]:
    """The contributing factors, or the root causes when no factor is listed separately."""
    return list(ctx.pm.contributing_factors) or list(ctx.pm.root_causes)


def single_root_cause(ctx: ReviewContext) -> bool:
    """True when the document gives exactly one root cause and no contributing factor."""
    return len(ctx.pm.root_causes) == 1 and not ctx.pm.contributing_factors
