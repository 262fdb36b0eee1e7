"""Propose an incident's key moments from its merged events, each with evidence and a reason.

What the moments mean (the SRE reading, not a tool's):

``started``
    Impact began: the earliest sign of trouble in the unbroken run of symptoms (alerts, pages,
    metric crossings, Kubernetes warnings, errors logged in a burst, people reporting problems)
    that leads up to detection, with no gap longer than ``symptom_gap`` and no further back than
    ``symptom_reach``.
``detected``
    Someone or something that notifies people noticed: the first alert firing or page triggered,
    or a person's report of the problem when it came shortly before those (``report_lead``) or
    when there were none. With a page, an alert counts when it can have led to the page (still
    firing when it triggered, or named by it); an alert that cleared on its own followed by
    quiet (changes aside) is noise. Kubernetes warnings and metric crossings notify nobody, so
    they mark ``started``, not ``detected``.
``acknowledged``
    A person took it: the first page acknowledged after detection; without pages, the first
    person's message that takes the incident ("I have the pager", "looking"), else the first
    message by a person after detection.
``mitigated``
    Impact stopped, shown by the first completed mitigating action after detection: a rollback, a
    flag turned off,
    revert, a fix deployed, or a person reporting that errors dropped or the rollback completed.
    Plans and approvals ("proposing rollback", "go for rollback") do not count, nor does an
    action after which an alert or page of the incident soon fires again. Without any,
    the first successful deploy after detection; then the moment every metric that crossed its
    threshold is back, else every alert resolved (these lag behind the action that helped, so
    they come last); never later than the resolution.
``resolved``
    The incident was closed: all pages resolved, else all alerts resolved, else a person's
    message closing it ("resolving", "all clear").

When another incident's page came first and was over before the mitigation, while a later
page was still open, the moments are those of the later incident (see :func:`_page_left_open`).
Moments the document already states win: they are kept as written and the later proposals are
searched after them. When the chat has channels named for an incident (``inc-*``, ``incident-*``,
``sev*``), what people say elsewhere (#general) is not read as reports, acknowledgements or
resolutions. Searches forward from detection reach ``horizon`` (three days) at most, and
each event's wording is read only when a search reaches it, so a year of chat costs little.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from postmortems.timeline.cues import is_fix, is_incident_channel, is_revert, says_mitigated
from postmortems.timeline.event import Event, EventKind
from postmortems.timeline.signals import (
    Signal,
    carriers,
    is_bot,
    may_carry,
    not_production,
    signals,
)

MOMENT_NAMES: tuple[str, ...] = ("started", "detected", "acknowledged", "mitigated", "resolved")


@dataclass(frozen=True, slots=True)
class Moment:
    """A key moment: when, the event that supports it (if any) and why it was chosen."""

    name: str
    time: dt.datetime
    reason: str
    event: Event | None = None
    from_document: bool = False


@dataclass(frozen=True, slots=True)
class MomentSettings:
    """Tunable spans of the heuristics (see the module docstring)."""

    symptom_gap: dt.timedelta = dt.timedelta(minutes=15)
    symptom_reach: dt.timedelta = dt.timedelta(hours=2)
    report_lead: dt.timedelta = dt.timedelta(minutes=30)
    horizon: dt.timedelta = dt.timedelta(days=3)


@dataclass(frozen=True, slots=True)
class _Item:
    index: int
    event: Event
    time: dt.datetime
    signals: frozenset[Signal]


class _Items:
    """The merged events, searchable by time, with each event's signals read on first use.

    Searches bisect the events' epoch seconds; an event's datetime is built only when a search
    reaches it.
    """

    def __init__(self, events: Sequence[Event]) -> None:
        self.events = events
        self.epochs = [e.epoch for e in events]
        self._signals: list[frozenset[Signal] | None] = [None] * len(events)
        self.channels, self.remedies = _survey(events)
        self.elsewhere = _other_channels(self.channels)

    def __len__(self) -> int:
        return len(self.events)

    def item(self, n: int) -> _Item:
        found = self._signals[n]
        event = self.events[n]
        if found is None:
            found = signals(event)
            if found & _SPOKEN and event.attrs.get("channel") in self.elsewhere:
                found = found - _SPOKEN
            if (
                self.remedies
                and event.kind == EventKind.DEPLOY_SUCCEEDED
                and (event.source, _deployment(event)) in self.remedies
            ):
                found = found | {Signal.MITIGATION}
            self._signals[n] = found
        return _Item(n, event, _utc(event.time), found)

    def time(self, n: int) -> dt.datetime:
        return _utc(self.events[n].time)

    def lo(self, when: dt.datetime | None) -> int:
        return 0 if when is None else bisect.bisect_left(self.epochs, when.timestamp())

    def hi(self, when: dt.datetime | None) -> int:
        return (
            len(self.epochs) if when is None else bisect.bisect_right(self.epochs, when.timestamp())
        )

    def scan(
        self,
        wanted: frozenset[Signal] | None = None,
        after: dt.datetime | None = None,
        before: dt.datetime | None = None,
    ) -> Iterator[_Item]:
        """Items in ``[after, before]`` carrying any of ``wanted`` (any signal when ``None``)."""
        kinds = carriers(wanted) if wanted is not None else None
        events = self.events
        for n in range(self.lo(after), self.hi(before)):
            if kinds is not None and not may_carry(events[n], kinds):
                continue
            item = self.item(n)
            if item.signals and (wanted is None or item.signals & wanted):
                yield item


#: What only people say; read from incident channels when the export has any.
_SPOKEN = frozenset({Signal.REPORT, Signal.ACK, Signal.MITIGATION, Signal.RESOLUTION})


def _survey(
    events: Sequence[Event],
) -> tuple[frozenset[str], frozenset[tuple[str, str | int]]]:
    """One pass over the events for what reading any of them needs: the chat channels, and
    the deployments marked as a rollback or a fix."""
    channels: set[str] = set()
    remedies: set[tuple[str, str | int]] = set()
    message, deploys = EventKind.MESSAGE, _DEPLOY_KINDS
    for e in events:
        kind = e.kind
        if kind == message:
            name = e.attrs.get("channel")
            if isinstance(name, str):
                channels.add(name)
        elif kind in deploys and (
            (e.attrs.get("rollback") or is_revert(e.text) or is_fix(e.text))
            and (deployment := _deployment(e)) is not None
            and not not_production(e)
        ):
            remedies.add((e.source, deployment))
    return frozenset(channels), frozenset(remedies)


def _deployment(event: Event) -> str | int | None:
    """The deployment an event belongs to (an id as importers write it), if any."""
    value = event.attrs.get("deployment_id")
    return value if isinstance(value, str | int) and not isinstance(value, bool) else None


#: Deployments some event marks as a rollback or a fix: their success in production is a
#: mitigation even when its own text says only "success" (GitHub's statuses, listed by another
#: API call, or a hotfix named only in the deployment's description).
_DEPLOY_KINDS = frozenset({EventKind.DEPLOY_STARTED, EventKind.DEPLOY_SUCCEEDED})


def _other_channels(channels: frozenset[str]) -> frozenset[str]:
    """Chat channels to not read people's words from: when some channels are named for an
    incident (``inc-orders``), the others (#general, #random) are chatter, not the response."""
    incident = {name for name in channels if is_incident_channel(name)}
    return frozenset(channels - incident) if incident else frozenset()


def _utc(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo is dt.UTC else when.astimezone(dt.UTC)


def propose_moments(
    events: Sequence[Event],
    known: Mapping[str, dt.datetime | None] | None = None,
    settings: MomentSettings | None = None,
) -> dict[str, Moment | None]:
    """Propose every key moment from ``events`` (sorted by time, as :func:`merge` returns them).

    Args:
        events: The merged timeline.
        known: Moments the document already states; they are returned as they are.
        settings: Spans the heuristics use.

    Returns:
        Moment name -> :class:`Moment`, or ``None`` when nothing supports one.
    """
    settings = settings or MomentSettings()
    items = _Items(events)
    known = known or {}
    result: dict[str, Moment | None] = {}

    def given(name: str) -> Moment | None:
        when = known.get(name)
        if when is None:
            return None
        when = when.astimezone(dt.UTC)
        second = when.replace(microsecond=0)
        lo = items.lo(second)
        hi = items.lo(second + dt.timedelta(seconds=1))
        support = next((items.item(n) for n in range(lo, hi) if items.item(n).signals), None)
        if support is None and lo < hi:
            support = items.item(lo)
        event = support.event if support else None
        return Moment(name, when, "stated in the document", event, from_document=True)

    for name in MOMENT_NAMES:
        result[name] = given(name)
    stated = dict(result)
    floor = result["started"].time if result["started"] else None
    found = _propose(items, result, floor, settings)
    if not any(stated.values()) and found["detected"] and found["mitigated"]:
        # Two incidents in one window (another team's page first): the one under review is
        # the one its mitigation ended, so the moments are proposed again from its page.
        later = _page_left_open(items, found["detected"], found["mitigated"], settings)
        if later is not None:
            # What people say in the other incident's channel is not this incident's response.
            focused = _Items(events)
            channel = _busiest_channel(items, later.time, found["mitigated"].time)
            if channel is not None:
                focused.elsewhere = focused.elsewhere | (focused.channels - {channel})
            floor = later.time - settings.report_lead
            found = _propose(focused, dict(stated), floor, settings)
    return found


def _busiest_channel(items: _Items, start: dt.datetime, end: dt.datetime) -> str | None:
    """The incident channel where people wrote most between ``start`` and ``end``."""
    counts: dict[str, int] = {}
    for n in range(items.lo(start), items.hi(end)):
        event = items.events[n]
        name = event.attrs.get("channel")
        if (
            event.kind == EventKind.MESSAGE
            and isinstance(name, str)
            and is_incident_channel(name)
            and not is_bot(event)
        ):
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None


def _propose(
    items: _Items,
    result: dict[str, Moment | None],
    floor: dt.datetime | None,
    settings: MomentSettings,
) -> dict[str, Moment | None]:
    if result["detected"] is None:
        result["detected"] = _detected(items, floor, settings)
    if result["started"] is None and result["detected"] is not None:
        result["started"] = _started(items, result["detected"], settings)
    if result["started"] is None and result["detected"] is None:
        return result
    anchor = _anchor(result)
    limit = anchor + settings.horizon
    if result["acknowledged"] is None:
        result["acknowledged"] = _acknowledged(items, anchor, limit, result["detected"])
    if result["mitigated"] is None:
        result["mitigated"] = _mitigated(items, anchor, limit, settings)
    if result["resolved"] is None:
        after = result["mitigated"].time if result["mitigated"] else anchor
        result["resolved"] = _resolved(items, anchor, after, limit, settings)
    if result["mitigated"] is None:
        result["mitigated"] = _recovered(items, anchor, limit, settings, result["resolved"])
    return result


def _page_left_open(
    items: _Items, detected: Moment, mitigated: Moment, settings: MomentSettings
) -> _Item | None:
    """A later page when the detected one was over before the mitigation: the first page
    triggered after detection (for another incident than the pages detection led to) that is
    still open when the mitigation completes, while every page detection led to is closed."""
    pages = frozenset({Signal.PAGE_TRIGGERED, Signal.PAGE_RESOLVED})
    led = detected.time + settings.report_lead
    detected_keys: set[tuple[str, str]] = set()
    opened: dict[tuple[str, str], _Item] = {}
    open_now: set[tuple[str, str]] = set()
    for item in items.scan(pages, detected.time, mitigated.time):
        key = _key(item.event)
        if Signal.PAGE_TRIGGERED in item.signals:
            if item.time <= led and not opened:
                detected_keys.add(key)
            opened.setdefault(key, item)
            open_now.add(key)
        else:
            open_now.discard(key)
    if not detected_keys or detected_keys & open_now:
        return None
    later = [opened[key] for key in open_now if key not in detected_keys]
    return min(later, key=lambda i: i.time) if later else None


def _anchor(found: Mapping[str, Moment | None]) -> dt.datetime:
    moment = found["detected"] or found["started"]
    assert moment is not None
    return moment.time


def _first(
    items: _Items,
    wanted: Signal | set[Signal],
    after: dt.datetime | None = None,
    before: dt.datetime | None = None,
    where: Callable[[_Item], bool] | None = None,
) -> _Item | None:
    want = frozenset({wanted} if isinstance(wanted, Signal) else wanted)
    for item in items.scan(want, after, before):
        if where is None or where(item):
            return item
    return None


def _moment(name: str, item: _Item, reason: str) -> Moment:
    # Moments are stated to the second, as postmortems state them; the event keeps its fraction.
    return Moment(name, item.time.replace(microsecond=0), reason, item.event)


def _detected(items: _Items, floor: dt.datetime | None, settings: MomentSettings) -> Moment | None:
    def not_blip(item: _Item) -> bool:
        return not _is_blip(items, item, settings.symptom_gap, settings.horizon)

    wanted = {Signal.PAGE_TRIGGERED, Signal.ALERT_FIRING, Signal.REPORT}
    # When there is nothing but blips, the blip is all there is to go on.
    skip_blips = _first(items, wanted, after=floor, where=not_blip) is not None

    def real(item: _Item) -> bool:
        return not skip_blips or not_blip(item)

    page = _first(items, Signal.PAGE_TRIGGERED, after=floor, where=real)
    if page is not None:
        # The page is the incident people were called for; an alert counts when it led to it.
        lead = page.time - settings.report_lead
        after = max(lead, floor or lead)
        paged = page

        def led_to_page(item: _Item) -> bool:
            return real(item) and _notified(item) and _led_to(items, item, paged)

        alert = _first(items, Signal.ALERT_FIRING, after=after, before=page.time, where=led_to_page)
    else:
        # No page: an alert that notified someone, with more signs of trouble following it;
        # one followed by quiet (a certificate expiring in 13 days, firing all afternoon) is
        # not what people responded to when they reported the problem later.
        def heard(item: _Item) -> bool:
            return real(item) and _notified(item) and not _quiet_after(items, item, settings)

        alert = _first(items, Signal.ALERT_FIRING, after=floor, where=heard)
        if alert is None and _first(items, Signal.REPORT, after=floor) is None:
            alert = _first(items, Signal.ALERT_FIRING, after=floor, where=real)
    strong = min((i for i in (page, alert) if i is not None), key=lambda i: i.time, default=None)
    if strong is not None:
        lead = strong.time - settings.report_lead
        report = _first(items, Signal.REPORT, after=max(lead, floor or lead), before=strong.time)
        if report is not None and report.time < strong.time:
            return _moment("detected", report, "a person reported the problem before any alert")
        if strong is page and (alert is None or page.time <= alert.time):
            return _moment("detected", page, "first page triggered")
        return _moment("detected", strong, "first alert firing")
    report = _first(items, Signal.REPORT, after=floor)
    if report is not None:
        return _moment("detected", report, "first report of the problem (no alert or page)")
    symptom = _first(items, Signal.SYMPTOM, after=floor)
    if symptom is not None:
        return _moment("detected", symptom, "first symptom (no alert, page or report found)")
    return None


_OPENS = {Signal.ALERT_FIRING: Signal.ALERT_RESOLVED, Signal.PAGE_TRIGGERED: Signal.PAGE_RESOLVED}


def _notified(item: _Item) -> bool:
    """Whether an alert told anyone: a silenced or inhibited one did not."""
    attrs = item.event.attrs
    return not (
        attrs.get("silenced_by") or attrs.get("inhibited_by") or attrs.get("state") == "suppressed"
    )


def _quiet_after(items: _Items, item: _Item, settings: MomentSettings) -> bool:
    """Whether nothing else went wrong (and nobody spoke of trouble) for ``symptom_gap`` after
    ``item``: changes aside, no signal from anything but the alert itself."""
    key = _key(item.event)
    for n in range(item.index + 1, len(items)):
        if items.time(n) - item.time > settings.symptom_gap:
            return True
        other = items.item(n)
        if other.signals - _BARE_CHANGE and _key(other.event) != key:
            return False
    return False  # nothing after it at all: the data ends with it


def _led_to(items: _Items, alert: _Item, page: _Item) -> bool:
    """Whether ``alert`` can have led to ``page``: it was still firing when the page triggered,
    or the page names it. An alert that cleared before the page and that the page does not name
    is something else (another team's alert firing and clearing minutes before)."""
    name = _alert_name(alert.event)
    if name and name.lower() in page.event.text.lower():
        return True
    key, closing = _key(alert.event), frozenset({Signal.ALERT_RESOLVED})
    return not any(
        _key(i.event) == key for i in items.scan(closing, alert.time, page.time) if i is not alert
    )


def _alert_name(event: Event) -> str | None:
    for name in ("alertname", "alert_name", "alertName", "rule"):
        value = event.attrs.get(name)
        if isinstance(value, str) and value:
            return value
    return None


def _is_blip(items: _Items, item: _Item, gap: dt.timedelta, horizon: dt.timedelta) -> bool:
    """An alert or page that cleared on its own, with nothing else happening for ``gap`` after.

    An alert that fires and resolves before anyone responds, followed by quiet, is noise from
    before the incident (a disk filling on a build runner), not its detection. Changes (commits,
    deploys, rollouts) do not break the quiet: they are not signs of trouble.
    """
    opened = next((s for s in _OPENS if s in item.signals), None)
    if opened is None:
        return False
    key, closing = _key(item.event), frozenset({_OPENS[opened]})
    end = next(
        (i for i in items.scan(closing, item.time, item.time + horizon) if _key(i.event) == key),
        None,
    )
    if end is None:
        return False
    for n in range(item.index + 1, end.index):
        other = items.item(n)
        if other.signals - _BARE_CHANGE and _key(other.event) != key:
            return False  # something else happened meanwhile: part of the incident
    for n in range(end.index + 1, len(items)):
        other = items.item(n)
        if other.time - end.time > gap:
            return True
        if other.signals - _BARE_CHANGE and _key(other.event) != key:
            return False
    return True


#: A change on its own (a commit, a rollout) says nothing about whether an alert mattered: the
#: more sources a timeline merges, the more changes fall near any alert.
_BARE_CHANGE = frozenset({Signal.CHANGE})


_IMPACT = frozenset({Signal.ALERT_FIRING, Signal.PAGE_TRIGGERED, Signal.SYMPTOM, Signal.REPORT})


def _started(items: _Items, detected: Moment, settings: MomentSettings) -> Moment:
    limit = detected.time - settings.symptom_reach
    earliest: _Item | None = None
    edge = detected.time
    kinds = carriers(_IMPACT)
    for n in range(items.hi(detected.time) - 1, -1, -1):
        when = items.time(n)
        if when < limit or edge - when > settings.symptom_gap:
            break
        if not may_carry(items.events[n], kinds):
            continue
        item = items.item(n)
        if item.signals & _IMPACT:
            if item.event.kind == EventKind.LOG_ERROR and not _in_burst(items, n):
                continue  # a service's everyday errors, not the incident's
            if _over_before(items, item, detected):
                continue  # another alert, fired and cleared before this one was detected
            earliest = item
            edge = item.time
    if earliest is None or earliest.time >= detected.time:
        return Moment(
            "started",
            detected.time,
            "no earlier sign of impact; taken to start at detection",
            detected.event,
        )
    what = earliest.event.kind.replace("-", " ")
    return _moment("started", earliest, f"earliest sign of impact leading up to detection ({what})")


def _over_before(items: _Items, item: _Item, detected: Moment) -> bool:
    """Whether ``item`` is an alert or page (not the detected one's) that cleared before
    detection: something else that was over before anyone was told of this incident."""
    opened = next((s for s in _OPENS if s in item.signals), None)
    if opened is None:
        return False
    key = _key(item.event)
    if detected.event is not None and _key(detected.event) == key:
        return False  # the same alert flapping before it was detected
    closing = frozenset({_OPENS[opened]})
    return any(
        _key(i.event) == key
        for i in items.scan(closing, item.time, detected.time)
        if i.index > item.index
    )


#: Logged errors mark impact only in a burst: at least ``_BURST`` within ``_BURST_SPAN`` of one.
_BURST = 3
_BURST_SPAN = 300.0


def _in_burst(items: _Items, n: int) -> bool:
    """Whether the error logged at ``n`` is one of a burst (a service logs some errors every
    day; an incident logs many at once)."""
    epoch = items.epochs[n]
    lo = bisect.bisect_left(items.epochs, epoch - _BURST_SPAN)
    hi = bisect.bisect_right(items.epochs, epoch + _BURST_SPAN)
    errors = sum(1 for m in range(lo, hi) if items.events[m].kind == EventKind.LOG_ERROR)
    return errors >= _BURST


def _acknowledged(
    items: _Items, anchor: dt.datetime, limit: dt.datetime, detected: Moment | None
) -> Moment | None:
    page = _first(items, Signal.PAGE_ACKNOWLEDGED, after=anchor, before=limit)
    if page is not None:
        return _moment("acknowledged", page, "first page acknowledged after detection")

    def by_person(item: _Item) -> bool:
        return item.event.kind == EventKind.MESSAGE and not is_bot(item.event)

    taken = _first(items, Signal.ACK, after=anchor, before=limit, where=by_person)
    if taken is not None:
        return _moment("acknowledged", taken, "first responder taking the incident")
    for n in range(items.lo(anchor), items.hi(limit)):
        event = items.events[n]
        if event.kind == EventKind.MESSAGE and not is_bot(event):
            if detected is not None and event is detected.event:
                continue
            return _moment("acknowledged", items.item(n), "first responder message after detection")
    return None


def _mitigated(
    items: _Items, anchor: dt.datetime, limit: dt.datetime, settings: MomentSettings
) -> Moment | None:
    since = anchor - settings.symptom_reach

    def held(item: _Item) -> bool:
        return not _came_back(items, item, since, settings.symptom_gap)

    # The earliest completion claimed: a message edited to add it ("rolling back now (edit:
    # rolled back)") claims it when it was edited, so a later-posted action may come first.
    action: _Item | None = None
    claimed = limit
    for item in items.scan(frozenset({Signal.MITIGATION}), anchor, limit):
        if item.time > claimed:
            break
        when = _claimed_at(item)
        if when < claimed and held(item):
            action, claimed = item, when
    if action is not None:
        action = _rollout_end(items, action)
        claimed = max(claimed, action.time)
        moment = _moment("mitigated", action, _mitigation_reason(action.event))
        if claimed > action.time:
            when = claimed.replace(microsecond=0)
            return Moment("mitigated", when, moment.reason + " (said in an edit)", action.event)
        return moment
    deploy = _first(
        items,
        Signal.CHANGE,
        after=anchor,
        before=limit,
        where=lambda i: (
            i.event.kind == EventKind.DEPLOY_SUCCEEDED and not not_production(i.event) and held(i)
        ),
    )
    if deploy is not None:
        return _moment("mitigated", deploy, "first successful deploy after detection")
    return None


_REOPENS = frozenset({Signal.ALERT_FIRING, Signal.PAGE_TRIGGERED})
_CLOSES = frozenset({Signal.ALERT_RESOLVED, Signal.PAGE_RESOLVED})


def _came_back(items: _Items, action: _Item, since: dt.datetime, settle: dt.timedelta) -> bool:
    """Whether the trouble came back after ``action``: an alert or page of the incident (opened
    from ``since`` on) firing again within ``settle`` of the action, or of its own clearing
    after the action. A "looks like a blip" before the alert fires again, or a revert whose
    apply failed, did not stop the impact."""
    keys = {
        _key(i.event) for i in items.scan(_REOPENS, since, action.time) if i.index < action.index
    }
    if not keys:
        return False
    cleared: dict[tuple[str, str], dt.datetime] = {}
    for item in items.scan(_REOPENS | _CLOSES, action.time, action.time + 2 * settle):
        if item.index <= action.index:
            continue
        key = _key(item.event)
        if key not in keys:
            continue
        if item.signals & _CLOSES:
            cleared[key] = item.time
        elif item.time - cleared.get(key, action.time) <= settle:
            return True
    return False


def _rollout_end(items: _Items, step: _Item, gap: float = 300.0) -> _Item:
    """The last step of the Kubernetes rollback ``step`` begins (the same object's rollback
    events, each within ``gap`` seconds of the one before): a rollback is complete when its
    last old pod is gone, not when its first restored pod was created."""
    event = step.event
    target = event.attrs.get("object")
    if event.kind != EventKind.ROLLBACK or not isinstance(target, str):
        return step
    last = step
    for n in range(step.index + 1, len(items)):
        other = items.events[n]
        if other.epoch - last.event.epoch > gap:
            break
        if (
            other.kind == EventKind.ROLLBACK
            and other.source == event.source
            and other.attrs.get("object") == target
        ):
            last = items.item(n)
    return last


#: An edit marked in a message's text ("(edit: rolled back)", "UPDATE: done").
_EDIT_MARK = re.compile(r"\b(edit(ed)?|update[d]?|upd)\s*:", re.IGNORECASE)


def _claimed_at(item: _Item) -> dt.datetime:
    """When a message claimed what it says: its edit time when the claim comes after an edit
    marker and the message before it claims nothing (a plan edited into a report), else when
    it was posted."""
    event = item.event
    edited = event.attrs.get("edited_ts")
    if event.kind != EventKind.MESSAGE or not edited:
        return item.time
    mark = _EDIT_MARK.search(event.text)
    if mark is None or says_mitigated(event.text[: mark.start()]):
        return item.time
    try:
        when = dt.datetime.fromtimestamp(float(edited), dt.UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return item.time
    return max(item.time, when)


def _recovered(
    items: _Items,
    anchor: dt.datetime,
    limit: dt.datetime,
    settings: MomentSettings,
    resolved: Moment | None,
) -> Moment | None:
    """Without a mitigating action: when every metric that crossed is back, else when every
    alert resolved; never after the resolution, which is the last resort."""
    since = anchor - settings.symptom_reach
    found = _all_closed(
        items,
        since,
        anchor,
        limit,
        Signal.SYMPTOM,
        Signal.RECOVERED,
        EventKind.METRIC_CROSSING,
        settings.symptom_gap,
    )
    reason = "every metric that crossed its threshold recovered"
    if found is None:
        alerts = (Signal.ALERT_FIRING, Signal.ALERT_RESOLVED)
        found = _all_closed(items, since, anchor, limit, *alerts, None, settings.symptom_gap)
        reason = "every alert resolved (no mitigating action found)"
    if found is not None and (resolved is None or found.time <= resolved.time):
        return _moment("mitigated", found, reason)
    if resolved is not None:
        return Moment(
            "mitigated",
            resolved.time,
            "no separate mitigation found; impact taken to end at resolution",
            resolved.event,
        )
    return None


def _mitigation_reason(event: Event) -> str:
    kind = event.kind
    if kind == EventKind.ROLLBACK:
        return "rollback after detection"
    if kind == EventKind.COMMIT:
        return "revert committed after detection"
    if kind == EventKind.DEPLOY_SUCCEEDED:
        return "rollback or fix deployed after detection"
    if kind == EventKind.MESSAGE:
        return "responder reports the mitigation completed or impact stopped"
    if kind == EventKind.CONFIG_CHANGE:
        return "configuration change after detection that turns off, undoes or adds capacity"
    return "mitigating action completed after detection"


def _resolved(
    items: _Items,
    anchor: dt.datetime,
    after: dt.datetime,
    limit: dt.datetime,
    settings: MomentSettings,
) -> Moment | None:
    since = anchor - settings.symptom_reach
    pages = (Signal.PAGE_TRIGGERED, Signal.PAGE_RESOLVED)
    closed = _all_closed(items, since, after, limit, *pages, None, settings.symptom_gap)
    if closed is not None:
        return _moment("resolved", closed, "all pages resolved")
    alerts = (Signal.ALERT_FIRING, Signal.ALERT_RESOLVED)
    closed = _all_closed(items, since, after, limit, *alerts, None, settings.symptom_gap)
    if closed is not None:
        return _moment("resolved", closed, "all alerts resolved")
    said = _first(items, Signal.RESOLUTION, after=after, before=limit)
    if said is not None:
        return _moment("resolved", said, "responder closes the incident")
    return None


def _key(event: Event) -> tuple[str, str]:
    attrs = event.attrs
    # The id before the title: PagerDuty writes the incident's summary on some log entries
    # only, and a title can be edited while the incident is open.
    for name in ("incident_id", "incident", "alert", "alertname", "alias", "fingerprint", "series"):
        value = attrs.get(name)
        if value:
            return (event.source, str(value))
    return (event.source, "")


_NUMBERS = re.compile(r"\[?#\d+\]?:?")


def _trouble(event: Event) -> str:
    """What an alert or page is about, whatever its number: PagerDuty's ``[#2231] Flood`` and
    ``[#2232] Flood`` are the same alert paging again."""
    return " ".join(_NUMBERS.sub(" ", event.text).lower().split())


def _copied(items: _Items, item: _Item, opened: Signal, closers: set[str]) -> bool:
    """Whether a source that records closings opened the same thing: within two minutes of
    ``item``, or under the same number (``#5230``) within the hour. ``item`` is then a copy of
    it (a chat app relaying the page)."""
    near, far = dt.timedelta(minutes=2), dt.timedelta(hours=1)
    numbers = set(_NUMBER.findall(item.event.text))
    for other in items.scan(frozenset({opened}), item.time - far, item.time + far):
        if other.event.source not in closers:
            continue
        if abs(other.time - item.time) <= near or numbers & set(_NUMBER.findall(other.event.text)):
            return True
    return False


_NUMBER = re.compile(r"#(\d+)\b")


def _all_closed(
    items: _Items,
    since: dt.datetime,
    after: dt.datetime,
    limit: dt.datetime,
    opened: Signal,
    closed: Signal,
    opening_kind: str | None = None,
    settle: dt.timedelta = dt.timedelta(minutes=15),
) -> _Item | None:
    """The closing event in ``[after, limit]`` that leaves nothing of its kind open for good.

    What was opened from ``since`` on counts (only events of ``opening_kind`` when given); keys
    come from the event's attributes (incident id, alert name, metric series). A closing event
    whose opening lies before ``since`` closes what it can. An all-clear followed within
    ``settle`` by the same trouble opening again (a flapping alert, the same alert paging
    again under a new incident, any series crossing again) was not the end, so the search goes
    on to the next one; another alert or page opening then leaves the all-clear standing.
    """
    open_keys: set[tuple[str, str]] = set()
    seen: set[object] = set()
    clear: _Item | None = None
    # A source that records no closing at all cannot say when what it opened ended: its
    # openings without an id (a hand-kept sheet's "Page" row copying the pager's), and its
    # copies of another source's openings (the PagerDuty app's "Triggered #5230" in chat), are
    # followed through the sources that do.
    closers = {item.event.source for item in items.scan(frozenset({closed}), since, limit)}
    for item in items.scan(frozenset({opened, closed}), since, limit):
        if opened in item.signals:
            if opening_kind is not None and item.event.kind != opening_kind:
                continue
            key = _key(item.event)
            if (
                closers
                and key[0] not in closers
                and (not key[1] or _copied(items, item, opened, closers))
            ):
                continue
            if clear is not None:
                # An alert or page says the all-clear was not the end only when it is the same
                # trouble again: something else paging minutes later (a cron heartbeat) is not
                # this incident. Any metric crossing again is (another region's series).
                other = opening_kind is None and not {key, _trouble(item.event)} & seen
                if item.time - clear.time > settle or other:
                    return clear
                clear = None
            open_keys.add(key)
            seen.update((key, _trouble(item.event)))
        elif closed in item.signals:
            open_keys.discard(_key(item.event))
            if item.time >= after and not open_keys and clear is None:
                clear = item
    return clear
