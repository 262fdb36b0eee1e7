"""The importer seam: one small class per source, registered by name."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from postmortems.timeline.event import Event, Skipped


@dataclass(slots=True)
class ImportOptions:
    """What the caller knows that the data may not say.

    ``start``/``end`` bound the window of interest: importers may skip work outside it early
    (a Slack day file whose date is more than a day away from the window), but must decide from
    each record's own time, never from file names alone. ``tz`` is the zone for naive times;
    without it a naive time is an error, not a guess.
    """

    start: dt.datetime | None = None
    end: dt.datetime | None = None
    tz: dt.tzinfo | None = None
    tz_name: str | None = None
    channels: tuple[str, ...] = ()
    threshold: str | None = None
    columns: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class ImportResult:
    """Events read from one source, and every record that was skipped with its reason."""

    source: str
    events: list[Event] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    #: Numeric series for charts: name -> [(time, value), ...] (Prometheus and friends).
    series: dict[str, list[tuple[dt.datetime, float]]] = field(default_factory=dict)


@runtime_checkable
class Importer(Protocol):
    """A source of events. Implementations live one per module under ``postmortems.importers``."""

    #: Registry name, used as ``KIND:`` prefix on the command line (``slack:export.zip``).
    name: str
    #: One line for ``--help`` and the docs.
    description: str

    def sniff(self, path: Path) -> bool:
        """True when ``path`` looks like this source's data (cheap: read a few KB at most)."""
        ...

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        """Read events from ``path``; raise :class:`postmortems.errors.InputError` when the file is
        unreadable or not this kind of data at all; skip and report malformed records."""
        ...
