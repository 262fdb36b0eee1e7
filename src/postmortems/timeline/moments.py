"""Propose an incident's key moments from its merged events, each with evidence and a reason.

What the moments mean (the SRE reading, not a tool's):

``started``
    Impact began: the earliest sign of trouble in the unbroken run of symptoms (alerts, pages,
    metric crossings, Kubernetes warnings, people reporting problems) that leads up to detection,
    with no gap longer than ``symptom_gap`` and no further back than ``symptom_reach``.
``detected``
    Someone or something that notifies people noticed: the first alert firing or page triggered,
    or a person's report of the problem when it came shortly before those (``report_lead``) or
    when there were none. Kubernetes warnings and metric crossings notify nobody, so they mark
    ``started``, not ``detected``.
``acknowledged``
    A person took it: the first page acknowledged after detection; without pages, the first
    person's message that takes the incident ("I have the pager", "looking"), else the first
    message by a person after detection.
``mitigated``
    Impact stopped, shown by the first completed mitigating action after detection: a rollback, a
    revert, a fix deployed, or a person reporting that errors dropped or the rollback completed.
    Plans and approvals ("proposing rollback", "go for rollback") do not count. Without any,
    the first successful deploy after detection, then the first metric recovery or alert
    resolution (these lag behind the action that helped, so they come last).
``resolved``
    The incident was closed: all pages resolved, else all alerts resolved, else a person's
    message closing it ("resolving", "all clear").

Moments the document already states win: they are kept as written and the later proposals are
searched after them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from postmortems.timeline.event import Event, EventKind
from postmortems.timeline.signals import Signal, is_bot, signals

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


@dataclass(frozen=True, slots=True)
class _Item:
    event: Event
    time: dt.datetime
    signals: frozenset[Signal]


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
    items = [_Item(e, e.time.astimezone(dt.UTC), signals(e)) for e in events]
    items = [i for i in items if i.signals]
    known = known or {}
    result: dict[str, Moment | None] = {}

    def given(name: str) -> Moment | None:
        when = known.get(name)
        if when is None:
            return None
        when = when.astimezone(dt.UTC)
        second = when.replace(microsecond=0)
        support = next((i.event for i in items if i.time.replace(microsecond=0) == second), None)
        return Moment(name, when, "stated in the document", support, from_document=True)

    for name in MOMENT_NAMES:
        result[name] = given(name)

    if result["detected"] is None:
        floor = result["started"].time if result["started"] else None
        result["detected"] = _detected(items, floor, settings)
    if result["started"] is None and result["detected"] is not None:
        result["started"] = _started(items, result["detected"], settings)
    if result["started"] is None and result["detected"] is None:
        return result
    anchor = _anchor(result)
    if result["acknowledged"] is None:
        result["acknowledged"] = _acknowledged(items, anchor, result["detected"])
    if result["mitigated"] is None:
        result["mitigated"] = _mitigated(items, anchor)
    if result["resolved"] is None:
        after = result["mitigated"].time if result["mitigated"] else anchor
        result["resolved"] = _resolved(items, anchor, after)
    if result["mitigated"] is None and result["resolved"] is not None:
        result["mitigated"] = Moment(
            "mitigated",
            result["resolved"].time,
            "no separate mitigation found; impact taken to end at resolution",
            result["resolved"].event,
        )
    return result


def _anchor(found: Mapping[str, Moment | None]) -> dt.datetime:
    moment = found["detected"] or found["started"]
    assert moment is not None
    return moment.time


def _first(
    items: Sequence[_Item],
    wanted: Signal | set[Signal],
    after: dt.datetime | None = None,
    before: dt.datetime | None = None,
    where: Callable[[_Item], bool] | None = None,
) -> _Item | None:
    want = {wanted} if isinstance(wanted, Signal) else wanted
    for item in items:
        if after is not None and item.time < after:
            continue
        if before is not None and item.time > before:
            break
        if item.signals & want and (where is None or where(item)):
            return item
    return None


def _moment(name: str, item: _Item, reason: str) -> Moment:
    # Moments are stated to the second, as postmortems state them; the event keeps its fraction.
    return Moment(name, item.time.replace(microsecond=0), reason, item.event)


def _detected(
    items: Sequence[_Item], floor: dt.datetime | None, settings: MomentSettings
) -> Moment | None:
    blips = _blips(items, settings.symptom_gap)

    def real(item: _Item) -> bool:
        return id(item) not in blips

    wanted = {Signal.PAGE_TRIGGERED, Signal.ALERT_FIRING, Signal.REPORT}
    if blips and _first(items, wanted, after=floor, where=real) is None:
        # Nothing but blips: then the blip is all there is to go on.
        blips = set()

    page = _first(items, Signal.PAGE_TRIGGERED, after=floor, where=real)
    alert = _first(items, Signal.ALERT_FIRING, after=floor, where=real)
    if page is not None:
        # The page is the incident people were called for; an alert counts when it led to it.
        lead = page.time - settings.report_lead
        early = _first(
            items, Signal.ALERT_FIRING, after=max(lead, floor or lead), before=page.time, where=real
        )
        if early is not None:
            alert = early
        elif alert is not None and alert.time < page.time:
            alert = None
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


def _blips(items: Sequence[_Item], gap: dt.timedelta) -> set[int]:
    """Alerts and pages that cleared on their own, with nothing else happening for ``gap`` after.

    An alert that fires and resolves before anyone responds, followed by quiet, is noise from
    before the incident (a disk filling on a build runner), not its detection.
    """
    blips: set[int] = set()
    for n, item in enumerate(items):
        opened = next((s for s in _OPENS if s in item.signals), None)
        if opened is None:
            continue
        key, closing = _key(item.event), _OPENS[opened]
        ends = next(
            (
                m
                for m in range(n + 1, len(items))
                if closing in items[m].signals and _key(items[m].event) == key
            ),
            None,
        )
        if ends is None:
            continue
        own = {id(items[m]) for m in range(n, ends + 1) if _key(items[m].event) == key}
        between = [i for i in items[n : ends + 1] if id(i) not in own]
        if between:
            continue
        after = next((i for i in items[ends + 1 :] if id(i) not in own), None)
        if after is None or after.time - items[ends].time > gap:
            blips.add(id(item))
    return blips


_IMPACT = {Signal.ALERT_FIRING, Signal.PAGE_TRIGGERED, Signal.SYMPTOM, Signal.REPORT}


def _started(items: Sequence[_Item], detected: Moment, settings: MomentSettings) -> Moment:
    limit = detected.time - settings.symptom_reach
    earliest: _Item | None = None
    edge = detected.time
    for item in reversed(items):
        if item.time > detected.time:
            continue
        if item.time < limit or edge - item.time > settings.symptom_gap:
            break
        if item.signals & _IMPACT:
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


def _acknowledged(
    items: Sequence[_Item], anchor: dt.datetime, detected: Moment | None
) -> Moment | None:
    page = _first(items, Signal.PAGE_ACKNOWLEDGED, after=anchor)
    if page is not None:
        return _moment("acknowledged", page, "first page acknowledged after detection")

    def by_person(item: _Item) -> bool:
        return item.event.kind == EventKind.MESSAGE and not is_bot(item.event)

    taken = _first(items, Signal.ACK, after=anchor, where=by_person)
    if taken is not None:
        return _moment("acknowledged", taken, "first responder taking the incident")
    for item in items:
        if item.time >= anchor and by_person(item):
            if detected is not None and item.event is detected.event:
                continue
            return _moment("acknowledged", item, "first responder message after detection")
    return None


def _mitigated(items: Sequence[_Item], anchor: dt.datetime) -> Moment | None:
    action = _first(items, Signal.MITIGATION, after=anchor)
    if action is not None:
        return _moment("mitigated", action, _mitigation_reason(action.event))
    deploy = _first(
        items,
        Signal.CHANGE,
        after=anchor,
        where=lambda i: i.event.kind == EventKind.DEPLOY_SUCCEEDED,
    )
    if deploy is not None:
        return _moment("mitigated", deploy, "first successful deploy after detection")
    recovered = _first(items, {Signal.RECOVERED, Signal.ALERT_RESOLVED}, after=anchor)
    if recovered is not None:
        what = "metric recovered" if Signal.RECOVERED in recovered.signals else "alert resolved"
        return _moment("mitigated", recovered, f"first {what} after detection")
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
    return "mitigating action completed after detection"


def _resolved(items: Sequence[_Item], anchor: dt.datetime, after: dt.datetime) -> Moment | None:
    closed = _all_closed(items, anchor, after, Signal.PAGE_TRIGGERED, Signal.PAGE_RESOLVED)
    if closed is not None:
        return _moment("resolved", closed, "all pages resolved")
    closed = _all_closed(items, anchor, after, Signal.ALERT_FIRING, Signal.ALERT_RESOLVED)
    if closed is not None:
        return _moment("resolved", closed, "all alerts resolved")
    said = _first(items, Signal.RESOLUTION, after=after)
    if said is not None:
        return _moment("resolved", said, "responder closes the incident")
    return None


def _key(event: Event) -> tuple[str, str]:
    attrs = event.attrs
    for name in ("incident", "incident_id", "alert", "alertname", "alias", "fingerprint"):
        value = attrs.get(name)
        if value:
            return (event.source, str(value))
    return (event.source, "")


def _all_closed(
    items: Sequence[_Item],
    anchor: dt.datetime,
    after: dt.datetime,
    opened: Signal,
    closed: Signal,
) -> _Item | None:
    """The first closing event at or after ``after`` that leaves nothing of its kind open.

    Keys come from the event's attributes (incident id, alert name); a closing event whose
    opening lies before the window closes what it can and counts.
    """
    open_keys: set[tuple[str, str]] = set()
    for item in items:
        if opened in item.signals:
            open_keys.add(_key(item.event))
        elif closed in item.signals:
            open_keys.discard(_key(item.event))
            if item.time >= after and item.time >= anchor and not open_keys:
                return item
    return None
