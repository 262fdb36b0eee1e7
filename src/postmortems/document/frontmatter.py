"""YAML front matter: split it off, read it into :class:`Meta`, and write it back canonically."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from postmortems.document import plainyaml
from postmortems.document.lazyre import lazy
from postmortems.document.times import read_stamp
from postmortems.document.zones import resolve_zone
from postmortems.errors import InputError
from postmortems.model import MOMENTS, SLO, Link, Meta, Person, Problem

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

#: Canonical key order. Keys not listed here are kept, after these, in the order written.
KEY_ORDER: tuple[str, ...] = (
    "id",
    "title",
    "kind",
    "severity",
    "status",
    "date",
    "timezone",
    "services",
    "tags",
    "authors",
    "participants",
    "owners",
    *MOMENTS,
    "review_date",
    "facilitator",
    "attendees",
    "slo",
    "links",
)
LIST_KEYS = ("services", "tags", "authors", "owners", "attendees")
STATUSES = ("draft", "in-review", "published")
_FENCE = lazy(r"^---[ \t]*\r?$")
_CLOSE = lazy(r"^(?:---|\.\.\.)[ \t]*\r?$")


def split(lines: list[str], path: str | None) -> tuple[str | None, int]:
    """Find the front matter block.

    Returns the YAML text (or ``None``) and the index of the first body line.
    """
    if not lines or not _FENCE.match(lines[0].rstrip("\n")):
        return None, 0
    for index in range(1, len(lines)):
        if _CLOSE.match(lines[index].rstrip("\n")):
            return "".join(lines[1:index]), index + 1
    raise InputError(
        "front matter is not closed",
        path=path,
        line=1,
        hint="end the YAML block with a line holding only '---'",
    )


def load(yaml_text: str, path: str | None) -> dict[str, Any]:
    """Parse the YAML of the front matter; errors carry the document line.

    Front matter in its everyday form is read without importing PyYAML (see
    :mod:`postmortems.document.plainyaml`); the rest goes to PyYAML's safe loader.
    """
    data = plainyaml.load(yaml_text)
    if data is not plainyaml.UNSUPPORTED:
        return {str(k): v for k, v in data.items()}
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(yaml_text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark is not None else 1
        raise InputError(
            f"malformed front matter: {exc.problem or exc}",
            path=path,
            line=line,
            hint="fix the YAML between the '---' lines",
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"malformed front matter: {exc}", path=path, line=1) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(
            "front matter must be a mapping of keys to values",
            path=path,
            line=2,
            hint="write 'key: value' lines between the '---' lines",
        )
    return {str(k): v for k, v in data.items()}


def key_lines(yaml_text: str) -> dict[str, int]:
    """The document line of each top-level key (front matter starts on line 2)."""
    found: dict[str, int] = {}
    # Lines as the document counts them (a U+2028 in a value does not start a new one).
    for offset, line in enumerate(yaml_text.split("\n")):
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if match:
            found.setdefault(match.group(1), offset + 2)
    return found


def to_meta(data: dict[str, Any], lines: dict[str, int], problems: list[Problem]) -> Meta:
    """Read front matter values into a :class:`Meta`, reporting values that make no sense."""
    meta = Meta()
    meta.lines = {k: lines.get(k, 1) for k in data}
    meta.origin = dict.fromkeys(data, "front-matter")
    zone = data.get("timezone")
    tz = resolve_zone(str(zone)) if zone else None
    if zone and tz is None:
        problems.append(Problem(lines.get("timezone", 1), f"unknown time zone {zone!r}"))

    def bad(key: str, message: str) -> None:
        problems.append(Problem(lines.get(key, 1), message))
        meta.extra[key] = data[key]

    handlers: dict[str, Callable[[Any], None]] = {}

    def scalar(key: str) -> Callable[[Any], None]:
        def handle(value: Any) -> None:
            if value is None or isinstance(value, str | int | float):
                setattr(meta, key, None if value is None else str(value))
            else:
                bad(key, f"'{key}' should be text")

        return handle

    for key in ("id", "title", "severity", "facilitator"):
        handlers[key] = scalar(key)

    def kind(value: Any) -> None:
        if value is not None:
            meta.kind = str(value).strip().lower()

    def status(value: Any) -> None:
        scalar("status")(value)
        if meta.status and meta.status not in STATUSES:
            problems.append(
                Problem(lines.get("status", 1), f"status should be one of {', '.join(STATUSES)}")
            )

    def timezone(value: Any) -> None:
        meta.timezone = None if value is None else str(value)

    handlers.update(kind=kind, status=status, timezone=timezone)

    def listing(key: str) -> Callable[[Any], None]:
        def handle(value: Any) -> None:
            items = _as_list(value)
            if items is None:
                bad(key, f"'{key}' should be a list of names")
            else:
                setattr(meta, key, items)

        return handle

    for key in LIST_KEYS:
        handlers[key] = listing(key)

    def participants(value: Any) -> None:
        people = _as_people(value)
        if people is None:
            bad("participants", "'participants' should be a list of names or {name, role}")
        else:
            meta.participants = people

    def moment(key: str) -> Callable[[Any], None]:
        def handle(value: Any) -> None:
            if value is None:
                return
            when = _as_datetime(value, tz)
            if when is None:
                bad(key, f"'{key}' is not a date and time with an offset ({value!r})")
            elif when.tzinfo is None:
                bad(key, f"'{key}' has no time zone; add an offset such as +00:00 or set timezone")
            else:
                setattr(meta, key, when)

        return handle

    for key in MOMENTS:
        handlers[key] = moment(key)

    def day(key: str) -> Callable[[Any], None]:
        def handle(value: Any) -> None:
            if value is None:
                return
            if isinstance(value, dt.datetime):
                bad(key, f"'{key}' should be a date (YYYY-MM-DD), not a date and time")
            elif isinstance(value, dt.date):
                setattr(meta, key, value)
            else:
                bad(key, f"'{key}' should be a date written YYYY-MM-DD ({value!r})")

        return handle

    handlers["date"] = day("date")
    handlers["review_date"] = day("review_date")

    def slo(value: Any) -> None:
        if value is None:
            return
        if isinstance(value, str):
            meta.slo = SLO(name=value)
        elif isinstance(value, dict) and all(
            isinstance(v, str | int | float | type(None)) for v in value.values()
        ):
            known = {"name", "target", "window", "budget_consumed"}
            unknown = set(value) - known
            if unknown:
                bad("slo", f"'slo' has unknown keys: {', '.join(sorted(map(str, unknown)))}")
                return
            meta.slo = SLO(**{k: (None if v is None else str(v)) for k, v in value.items()})
        else:
            bad("slo", "'slo' should be a name or a mapping with name, target, window")

    def links(value: Any) -> None:
        result = _as_links(value)
        if result is None:
            bad("links", "'links' should be a list of URLs or {title, url}")
        else:
            meta.links = result

    handlers.update(participants=participants, slo=slo, links=links)

    for key, value in data.items():
        handler = handlers.get(key)
        if handler is None:
            meta.extra[key] = value
        else:
            handler(value)
    return meta


def _as_list(value: Any) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in re.split(r",|;|\band\b", value) if part.strip()]
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return [str(v) for v in value]
    return None


def _as_people(value: Any) -> list[Person] | None:
    if value is None:
        return []
    names = _as_list(value)
    if names is not None:
        return [Person(name) for name in names]
    if not isinstance(value, list):
        return None
    people = []
    for entry in value:
        if isinstance(entry, str):
            people.append(Person(entry))
        elif isinstance(entry, dict) and isinstance(entry.get("name"), str):
            if set(entry) - {"name", "role"}:
                return None
            role = entry.get("role")
            people.append(Person(entry["name"], None if role is None else str(role)))
        else:
            return None
    return people


def _as_links(value: Any) -> list[Link] | None:
    if value is None:
        return []
    if not isinstance(value, list):
        value = [value]
    result = []
    for entry in value:
        if isinstance(entry, str):
            result.append(Link(entry))
        elif isinstance(entry, dict) and isinstance(entry.get("url"), str):
            if set(entry) - {"url", "title"}:
                return None
            title = entry.get("title")
            result.append(Link(entry["url"], None if title is None else str(title)))
        else:
            return None
    return result


def _as_datetime(value: Any, tz: dt.tzinfo | None) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        when = value
    elif isinstance(value, str):
        stamp = read_stamp(value)
        if stamp is None or stamp.date is None or stamp.time is None or stamp.rest.strip():
            return None
        when = dt.datetime.combine(stamp.date, stamp.time)
        if stamp.zone:
            zone = resolve_zone(stamp.zone)
            if zone is None:
                return None
            when = when.replace(tzinfo=zone)
    else:
        return None
    if when.tzinfo is None and tz is not None:
        when = when.replace(tzinfo=tz)
    return when


# ---------------------------------------------------------------------------------------------
# Writing


def meta_to_data(meta: Meta, present: tuple[str, ...] = ()) -> dict[str, Any]:
    """The front matter mapping for ``meta`` in canonical key order.

    Empty fields are left out unless their key is in ``present`` (a template lists every key).
    Fields read from the text or the title heading stay there and are left out too.
    """
    values: dict[str, Any] = {
        "id": meta.id,
        "title": meta.title,
        "kind": meta.kind if (meta.kind != "incident" or "kind" in present) else None,
        "severity": meta.severity,
        "status": meta.status,
        "date": meta.date,
        "timezone": meta.timezone,
        "services": meta.services,
        "tags": meta.tags,
        "authors": meta.authors,
        "participants": [
            p.name if p.role is None else {"name": p.name, "role": p.role}
            for p in meta.participants
        ],
        "owners": meta.owners,
        **{key: getattr(meta, key) for key in MOMENTS},
        "review_date": meta.review_date,
        "facilitator": meta.facilitator,
        "attendees": meta.attendees,
        "slo": None
        if meta.slo is None
        else {
            k: v
            for k, v in (
                ("name", meta.slo.name),
                ("target", meta.slo.target),
                ("window", meta.slo.window),
                ("budget_consumed", meta.slo.budget_consumed),
            )
            if v is not None
        },
        "links": [
            link.url if link.title is None else {"title": link.title, "url": link.url}
            for link in meta.links
        ],
    }
    data: dict[str, Any] = {}
    in_text = {k for k, v in meta.origin.items() if v in ("text", "heading", "section")}
    for key in KEY_ORDER:
        value = values[key]
        if key in in_text:
            continue
        if key in meta.extra:
            data[key] = meta.extra[key]
        elif (value is not None and value != []) or key in present:
            data[key] = value
    for key, value in meta.extra.items():
        if key not in data and key not in in_text:
            data[key] = value
    return data


def dump(data: dict[str, Any]) -> str:
    """YAML text for front matter: block style, indented lists, times as ISO 8601."""
    import yaml

    class Dumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)

    def datetime(dumper: yaml.SafeDumper, value: dt.datetime) -> yaml.Node:
        return dumper.represent_scalar("tag:yaml.org,2002:timestamp", format_datetime(value))

    def none(dumper: yaml.SafeDumper, value: None) -> yaml.Node:
        return dumper.represent_scalar("tag:yaml.org,2002:null", "")

    Dumper.add_representer(dt.datetime, datetime)
    Dumper.add_representer(type(None), none)
    text: str = yaml.dump(
        data,
        Dumper=Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=10_000,
    )
    return text.replace(": \n", ":\n")


def format_datetime(value: dt.datetime) -> str:
    """ISO 8601 with the writer's offset (``Z`` for UTC), to the second."""
    text = value.isoformat(timespec="microseconds" if value.microsecond else "seconds")
    return text[:-6] + "Z" if text.endswith("+00:00") else text
