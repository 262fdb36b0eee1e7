"""An event read from a data source (chat, pager, alerts, deploys, metrics, commits, ...)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class EventKind(StrEnum):
    """What an event is. Importers map their source's vocabulary onto these."""

    MESSAGE = "message"
    ALERT_FIRING = "alert-firing"
    ALERT_RESOLVED = "alert-resolved"
    PAGE_TRIGGERED = "page-triggered"
    PAGE_ACKNOWLEDGED = "page-acknowledged"
    PAGE_ESCALATED = "page-escalated"
    PAGE_NOTIFIED = "page-notified"
    PAGE_ANNOTATED = "page-annotated"
    PAGE_RESOLVED = "page-resolved"
    DEPLOY_STARTED = "deploy-started"
    DEPLOY_SUCCEEDED = "deploy-succeeded"
    DEPLOY_FAILED = "deploy-failed"
    ROLLBACK = "rollback"
    COMMIT = "commit"
    CONFIG_CHANGE = "config-change"
    K8S_WARNING = "k8s-warning"
    K8S_NORMAL = "k8s-normal"
    ANNOTATION = "annotation"
    METRIC_CROSSING = "metric-crossing"
    METRIC_RECOVERED = "metric-recovered"
    NOTE = "note"


@dataclass(slots=True)
class Event:
    """One timestamped record on the merged timeline.

    ``time`` is always timezone-aware UTC; ``zone`` keeps the zone or offset the source wrote
    ("+01:00", "America/Los_Angeles", "Z"). ``ref`` points back at the source record
    (``file:line``, ``channel/ts``, an API id) so a reader can check it.
    """

    time: dt.datetime
    source: str
    kind: str
    text: str
    actor: str | None = None
    ref: str = ""
    zone: str | None = None
    end: dt.datetime | None = None
    attrs: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.time.tzinfo is None:
            raise ValueError("Event.time must be timezone-aware")


@dataclass(slots=True)
class Skipped:
    """A source record that was not imported, and why. Reported, never silently dropped."""

    source: str
    position: str
    reason: str
