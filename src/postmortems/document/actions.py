"""Action items from lists and tables, with owner, due date, status, priority, type and tracker.

Real documents write the fields many ways: table columns ("Owner", "Assignee", "Due date",
"Ticket"), labels inside the text ("Owner: Leo. Due: 2025-03-01."), task boxes (``- [x]``),
mentions (``@leo``), ticket keys (``OPS-412``) and links.
"""

from __future__ import annotations

import datetime as dt
import re

from postmortems.document.blocks import Block, urls
from postmortems.document.lazyre import lazy
from postmortems.document.times import find_date, parse_date
from postmortems.document.words import NOT_OWNERS, is_action_verb, wordset
from postmortems.model import ActionItem

_COLUMN_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("id", lazy(r"^\W*(?:id|#|no\.?|number|ref)\W*$", re.I)),
    ("owner", lazy(r"\b(?:owners?|assignee|assigned(?: to)?|who|responsible|dri)\b", re.I)),
    ("due", lazy(r"\b(?:due|deadline|by when|target(?: date)?|eta|when|date)\b", re.I)),
    ("status", lazy(r"\b(?:status|state|done|progress)\b", re.I)),
    ("priority", lazy(r"\b(?:priority|prio|p)\b", re.I)),
    ("type", lazy(r"\b(?:type|kind|category)\b", re.I)),
    ("tracker", lazy(r"\b(?:tracker|ticket|issue|jira|bug|link|pr|tracking)\b", re.I)),
    ("text", lazy(r"\b(?:action|item|task|description|what|title|summary|follow)", re.I)),
)

_LABELS = (
    r"owners?|assignee|assigned to|responsible|dri|due(?: date)?|deadline|target date|eta|"
    r"status|priority|prio|type|tracker|ticket|jira"
)
_LABEL = lazy(rf"(?:^|(?<=[\s(\[,;.]))(?P<label>{_LABELS})\s*[:=]\s*", re.I)
_DUE_INLINE = lazy(
    r"\b(?:due|by|before|deadline)\s+(?:on\s+)?(?P<value>\d{4}-\d{2}-\d{2}|"
    r"(?:next\s+|this\s+)?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"(?:day|sday|nesday|urday)?\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
    r"dec)[a-z]*\.?(?:\s+\d{4})?|end of (?:the )?(?:week|month|quarter|year|q[1-4])(?:\s+\d{4})?|"
    r"q[1-4](?:\s+\d{4})?|(?:in|within)\s+(?:\d+|a|an|one|two|three|four|six)\s*(?:days?|weeks?|"
    r"months?|sprints?|quarters?))",
    re.I,
)
# "(@omar, due in 2 weeks)", "(owner: Leo; P1)": a trailing bracket that only holds fields.
_TRAILER = lazy(r"\s*[(\[](?P<inner>[^()\[\]]{2,80})[)\]]\s*\.?\s*$")
_TRAILER_FIELD = lazy(
    r"^\s*(?:@[\w.-]+|(?:owner|owners|assignee|due|by|before|eta|status|priority|prio|type|"
    r"ticket|tracker)\b.*|P[0-4]|[A-Z][A-Z0-9]{1,9}-\d{1,6}|\d{4}-\d{2}-\d{2}|"
    r"(?:in\s+|within\s+)?\d+\s*(?:days?|weeks?|months?|sprints?|quarters?)|"
    r"q[1-4](?:\s+\d{4})?|done|completed?|fixed|shipped|in[- ]progress|won'?t do|wont-do|"
    r"(?-i:[A-Z][a-zà-ÿ'-]+(?:\s+[A-Z][a-zà-ÿ'-]+){0,2}))\s*$",
    re.I,
)
_NAME = r"(?:@[\w.-]+|[A-Z][a-zà-ÿ'-]+(?:\s+[A-Z][a-zà-ÿ'-]+){0,2})"
# "Leo to add ...", "Grace will page ...".
_OWNER_TO = lazy(rf"^\W*(?P<name>{_NAME})\s+(?:to|will|is going to)\s+(?P<verb>[a-z]+)")
# "owned by Leo", "assigned to Mia Wong".
_OWNED_BY = lazy(rf"\b(?:owned by|assigned to|driven by|led by)\s+(?P<name>{_NAME})", re.I)
# "... - Grace - 2025-03-21", "... — Leo".
_DASH_FIELDS = lazy(rf"\s[-–—]\s+(?P<name>{_NAME})(?:\s+[-–—]\s+(?P<due>\S.{{1,29}}?))?\s*\.?$")
_WEEKDAY = lazy(
    r"^(?:next\s+|this\s+)?(?P<day>mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"(?:day|sday|nesday|urday)?$",
    re.I,
)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_NOT_NAMES = wordset(
    """a an the this that it we they our all every each none no yes done open todo tbd see note
    also then so and or but if when monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    q1 q2 q3 q4 p0 p1 p2 p3 p4 high medium low critical"""
)
_RELATIVE = lazy(
    r"^(?:in\s+|within\s+)?(?P<n>\d+|a|an|one|two|three|four|six)\s*"
    r"(?P<unit>days?|d|weeks?|w|wks?|months?|mo|sprints?|quarters?)$",
    re.I,
)
_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "six": 6}
_QUARTER = lazy(r"^(?:end of (?:the )?)?q(?P<q>[1-4])(?:\s+(?P<y>\d{4}))?$", re.I)
_TICKET = lazy(r"\b[A-Z][A-Z0-9]{1,9}-\d{1,6}\b")
_MENTION = lazy(r"(?<![\w.])@(?P<name>[A-Za-z][\w.-]*[\w])")
_PRIORITY = lazy(r"(?:^|[\s\[(])(?P<p>P[0-4])(?:[\s\])]|$)")
_DONE_WORDS = lazy(r"\b(?:completed?|done|finished|shipped|resolved)\b", re.I)
_PROGRESS_WORDS = lazy(r"\b(?:in[- ]progress|ongoing|underway|wip|started)\b", re.I)
_WONT_WORDS = lazy(r"\b(?:won'?t do|wont-do|will not do|declined|cancel+ed|dropped)\b", re.I)
_OPEN_WORDS = lazy(r"\b(?:open|todo|to do|not started|planned|pending|new)\b", re.I)
_TYPES = {
    "prevent": "prevent",
    "prevention": "prevent",
    "preventive": "prevent",
    "detect": "detect",
    "detection": "detect",
    "mitigate": "mitigate",
    "mitigation": "mitigate",
    "process": "process",
    "repair": "mitigate",
}
_URL_IN_RAW = lazy(r"https?://[^\s)>\]|]+")
_STATUS_MARK = lazy(r"^\s*([✅✔☑❌])")
_ITEM_LABEL = lazy(r"^\s*(?:action items?|ai|todo|follow[- ]?up)\s*:\s*", re.I)


def read_actions(
    blocks: list[Block], base: dt.date | None, people: frozenset[str] = frozenset()
) -> list[ActionItem]:
    """Action items in the blocks of one action-items section.

    A sub-heading can say what holds for the items under it: "Immediate actions (completed)"
    marks them done, "Long-term (Target: Q4 2025 - Q1 2026)" dates them by the end of its last
    quarter. Bullets that follow a numbered item at the same level are its details (writers
    often forget to indent them), not items of their own.
    """
    items: list[ActionItem] = []
    columns: dict[str, int] = {}
    depth = min((b.depth for b in blocks if b.kind == "item"), default=1)
    status_context: str | None = None
    due_context: str | None = None
    after_numbered = False
    for block in blocks:
        if block.kind == "heading":
            status_context = normalize_status(block.text) if _status_heading(block.text) else None
            due_context = _heading_period(block.text)
            after_numbered = False
        elif block.kind == "item" and block.depth == depth and not block.ordered and after_numbered:
            continue
        elif block.kind == "header":
            columns = _columns(block.cells)
        elif block.kind == "row":
            item = _from_row(block, columns, base)
            if item is not None:
                items.append(item)
        elif block.kind == "item" and block.depth == depth and block.text.strip():
            after_numbered = block.ordered
            item = from_text(block.text, block.line, base, links=urls(block), people=people)
            if item.due_text is None and due_context is not None:
                _set_due(item, due_context, base)
            mark = _STATUS_MARK.match(block.text)
            if mark and item.status is None:
                item.status = "done" if mark.group(1) in "✅✔☑" else "wont-do"
            if block.checked is not None and item.status is None:
                item.status = "done" if block.checked else "open"
            if item.status is None and status_context:
                item.status = status_context
            items.append(item)
        elif block.kind == "paragraph" and _ITEM_LABEL.match(block.text):
            text = _ITEM_LABEL.sub("", block.text, count=1)
            items.append(from_text(text, block.line, base, links=urls(block)))
    return items


_PERIOD = lazy(r"\bQ([1-4])\s*(\d{4})|\b(\d{4}-\d{2}-\d{2})\b", re.I)


def _heading_period(text: str) -> str | None:
    """The last quarter or date a heading names ("Target: Q4 2025 - Q1 2026" -> "Q1 2026")."""
    found = list(_PERIOD.finditer(text))
    if not found:
        return None
    last = found[-1]
    return last.group(3) or f"Q{last.group(1)} {last.group(2)}"


def _status_heading(text: str) -> bool:
    return bool(_DONE_WORDS.search(text) or _PROGRESS_WORDS.search(text))


def _columns(cells: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for index, cell in enumerate(cells):
        for role, pattern in _COLUMN_ROLES:
            if role not in roles and pattern.search(cell):
                roles[role] = index
                break
    if "text" not in roles:
        free = [i for i in range(len(cells)) if i not in roles.values()]
        if free:
            roles["text"] = free[0]
    return roles


def _from_row(block: Block, columns: dict[str, int], base: dt.date | None) -> ActionItem | None:
    if not any(block.cells):
        return None
    if not columns:
        columns = {"text": 0}

    def cell(role: str) -> str:
        index = columns.get(role)
        return block.cells[index].strip() if index is not None and index < len(block.cells) else ""

    item = from_text(cell("text"), block.line, base, links=urls(block))
    item.id = cell("id") or item.id
    owner = _clean_owner(cell("owner"))
    item.owner = owner or item.owner
    if cell("due"):
        _set_due(item, cell("due"), base)
    if cell("status"):
        item.status = normalize_status(cell("status"))
    item.priority = cell("priority") or item.priority
    if cell("type"):
        item.type = _TYPES.get(cell("type").lower(), cell("type").lower())
    tracker = cell("tracker")
    if tracker:
        index = columns["tracker"]
        raw = block.raw_cells[index] if index < len(block.raw_cells) else tracker
        found = _URL_IN_RAW.findall(raw) or _TICKET.findall(tracker)
        item.tracker = found[0] if found else tracker
    if item.status is None and any("**" in raw_cell for raw_cell in block.raw_cells):
        # The Google SRE template writes the status in bold beside the bug: "Bug 5554823 **TODO**".
        for raw_cell in block.raw_cells:
            mark = _BOLD_STATUS.search(raw_cell)
            if mark:
                item.status = normalize_status(mark.group(1))
                if item.tracker:
                    item.tracker = item.tracker.replace(mark.group(1), "").strip() or None
                break
    return item


_BOLD_STATUS = lazy(
    r"\*\*\s*(DONE|TODO|TO DO|OPEN|CLOSED|FIXED|IN PROGRESS|WIP|BLOCKED|WON'T FIX|WONTFIX)\s*\*\*"
)


_FIELD_SEPARATOR = lazy(r"[,;]")
_DUE_WORD = lazy(r"^(?:due|by|before|eta)\b", re.I)
_DUE_PREFIX = lazy(r"^(?:due|by|before|eta)\s*(?:on|date)?\s*", re.I)
_PRIORITY_PART = lazy(r"^P[0-4]$")
_YEAR_FIRST = lazy(r"^\d{4}-")
_TRAILING_PUNCTUATION = lazy(r"[\s(\[,;–—-]+$")
_DIGIT_FIRST = lazy(r"^\s*(?:on\s+)?\d")
_FOUR_DIGITS = lazy(r"\d{4}")


def from_text(
    text: str,
    line: int,
    base: dt.date | None,
    *,
    links: list[str] | None = None,
    people: frozenset[str] = frozenset(),
) -> ActionItem:
    """An action item read from one line of prose with inline fields.

    >>> item = from_text("Add a lock check. Owner: Leo. Due: 2025-03-01.", 1, None)
    >>> (item.text, item.owner, item.due)
    ('Add a lock check.', 'Leo', datetime.date(2025, 3, 1))
    """
    text = " ".join(text.split())
    item = ActionItem(text=text, line=line)
    # Each expression below needs a character most items lack (a bracket, a colon, an "@",
    # a hyphen): tested first, the expression is not tried on them.
    trailer = _TRAILER.search(text) if "(" in text or "[" in text else None
    fields_text = text
    if trailer and all(_TRAILER_FIELD.match(p) for p in _FIELD_SEPARATOR.split(trailer["inner"])):
        text = text[: trailer.start()].rstrip()
        for part in _FIELD_SEPARATOR.split(trailer["inner"]):
            part = part.strip()
            if part.startswith("@"):
                item.owner = part[1:]
            elif _DUE_WORD.match(part) and ":" not in part:
                _set_due(
                    item,
                    _DUE_PREFIX.sub("", part),
                    base,
                )
            elif _PRIORITY_PART.match(part):
                item.priority = part
            elif _DONE_WORDS.fullmatch(part.lower()) or _PROGRESS_WORDS.fullmatch(part.lower()):
                item.status = normalize_status(part)
            elif _WONT_WORDS.fullmatch(part.lower()):
                item.status = "wont-do"
            elif _RELATIVE.match(part) or _QUARTER.match(part) or _YEAR_FIRST.match(part):
                _set_due(item, part, base)
            elif re.fullmatch(_NAME, part) and _is_name(part) and item.owner is None:
                item.owner = part
        fields_text = trailer["inner"]
    labels = list(_LABEL.finditer(text)) if ":" in text or "=" in text else []
    body = text
    if labels:
        body = text[: labels[0].start()]
        for index, match in enumerate(labels):
            end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
            value = text[match.end() : end].strip().rstrip(".,;)").strip()
            _apply(item, match.group("label").lower(), value, base)
        body = _TRAILING_PUNCTUATION.sub("", body).strip()
    item.text = body or text
    labels_inner = list(_LABEL.finditer(fields_text)) if fields_text is not text else []
    for index, match in enumerate(labels_inner):
        end = labels_inner[index + 1].start() if index + 1 < len(labels_inner) else len(fields_text)
        value = fields_text[match.end() : end].strip().rstrip(".,;)").strip()
        _apply(item, match.group("label").lower(), value, base)
    if item.due is None and item.due_text is None:
        due = _DUE_INLINE.search(text)
        if due:
            _set_due(item, due.group("value"), base)
    if item.owner is None:
        mention = _MENTION.search(text) if "@" in text else None
        if mention:
            item.owner = mention.group("name")
    if item.owner is None:
        _owner_from_wording(item, text, base, people)
    if item.tracker is None:
        found = [u for u in (links or []) if u]
        ticket = _TICKET.search(text) if "-" in text else None
        item.tracker = found[0] if found else (ticket.group(0) if ticket else None)
    if item.priority is None:
        priority = _PRIORITY.search(text)
        if priority:
            item.priority = priority.group("p")
    return item


def _is_name(text: str, people: frozenset[str] = frozenset()) -> bool:
    """True when ``text`` reads as a person's name here, not a verb or a common word."""
    if text.startswith("@") or text in people:
        return True
    first = text.split()[0].lower()
    return first not in _NOT_NAMES and first not in NOT_OWNERS and not is_action_verb(first)


def _owner_from_wording(
    item: ActionItem, text: str, base: dt.date | None, people: frozenset[str]
) -> None:
    """Owners written as prose: "Leo to add ...", "owned by Leo", "... - Grace - 2025-03-21"."""
    match = _OWNER_TO.match(text)
    if (
        match
        and _is_name(match["name"], people)
        and (is_action_verb(match["verb"]) or match["name"] in people)
    ):
        item.owner = match["name"].lstrip("@")
        return
    match = _OWNED_BY.search(text)
    if match and _is_name(match["name"], people):
        item.owner = match["name"].lstrip("@")
        return
    match = _DASH_FIELDS.search(text)
    if match and _is_name(match["name"], people):
        item.owner = match["name"].lstrip("@")
        if match["due"] and item.due_text is None:
            _set_due(item, match["due"], base)
        if item.text.endswith(match.group(0).strip()) or match.group(0) in item.text:
            item.text = item.text[: item.text.rfind(match.group(0))].rstrip() or item.text


def _apply(item: ActionItem, label: str, value: str, base: dt.date | None) -> None:
    if not value:
        return
    if label.startswith("owner") or label in ("assignee", "assigned to", "responsible", "dri"):
        item.owner = _clean_owner(value)
    elif label in ("due", "due date", "deadline", "target date", "eta"):
        _set_due(item, value, base)
    elif label == "status":
        item.status = normalize_status(value)
    elif label in ("priority", "prio"):
        item.priority = value
    elif label == "type":
        item.type = _TYPES.get(value.lower(), value.lower())
    elif label in ("tracker", "ticket", "jira"):
        item.tracker = value


def _clean_owner(value: str) -> str | None:
    value = value.strip().lstrip("@").strip()
    if value.lower() in ("", "-", "—", "tbd", "n/a", "none", "?", "??", "unassigned", "nobody"):
        return None if value.lower() in ("", "-", "—") else value
    return value


def _set_due(item: ActionItem, value: str, base: dt.date | None) -> None:
    value = value.strip().rstrip(".")
    item.due_text = value
    year = base.year if base else None
    absolute = (
        parse_date(value, default_year=year)
        or _quarter_end(value, base)
        or (find_date(value, default_year=year) if _DIGIT_FIRST.match(value) else None)
    )
    if absolute:
        if base is not None and absolute < base and not _FOUR_DIGITS.search(value):
            # "Due: 1 Mar" written in December means the next March.
            absolute = absolute.replace(year=absolute.year + 1)
        item.due = absolute
        return
    weekday = _WEEKDAY.match(value.strip())
    if weekday:
        item.due_relative = value
        if base is not None:
            target = _WEEKDAYS.index(weekday["day"][:3].lower())
            ahead = (target - base.weekday()) % 7 or 7
            if value.lower().startswith("next"):
                ahead += 7 if ahead < 7 else 0
            item.due = base + dt.timedelta(days=ahead)
        return
    relative = _RELATIVE.match(value.strip())
    if relative:
        item.due_relative = value
        if base is not None:
            item.due = add_relative(base, relative.group("n"), relative.group("unit"))


def add_relative(base: dt.date, amount: str, unit: str) -> dt.date:
    """``base`` plus "2 weeks", "1 month", "3 sprints" (a sprint is two weeks)."""
    n = _WORDS.get(amount.lower()) or int(amount)
    unit = unit.lower()
    if unit.startswith("d"):
        return base + dt.timedelta(days=n)
    if unit.startswith("w") or unit.startswith("wk"):
        return base + dt.timedelta(weeks=n)
    if unit.startswith("s"):
        return base + dt.timedelta(weeks=2 * n)
    months = n * (3 if unit.startswith("q") else 1)
    month_index = base.month - 1 + months
    year, month = base.year + month_index // 12, month_index % 12 + 1
    for day in (base.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _quarter_end(value: str, base: dt.date | None) -> dt.date | None:
    match = _QUARTER.match(value.strip())
    if not match:
        return None
    year = int(match.group("y")) if match.group("y") else (base.year if base else None)
    if year is None:
        return None
    quarter = int(match.group("q"))
    end_month = quarter * 3
    next_start = dt.date(year + (end_month // 12), end_month % 12 + 1, 1)
    return next_start - dt.timedelta(days=1)


def normalize_status(value: str) -> str:
    """Map status words to open / in-progress / done / wont-do (unknown words kept)."""
    text = value.strip().strip("*_").strip()
    if text in ("✅", "✔", "✔️", "☑"):
        return "done"
    if _WONT_WORDS.search(text):
        return "wont-do"
    if _PROGRESS_WORDS.search(text):
        return "in-progress"
    if _DONE_WORDS.search(text):
        return "done"
    if _OPEN_WORDS.search(text):
        return "open"
    return text.lower()
