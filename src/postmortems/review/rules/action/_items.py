"""What the action rules share: which items are still open, whether an owner names one person,
whether a due date is usable.

The parser reads owners and due dates in every form documents write them (columns, labels,
"Leo to add ...", "owned by Leo", "- Grace - 2025-03-21", "(Leo, 2 weeks)"); the rules judge
what it read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from postmortems.document.lazyre import lazy
from postmortems.document.words import wordset
from postmortems.model import ActionItem, Postmortem
from postmortems.model.record import Record
from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

CLOSED = frozenset({"done", "wont-do"})

# Items that record what was already done ("We reverted the change", "Added a retry"): history,
# not follow-ups someone must own and date.
_PAST = lazy(
    r"^\W*(?:we(?:'ve| have)?\s+(?:already\s+)?[a-z]+ed\b|(?:already\s+)?(?:added|removed|"
    r"reverted|rolled back|increased|decreased|reduced|raised|lowered|fixed|deployed|released|"
    r"merged|issued|sent|created|disabled|enabled|upgraded|patched|restarted|migrated|moved|"
    r"replaced|updated|implemented|introduced|configured|tweaked|adjusted|advised|"
    r"communicated|published)\s+(?:the|a|an|all|our|to|it|its|every|new)\b|"
    # Irregular past forms read only as verbs: "Sent communications to all 305 teams".
    r"(?:sent|built|wrote|ran|took|made|gave|held|paid|told|found|brought|spent|began)\s+\w)",
    re.IGNORECASE,
)


# "(done)", "[fixed]", "DONE:" written in the item itself; "~~struck through~~" in the source.
_DONE_MARK = lazy(
    r"^\W*(?:done|completed?|fixed|resolved|closed)\b\s*[:\-–—]|[(\[]\s*(?:done|completed?|"
    r"fixed|resolved|closed|shipped|merged|won'?t\s+do|wont-do|dropped|cancell?ed)\s*[)\]]\s*"
    r"\.?$",
    re.IGNORECASE,
)
_STRUCK = lazy(r"^\s*(?:[-*+]|\d+[.)]|\|)?\s*(?:\[[ xX]\]\s*)?~~.+~~")


def is_open(item: ActionItem, source_line: str = "") -> bool:
    """True unless the item is done, declined, or written as something already done.

    ``source_line`` is the item's line as written, to see strikethrough (a common way of
    marking an item done in Markdown).
    """
    if item.status in CLOSED:
        return False
    if _DONE_MARK.search(item.text) or _STRUCK.match(source_line):
        return False
    return not _PAST.match(item.text)


def item_finding(ctx: ReviewContext, item: ActionItem, **kwargs: Any) -> Finding:
    """A finding on the item's text on its line (its whole line when the text, which the
    parser has cleaned of Markdown, is not found there as written). Plain string search: a
    document with a thousand open items must not compile a thousand expressions."""
    line = ctx.line_text(item.line)
    column = line.find(item.text) if item.text else -1
    if column >= 0:
        return ctx.finding(item.line, column + 1, end_column=column + 1 + len(item.text), **kwargs)
    return ctx.finding_on_line(item.line, **kwargs)


def open_items(pm: Postmortem, lines: Sequence[str] = ()) -> Iterator[ActionItem]:
    """The document's action items that still need someone to do them (``lines``: the
    document's source lines, 0-based, to see strikethrough)."""
    for item in pm.action_items:
        line = lines[item.line - 1] if 0 < item.line <= len(lines) else ""
        if is_open(item, line):
            yield item


def open_items_of(ctx: ReviewContext) -> list[ActionItem]:
    """:func:`open_items` of the context's document, worked out once for all the action rules."""
    return ctx.derived("action.open_items", lambda: list(open_items(ctx.pm, ctx.lines)))


# -- owners ------------------------------------------------------------------------------------

_PLACEHOLDER_OWNERS = frozenset(
    {
        "",
        "tbd",
        "tba",
        "tbc",
        "n a",
        "na",
        "none",
        "nobody",
        "nobody yet",
        "no one",
        "noone",
        "unassigned",
        "not assigned",
        "to be assigned",
        "to be decided",
        "unknown",
        "owner",
        "todo",
        "x",
        "xx",
        "xxx",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "pending",
        "open",
        "name",
        "who",
    }
)
# "someone from security", "an engineer from payments", "one of the SREs": not a named person.
_UNNAMED = lazy(
    r"^(?:someone|somebody|anyone|anybody|whoever|a\s+(?:member|person|volunteer|engineer|"
    r"developer|dev)|an\s+(?:engineer|sre|owner|admin)|one\s+of)\b"
)
_COLLECTIVE = lazy(
    r"^(?:all|every|everyone|everybody|each)\b|^(?:the\s+)?(?:whole\s+|entire\s+)?"
    r"(?:team|teams|org|organi[sz]ation|company|department|staff|people|we|us|our team|"
    r"engineering|engineers|developers|devs|sres|ops|operators|admins|sysadmins|"
    r"management|leadership|employees)$|\b(?:engineers|developers|devs|folks|people|members|"
    r"staff|everyone)$",
    re.IGNORECASE,
)
_ROLE = lazy(
    r"^(?:the\s+|whoever\s+is\s+|current\s+)?(?:on[- ]?call(?:\s+(?:engineer|person|sre|"
    r"developer))?|incident\s+commander|ic|primary|secondary|rotation|duty\s+engineer|"
    r"(?:sre|ops|dev)\s+on[- ]?call)(?:\s+(?:engineer|person))?$",
    re.IGNORECASE,
)
_TEAM_SUFFIX = lazy(
    r"\b(?:team|teams|squad|group|crew|guild|tribe|chapter|org|department|dept|unit|committee|"
    r"council|wg|working group|function|capability|pod)$",
    re.IGNORECASE,
)
_TEAM_PREFIX = lazy(r"^(?:team|squad)\s+\w", re.IGNORECASE)
#: Words that name a function or a team rather than a person when they are the whole owner.
FUNCTIONS = wordset(
    """sre devops ops infra infrastructure platform backend frontend security secops netops
    networking network dba dbas qa it data database databases product support cs marketing
    legal finance engineering eng mobile web api cloud core devex dx release releng tooling
    observability monitoring payments billing identity search checkout ml analytics
    operations ux design compliance"""
)
_SPLIT_OWNERS = lazy(r"\s*(?:,|/|&|\+|;|\band\b)\s*", re.IGNORECASE)


class OwnerProblem(Record):
    """Why an owner does not name one person. ``kind`` is ``none``, ``placeholder``,
    ``collective``, ``role``, ``team`` or ``several``."""

    __slots__ = ("kind", "owner")

    kind: str
    owner: str | None

    def __init__(
        self,
        kind: str,
        owner: str | None,
    ) -> None:
        self.kind = kind
        self.owner = owner


_NOT_WORD = lazy(r"[^\w'-]+")
_WORD_CHAR = lazy(r"\w")


@lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    # Cached: each item's owner is compared with every person the document names.
    return " ".join(_NOT_WORD.sub(" ", text.lower().lstrip("@")).split())


def classify_owner(owner: str | None, people: Sequence[str] = ()) -> OwnerProblem | None:
    """What is wrong with ``owner`` as the owner of an action item (``None``: one person)."""
    if owner is None:
        return OwnerProblem("none", None)
    text = owner.strip().strip("*_`").strip()
    norm = _norm(text).replace("-", " ").strip()
    if _ROLE.match(norm):
        return OwnerProblem("role", owner)
    if norm in _PLACEHOLDER_OWNERS or not _WORD_CHAR.search(text) or _UNNAMED.match(norm):
        return OwnerProblem("placeholder", owner)
    if any(norm == _norm(p) for p in people):
        return None
    parts = [p for p in _SPLIT_OWNERS.split(text) if p.strip()]
    if len(parts) > 1:
        problems = [classify_owner(p, people) for p in parts]
        worst = next((p for p in problems if p is not None and p.kind != "none"), None)
        if worst is not None:
            return OwnerProblem(worst.kind, owner)
        return OwnerProblem("several", owner)
    if _COLLECTIVE.search(norm):
        return OwnerProblem("collective", owner)
    if "/" in text.lstrip("@") and text.startswith("@"):
        return OwnerProblem("team", owner)  # a GitHub team mention: @org/team
    if _TEAM_SUFFIX.search(norm) or _TEAM_PREFIX.match(norm) or text.startswith("#"):
        return OwnerProblem("team", owner)
    words = norm.split()
    if words and all(w in FUNCTIONS for w in words):
        return OwnerProblem("team", owner)
    return None


# -- due dates ---------------------------------------------------------------------------------

_PLACEHOLDER_DUES = frozenset(
    {
        "",
        "tbd",
        "tba",
        "tbc",
        "n a",
        "na",
        "none",
        "no",
        "no date",
        "not set",
        "unknown",
        "asap",
        "as soon as possible",
        "soon",
        "soonish",
        "later",
        "eventually",
        "someday",
        "some day",
        "ongoing",
        "continuous",
        "continuously",
        "when possible",
        "whenever",
        "whenever possible",
        "if possible",
        "when we can",
        "in the future",
        "future",
        "backlog",
        "todo",
        "open",
        "pending",
        "x",
        "xx",
        "xxx",
        "next time",
        "date",
        "due",
    }
)
_WEEKDAYS = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|urday)?"
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DUE_IN_TEXT = lazy(
    rf"\b(?:by|before|due|until|eta|deadline|no later than)\s+(?:the\s+)?(?:end\s+of\s+)?"
    rf"(?:next\s+|this\s+)?(?:{_WEEKDAYS}|{_MONTHS}\b(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}|week|month|quarter|sprint|release|q[1-4]|h[12]|"
    r"eow|eom|eoq|eoy|eod|tomorrow|today|tonight|\d{4}-\d{2}-\d{2}|(?:sprint|week)\s*\d+)\b"
    r"|[(\[,]\s*(?:in\s+|within\s+)?\d+\s*(?:days?|weeks?|months?|sprints?|d|w)\s*[)\]]"
    r"|(?:\s[-–—]|[,;(\[])\s*\d{4}-\d{2}-\d{2}\s*[)\]]?\.?$",
    re.IGNORECASE,
)


# "no date yet", "not decided", "TBD after the migration", "unknown for now".
_NO_DATE = lazy(
    r"^(?:no|not|none|never|tbd|tba|tbc|unknown|unclear|undecided|unscheduled|unplanned)\b"
)


class DueProblem(Record):
    """Why an item has no usable due date. ``kind`` is ``none`` or ``placeholder``."""

    __slots__ = ("due_text", "kind")

    kind: str
    due_text: str | None

    def __init__(
        self,
        kind: str,
        due_text: str | None,
    ) -> None:
        self.kind = kind
        self.due_text = due_text


def classify_due(item: ActionItem) -> DueProblem | None:
    """What is wrong with the due date of ``item`` (``None``: it has one, absolute or
    relative, or names a period a reader can place such as "end of Q2" or "next sprint")."""
    if item.due is not None or item.due_relative:
        return None
    if item.due_text is not None:
        text = item.due_text.strip()
        norm = _norm(text).replace("-", " ").strip()
        if norm in _PLACEHOLDER_DUES or not _WORD_CHAR.search(text) or _NO_DATE.match(norm):
            return DueProblem("placeholder", item.due_text)
        # Anything else names a time a reader can place ("end of Q2", "next sprint",
        # "before the freeze"): the benefit of the doubt goes to the writer.
        return None
    if _DUE_IN_TEXT.search(item.text):
        return None
    return DueProblem("none", None)
