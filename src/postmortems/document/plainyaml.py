"""Front matter in its everyday form, read without PyYAML; anything else is left to PyYAML.

Importing PyYAML costs about 25 ms (its reader and resolver compile their expressions at import),
a tenth of the budget for linting one file, to read a dozen ``key: value`` lines. Front matter
as postmortems write it uses a small part of YAML: ``key: value`` lines, lists of names as
``- item`` lines or ``[a, b]``, lists of ``{name, role}`` or ``{title, url}`` entries and one
nested mapping (``slo:``). :func:`load` reads exactly that part and returns what
``yaml.load(text, Loader=CSafeLoader)`` returns for it: the same keys, the same values of the
same types (YAML 1.1 scalars as PyYAML resolves them: ``yes`` is ``True``, ``2025-03-04`` a
date, ``2025-03-04T13:00:00Z`` an aware datetime, ``7`` an int, ``~`` and nothing ``None``).

Whenever the text steps outside that part (comments, quotes, anchors, tags, block scalars,
tabs, deeper nesting, a float, a duplicate key, a character PyYAML refuses ...), :func:`load`
returns :data:`UNSUPPORTED` and the caller uses PyYAML, so an unusual document is read exactly
as before and malformed YAML gets PyYAML's error. A property test compares the two readers.
"""

from __future__ import annotations

import datetime as dt
import re

from postmortems.document.lazyre import lazy

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any, Final

#: Returned when the text is not in the supported form.
UNSUPPORTED: Final = object()

# The characters PyYAML's reader accepts (yaml/reader.py NON_PRINTABLE), less the line breaks
# it knows besides "\n" (\r, \x85, \u2028, \u2029), the tab and the byte order mark, which
# are left to PyYAML.
_REFUSED = lazy(
    "[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff\n]"
)
_KEY = lazy(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*)|)$")
# Characters that start something other than a plain scalar, or change how it reads ("<<" is
# a merge key and "=" a value key to PyYAML).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`<=")
# A plain scalar that is not text: PyYAML's implicit resolvers (yaml/resolver.py), keyed by
# the first character as PyYAML keys them.
_BOOL = {
    word: value
    for value, words in ((True, ("yes", "true", "on")), (False, ("no", "false", "off")))
    for lower in words
    for word in (lower, lower.title(), lower.upper())
}
_NULL = frozenset(("null", "Null", "NULL", "~", ""))
_FLOAT = lazy(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$""",
    re.VERBOSE,
)
_INT = lazy(
    r"""^(?:[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+
                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
    re.VERBOSE,
)
_TIMESTAMP = lazy(
    r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                     (?:[Tt]|[ \t]+)[0-9][0-9]?
                     :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                     (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
    re.VERBOSE,
)
# PyYAML's constructor reads a timestamp's parts with this expression.
_TIMESTAMP_PARTS = lazy(
    r"""^(?P<year>[0-9][0-9][0-9][0-9])
                -(?P<month>[0-9][0-9]?)
                -(?P<day>[0-9][0-9]?)
                (?:(?:[Tt]|[ \t]+)
                (?P<hour>[0-9][0-9]?)
                :(?P<minute>[0-9][0-9])
                :(?P<second>[0-9][0-9])
                (?:\.(?P<fraction>[0-9]*))?
                (?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9][0-9]?)
                (?::(?P<tz_minute>[0-9][0-9]))?))?)?$""",
    re.VERBOSE,
)
_DECIMAL = lazy(r"(?:0|[1-9][0-9]*)")


class _Unsupported(Exception):
    """The text leaves the supported form."""


def load(text: str) -> Any:
    """What PyYAML's safe loader makes of ``text``, or :data:`UNSUPPORTED`."""
    if "#" in text or _REFUSED.search(text):
        return UNSUPPORTED
    lines = [(len(raw) - len(raw.lstrip(" ")), raw.strip(" ")) for raw in text.split("\n")]
    rows = [(indent, body) for indent, body in lines if body]
    if not rows:
        return UNSUPPORTED  # an empty document: None in PyYAML; rare, leave it to PyYAML
    try:
        data, end = _mapping(rows, 0, 0)
    except _Unsupported:
        return UNSUPPORTED
    return data if end == len(rows) else UNSUPPORTED


Row = tuple[int, str]


def _mapping(rows: list[Row], start: int, indent: int) -> tuple[dict[Any, Any], int]:
    """The ``key: value`` lines at ``indent`` from ``rows[start]``; returns the mapping and
    the index of the first row after it."""
    out: dict[Any, Any] = {}
    index = start
    while index < len(rows) and rows[index][0] == indent:
        key, rest = _key_value(rows[index][1])
        if key in out:
            raise _Unsupported
        index += 1
        if rest:
            out[key] = _scalar_or_flow(rest)
            continue
        # "key:" alone: a block below it, or nothing (null).
        below = rows[index][0] if index < len(rows) else -1
        if below > indent:
            if rows[index][1].startswith("- ") or rows[index][1] == "-":
                out[key], index = _sequence(rows, index, below)
            elif indent == 0:
                out[key], index = _flat_mapping(rows, index, below)
            else:
                raise _Unsupported
        elif below == indent and (rows[index][1].startswith("- ") or rows[index][1] == "-"):
            out[key], index = _sequence(rows, index, indent)  # "key:" then "- a" unindented
        else:
            out[key] = None
    if index < len(rows) and rows[index][0] > indent:
        raise _Unsupported
    return out, index


def _key_value(body: str) -> tuple[str, str]:
    match = _KEY.match(body)
    if match is None:
        raise _Unsupported
    key = match.group(1)
    if key in _BOOL or key in _NULL:
        raise _Unsupported  # a key PyYAML would read as a boolean or null
    return key, (match.group(2) or "").strip(" ")


def _flat_mapping(rows: list[Row], start: int, indent: int) -> tuple[dict[Any, Any], int]:
    """A mapping of scalars nested one level (``slo:`` and its keys)."""
    out: dict[Any, Any] = {}
    index = start
    while index < len(rows) and rows[index][0] == indent:
        key, rest = _key_value(rows[index][1])
        if not rest or key in out:
            raise _Unsupported
        out[key] = _scalar_or_flow(rest)
        index += 1
    if index < len(rows) and rows[index][0] > indent:
        raise _Unsupported
    return out, index


def _sequence(rows: list[Row], start: int, indent: int) -> tuple[list[Any], int]:
    """``- item`` lines at ``indent``: scalars, or mappings of scalars ("- name: X" and its
    keys below)."""
    out: list[Any] = []
    index = start
    while index < len(rows) and rows[index][0] == indent and rows[index][1].startswith("- "):
        item = rows[index][1][2:].lstrip(" ")
        index += 1
        match = _KEY.match(item)
        if match is None:
            out.append(_scalar_or_flow(item))
            continue
        # A mapping: its first key on the dash's line, the others aligned under it.
        column = indent + len(rows[index - 1][1]) - len(item)
        entry: dict[Any, Any] = {}
        key, rest = _key_value(item)
        if not rest:
            raise _Unsupported
        entry[key] = _scalar_or_flow(rest)
        while index < len(rows) and rows[index][0] == column:
            key, rest = _key_value(rows[index][1])
            if not rest or key in entry:
                raise _Unsupported
            entry[key] = _scalar_or_flow(rest)
            index += 1
        out.append(entry)
    if index < len(rows) and (
        rows[index][0] > indent or (rows[index][0] == indent and rows[index][1].startswith("-"))
    ):
        raise _Unsupported
    return out, index


def _scalar_or_flow(text: str) -> Any:
    if text.startswith("["):
        if not text.endswith("]"):
            raise _Unsupported
        inner = text[1:-1].strip(" ")
        if not inner:
            return []
        items = [item.strip(" ") for item in inner.split(",")]
        if any(not item or any(c in "[]{}:" for c in item) for item in items):
            raise _Unsupported
        return [_scalar(item) for item in items]
    return _scalar(text)


def _scalar(text: str) -> Any:
    """A plain scalar as PyYAML resolves and constructs it."""
    first = text[:1]
    if first in _INDICATORS or ": " in text or text.endswith(":"):
        raise _Unsupported
    if text in _BOOL:
        return _BOOL[text]
    if text in _NULL:
        return None
    if first in "-+.0123456789":
        if _FLOAT.match(text):
            raise _Unsupported
        if _INT.match(text):
            if _DECIMAL.fullmatch(text):
                return int(text)
            raise _Unsupported  # signs, underscores, octal, hex, base 60: left to PyYAML
        if first.isdigit() and _TIMESTAMP.match(text):
            return _timestamp(text)
    return text


def _timestamp(text: str) -> dt.date | dt.datetime:
    """PyYAML's construct_yaml_timestamp."""
    match = _TIMESTAMP_PARTS.match(text)
    if match is None:
        raise _Unsupported
    values = match.groupdict()
    year, month, day = int(values["year"]), int(values["month"]), int(values["day"])
    try:
        if not values["hour"]:
            return dt.date(year, month, day)
        fraction = 0
        if values["fraction"]:
            fraction = int(values["fraction"][:6].ljust(6, "0"))
        tzinfo: dt.tzinfo | None = None
        if values["tz_sign"]:
            delta = dt.timedelta(
                hours=int(values["tz_hour"]), minutes=int(values["tz_minute"] or 0)
            )
            tzinfo = dt.timezone(-delta if values["tz_sign"] == "-" else delta)
        elif values["tz"]:
            tzinfo = dt.UTC
        return dt.datetime(
            year,
            month,
            day,
            int(values["hour"]),
            int(values["minute"]),
            int(values["second"]),
            fraction,
            tzinfo=tzinfo,
        )
    except ValueError:
        raise _Unsupported from None  # an impossible date: whatever PyYAML does with it
