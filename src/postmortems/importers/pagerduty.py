"""PagerDuty: REST v2 incident log entries and webhooks v3 payloads.

* ``GET /incidents/{id}/log_entries`` (or ``/log_entries``): ``{"log_entries": [...]}``. Each
  entry's ``created_at`` is written in the *account's* zone unless the request passed
  ``time_zone``, so any offset occurs; the offset is kept in ``Event.zone``. ``agent`` (who did
  it) is absent on notify entries.
* Webhooks v3: ``{"event": {"event_type": "incident.triggered", "occurred_at": ..., "agent":
  ..., "data": {...}}}``, one payload per file, a JSON array of payloads, or one per line.

PagerDuty always writes an offset, so a naive time is a malformed record (skipped), not a
question for ``--tz``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from postmortems.errors import InputError
from postmortems.importers._io import (
    OUT_OF_RANGE,
    Window,
    decode,
    head,
    holdable,
    json_values,
    load_json,
    parse_iso,
    parse_json,
    read_bytes,
    zone_of,
)
from postmortems.importers.base import ImportOptions, ImportResult
from postmortems.timeline.event import FIRST_EPOCH, LAST_EPOCH, Event, EventKind, Skipped

SOURCE = "pagerduty"
WHAT = "PagerDuty log_entries JSON or webhooks v3 payloads"

#: REST v2 log entry type -> event kind.
LOG_ENTRY_KINDS: dict[str, str] = {
    "trigger_log_entry": EventKind.PAGE_TRIGGERED,
    "acknowledge_log_entry": EventKind.PAGE_ACKNOWLEDGED,
    "resolve_log_entry": EventKind.PAGE_RESOLVED,
    "notify_log_entry": EventKind.PAGE_NOTIFIED,
    "escalate_log_entry": EventKind.PAGE_ESCALATED,
    "assign_log_entry": EventKind.PAGE_ESCALATED,
    "reassign_log_entry": EventKind.PAGE_ESCALATED,
    "delegate_log_entry": EventKind.PAGE_ESCALATED,
    "annotate_log_entry": EventKind.PAGE_ANNOTATED,
    "reach_trigger_limit_log_entry": EventKind.NOTE,
}
#: Webhooks v3 event_type -> event kind.
WEBHOOK_KINDS: dict[str, str] = {
    "incident.triggered": EventKind.PAGE_TRIGGERED,
    "incident.reopened": EventKind.PAGE_TRIGGERED,
    "incident.acknowledged": EventKind.PAGE_ACKNOWLEDGED,
    "incident.resolved": EventKind.PAGE_RESOLVED,
    "incident.escalated": EventKind.PAGE_ESCALATED,
    "incident.reassigned": EventKind.PAGE_ESCALATED,
    "incident.delegated": EventKind.PAGE_ESCALATED,
    "incident.responder.added": EventKind.PAGE_NOTIFIED,
    "incident.annotated": EventKind.PAGE_ANNOTATED,
    "incident.status_update_published": EventKind.PAGE_ANNOTATED,
}


def _summary(value: Any) -> str | None:
    if isinstance(value, dict):
        summary = value.get("summary") or value.get("name")
        return str(summary) if summary else None
    return None


def _names(value: Any) -> list[str]:
    """The names in a list of references (teams, assignees); none when it is not a list."""
    return [name for name in map(_summary, value) if name] if type(value) is list else []


def _agent(value: Any, attrs: dict[str, Any]) -> str | None:
    """The acting person's name; a service or integration agent goes to ``attrs["agent"]``."""
    summary = _summary(value)
    if summary is None:
        return None
    assert isinstance(value, dict)
    if str(value.get("type", "user")).startswith("user"):
        return summary
    attrs["agent"] = summary
    return None


_FROM_ISO = dt.datetime.fromisoformat
_NAN = float("nan")
#: :func:`zone_of` for the end of a time string: a handful of zones recur across an export.
_zone_of_tail = functools.lru_cache(maxsize=64)(zone_of)


def _time(value: Any) -> tuple[dt.datetime | None, str]:
    """(aware datetime, "") or (None, reason) for a PagerDuty timestamp."""
    moment = parse_iso(value)
    if moment is None:
        return None, f"missing or unreadable time {value!r}"
    if moment.tzinfo is None:
        return None, f"time {value!r} has no offset (PagerDuty always writes one)"
    if holdable(moment) is None:
        return None, f"time {value!r} {OUT_OF_RANGE}"
    return moment, ""


def _outside(options: ImportOptions) -> Callable[[Any], bool] | None:
    """A test "this zoned time is outside the window" (None without a window); unreadable or
    naive times answer False so the full path reports them."""
    start, end = options.start, options.end
    if start is None and end is None:
        return None
    fromisoformat = dt.datetime.fromisoformat

    def outside(raw: Any) -> bool:
        if type(raw) is not str:
            return False
        try:
            moment = fromisoformat(raw)
        except ValueError:
            return False
        if moment.tzinfo is None:
            return False
        return (start is not None and moment < start) or (end is not None and moment > end)

    return outside


def _merged_into(reason: Any) -> tuple[str, str] | None:
    """(incident id, "#number" or id) of the incident a ``merge_resolve_reason`` names."""
    if not isinstance(reason, dict) or reason.get("type") != "merge_resolve_reason":
        return None
    target = reason.get("incident")
    if not isinstance(target, dict) or not target.get("id"):
        return None
    target_id = str(target["id"])
    number = re.match(r"\[#(\d+)\]", str(target.get("summary") or ""))
    return target_id, f"#{number[1]}" if number else target_id


_NUMBER_TAG = re.compile(r"^\[(#\d+)\]")


def _incident_label(summary: str) -> str:
    """``[#5102] Billing retries high`` -> ``#5102 Billing retries high``."""
    tag = _NUMBER_TAG.match(summary)
    return tag.group(1) + summary[tag.end() :] if tag else summary


def _name_incidents(events: list[Event]) -> None:
    """In an export holding several incidents' log entries (the account's ``GET /log_entries``),
    say in each entry's text which incident it belongs to: "Resolved through the API." or
    "Acknowledged by Tom Becker." reads as the incident's end or acknowledgement whichever
    incident it was. A trigger entry names its incident already, and so does every webhook."""
    first: str | None = None
    for event in events:  # stops at the second incident: cheap for a large export
        attrs = event.attrs
        incident = str(attrs.get("incident_id") or attrs.get("incident"))
        if first is None:
            first = incident
        elif incident != first:
            break
    else:
        return  # one incident (or none): its entries need not say which
    labels: dict[str, str] = {}  # an account has few incidents and many entries for each
    triggered = EventKind.PAGE_TRIGGERED
    for event in events:
        attrs = event.attrs
        summary = attrs.get("incident")
        if type(summary) is not str or event.kind == triggered or "event_type" in attrs:
            continue  # a trigger entry names its incident, and so does every webhook
        text = event.text
        if summary in text:
            continue
        label = labels.get(summary)
        if label is None:
            label = labels[summary] = f" ({_incident_label(summary)})"
        event.text = text + label


class PagerDutyImporter:
    """PagerDuty incident log entries (REST v2) and webhooks v3 payloads."""

    name = "pagerduty"
    description = "PagerDuty REST v2 log_entries JSON, webhooks v3 payloads (JSON or JSON Lines)"

    def sniff(self, path: Path) -> bool:
        if not path.is_file():
            return False
        text = head(path)
        return (
            '"log_entries"' in text
            or '_log_entry"' in text
            or ('"event_type"' in text and '"incident.' in text and '"occurred_at"' in text)
        )

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        data = read_bytes(path)
        result = ImportResult(source=SOURCE)
        window = Window(options)
        try:
            document = parse_json(data, path)
        except json.JSONDecodeError as exc:
            text = decode(data, path)
            if exc.msg != "Extra data":
                load_json(text, path, WHAT)  # raises with the line of the syntax error
            self._read_lines(path, text, window, result)
            _name_incidents(result.events)
            return result
        if isinstance(document, dict) and isinstance(document.get("log_entries"), list):
            records: list[Any] = document["log_entries"]
        elif isinstance(document, dict) and isinstance(document.get("log_entry"), dict):
            records = [document["log_entry"]]
        elif isinstance(document, dict):
            records = [document]
        elif isinstance(document, list):
            records = document
        else:
            raise InputError(f"not {WHAT}", path=str(path))
        recognised = False
        name = path.name
        outside = _outside(options)
        log_entry = self._log_entry
        for index, record in enumerate(records):
            # The bulk of an account's export, first: a log entry, read without a detour.
            if type(record) is dict:
                entry_type = record.get("type")
                if (
                    type(entry_type) is str
                    and entry_type.endswith("_log_entry")
                    and "event" not in record
                    and "event_type" not in record
                ):
                    recognised = True
                    if outside is None or not outside(record.get("created_at")):
                        log_entry(record, entry_type, name, index, window, result)
                    continue
                # Cheap early exit for webhook payloads outside the window.
                if outside is not None and outside(record.get("created_at")):
                    recognised = True
                    continue
            recognised |= self._record(record, f"{name}#{index}", None, window, result)
        if records and not recognised:
            raise InputError(
                f"not {WHAT}: no log entry or webhook event found",
                path=str(path),
                hint="name the right kind as KIND:PATH",
            )
        _name_incidents(result.events)
        return result

    def _read_lines(self, path: Path, text: str, window: Window, result: ImportResult) -> None:
        """JSON Lines, or documents one after another (pages of log entries, payloads)."""
        recognised = False
        name = path.name
        for number, value, error in json_values(text):
            position = f"{name}:{number}"
            if error:
                result.skipped.append(Skipped(SOURCE, position, error))
                continue
            if isinstance(value, dict) and isinstance(value.get("log_entries"), list):
                records: list[Any] = value["log_entries"]
            elif isinstance(value, list):
                records = value
            else:
                recognised |= self._record(value, position, position, window, result)
                continue
            for index, record in enumerate(records):
                where = f"{position}#{index}"
                recognised |= self._record(record, where, where, window, result)
        if not recognised:
            raise InputError(f"not {WHAT}: no log entry or webhook event found", path=str(path))

    def _record(
        self, record: Any, position: str, ref: str | None, window: Window, result: ImportResult
    ) -> bool:
        """Import one log entry or webhook payload; False when it is neither (reported)."""
        if not isinstance(record, dict):
            result.skipped.append(Skipped(SOURCE, position, "record is not an object"))
            return False
        event = record.get("event", record)
        if isinstance(event, dict) and "event_type" in event:
            self._webhook(event, position, ref or position, window, result)
            return True
        entry_type = record.get("type")
        if isinstance(entry_type, str) and entry_type.endswith("_log_entry"):
            self._log_entry(record, entry_type, position, None, window, result)
            return True
        if "messages" in record:
            reason = "webhooks v2 payload (messages[]); PagerDuty retired v2, export v3 instead"
        else:
            reason = "neither a log entry nor a webhook v3 event"
        result.skipped.append(Skipped(SOURCE, position, reason))
        return False

    def _log_entry(
        self,
        entry: dict[str, Any],
        entry_type: str,
        where: str,
        index: int | None,
        window: Window,
        result: ImportResult,
    ) -> None:
        """One REST log entry; its position is ``where#index`` (or ``where``), made only when
        it is needed: written for a hundred thousand entries, with few calls and no throwaway
        objects per entry."""
        raw: Any = entry.get("created_at")
        try:
            moment: dt.datetime | None = _FROM_ISO(raw)
        except (TypeError, ValueError):  # TypeError: not a string
            moment = None
        seconds = _NAN if moment is None or moment.tzinfo is None else moment.timestamp()
        if not FIRST_EPOCH <= seconds <= LAST_EPOCH:  # also unreadable or naive (NaN)
            position = where if index is None else f"{where}#{index}"
            result.skipped.append(Skipped(SOURCE, position, _time(raw)[1]))
            return
        assert moment is not None
        if (window.start is not None or window.end is not None) and not window.admits(moment):
            return
        kind = LOG_ENTRY_KINDS.get(entry_type, EventKind.NOTE)
        text = str(entry.get("summary") or entry_type.removesuffix("_log_entry"))
        note = entry.get("note")
        if not note and kind == "page-annotated":
            channel = entry.get("channel")
            note = channel.get("summary") if isinstance(channel, dict) else None
        if note and note != text:
            text = f"{text}: {note}"
        attrs: dict[str, Any] = {"type": entry_type}
        incident = entry.get("incident")
        if type(incident) is dict:
            incident_summary = incident.get("summary") or incident.get("name")
            if incident_summary:
                attrs["incident"] = incident_summary = str(incident_summary)
                if kind == "page-triggered":
                    text = f"{text}: {incident_summary}"
            if incident.get("id"):
                attrs["incident_id"] = incident["id"]
        # The service and teams tell one incident's entries from another's in an account-wide
        # export (``GET /log_entries``): a billing page and a search page interleaved.
        service = entry.get("service")
        if service:
            service_name = _summary(service)
            if service_name:
                attrs["service"] = service_name
        team_names = _names(entry.get("teams"))
        if team_names:
            attrs["teams"] = team_names
        user = entry.get("user")
        if user:
            notified = _summary(user)
            if notified:
                attrs["notified"] = notified
        # Who an escalation or assignment handed the incident to; the summary names only who
        # did it ("Escalated to level 2 by Arjun Mehta.").
        names = _names(entry.get("assignees"))
        if names:
            attrs["assignees"] = names
        agent = entry.get("agent")
        entry_id = entry.get("id")
        result.events.append(
            Event.from_epoch(
                # Epoch seconds: the UTC datetime is built only when read (an account's export
                # can be a hundred thousand entries, and the offset is kept in ``zone``).
                seconds,
                SOURCE,
                kind,
                text,
                _agent(agent, attrs) if agent else None,
                f"pagerduty:{entry_id}"
                if entry_id
                else (where if index is None else f"{where}#{index}"),
                _zone_of_tail(raw[-6:]),  # the zone as written is in the last six characters
                attrs,
            )
        )

    def _webhook(
        self, event: dict[str, Any], position: str, ref: str, window: Window, result: ImportResult
    ) -> None:
        event_type = event.get("event_type")
        if event_type == "pagey.ping":
            result.skipped.append(Skipped(SOURCE, position, "pagey.ping test event"))
            return
        raw = event.get("occurred_at")
        moment, reason = _time(raw)
        if moment is None:
            result.skipped.append(Skipped(SOURCE, position, reason))
            return
        if not window.admits(moment):
            return
        data = event.get("data") if isinstance(event.get("data"), dict) else {}
        assert isinstance(data, dict)
        title = data.get("title") or _summary(data.get("incident")) or data.get("summary") or ""
        number = data.get("number")
        kind = WEBHOOK_KINDS.get(str(event_type), EventKind.NOTE)
        verb = str(event_type).removeprefix("incident.").replace("_", " ").replace(".", " ")
        show_title = True
        attrs: dict[str, Any] = {"event_type": event_type}
        if kind == EventKind.PAGE_ESCALATED:
            # Who the incident went to; the agent is who escalated it.
            names = _names(data.get("assignees"))
            if names:
                attrs["assignees"] = names
                verb = f"{verb} to {', '.join(names)}"
        elif kind == EventKind.PAGE_TRIGGERED:
            # Webhooks have no notify event: the assignees are who was paged first, and the only
            # record of a responder who never acknowledged before the page escalated.
            names = _names(data.get("assignees"))
            if names:
                attrs["assignees"] = names
                verb = f"{verb}, assigned to {', '.join(names)}"
        priority = _summary(data.get("priority"))
        if event_type == "incident.priority_updated" and priority:
            attrs["priority"] = priority
            verb = f"{verb} to {priority}"
        if data.get("type") == "incident_responder":
            # data is the responder request; the incident is only a reference ("[#8123] ...").
            reference = _summary(data.get("incident")) or ""
            if number is None and (found := re.match(r"\[#(\d+)\]\s*", reference)):
                number, title = int(found[1]), reference[found.end() :]
            who = _summary(data.get("user")) or _summary(data.get("escalation_policy"))
            state = data.get("state")
            if event_type == "incident.responder.replied" and isinstance(state, str):
                attrs["responder_state"] = state
                verb = f"responder {state}"
            if who:
                verb = f"{verb}: {who}"
                if kind == EventKind.PAGE_NOTIFIED:
                    attrs["notified"] = who
            message = data.get("message")
            if kind == EventKind.PAGE_NOTIFIED and isinstance(message, str) and message.strip():
                verb = f"{verb} ({message.strip()})"
            show_title = False  # the text names the responder; the title stays in attrs
        merged = _merged_into(data.get("resolve_reason"))
        if kind == EventKind.PAGE_RESOLVED and merged is not None:
            # Resolved because it was merged into another incident, which carries on.
            attrs["merged_into"] = merged[0]
            verb = f"{verb} (merged into {merged[1]})"
        if kind == EventKind.PAGE_ANNOTATED and (data.get("content") or data.get("message")):
            text = str(data.get("content") or data.get("message"))
        else:
            label = f"Incident #{number}" if number is not None else "Incident"
            text = f"{label} {verb}: {title}" if title and show_title else f"{label} {verb}"
        if title:
            attrs["incident"] = title
        incident = data.get("incident")
        incident_id = incident.get("id") if isinstance(incident, dict) else data.get("id")
        if incident_id:
            attrs["incident_id"] = incident_id
        if data.get("urgency"):
            attrs["urgency"] = data["urgency"]
        service_name = _summary(data.get("service"))
        if service_name:
            attrs["service"] = service_name
        result.events.append(
            Event(
                moment.timestamp(),
                SOURCE,
                kind,
                text,
                _agent(event.get("agent"), attrs),
                ref,
                zone_of(raw),
                None,
                attrs,
            )
        )


IMPORTER = PagerDutyImporter()
