"""action.no-owner: an action item with no single person who owns it."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.action._items import (
    classify_owner,
    item_finding,
    open_items_of,
)

_PERSON = "name one person who will drive it to done (they can delegate the work)"
_MESSAGES = {
    "none": "Action item has no owner: an item nobody owns is not done; " + _PERSON,
    "placeholder": "Action item owner '{owner}' is a placeholder, not a person; " + _PERSON,
    "collective": (
        "Action item owner '{owner}' is a group, and an item everyone owns is owned by no "
        "one; " + _PERSON
    ),
    "role": (
        "Action item owner '{owner}' is a rotating role: whoever holds it next week will not "
        "know the item is theirs; " + _PERSON
    ),
    "team": (
        "Action item owner '{owner}' is a team; one person per item gives the item someone to "
        "ask about it and to chase it (a team lead can delegate the work)"
    ),
    "several": (
        "Action item owner '{owner}' names several people; pick one owner and mention the "
        "others as helpers"
    ),
}
_INFO = frozenset({"team", "several"})


class NoOwner(Rule):
    id = "action.no-owner"
    severity = Severity.WARNING
    summary = "An action item has no single person as its owner"
    rationale = (
        "Follow-ups without an owner are the ones still open a year later: nobody is asked "
        "about them, so nobody does them. The practice (Google SRE, PagerDuty, Atlassian) is "
        "one owner per item, a person, who drives it to done and may delegate the work. "
        "Reported at warning level: no owner, a placeholder owner (TBD, ?, unassigned), a "
        'group ("everyone", "all engineers", "the team", "engineering", "devs") and a '
        'rotating role ("the on-call"). Reported at info level, because it is common and '
        'weaker rather than wrong: a named team ("Platform team", "SRE", "DBA team") and '
        'several people ("Leo and Mia"). Owners are read from an Owner column or label, an '
        '@mention, and the forms "Leo to add ...", "owned by Leo" and a trailing "- Leo" or '
        '"(Leo)". Items that are done, declined, or written as already done ("Reverted the '
        'change") are not checked.'
    )
    anti_pattern = """
        | Action | Owner | Due |
        | --- | --- | --- |
        | Alert when disk usage passes 80% | everyone | 2025-03-01 |
        """
    better = """
        | Action | Owner | Due |
        | --- | --- | --- |
        | Alert when disk usage passes 80% | Mia Chen | 2025-03-01 |
        """
    examples = (
        Example.passing(
            """
            ## Action items

            - Page when replication lag exceeds 30 s. Owner: Sven. Due: 2025-03-10.
            - Pin the base image to debian:12.5 (@ben, due 2025-02-28)
            - Leo to add a lock timeout to every migration by 2025-03-14
            - [x] Roll back the config change
            """
        ),
        Example.failing(
            """
            ## Action items

            | Action | Owner | Due |
            | --- | --- | --- |
            | Alert when disk usage passes 80% | | 2025-03-01 |
            | Add a confirmation prompt to the DNS script | everyone | 2025-03-01 |
            | Remove the shared admin account | TBD | 2025-03-05 |
            | Add a canary stage at 5% for 15 minutes | Platform team | 2025-04-01 |
            | Page on 5xx above 2% | the on-call | 2025-03-07 |
            """,
            lines=[5, 6, 7, 8, 9],
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        people = ctx.people
        for item in open_items_of(ctx):
            problem = classify_owner(item.owner, people)
            if problem is None:
                continue
            message = _MESSAGES[problem.kind].format(owner=(problem.owner or "").strip())
            severity = Severity.INFO if problem.kind in _INFO else None
            suggestion = "add 'Owner: <one person>'" if problem.kind == "none" else None
            if problem.owner:
                yield ctx.finding_for_text(
                    problem.owner, item.line, message=message, severity=severity
                )
            else:
                yield item_finding(
                    ctx, item, message=message, severity=severity, suggestion=suggestion
                )
