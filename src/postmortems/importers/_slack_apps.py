"""What alerting and paging apps relay into Slack: the record behind a bot's message.

Teams that keep no export of their pager or alert manager still have its Slack notifications.
Each app writes a recognisable first line, and each names the alert or incident it is about:

* Alertmanager's Slack receiver (default title), Grafana unified alerting: ``[FIRING:2]
  BasketRedisTimeouts (basket-api critical)``, ``[RESOLVED] BasketRedisTimeouts ...``;
* Grafana legacy alerting: ``[Alerting] Checkout 5xx ratio``, ``[OK] Checkout 5xx ratio``;
* the PagerDuty app: ``Triggered #4821: <title>``, ``Acknowledged by Ana: #4821 ...``,
  ``Escalated #4821 to Level 2: ...``, ``Resolved by Ana: #4821 ...``;
* the Opsgenie app: ``[P3] #87: <message>``, ``Alert #87 acknowledged by Ana``,
  ``Alert #87 closed by Ana``.

Read as plain messages they all looked like one alert (nothing told them apart), an
acknowledgement relayed by the pager counted as nothing and an Opsgenie close was not a close.
Here each becomes the event it relays, keyed by the alert's name or the incident's number.
"""

from __future__ import annotations

import re
from typing import Any

from postmortems.timeline.event import EventKind

_K = EventKind

#: Alertmanager's default Slack title (and Grafana unified alerting's): status, count, then the
#: group's label values, the alert name first.
_ALERTMANAGER = re.compile(r"^\s*\[(FIRING|RESOLVED)(?::\d+)?\]\s+([^\s|(]+)", re.I)
#: Grafana legacy alerting: ``[Alerting] <rule name>``.
_GRAFANA_LEGACY = re.compile(r"^\s*\[(Alerting|OK)\]\s+([^|\n]+?)\s*(?:\||\n|$)", re.I)
_PAGERDUTY_STATUS = re.compile(
    r"\b(triggered|acknowledged|unacknowledged|resolved|escalated|reassigned|re-?opened)\b", re.I
)
_PAGERDUTY_KINDS = {
    "triggered": _K.PAGE_TRIGGERED,
    "reopened": _K.PAGE_TRIGGERED,
    "re-opened": _K.PAGE_TRIGGERED,
    "acknowledged": _K.PAGE_ACKNOWLEDGED,
    "unacknowledged": _K.NOTE,
    "resolved": _K.PAGE_RESOLVED,
    "escalated": _K.PAGE_ESCALATED,
    "reassigned": _K.PAGE_ESCALATED,
}
_NUMBER = re.compile(r"#(\d+)\b")
_BY = re.compile(r"\bby\s+@?([^:(\n]+?)\s*(?::|\(|$|\n)")
_OPSGENIE_NEW = re.compile(r"^\s*\[(P[1-5])\]\s+#(\d+)\b", re.I)
_OPSGENIE_ACTION = re.compile(
    r"^\s*Alert\s+#(\d+)\s+(?:is\s+|was\s+|has been\s+)?"
    r"(acknowledged|unacknowledged|closed|escalated|assigned|reopened|snoozed)\b",
    re.I,
)
#: The same written with the person first ("Priya Shah closed alert #87").
_OPSGENIE_ACTION_BY = re.compile(
    r"^\s*@?(.+?)\s+(acknowledged|unacknowledged|closed|escalated|assigned|reopened|snoozed)"
    r"\s+(?:the\s+)?alert\s+#(\d+)\b",
    re.I,
)
#: A person named before the status ("Sofia Marquez acknowledged #4821").
_WHO_FIRST = re.compile(
    r"^\s*@?([^#:\n]+?)\s+(?:has\s+)?(?:acknowledged|resolved|escalated|reassigned)\b"
)
_OPSGENIE_KINDS = {
    "acknowledged": _K.PAGE_ACKNOWLEDGED,
    "unacknowledged": _K.NOTE,
    "closed": _K.ALERT_RESOLVED,
    "escalated": _K.PAGE_ESCALATED,
    "assigned": _K.PAGE_ESCALATED,
    "reopened": _K.ALERT_FIRING,
    "snoozed": _K.NOTE,
}


def relayed(app: str | None, text: str) -> tuple[EventKind, dict[str, Any], str | None] | None:
    """The event a bot's message relays: its kind, the attributes naming the alert or incident,
    and who acted (``Acknowledged by Ana``), or ``None`` for anything else (a deploy notice, a
    reminder, a bot that is not an alerting or paging app)."""
    if "#" not in text and text.lstrip()[:1] != "[":
        return None  # every notification below names its number (#4821) or opens with [STATE]
    name = (app or "").lower()
    if "pagerduty" in name:
        return _pagerduty(text)
    if "opsgenie" in name:
        return _opsgenie(text)
    found = _ALERTMANAGER.match(text)
    if found is not None:
        kind = _K.ALERT_FIRING if found.group(1).upper() == "FIRING" else _K.ALERT_RESOLVED
        return kind, {"alertname": found.group(2)}, None
    found = _GRAFANA_LEGACY.match(text)
    if found is not None:
        kind = _K.ALERT_FIRING if found.group(1).lower() == "alerting" else _K.ALERT_RESOLVED
        return kind, {"alertname": found.group(2)}, None
    return None


def _head(text: str) -> str:
    """The status part of a notification: before the title that follows the first colon."""
    return text.split(": ", 1)[0].split("\n", 1)[0]


def _actor(head: str) -> str | None:
    found = _BY.search(head) or _WHO_FIRST.match(head)
    return found.group(1) if found else None


def _pagerduty(text: str) -> tuple[EventKind, dict[str, Any], str | None] | None:
    head = _head(text)
    status = _PAGERDUTY_STATUS.search(head)
    number = _NUMBER.search(text)
    if status is None or number is None:
        return None
    kind = _PAGERDUTY_KINDS[status.group(1).lower()]
    return kind, {"incident": number.group(1), "app": "PagerDuty"}, _actor(head)


def _opsgenie(text: str) -> tuple[EventKind, dict[str, Any], str | None] | None:
    found = _OPSGENIE_NEW.match(text)
    if found is not None:
        attrs = {"alert": found.group(2), "priority": found.group(1).upper(), "app": "Opsgenie"}
        return _K.ALERT_FIRING, attrs, None
    found = _OPSGENIE_ACTION.match(text)
    if found is not None:
        kind = _OPSGENIE_KINDS[found.group(2).lower()]
        return kind, {"alert": found.group(1), "app": "Opsgenie"}, _actor(_head(text))
    found = _OPSGENIE_ACTION_BY.match(text)
    if found is None:
        return None
    kind = _OPSGENIE_KINDS[found.group(2).lower()]
    return kind, {"alert": found.group(3), "app": "Opsgenie"}, found.group(1)
