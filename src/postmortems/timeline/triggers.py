"""Trigger candidates: the changes shortly before impact began, ranked.

Most incidents follow a change (Google's SRE book puts it near 70 %), so every deploy, commit,
configuration change and rollout in the look-back window before impact is a candidate. They are
ranked by what kind of change it is (a deploy reaches production; a commit may not), whether its
text speaks of risky things (migration, schema, config, feature flag), and how close it came
before impact; changes that cannot reach production (docs, tests, CI) rank low. Reverts are not
candidates: they undo a change rather than make one.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from postmortems.timeline import cues
from postmortems.timeline.event import Event, EventKind
from postmortems.timeline.signals import Signal, not_production, signals

_EPOCH = attrgetter("epoch")

#: How far before impact a change is still a candidate.
LOOKBACK = dt.timedelta(hours=2)

_K = EventKind
_KIND_WEIGHT: dict[str, float] = {
    _K.DEPLOY_SUCCEEDED: 3.0,
    _K.DEPLOY_STARTED: 3.0,
    _K.DEPLOY_FAILED: 2.5,
    _K.CONFIG_CHANGE: 3.0,
    _K.COMMIT: 2.0,
    _K.K8S_NORMAL: 1.5,
    _K.ANNOTATION: 1.5,
}
_KIND_LABEL: dict[str, str] = {
    _K.DEPLOY_SUCCEEDED: "deploy",
    _K.DEPLOY_STARTED: "deploy started",
    _K.DEPLOY_FAILED: "failed deploy",
    _K.CONFIG_CHANGE: "configuration change",
    _K.COMMIT: "commit",
    _K.K8S_NORMAL: "Kubernetes rollout",
    _K.ANNOTATION: "deploy annotation",
    _K.MESSAGE: "change announced in chat",
}


@dataclass(frozen=True, slots=True)
class Trigger:
    """A change that may have triggered the incident, with its score and why."""

    event: Event
    score: float
    reason: str


def trigger_candidates(
    events: Sequence[Event],
    impact: dt.datetime,
    *,
    lookback: dt.timedelta = LOOKBACK,
    limit: int = 5,
) -> list[Trigger]:
    """Changes in ``[impact - lookback, impact]``, best candidate first.

    Args:
        events: The merged timeline, sorted by time.
        impact: When impact began (the ``started`` moment, else ``detected``).
        lookback: How far back a change still counts.
        limit: How many candidates to return at most.
    """
    impact = impact.astimezone(dt.UTC)
    start = impact - lookback
    found: list[Trigger] = []
    first = bisect.bisect_left(events, start.timestamp(), key=_EPOCH)
    for index in range(first, len(events)):
        event = events[index]
        when = event.time.astimezone(dt.UTC)
        if when > impact:
            break
        if Signal.CHANGE not in signals(event) or cues.is_revert(event.text):
            continue
        found.append(_rank(event, impact - when, lookback))
    found = _one_per_change(found, impact, lookback)
    found.sort(key=lambda t: (-t.score, impact - t.event.time.astimezone(dt.UTC)))
    return found[:limit]


def _change_of(event: Event) -> tuple[str, str] | None:
    """What identifies the one change several events report: a deployment and its statuses, or
    the steps of one Kubernetes rollout (a Deployment scaling its new and old ReplicaSets)."""
    attrs = event.attrs
    for name in ("deployment_id", "deployment"):
        value = attrs.get(name)
        if isinstance(value, str | int) and not isinstance(value, bool) and value != "":
            return (event.source, f"{name}={value}")
    if event.kind == EventKind.K8S_NORMAL and attrs.get("reason") in _ROLLOUT_STEPS:
        target = attrs.get("object")
        if isinstance(target, str) and target:
            return (event.source, f"{attrs.get('namespace') or ''}/{target}")
    return None


#: Kubernetes event reasons that are steps of one rollout of their object.
_ROLLOUT_STEPS = frozenset({"ScalingReplicaSet", "SuccessfulCreate", "SuccessfulDelete"})


def _one_per_change(
    ranked: list[Trigger], impact: dt.datetime, lookback: dt.timedelta
) -> list[Trigger]:
    """One candidate per change: the event that put it live, ranked on what all of its events
    say (a deployment created as "docs: fix typo" whose success status says only "success" is a
    docs deploy); the others are counted in its reason (a deployment created, in progress and
    successful is one candidate, not three)."""
    groups: dict[tuple[str, str], list[Trigger]] = {}
    kept: list[Trigger] = []
    for trigger in ranked:
        change = _change_of(trigger.event)
        if change is None:
            kept.append(trigger)
        else:
            groups.setdefault(change, []).append(trigger)
    for members in groups.values():
        # Shown by when the change went live: its success, else its latest step before impact.
        best = max(members, key=lambda t: (t.event.kind == _K.DEPLOY_SUCCEEDED, t.event.epoch))
        lead = impact - best.event.time.astimezone(dt.UTC)
        text = " ".join(t.event.text for t in members)
        trigger = _rank(best.event, lead, lookback, text)
        if len(members) > 1:
            count = len(members) - 1
            events = "event" if count == 1 else "events"
            reason = f"{trigger.reason}; {count} more {events} of the same deployment or rollout"
            trigger = Trigger(trigger.event, trigger.score, reason)
        kept.append(trigger)
    return kept


#: Words a deploy's own text (or a deploy annotation's) carries because it is one: its kind
#: already counts them.
_DEPLOY_WORDS = frozenset({"deploy", "release", "rollout"})
_DEPLOY_KINDS = frozenset({_K.DEPLOY_SUCCEEDED, _K.DEPLOY_STARTED, _K.DEPLOY_FAILED, _K.ANNOTATION})


def _rank(
    event: Event, lead: dt.timedelta, lookback: dt.timedelta, text: str | None = None
) -> Trigger:
    text = event.text if text is None else text
    weight = _KIND_WEIGHT.get(event.kind, 1.0)
    words = cues.risky_words(text)
    body = event.attrs.get("body")
    if isinstance(body, str):
        words |= cues.risky_words(body)  # a commit's message body says what it touches
    if event.kind in _DEPLOY_KINDS:
        words -= _DEPLOY_WORDS
    elsewhere = not_production(event, text)
    trivial = elsewhere or cues.is_trivial_change(text)
    closeness = 1.0 - lead / lookback
    score = round(weight + min(len(words), 3) + 2.0 * closeness - (2.0 if trivial else 0.0), 3)
    label = _KIND_LABEL.get(event.kind, event.kind.replace("-", " "))
    reason = f"{label} {_span(lead)} before impact began"
    if words:
        reason += "; touches " + ", ".join(sorted(words))
    if elsewhere:
        reason += "; not to production"
    elif trivial:
        reason += "; looks like a change that cannot affect production (docs, tests, CI)"
    return Trigger(event, score, reason)


def _span(delta: dt.timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 120:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"
