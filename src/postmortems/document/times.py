"""Dates and times as people write them in postmortems.

``read_stamp`` reads the timestamp a timeline entry starts with ("2021-06-22 08:21", "**16:58 UTC**
-", "13:55 PST", "Mar 4, 14:02", "2025-02-14T08:58:55Z") and returns its parts without guessing
what is missing; the caller supplies the date and zone the document states.
"""

from __future__ import annotations

import datetime as dt
import re

from postmortems.document.lazyre import lazy
from postmortems.document.zones import ZONE_PATTERN
from postmortems.model.record import Record

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)"
_ORD = r"(?:st|nd|rd|th)?"

# Dates: ISO (2025-02-14, 2025/02/14), day-first with dots (14.02.2025), month names in either
# order with or without a year. Slashed numeric dates other than ISO order are ambiguous between
# US and European writing and are deliberately not read.
_DATE = (
    r"(?P<iso>(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2}))"
    r"|(?P<dotted>(?P<dd>\d{1,2})\.(?P<dm>\d{1,2})\.(?P<dy>\d{4}))"
    rf"|(?P<mdy>{_WEEKDAY}?(?P<mn>{_MONTH})\s+(?P<md>\d{{1,2}}){_ORD}(?:,?\s+(?P<my>\d{{4}}))?)"
    rf"|(?P<dmy>{_WEEKDAY}?(?P<xd>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<xm>{_MONTH})(?:,?\s+(?P<xy>\d{{4}}))?)"
)
_TIME = (
    r"(?P<h>\d{1,2}):(?P<min>[0-5]\d)(?::(?P<s>[0-5]\d)(?:[.,](?P<frac>\d{1,9}))?)?"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?)(?![a-z]))?"
)
_ZONE = rf"(?P<zone>\(?(?:(?-i:{ZONE_PATTERN})|utc\b|gmt\b)\)?)"

_LEAD = r"^[\s*_`\[(|]*"
_STAMP = lazy(
    _LEAD
    + rf"(?:(?:{_DATE})(?:\s*(?:T|,|at|@|-|–)?\s*|$))?"
    + rf"(?:{_TIME}(?:\s*{_ZONE}(?![A-Za-z]))?)?",
    re.IGNORECASE,
)
_PLACEHOLDER_TIME = lazy(
    _LEAD + r"(?:[\dxXyYmMdD?]{2,4}(?:[-/][\dxXyYmMdD?]{1,2}){1,3})?\s*"
    r"(?:HH:?mm|hh:?mm|[-?]{2}:[-?]{2}|\d{1,2}:\?\?|\?\?:\?\?)",
)
_AFTER = lazy(r"^[\s*_`\])|]*(?:[-–—:|>.]+\s*)?[*_`]*\s*")


_FIRST_WORD = lazy(r"^[\s*_`\[(|]*(\w+)")
_STARTS = frozenset(
    [
        *MONTHS,
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        "hh",
        "yyyy",
        "xx",
        "xxxx",
        "20xx",
        "19xx",
    ]
)


class Stamp(Record):
    """The parts of a timestamp that were written; anything not written is ``None``."""

    __slots__ = ("date", "placeholder", "rest", "text", "time", "year_known", "zone")

    text: str
    rest: str
    date: dt.date | None
    year_known: bool
    time: dt.time | None
    zone: str | None
    placeholder: bool

    def __init__(
        self,
        text: str,
        rest: str,
        date: dt.date | None = None,
        year_known: bool = True,
        time: dt.time | None = None,
        zone: str | None = None,
        placeholder: bool = False,
    ) -> None:
        self.text = text
        self.rest = rest
        self.date = date
        self.year_known = year_known
        self.time = time
        self.zone = zone
        self.placeholder = placeholder


def read_stamp(text: str, *, default_year: int | None = None) -> Stamp | None:
    """Read the timestamp ``text`` starts with, or ``None`` when it starts with none.

    >>> s = read_stamp("**16:58 UTC** - Writer database saturates")
    >>> (s.time, s.zone, s.rest)
    (datetime.time(16, 58), 'UTC', 'Writer database saturates')
    >>> read_stamp("2021-06-22 08:21").date
    datetime.date(2021, 6, 22)
    """
    first = _FIRST_WORD.match(text)
    if first is None or not (first.group(1)[0].isdigit() or first.group(1).lower() in _STARTS):
        # Most lines start with neither a digit, a month, a weekday nor a placeholder; skip
        # the full expressions for them.
        return None
    # A placeholder time holds "HH", "hh", a "?" or "-:" ("--:--"); most stamps have none.
    maybe_placeholder = "?" in text or "HH" in text or "hh" in text or "-:" in text
    placeholder = _PLACEHOLDER_TIME.match(text) if maybe_placeholder else None
    if placeholder and placeholder.end() > 0:
        iso = re.match(_LEAD + r"(\d{4})-(\d{1,2})-(\d{1,2})\b", text)
        date = _safe_date(int(iso[1]), int(iso[2]), int(iso[3])) if iso else None
        rest = _AFTER.sub("", text[placeholder.end() :], count=1)
        return Stamp(text=placeholder.group(0).strip(" *|"), rest=rest, date=date, placeholder=True)
    match = _STAMP.match(text)
    if not match:
        return None
    has_time = bool(match.group("h"))
    has_date = _has_date(match)
    if not (has_time or has_date):
        return None
    date, year_known = _date_of(match, default_year)
    if has_date and date is None and year_known:
        return None
    time = _time_of(match)
    if has_time and time is None:
        return None
    if time is None and date is None and not (has_date and not year_known):
        return None
    zone = match.group("zone")
    if zone:
        zone = zone.strip("()")
    end = match.end()
    stamp_text = text[:end].strip(" *_`[(|").rstrip(" -–,@").strip()
    rest = _AFTER.sub("", text[end:], count=1)
    return Stamp(text=stamp_text, rest=rest, date=date, year_known=year_known, time=time, zone=zone)


def _has_date(match: re.Match[str]) -> bool:
    return any(match.group("iso", "dotted", "mdy", "dmy"))


def _date_of(match: re.Match[str], default_year: int | None) -> tuple[dt.date | None, bool]:
    if match.group("iso"):
        return _safe_date(int(match["y"]), int(match["m"]), int(match["d"])), True
    if match.group("dotted"):
        return _safe_date(int(match["dy"]), int(match["dm"]), int(match["dd"])), True
    if match.group("mdy") or match.group("dmy"):
        month_name = (match.group("mn") or match.group("xm")).lower().rstrip(".")
        day = int(match.group("md") or match.group("xd"))
        year_text = match.group("my") or match.group("xy")
        month = MONTHS.get(month_name)
        if month is None:
            return None, True
        if year_text:
            return _safe_date(int(year_text), month, day), True
        if default_year is None:
            return None, False
        return _safe_date(default_year, month, day), False
    return None, True


def _time_of(match: re.Match[str]) -> dt.time | None:
    hours, minutes, seconds, fraction, written = match.group("h", "min", "s", "frac", "ampm")
    if not hours:
        return None
    hour, minute = int(hours), int(minutes)
    second = int(seconds) if seconds else 0
    micro = int(fraction[:6].ljust(6, "0")) if fraction else 0
    ampm = written.replace(".", "").lower() if written else ""
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 24 or (hour == 24 and (minute or second)):
        return None
    if hour == 24:
        hour = 0  # "24:00" is written for the end of a day; callers roll the date when needed.
    return dt.time(hour, minute, second, micro)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_DIGIT = lazy(r"\d")
_ISO_DAY = lazy(r"\d{4}-\d{2}-\d{2}$")
_ANY_DATE = lazy(rf"(?<![\d/.-])(?:{_DATE})(?![\d/])", re.IGNORECASE)


def find_date(text: str, *, default_year: int | None = None) -> dt.date | None:
    """The first full date mentioned anywhere in ``text`` ("On September 29, 2025, ...")."""
    if not _DIGIT.search(text):
        return None
    for match in _ANY_DATE.finditer(text):
        date, year_known = _date_of(match, default_year)
        if date is not None and (year_known or default_year is not None):
            return date
    return None


def find_year(text: str) -> int | None:
    """A plausible four-digit year mentioned in ``text``."""
    match = re.search(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)", text)
    return int(match.group(1)) if match else None


def parse_date(text: str, *, default_year: int | None = None) -> dt.date | None:
    """A date written alone ("2025-03-01", "March 1, 2025", "1 Mar 2025"), or ``None``."""
    text = text.strip()
    if len(text) == 10 and _ISO_DAY.match(text):
        return _safe_date(int(text[:4]), int(text[5:7]), int(text[8:]))
    stamp = read_stamp(text, default_year=default_year)
    if stamp is None or stamp.date is None or stamp.time is not None or stamp.rest.strip():
        return None
    return stamp.date
