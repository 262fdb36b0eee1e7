"""The reference date of rules that compare a document with today (review.overdue, action.stale).

"Today" is injectable: a rule's ``today`` option (``[tool.postmortems.lint.rules."review.overdue"]
today = "2025-03-10"``) fixes it, so that CI output and tests do not change with the calendar;
left empty, it is the current date in UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from postmortems.errors import UsageError

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any


def today(options: Mapping[str, Any], rule_id: str) -> dt.date:
    """The date the rule ``rule_id`` judges against.

    Args:
        options: The rule's options (its ``today`` key is an ISO date, a date, or empty).
        rule_id: For the error message.

    Raises:
        UsageError: ``today`` is set but is not an ISO date.
    """
    value = options.get("today")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value in (None, ""):
        return dt.datetime.now(dt.UTC).date()
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise UsageError(
            f'rules."{rule_id}".today must be a date such as 2025-03-10, not {value!r}',
            hint="leave it out to judge against the current date",
        ) from None
