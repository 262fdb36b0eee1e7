"""The one registry of importers: built-ins and plugins register the same way.

Built-ins are named below as ``module:attribute`` and loaded lazily, exactly like the entry points
of the ``postmortems.importers`` group that third-party packages declare::

    [project.entry-points."postmortems.importers"]
    servicenow = "postmortems_servicenow:ServiceNowImporter"

An entry point may name an importer instance or a class (called without arguments).
Detection asks each importer's ``sniff`` in order: specific sources first, plugins next, the
generic ``csv``/``jsonl`` readers last, so a plugin is never shadowed by a generic reader.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

from postmortems.errors import InputError
from postmortems.importers.base import Importer, ImportOptions, ImportResult

ENTRY_POINT_GROUP = "postmortems.importers"

#: Built-in importers, in detection order (most specific content first).
BUILTINS: tuple[str, ...] = (
    "postmortems.importers.slack:IMPORTER",
    "postmortems.importers.pagerduty:IMPORTER",
    "postmortems.importers.opsgenie:IMPORTER",
    "postmortems.importers.alertmanager:IMPORTER",
    "postmortems.importers.prometheus:IMPORTER",
    "postmortems.importers.grafana:IMPORTER",
    "postmortems.importers.github:IMPORTER",
    "postmortems.importers.k8s:IMPORTER",
    "postmortems.importers.git:IMPORTER",
)
#: Readers of any tabular data; asked last.
GENERIC: tuple[str, ...] = (
    "postmortems.importers.jsonl:IMPORTER",
    "postmortems.importers.csvfile:IMPORTER",
)

_KIND_PREFIX = re.compile(r"^([a-z][a-z0-9_-]*):(.+)$", re.DOTALL)

_registered: dict[str, Importer] = {}
_order: list[str] = []
_loaded = False


def register(importer: Importer) -> Importer:
    """Add an importer under its ``name``; a second one with the same name replaces the first.

    Returns the importer, so it can be used as ``IMPORTER = register(MyImporter())``.
    """
    if not isinstance(importer, Importer):
        raise TypeError(f"{importer!r} does not implement the Importer protocol")
    if importer.name not in _registered:
        _order.append(importer.name)
    _registered[importer.name] = importer
    return importer


def _instantiate(obj: Any) -> Importer:
    importer = obj() if isinstance(obj, type) else obj
    if not isinstance(importer, Importer):
        raise TypeError(f"{obj!r} is not an importer")
    return importer


def _load_target(target: str) -> Importer:
    """``module:attr`` (or ``module:Outer.attr``, an extras list ignored) as an importer, loaded
    as an entry point's ``load()`` does."""
    module_name, _, attribute = target.partition("[")[0].partition(":")
    obj: Any = importlib.import_module(module_name.strip())
    for part in filter(None, attribute.strip().split(".")):
        obj = getattr(obj, part)
    return _instantiate(obj)


def _ensure_loaded() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for target in BUILTINS:
        register(_load_target(target))
    # Read from the dist-info files directly: importing importlib.metadata (email, zipfile,
    # csv, socket ...) cost more than every importer module together.
    from postmortems._entry_points import entry_points

    for name, value in entry_points(ENTRY_POINT_GROUP):
        try:
            register(_load_target(value))
        except Exception as exc:  # a broken plugin must not take the built-ins down with it
            raise InputError(
                f"importer plugin {name!r} ({value}) failed to load: {exc}",
                hint="uninstall or fix the plugin",
            ) from None
    for target in GENERIC:
        register(_load_target(target))


def all_importers() -> list[Importer]:
    """Every registered importer, in detection order."""
    _ensure_loaded()
    return [_registered[name] for name in _order]


def names() -> list[str]:
    """Registered importer names, in detection order."""
    return [importer.name for importer in all_importers()]


def get(name: str) -> Importer:
    """The importer registered as ``name``; InputError listing the known kinds otherwise."""
    _ensure_loaded()
    try:
        return _registered[name]
    except KeyError:
        raise InputError(
            f"unknown source kind {name!r}", hint=f"known kinds: {', '.join(_order)}"
        ) from None


def detect(path: Path) -> Importer:
    """The first importer whose ``sniff`` recognises ``path``'s content."""
    if not path.exists():
        raise InputError("no such file or folder", path=str(path))
    for importer in all_importers():
        try:
            if importer.sniff(path):
                return importer
        except Exception:  # sniffing is a guess; a failing guess is a "no"
            continue
    raise InputError(
        "cannot tell what kind of data this is",
        path=str(path),
        hint=f"name it as KIND:PATH, KIND one of {', '.join(_order)}",
    )


def split_spec(spec: str) -> tuple[str | None, Path]:
    """``"slack:export.zip"`` -> ("slack", Path("export.zip")); a bare path -> (None, path).

    A spec that names an existing file is a bare path even when it contains a colon, and a
    prefix that is not a registered kind is an error rather than part of a file name.
    """
    if Path(spec).exists():
        return None, Path(spec)
    match = _KIND_PREFIX.match(spec)
    if match is None:
        return None, Path(spec)
    get(match.group(1))  # raises with the list of kinds when unknown
    return match.group(1), Path(match.group(2))


def load(spec: str, options: ImportOptions | None = None) -> ImportResult:
    """Read one source given as ``KIND:SOURCE`` or a bare path (kind detected from content)."""
    kind, path = split_spec(spec)
    if not path.exists():
        raise InputError("no such file or folder", path=str(path))
    importer = get(kind) if kind is not None else detect(path)
    return importer.read(path, options if options is not None else ImportOptions())
