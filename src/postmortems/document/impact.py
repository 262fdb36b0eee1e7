"""Impact figures: the numbers that measure an incident (users, requests, time, money, budget)."""

from __future__ import annotations

import re

from postmortems.document.blocks import Block
from postmortems.document.lazyre import lazy
from postmortems.model import ImpactFigure

_CURRENCY = r"(?:usd|eur|gbp|dkk|sek|nok|chf|jpy|aud|cad|inr|brl|pln)"
_NUMBER = (
    # Not part of a name such as "orders-db-1" or a version such as "1.270.0".
    r"(?<![\w.-])(?P<num>\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\.?\d)\s*"
    r"(?P<mult>k|m|b|million|thousand|bn|billion)?(?![a-z])"
)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "error_budget",
        lazy(
            rf"(?:~|≈|about |around |approximately )?{_NUMBER}\s*%\s*(?:of\s+)?(?:the\s+|our\s+|"
            r"its\s+|their\s+|this\s+)?(?:[\w-]+\s+){0,3}error[- ]budget",
            re.I,
        ),
    ),
    (
        "error_budget",
        lazy(
            rf"error[- ]budget(?:\s+[\w-]+){{0,4}}?\s*(?::|of|by|was|is|at|=)?\s*{_NUMBER}\s*%",
            re.I,
        ),
    ),
    ("money", lazy(rf"(?:[$€£]|\b{_CURRENCY}\s?){_NUMBER}", re.I)),
    ("money", lazy(rf"{_NUMBER}\s*(?:{_CURRENCY}|dollars|euros|pounds|kroner|kr)\b", re.I)),
    ("percent", lazy(rf"{_NUMBER}\s*(?:%|percent\b)", re.I)),
    (
        "users",
        lazy(
            rf"{_NUMBER}\s+(?:\w+\s+)?(?:users|customers|accounts|tenants|teams|merchants|"
            r"organi[sz]ations|orgs|sites|projects|clients|shoppers|subscribers|people|members|"
            r"sellers|buyers|merchants|drivers|riders|hosts|guests|patients|students|devices|"
            r"stores|restaurants|partners|developers|companies|businesses|households)\b",
            re.I,
        ),
    ),
    (
        "requests",
        lazy(
            rf"{_NUMBER}\s+(?:\w+\s+)?(?:requests|calls|queries|orders|transactions|payments|"
            r"events|messages|jobs|writes|reads|checkouts|logins|sign-?ups|api calls|tickets|"
            r"emails|deliveries|builds|deploys|records|rows|payouts|refunds|invoices|bookings|"
            r"contacts|tickets|searches|uploads|downloads|installs|sessions|notifications|"
            r"page views|pageviews|sms|texts|charges|shipments|listings|files|objects)\b",
            re.I,
        ),
    ),
    (
        "duration",
        lazy(
            rf"{_NUMBER}\s*(?:-\s*)?(?:minutes?|mins?|hours?|hrs?|h|seconds?|secs?|s|days?)\b",
            re.I,
        ),
    ),
)
_DIGIT = lazy(r"\d")
# Cheap substring checks that rule a pattern out before its regular expression runs.
_HINTS: dict[str, tuple[str, ...]] = {
    "error_budget": ("budget",),
    "money": (
        "$",
        "€",
        "£",
        "usd",
        "eur",
        "gbp",
        "dkk",
        "sek",
        "nok",
        "chf",
        "jpy",
        "aud",
        "cad",
        "inr",
        "brl",
        "pln",
        "dollar",
        "euro",
        "pound",
        "kroner",
        " kr",
    ),
    "percent": ("%", "percent"),
}
_MULT = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}


def read_impact(blocks: list[Block]) -> list[ImpactFigure]:
    """Every figure in the blocks, each span counted once (the most specific kind wins)."""
    figures: list[ImpactFigure] = []
    for block in blocks:
        text = block.text
        if block.kind == "heading" or not _DIGIT.search(text):
            continue
        lowered = text.lower()
        taken: list[tuple[int, int]] = []
        for kind, pattern in _PATTERNS:
            hint = _HINTS.get(kind)
            if hint is not None and not any(h in lowered for h in hint):
                continue
            for match in pattern.finditer(text):
                span = match.span()
                if any(a < span[1] and span[0] < b for a, b in taken):
                    continue
                value = _value(match)
                if value is None or (kind in ("users", "requests") and _http_code(match, value)):
                    continue
                taken.append(span)
                line = block.line + text.count("\n", 0, span[0])
                unit = _unit(kind, match.group(0))
                figures.append(ImpactFigure(kind, value, unit, match.group(0).strip(), line))
    return figures


_GROUPING = lazy(r"[,\s]")
_STATUS_WORD = lazy(r"\b(?:http|status|code)\s*$", re.I)
_CURRENCY_WORD = lazy(rf"[$€£]|{_CURRENCY}|dollars|euros|pounds|kroner|kr", re.I)
_UNIT_WORD = lazy(r"[A-Za-z-]+")


def _value(match: re.Match[str]) -> float | None:
    raw = match.group("num")
    if raw is None:
        return None
    number = float(_GROUPING.sub("", raw))
    mult = (match.group("mult") or "").lower()
    return number * _MULT.get(mult, 1.0)


def _http_code(match: re.Match[str], value: float) -> bool:
    """True when the number is an HTTP status ("HTTP 429 requests"), not a count."""
    if not (value.is_integer() and 100 <= value <= 599) or match.group("mult"):
        return False
    before = match.string[max(0, match.start() - 12) : match.start()]
    return bool(_STATUS_WORD.search(before))


def _unit(kind: str, text: str) -> str:
    if kind in ("percent", "error_budget"):
        return "%"
    if kind == "money":
        symbol = _CURRENCY_WORD.search(text)
        return symbol.group(0).upper() if symbol else ""
    words = _UNIT_WORD.findall(text)
    return words[-1].lower() if words else ""
