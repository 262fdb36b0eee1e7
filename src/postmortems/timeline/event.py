"""An event read from a data source (chat, pager, alerts, deploys, metrics, commits, ...)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
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
    #: A log line at error level or above (an application's or a proxy's log export).
    LOG_ERROR = "log-error"
    NOTE = "note"


#: The range of epoch seconds an event may be made from: years 1 to 9999 with a day to spare at
#: each end, so that the time can be shown in any zone. NaN and infinities are outside it.
FIRST_EPOCH = dt.datetime(1, 1, 2, tzinfo=dt.UTC).timestamp()
LAST_EPOCH = dt.datetime(9999, 12, 30, tzinfo=dt.UTC).timestamp()

_UTC = dt.UTC
#: The details of an event that has none (read-only, so one serves all).
_NO_ATTRS: Mapping[str, Any] = MappingProxyType({})
_FROM_EPOCH = dt.datetime.fromtimestamp
_NEW = object.__new__


class Event:
    """One timestamped record on the merged timeline.

    ``time`` is timezone-aware (UTC as importers make it; an aware time in another zone is kept
    as given); ``zone`` keeps the zone or offset the source wrote ("+01:00",
    "America/Los_Angeles", "Z"). ``ref`` points back at the source record (``file:line``,
    ``channel/ts``, an API id) so a reader can check it.

    An event is made from an aware datetime or from seconds since the epoch (UTC), as sources
    such as Slack write their times. ``epoch`` is the same instant as a float either way
    (``epoch == time.timestamp()``); merging and windows order and compare on it. Made from
    seconds, the datetime is built the first time ``time`` is read: a year of chat is merged
    and searched, but few of its events are ever looked at one by one. ``epoch`` is derived:
    move an event by setting ``time``.

    ``attrs`` (source-specific details) is read-only: events with the same details may share
    one mapping (all the plain messages of a Slack channel do).
    """

    __slots__ = ("_time", "actor", "attrs", "end", "epoch", "kind", "ref", "source", "text", "zone")

    _time: dt.datetime | None
    epoch: float
    source: str
    kind: str
    text: str
    actor: str | None
    ref: str
    zone: str | None
    end: dt.datetime | None
    attrs: Mapping[str, Any]

    def __init__(
        self,
        time: dt.datetime | float,
        source: str,
        kind: str,
        text: str,
        actor: str | None = None,
        ref: str = "",
        zone: str | None = None,
        end: dt.datetime | None = None,
        attrs: Mapping[str, Any] | None = None,
    ) -> None:
        if type(time) is float and FIRST_EPOCH <= time <= LAST_EPOCH:  # the bulk, first
            self._time = None
            self.epoch = time
        elif isinstance(time, dt.datetime):
            self._time = time
            self.epoch = _checked_epoch(time)
        else:
            seconds = float(time)
            if not FIRST_EPOCH <= seconds <= LAST_EPOCH:  # also false for NaN
                raise ValueError(f"Event time {time!r} is not seconds between years 1 and 9999")
            self._time = None
            self.epoch = seconds
        self.source = source
        self.kind = kind
        self.text = text
        self.actor = actor
        self.ref = ref
        self.zone = zone
        self.end = end
        self.attrs = _NO_ATTRS if attrs is None else attrs

    @staticmethod
    def from_epoch(
        seconds: float,
        source: str,
        kind: str,
        text: str,
        actor: str | None,
        ref: str,
        zone: str | None,
        attrs: Mapping[str, Any],
    ) -> Event:
        """An event at ``seconds`` since the epoch (a float the caller has checked lies between
        :data:`FIRST_EPOCH` and :data:`LAST_EPOCH`), with no ``end``.

        What importers call for records by the hundred thousand: the same event as
        ``Event(seconds, ...)``, made at about half the cost (Python 3.11 calls ``__init__``
        through ``type.__call__``; this is one plain call, with no checks).
        """
        event = _NEW(Event)
        event._time = None
        event.epoch = seconds
        event.source = source
        event.kind = kind
        event.text = text
        event.actor = actor
        event.ref = ref
        event.zone = zone
        event.end = None
        event.attrs = attrs
        return event

    @property
    def time(self) -> dt.datetime:
        """When it happened: an aware datetime (UTC when made from epoch seconds)."""
        time = self._time
        if time is None:
            time = self._time = _FROM_EPOCH(self.epoch, _UTC)
        return time

    @time.setter
    def time(self, value: dt.datetime) -> None:
        self.epoch = _checked_epoch(value)
        self._time = value

    def _fields(self) -> tuple[Any, ...]:
        return (
            self.epoch,
            self.source,
            self.kind,
            self.text,
            self.actor,
            self.ref,
            self.zone,
            self.end,
            self.attrs,
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Event)
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        return (
            f"Event(time={self.time!r}, source={self.source!r}, kind={self.kind!r}, "
            f"text={self.text!r}, actor={self.actor!r}, ref={self.ref!r}, zone={self.zone!r}, "
            f"end={self.end!r}, attrs={self.attrs!r})"
        )


def _checked_epoch(time: dt.datetime) -> float:
    """The epoch seconds of an aware datetime that every zone can show (see FIRST_EPOCH)."""
    if time.tzinfo is None:
        raise ValueError("Event.time must be timezone-aware")
    seconds = time.timestamp()
    if not FIRST_EPOCH <= seconds <= LAST_EPOCH:
        raise ValueError(f"Event time {time.isoformat()} is too near year 1 or year 9999")
    return seconds


@dataclass(slots=True)
class Skipped:
    """A source record that was not imported, and why. Reported, never silently dropped."""

    source: str
    position: str
    reason: str
