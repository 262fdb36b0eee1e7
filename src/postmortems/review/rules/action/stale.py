"""action.stale: an open action item long past its due date, or open for six months."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from postmortems.model import ActionItem, Postmortem
from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules._clock import today
from postmortems.review.rules.action._items import CLOSED, item_finding

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import ClassVar

_ADVICE = (
    "an item this old is either forgotten or no longer a priority; finish it, give it a new "
    "date, or close it as won't-do with the reason"
)


def opened_on(pm: Postmortem) -> dt.date | None:
    """When the document's action items were agreed: the review, else the document date."""
    if pm.meta.review_date is not None:
        return pm.meta.review_date
    if pm.meta.date is not None:
        return pm.meta.date
    resolved = pm.meta.resolved or pm.meta.started
    return resolved.date() if resolved is not None else None


def _tracked_open(item: ActionItem) -> bool:
    # Only items with a stated status: a plain list says nothing about whether work is done.
    return bool(item.status) and item.status not in CLOSED


class Stale(Rule):
    id = "action.stale"
    severity = Severity.INFO
    summary = "An open action item is long past its due date or has been open six months"
    rationale = (
        "Follow-ups are only worth writing if they are tracked to the end. The practice is "
        "blunt: an item still open six months after the review is wrong or has been "
        "de-prioritised, and either way the document should say so instead of promising it. "
        "Reported for items whose status says they are open or in progress (a list without "
        "statuses says nothing about progress), when the due date passed more than "
        "`grace-days` ago (default 30) or the review (else the document date) is more than "
        "`max-open-days` ago (default 180). Today is the current date in UTC; set the `today` "
        "option to review as of a fixed date, so that CI output does not change with the "
        "calendar."
    )
    anti_pattern = """
        <!-- reviewed 2025-02-16, read in October -->
        | Action | Owner | Due | Status |
        | --- | --- | --- | --- |
        | Add disk autoscaling to the search cluster | Hannah | 2025-04-30 | open |
        """
    better = """
        | Action | Owner | Due | Status |
        | --- | --- | --- | --- |
        | Add disk autoscaling to the search cluster | Hannah | 2025-04-30 | won't do: SRCH-610 |
        """
    options: ClassVar[dict[str, object]] = {"today": "", "grace-days": 30, "max-open-days": 180}
    examples = (
        Example.failing(
            """
            ---
            review_date: 2025-02-16
            ---
            ## Action items

            | Action | Owner | Due | Status |
            | --- | --- | --- | --- |
            | Add disk autoscaling | Hannah | 2025-04-30 | open |
            | Page at 80% disk | Mia | 2025-09-30 | in progress |
            | Cap shard size at 50 GB | Leo | 2025-03-01 | done |
            | Alert on queue age | Omar | 2025-09-01 | |
            """,
            lines=[8, 9],
            config={"rules": {"action.stale": {"today": "2025-10-01"}}},
        ),
        Example.passing(
            """
            ---
            review_date: 2025-02-16
            ---
            ## Action items

            | Action | Owner | Due | Status |
            | --- | --- | --- | --- |
            | Add disk autoscaling | Hannah | 2025-04-30 | open |
            """,
            config={"rules": {"action.stale": {"today": "2025-05-15"}}},
            note="due two weeks ago: within the grace period",
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        reference = today(ctx.options, self.id)
        grace = int(str(ctx.options.get("grace-days", 30)))
        max_open = int(str(ctx.options.get("max-open-days", 180)))
        start = opened_on(ctx.pm)
        for item in ctx.pm.action_items:
            if not _tracked_open(item):
                continue
            reasons = []
            if item.due is not None and (reference - item.due).days > grace:
                reasons.append(
                    f"was due {item.due.isoformat()}, {(reference - item.due).days} days ago"
                )
            if start is not None and (reference - start).days > max_open:
                reasons.append(
                    f"has been open {(reference - start).days} days, since {start.isoformat()}"
                )
            if not reasons:
                continue
            yield item_finding(
                ctx,
                item,
                message=f"Action item is still {item.status} and "
                + " and ".join(reasons)
                + f": {_ADVICE}",
            )
