"""action.vague: an action item with no concrete, verifiable end state."""

from __future__ import annotations

import re
from collections.abc import Iterable

from postmortems.document.lazyre import lazy
from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.action._items import open_items_of
from postmortems.review.rules.action._vague import Vagueness, assess

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import ClassVar

_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        lazy(r"careful|attention|vigilan|remember|aware|mindful|double[- ]?check", re.I),
        "e.g. 'Add a check to <the pipeline or script> that blocks <the mistake> before it "
        "reaches production'",
    ),
    (
        lazy(r"alert|monitor|alarm|page|observab|visibilit|detect|dashboard|metric", re.I),
        "e.g. 'Page the on-call when <signal> exceeds <threshold> for <duration>'",
    ),
    (
        lazy(r"test|coverage|staging|qa\b|verif|validat", re.I),
        "e.g. 'Add a test to <suite> that fails when <the condition seen in this incident>'",
    ),
    (
        lazy(r"doc|runbook|process|procedure|playbook|guide|wiki|communicat", re.I),
        "e.g. 'Add <the missing step> to the <name> runbook and link it from the <alert>'",
    ),
)
_INQUIRY_SHAPE = (
    "e.g. '{cue} <the question> and write up a recommendation in <place>', or the change "
    "it should lead to"
)
_DEFAULT_SHAPE = "say what will change, on which system, and how anyone can check it is done"


def suggestion_for(item_text: str, vagueness: Vagueness) -> str:
    """A shape for a concrete rewrite of a vague item, chosen from what it is about."""
    for pattern, shape in _SHAPES:
        if pattern.search(item_text):
            return shape
    if vagueness.kind == "inquiry":
        return _INQUIRY_SHAPE.format(cue=vagueness.cue[:1].upper() + vagueness.cue[1:])
    return _DEFAULT_SHAPE


class Vague(Rule):
    id = "action.vague"
    severity = Severity.WARNING
    summary = "An action item has no concrete, verifiable end state"
    rationale = (
        '"Improve monitoring" is never done, so it is never closed, and the next incident '
        "finds the same gap. A follow-up is concrete when anyone can check that it is done: "
        'it names a change to a specific thing ("Set a 30-second statement timeout on the '
        'reporting user"), a condition and a threshold ("page when replication lag exceeds '
        '30 seconds"), or a deliverable ("... and write up a recommendation"). Reported: '
        'activities with no end ("investigate", "look into", "consider", "revisit", "think '
        'about", "review"), wishes with no mechanism ("ensure this does not happen again", '
        '"make sure backups work"), improvements with no measure ("improve alerting", '
        '"make deploys safer"), categories instead of changes ("add more monitoring", '
        '"better alerting"), hedges ("where possible", "as needed") and exhortations ("be '
        'more careful", "try to"). The whole item is read: "Ensure the backup job alerts when '
        'a run takes over 2 hours" is concrete although it opens with "ensure". The `words` '
        "option adds openers the team considers vague. Items that are done are not checked."
    )
    anti_pattern = """
        - Improve monitoring of the database. Owner: Sven. Due: 2025-03-10.
        - Look into why the migration was slow. Owner: Omar. Due: 2025-02-14.
        """
    better = """
        - Page the on-call when replication lag exceeds 30 seconds for 5 minutes.
          Owner: Sven. Due: 2025-03-10.
        - Add a lock-timeout of 5 seconds to every migration and fail CI when a migration
          lacks one. Owner: Omar. Due: 2025-02-14.
        """
    options: ClassVar[dict[str, list[str]]] = {"words": []}
    examples = (
        Example.passing(
            """
            ## Action items

            - Page the on-call when replication lag exceeds 30 s. Owner: Sven. Due: 2025-03-10.
            - Ensure the backup job alerts when a run takes over 2 h. Owner: Eve. Due: 2025-03-01.
            - Investigate the OOM kills and write up a recommendation. Owner: Ana. Due: 2025-03-07.
            """
        ),
        Example.failing(
            """
            ## Action items

            - Improve monitoring. Owner: Sven. Due: 2025-03-10.
            - Look into config validation. Owner: Omar. Due: 2025-02-14.
            - Make sure it does not happen again. Owner: Dana. Due: 2025-02-28.
            - More tests. Owner: Rita. Due: 2025-03-01.
            - Be more careful with migrations. Owner: Leo. Due: 2025-03-01.
            """,
            lines=[3, 4, 5, 6, 7],
        ),
        Example.failing(
            """
            ## Action items

            - Socialise the new deploy checklist. Owner: Leo. Due: 2025-03-01.
            """,
            lines=[3],
            config={"rules": {"action.vague": {"words": ["socialise"]}}},
            note="a team's own vague opener",
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        words = tuple(str(w) for w in ctx.options.get("words", ()) if str(w).strip())
        for item in open_items_of(ctx):
            found = assess(item.text, words)
            if found is None:
                continue
            yield ctx.finding_for_text(
                found.cue,
                item.line,
                message=f"Vague action item: '{found.cue}' {found.advice}",
                suggestion=suggestion_for(item.text, found),
            )
