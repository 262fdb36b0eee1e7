"""Alertmanager: webhook payloads (``version: "4"``), one file, a folder, or one per line.

Each payload carries ``alerts[]`` with ``status`` (firing/resolved), ``labels`` (``alertname``,
``severity``, ...), ``annotations`` (``summary``, ``description``), ``startsAt``, ``endsAt`` and
``fingerprint``; the payload's ``receiver`` names the route it went to. A firing alert has
``endsAt = 0001-01-01T00:00:00Z`` (no end yet) or an estimated expiry, both ignored; a resolved
alert yields ``alert-firing`` at ``startsAt`` *and* ``alert-resolved`` at ``endsAt``. Some
senders write nine fractional digits. Alertmanager resends a group on every ``repeat_interval``,
so the same alert (fingerprint and start) is imported once; its events list every receiver its
notifications went to (``attrs["receivers"]``: a CI team's Slack route tells a build runner's
disk alert from the one that paged the service's on-call).
The alert list of ``GET /api/v2/alerts`` (``amtool --output=json alert query``) is read too:
every alert in it is active, so it yields ``alert-firing`` at ``startsAt``; its ``receivers``
are ``[{"name": ...}]``. Its ``status`` (``state``, ``silencedBy``, ``inhibitedBy``) is kept in
``attrs``, and a silenced or inhibited alert's text says so: nobody was notified of it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from postmortems.errors import InputError
from postmortems.importers._io import (
    UTC,
    Window,
    display_path,
    head,
    holdable,
    json_values,
    parse_iso,
    read_text,
    zone_of,
)
from postmortems.importers.base import ImportOptions, ImportResult
from postmortems.timeline.event import Event, EventKind, Skipped

SOURCE = "alertmanager"
WHAT = "Alertmanager webhook payloads (version 4, with alerts[])"
_NO_TIME = dt.datetime(1970, 1, 2, tzinfo=UTC)


def _looks_like_payload(text: str) -> bool:
    if '"alerts"' in text and '"startsAt"' in text:
        return True
    # GET /api/v2/alerts: a bare list of alerts
    return text.lstrip().startswith("[") and all(
        key in text for key in ('"startsAt"', '"labels"', '"fingerprint"')
    )


def _time(value: Any) -> dt.datetime | None:
    moment = parse_iso(value)
    if moment is None or moment.tzinfo is None or moment < _NO_TIME:
        return None
    return holdable(moment)


class AlertmanagerImporter:
    """Alertmanager webhook notifications."""

    name = "alertmanager"
    description = "Alertmanager webhook payloads (a JSON file, JSON Lines, or a folder of them)"

    def sniff(self, path: Path) -> bool:
        if path.is_dir():
            files = sorted(path.glob("*.json"))[:3] + sorted(path.glob("*.jsonl"))[:3]
            return bool(files) and all(_looks_like_payload(head(f)) for f in files)
        return path.is_file() and _looks_like_payload(head(path))

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        root = path if path.is_dir() else None
        files = (
            sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file())
            if root
            else [path]
        )
        if not files:
            raise InputError("no .json or .jsonl files in this folder", path=str(path))
        result = ImportResult(source=SOURCE)
        seen: set[tuple[str, str, dt.datetime]] = set()
        details: dict[str, dict[str, Any]] = {}
        window = Window(options)
        found = False
        for file in files:
            name = display_path(file, root)
            for line, value, error in json_values(read_text(file)):
                if error:
                    if not found and line == 1:
                        raise InputError(error, path=str(file), line=line, hint=f"expected {WHAT}")
                    result.skipped.append(Skipped(SOURCE, f"{name}:{line}", error))
                    continue
                payloads = value if isinstance(value, list) else [value]
                for number, payload in enumerate(payloads):
                    where = f"{name}:{line}" if len(payloads) == 1 else f"{name}#{number}"
                    if isinstance(payload, dict) and "startsAt" in payload and "labels" in payload:
                        found = True  # one alert of GET /api/v2/alerts
                        routes = payload.get("receivers")
                        names = (
                            [r.get("name") for r in routes if isinstance(r, dict)]
                            if isinstance(routes, list)
                            else []
                        )
                        self._alert(payload, where, window, seen, details, names, result)
                        continue
                    if not isinstance(payload, dict) or not isinstance(payload.get("alerts"), list):
                        result.skipped.append(Skipped(SOURCE, where, "not a webhook payload"))
                        continue
                    found = True
                    receivers = [payload.get("receiver")]
                    for index, alert in enumerate(payload["alerts"]):
                        position = f"{where}/alerts/{index}"
                        self._alert(alert, position, window, seen, details, receivers, result)
        if not found:
            raise InputError(f"not {WHAT}", path=str(path), hint="name the right kind as KIND:PATH")
        return result

    def _alert(
        self,
        alert: Any,
        position: str,
        window: Window,
        seen: set[tuple[str, str, dt.datetime]],
        details: dict[str, dict[str, Any]],
        receivers: list[Any],
        result: ImportResult,
    ) -> None:
        """Import one alert; ``details`` holds each alert's attrs (by identity), shared by its
        events so that every receiver a later notification names is listed on all of them."""
        if not isinstance(alert, dict):
            result.skipped.append(Skipped(SOURCE, position, "alert is not an object"))
            return
        starts_raw = alert.get("startsAt")
        starts = _time(starts_raw)
        if starts is None:
            result.skipped.append(
                Skipped(SOURCE, position, f"bad or missing startsAt {starts_raw!r}")
            )
            return
        status = alert.get("status")
        v2: dict[str, Any] = {}
        if isinstance(status, dict):  # API v2: {"state": "active" | "suppressed" | ...}
            v2 = _v2_state(status)
            status = "firing" if status.get("state") != "resolved" else "resolved"
        ends_raw = alert.get("endsAt")
        ends = _time(ends_raw) if status == "resolved" else None
        if status == "resolved" and ends is None:
            result.skipped.append(
                Skipped(SOURCE, position, f"resolved alert without a usable endsAt {ends_raw!r}")
            )
            return
        if status not in ("firing", "resolved"):
            result.skipped.append(Skipped(SOURCE, position, f"unknown status {status!r}"))
            return
        labels = alert.get("labels") if isinstance(alert.get("labels"), dict) else {}
        annotations = alert.get("annotations") if isinstance(alert.get("annotations"), dict) else {}
        assert isinstance(labels, dict) and isinstance(annotations, dict)
        name = str(labels.get("alertname") or "alert")
        identity = str(alert.get("fingerprint") or sorted(labels.items()))
        detail = annotations.get("summary") or annotations.get("description") or ""
        attrs = details.get(identity)
        if attrs is None:
            attrs = details[identity] = {"labels": labels, "alertname": name, "receivers": []}
            if labels.get("severity"):
                attrs["severity"] = labels["severity"]
            if alert.get("fingerprint"):
                attrs["fingerprint"] = alert["fingerprint"]
            attrs.update(v2)
        # A silenced or inhibited alert notified nobody: the reader of the timeline must see it.
        muted = (
            "silenced" if v2.get("silenced_by") else "inhibited" if v2.get("inhibited_by") else ""
        )
        firing = f"{name} firing ({muted})" if muted else f"{name} firing"
        routes: list[str] = attrs["receivers"]
        for receiver in receivers:
            if isinstance(receiver, str) and receiver and receiver not in routes:
                routes.append(receiver)
        if ("firing", identity, starts) not in seen:
            seen.add(("firing", identity, starts))
            if window.admits(starts):
                result.events.append(
                    Event(
                        starts.astimezone(UTC),
                        SOURCE,
                        EventKind.ALERT_FIRING,
                        f"{firing}: {detail}" if detail else firing,
                        None,
                        f"alertmanager:{position}",
                        zone_of(starts_raw),
                        None,
                        attrs,
                    )
                )
        if ends is not None and ("resolved", identity, ends) not in seen:
            seen.add(("resolved", identity, ends))
            if window.admits(ends):
                result.events.append(
                    Event(
                        ends.astimezone(UTC),
                        SOURCE,
                        EventKind.ALERT_RESOLVED,
                        f"{name} resolved: {detail}" if detail else f"{name} resolved",
                        None,
                        f"alertmanager:{position}#resolved",
                        zone_of(ends_raw),
                        None,
                        attrs,
                    )
                )


def _v2_state(status: dict[str, Any]) -> dict[str, Any]:
    """An API v2 alert's ``status`` as attrs: ``state`` (active, suppressed, unprocessed) and
    who muted it (``silenced_by`` silence ids, ``inhibited_by`` fingerprints), when anyone did."""
    out: dict[str, Any] = {}
    if isinstance(status.get("state"), str) and status["state"]:
        out["state"] = status["state"]
    for key, name in (("silencedBy", "silenced_by"), ("inhibitedBy", "inhibited_by")):
        value = status.get(key)
        if isinstance(value, list) and value:
            out[name] = [str(v) for v in value]
    return out


IMPORTER = AlertmanagerImporter()
