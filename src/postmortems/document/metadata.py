"""Metadata written in the text of free-form postmortems: "**Date**: 2021-06-22", "- Owner: Dana",
"| Severity | SEV2 |". Front matter always wins over what is found here."""

from __future__ import annotations

import datetime as dt
import re

from postmortems.document.blocks import Block
from postmortems.document.lazyre import lazy
from postmortems.document.times import read_stamp
from postmortems.document.zones import resolve_zone
from postmortems.model import MOMENTS, Meta, Person
from postmortems.model.record import Record

_FIELDS: dict[str, str] = {
    "date": "date",
    "incident date": "date",
    "date of incident": "date",
    "incident day": "date",
    "author": "authors",
    "authors": "authors",
    "written by": "authors",
    "prepared by": "authors",
    "postmortem author": "authors",
    "postmortem authors": "authors",
    "report author": "authors",
    "owner": "owners",
    "owners": "owners",
    "incident owner": "owners",
    "postmortem owner": "owners",
    "document owner": "owners",
    "status": "status",
    "document status": "status",
    "postmortem status": "status",
    "severity": "severity",
    "sev": "severity",
    "incident severity": "severity",
    "severity level": "severity",
    "start": "started",
    "start time": "started",
    "started": "started",
    "incident start": "started",
    "impact start": "started",
    "impact began": "started",
    "began": "started",
    "detected": "detected",
    "detection time": "detected",
    "detected at": "detected",
    "time detected": "detected",
    "acknowledged": "acknowledged",
    "acknowledged at": "acknowledged",
    "mitigated": "mitigated",
    "mitigation time": "mitigated",
    "mitigated at": "mitigated",
    "end": "resolved",
    "end time": "resolved",
    "resolved": "resolved",
    "resolved at": "resolved",
    "resolution time": "resolved",
    "incident end": "resolved",
    "impact end": "resolved",
    "recovered": "resolved",
    "services": "services",
    "service": "services",
    "affected services": "services",
    "services affected": "services",
    "affected systems": "services",
    "systems affected": "services",
    "components": "services",
    "affected components": "services",
    "participants": "participants",
    "responders": "participants",
    "people involved": "participants",
    "incident commander": "participants:incident commander",
    "incident lead": "participants:incident lead",
    "incident manager": "participants:incident manager",
    "ic": "participants:incident commander",
    "attendees": "attendees",
    "facilitator": "facilitator",
    "review facilitator": "facilitator",
    "review date": "review_date",
    "postmortem date": "review_date",
    "review meeting": "review_date",
    "postmortem review": "review_date",
    "retro date": "review_date",
    "time zone": "timezone",
    "timezone": "timezone",
    "tz": "timezone",
    "all times in": "timezone",
    "incident id": "id",
    "incident number": "id",
    "incident no": "id",
    "incident #": "id",
    "tags": "tags",
    "category": "tags",
    "categories": "tags",
    "labels": "tags",
    "duration": "extra",
    "total duration": "extra",
    "impact duration": "extra",
    "total impact duration": "extra",
    "outage duration": "extra",
    "time to detection": "extra",
    "time to detect": "extra",
    "time to recovery": "extra",
    "time to recover": "extra",
    "time to resolve": "extra",
    "time to resolution": "extra",
    "time to mitigate": "extra",
    "detection delay": "extra",
}
_LINE = lazy(r"^\s*(?P<label>[A-Za-z][A-Za-z #/'()-]{0,40}?)\s*[:=]\s*(?P<value>\S.*?)\s*$")
_STATUS = {
    "draft": "draft",
    "wip": "draft",
    "in progress": "draft",
    "in review": "in-review",
    "in-review": "in-review",
    "under review": "in-review",
    "review": "in-review",
    "final": "published",
    "complete": "published",
    "completed": "published",
    "published": "published",
    "done": "published",
}


class Found(Record):
    """A metadata line found in the text: the field it set and where it was."""

    __slots__ = ("block", "field", "label", "line", "value")

    field: str
    label: str
    value: str
    line: int
    block: Block

    def __init__(
        self,
        field: str,
        label: str,
        value: str,
        line: int,
        block: Block,
    ) -> None:
        self.field = field
        self.label = label
        self.value = value
        self.line = line
        self.block = block


def find_metadata(blocks: list[Block]) -> list[Found]:
    """Metadata lines among ``blocks``: one ``Label: value`` per paragraph line, list item or
    two-cell table row, where the label is a known metadata name."""
    found: list[Found] = []
    for block in blocks:
        if block.kind == "row" and len(block.cells) == 2:
            candidates = [(f"{block.cells[0]}: {block.cells[1]}", block.line)]
        elif block.kind in ("paragraph", "item"):
            candidates = [
                (text, block.line + offset) for offset, text in enumerate(block.text.split("\n"))
            ]
        else:
            continue
        for text, line in candidates:
            match = _LINE.match(text)
            if not match:
                continue
            label = " ".join(match.group("label").lower().split()).strip("() ")
            target = _FIELDS.get(label)
            if target is not None:
                found.append(Found(target, label, match.group("value").strip(), line, block))
    return found


_NAME_AND_ROLE = lazy(r"^(?P<name>[^()]+?)\s*\((?P<role>[^()]+)\)$")
#: Role abbreviations written after names ("Dana Ortiz (IC)").
_ROLE_ABBREVIATIONS = {"ic": "incident commander", "im": "incident manager"}


def _add_participant(meta: Meta, text: str, role: str | None) -> None:
    """Add "Dana Ortiz (IC)" as Dana Ortiz, incident commander; a name already listed (the
    commander is often a responder too) keeps one entry and gains a role it lacked."""
    match = _NAME_AND_ROLE.match(text)
    name = text
    if match:
        name = match.group("name").strip()
        written = match.group("role").strip()
        role = role or _ROLE_ABBREVIATIONS.get(written.lower(), written)
    for person in meta.participants:
        if person.name == name:
            if person.role is None:
                person.role = role
            return
    meta.participants.append(Person(name, role))


def apply_metadata(
    meta: Meta, found: list[Found], *, year: int | None, date: dt.date | None, zone: str | None
) -> list[tuple[int, str]]:
    """Fill the fields of ``meta`` that the front matter left empty; returns problems."""
    problems: list[tuple[int, str]] = []
    preset = {k for k, v in meta.origin.items() if v == "front-matter"}
    for item in found:
        target, _, role = item.field.partition(":")
        if target in preset or (target == "extra" and item.label.replace(" ", "_") in preset):
            continue
        value = item.value.rstrip(" .;")
        if target in ("authors", "owners", "services", "tags", "attendees"):
            names = [part.strip() for part in re.split(r",|;|\band\b|&", value) if part.strip()]
            current: list[str] = getattr(meta, target)
            current.extend(n for n in names if n not in current)
        elif target == "participants":
            names = [part.strip() for part in re.split(r",|;|\band\b|&", value) if part.strip()]
            for name in names:
                _add_participant(meta, name, role or None)
        elif target in ("date", "review_date"):
            stamp = read_stamp(value, default_year=year)
            if stamp is not None and stamp.date is not None and getattr(meta, target) is None:
                setattr(meta, target, stamp.date)
        elif target in MOMENTS:
            if getattr(meta, target) is None:
                when = _moment(value, year=year, date=meta.date or date, zone=zone)
                if isinstance(when, str):
                    problems.append((item.line, f"'{item.label}': {when}"))
                    continue
                setattr(meta, target, when)
        elif target == "status":
            status = _STATUS.get(value.lower().strip("*_ "))
            if status is None:
                # "Status: Resolved" describes the incident, not the document.
                meta.extra.setdefault("incident_status", value)
                meta.lines.setdefault("incident_status", item.line)
                meta.origin.setdefault("incident_status", "text")
                continue
            meta.status = meta.status or status
        elif target == "extra":
            meta.extra.setdefault(item.label.replace(" ", "_"), value)
        elif getattr(meta, target, None) is None:
            setattr(meta, target, value)
        key = target if target != "extra" else item.label.replace(" ", "_")
        meta.lines.setdefault(key, item.line)
        meta.origin.setdefault(key, "text")
    return problems


def _moment(
    value: str, *, year: int | None, date: dt.date | None, zone: str | None
) -> dt.datetime | str:
    stamp = read_stamp(value, default_year=year)
    if stamp is None or stamp.time is None:
        return f"cannot read a time in {value!r}"
    day = stamp.date or date
    if day is None:
        return "the time has no date; write the date with it"
    zone_text = stamp.zone or zone
    tz = resolve_zone(zone_text) if zone_text else None
    if tz is None:
        return "the time has no known zone; add one such as UTC or +01:00"
    return dt.datetime.combine(day, stamp.time).replace(tzinfo=tz)
