"""Kubernetes: ``kubectl get events -o json`` (core/v1 EventList) and events.k8s.io/v1 events.

core/v1 events have ``firstTimestamp``/``lastTimestamp`` (second precision) and ``count``: one
object stands for ``count`` repeats, so the event spans first..last (``Event.end``) and its text
says how many times it happened. ``eventTime`` is usually null there. events.k8s.io/v1 events
(``kubectl get events.v1.events.k8s.io -o json``) carry ``eventTime`` and, when repeated,
``series: {count, lastObservedTime}``, with ``regarding``/``note`` in place of
``involvedObject``/``message`` and the old fields under ``deprecated*``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from postmortems.errors import InputError
from postmortems.importers._io import (
    UTC,
    Window,
    decode,
    head,
    holdable,
    json_values,
    load_json,
    offset_name,
    parse_iso,
    read_bytes,
    too_deep,
    zone_of,
)
from postmortems.importers.base import ImportOptions, ImportResult
from postmortems.timeline.event import Event, EventKind, Skipped

SOURCE = "k8s"
WHAT = "kubectl get events -o json or -o yaml (an EventList)"
_EPOCH_ZERO = dt.datetime(1970, 1, 1, tzinfo=UTC)
#: The deployment controller's scaling note: "Scaled up replica set web-5d4c to 2 from 1".
_SCALED = re.compile(r"Scaled (up|down) replica set (\S+) to (\d+)")
_ROLLBACK_NOTE = " (rollback to an earlier ReplicaSet)"
_ABANDONED_NOTE = (
    " (rollback to an earlier ReplicaSet, abandoned: scaled to 0 again before it replaced {})"
)


def _rollback_steps(items: list[Any]) -> tuple[set[int], dict[int, str]]:
    """The indices of the ScalingReplicaSet events that roll a Deployment back.

    ``kubectl rollout undo`` (apps/v1) leaves no event of its own: the controller scales the
    ReplicaSet of the earlier template back up and the current one down, as in any rollout. What
    tells it apart is the ReplicaSet: one that a rollout had scaled to 0 while another was scaled
    up is back. Its scale-ups, and the scale-downs of the others until they reach 0, are the
    rollback's steps. Read in time order (kubectl lists events by name); a ReplicaSet scaled to
    0 and back with no other one involved (scale to zero) is not a rollback.

    A rollback whose ReplicaSet is scaled to 0 again before the one it was to replace reached 0
    never happened: its pods did not get ready (the old release crashes against a migrated
    schema) and a later rollout gave up on it. Its steps are returned apart, each with the
    ReplicaSet that kept serving, so they are not read as a completed rollback.
    """
    steps: list[tuple[dt.datetime, int, str, str, str, int]] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or item.get("reason") != "ScalingReplicaSet":
            continue
        involved = item.get("involvedObject") or item.get("regarding")
        note = item.get("message") or item.get("note")
        time = _time(
            item.get("firstTimestamp")
            or item.get("deprecatedFirstTimestamp")
            or item.get("eventTime")
        )
        match = _SCALED.search(note) if isinstance(note, str) else None
        if not isinstance(involved, dict) or match is None or time is None:
            continue
        owner = f"{involved.get('namespace')}/{involved.get('name')}"
        steps.append((time, index, owner, match[1], match[2], int(match[3])))
    steps.sort(key=lambda step: (step[0], step[3] == "down", step[1]))
    retired: dict[str, set[str]] = {}
    last_up: dict[str, str] = {}
    restoring: dict[str, str] = {}
    # owner -> (the ReplicaSet restored, the one it was to replace, its steps so far); kept
    # after a new rollout interrupts it, until one of the two reaches 0.
    attempts: dict[str, tuple[str, str, list[int]]] = {}
    found: set[int] = set()
    abandoned: dict[int, str] = {}
    for _when, index, owner, direction, replica_set, replicas in steps:
        old = retired.setdefault(owner, set())
        if direction == "up":
            if replica_set in old:
                old.discard(replica_set)
                restoring[owner] = replica_set
                attempts[owner] = (replica_set, last_up.get(owner, ""), [])
            elif restoring.get(owner) != replica_set:
                restoring.pop(owner, None)
            if restoring.get(owner) == replica_set:
                found.add(index)
                attempts[owner][2].append(index)
            last_up[owner] = replica_set
        else:
            if replicas == 0 and last_up.get(owner, replica_set) != replica_set:
                old.add(replica_set)
            attempt = attempts.get(owner)
            if replicas == 0 and attempt is not None and attempt[0] == replica_set:
                # Given up before it replaced the other: not a rollback after all.
                for step in attempt[2]:
                    found.discard(step)
                    abandoned[step] = attempt[1]
                del attempts[owner]
                restoring.pop(owner, None)
                continue
            if restoring.get(owner, replica_set) != replica_set:
                found.add(index)
                attempts[owner][2].append(index)
                if replicas == 0:
                    del restoring[owner]  # rolled back: later scaling is the autoscaler's
                    attempts.pop(owner, None)
            elif replicas == 0 and attempt is not None and attempt[1] == replica_set:
                attempts.pop(owner, None)  # the other retired, whoever finished the job
    return found, abandoned


def _time(value: Any) -> dt.datetime | None:
    # YAML loads unquoted timestamps as datetimes already.
    moment = value if isinstance(value, dt.datetime) else parse_iso(value)
    if moment is None or moment.tzinfo is None or moment <= _EPOCH_ZERO:
        return None
    return holdable(moment)


def _load_json(text: str, path: Path) -> Any:
    """One EventList, or Event objects one after another (``kubectl get events -w -o json``)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise too_deep(path, WHAT) from None
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            return load_json(text, path, WHAT)  # raises with the line of the syntax error
    items: list[Any] = []
    for line, value, error in json_values(text):
        if error:
            raise InputError(error, path=str(path), line=line, hint=f"expected {WHAT}")
        if isinstance(value, dict) and isinstance(value.get("items"), list):
            items.extend(value["items"])
        else:
            items.append(value)
    return items


def _load_yaml(text: str, path: Path) -> Any:
    """``kubectl get events -o yaml``; a YAML error is an InputError with its line."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(
            f"not valid JSON or YAML ({getattr(exc, 'problem', None) or exc})",
            path=str(path),
            line=mark.line + 1 if mark is not None else None,
            hint=f"expected {WHAT}",
        ) from None


class KubernetesImporter:
    """Kubernetes events from ``kubectl get events -o json``."""

    name = "k8s"
    description = "Kubernetes events: kubectl get events -o json|yaml (core/v1 or events.k8s.io/v1)"

    def sniff(self, path: Path) -> bool:
        if not path.is_file():
            return False
        text = head(path)
        if text.lstrip().startswith("{"):
            return (
                '"involvedObject"' in text
                or '"EventList"' in text
                or ('"regarding"' in text and "events.k8s.io" in text)
            )
        return (
            "involvedObject:" in text
            or "kind: EventList" in text
            or ("regarding:" in text and "events.k8s.io" in text)
        )

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        data = read_bytes(path)
        if data.lstrip()[:1] in (b"{", b"["):
            document = _load_json(decode(data, path), path)
        else:
            document = _load_yaml(decode(data, path), path)
        if isinstance(document, dict) and isinstance(document.get("items"), list):
            items: list[Any] = document["items"]
        elif isinstance(document, dict) and document.get("kind") == "Event":
            items = [document]
        elif isinstance(document, list):
            items = document
        else:
            raise InputError(f"not {WHAT}", path=str(path), hint="name the right kind as KIND:PATH")
        result = ImportResult(source=SOURCE)
        window = Window(options)
        recognised = not items
        rollbacks, abandoned = _rollback_steps(items)
        for index, item in enumerate(items):
            recognised |= self._item(
                item,
                f"{path.name}#{index}",
                window,
                result,
                index in rollbacks,
                abandoned.get(index),
            )
        if not recognised:
            raise InputError(f"not {WHAT}: no item looks like an event", path=str(path))
        return result

    def _item(
        self,
        item: Any,
        position: str,
        window: Window,
        result: ImportResult,
        rollback: bool = False,
        abandoned_for: str | None = None,
    ) -> bool:
        if not isinstance(item, dict):
            result.skipped.append(Skipped(SOURCE, position, "item is not an object"))
            return False
        involved = item.get("involvedObject") or item.get("regarding")
        if not isinstance(involved, dict) and "reason" not in item:
            result.skipped.append(Skipped(SOURCE, position, "not an event (no involvedObject)"))
            return False
        involved = involved if isinstance(involved, dict) else {}
        metadata = item.get("metadata") if isinstance(item.get("metadata"), dict) else {}
        assert isinstance(metadata, dict)
        series = item.get("series") if isinstance(item.get("series"), dict) else {}
        assert isinstance(series, dict)
        first_raw = (
            item.get("firstTimestamp")
            or item.get("deprecatedFirstTimestamp")
            or item.get("eventTime")
            or metadata.get("creationTimestamp")
        )
        first = _time(first_raw)
        if first is None:
            result.skipped.append(
                Skipped(SOURCE, position, f"no usable time (firstTimestamp {first_raw!r})")
            )
            return True
        last = _time(
            item.get("lastTimestamp")
            or item.get("deprecatedLastTimestamp")
            or series.get("lastObservedTime")
        )
        count_raw = item.get("count") or item.get("deprecatedCount") or series.get("count") or 1
        try:
            count = int(count_raw)
        except (TypeError, ValueError, OverflowError):  # OverflowError: Infinity
            count = 1
        end = last if last is not None and last > first else None
        if not window.admits(first, end):
            return True
        reason = str(item.get("reason") or "")
        message = str(item.get("message") or item.get("note") or "").strip()
        obj = "/".join(str(part) for part in (involved.get("kind"), involved.get("name")) if part)
        text = ": ".join(part for part in (obj, reason, message) if part)
        if count > 1:
            text = f"{text} (x{count})"
        event_type = item.get("type")
        kind: str = EventKind.K8S_WARNING if event_type == "Warning" else EventKind.K8S_NORMAL
        # DeploymentRollback: the extensions/v1beta1 rollback API ("Rolled back deployment ...").
        rollback = rollback or reason == "DeploymentRollback"
        if rollback:
            kind = EventKind.ROLLBACK
            if reason == "ScalingReplicaSet":
                text += _ROLLBACK_NOTE
        elif abandoned_for is not None:
            text += _ABANDONED_NOTE.format(abandoned_for or "the current one")
        source = item.get("source") if isinstance(item.get("source"), dict) else {}
        assert isinstance(source, dict)
        attrs: dict[str, Any] = {"reason": reason, "count": count, "type": event_type}
        if rollback:
            attrs["rollback"] = True
        elif abandoned_for is not None:
            attrs["rollback_abandoned"] = True
        namespace = involved.get("namespace") or metadata.get("namespace")
        if namespace:
            attrs["namespace"] = namespace
        if obj:
            attrs["object"] = obj
        component = (
            source.get("component")
            or item.get("reportingController")
            or item.get("reportingComponent")
        )
        if component:
            attrs["component"] = component
        name = metadata.get("name")
        ref = (
            f"k8s:{namespace}/{name}"
            if name and namespace
            else (f"k8s:{name}" if name else position)
        )
        result.events.append(
            Event(
                first.astimezone(UTC),
                SOURCE,
                kind,
                text,
                None,
                ref,
                zone_of(first_raw) if isinstance(first_raw, str) else offset_name(first),
                end.astimezone(UTC) if end is not None else None,
                attrs,
            )
        )
        return True


IMPORTER = KubernetesImporter()
