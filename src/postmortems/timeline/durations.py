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

import datetime as dt
from collections.abc import Mapping

MOMENTS = ("started", "detected", "acknowledged", "mitigated", "resolved")

DEFAULT_DEFINITIONS: dict[str, tuple[str, str]] = {
    "time_to_detect": ("started", "detected"),
    "time_to_acknowledge": ("detected", "acknowledged"),
    "time_to_mitigate": ("started", "mitigated"),
    "time_to_resolve": ("started", "resolved"),
}


def durations(
    moments: Mapping[str, dt.datetime | None],
    definitions: Mapping[str, tuple[str, str]] | None = None,
) -> dict[str, float | None]:
    """Seconds between the moments of each definition, keyed ``<name>_s``.

    A duration is ``None`` when either moment is unknown. A negative duration is returned as it
    is: it says the moments contradict each other, which the writer should see.
    """
    out: dict[str, float | None] = {}
    for name, (start, end) in (definitions or DEFAULT_DEFINITIONS).items():
        a, b = moments.get(start), moments.get(end)
        out[f"{name}_s"] = None if a is None or b is None else (b - a).total_seconds()
    return out


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
