"""Prometheus: ``GET /api/v1/query_range`` responses (also instant ``query`` vectors).

``data.result[]`` holds one series per label set with ``values: [[unix_seconds, "value"], ...]``
(the value is a string: ``"NaN"``, ``"+Inf"`` and ``"-Inf"`` occur). Every series goes to
``ImportResult.series`` for charts. With ``options.threshold`` (``>1.0``, ``<0.99``, ``>=5``,
``<=0``, ``==0``, ``!=0``) each series also yields ``metric-crossing`` when it enters the
condition and ``metric-recovered`` when it leaves it. NaN samples are gaps: they neither enter
nor leave. A series already in the condition at its first sample crosses there, marked
``attrs["at_start"]`` because the real crossing is earlier than the data.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from postmortems.errors import InputError, UsageError
from postmortems.importers._io import Window, epoch_time, head, load_json, read_bytes
from postmortems.importers.base import ImportOptions, ImportResult
from postmortems.timeline.event import Event, EventKind, Skipped

SOURCE = "prometheus"
WHAT = "a Prometheus query_range response (data.result[].values)"
_THRESHOLD = re.compile(r"^\s*(>=|<=|==|!=|>|<)\s*(\S+)\s*$")
_OPERATORS: dict[str, Callable[[float, float], bool]] = {
    ">": operator.gt,
    "<": operator.lt,
    ">=": operator.ge,
    "<=": operator.le,
    "==": operator.eq,
    "!=": operator.ne,
}


def parse_threshold(expression: str) -> tuple[str, float]:
    """``'>1.0'`` -> (">", 1.0); UsageError for anything else."""
    match = _THRESHOLD.match(expression)
    value = None
    if match:
        try:
            value = float(match[2])
        except ValueError:
            value = None
    if match is None or value is None or math.isnan(value):
        raise UsageError(
            f"cannot read threshold {expression!r}",
            hint="write an operator and a number, e.g. --threshold '>1.0' or '<0.99'",
        )
    return match[1], value


def series_name(metric: dict[str, Any], index: int) -> str:
    """``name{label="value",...}`` as Prometheus prints a series; ``series N`` when unnamed."""
    name = str(metric.get("__name__", ""))
    labels = ",".join(f'{k}="{v}"' for k, v in sorted(metric.items()) if k != "__name__")
    if not name and not labels:
        return f"series {index}"
    return f"{name}{{{labels}}}" if labels else name


def _number(value: float) -> str:
    return f"{value:g}"


def _epoch_text(moment: dt.datetime) -> str:
    """The sample's epoch seconds, exactly (``1739520000``, ``1739520300.5``): a ref must tell
    every sample apart, so no rounding to a few significant digits."""
    seconds = moment.timestamp()
    return str(int(seconds)) if seconds.is_integer() else repr(seconds)


class PrometheusImporter:
    """Prometheus range-query results: series for charts, threshold crossings as events."""

    name = "prometheus"
    description = "Prometheus query_range JSON; with --threshold, crossing events"

    def sniff(self, path: Path) -> bool:
        if not path.is_file():
            return False
        text = head(path)
        return '"resultType"' in text and '"result"' in text

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        condition = parse_threshold(options.threshold) if options.threshold else None
        document = load_json(read_bytes(path), path, WHAT)
        data = document.get("data") if isinstance(document, dict) else None
        if isinstance(document, dict) and document.get("status") == "error":
            raise InputError(
                f"Prometheus error response: {document.get('error', 'unknown error')}",
                path=str(path),
            )
        if not isinstance(data, dict) or not isinstance(data.get("result"), list):
            raise InputError(f"not {WHAT}", path=str(path), hint="name the right kind as KIND:PATH")
        if data.get("resultType") not in ("matrix", "vector"):
            raise InputError(
                f"result type {data.get('resultType')!r} has no series",
                path=str(path),
                hint="save a range query (query_range) or an instant vector",
            )
        result = ImportResult(source=SOURCE)
        window = Window(options)
        for index, item in enumerate(data["result"]):
            position = f"{path.name}#result/{index}"
            if not isinstance(item, dict):
                result.skipped.append(Skipped(SOURCE, position, "series is not an object"))
                continue
            metric = item.get("metric") if isinstance(item.get("metric"), dict) else {}
            assert isinstance(metric, dict)
            name = series_name(metric, index)
            raw_values = item.get("values")
            if raw_values is None and "value" in item:
                raw_values = [item["value"]]
            if not isinstance(raw_values, list):
                result.skipped.append(Skipped(SOURCE, position, "series has no values"))
                continue
            points = self._points(raw_values, position, result)
            if name in result.series:  # labels that print the same (a hand-edited file)
                name = f"{name} (series {index})"
            result.series[name] = points
            if condition is not None:
                self._crossings(name, points, condition, position, window, result)
        return result

    def _points(
        self, values: list[Any], position: str, result: ImportResult
    ) -> list[tuple[dt.datetime, float]]:
        points: list[tuple[dt.datetime, float]] = []
        for number, sample in enumerate(values):
            try:
                stamp, text = sample
                moment = epoch_time(float(stamp))
                if moment is None:  # NaN, infinite, or outside the years an Event can hold
                    raise ValueError(stamp)
                points.append((moment, float(text)))
            except (TypeError, ValueError, OverflowError, OSError):
                result.skipped.append(
                    Skipped(SOURCE, f"{position}/values/{number}", f"bad sample {sample!r}")
                )
        points.sort(key=lambda point: point[0])
        return points

    def _crossings(
        self,
        name: str,
        points: list[tuple[dt.datetime, float]],
        condition: tuple[str, float],
        position: str,
        window: Window,
        result: ImportResult,
    ) -> None:
        symbol, limit = condition
        test = _OPERATORS[symbol]
        inside: bool | None = None
        for time, value in points:
            if math.isnan(value):
                continue
            now = test(value, limit)
            if now == inside:
                continue
            at_start = inside is None
            inside = now
            if at_start and not now:
                continue
            kind = EventKind.METRIC_CROSSING if now else EventKind.METRIC_RECOVERED
            verb = "crossed" if now else "recovered from"
            if window.admits(time):
                attrs: dict[str, Any] = {
                    "series": name,
                    "value": value,
                    "threshold": f"{symbol}{_number(limit)}",
                }
                if at_start:
                    attrs["at_start"] = True
                result.events.append(
                    Event(
                        time,
                        SOURCE,
                        kind,
                        f"{name} {verb} {symbol}{_number(limit)} (value {_number(value)})",
                        None,
                        f"prometheus:{name}@{_epoch_text(time)}",
                        None,
                        None,
                        attrs,
                    )
                )


IMPORTER = PrometheusImporter()
