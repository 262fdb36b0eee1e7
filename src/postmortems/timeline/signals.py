"""What each event tells about the course of an incident, whatever tool recorded it.

Importers say what a record is (``kind``); this module says what it means for the key moments.
Structured kinds map directly (a page acknowledged is an acknowledgement). Free text (chat
messages, page notes, dashboard annotations) is read with :mod:`postmortems.timeline.cues`, and
only a person's message can report a problem, take the incident or announce its end: bots repeat
alerts and deploys, which count as such.
"""

from __future__ import annotations

import re
from enum import StrEnum

from postmortems.timeline import cues
from postmortems.timeline.event import Event, EventKind


class Signal(StrEnum):
    """A meaning an event can carry; one event may carry several."""

    ALERT_FIRING = "alert-firing"
    ALERT_RESOLVED = "alert-resolved"
    PAGE_TRIGGERED = "page-triggered"
    PAGE_ACKNOWLEDGED = "page-acknowledged"
    PAGE_RESOLVED = "page-resolved"
    #: A machine-observed sign of impact: a metric crossing, a Kubernetes warning, a failing probe,
    #: an error logged.
    SYMPTOM = "symptom"
    #: A metric back on the good side of its threshold.
    RECOVERED = "recovered"
    #: A person saying something is wrong.
    REPORT = "report"
    #: A person taking the incident.
    ACK = "ack"
    #: A mitigating action finished, or a person saying impact stopped.
    MITIGATION = "mitigation"
    #: A person closing the incident.
    RESOLUTION = "resolution"
    #: A change to the system: deploy, commit, configuration, rollout.
    CHANGE = "change"


_K = EventKind
_DIRECT: dict[str, Signal] = {
    _K.ALERT_FIRING: Signal.ALERT_FIRING,
    _K.ALERT_RESOLVED: Signal.ALERT_RESOLVED,
    _K.PAGE_TRIGGERED: Signal.PAGE_TRIGGERED,
    _K.PAGE_ACKNOWLEDGED: Signal.PAGE_ACKNOWLEDGED,
    _K.PAGE_RESOLVED: Signal.PAGE_RESOLVED,
    _K.K8S_WARNING: Signal.SYMPTOM,
    _K.METRIC_CROSSING: Signal.SYMPTOM,
    _K.LOG_ERROR: Signal.SYMPTOM,
    _K.METRIC_RECOVERED: Signal.RECOVERED,
    _K.CONFIG_CHANGE: Signal.CHANGE,
    _K.DEPLOY_STARTED: Signal.CHANGE,
    _K.DEPLOY_FAILED: Signal.CHANGE,
    _K.DEPLOY_SUCCEEDED: Signal.CHANGE,
    _K.COMMIT: Signal.CHANGE,
}

_ROLLOUT = re.compile(r"scal(ed|ing) (up|down) replica ?set|rollout|rolling update|new image", re.I)
_ROLLOUT_REASONS = {"ScalingReplicaSet", "DeploymentRollback", "SuccessfulCreate", "Updated"}
_BOT_SUBTYPES = {"bot_message", "bot_add", "app_message"}
_TEXT_KINDS = {_K.PAGE_ANNOTATED, _K.ANNOTATION, _K.NOTE, _K.PAGE_NOTIFIED, _K.PAGE_ESCALATED}


#: Environments whose deploys do not reach production's users.
_NOT_PRODUCTION = re.compile(
    r"^(dev\w*|test\w*|qa|stag\w*|preview\w*|review\w*|sandbox\w*|github-pages|pages|docs?)\b",
    re.I,
)


#: Text that places a change in another environment ("to staging", "in Staging").
_ELSEWHERE_TEXT = re.compile(
    r"\b(to|in|on|for) (the )?(staging|stage|sandbox|dev|development|qa|test|preview)\b"
    r"(?! (and|&) prod)",
    re.I,
)


def not_production(event: Event, text: str | None = None) -> bool:
    """Whether a change went to another environment than production (staging, dev, preview,
    GitHub Pages): by its ``environment`` or ``production_environment``, else by ``text`` (the
    event's own by default) saying so ("to staging", "in Staging")."""
    text = event.text if text is None else text
    attrs = event.attrs
    if attrs.get("production_environment") is False:
        return True
    environment = attrs.get("environment")
    if isinstance(environment, str):
        return _NOT_PRODUCTION.match(environment) is not None
    return _ELSEWHERE_TEXT.search(text) is not None and "production" not in text.lower()


#: Objects whose pods a Job or CronJob creates: a pod created for a batch run is no change.
_BATCH = ("Job/", "CronJob/", "Pod/")


def _is_rollout(event: Event, text: str) -> bool:
    """A Kubernetes event that is a step of a change (a Deployment rolling out), not a Job's
    run creating its pod."""
    reason = event.attrs.get("reason")
    if reason == "SuccessfulCreate":
        target = event.attrs.get("object")
        return not (isinstance(target, str) and target.startswith(_BATCH))
    return reason in _ROLLOUT_REASONS or bool(_ROLLOUT.search(text))


def is_bot(event: Event) -> bool:
    """True when a message was posted by a bot or an integration rather than a person."""
    attrs = event.attrs
    if attrs.get("bot") or attrs.get("bot_id") or attrs.get("subtype") in _BOT_SUBTYPES:
        return True
    return event.actor is None and event.kind == _K.MESSAGE


def signals(event: Event) -> frozenset[Signal]:
    """Every meaning ``event`` carries for the key moments (empty when it carries none)."""
    found: set[Signal] = set()
    direct = _DIRECT.get(event.kind)
    if direct is not None:
        found.add(direct)
    text = event.text
    kind = event.kind
    if kind in (_K.ROLLBACK, _K.DEPLOY_SUCCEEDED) and not_production(event):
        pass  # a rollback or a fix in staging stops no user's impact
    elif kind == _K.ROLLBACK:
        found.add(Signal.MITIGATION)
    elif kind in (_K.DEPLOY_SUCCEEDED, _K.COMMIT, _K.CONFIG_CHANGE) and cues.is_revert(text):
        found.add(Signal.MITIGATION)
        found.discard(Signal.CHANGE)
    elif kind == _K.DEPLOY_SUCCEEDED and cues.is_fix(text):
        found.add(Signal.MITIGATION)
    elif kind == _K.CONFIG_CHANGE and cues.is_remedy(text):
        # Mitigation only counts after detection; before it, the change is a trigger candidate.
        found.add(Signal.MITIGATION)
    elif kind == _K.K8S_NORMAL:
        if _is_rollout(event, text):
            found.add(Signal.CHANGE)
        if cues.says_mitigated(text):
            found.add(Signal.MITIGATION)
    elif kind == _K.MESSAGE:
        found |= _message_signals(event)
    elif kind in _TEXT_KINDS:
        found |= _note_signals(event)
    return frozenset(found)


_HUMAN = "message:person"
_BOT = "message:bot"
_TEXTS = frozenset(_TEXT_KINDS)
#: Which kinds of event can carry each signal, so a search can pass over the rest unread.
_CARRIERS: dict[Signal, frozenset[str]] = {
    Signal.PAGE_TRIGGERED: frozenset({_K.PAGE_TRIGGERED}),
    Signal.PAGE_ACKNOWLEDGED: frozenset({_K.PAGE_ACKNOWLEDGED}),
    Signal.PAGE_RESOLVED: frozenset({_K.PAGE_RESOLVED}),
    Signal.ALERT_FIRING: frozenset({_K.ALERT_FIRING, _BOT}) | _TEXTS,
    Signal.ALERT_RESOLVED: frozenset({_K.ALERT_RESOLVED, _BOT}) | _TEXTS,
    Signal.SYMPTOM: frozenset({_K.K8S_WARNING, _K.METRIC_CROSSING, _K.LOG_ERROR}),
    Signal.RECOVERED: frozenset({_K.METRIC_RECOVERED}),
    Signal.REPORT: frozenset({_HUMAN}),
    Signal.ACK: frozenset({_HUMAN}),
    Signal.MITIGATION: frozenset(
        {_K.ROLLBACK, _K.DEPLOY_SUCCEEDED, _K.COMMIT, _K.CONFIG_CHANGE, _K.K8S_NORMAL, _HUMAN}
    )
    | _TEXTS,
    Signal.RESOLUTION: frozenset({_HUMAN}) | _TEXTS,
    Signal.CHANGE: frozenset(
        {
            _K.CONFIG_CHANGE,
            _K.DEPLOY_STARTED,
            _K.DEPLOY_FAILED,
            _K.DEPLOY_SUCCEEDED,
            _K.COMMIT,
            _K.K8S_NORMAL,
            _K.ANNOTATION,
            _BOT,
        }
    ),
}
_KNOWN_KINDS = frozenset(k.value for k in EventKind)


def carriers(wanted: frozenset[Signal]) -> frozenset[str]:
    """The event kinds that can carry any of ``wanted`` (see :func:`may_carry`)."""
    out: frozenset[str] = frozenset()
    for signal in wanted:
        out |= _CARRIERS[signal]
    return out


def may_carry(event: Event, kinds: frozenset[str]) -> bool:
    """Cheap test before :func:`signals`: can ``event`` carry a signal whose carriers are
    ``kinds``? Kinds this module does not know are always read."""
    kind = event.kind
    if kind == _K.MESSAGE:
        return (_BOT if is_bot(event) else _HUMAN) in kinds
    return kind in kinds or kind not in _KNOWN_KINDS


def _message_signals(event: Event) -> set[Signal]:
    text = event.text
    if is_bot(event):
        # Alert and deploy bots post into incident channels; read them as what they relay.
        if cues.says_firing(text):
            return {Signal.ALERT_FIRING}
        if cues.says_cleared(text) and re.search(r"\balert|\[", text, re.I):
            return {Signal.ALERT_RESOLVED}
        if cues.mentions_deploy(text):
            return {Signal.CHANGE}
        return set()
    found: set[Signal] = set()
    if cues.says_mitigated(text):
        found.add(Signal.MITIGATION)
    if cues.says_resolved(text):
        found.add(Signal.RESOLUTION)
    if not found and cues.reports_problem(text):
        found.add(Signal.REPORT)
    if cues.acknowledges(text):
        found.add(Signal.ACK)
    return found


def _note_signals(event: Event) -> set[Signal]:
    text = event.text
    state = str(event.attrs.get("state") or event.attrs.get("newState") or "").lower()
    if state in {"alerting", "firing", "critical"}:
        return {Signal.ALERT_FIRING}
    if state in {"ok", "normal", "resolved"}:
        return {Signal.ALERT_RESOLVED}
    if event.kind == _K.ANNOTATION and not state:
        if cues.says_firing(text):
            return {Signal.ALERT_FIRING}
        if cues.says_cleared(text):
            return {Signal.ALERT_RESOLVED}
        if cues.mentions_deploy(text):
            return {Signal.CHANGE}
    found: set[Signal] = set()
    if cues.says_mitigated(text):
        found.add(Signal.MITIGATION)
    if cues.says_resolved(text):
        found.add(Signal.RESOLUTION)
    return found
