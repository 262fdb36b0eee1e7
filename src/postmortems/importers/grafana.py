"""Grafana: the annotations API (``GET /api/annotations?from=..&to=..``).

``time`` and ``timeEnd`` are epoch *milliseconds*; ``timeEnd`` is missing, 0 or equal to
``time`` for a point annotation, larger for a region (``Event.end``). Alert state annotations
(``newState``: alerting / ok / normal / pending / no_data, and unified alerting's "Alerting
(NoData)", "Normal (MissingSeries)", ...) become ``alert-firing`` (alerting...) and
``alert-resolved`` (back to ok or normal...); a reason added to the state it was in
("Alerting" -> "Alerting (NoData)") is an ``annotation``, as is a state that is neither (pending,
no_data), its text the alert's name and the state when the annotation has none. An annotation
tagged as a feature-flag or configuration change (``feature-flag``, ``flag``, ``config``,
``config-change``, or a flag service's name such as ``launchdarkly``, as flag integrations and
Terraform hooks post them) is a ``config-change``, unless a ``deploy``/``release``/``rollback``
tag says it marks a deployment;
everything else is an ``annotation``. ``text`` may contain HTML, which is reduced to text.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from postmortems.errors import InputError
from postmortems.importers._io import Window, epoch_time, head, load_json, read_bytes, string
from postmortems.importers.base import ImportOptions, ImportResult
from postmortems.timeline.event import Event, EventKind, Skipped

SOURCE = "grafana"
WHAT = "Grafana annotations API JSON (a list of annotations)"
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<\s*(br|/p|/div|/li)\s*/?>", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_FIRING = ("alerting",)
_RESOLVED = ("ok", "normal")
# Tags, compared without case, spaces, "-" or "_": whole tags only ("flagged" is not a flag).
_CONFIG_TAGS = frozenset(
    {
        "featureflag",
        "featureflags",
        "featuretoggle",
        "flag",
        "flags",
        "flagchange",
        "config",
        "configchange",
        "configuration",
        "configurationchange",
        "launchdarkly",
        "unleash",
        "flagsmith",
        "configcat",
        "growthbook",
    }
)
_DEPLOY_TAGS = frozenset({"deploy", "deployment", "release", "rollback", "rollout"})
_TAG_SEPARATORS = re.compile(r"[\s_-]+")


def _is_config_change(tags: list[str]) -> bool:
    names = {_TAG_SEPARATORS.sub("", tag).lower() for tag in tags}
    return bool(names & _CONFIG_TAGS) and not names & _DEPLOY_TAGS


def html_to_text(text: str) -> str:
    """Visible text of an HTML fragment, on one line."""
    if "<" in text:
        text = _TAG.sub("", _BREAK.sub(" ", text))
    if "&" in text:
        text = html.unescape(text)
    return _SPACE.sub(" ", text).strip()


def _millis(value: Any) -> float | None:
    """A JSON number (not a boolean) small enough to divide into a float; else None."""
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) < 1e300:
        return float(value)
    return None


class GrafanaImporter:
    """Grafana annotations (``/api/annotations``)."""

    name = "grafana"
    description = "Grafana annotations API JSON (time/timeEnd in epoch milliseconds)"

    def sniff(self, path: Path) -> bool:
        if not path.is_file():
            return False
        text = head(path)
        return text.lstrip().startswith("[") and (
            '"dashboardUID"' in text
            or '"dashboardId"' in text
            or ('"time"' in text and '"tags"' in text and '"text"' in text)
        )

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        document = load_json(read_bytes(path), path, WHAT)
        if isinstance(document, dict) and isinstance(document.get("annotations"), list):
            document = document["annotations"]
        if not isinstance(document, list):
            raise InputError(f"not {WHAT}", path=str(path), hint="name the right kind as KIND:PATH")
        result = ImportResult(source=SOURCE)
        window = Window(options)
        recognised = not document
        for index, item in enumerate(document):
            recognised |= self._item(item, f"{path.name}#{index}", window, result)
        if not recognised:
            raise InputError(f"not {WHAT}: no item has a time", path=str(path))
        return result

    def _item(self, item: Any, position: str, window: Window, result: ImportResult) -> bool:
        if not isinstance(item, dict):
            result.skipped.append(Skipped(SOURCE, position, "annotation is not an object"))
            return False
        start_ms = item.get("time")
        start = _millis(start_ms)
        time = epoch_time(start / 1000) if start is not None else None
        if start is None or time is None:
            result.skipped.append(Skipped(SOURCE, position, f"missing or bad time {start_ms!r}"))
            return "text" in item or "tags" in item
        end_ms = _millis(item.get("timeEnd"))
        end = epoch_time(end_ms / 1000) if end_ms is not None and end_ms > start else None
        if not window.admits(time, end):
            return True
        state = string(item.get("newState")).lower()
        previous = string(item.get("prevState")).lower()
        # Legacy alerting writes "alerting"/"ok"; unified alerting "Alerting", "Normal",
        # "Alerting (NoData)", "Normal (MissingSeries)", ... A reason added to the state it was
        # already in ("Alerting" -> "Alerting (NoData)" while the query returns nothing) is
        # neither a new firing nor a resolution: the alert stayed where it was.
        if state.startswith(_FIRING) and not previous.startswith(_FIRING):
            kind: str = EventKind.ALERT_FIRING
        elif state.startswith(_RESOLVED) and previous and not previous.startswith(_RESOLVED):
            kind = EventKind.ALERT_RESOLVED
        else:
            kind = EventKind.ANNOTATION
        text = html_to_text(string(item.get("text")))
        if not text:
            name = string(item.get("alertName"))
            text = name or state or "annotation"
            if name and kind == EventKind.ANNOTATION and item.get("newState"):
                # Legacy alerting writes no text: a pending or no_data row would read as the
                # bare alert name, like its firing and resolution rows, the state lost.
                text = f"{name}: {string(item.get('newState'))}"
        tags = item.get("tags")
        tags = [str(tag) for tag in tags if tag] if isinstance(tags, list) else []
        if kind == EventKind.ANNOTATION and _is_config_change(tags):
            kind = EventKind.CONFIG_CHANGE
        attrs: dict[str, Any] = {"tags": tags}
        for key in ("dashboardUID", "panelId", "newState", "prevState", "alertName"):
            if item.get(key):
                attrs[key] = item[key]
        actor = (
            string(item.get("login")) or string(item.get("userName")) or string(item.get("email"))
        )
        annotation_id = item.get("id")
        result.events.append(
            Event(
                time,
                SOURCE,
                kind,
                text,
                actor or None,
                f"grafana:{annotation_id}" if annotation_id is not None else position,
                None,
                end,
                attrs,
            )
        )
        return True


IMPORTER = GrafanaImporter()
