"""Rows to events for the generic ``csv`` and ``jsonl`` importers: columns and times.

``ImportOptions.columns`` names the columns (``time``, ``text``, ``actor``, ``kind``, ``end``); any
left out are found among common names. Times may be ISO 8601 (zoned, or naive with
``options.tz``), other written forms python-dateutil reads, or epoch numbers in seconds,
milliseconds, microseconds or nanoseconds (told apart by size). A naive time with no ``--tz``
stops the import with an InputError that asks for one: guessing the zone would move every event.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from postmortems.errors import InputError, UsageError
from postmortems.importers._io import OUT_OF_RANGE, UTC, epoch_time, holdable, offset_name, zone_of
from postmortems.importers._zone_names import zone_choices
from postmortems.importers.base import ImportOptions
from postmortems.timeline.event import Event, EventKind

ROLES = ("time", "text", "actor", "kind", "end", "date")
#: Common column names per role, in order of preference (compared case-insensitively).
CANDIDATES: dict[str, tuple[str, ...]] = {
    "time": (
        "time", "timestamp", "@timestamp", "ts", "datetime", "date", "created_at", "createdat",
        "occurred_at", "occurredat", "start", "start_time", "starts_at", "startsat", "when", "at",
        "created", "posted", "posted_at", "logged", "logged_at", "updated_at", "updated",
        "epoch", "unixtime", "unix_time", "time_ms", "timestamp_ms", "timestamp_ns", "ts_ms",
    ),
    "text": (
        "text", "message", "msg", "summary", "description", "title", "event", "log", "body",
        "note", "notes", "details", "what", "update", "content", "comment", "entry", "action",
        "activity", "subject", "status",
    ),
    "actor": ("actor", "user", "author", "owner", "who", "username", "user_name", "name", "by"),
    "kind": ("kind", "type", "event_type", "category"),
    "end": ("end", "end_time", "ends_at", "endsat", "time_end", "timeend", "until"),
    "date": ("date", "day"),
}  # fmt: skip
_KINDS = frozenset(kind.value for kind in EventKind)
#: What spreadsheets and log exports write in a type column, as event kinds.
_KIND_WORDS: dict[str, str] = {
    "alert": EventKind.ALERT_FIRING,
    "alarm": EventKind.ALERT_FIRING,
    "firing": EventKind.ALERT_FIRING,
    "page": EventKind.PAGE_TRIGGERED,
    "deploy": EventKind.DEPLOY_SUCCEEDED,
    "deployment": EventKind.DEPLOY_SUCCEEDED,
    "release": EventKind.DEPLOY_SUCCEEDED,
    "rollback": EventKind.ROLLBACK,
    "revert": EventKind.ROLLBACK,
    "commit": EventKind.COMMIT,
    "config": EventKind.CONFIG_CHANGE,
    "config change": EventKind.CONFIG_CHANGE,
    "configuration": EventKind.CONFIG_CHANGE,
    "chat": EventKind.MESSAGE,
    "comment": EventKind.MESSAGE,
    "annotation": EventKind.ANNOTATION,
}
#: Fields that hold a log line's level, in order of preference (compared case-insensitively).
_LEVEL_FIELDS = (
    "level",
    "severity",
    "log.level",
    "levelname",
    "log_level",
    "loglevel",
    "lvl",
    "@l",
)
#: Levels at which a log line is an error (syslog, log4j, Python, Go, .NET, GCP and others).
_ERROR_LEVELS = frozenset(
    {"error", "err", "fatal", "critical", "crit", "alert", "emerg", "emergency", "panic", "severe"}
)
_TIME_OF_DAY = re.compile(r"^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
#: A date written with its day or month first: ``01.02.2025``, ``31/01/2025``, ``01-31-2025``.
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})([./-])(\d{1,2})\2\d{2,4}(?!\d)")
_HEADER_ZONE = re.compile(
    r"^(.*?)[\s_]*(?:\(([^)]*)\)|\[([^\]]*)\]|[\s_](utc|gmt))$", re.IGNORECASE
)
_NO_YEAR = dt.datetime(1, 1, 1)
_EPOCH_UNITS = ((1e17, 1e9), (1e14, 1e6), (1e11, 1e3))


def split_header(name: str) -> tuple[str, str | None]:
    """``"Time (UTC)"`` -> ("time", "UTC"); ``"timestamp_utc"`` -> ("timestamp", "utc")."""
    clean = name.strip()
    match = _HEADER_ZONE.match(clean)
    if match and match[1]:
        return match[1].strip().lower(), (match[2] or match[3] or match[4]).strip()
    return clean.lower(), None


def zone_from_label(label: str | None) -> dt.tzinfo | None:
    """A zone named in a header ("UTC", "Europe/Berlin", "+01:00", "UTC+1"); None otherwise."""
    if not label:
        return None
    text = label.strip()
    if text.upper() in ("UTC", "GMT", "Z"):
        return UTC
    offset = re.fullmatch(r"(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?", text, re.IGNORECASE)
    if offset:
        minutes = int(offset[2]) * 60 + int(offset[3] or 0)
        return dt.timezone(dt.timedelta(minutes=-minutes if offset[1] == "-" else minutes))
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(text)
    except (ValueError, KeyError, OSError):
        pass
    choices = zone_choices(text)
    # An abbreviation with several meanings (IST) is no zone until something tells which.
    return ZoneInfo(choices[0]) if len(choices) == 1 else None


@dataclass(slots=True)
class Layout:
    """Which column plays which role, and the zone of naive times."""

    columns: dict[str, str]
    tz: dt.tzinfo | None
    tz_name: str | None
    #: Slashed or dashed dates (``01/02/2025``) are day first (see :func:`day_first`).
    dayfirst: bool = False
    #: The zones an abbreviation in the time column's header may mean (``IST``: India,
    #: Ireland, Israel) when it has several and ``tz`` is not yet chosen among them.
    zone_choices: tuple[str, ...] = ()
    #: The text column was guessed and holds one repeated word (``log``, ``block``): a row's
    #: text is that word with the row's other cells (see :func:`categorical`).
    compose_text: bool = False


def day_first(values: Iterable[Any]) -> bool | None:
    """Whether the numeric dates of a column are written day first (``31/01/2025``).

    dateutil reads ``01/02/2025`` as 2 January, the American way; a European sheet means 1
    February. The first date whose first number cannot be a month (``31/01``) says day first,
    the first whose second cannot (``01/31``) says month first; without either, None: the
    column cannot tell (the caller decides, by the window, else month first). Dotted dates
    (``01.02.2025``) are day first wherever they are written, whatever this says.
    """
    for value in values:
        match = _NUMERIC_DATE.match(value) if isinstance(value, str) else None
        if match:
            first, second = int(match[1]), int(match[3])
            if first > 12 >= second:
                return True
            if second > 12 >= first:
                return False
    return None


def starts_with_numeric_date(value: Any) -> bool:
    """Whether a cell starts with a date whose day and month order is in question."""
    return isinstance(value, str) and _NUMERIC_DATE.match(value) is not None


def resolve_columns(names: Iterable[str], options: ImportOptions, where: str) -> Layout:
    """Roles -> columns, from ``options.columns`` first, then from common names.

    A zone in the time column's header ("Time (UTC)") is the zone of its naive times, unless
    ``options.tz`` says otherwise. A ``date`` column is used with a ``time`` column that holds
    only times of day. With no column named like text, the first column no role took is the
    text.
    """
    available = list(names)
    normal: dict[str, str] = {}
    zones: dict[str, str | None] = {}
    for name in available:
        key, zone = split_header(name)
        normal.setdefault(key, name)
        normal.setdefault(name.strip().lower(), name)
        zones[name] = zone
    chosen: dict[str, str] = {}
    for role, column in options.columns.items():
        if role not in ROLES:
            raise UsageError(f"unknown column role {role!r}", hint=f"roles: {', '.join(ROLES)}")
        if column not in available and column.lower() not in normal:
            raise InputError(
                f"no column {column!r} for {role}",
                path=where,
                hint=f"columns: {', '.join(available)}",
            )
        chosen[role] = column if column in available else normal[column.lower()]
    taken = set(chosen.values())
    for role in ROLES:
        if role in chosen:
            continue
        for candidate in CANDIDATES[role]:
            found = normal.get(candidate)
            if found is not None and found not in taken:
                chosen[role] = found
                taken.add(found)
                break
    if "text" not in chosen:
        # No column has a name we know for the text: the first column left over is it (a
        # spreadsheet's "Update" or "Was passiert"), rather than every row reading "(no text)".
        rest = [name for name in available if name not in taken and name.strip()]
        if rest and "time" in chosen:
            chosen["text"] = rest[0]
    if "time" not in chosen:
        raise InputError(
            f"no time column found among: {', '.join(available) or 'none'}",
            path=where,
            hint=f"call one of them {', '.join(CANDIDATES['time'][:6])}, or name it in "
            "ImportOptions.columns['time']",
        )
    tz, tz_name = options.tz, options.tz_name
    choices: tuple[str, ...] = ()
    if tz is None:
        label = zones.get(chosen["time"])
        tz = zone_from_label(label)
        tz_name = _zone_label_name(label, tz)
        if tz is None and label:
            choices = zone_choices(label)
    return Layout(chosen, tz, tz_name, zone_choices=choices)


def _zone_label_name(label: str | None, tz: dt.tzinfo | None) -> str | None:
    """The zone to record for times read in a header's zone: the IANA name an abbreviation
    stands for (``NPT`` -> Asia/Kathmandu), else the label as written."""
    if tz is None or label is None:
        return None
    return str(tz) if zone_choices(label) else label


def parse_time(
    value: Any, tz: dt.tzinfo | None, dayfirst: bool = False
) -> tuple[dt.datetime, str | None]:
    """(aware datetime, zone as written) from a cell; ValueError when unreadable, NaiveTime when
    naive and ``tz`` is None. ``dayfirst`` reads ``01/02/2025`` as 1 February; dotted dates
    (``01.02.2025``) are read day first always."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"no time in {value!r}")
    if isinstance(value, int | float):
        return _from_number(value), None
    text = str(value).strip()
    if not text:
        raise ValueError("empty time")
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not math.isnan(number) and not math.isinf(number):
        return _from_number(number), None
    if _TIME_OF_DAY.match(text):
        raise ValueError(f"time of day {text!r} without a date")
    try:
        moment = dt.datetime.fromisoformat(text)
        zone = zone_of(text)
    except ValueError:
        from dateutil import parser

        try:
            numeric = _NUMERIC_DATE.match(text)
            moment = parser.parse(
                text,
                default=_NO_YEAR,
                dayfirst=dayfirst or (numeric is not None and numeric[2] == "."),
            )
        except (ValueError, OverflowError, parser.ParserError):
            raise ValueError(f"unreadable time {text!r}") from None
        if moment.year == 1:
            raise ValueError(f"time {text!r} has no year") from None
        zone = offset_name(moment) if moment.tzinfo is not None else None
    if moment.tzinfo is None:
        if tz is None:
            raise NaiveTime(text)
        moment = moment.replace(tzinfo=tz)
        zone = None
    if holdable(moment) is None:
        raise ValueError(f"time {text!r} {OUT_OF_RANGE}")
    return moment.astimezone(UTC), zone


class NaiveTime(ValueError):
    """A time with no zone, and no ``--tz`` to read it in."""


def _from_number(value: float) -> dt.datetime:
    try:
        number = float(value)
    except OverflowError:  # an integer too large for a float
        raise ValueError(f"epoch {value!r} out of range") from None
    size = abs(number)
    for limit, divisor in _EPOCH_UNITS:
        if size >= limit:
            number /= divisor
            break
    moment = epoch_time(number)
    if moment is None:
        raise ValueError(f"epoch {number!r} out of range")
    return moment


def _stand_in(row: Mapping[str, Any], layout: Layout, role: str) -> str | None:
    """The field this row has for ``role`` in place of the layout's column, which it lacks:
    JSON Lines from several emitters name the same thing differently (``ts`` here,
    ``@timestamp`` there; ``msg`` and ``message``)."""
    used = set(layout.columns.values())
    found = {
        split_header(key)[0]: key
        for key, value in row.items()
        if key not in used and value not in (None, "")
    }
    return next((found[name] for name in CANDIDATES[role] if name in found), None)


def _fields(row: Mapping[str, Any], layout: Layout) -> dict[str, str]:
    """Roles -> the fields of this row: the layout's columns, with a stand-in for a time, text
    or actor field the row lacks (JSON Lines from several emitters)."""
    fields = dict(layout.columns)
    for role in ("time", "text", "actor"):
        if role in fields and fields[role] not in row:
            stand_in = _stand_in(row, layout, role)
            if stand_in is not None:
                fields[role] = stand_in
    return fields


def _cell_time(row: Mapping[str, Any], fields: Mapping[str, str], role: str) -> Any:
    column = fields[role]
    if column not in row and role == "time":
        raise ValueError(f"no time: no {column!r} or other time field")
    value = row.get(column)
    date_column = fields.get("date")
    if date_column and date_column != column and isinstance(value, str):
        if _TIME_OF_DAY.match(value.strip()):
            return f"{str(row.get(date_column) or '').strip()} {value.strip()}"
        day = str(row.get(date_column) or "").strip()
        if not value.strip() and day:
            # A row that says which day but not when (a follow-up "during the day"): never
            # placed at midnight.
            raise ValueError(f"date {day} has no time of day")
    return value


def row_event(
    row: Mapping[str, Any],
    layout: Layout,
    source: str,
    ref: str,
    where: str,
    line: int,
) -> Event:
    """One row as an event; ValueError (reason) when the row is malformed."""
    columns = layout.columns
    fields = _fields(row, layout)
    try:
        time, zone = parse_time(_cell_time(row, fields, "time"), layout.tz, layout.dayfirst)
        end = None
        if "end" in columns and row.get(columns["end"]) not in (None, ""):
            end, _ = parse_time(_cell_time(row, fields, "end"), layout.tz, layout.dayfirst)
    except NaiveTime as exc:
        hint = "pass --tz ZONE (e.g. --tz Europe/Berlin) to say which zone naive times are in"
        if layout.zone_choices:
            label = split_header(columns["time"])[1]
            hint = (
                f"the header's {label} may be {', '.join(layout.zone_choices)}: pass --tz "
                f"with the one meant (e.g. --tz {layout.zone_choices[0]})"
            )
        raise InputError(f"time {exc} has no zone", path=where, line=line, hint=hint) from None
    if (
        zone is None
        and layout.tz is not None
        and not isinstance(row.get(columns["time"]), int | float)
    ):
        zone = layout.tz_name
    text = str(row.get(fields["text"], "") if "text" in fields else "").strip()
    actor_value = row.get(fields["actor"]) if "actor" in fields else None
    actor = str(actor_value).strip() if actor_value not in (None, "") else None
    raw_kind = str(row.get(columns["kind"], "") or "").strip() if "kind" in columns else ""
    word = raw_kind.lower()
    kind = word if word in _KINDS else _KIND_WORDS.get(word.replace("_", " "), EventKind.NOTE)
    used = set(fields.values())
    if kind == EventKind.NOTE and _is_error_line(row, used):
        kind = EventKind.LOG_ERROR
    attrs = {
        key: value for key, value in row.items() if key not in used and value not in (None, "")
    }
    if raw_kind and kind != word:
        attrs["type"] = raw_kind  # the sheet's own word, when it is not one of ours
    if layout.compose_text and attrs:
        cells = ", ".join(f"{key}={str(value).strip()}" for key, value in attrs.items())
        text = f"{text}: {cells}" if text else cells
    if not text:
        text = raw_kind or "(no text)"
    return Event(time, source, kind, text, actor, ref, zone, end, attrs)


def categorical(values: Iterable[Any]) -> bool:
    """Whether a column's values are one word each, repeated: an enum (a WAF export's
    ``action``: log, block) that names the category of a row, not what happened.

    At least four values, each a single word, with at most half as many distinct ones as values.
    """
    seen: list[str] = []
    for value in values:
        word = str(value or "").strip()
        if not word or len(word.split()) > 1:
            return False
        seen.append(word.lower())
    return len(seen) >= 4 and len(set(seen)) * 2 <= len(seen)


def _is_error_line(row: Mapping[str, Any], used: set[str]) -> bool:
    """Whether a row is a log line at error level or above: a ``level``-like field (or ECS's
    nested ``log.level``) holding an error word (``ERROR``, ``fatal``, ``Critical``, ...)."""
    by_name = {key.lower(): key for key in row if key not in used}
    for name in _LEVEL_FIELDS:
        key = by_name.get(name)
        if key is not None:
            value = row[key]
            return isinstance(value, str) and value.strip().lower() in _ERROR_LEVELS
    nested = row.get("log")
    if isinstance(nested, dict) and isinstance(nested.get("level"), str):
        return nested["level"].strip().lower() in _ERROR_LEVELS
    return False
