"""Opsgenie: alert activity logs, ``GET /v2/alerts/{id}/logs``.

The response is ``{"data": [{"log", "type", "owner", "createdAt", "offset"}], "paging": ...}``;
several pages may be saved one after another (or as a JSON array of pages). ``createdAt`` is
ISO 8601 with ``Z``. ``type`` is coarse (``system``, ``alertRecipient``, ...), so the kind comes
from the log text: "Alert created" -> page-triggered, "acknowledged" -> page-acknowledged,
"closed" -> page-resolved, "escalated" -> page-escalated, notifications -> page-notified,
notes -> page-annotated; anything else is a note. ``owner`` is the person who acted (empty or
``System`` for Opsgenie itself).

A log entry does not say which alert it belongs to, and a file often holds the logs of several
alerts (one request per alert, saved one after another). The page's ``paging`` links name the
alert (``/v2/alerts/{id}/logs``), so each entry carries it in ``attrs["alert"]``: without it an
unrelated alert's closing would close the incident's page too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from postmortems.errors import InputError
from postmortems.importers._io import (
    OUT_OF_RANGE,
    UTC,
    Window,
    head,
    holdable,
    json_values,
    parse_iso,
    read_text,
    zone_of,
)
from postmortems.importers.base import ImportOptions, ImportResult
from postmortems.timeline.event import Event, EventKind, Skipped

SOURCE = "opsgenie"
WHAT = "Opsgenie alert logs JSON (GET /v2/alerts/{id}/logs)"
#: (words in the log text, lower case) -> kind; the first match wins, so order matters.
TEXT_KINDS: tuple[tuple[str, str], ...] = (
    ("unacknowledged", EventKind.NOTE),
    ("acknowledged", EventKind.PAGE_ACKNOWLEDGED),
    ("alert created", EventKind.PAGE_TRIGGERED),
    ("created alert", EventKind.PAGE_TRIGGERED),
    ("reopened", EventKind.PAGE_TRIGGERED),
    ("closed", EventKind.PAGE_RESOLVED),
    ("escalated", EventKind.PAGE_ESCALATED),
    ("assigned", EventKind.PAGE_ESCALATED),
    ("added note", EventKind.PAGE_ANNOTATED),
    ("note added", EventKind.PAGE_ANNOTATED),
)
_SYSTEM_OWNERS = frozenset({"", "system", "opsgenie"})
_ALERT_IN_LINK = re.compile(r"/v2/alerts/([^/?#]+)/logs\b")


def alert_of(page: dict[str, Any]) -> str | None:
    """The alert (id, alias or tiny id, as requested) a page of logs belongs to, read from its
    ``paging`` links; ``None`` when the page has none."""
    paging = page.get("paging")
    if not isinstance(paging, dict):
        return None
    for link in paging.values():
        found = _ALERT_IN_LINK.search(link) if isinstance(link, str) else None
        if found:
            return unquote(found.group(1))
    return None


def kind_of(log: str, log_type: str) -> str:
    """The event kind of one Opsgenie log line."""
    lowered = log.lower()
    for words, kind in TEXT_KINDS:
        if words in lowered:
            return kind
    if log_type == "alertRecipient" or lowered.startswith(("sent ", "notified")):
        return EventKind.PAGE_NOTIFIED
    if log_type == "note":
        return EventKind.PAGE_ANNOTATED
    return EventKind.NOTE


class OpsgenieImporter:
    """Opsgenie alert activity logs."""

    name = "opsgenie"
    description = "Opsgenie alert logs JSON (GET /v2/alerts/{id}/logs)"

    def sniff(self, path: Path) -> bool:
        if not path.is_file():
            return False
        text = head(path)
        return (
            '"data"' in text
            and '"createdAt"' in text
            and '"log"' in text
            and ('"offset"' in text or '"owner"' in text)
        )

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        result = ImportResult(source=SOURCE)
        window = Window(options)
        found = False
        for line, value, error in json_values(read_text(path)):
            if error:
                raise InputError(error, path=str(path), line=line, hint=f"expected {WHAT}")
            pages = value if isinstance(value, list) else [value]
            strays: list[str] = []
            for number, page in enumerate(pages):
                if not isinstance(page, dict) or not isinstance(page.get("data"), list):
                    where = f"{path.name}:{line}" + (f"#{number}" if len(pages) > 1 else "")
                    strays.append(where)
                    continue
                found = True
                alert = alert_of(page)
                for index, entry in enumerate(page["data"]):
                    self._entry(entry, f"{path.name}:{line}#{index}", alert, window, result)
            result.skipped.extend(
                Skipped(SOURCE, where, "not a page of alert logs (no data list)")
                for where in strays
            )
        if not found:
            raise InputError(f"not {WHAT}: no data list", path=str(path))
        return result

    def _entry(
        self, entry: Any, position: str, alert: str | None, window: Window, result: ImportResult
    ) -> None:
        if not isinstance(entry, dict):
            result.skipped.append(Skipped(SOURCE, position, "log is not an object"))
            return
        raw = entry.get("createdAt")
        moment = parse_iso(raw)
        if moment is None or moment.tzinfo is None or holdable(moment) is None:
            why = (
                "missing or unreadable"
                if moment is None
                else "has no offset"
                if moment.tzinfo is None
                else OUT_OF_RANGE
            )
            result.skipped.append(Skipped(SOURCE, position, f"createdAt {raw!r} {why}"))
            return
        if not window.admits(moment):
            return
        log = str(entry.get("log") or "").strip()
        log_type = str(entry.get("type") or "")
        owner = str(entry.get("owner") or "").strip()
        offset = entry.get("offset")
        result.events.append(
            Event(
                moment.astimezone(UTC),
                SOURCE,
                kind_of(log, log_type),
                log or log_type,
                None if owner.lower() in _SYSTEM_OWNERS else owner,
                f"opsgenie:{offset}" if offset else position,
                zone_of(raw),
                None,
                {"type": log_type, "alert": alert} if alert else {"type": log_type},
            )
        )


IMPORTER = OpsgenieImporter()
