"""Durations that follow from the key moments, each defined as a pair of moments.

Defaults (the definitions most incident tools and the SRE literature use):

- ``time_to_detect``: started -> detected
- ``time_to_acknowledge``: detected -> acknowledged
- ``time_to_mitigate``: started -> mitigated
- ``time_to_resolve``: started -> resolved

A team that measures from detection instead (``time_to_mitigate = detected -> mitigated``) passes
its own definitions; :func:`parse_definition` reads ``NAME=FROM:TO``.
"""

from __future__ import annotations

from postmortems.metrics import DEFAULT_DURATIONS as DEFAULT_DEFINITIONS
from postmortems.metrics import durations
from postmortems.model import MOMENTS

__all__ = ["DEFAULT_DEFINITIONS", "durations", "parse_definition"]


def parse_definition(text: str) -> tuple[str, tuple[str, str]]:
    """Read ``NAME=FROM:TO`` (``time_to_mitigate=detected:mitigated``).

    Raises:
        ValueError: with a message naming what is wrong.
    """
    name, eq, pair = text.partition("=")
    start, colon, end = pair.partition(":")
    name, start, end = name.strip(), start.strip(), end.strip()
    if not (eq and colon and name):
        raise ValueError(f"duration {text!r} is not NAME=FROM:TO")
    for moment in (start, end):
        if moment not in MOMENTS:
            raise ValueError(
                f"unknown moment {moment!r} in {text!r}; use one of {', '.join(MOMENTS)}"
            )
    return name, (start, end)
