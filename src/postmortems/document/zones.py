"""Time zones as people write them: "UTC", "CET", "+01:00", "UTC+2", "PT", "Europe/Copenhagen".

A zone that cannot be known (an unknown or ambiguous abbreviation such as "IST") resolves to
``None`` so the caller reports a problem instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from postmortems.document.lazyre import lazy

# Abbreviations with one fixed offset. Regional names without a season ("PT", "ET") follow the
# region's daylight saving rules and map to an IANA zone instead.
_FIXED: dict[str, float] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "ZULU": 0,
    "UT": 0,
    "WET": 0,
    "WEST": 1,
    "BST": 1,
    "CET": 1,
    "MET": 1,
    "CEST": 2,
    "MEST": 2,
    "EET": 2,
    "EEST": 3,
    "MSK": 3,
    "SAST": 2,
    "EAT": 3,
    "GST": 4,
    "PKT": 5,
    "ICT": 7,
    "WIB": 7,
    "SGT": 8,
    "HKT": 8,
    "AWST": 8,
    "PHT": 8,
    "JST": 9,
    "KST": 9,
    "ACST": 9.5,
    "ACDT": 10.5,
    "AEST": 10,
    "AEDT": 11,
    "NZST": 12,
    "NZDT": 13,
    "BRT": -3,
    "ART": -3,
    "NST": -3.5,
    "NDT": -2.5,
    "AST": -4,
    "ADT": -3,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "AKST": -9,
    "AKDT": -8,
    "HST": -10,
}

_REGIONAL: dict[str, str] = {
    "PT": "America/Los_Angeles",
    "PACIFIC": "America/Los_Angeles",
    "PACIFIC TIME": "America/Los_Angeles",
    "MT": "America/Denver",
    "MOUNTAIN": "America/Denver",
    "CT": "America/Chicago",
    "CENTRAL": "America/Chicago",
    "ET": "America/New_York",
    "EASTERN": "America/New_York",
    "EASTERN TIME": "America/New_York",
    "UK": "Europe/London",
    "UK TIME": "Europe/London",
    "LONDON": "Europe/London",
    "CET/CEST": "Europe/Berlin",
    "CEST/CET": "Europe/Berlin",
}

#: Abbreviations that name several zones; seeing one is a problem, not a guess.
AMBIGUOUS: frozenset[str] = frozenset({"IST", "BT", "CAT", "SST", "AMT", "ECT"})

_OFFSET = lazy(r"^(?:UTC|GMT)?\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)

#: A regex alternative matching a zone token right after a time. Longest names first.
ZONE_PATTERN = (
    r"(?:(?:UTC|GMT)\s?[+-−]\s?\d{1,2}(?::?\d{2})?|[+-−]\d{2}:?\d{2}|Z\b|"
    + "|".join(sorted((k for k in _FIXED if k != "Z"), key=len, reverse=True))
    + r"|"
    + "|".join(sorted(AMBIGUOUS, key=lambda name: (-len(name), name)))
    + r"|PT|ET|CT|MT"
    + r")"
)


@lru_cache(maxsize=256)
def resolve_zone(name: str) -> dt.tzinfo | None:
    """The tzinfo for a zone as written, or ``None`` when it cannot be known.

    >>> resolve_zone("CET").utcoffset(None)
    datetime.timedelta(seconds=3600)
    >>> resolve_zone("IST") is None
    True
    """
    text = name.strip().strip("()[]").strip()
    if not text:
        return None
    upper = text.upper()
    if upper in AMBIGUOUS:
        return None
    if upper in _FIXED:
        hours = _FIXED[upper]
        return dt.UTC if hours == 0 else dt.timezone(dt.timedelta(hours=hours), upper)
    match = _OFFSET.match(text)
    if match:
        sign = -1 if match.group(1) in "-−" else 1
        hours, minutes = int(match.group(2)), int(match.group(3) or 0)
        if hours > 14 or minutes > 59:
            return None
        delta = dt.timedelta(hours=hours, minutes=minutes) * sign
        return dt.UTC if not delta else dt.timezone(delta)
    if upper in _REGIONAL:
        return _iana(_REGIONAL[upper])
    if "/" in text or text in ("UTC", "Etc/UTC"):
        return _iana(text)
    return None


def _iana(name: str) -> dt.tzinfo | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def is_utc(tz: dt.tzinfo | None) -> bool:
    """True for UTC in any spelling."""
    if tz is None:
        return False
    offset = tz.utcoffset(dt.datetime(2000, 1, 1))
    return offset == dt.timedelta(0) and getattr(tz, "key", "UTC") in ("UTC", "Etc/UTC", "GMT")


# "All times in UTC", "All times are CET", "Times are in PT", "Timezone: UTC", "(times in UTC)",
# "All timestamps UTC", "Date and Time in CET", "Time (UTC)".
_STATEMENT = lazy(
    # "Time zone: CET", "Timezone is Europe/Berlin" first, so "zone" is never read as a zone.
    r"time\s*-?\s*zone\s*(?:is\s+|:\s*|=\s*)(?P<zone2>[A-Za-z][A-Za-z_]+(?:/[A-Za-z_]+)*"
    r"(?:\s?[+-−]\s?\d{1,2}(?::?\d{2})?)?|[+-−]\d{2}:?\d{2})"
    r"|(?:all\s+)?(?:times?|timestamps?|dates?(?:\s+and\s+times?)?)\s*(?:are\s+|is\s+)?"
    r"(?:(?:given|shown|listed|reported|written|expressed)\s+)?(?:in\s+|:\s*)?"
    r"(?P<zone>[A-Za-z][A-Za-z_]+(?:/[A-Za-z_]+)*(?:\s?[+-−]\s?\d{1,2}(?::?\d{2})?)?|"
    r"[+-−]\d{2}:?\d{2})",
    re.IGNORECASE,
)


def zone_statement(text: str) -> str | None:
    """The zone a sentence states for the whole timeline ("All times in UTC" -> "UTC")."""
    lowered = text.lower()
    if "time" not in lowered and "date" not in lowered and "zone" not in lowered:
        return None
    for match in _STATEMENT.finditer(text):
        zone = match.group("zone") or match.group("zone2")
        if zone and (resolve_zone(zone) is not None or zone.upper() in AMBIGUOUS):
            return zone
    return None
